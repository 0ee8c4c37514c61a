"""One WebSocket connection of the Client: request ids, the replies awaited, its tasks.

Private to :mod:`pigeon.sdk.client`; it knows frames, not the outbox or the sync state.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Coroutine

import aiohttp

from pigeon.core.frames import ClientFrame, Conversations, Hello, History, Read, ServerFrame, encode

log = logging.getLogger("pigeon.sdk")


class ConnectionLost(Exception):
    """The WebSocket closed (error, goodbye, heartbeat timeout): reconnect."""


ReplyHandler = Callable[["ServerFrame | None"], None]  # None: the connection was lost


class Connection:
    """One WebSocket: request ids, the replies awaited on it, and a write lock."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, number: int) -> None:
        self.ws = ws
        self.number = number
        self._ids = itertools.count(1)
        self._replies: dict[int, ReplyHandler] = {}
        self._write_lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self.lagged = False

    def spawn(self, coro: Coroutine[None, None, None], name: str) -> asyncio.Task[None]:
        """A task that lives as long as this connection (see :meth:`stop_tasks`)."""
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        if not isinstance(exc, ConnectionLost):
            log.error("pigeon: %s failed", task.get_name(), exc_info=exc)
        self.lost()  # wakes every waiter; the connection loop sees the failure

    async def stop_tasks(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        # Each exception was either raised by the connection loop or logged there.
        await asyncio.gather(*tasks, return_exceptions=True)

    def next_id(self) -> int:
        return next(self._ids)

    def on_reply(self, request_id: int, handler: ReplyHandler) -> None:
        self._replies[request_id] = handler

    def dispatch(self, request_id: int, frame: ServerFrame) -> bool:
        handler = self._replies.pop(request_id, None)
        if handler is None:
            return False
        handler(frame)
        return True

    def lost(self) -> None:
        """The connection is gone: every handler still waiting hears None."""
        replies, self._replies = self._replies, {}
        for handler in replies.values():
            handler(None)

    async def send(self, frame: ClientFrame) -> None:
        if self.ws.closed:
            raise ConnectionLost("closed")
        async with self._write_lock:
            try:
                await self.ws.send_str(encode(frame).decode())
            except (ConnectionError, aiohttp.ClientError) as exc:
                raise ConnectionLost(type(exc).__name__) from exc

    async def request(
        self, frame: Hello | History | Conversations | Read, timeout_s: float
    ) -> ServerFrame:
        """Send ``frame`` (its id already set) and wait, bounded, for its reply. Raises
        ConnectionLost if the connection closes first, TimeoutError after ``timeout_s``."""
        future: asyncio.Future[ServerFrame] = asyncio.get_running_loop().create_future()

        def settle(frame: ServerFrame | None) -> None:
            if future.done():
                return
            if frame is None:
                future.set_exception(ConnectionLost("closed while waiting for a reply"))
            else:
                future.set_result(frame)

        self._replies[frame.id] = settle
        try:
            await self.send(frame)
            async with asyncio.timeout(timeout_s):  # not wait_for: see Client._send_loop
                return await future
        finally:
            self._replies.pop(frame.id, None)
