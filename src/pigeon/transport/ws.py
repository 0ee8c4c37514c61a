"""The WebSocket adapter: drives one :class:`~pigeon.core.session.Session` per connection.

It holds no protocol logic: it feeds received frames to the session, hands decoded requests
to the :class:`~pigeon.application.service.Service`, and writes what the session queues.

The WebSocket protocol is picows' (D63): the listener hands it every upgrade to ``/v1/ws``
(:mod:`pigeon.transport.listener`), and its callbacks hand each whole message to the
connection's session as it is parsed, with no reader task between.

Writing: whatever is queued in one turn of the event loop is framed and written to the socket
in one ``transport.write``, from a ``call_soon`` callback, not from a writer task: a push then
costs no task wake-up (docs/DECISIONS.md, D14). A client that reads slower than
it is written to fills the transport's buffer; past ``WRITE_BUFFER_HIGH`` bytes nothing more is
written until it drains, and the session's bounded queues decide what happens meanwhile
(pushes dropped and ``lagged``, or the connection closed as a slow consumer: G6). A pushing
caller never blocks.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import random
import struct
import time
from collections.abc import Awaitable
from http import HTTPStatus

import msgspec
from picows import (
    WSAutoPingStrategy,
    WSCloseCode,
    WSFrame,
    WSListener,
    WSMsgType,
    WSTransport,
    WSUpgradeRequest,
    WSUpgradeResponse,
    WSUpgradeResponseWithListener,
)
from picows.picows import WSProtocol  # type: ignore[attr-defined]

from pigeon.application.control import connection_id, recheck_delay_s
from pigeon.application.hub import Hub
from pigeon.application.service import AccountCapReached, Service
from pigeon.config import Config
from pigeon.core import limits, origins, shedding
from pigeon.core.frames import (
    Ack,
    ClientFrame,
    ConversationList,
    Conversations,
    Delete,
    Edit,
    Hello,
    History,
    Ok,
    Page,
    Read,
    RequestFrame,
    Send,
    ServerFrame,
    Typing,
)
from pigeon.core.records import AppendResult, Device, Event, EventKind
from pigeon.core.session import Session, SessionLimits, SessionState
from pigeon.errors import (
    BusUnavailable,
    ErrorCode,
    ProtocolViolation,
    RateLimited,
    StoreUnavailable,
)
from pigeon.ops.logging import bind
from pigeon.transport.http import error_parts, forwarded_client
from pigeon.transport.listener import HandedOver

log = logging.getLogger(__name__)
# picows logs every connection's opening and end at INFO: one line each is this module's.
logging.getLogger("picows").setLevel(logging.WARNING)

WS_PATH = "/v1/ws"  # the one route on picows (D63); aiohttp serves every other

# aiohttp's own limit (or max_hello_bytes, if larger): a frame larger than this is not even
# read, and the connection is closed with 1009. Frames between max_frame_bytes (max_hello_bytes
# before the session is open) and this get a too_large error frame.
HARD_FRAME_LIMIT_FACTOR = 4

# Seconds a closing connection has to take its goodbye frame before the socket is closed.
CLOSE_TIMEOUT_S = 2.0

# Bytes waiting in the socket's write buffer beyond which a connection is written no more
# until it drains; and how often a connection held back that way is looked at again.
WRITE_BUFFER_HIGH = 256 * 1024
BLOCKED_RECHECK_S = 0.01


def text_frame(payload: bytes) -> bytes:
    """An unmasked, final WebSocket text frame (RFC 6455 section 5.2), as a server sends it."""
    size = len(payload)
    if size < 126:
        return bytes((0x81, size)) + payload
    if size < 65536:
        return struct.pack("!BBH", 0x81, 126, size) + payload
    return struct.pack("!BBQ", 0x81, 127, size) + payload


def _is_utf8(data: bytes | str) -> bool:
    if isinstance(data, str):
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _ack(request_id: int, result: AppendResult) -> Ack:
    return Ack(
        id=request_id,
        conv=result.conv,
        seq=result.seq,
        ts=result.ts,
        client_msg_id=result.client_msg_id,
        duplicate=result.duplicate,
    )


_picows_log = logging.getLogger("picows.server")


def _new_task(coro: Awaitable[None]) -> asyncio.Task[None]:
    return asyncio.ensure_future(coro)


def _refusal(exc: ProtocolViolation) -> WSUpgradeResponseWithListener:
    """An upgrade refused with the JSON error body every route answers with."""
    body, headers = error_parts(exc)
    headers["Content-Type"] = "application/json"
    response = WSUpgradeResponse.create_error_response(
        HTTPStatus(exc.code.status), msgspec.json.encode(body), headers
    )
    return WSUpgradeResponseWithListener(response, None)


class _CountedWsProtocol(WSProtocol):  # type: ignore[misc]
    """picows' protocol, telling the listener's admission when the connection is gone."""

    def __init__(self, admitted: HandedOver, *args: object) -> None:
        super().__init__(*args)
        self._admitted = admitted

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        self._admitted.connection_lost(exc)


class PicowsSocket(WSListener):
    """picows' listener for one connection: hands whole messages to its
    :class:`WsConnection`, and answers the closing handshake (RFC 6455 5.5.1)."""

    def __init__(self, endpoint: WsEndpoint, forwarded: list[str]) -> None:
        self._endpoint = endpoint
        self.forwarded = forwarded  # X-Forwarded-For, for a trusted proxy's client address
        self._transport: WSTransport | None = None
        self._conn: WsConnection | None = None
        self.closed = False
        self.close_code: int | None = None
        self._closed_by_peer: asyncio.Future[None] | None = None
        # A fragmented message being assembled (aiohttp assembled them too).
        self._fragments: list[bytes] = []
        self._fragments_text = False
        self._fragments_size = 0

    def on_ws_connected(self, transport: WSTransport) -> None:
        self._transport = transport
        self._closed_by_peer = asyncio.get_running_loop().create_future()
        self._conn = self._endpoint.opened(self, transport)

    def on_ws_frame(self, transport: WSTransport, frame: WSFrame) -> None:
        conn = self._conn
        assert conn is not None
        msg_type = frame.msg_type
        if msg_type is WSMsgType.TEXT or msg_type is WSMsgType.BINARY:
            if frame.fin and not self._fragments:
                conn.frame_received(frame.get_payload_as_bytes(), msg_type is WSMsgType.TEXT)
                return
            if self._fragments:
                self._refuse_message(conn, b"a new message inside a fragmented one")
                return
            self._fragments_text = msg_type is WSMsgType.TEXT
            self._add_fragment(conn, frame)
        elif msg_type is WSMsgType.CONTINUATION:
            if not self._fragments:
                self._refuse_message(conn, b"a continuation of nothing")
                return
            self._add_fragment(conn, frame)
        elif msg_type is WSMsgType.CLOSE:
            self.close_code = frame.get_close_code().value
            if not transport.is_close_frame_sent:
                transport.send_close(WSCloseCode.OK)
            transport.disconnect()
            if self._closed_by_peer is not None and not self._closed_by_peer.done():
                self._closed_by_peer.set_result(None)
            conn.peer_closed()

    def _add_fragment(self, conn: WsConnection, frame: WSFrame) -> None:
        payload = frame.get_payload_as_bytes()
        self._fragments.append(payload)
        self._fragments_size += len(payload)
        config = self._endpoint.config
        if self._fragments_size > max(
            config.max_frame_bytes * HARD_FRAME_LIMIT_FACTOR, config.max_hello_bytes
        ):
            self._refuse_message(conn, b"message too big", WSCloseCode.MESSAGE_TOO_BIG)
            return
        if frame.fin:
            data = b"".join(self._fragments)
            self._fragments = []
            self._fragments_size = 0
            conn.frame_received(data, self._fragments_text)

    def _refuse_message(
        self, conn: WsConnection, why: bytes, code: WSCloseCode = WSCloseCode.PROTOCOL_ERROR
    ) -> None:
        """Fail the connection over a message it may not send; nothing more of it is read."""
        self.fail(code, why)
        conn.peer_closed()

    def on_ws_disconnected(self, transport: WSTransport) -> None:
        self.closed = True
        if self._closed_by_peer is not None and not self._closed_by_peer.done():
            self._closed_by_peer.set_result(None)
        if self._conn is not None:
            self._conn.peer_closed()

    def fail(self, code: WSCloseCode, message: bytes) -> None:
        """Close with ``code`` now, without waiting for the client's close frame."""
        if self._transport is None or self.closed:
            return
        if not self._transport.is_close_frame_sent:
            self.close_code = code.value
            self._transport.send_close(code, message)
        self._transport.disconnect()

    async def close(self) -> None:
        """The closing handshake: a close frame, the client's, then the socket closed."""
        transport = self._transport
        if transport is None or self.closed:
            return
        if not transport.is_close_frame_sent:
            if self.close_code is None:
                self.close_code = WSCloseCode.OK.value
            transport.send_close(WSCloseCode.OK)
        assert self._closed_by_peer is not None
        try:
            async with asyncio.timeout(CLOSE_TIMEOUT_S):
                await asyncio.shield(self._closed_by_peer)
        finally:
            transport.disconnect()


class WsConnection:
    """One WebSocket connection: the session, its writes, and its requests."""

    def __init__(
        self,
        ws: PicowsSocket,
        transport: asyncio.Transport,
        service: Service,
        hub: Hub,
        config: Config,
        conn_id: str,
        network: str = "",
    ) -> None:
        self.ws = ws
        self._transport = transport
        self._loop = asyncio.get_running_loop()
        self.service = service
        self.hub = hub
        self.config = config
        self.conn_id = conn_id
        self.network = network  # the client's network, for the request rate per network
        self.session = Session(
            limits=SessionLimits(
                max_frame_bytes=config.max_frame_bytes,
                max_hello_bytes=config.max_hello_bytes,
                max_inflight=config.max_inflight,
                max_queued_pushes=config.max_queued_pushes,
                max_queued_replies=config.max_queued_replies,
                max_queued_bytes=config.max_queued_bytes,
                frames_per_s=config.frames_per_s,
                frames_burst=config.frames_per_s * 2,
            ),
            now=time.monotonic(),
            on_error=self._count_error,
        )
        self.metrics = service.metrics
        self.connected_at = time.time()
        self.device = ""
        self.token_hash = b""  # of the token that authenticated this connection
        self._user = ""
        self._expiry: asyncio.TimerHandle | None = None  # goodbye token_expired, when it expires
        self._recheck: asyncio.TimerHandle | None = None  # the next check of the token
        self._tasks: set[asyncio.Task[None]] = set()
        self._oldest_push: float | None = None  # monotonic time of the oldest unwritten push
        self._draining = False
        self._flush_handle: asyncio.Handle | None = None  # a flush is scheduled
        self._blocked = False  # the write buffer is over WRITE_BUFFER_HIGH
        self._goodbye_written = asyncio.Event()
        # The refusal being queued is counted under its own limit already (the account cap's,
        # or a limiter's: D53), not as a frame rate or as in flight.
        self._refusal_counted = False
        self._close_task: asyncio.Task[None] | None = None
        self._cut_off_handle: asyncio.TimerHandle | None = None  # see _flush
        # Set when no more frames are read: the peer closed or left, or the session closes.
        self._read_done: asyncio.Future[None] = self._loop.create_future()
        # Frames arrive in picows' callbacks: the tasks they start run in this context, so
        # that their log lines name the connection.
        self._context = contextvars.copy_context()
        self._context.run(bind, conn=conn_id)

    def _count_error(self, code: ErrorCode) -> None:
        self.metrics.errors.labels(code.value, "ws").inc()
        if code in (ErrorCode.RATE_LIMITED, ErrorCode.BUSY) and self._refusal_counted:
            self._refusal_counted = False
        elif code is ErrorCode.RATE_LIMITED:
            self.metrics.rate_limited.labels("frames").inc()
        elif code is ErrorCode.BUSY:
            self.metrics.rate_limited.labels("inflight").inc()
        elif code is ErrorCode.RESYNC_REQUIRED:
            self.metrics.resync_required.inc()
        elif code is ErrorCode.UNAVAILABLE:
            self.metrics.store_errors.inc()

    # -- hub.Listener -----------------------------------------------------------------------

    @property
    def user(self) -> str:
        return self._user

    def push(self, data: bytes) -> None:
        lagging = self.session.pushes_dropped
        self.session.push(data)
        if self.session.pushes_dropped != lagging:
            self.metrics.lagged.inc()
            if not lagging:
                log.warning("connection lagged", extra={"conn": self.conn_id, "user": self._user})
        if self._oldest_push is None:
            self._oldest_push = time.monotonic()
        self._flush_soon()

    def lag(self) -> None:
        self.session.lag()
        self._flush_soon()

    def delivered_by_ack(self, event: Event) -> bool:
        if not self.session.delivered_by_ack(event):
            return False
        self._flush_soon()  # the ack may have been queued in the push's place
        return True

    # -- writing ----------------------------------------------------------------------------

    def held_bytes(self) -> int:
        """Bytes this connection holds in the server: its requests in flight, its queued
        output, and what its socket has not yet taken."""
        session = self.session
        return (
            session.inflight_bytes()
            + session.queued_bytes()
            + self._transport.get_write_buffer_size()
        )

    def _flush_soon(self) -> None:
        """Write what is queued once this turn of the loop is over (one write for all of it)."""
        if self._flush_handle is None and not self._blocked:
            self._flush_handle = self._loop.call_soon(self._flush)

    def _flush(self) -> None:
        if self._flush_handle is not None:  # called directly while one was scheduled
            self._flush_handle.cancel()
            self._flush_handle = None
        self._blocked = False
        if self.session.close_expected() and self._cut_off_handle is None:
            # Closing: the goodbye and the close handshake get CLOSE_TIMEOUT_S. A client that
            # does not read holds both behind a full buffer, and nothing else would end its
            # read loop; run() cancels this once the connection is done.
            self._cut_off_handle = self._loop.call_later(CLOSE_TIMEOUT_S, self._cut_off)
        if self._transport.is_closing():
            return
        if self._transport.get_write_buffer_size() > WRITE_BUFFER_HIGH:
            self._blocked = True
            self._flush_handle = self._loop.call_later(BLOCKED_RECHECK_S, self._flush)
            return
        data = self.session.data_to_send()
        if data:
            self._transport.write(b"".join([text_frame(payload) for payload in data]))
        if self._oldest_push is not None and data:
            self.metrics.delivery_lag.observe(time.monotonic() - self._oldest_push)
            self._oldest_push = None
        if self.session.close_expected() and not self._goodbye_written.is_set():
            self._goodbye_written.set()
            self._close_task = asyncio.create_task(self._close_after_goodbye())

    def _cut_off(self) -> None:
        """Abort a connection that did not finish closing in time: its read loop then ends,
        and what was buffered for the client is dropped rather than held (G6)."""
        self._transport.abort()

    async def _close_after_goodbye(self) -> None:
        # The closing handshake (RFC 6455 7.1.2); the read loop then sees CLOSING and returns.
        try:
            await self.ws.close()
        except ConnectionError:
            pass  # the client is gone already
        except Exception:
            log.exception("closing after goodbye failed", extra={"conn": self.conn_id})

    # -- running ----------------------------------------------------------------------------

    async def run(self) -> None:
        try:
            await self._read_loop()
        finally:
            self.hub.detach(self)
            if self._expiry is not None:
                self._expiry.cancel()
            if self._recheck is not None:
                self._recheck.cancel()
            for task in self._tasks:
                task.cancel()
            if self._tasks:
                await asyncio.gather(*self._tasks, return_exceptions=True)
            if self.session.close_expected():
                # Deliver the goodbye (the buffer may have to drain first), within a bound.
                self._flush()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(CLOSE_TIMEOUT_S):
                        await self._goodbye_written.wait()
                        if self._close_task is not None:
                            await asyncio.shield(self._close_task)
            if self._close_task is not None and not self._close_task.done():
                self._close_task.cancel()  # out of time: the close below ends it
                await asyncio.gather(self._close_task, return_exceptions=True)
            if self._flush_handle is not None:
                self._flush_handle.cancel()
                self._flush_handle = None
            if self._cut_off_handle is not None:
                self._cut_off_handle.cancel()
            if not self.ws.closed:
                # Its close frame waits behind the same full buffer: bounded as the goodbye.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(CLOSE_TIMEOUT_S):
                        await self.ws.close()
            if self._transport.get_write_buffer_size():
                # The client took neither its goodbye nor the close frame in time: it does not
                # read. Drop the connection and what is buffered for it, rather than hold both
                # until it reads (G6); a graceful close would keep them until then.
                self._transport.abort()
            log.info(
                "connection closed",
                extra={
                    "conn": self.conn_id,
                    "user": self._user,
                    "reason": self.session.close_reason,
                    "close_code": self.ws.close_code,
                    "pushes_dropped": self.session.pushes_dropped,
                },
            )

    def close(self, reason: str) -> None:
        """Say goodbye and close once it is written (an admin, a slow consumer)."""
        self.session.close(reason)
        self._flush_soon()

    async def drain(self, timeout_s: float) -> None:
        """Refuse new requests with busy, let those in flight finish and send their replies,
        then say goodbye: the client reconnects (elsewhere) and resumes from its cursors."""
        self._draining = True
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout_s)
        self.close("shutdown")

    async def _read_loop(self) -> None:
        # Until the session is open, the whole handshake must finish by this deadline: a
        # connection that never authenticates must not hold a slot.
        deadline = self._loop.call_later(self.config.hello_timeout_s, self._hello_timed_out)
        try:
            await self._read_done
        finally:
            deadline.cancel()

    def _hello_timed_out(self) -> None:
        if self.session.state < SessionState.OPEN and not self._read_done.done():
            self.close("hello_timeout")
            self._read_done.set_result(None)

    def frame_received(self, data: bytes, text: bool) -> None:
        """A complete message from the client (picows' callback, via :class:`PicowsSocket`)."""
        if self._read_done.done():
            return  # closing: what still comes is not read
        if text and not _is_utf8(data):
            # RFC 6455 8.1: a text frame that is not UTF-8 fails the connection with 1007.
            self.ws.fail(WSCloseCode.INVALID_TEXT, b"invalid utf-8")
            self._read_done.set_result(None)
            return
        self.session.receive_frame(data, time.monotonic())
        for request in self.session.events_received():
            self._start(request)
        self._flush_soon()
        if self.session.close_expected():
            self._read_done.set_result(None)

    def peer_closed(self) -> None:
        """The client sent its close frame, or the connection is gone."""
        if not self._read_done.done():
            self._read_done.set_result(None)

    # -- requests ---------------------------------------------------------------------------

    def _start(self, request: ClientFrame) -> None:
        self.metrics.frame_received(str(request.__struct_config__.tag))
        if self._draining and not isinstance(request, Typing):
            exc = RateLimited(1000, ErrorCode.BUSY)
            if isinstance(request, Hello):
                self.session.reject_hello(exc, request.id)
            else:
                self.session.fail(request, exc)
            return
        # Stripe's four limiters (D53), once, at arrival: what is admitted is never shed later.
        user, limiters = self._user, self.service.limiters
        try:
            limiters.admit(
                shedding.FRAME_PRIORITY[str(request.__struct_config__.tag)],
                user=user,
                network=self.network,
            )
        except RateLimited as exc:
            if isinstance(request, Typing):
                return  # a hint: dropped, as over its own rate
            self._refusal_counted = True
            if isinstance(request, Hello):
                self.session.reject_hello(exc, request.id)
            else:
                self.session.fail(request, exc)
            return
        if isinstance(request, Typing):
            limiters.release(user)
            if self.hub.follows(self, request.conv):
                self.service.typing(self._user, request.conv)
            return
        # Timed from here, the frame read: a request's wait for the loop counts (D61).
        received = time.perf_counter()
        if isinstance(request, Hello):
            coro: Awaitable[None] = self._hello(request, received)
        else:
            coro = self._handle(request, received)
        # Requests run concurrently so that sends group-commit; they start in arrival order,
        # and each reaches the writer's queue before its first wait, so one connection's sends
        # are sequenced in the order they were sent.
        task = self.start_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda _: limiters.release(user))

    def start_task(self, coro: Awaitable[None]) -> asyncio.Task[None]:
        """A task for ``coro`` in this connection's logging context (its lines name it)."""
        return self._context.run(_new_task, coro)

    def identify(self, device: Device | None, token_hash: bytes) -> None:
        """Whose this connection is (the application layer tells, during the hello)."""
        self.token_hash = token_hash
        self._user = device.handle if device is not None else ""
        self.device = device.device if device is not None else ""
        if device is not None:
            bind(user=device.handle)

    async def _hello(self, hello: Hello, received: float) -> None:
        try:
            resumed = await self.service.resume(self, hello)
        except ProtocolViolation as exc:
            self._refusal_counted = isinstance(exc, AccountCapReached)
            self.session.reject_hello(exc, hello.id)
        except (StoreUnavailable, BusUnavailable):
            self.session.reject_hello(ProtocolViolation(ErrorCode.UNAVAILABLE), hello.id)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("hello failed", extra={"conn": self.conn_id})
            self.session.reject_hello(ProtocolViolation(ErrorCode.INTERNAL), hello.id)
        else:
            self._close_at_expiry(resumed.expires_at_ms)
            self._recheck_later()
            self.session.accept_hello(resumed.welcome.user, resumed.welcome)
            self.metrics.critical_latency_hello.observe(time.perf_counter() - received)
        self._flush_soon()

    def _close_at_expiry(self, expires_at_ms: int) -> None:
        """An open socket outlives no token: say goodbye token_expired when it expires. The
        timer runs on the loop's monotonic clock, so a wall-clock step moves it by no more."""
        if self._expiry is not None:
            self._expiry.cancel()
        delay_s = max(0.0, expires_at_ms / 1000 - time.time())
        self._expiry = self._loop.call_later(delay_s, self.close, "token_expired")

    def _recheck_later(self) -> None:
        """Check the token again within token_recheck_s: what closes this socket if a logout,
        revocation or disable was lost on its way here over the bus."""
        delay_s = recheck_delay_s(self.config.token_recheck_s, random.random())
        self._recheck = self._loop.call_later(delay_s, self._recheck_now)

    def _recheck_now(self) -> None:
        task = asyncio.ensure_future(self._recheck_token())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _recheck_token(self) -> None:
        if self.session.close_expected():
            return
        try:
            reason = await self.service.recheck(self.token_hash)
        except (StoreUnavailable, RateLimited):
            reason = None  # a store that cannot answer revoked nothing: try again later
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("token check failed", extra={"conn": self.conn_id})
            reason = None
        if reason is not None:
            log.info("token no longer valid", extra={"conn": self.conn_id, "reason": reason})
            self.close(reason)
        else:
            self._recheck_later()

    async def _handle(self, request: RequestFrame, received: float) -> None:
        try:
            reply = await self._dispatch(request)
        except ProtocolViolation as exc:
            self.session.fail(request, exc)
        except StoreUnavailable as exc:
            log.warning("store unavailable", extra={"conn": self.conn_id, "error": str(exc)})
            self.session.fail(request, ProtocolViolation(ErrorCode.UNAVAILABLE))
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("request failed", extra={"conn": self.conn_id})
            self.session.fail(request, ProtocolViolation(ErrorCode.INTERNAL))
        else:
            self.session.reply(request, reply)
            if isinstance(reply, Ack):
                self.metrics.ws_send_latency.observe(time.perf_counter() - received)
            elif isinstance(request, Read):
                self.metrics.critical_latency_read.observe(time.perf_counter() - received)
        self._flush_soon()

    async def _dispatch(self, request: RequestFrame) -> ServerFrame:
        user, svc = self._user, self.service
        if isinstance(request, Send):
            result = await svc.append(
                user,
                request.conv,
                EventKind.MESSAGE,
                client_msg_id=request.client_msg_id,
                body=request.body,
                meta=request.meta,
            )
            return _ack(request.id, result)
        if isinstance(request, Edit):
            result = await svc.append(
                user,
                request.conv,
                EventKind.EDIT,
                client_msg_id=request.client_msg_id,
                body=request.body,
                target_seq=request.target_seq,
            )
            return _ack(request.id, result)
        if isinstance(request, Delete):
            result = await svc.append(
                user,
                request.conv,
                EventKind.DELETE,
                client_msg_id=request.client_msg_id,
                target_seq=request.target_seq,
            )
            return _ack(request.id, result)
        if isinstance(request, History):
            page = await svc.history(
                user, request.conv, after=request.after, before=request.before, limit=request.limit
            )
            return Page(
                id=request.id,
                conv=request.conv,
                events=page.events,
                more=page.more,
                last_seq=page.last_seq,
                epoch=svc.epoch,
            )
        if isinstance(request, Read):
            await svc.mark_read(user, request.conv, request.seq)
            return Ok(id=request.id)
        if isinstance(request, Conversations):
            listed = await svc.conversations(user, after=request.cursor, limit=request.limit)
            return ConversationList(
                id=request.id, conversations=listed.conversations, next_cursor=listed.next_cursor
            )
        raise ProtocolViolation(ErrorCode.UNKNOWN_TYPE)  # unreachable: the union is closed


class WsEndpoint:
    """``GET /v1/ws`` on picows: admission at the upgrade, then a :class:`WsConnection`."""

    def __init__(self, service: Service, hub: Hub, config: Config, node_id: str) -> None:
        self.node_id = node_id
        self.service = service
        self.hub = hub
        self.config = config
        self.connections: set[WsConnection] = set()
        # Connections not yet welcomed, possibly some welcomed or closing since: pruned when
        # it looks full, so that a connection need not report its welcome here.
        self._unwelcomed: set[WsConnection] = set()
        self._next_id = 0
        self.accepting = True
        self._all_closed = asyncio.Event()
        self._all_closed.set()
        self._serving: set[asyncio.Task[None]] = set()

    def protocol(self, admitted: HandedOver) -> asyncio.BaseProtocol:
        """picows' protocol for one connection whose request line asked for ``/v1/ws``
        (:class:`pigeon.transport.listener.Admission` hands it over)."""
        config = self.config
        heartbeat_s = config.heartbeat_s
        return _CountedWsProtocol(
            admitted,
            None,
            None,
            False,  # the server's side
            lambda request: self._listener_for(request, admitted),
            _picows_log,
            True,  # a failing callback closes the connection (1011), as aiohttp's handler
            None,  # the head's deadline is the listener's (request_head_timeout_s)
            True,  # pings every heartbeat_s of silence; no pong within half of it: closed
            heartbeat_s,
            heartbeat_s / 2,
            WSAutoPingStrategy.PING_WHEN_IDLE,
            True,  # pongs answered by picows
            max(config.max_frame_bytes * HARD_FRAME_LIMIT_FACTOR, config.max_hello_bytes),
            None,
            16 * 1024,
        )

    def _listener_for(
        self, request: WSUpgradeRequest, admitted: HandedOver
    ) -> WSListener | WSUpgradeResponseWithListener:
        """The answer to an upgrade request, counted as aiohttp's routes count theirs."""
        admitted.upgraded()  # the head is in, whatever the answer
        answer = self._admit_upgrade(request)
        metrics = self.service.metrics
        method = request.method.decode("latin-1")
        if isinstance(answer, ProtocolViolation):
            metrics.http_requests.labels(WS_PATH, method, str(answer.code.status)).inc()
            metrics.errors.labels(answer.code.value, "http").inc()
            return _refusal(answer)
        metrics.http_requests.labels(
            WS_PATH, method, str(int(HTTPStatus.SWITCHING_PROTOCOLS))
        ).inc()
        return answer

    def _admit_upgrade(self, request: WSUpgradeRequest) -> PicowsSocket | ProtocolViolation:
        """Admission (D26): a :class:`PicowsSocket` for the connection, or why not."""
        headers = request.headers
        host = headers.get("Host")
        if not origins.host_allowed(host, self.config.allowed_host_set):
            return ProtocolViolation(ErrorCode.MISDIRECTED, detail=f"Host {host!r}")
        origin = headers.get("Origin")
        if not origins.origin_allowed(origin, host, self.config.allowed_origin_set):
            return ProtocolViolation(ErrorCode.FORBIDDEN, detail=f"Origin {origin!r}")
        if request.method != b"GET" or headers.get("Upgrade", "").lower() != "websocket":
            # A plain GET (or a broken handshake) gets a JSON error like every other route.
            return ProtocolViolation(ErrorCode.BAD_REQUEST, "expected a websocket upgrade")
        if not self.accepting or len(self.connections) >= self.config.max_connections:
            return RateLimited(1000, ErrorCode.BUSY)
        if not self._room_for_unwelcomed():
            self.service.metrics.rate_limited.labels("unauthenticated").inc()
            return RateLimited(1000, ErrorCode.BUSY)
        return PicowsSocket(self, request.headers.getall("X-Forwarded-For", []))

    def opened(self, ws: PicowsSocket, transport: WSTransport) -> WsConnection:
        """The handshake is done: the connection is served from here."""
        underlying = transport.underlying_transport
        peer = underlying.get_extra_info("peername")
        address = forwarded_client(
            peer[0] if isinstance(peer, tuple) else "unknown",
            ws.forwarded,
            self.config.trusted_proxy_set,
        )
        self._next_id += 1
        conn = WsConnection(
            ws,
            underlying,
            self.service,
            self.hub,
            self.config,
            connection_id(self.node_id, self._next_id),
            limits.client_network(address),
        )
        self.connections.add(conn)
        self._unwelcomed.add(conn)
        self._all_closed.clear()
        task = conn.start_task(self._serve(conn))
        self._serving.add(task)
        task.add_done_callback(self._serving.discard)
        return conn

    async def _serve(self, conn: WsConnection) -> None:
        try:
            await conn.run()
        finally:
            self.connections.discard(conn)
            self._unwelcomed.discard(conn)
            if not self.connections:
                self._all_closed.set()

    def _room_for_unwelcomed(self) -> bool:
        """Whether one more connection may wait for its welcome (max_unauthenticated): one
        client opening sockets and never saying hello must not crowd out everyone's hello."""
        if len(self._unwelcomed) < self.config.max_unauthenticated:
            return True
        self._unwelcomed = {
            conn for conn in self._unwelcomed if conn.session.state < SessionState.OPEN
        }
        return len(self._unwelcomed) < self.config.max_unauthenticated

    def close_user(self, user: str, reason: str) -> int:
        """Close every connection of ``user`` (disabled, tokens revoked). Returns how many."""
        mine = [c for c in self.connections if c.user == user and not c.session.close_expected()]
        for conn in mine:
            conn.close(reason)
        return len(mine)

    def close_token(self, token_hash: bytes, reason: str) -> int:
        """Close every connection a token opened (logged out). Returns how many."""
        mine = [
            c
            for c in self.connections
            if c.token_hash == token_hash and not c.session.close_expected()
        ]
        for conn in mine:
            conn.close(reason)
        return len(mine)

    def outgoing_queue_max(self) -> int:
        return max((conn.session.queued() for conn in self.connections), default=0)

    def held_bytes(self) -> int:
        return sum(conn.held_bytes() for conn in self.connections)

    async def drain(self, timeout_s: float) -> None:
        """Stop accepting connections; drain every connection; wait (bounded) until all closed."""
        self.accepting = False
        deadline = time.monotonic() + timeout_s
        await asyncio.gather(*(conn.drain(timeout_s / 2) for conn in list(self.connections)))
        try:
            # asyncio.timeout, not wait_for, which can swallow a cancel on Python 3.11 (D9).
            async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                await self._all_closed.wait()
        except TimeoutError:
            log.warning("connections still open after drain", extra={"open": len(self.connections)})
            # Ended as aiohttp's runner ended its handlers: nothing outlives the node.
            for task in list(self._serving):
                task.cancel()
            await asyncio.gather(*self._serving, return_exceptions=True)
