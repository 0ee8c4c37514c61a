"""A test-only TCP proxy in front of PostgreSQL that can cut a connection at COMMIT.

It relays bytes both ways and reads the client's side of the protocol message by message.
Armed with :meth:`CommitCutter.cut_next_commit`, the next transaction that sent ``marker``
(a fragment of its SQL or of a parameter's value) has its ``COMMIT`` delivered to the
server, the server's answer read and dropped, and both sockets closed: the transaction
committed, and the client cannot know.
That is a primary lost during COMMIT, on demand (CLUSTER-NOTES §3, D51).
"""

from __future__ import annotations

import asyncio
import contextlib
import struct
from dataclasses import dataclass, field

from pigeon.chaos.proxy import drain_accepts
from tests.helpers.timing import TIMEOUT_S

# Untyped first messages: SSLRequest and GSSENCRequest come before the startup message.
_PRE_STARTUP = {80877103, 80877104}


@dataclass
class CommitCutter:
    """Listens on 127.0.0.1 (``port``), forwarding to PostgreSQL on ``upstream_port``."""

    upstream_port: int
    port: int = 0
    cuts: int = 0  # commits cut so far
    _marker: bytes | None = None
    _cut_done: asyncio.Event = field(default_factory=asyncio.Event)
    _server: asyncio.Server | None = None
    _closing: bool = False
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    async def start(self) -> CommitCutter:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def cut_next_commit(self, marker: str) -> None:
        """Cut the next COMMIT of a transaction whose messages contained ``marker``."""
        self._marker = marker.encode()
        self._cut_done.clear()

    async def wait_cut(self) -> None:
        await asyncio.wait_for(self._cut_done.wait(), TIMEOUT_S)

    async def close(self) -> None:
        """End every connection, those accepted just before the listener closed included
        (their tasks start at the next loop turn and must find the cutter closing): a
        socket left to the garbage collector is a ResourceWarning a later test is blamed for."""
        self._closing = True
        if self._server is not None:
            self._server.close()
        await drain_accepts()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        up_writer: asyncio.StreamWriter | None = None
        down: asyncio.Task[None] | None = None
        try:
            if self._closing:
                return
            try:
                up_reader, up_writer = await asyncio.open_connection(
                    "127.0.0.1", self.upstream_port
                )
            except OSError:
                return
            swallow = asyncio.Event()  # set: the server's next answer is dropped, then all closes
            answered = asyncio.Event()
            down = asyncio.create_task(self._down(up_reader, writer, swallow, answered))
            with contextlib.suppress(OSError, asyncio.IncompleteReadError):
                await self._up(reader, up_writer, swallow, answered)
        finally:
            # Also when cancelled mid-dial: every socket closed before the test's loop ends
            # (an abort only schedules the close, hence the wait).
            if down is not None:
                down.cancel()
                await asyncio.gather(down, return_exceptions=True)
            ends = [w for w in (writer, up_writer) if w is not None]
            for w in ends:
                w.transport.abort()
            await asyncio.gather(*(w.wait_closed() for w in ends), return_exceptions=True)
            self._tasks.discard(task)

    async def _down(
        self,
        up_reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        swallow: asyncio.Event,
        answered: asyncio.Event,
    ) -> None:
        with contextlib.suppress(OSError):
            while data := await up_reader.read(65536):
                if swallow.is_set():
                    answered.set()  # COMMIT's answer: it committed; the client never hears
                    return
                writer.write(data)
                await writer.drain()

    async def _up(
        self,
        reader: asyncio.StreamReader,
        up_writer: asyncio.StreamWriter,
        swallow: asyncio.Event,
        answered: asyncio.Event,
    ) -> None:
        # Startup: untyped messages until the startup message itself.
        while True:
            head = await reader.readexactly(8)
            length, code = struct.unpack("!ii", head)
            up_writer.write(head + await reader.readexactly(length - 8))
            await up_writer.drain()
            if code not in _PRE_STARTUP:
                break
        marked = False  # this transaction's SQL contained the marker
        while True:
            head = await reader.readexactly(5)
            kind, length = head[:1], struct.unpack("!i", head[1:])[0]
            body = await reader.readexactly(length - 4)
            if self._marker is not None and self._marker in body:
                marked = True
            statement = body.rstrip(b"\0;").strip().upper() if kind == b"Q" else b""
            if statement == b"ROLLBACK":
                marked = False
            if statement == b"COMMIT" and marked:
                marked = False
                if self._marker is not None:
                    self._marker = None
                    swallow.set()
                    up_writer.write(head + body)
                    await up_writer.drain()
                    await asyncio.wait_for(answered.wait(), TIMEOUT_S)
                    self.cuts += 1
                    self._cut_done.set()
                    return  # both sockets close
            up_writer.write(head + body)
            await up_writer.drain()
