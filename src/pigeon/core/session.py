"""The per-connection state machine: frames in, requests out; replies and pushes in, bytes out.

The call shape follows websockets' ``Protocol``: the transport feeds each received frame to
:meth:`Session.receive_frame`, then must call :meth:`Session.events_received` and hand each
request to the application, and call :meth:`Session.data_to_send` and write what it returns.
The application answers with :meth:`Session.reply` or :meth:`Session.fail`, and pushes log
events with :meth:`Session.push`. The session never raises on bad input: it queues an error
frame, or, for a connection that cannot go on, a goodbye, after which
:meth:`Session.close_expected` is true.

Every buffer is bounded (G6), in items and in bytes. Pushes beyond ``max_queued_pushes``, or
beyond the byte budget, are dropped and replaced by one ``lagged`` frame: pushes are hints and
the client pulls what it missed. Replies are never dropped; a client that lets more than
``max_queued_replies`` pile up, or more bytes than ``max_queued_bytes``, is closed as a slow
consumer.

The byte budget, ``max_queued_bytes``, covers what the connection holds in the server: the
frames of its requests in flight and everything queued for it. A request that would take it
over is refused ``busy`` (unless it is the only one in flight); a reply that would take it
over while earlier output is still unwritten closes the connection. One reply always fits
when nothing waits before it, so a history page larger than the budget reaches a client that
reads.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from pigeon.core.acks import OwnWrites
from pigeon.core.frames import (
    Ack,
    ClientFrame,
    Goodbye,
    Hello,
    Lagged,
    RequestFrame,
    ServerFrame,
    Typing,
    Welcome,
    Write,
    decode_client_frame,
    encode,
    error_frame,
    request_id_of,
)
from pigeon.core.limits import TokenBucket
from pigeon.core.records import Event
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited


class SessionState(enum.IntEnum):
    AWAIT_HELLO = 0  # connected; only a hello is accepted
    AUTHENTICATING = 1  # hello handed to the application; waiting for accept or reject
    OPEN = 2  # authenticated: requests flow, pushes are delivered
    CLOSING = 3  # a goodbye is queued; the transport closes after writing it


# The transitions, as data: (state, what happened) -> next state. Nothing else moves `state`.
TRANSITIONS: dict[tuple[SessionState, str], SessionState] = {
    (SessionState.AWAIT_HELLO, "hello"): SessionState.AUTHENTICATING,
    (SessionState.AUTHENTICATING, "accept"): SessionState.OPEN,
    (SessionState.AUTHENTICATING, "reject"): SessionState.AWAIT_HELLO,
    (SessionState.AWAIT_HELLO, "close"): SessionState.CLOSING,
    (SessionState.AUTHENTICATING, "close"): SessionState.CLOSING,
    (SessionState.OPEN, "close"): SessionState.CLOSING,
}


@dataclass(frozen=True, kw_only=True)
class SessionLimits:
    max_frame_bytes: int = 64 * 1024
    # Before the session is open only a hello is accepted; it may carry a cursor for each of a
    # user's 10,000 conversations (about 35 bytes each), so it has its own, larger limit.
    max_hello_bytes: int = 1024 * 1024
    max_inflight: int = 256  # requests handed to the application and not yet answered
    max_queued_pushes: int = 1024  # beyond this, pushes are dropped and `lagged` is sent
    max_queued_replies: int = 1024  # beyond this, the client is not reading: close it
    max_queued_bytes: int = 8 * 1024 * 1024  # requests in flight plus output queued
    frames_per_s: float = 500.0  # per connection, every frame counted
    frames_burst: float = 1000.0


class Session:
    """One connection's protocol state. Does no I/O and reads no clock: ``now`` is passed in."""

    def __init__(
        self,
        *,
        limits: SessionLimits,
        now: float,
        on_error: Callable[[ErrorCode], None] | None = None,
    ) -> None:
        """``on_error`` is told the code of every error frame queued (for metrics)."""
        self.limits = limits
        self._on_error = on_error
        self.state = SessionState.AWAIT_HELLO
        self.user: str | None = None
        self.close_reason: str | None = None
        self._requests: list[ClientFrame] = []
        self._out: deque[tuple[bytes, bool]] = deque()  # (data, is_push)
        self._queued_pushes = 0
        self._queued_bytes = 0  # of everything in _out
        self._queued_push_bytes = 0  # of the pushes in _out
        self._lagged_queued = False
        self._inflight = 0
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0
        # The writes whose acks deliver their events, when the hello asked so (D60). Room
        # for every request in flight and as many acked whose pushes the hub has yet to reach.
        self.own_writes: OwnWrites | None = None
        self._acked_early: dict[int, Write] = {}  # id() of a write acked in its push's place

    # -- input ------------------------------------------------------------------------------

    def receive_frame(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        limit = (
            self.limits.max_hello_bytes
            if self.state is SessionState.AWAIT_HELLO
            else self.limits.max_frame_bytes
        )
        if size > limit:  # bytes, not characters: text frames come as str
            self._queue_error(ProtocolViolation(ErrorCode.TOO_LARGE), None)
            return
        retry_after_ms = self._frames.try_take(now)
        if retry_after_ms:
            self._queue_error(RateLimited(retry_after_ms), request_id_of(data))
            return
        try:
            frame = decode_client_frame(data)
        except ProtocolViolation as exc:
            self._queue_error(exc, request_id_of(data))
            return
        if isinstance(frame, Hello):
            if self.state is not SessionState.AWAIT_HELLO:
                self._queue_error(
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), frame.id
                )
                return
            self._move("hello")
            self.own_writes = (
                OwnWrites(2 * self.limits.max_inflight) if frame.ack_delivers else None
            )
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), request_id_of(data))
            return
        if isinstance(frame, Typing):
            self._requests.append(frame)  # no reply, so not in flight
            return
        if self._inflight >= self.limits.max_inflight or (
            self._inflight and self._held_bytes() + size > self.limits.max_queued_bytes
        ):
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        if self.own_writes is not None and isinstance(frame, Write):
            self.own_writes.started(frame)
        self._requests.append(frame)

    def events_received(self) -> list[ClientFrame]:
        """The requests decoded since the last call. Answer each with reply() or fail()."""
        requests, self._requests = self._requests, []
        return requests

    # -- answers from the application ------------------------------------------------------

    def accept_hello(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = user
        data = encode(welcome)
        self._queued_bytes += len(data)
        self._out.appendleft((data, False))

    def reject_hello(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def reply(self, request: RequestFrame, frame: ServerFrame) -> None:
        """Answer a request with its result frame (ack, ok, page, conversation_list)."""
        if self._acked_early.pop(id(request), None) is not None:
            return  # acked already, in its push's place
        self._answered(request, delivered=isinstance(frame, Ack) and not frame.duplicate)
        self._queue(encode(frame))

    def fail(self, request: RequestFrame, exc: ProtocolViolation) -> None:
        """Answer a request with an error frame."""
        if self._acked_early.pop(id(request), None) is not None:
            return
        self._answered(request, delivered=False)
        self._queue_error(exc, request.id)

    def delivered_by_ack(self, event: Event) -> bool:
        """Whether this connection's ack delivers ``event`` (its own write, and its hello
        said ``ack_delivers``): then it is not pushed here. Ask once per event, in log
        order. A write not answered yet is acked now, where its push would have been queued:
        an ack that came after the pushes of later seqs would look like a gap to the client
        and cost it a pull; the application's own reply to it is then dropped."""
        own, user = self.own_writes, self.user
        if own is None or user is None:
            return False
        delivered, write = own.take(event, user)
        if write is not None and self.state is SessionState.OPEN:
            ack = Ack(
                id=write.id,
                conv=event.conv,
                seq=event.seq,
                ts=event.ts,
                client_msg_id=event.client_msg_id,
            )
            self.reply(write, ack)
            self._acked_early[id(write)] = write
        return delivered

    def push(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if (
            self._queued_pushes >= self.limits.max_queued_pushes
            or self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self._drop_pushes()
            return
        self._queued_pushes += 1
        self._queued_push_bytes += len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def lag(self) -> None:
        """Tell the client to pull: pushes were lost before they reached this session (the
        bus lost some). Queues one ``lagged`` frame, unless one is queued already."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if not self._lagged_queued:
            self._queue_lagged()

    def close(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    # -- output -----------------------------------------------------------------------------

    def data_to_send(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = 0
        self._queued_push_bytes = 0
        self._lagged_queued = False
        return out

    def close_expected(self) -> bool:
        return self.state is SessionState.CLOSING

    def queued(self) -> int:
        return len(self._out)

    def queued_bytes(self) -> int:
        """Bytes queued for writing and not yet taken by :meth:`data_to_send`."""
        return self._queued_bytes

    def inflight_bytes(self) -> int:
        """Bytes of the request frames handed to the application and not yet answered."""
        return self._inflight_bytes

    # -- internals --------------------------------------------------------------------------

    def _move(self, what: str) -> None:
        self.state = TRANSITIONS[(self.state, what)]

    def _held_bytes(self) -> int:
        return self._inflight_bytes + self._queued_bytes

    def _answered(self, request: RequestFrame, *, delivered: bool) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(id(request), 0)
        if self.own_writes is not None and isinstance(request, Write):
            self.own_writes.answered(request, delivered=delivered)

    def _queue(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def _queue_error(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(encode(error_frame(exc, request_id)))

    def _drop_pushes(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def _queue_lagged(self) -> None:
        self._lagged_queued = True
        lagged = encode(Lagged())
        self._queued_bytes += len(lagged)
        self._out.append((lagged, False))
