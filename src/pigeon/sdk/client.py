"""The async WebSocket client: an app uses it without thinking about failures.

::

    async with Client("http://127.0.0.1:8700", token, state="~/.app/pigeon.json") as c:
        ack = await c.send(conv, "hello")          # returns once durable (G1), exactly once (G2)
        async for item in c.events():               # every event of every conversation (G4)
            if isinstance(item, Resynced):
                forget_everything()                 # then everything comes again from seq 1
            else:
                show(item)

What it does for you:

- **Connection.** A background task connects, says hello with the epoch and cursors it
  holds, and reconnects after any failure or a ``goodbye``, waiting a full-jitter
  exponential backoff (``backoff_min_s`` doubling to ``backoff_max_s``) between attempts.
  Every network wait is bounded (``connect_timeout_s``, ``request_timeout_s``, heartbeats).
  Until the first connection succeeds, each failed attempt is logged at WARNING with its
  reason (later ones, during an outage, at INFO), and :meth:`Client.wait_connected` raises
  :class:`~pigeon.sdk.ServerUnreachable` after ``wait_connected_s``; the URL is checked when
  the Client is made.
- **Sending.** :meth:`Client.send`, :meth:`Client.edit` and :meth:`Client.delete` put the write
  in a bounded outbox under a ``client_msg_id`` (a fresh uuid4 unless you give one). It is
  sent, and sent again on every reconnect, with that same id until the server acks it; a
  retried id returns the original ack (``duplicate`` true), so a write is never applied
  twice (G2). Refusals for rate (``rate_limited``, ``busy``) wait ``retry_after_ms`` and
  retry; other refusals raise :class:`~pigeon.sdk.ApiError`. **Order:** one client's writes
  into one conversation are stored in the order they were called, even when some are held
  back by the rate limit (one write per conversation is on the wire at a time; other
  conversations go on meanwhile). There is no order across conversations or clients.
- **Receiving.** :meth:`Client.events` / :meth:`Client.next_event` yield every event of every
  conversation the user is in, exactly once and in seq order per conversation, from pushes,
  the acks of its own writes (the server does not push those to the connection that sent
  them) and history pulls (see :mod:`pigeon.sdk.sync`). Typing notices come separately, from
  :meth:`Client.typing_notices`. A ``member_removed`` naming the user is the last event of
  that conversation: its cursor is dropped (a hello carries at most 10,000), so if the user
  is added again the app receives that conversation again from seq 1.
- **Resync.** When the server's store was restored from a backup (its epoch changed), the
  hello is refused with ``resync_required``. The client then drops its cursors and the
  buffered events, yields one :class:`~pigeon.sdk.Resynced` notice, and says hello again
  without cursors: the app then receives **every conversation again from seq 1**.
- **Resume across restarts.** With ``state=PATH`` the epoch and the cursor of the last event
  the app consumed are saved (atomically) to a small JSON file, and read back at start, so a
  restarted app continues right after the last event it finished with. An event counts as
  consumed when the app asks for the next one or closes the client (unless the ``async with``
  body raised). The file is written every ``save_every`` consumed events (default 100) and
  whenever the app has caught up: an app killed in the middle of a backlog sees up to that
  many events again (never misses one). Lower ``save_every`` (1: before each new event) or
  call :meth:`Client.save_position` once an event is finished with, at one fsync'd write each.
- **Callbacks.** Instead of iterating, an app may register handlers
  (:meth:`Client.on_message`, ``on_edit``, ``on_delete``, ``on_member``, ``on_resync``) and
  await :meth:`Client.run`; see :mod:`pigeon.sdk.handlers`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TypeVar

import aiohttp
import msgspec

from pigeon.core.frames import (
    Ack,
    ConversationList,
    Conversations,
    Delete,
    Edit,
    Error,
    Goodbye,
    Hello,
    History,
    Lagged,
    Ok,
    Page,
    Pushed,
    Read,
    Send,
    ServerFrame,
    Typing,
    TypingNotice,
    Welcome,
    Write,
    decode_server_frame,
)
from pigeon.core.http_api import CONVERSATIONS_LIMIT, PageResponse
from pigeon.core.records import AppendResult, ConversationSummary, EventKind, MessageMeta
from pigeon.errors import ErrorCode
from pigeon.sdk._connection import Connection, ConnectionLost, ReplyHandler
from pigeon.sdk.errors import ApiError, ClientClosed, ServerUnreachable, code_of
from pigeon.sdk.handlers import MEMBER_KINDS, EventHandler, Handlers, ResyncHandler
from pigeon.sdk.http import checked_base_url
from pigeon.sdk.outbox import Outbox, Pending
from pigeon.sdk.sync import Delivery, Sync, load_state, save_state

log = logging.getLogger("pigeon.sdk")

R = TypeVar("R", Ok, Page, ConversationList)

# The largest frame accepted from the server: a page of 100 events of 16 KiB fits 8 times.
MAX_FRAME_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class ClientStatistics:
    """A snapshot of a :class:`Client`, for metrics and tests."""

    connected: bool
    connections: int  # welcomes received since start
    epoch: str | None
    outbox: int  # writes waiting for their ack
    buffered: int  # events waiting for the app
    pulling: int  # history pulls in flight
    dropped_pushes: int  # pushes not kept because the app was behind (pulled again later)


class _RetryLater(Exception):
    def __init__(self, delay_s: float) -> None:
        super().__init__(f"retry in {delay_s:.3f}s")
        self.delay_s = delay_s


class _Fatal(Exception):
    """Reconnecting cannot help (the token was refused): the client fails for good."""

    def __init__(self, error: ApiError) -> None:
        super().__init__(str(error))
        self.error = error


def full_jitter(attempt: int, low_s: float, high_s: float) -> float:
    """Backoff before reconnect number ``attempt`` (0-based): uniform in [0, min(high, low*2^n)]
    ("full jitter"), so a crowd of clients spreads out instead of reconnecting in step."""
    return random.uniform(0.0, min(high_s, low_s * 2 ** min(attempt, 30)))


def _failure_reason(exc: BaseException) -> str:
    """One line saying why a connection attempt failed."""
    if isinstance(exc, TimeoutError):
        return "timed out"
    return str(exc) or type(exc).__name__


def _api_error(frame: Error) -> ApiError:
    return ApiError(code_of(frame.code), frame.message, frame.retry_after_ms)


class Client:
    """A Pigeon client over the WebSocket API: reconnects, resends and fills gaps by itself.
    Every write is stored exactly once (G2), and every event is delivered exactly once and in
    seq order per conversation (G4), across disconnects, server restarts and app restarts.

    Use it as ``async with Client(url, token) as client:`` (or :meth:`start` and
    :meth:`close`), send with :meth:`send`, and take events with :meth:`events` or register
    handlers and await :meth:`run`. The guarantees and how they are kept are described in
    :mod:`pigeon.sdk.client`.

    Arguments:

    - ``base_url``: ``http(s)://host:port`` of a node; anything else raises
      :class:`~pigeon.sdk.InvalidServerUrl` (a ValueError).
    - ``token``: a device token from :meth:`HttpClient.login`. A token the server refuses
      stops the client: waiting calls raise :class:`~pigeon.sdk.ApiError`
      (``unauthenticated``).
    - ``state``: path of a JSON file holding the epoch and consumed cursors, read at start and
      written as the app consumes events; without it, a new Client starts from seq 1 of every
      conversation.
    - ``save_every``: write the state file after this many consumed events (and whenever the
      app has caught up). The trade-off: an app killed in the middle of a backlog sees up to
      this many events again on restart, and a smaller value costs one fsync'd write per that
      many events. 1 saves before each new event; :meth:`save_position` saves at once.
    - ``wait_connected_s``: how long :meth:`wait_connected` waits by default before raising
      :class:`~pigeon.sdk.ServerUnreachable`.
    - ``max_outbox``, ``max_buffered_events``, ``max_typing_notices``: bounds of the writes
      awaiting their ack, the events awaiting the app, and the typing notices kept.
    - ``page_size``, ``max_pulls``: events per history pull, and pulls at once.
    - ``max_writes_in_flight``: writes on the wire at once (one per conversation at most).
    - ``connect_timeout_s``, ``request_timeout_s``, ``heartbeat_s``: network bounds.
    - ``backoff_min_s``, ``backoff_max_s``: the reconnect backoff's range.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        state: str | Path | None = None,
        *,
        max_outbox: int = 1000,
        max_buffered_events: int = 1000,
        page_size: int = 100,
        max_pulls: int = 4,
        max_typing_notices: int = 100,
        max_writes_in_flight: int = 64,
        connect_timeout_s: float = 10.0,
        request_timeout_s: float = 10.0,
        heartbeat_s: float = 15.0,
        backoff_min_s: float = 0.05,
        backoff_max_s: float = 5.0,
        save_every: int = 100,
        wait_connected_s: float = 30.0,
    ) -> None:
        self.base_url = checked_base_url(base_url)
        self.token = token
        self.state_path = Path(state).expanduser() if state is not None else None
        self.connect_timeout_s = connect_timeout_s
        self.request_timeout_s = request_timeout_s
        self.heartbeat_s = heartbeat_s
        self.backoff_min_s = backoff_min_s
        self.backoff_max_s = backoff_max_s
        self.max_writes_in_flight = max_writes_in_flight
        self.save_every = save_every
        self.wait_connected_s = wait_connected_s
        self._last_failure = "no attempt yet"  # why the latest connection attempt failed
        initial = load_state(self.state_path) if self.state_path is not None else None
        self._sync = Sync(
            initial, max_buffered=max_buffered_events, page_size=page_size, max_pulls=max_pulls
        )
        self._outbox = Outbox(max_outbox)
        self._handlers = Handlers()
        self._typing: deque[TypingNotice] = deque(maxlen=max_typing_notices)
        self._conn: Connection | None = None
        self._connections = 0
        self._welcomes = 0
        self._http: aiohttp.ClientSession | None = None
        self._runner: asyncio.Task[None] | None = None
        self._failure: BaseException | None = None
        self._closing = False
        # Wake-ups, each set by whoever changes what the waiter looks at.
        self._connected = asyncio.Event()  # a welcome was received on the current connection
        self._disconnected = asyncio.Event()  # the opposite: no connection, or it was lost
        self._disconnected.set()
        self._deliveries = asyncio.Event()  # an event is buffered, or the client stopped
        self._typing_ready = asyncio.Event()
        self._outbox_changed = asyncio.Event()
        self._pull_wanted = asyncio.Event()
        self._stopped = asyncio.Event()  # the client was closed or failed

    # -- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> Client:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # An exception raised by the app while it held an event: that event is not consumed.
        failed = exc_type is not None and not issubclass(exc_type, asyncio.CancelledError)
        await self.close(consumed=not failed)

    async def start(self) -> None:
        """Start connecting in the background; returns at once (see :meth:`wait_connected`).
        ``async with`` calls it. Calling it again does nothing. Never raises."""
        if self._runner is not None:
            return
        self._http = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(
                total=None, connect=self.connect_timeout_s, sock_connect=self.connect_timeout_s
            )
        )
        self._runner = asyncio.get_running_loop().create_task(self._run(), name="pigeon-client")

    async def close(self, *, consumed: bool = True) -> None:
        """Stop: save the position, close the connection, fail the writes still waiting with
        :class:`~pigeon.sdk.ClientClosed`. ``consumed``: the app finished with the last event
        it took (its position is saved). Idempotent; the client cannot be started again.
        Raises OSError only if the state file cannot be written."""
        if self._closing:
            return
        self._closing = True
        if consumed:
            self._sync.consume_in_hand()
        self._save_state(force=True)
        self._stopped.set()
        if self._runner is not None:
            self._runner.cancel()
            await asyncio.gather(self._runner, return_exceptions=True)
        self._stop(ClientClosed("the client is closed"))
        if self._http is not None:
            await self._http.close()

    async def wait_connected(self, timeout_s: float | None = None) -> None:
        """Wait until the client is connected and the server has accepted its hello.

        Raises :class:`~pigeon.sdk.ServerUnreachable` (with the last attempt's reason) if that
        has not happened within ``timeout_s`` (default: the ``wait_connected_s`` given to the
        constructor); the client keeps trying in the background, so the caller may wait again
        or close it. Raises :class:`~pigeon.sdk.ApiError` if the server refused the token for
        good, and :class:`~pigeon.sdk.ClientClosed` if the client is closed."""
        limit_s = self.wait_connected_s if timeout_s is None else timeout_s
        try:
            async with asyncio.timeout(limit_s):
                while not self._connected.is_set():
                    self._check_running()
                    await self._wait_any(self._connected)
        except TimeoutError:
            raise ServerUnreachable(
                self.base_url, f"not connected after {limit_s:g}s: {self._last_failure}"
            ) from None

    async def wait_disconnected(self) -> None:
        """Wait until the client has no connection: at once if it has none, else when it
        loses it, or when the client stops. It reconnects on its own; wait for that with
        :meth:`wait_connected` (``pigeon tail`` tells its user both ways). Never raises."""
        await self._wait_any(self._disconnected)

    def statistics(self) -> ClientStatistics:
        """A snapshot of the client's state (connected, outbox, buffer), for metrics and
        tests. Never raises."""
        return ClientStatistics(
            connected=self._connected.is_set(),
            connections=self._welcomes,
            epoch=self._sync.epoch,
            outbox=len(self._outbox),
            buffered=self._sync.buffered(),
            pulling=len(self._sync.pulling()),
            dropped_pushes=self._sync.dropped_pushes,
        )

    # -- writes (through the outbox) --------------------------------------------------------

    async def send(
        self,
        conv: str,
        body: str,
        meta: MessageMeta | None = None,
        client_msg_id: str | None = None,
    ) -> AppendResult:
        """Send a message; returns its durable ack (``duplicate`` is true when an earlier send
        with this ``client_msg_id`` was already stored). Exactly once, whatever fails
        meanwhile: the write waits in the outbox while disconnected, and goes after the
        earlier writes into ``conv`` (call order). Raises
        :class:`~pigeon.sdk.ApiError` for a final refusal (``not_found``: not a member;
        ``too_large``; ``forbidden``), :class:`~pigeon.sdk.ClientClosed` if the client is
        closed first, :class:`~pigeon.sdk.OutboxFull` never (it waits for room). Cancelling
        the call does not unsend: call again with the same ``client_msg_id`` to learn its
        fate."""
        cmid = client_msg_id or uuid.uuid4().hex
        return await self._write(Send(id=0, conv=conv, client_msg_id=cmid, body=body, meta=meta))

    async def edit(
        self, conv: str, seq: int, body: str, client_msg_id: str | None = None
    ) -> AppendResult:
        """Replace the text of my message ``seq`` (an ``edit`` event in the log); returns its
        ack. Exactly once and in call order, as :meth:`send`. Raises
        :class:`~pigeon.sdk.ApiError` for a final refusal (``not_found``: not a member;
        ``too_large``; ``forbidden``), :class:`~pigeon.sdk.ClientClosed` if the client is
        closed first, :class:`~pigeon.sdk.OutboxFull` never (it waits for room). Cancelling
        the call does not unsend: call again with the same ``client_msg_id`` to learn its
        fate."""
        cmid = client_msg_id or uuid.uuid4().hex
        frame = Edit(id=0, conv=conv, client_msg_id=cmid, target_seq=seq, body=body)
        return await self._write(frame)

    async def delete(self, conv: str, seq: int, client_msg_id: str | None = None) -> AppendResult:
        """Delete my message ``seq`` (a ``delete`` event in the log); returns its ack. Exactly
        once and in call order, as :meth:`send`. Raises
        :class:`~pigeon.sdk.ApiError` for a final refusal (``not_found``: not a member;
        ``too_large``; ``forbidden``), :class:`~pigeon.sdk.ClientClosed` if the client is
        closed first, :class:`~pigeon.sdk.OutboxFull` never (it waits for room). Cancelling
        the call does not unsend: call again with the same ``client_msg_id`` to learn its
        fate."""
        cmid = client_msg_id or uuid.uuid4().hex
        return await self._write(Delete(id=0, conv=conv, client_msg_id=cmid, target_seq=seq))

    async def _write(self, frame: Write) -> AppendResult:
        self._check_running()
        entry = await self._outbox.put(frame)
        self._outbox_changed.set()
        try:
            # Shielded: a caller that gives up must not cancel the future another caller of
            # the same client_msg_id awaits.
            return await asyncio.shield(entry.result)
        except asyncio.CancelledError:
            if not entry.result.done():
                self._outbox.abandon(entry)
            raise

    # -- requests ----------------------------------------------------------------------------

    async def mark_read(self, conv: str, seq: int) -> None:
        """Move my read position in ``conv`` forward to ``seq`` (it never moves back). Waits
        for a connection and retries across reconnects. Raises ApiError ``not_found`` when I
        am not a member, ClientClosed if the client is closed first."""
        await self._request(lambda rid: Read(id=rid, conv=conv, seq=seq), Ok)

    async def history(
        self,
        conv: str,
        *,
        after: int | None = None,
        before: int | None = None,
        limit: int = 100,
    ) -> PageResponse:
        """A page of the log: the first ``limit`` events after ``after``, or the last ``limit``
        before ``before`` (the latest, with neither). Does not touch the event stream. Waits
        for a connection and retries across reconnects. Raises ApiError ``not_found`` when I
        am not a member, ClientClosed if the client is closed first."""
        page = await self._request(
            lambda rid: History(id=rid, conv=conv, after=after, before=before, limit=limit), Page
        )
        return PageResponse(
            conv=page.conv,
            events=page.events,
            more=page.more,
            last_seq=page.last_seq,
            epoch=page.epoch,
        )

    async def conversations(self) -> list[ConversationSummary]:
        """Every conversation of mine, with last seq, last message and unread count, in
        conversation id order (fetched page by page). Waits for a connection and retries
        across reconnects. Raises ClientClosed if the client is closed first."""

        def page_after(cursor: str | None) -> Callable[[int], Conversations]:
            return lambda rid: Conversations(id=rid, cursor=cursor, limit=CONVERSATIONS_LIMIT.high)

        rows: list[ConversationSummary] = []
        cursor: str | None = None
        while True:
            reply = await self._request(page_after(cursor), ConversationList)
            rows.extend(reply.conversations)
            cursor = reply.next_cursor
            if cursor is None:
                return rows

    async def typing(self, conv: str) -> None:
        """Tell the other members I am typing. Best effort: dropped while disconnected, so
        call it again every few seconds while the person types. Never raises."""
        conn = self._conn
        if conn is None:
            return
        try:
            await conn.send(Typing(conv=conv))
        except ConnectionLost:
            return

    async def _request(
        self, build: Callable[[int], History | Conversations | Read], kind: type[R]
    ) -> R:
        """Send a request on the current connection until it is answered; every request
        here is safe to repeat (reads, and read positions that only move forward)."""
        attempt = 0
        while True:
            conn = await self._current_connection()
            try:
                reply = await conn.request(build(conn.next_id()), self.request_timeout_s)
            except (ConnectionLost, TimeoutError):
                # The connection loop notices and reconnects; wait a little, then retry.
                await self._wait_retry(None, attempt)
                attempt += 1
                continue
            if isinstance(reply, kind):
                return reply
            if isinstance(reply, Error):
                error = _api_error(reply)
                if not error.retryable:
                    raise error
                await self._wait_retry(error.retry_after_ms, attempt)
                attempt += 1
                continue
            raise ApiError(ErrorCode.INTERNAL, f"unexpected reply {type(reply).__name__}")

    # -- receiving ---------------------------------------------------------------------------

    async def next_event(self) -> Delivery:
        """The next event of any conversation (or a :class:`Resynced` notice). Exactly once
        and in seq order per conversation. Taking it marks the previous one as consumed. On a
        :class:`~pigeon.sdk.Resynced` notice, drop what the app holds: every conversation
        comes again from seq 1. Raises ClientClosed when the client is closed, and
        ApiError ``unauthenticated`` (log in again) when the server refused the token."""
        while True:
            item = self._sync.take_nowait()
            self._save_state()
            if item is not None:
                self._pull_wanted.set()  # there may be room to pull again
                return item
            self._check_running()
            self._deliveries.clear()
            await self._wait_any(self._deliveries)

    async def events(self) -> AsyncIterator[Delivery]:
        """``async for item in client.events()``: :meth:`next_event` forever. Each item is an
        :class:`~pigeon.sdk.Event` or a :class:`~pigeon.sdk.Resynced` notice: check with
        ``isinstance`` before using event fields. Raises what :meth:`next_event` raises."""
        while True:
            yield await self.next_event()

    def save_position(self) -> None:
        """Count the event the app took last as consumed and write the state file now.

        Call it when the app has finished with an event (stored it, shown it) and must not
        see it again after a crash, without waiting for the ``save_every`` batch: a restarted
        app then resumes right after it. Costs one fsync'd file write; does nothing without
        ``state``. Raises OSError if the state file cannot be written."""
        self._sync.consume_in_hand()
        self._save_state(force=True)

    # -- handlers (callbacks as well as the iterator) ---------------------------------------

    def on_message(self, handler: EventHandler) -> EventHandler:
        """Call ``handler(event)`` for each ``message`` event while :meth:`run` runs.
        Returns ``handler``, so it also works as a decorator."""
        self._handlers.add([EventKind.MESSAGE], handler)
        return handler

    def on_edit(self, handler: EventHandler) -> EventHandler:
        """Call ``handler(event)`` for each ``edit`` event (``target_seq`` names the message,
        ``body`` is its new text) while :meth:`run` runs. Returns ``handler``."""
        self._handlers.add([EventKind.EDIT], handler)
        return handler

    def on_delete(self, handler: EventHandler) -> EventHandler:
        """Call ``handler(event)`` for each ``delete`` event (``target_seq`` names the
        message) while :meth:`run` runs. Returns ``handler``."""
        self._handlers.add([EventKind.DELETE], handler)
        return handler

    def on_member(self, handler: EventHandler) -> EventHandler:
        """Call ``handler(event)`` for each membership event: ``created`` (the first
        members), ``member_added``, ``member_removed`` and ``owner_changed`` (``members``
        names who) while :meth:`run` runs. Returns ``handler``."""
        self._handlers.add(MEMBER_KINDS, handler)
        return handler

    def on_resync(self, handler: ResyncHandler) -> ResyncHandler:
        """Call ``handler(notice)`` when the server's store was restored (see
        :class:`~pigeon.sdk.Resynced`): drop what the app holds; every conversation then
        comes again from seq 1. Returns ``handler``."""
        self._handlers.resync.append(handler)
        return handler

    async def run(self) -> None:
        """Take every event, exactly once and in order per conversation, and call its
        handlers (a plain function or a coroutine function, in registration order); events
        of a kind with no handler are skipped. Returns only by raising: cancel it to stop,
        or it raises what :meth:`next_event` raises. A handler's exception propagates, and
        the event it was handling is then not consumed."""
        while True:
            await self._handlers.dispatch(await self.next_event())

    async def next_typing(self) -> TypingNotice:
        """The next typing notice (ephemeral; the oldest are dropped if not taken). Raises
        ClientClosed when the client is closed, ApiError when it failed for good."""
        while not self._typing:
            self._check_running()
            self._typing_ready.clear()
            await self._wait_any(self._typing_ready)
        return self._typing.popleft()

    async def typing_notices(self) -> AsyncIterator[TypingNotice]:
        """``async for notice in client.typing_notices()``: :meth:`next_typing` forever
        (run it in its own task, beside :meth:`events`). Raises what :meth:`next_typing`
        raises."""
        while True:
            yield await self.next_typing()

    # -- internals: waiting ------------------------------------------------------------------

    def _check_running(self) -> None:
        if self._failure is not None:
            raise self._failure
        if self._closing:
            raise ClientClosed("the client is closed")
        if self._runner is None:
            raise ClientClosed("the client is not started: use `async with` or start()")

    def _stop(self, failure: BaseException) -> None:
        if self._failure is None:
            self._failure = failure
        self._outbox.fail_all(failure)
        self._stopped.set()
        self._deliveries.set()
        self._typing_ready.set()
        self._connected.clear()
        self._disconnected.set()

    async def _wait_any(self, event: asyncio.Event) -> None:
        """Wait for ``event``, or for the client to stop."""
        if event.is_set() or self._stopped.is_set():
            return
        waiters = [
            asyncio.ensure_future(event.wait()),
            asyncio.ensure_future(self._stopped.wait()),
        ]
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()

    async def _current_connection(self) -> Connection:
        while True:
            self._check_running()
            conn = self._conn
            if conn is not None and self._connected.is_set():
                return conn
            await self._wait_any(self._connected)

    async def _wait_retry(self, retry_after_ms: int | None, attempt: int) -> None:
        if retry_after_ms is not None:
            delay = retry_after_ms / 1000 + random.uniform(0, self.backoff_min_s)
        else:
            delay = full_jitter(attempt, self.backoff_min_s, self.backoff_max_s)
        await self._sleep(delay)

    async def _sleep(self, delay_s: float) -> None:
        """Sleep, but return early when the client stops."""
        try:
            async with asyncio.timeout(delay_s):
                await self._stopped.wait()
        except TimeoutError:
            return

    def _save_state(self, *, force: bool = False) -> None:
        sync = self._sync
        if self.state_path is None or not sync.dirty:
            return
        if force or sync.buffered() == 0 or sync.unsaved >= self.save_every:
            save_state(self.state_path, sync.state())
            sync.dirty = False
            sync.unsaved = 0

    # -- internals: the connection loop ------------------------------------------------------

    async def _run(self) -> None:
        attempt = 0
        try:
            # Checks `_closing` too, not only cancellation: on Python 3.11, asyncio.wait_for
            # swallows a cancel that arrives as its inner future completes.
            while not self._closing:
                delay: float | None = None
                welcomes = self._welcomes
                try:
                    await self._connect_once()
                except _Fatal as exc:
                    log.warning("pigeon client stopped: %s", exc.error)
                    self._stop(exc.error)
                    return
                except _RetryLater as exc:
                    delay = exc.delay_s
                    self._last_failure = str(exc)
                except (ConnectionLost, aiohttp.ClientError, OSError, TimeoutError) as exc:
                    if self._welcomes > welcomes:
                        log.info("pigeon connection lost: %r", exc)
                    else:
                        self._last_failure = _failure_reason(exc)
                        # Never connected: say why each time, or a wrong port looks like a
                        # hang. Once it has worked, an outage is expected: INFO, not a line
                        # on an app's terminal per attempt.
                        log.log(
                            logging.WARNING if self._welcomes == 0 else logging.INFO,
                            "pigeon: cannot connect to %s (attempt %d): %s",
                            self.base_url,
                            attempt + 1,
                            self._last_failure,
                        )
                if self._welcomes > welcomes:
                    attempt = 0  # it worked for a while: start the backoff again from the bottom
                if delay is None:
                    delay = full_jitter(attempt, self.backoff_min_s, self.backoff_max_s)
                attempt += 1
                await self._sleep(delay)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            log.exception("pigeon client failed")
            self._stop(ClientClosed(f"the client failed: {exc!r}"))
            raise

    async def _connect_once(self) -> None:
        """One connection, from connect to close; always ends with an exception.

        Three tasks run per connection (reader, sender, puller) plus one per pull in flight;
        the first of the three to end ends the connection, and the others are cancelled.
        (Not an asyncio.TaskGroup: on Python 3.11 a TaskGroup whose child fails while the
        body has already finished leaves its parent task marked as cancelling, which breaks
        later cancellation of the client.)"""
        assert self._http is not None
        async with asyncio.timeout(self.connect_timeout_s):
            ws = await self._http.ws_connect(
                self.base_url + "/v1/ws",
                heartbeat=self.heartbeat_s,
                max_msg_size=MAX_FRAME_BYTES,
                timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=self.connect_timeout_s),
            )
        self._connections += 1
        conn = Connection(ws, self._connections)
        main: list[asyncio.Task[None]] = []
        try:
            main.append(conn.spawn(self._read_loop(conn), "pigeon-read"))
            welcome = await self._hello(conn)
            self._welcomes += 1
            self._sync.welcome(welcome.epoch, welcome.behind, welcome.user, welcome.gone)
            self._save_state()
            self._conn = conn
            self._connected.set()
            self._disconnected.clear()
            self._outbox_changed.set()
            self._pull_wanted.set()
            main.append(conn.spawn(self._send_loop(conn), "pigeon-send"))
            main.append(conn.spawn(self._pull_loop(conn), "pigeon-pull"))
            main.append(conn.spawn(self._wait_stopped(), "pigeon-stop"))
            done, _ = await asyncio.wait(main, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()  # raises what ended it (normally ConnectionLost)
            raise ConnectionLost("connection tasks ended")
        finally:
            self._connected.clear()
            self._disconnected.set()
            if self._conn is conn:
                self._conn = None
            await conn.stop_tasks()
            conn.lost()
            self._sync.connection_lost()
            for entry in self._outbox:
                entry.sent_on = None  # resend on the next connection
            if not ws.closed:
                with contextlib.suppress(Exception):
                    async with asyncio.timeout(self.connect_timeout_s):
                        await ws.close()

    async def _wait_stopped(self) -> None:
        await self._stopped.wait()
        raise ConnectionLost("the client is closing")

    async def _hello(self, conn: Connection) -> Welcome:
        resynced = False
        while True:
            epoch, cursors = self._sync.hello_position()
            hello = Hello(
                id=conn.next_id(),
                token=self.token,
                epoch=epoch,
                cursors=cursors,
                ack_delivers=True,  # an ack is the delivery of our own write (D60)
            )
            reply = await conn.request(hello, self.request_timeout_s)
            if isinstance(reply, Welcome):
                return reply
            if not isinstance(reply, Error):
                raise ConnectionLost(f"unexpected reply to hello: {type(reply).__name__}")
            error = _api_error(reply)
            if error.code is ErrorCode.RESYNC_REQUIRED and not resynced:
                # The server's store is not the one our cursors come from (restored from a
                # backup): drop everything; the app gets Resynced, then every log from seq 1.
                log.warning("pigeon: resync required; replaying every conversation from seq 1")
                resynced = True
                self._sync.resync()
                self._save_state(force=True)
                self._deliveries.set()
                continue
            if error.retryable:
                raise _RetryLater((error.retry_after_ms or 0) / 1000)
            raise _Fatal(error)

    async def _read_loop(self, conn: Connection) -> None:
        reason = "closed"
        async for msg in conn.ws:
            if msg.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                reason = f"websocket {msg.type.name}"
                break
            try:
                frame = decode_server_frame(msg.data)
            except (msgspec.DecodeError, msgspec.ValidationError) as exc:
                log.warning("pigeon: ignoring an undecodable frame: %s", exc)
                continue
            if isinstance(frame, Goodbye):
                reason = f"goodbye: {frame.reason}"
                break
            self._on_frame(conn, frame)
        raise ConnectionLost(reason)

    def _on_frame(self, conn: Connection, frame: ServerFrame) -> None:
        if isinstance(frame, Pushed):
            self._sync.pushed(frame.event)
            self._deliveries.set()
            self._pull_wanted.set()
        elif isinstance(frame, TypingNotice):
            self._typing.append(frame)
            self._typing_ready.set()
        elif isinstance(frame, Lagged):
            conn.lagged = True
            self._pull_wanted.set()
        elif isinstance(frame, Welcome | Ack | Ok | Page | ConversationList | Error):
            answered = frame.id is not None and conn.dispatch(frame.id, frame)
            if not answered and isinstance(frame, Error):
                log.info("pigeon: error frame for no request: %s", frame.code)

    # -- internals: the outbox ---------------------------------------------------------------

    async def _send_loop(self, conn: Connection) -> None:
        """(Re)send the outbox's writes on this connection until acked: what
        :meth:`Outbox.due` says, one write per conversation at a time, so each conversation's
        writes are committed in call order."""
        while True:
            self._outbox_changed.clear()
            now = time.monotonic()
            due, wake_at = self._outbox.due(
                conn.number,
                now,
                timeout_s=self.request_timeout_s,
                max_in_flight=self.max_writes_in_flight,
            )
            for entry in due:
                frame = msgspec.structs.replace(entry.frame, id=conn.next_id())
                conn.on_reply(frame.id, self._write_reply_handler(entry))
                entry.sent_on, entry.sent_at = conn.number, now
                await conn.send(frame)
            timeout = None if wake_at is None else max(0.0, wake_at - time.monotonic())
            # asyncio.timeout, not wait_for: on Python 3.11, wait_for can swallow the cancel
            # that ends this loop, and the connection's shutdown then waits for it forever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._outbox_changed.wait()

    def _write_reply_handler(self, entry: Pending) -> ReplyHandler:
        def handle(frame: ServerFrame | None) -> None:
            if frame is None:  # connection lost: it goes again on the next one
                entry.sent_on = None
            elif isinstance(frame, Ack):
                result = AppendResult(
                    conv=frame.conv,
                    seq=frame.seq,
                    ts=frame.ts,
                    client_msg_id=frame.client_msg_id,
                    duplicate=frame.duplicate,
                )
                self._sync.acked(entry.frame, result)
                self._deliveries.set()
                self._pull_wanted.set()
                self._outbox.resolve(entry, result)
            elif isinstance(frame, Error):
                error = _api_error(frame)
                if error.retryable:
                    entry.sent_on = None
                    delay_s = (
                        error.retry_after_ms / 1000
                        if error.retry_after_ms is not None
                        else full_jitter(2, self.backoff_min_s, self.backoff_max_s)
                    )
                    entry.retry_at = time.monotonic() + delay_s
                else:
                    self._outbox.fail(entry, error)
            self._outbox_changed.set()

        return handle

    # -- internals: pulling ------------------------------------------------------------------

    async def _pull_loop(self, conn: Connection) -> None:
        """Start the history pulls the Sync wants; re-check everything after ``lagged``."""
        while True:
            self._pull_wanted.clear()
            if conn.lagged:
                conn.lagged = False
                conn.spawn(self._recheck(conn), "pigeon-recheck")
            for conv, after in self._sync.pulls_to_start():
                conn.spawn(self._pull(conn, conv, after), f"pigeon-pull-{conv}")
            await self._pull_wanted.wait()

    async def _pull(self, conn: Connection, conv: str, after: int) -> None:
        frame = History(id=conn.next_id(), conv=conv, after=after, limit=self._sync.page_size)
        try:
            reply = await conn.request(frame, self.request_timeout_s)
        except TimeoutError:
            self._sync.pull_failed(conv, gone=False)
            self._pull_wanted.set()
            return
        except ConnectionLost:
            self._sync.pull_failed(conv, gone=False)
            return  # the reader ends the connection
        if isinstance(reply, Page):
            self._sync.pulled(conv, reply.events, reply.last_seq)
            self._deliveries.set()
        elif isinstance(reply, Error):
            error = _api_error(reply)
            if error.retryable:
                await self._wait_retry(error.retry_after_ms, 0)
            elif error.code is not ErrorCode.NOT_FOUND:
                log.warning("pigeon: pulling %s failed: %s", conv, error)
            self._sync.pull_failed(conv, gone=error.code is ErrorCode.NOT_FOUND)
        self._pull_wanted.set()

    async def _recheck(self, conn: Connection) -> None:
        """After ``lagged``: learn every log's end from the conversation list, page by page,
        then pull."""
        cursor: str | None = None
        while True:
            frame = Conversations(id=conn.next_id(), cursor=cursor, limit=CONVERSATIONS_LIMIT.high)
            try:
                reply = await conn.request(frame, self.request_timeout_s)
            except TimeoutError:
                reply = None
            except ConnectionLost:
                return  # the next connection's welcome says what is behind
            if not isinstance(reply, ConversationList):
                conn.lagged = True  # try again
                await self._wait_retry(None, 1)
                break
            self._sync.note_last_seqs({c.conv: c.last_seq for c in reply.conversations})
            cursor = reply.next_cursor
            if cursor is None:
                break
        self._pull_wanted.set()
