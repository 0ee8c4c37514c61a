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

from pigeon.core.frames import (
    ClientFrame,
    Goodbye,
    Hello,
    Lagged,
    RequestFrame,
    ServerFrame,
    Typing,
    Welcome,
    decode_client_frame,
    encode,
    error_frame,
    request_id_of,
)
from pigeon.core.limits import TokenBucket
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict


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
mutants_xǁSessionǁ__init____mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁreceive_frame__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁevents_received__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁaccept_hello__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁreject_hello__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁreply__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁfail__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁpush__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁlag__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁclose__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁdata_to_send__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁclose_expected__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁ_move__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁ_held_bytes__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁ_answered__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁ_queue__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁ_queue_error__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁ_drop_pushes__mutmut: MutantDict = {}  # type: ignore
mutants_xǁSessionǁ_queue_lagged__mutmut: MutantDict = {}  # type: ignore


class Session:
    """One connection's protocol state. Does no I/O and reads no clock: ``now`` is passed in."""

    @_mutmut_mutated(mutants_xǁSessionǁ__init____mutmut)
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

    def xǁSessionǁ__init____mutmut_orig(
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

    def xǁSessionǁ__init____mutmut_1(
        self,
        *,
        limits: SessionLimits,
        now: float,
        on_error: Callable[[ErrorCode], None] | None = None,
    ) -> None:
        """``on_error`` is told the code of every error frame queued (for metrics)."""
        self.limits = None
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

    def xǁSessionǁ__init____mutmut_2(
        self,
        *,
        limits: SessionLimits,
        now: float,
        on_error: Callable[[ErrorCode], None] | None = None,
    ) -> None:
        """``on_error`` is told the code of every error frame queued (for metrics)."""
        self.limits = limits
        self._on_error = None
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

    def xǁSessionǁ__init____mutmut_3(
        self,
        *,
        limits: SessionLimits,
        now: float,
        on_error: Callable[[ErrorCode], None] | None = None,
    ) -> None:
        """``on_error`` is told the code of every error frame queued (for metrics)."""
        self.limits = limits
        self._on_error = on_error
        self.state = None
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

    def xǁSessionǁ__init____mutmut_4(
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
        self.user: str | None = ""
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

    def xǁSessionǁ__init____mutmut_5(
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
        self.close_reason: str | None = ""
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

    def xǁSessionǁ__init____mutmut_6(
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
        self._requests: list[ClientFrame] = None
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

    def xǁSessionǁ__init____mutmut_7(
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
        self._out: deque[tuple[bytes, bool]] = None  # (data, is_push)
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

    def xǁSessionǁ__init____mutmut_8(
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
        self._queued_pushes = None
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

    def xǁSessionǁ__init____mutmut_9(
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
        self._queued_pushes = 1
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

    def xǁSessionǁ__init____mutmut_10(
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
        self._queued_bytes = None  # of everything in _out
        self._queued_push_bytes = 0  # of the pushes in _out
        self._lagged_queued = False
        self._inflight = 0
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_11(
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
        self._queued_bytes = 1  # of everything in _out
        self._queued_push_bytes = 0  # of the pushes in _out
        self._lagged_queued = False
        self._inflight = 0
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_12(
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
        self._queued_push_bytes = None  # of the pushes in _out
        self._lagged_queued = False
        self._inflight = 0
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_13(
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
        self._queued_push_bytes = 1  # of the pushes in _out
        self._lagged_queued = False
        self._inflight = 0
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_14(
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
        self._lagged_queued = None
        self._inflight = 0
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_15(
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
        self._lagged_queued = True
        self._inflight = 0
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_16(
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
        self._inflight = None
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_17(
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
        self._inflight = 1
        self._inflight_bytes = 0
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_18(
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
        self._inflight_bytes = None
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_19(
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
        self._inflight_bytes = 1
        self._request_bytes: dict[int, int] = {}  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_20(
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
        self._request_bytes: dict[int, int] = None  # id() of a request in flight -> frame size
        self._frames = TokenBucket(
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_21(
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
        self._frames = None
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_22(
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
            rate_per_s=None, burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_23(
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
            rate_per_s=limits.frames_per_s, burst=None, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_24(
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
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, now=None
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_25(
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
            burst=limits.frames_burst, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_26(
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
            rate_per_s=limits.frames_per_s, now=now
        )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_27(
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
            rate_per_s=limits.frames_per_s, burst=limits.frames_burst, )
        self.pushes_dropped = 0

    def xǁSessionǁ__init____mutmut_28(
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
        self.pushes_dropped = None

    def xǁSessionǁ__init____mutmut_29(
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
        self.pushes_dropped = 1

    # -- input ------------------------------------------------------------------------------

    @_mutmut_mutated(mutants_xǁSessionǁreceive_frame__mutmut)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_orig(self, data: bytes | str, now: float) -> None:
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_1(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is not SessionState.CLOSING:
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_2(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = None
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_3(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = len(data) if (isinstance(data, bytes)) and False else len(data.encode("utf-8", "surrogatepass"))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_4(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = len(data) if (isinstance(data, bytes)) or True else len(data.encode("utf-8", "surrogatepass"))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_5(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        limit = None
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_6(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        limit = (
            self.limits.max_hello_bytes
            if (self.state is SessionState.AWAIT_HELLO) and False
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_7(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        limit = (
            self.limits.max_hello_bytes
            if (self.state is SessionState.AWAIT_HELLO) or True
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_8(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        limit = (
            self.limits.max_hello_bytes
            if self.state is not SessionState.AWAIT_HELLO
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_9(self, data: bytes | str, now: float) -> None:
        """Take one received WebSocket message. Then call :meth:`events_received`."""
        if self.state is SessionState.CLOSING:
            return
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        limit = (
            self.limits.max_hello_bytes
            if self.state is SessionState.AWAIT_HELLO
            else self.limits.max_frame_bytes
        )
        if size >= limit:  # bytes, not characters: text frames come as str
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_10(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(None, None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_11(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_12(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(ProtocolViolation(ErrorCode.TOO_LARGE), )
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_13(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(ProtocolViolation(None), None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_14(self, data: bytes | str, now: float) -> None:
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
        retry_after_ms = None
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_15(self, data: bytes | str, now: float) -> None:
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
        retry_after_ms = self._frames.try_take(None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_16(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(None, request_id_of(data))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_17(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(RateLimited(retry_after_ms), None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_18(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(request_id_of(data))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_19(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(RateLimited(retry_after_ms), )
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_20(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(RateLimited(None), request_id_of(data))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_21(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(RateLimited(retry_after_ms), request_id_of(None))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_22(self, data: bytes | str, now: float) -> None:
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
            frame = None
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_23(self, data: bytes | str, now: float) -> None:
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
            frame = decode_client_frame(None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_24(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(None, request_id_of(data))
            return
        if isinstance(frame, Hello):
            if self.state is not SessionState.AWAIT_HELLO:
                self._queue_error(
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_25(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(exc, None)
            return
        if isinstance(frame, Hello):
            if self.state is not SessionState.AWAIT_HELLO:
                self._queue_error(
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_26(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(request_id_of(data))
            return
        if isinstance(frame, Hello):
            if self.state is not SessionState.AWAIT_HELLO:
                self._queue_error(
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_27(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(exc, )
            return
        if isinstance(frame, Hello):
            if self.state is not SessionState.AWAIT_HELLO:
                self._queue_error(
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_28(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(exc, request_id_of(None))
            return
        if isinstance(frame, Hello):
            if self.state is not SessionState.AWAIT_HELLO:
                self._queue_error(
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_29(self, data: bytes | str, now: float) -> None:
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
            if self.state is SessionState.AWAIT_HELLO:
                self._queue_error(
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_30(self, data: bytes | str, now: float) -> None:
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
                    None, frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_31(self, data: bytes | str, now: float) -> None:
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
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), None
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_32(self, data: bytes | str, now: float) -> None:
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
                    frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_33(self, data: bytes | str, now: float) -> None:
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
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "already said hello"), )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_34(self, data: bytes | str, now: float) -> None:
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
                    ProtocolViolation(None, "already said hello"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_35(self, data: bytes | str, now: float) -> None:
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
                    ProtocolViolation(ErrorCode.BAD_REQUEST, None), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_36(self, data: bytes | str, now: float) -> None:
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
                    ProtocolViolation("already said hello"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_37(self, data: bytes | str, now: float) -> None:
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
                    ProtocolViolation(ErrorCode.BAD_REQUEST, ), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_38(self, data: bytes | str, now: float) -> None:
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
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "XXalready said helloXX"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_39(self, data: bytes | str, now: float) -> None:
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
                    ProtocolViolation(ErrorCode.BAD_REQUEST, "ALREADY SAID HELLO"), frame.id
                )
                return
            self._move("hello")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_40(self, data: bytes | str, now: float) -> None:
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
            self._move(None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_41(self, data: bytes | str, now: float) -> None:
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
            self._move("XXhelloXX")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_42(self, data: bytes | str, now: float) -> None:
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
            self._move("HELLO")
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_43(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_44(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is SessionState.OPEN:
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_45(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(None, request_id_of(data))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_46(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), None)
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_47(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(request_id_of(data))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_48(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), )
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_49(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(None), request_id_of(data))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_50(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), request_id_of(None))
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
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_51(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), request_id_of(data))
            return
        if isinstance(frame, Typing):
            self._requests.append(None)  # no reply, so not in flight
            return
        if self._inflight >= self.limits.max_inflight or (
            self._inflight and self._held_bytes() + size > self.limits.max_queued_bytes
        ):
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_52(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), request_id_of(data))
            return
        if isinstance(frame, Typing):
            self._requests.append(frame)  # no reply, so not in flight
            return
        if self._inflight >= self.limits.max_inflight and (
            self._inflight and self._held_bytes() + size > self.limits.max_queued_bytes
        ):
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_53(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), request_id_of(data))
            return
        if isinstance(frame, Typing):
            self._requests.append(frame)  # no reply, so not in flight
            return
        if self._inflight > self.limits.max_inflight or (
            self._inflight and self._held_bytes() + size > self.limits.max_queued_bytes
        ):
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_54(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), request_id_of(data))
            return
        if isinstance(frame, Typing):
            self._requests.append(frame)  # no reply, so not in flight
            return
        if self._inflight >= self.limits.max_inflight or (
            self._inflight or self._held_bytes() + size > self.limits.max_queued_bytes
        ):
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_55(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), request_id_of(data))
            return
        if isinstance(frame, Typing):
            self._requests.append(frame)  # no reply, so not in flight
            return
        if self._inflight >= self.limits.max_inflight or (
            self._inflight and self._held_bytes() - size > self.limits.max_queued_bytes
        ):
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_56(self, data: bytes | str, now: float) -> None:
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
            self._requests.append(frame)
            return
        if self.state is not SessionState.OPEN:
            self._queue_error(ProtocolViolation(ErrorCode.UNAUTHENTICATED), request_id_of(data))
            return
        if isinstance(frame, Typing):
            self._requests.append(frame)  # no reply, so not in flight
            return
        if self._inflight >= self.limits.max_inflight or (
            self._inflight and self._held_bytes() + size >= self.limits.max_queued_bytes
        ):
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_57(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(None, frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_58(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), None)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_59(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_60(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(ProtocolViolation(ErrorCode.BUSY), )
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_61(self, data: bytes | str, now: float) -> None:
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
            self._queue_error(ProtocolViolation(None), frame.id)
            return
        self._inflight += 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_62(self, data: bytes | str, now: float) -> None:
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
        self._inflight = 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_63(self, data: bytes | str, now: float) -> None:
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
        self._inflight -= 1
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_64(self, data: bytes | str, now: float) -> None:
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
        self._inflight += 2
        self._inflight_bytes += size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_65(self, data: bytes | str, now: float) -> None:
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
        self._inflight_bytes = size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_66(self, data: bytes | str, now: float) -> None:
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
        self._inflight_bytes -= size
        self._request_bytes[id(frame)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_67(self, data: bytes | str, now: float) -> None:
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
        self._request_bytes[id(frame)] = None
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_68(self, data: bytes | str, now: float) -> None:
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
        self._request_bytes[id(None)] = size
        self._requests.append(frame)

    # -- input ------------------------------------------------------------------------------

    def xǁSessionǁreceive_frame__mutmut_69(self, data: bytes | str, now: float) -> None:
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
        self._requests.append(None)

    @_mutmut_mutated(mutants_xǁSessionǁevents_received__mutmut)
    def events_received(self) -> list[ClientFrame]:
        """The requests decoded since the last call. Answer each with reply() or fail()."""
        requests, self._requests = self._requests, []
        return requests

    def xǁSessionǁevents_received__mutmut_orig(self) -> list[ClientFrame]:
        """The requests decoded since the last call. Answer each with reply() or fail()."""
        requests, self._requests = self._requests, []
        return requests

    def xǁSessionǁevents_received__mutmut_1(self) -> list[ClientFrame]:
        """The requests decoded since the last call. Answer each with reply() or fail()."""
        requests, self._requests = None
        return requests

    # -- answers from the application ------------------------------------------------------

    @_mutmut_mutated(mutants_xǁSessionǁaccept_hello__mutmut)
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

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_orig(self, user: str, welcome: Welcome) -> None:
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

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_1(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is not SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = user
        data = encode(welcome)
        self._queued_bytes += len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_2(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move(None)
        self.user = user
        data = encode(welcome)
        self._queued_bytes += len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_3(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("XXacceptXX")
        self.user = user
        data = encode(welcome)
        self._queued_bytes += len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_4(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("ACCEPT")
        self.user = user
        data = encode(welcome)
        self._queued_bytes += len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_5(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = None
        data = encode(welcome)
        self._queued_bytes += len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_6(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = user
        data = None
        self._queued_bytes += len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_7(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = user
        data = encode(None)
        self._queued_bytes += len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_8(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = user
        data = encode(welcome)
        self._queued_bytes = len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_9(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = user
        data = encode(welcome)
        self._queued_bytes -= len(data)
        self._out.appendleft((data, False))

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_10(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = user
        data = encode(welcome)
        self._queued_bytes += len(data)
        self._out.appendleft(None)

    # -- answers from the application ------------------------------------------------------

    def xǁSessionǁaccept_hello__mutmut_11(self, user: str, welcome: Welcome) -> None:
        """Open the session. The welcome goes out before any push queued while authenticating
        (the application subscribes before it reads where the client stands, so that no event
        committed in between is missed)."""
        if self.state is SessionState.CLOSING:
            return  # closed (drain, slow consumer) while the application authenticated
        self._move("accept")
        self.user = user
        data = encode(welcome)
        self._queued_bytes += len(data)
        self._out.appendleft((data, True))

    @_mutmut_mutated(mutants_xǁSessionǁreject_hello__mutmut)
    def reject_hello(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_orig(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_1(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is not SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_2(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move(None)
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_3(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("XXrejectXX")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_4(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("REJECT")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_5(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = None
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_6(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(None)
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_7(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_8(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[2])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_9(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes = self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_10(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes += self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_11(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = None
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_12(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 1
        self._queued_push_bytes = 0
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_13(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = None
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_14(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 1
        self._queue_error(exc, request_id)

    def xǁSessionǁreject_hello__mutmut_15(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(None, request_id)

    def xǁSessionǁreject_hello__mutmut_16(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, None)

    def xǁSessionǁreject_hello__mutmut_17(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(request_id)

    def xǁSessionǁreject_hello__mutmut_18(self, exc: ProtocolViolation, request_id: int) -> None:
        if self.state is SessionState.CLOSING:
            return
        self._move("reject")
        self._out = deque(item for item in self._out if not item[1])
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        self._queue_error(exc, )

    @_mutmut_mutated(mutants_xǁSessionǁreply__mutmut)
    def reply(self, request: RequestFrame, frame: ServerFrame) -> None:
        """Answer a request with its result frame (ack, ok, page, conversation_list)."""
        self._answered(request)
        self._queue(encode(frame))

    def xǁSessionǁreply__mutmut_orig(self, request: RequestFrame, frame: ServerFrame) -> None:
        """Answer a request with its result frame (ack, ok, page, conversation_list)."""
        self._answered(request)
        self._queue(encode(frame))

    def xǁSessionǁreply__mutmut_1(self, request: RequestFrame, frame: ServerFrame) -> None:
        """Answer a request with its result frame (ack, ok, page, conversation_list)."""
        self._answered(None)
        self._queue(encode(frame))

    def xǁSessionǁreply__mutmut_2(self, request: RequestFrame, frame: ServerFrame) -> None:
        """Answer a request with its result frame (ack, ok, page, conversation_list)."""
        self._answered(request)
        self._queue(None)

    def xǁSessionǁreply__mutmut_3(self, request: RequestFrame, frame: ServerFrame) -> None:
        """Answer a request with its result frame (ack, ok, page, conversation_list)."""
        self._answered(request)
        self._queue(encode(None))

    @_mutmut_mutated(mutants_xǁSessionǁfail__mutmut)
    def fail(self, request: RequestFrame, exc: ProtocolViolation) -> None:
        """Answer a request with an error frame."""
        self._answered(request)
        self._queue_error(exc, request.id)

    def xǁSessionǁfail__mutmut_orig(self, request: RequestFrame, exc: ProtocolViolation) -> None:
        """Answer a request with an error frame."""
        self._answered(request)
        self._queue_error(exc, request.id)

    def xǁSessionǁfail__mutmut_1(self, request: RequestFrame, exc: ProtocolViolation) -> None:
        """Answer a request with an error frame."""
        self._answered(None)
        self._queue_error(exc, request.id)

    def xǁSessionǁfail__mutmut_2(self, request: RequestFrame, exc: ProtocolViolation) -> None:
        """Answer a request with an error frame."""
        self._answered(request)
        self._queue_error(None, request.id)

    def xǁSessionǁfail__mutmut_3(self, request: RequestFrame, exc: ProtocolViolation) -> None:
        """Answer a request with an error frame."""
        self._answered(request)
        self._queue_error(exc, None)

    def xǁSessionǁfail__mutmut_4(self, request: RequestFrame, exc: ProtocolViolation) -> None:
        """Answer a request with an error frame."""
        self._answered(request)
        self._queue_error(request.id)

    def xǁSessionǁfail__mutmut_5(self, request: RequestFrame, exc: ProtocolViolation) -> None:
        """Answer a request with an error frame."""
        self._answered(request)
        self._queue_error(exc, )

    @_mutmut_mutated(mutants_xǁSessionǁpush__mutmut)
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

    def xǁSessionǁpush__mutmut_orig(self, data: bytes) -> None:
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

    def xǁSessionǁpush__mutmut_1(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state in (SessionState.OPEN, SessionState.AUTHENTICATING):
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

    def xǁSessionǁpush__mutmut_2(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if (
            self._queued_pushes >= self.limits.max_queued_pushes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self._drop_pushes()
            return
        self._queued_pushes += 1
        self._queued_push_bytes += len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_3(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if (
            self._queued_pushes > self.limits.max_queued_pushes
            or self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self._drop_pushes()
            return
        self._queued_pushes += 1
        self._queued_push_bytes += len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_4(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if (
            self._queued_pushes >= self.limits.max_queued_pushes
            or self._held_bytes() - len(data) > self.limits.max_queued_bytes
        ):
            self._drop_pushes()
            return
        self._queued_pushes += 1
        self._queued_push_bytes += len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_5(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if (
            self._queued_pushes >= self.limits.max_queued_pushes
            or self._held_bytes() + len(data) >= self.limits.max_queued_bytes
        ):
            self._drop_pushes()
            return
        self._queued_pushes += 1
        self._queued_push_bytes += len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_6(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if (
            self._queued_pushes >= self.limits.max_queued_pushes
            or self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self._drop_pushes()
            return
        self._queued_pushes = 1
        self._queued_push_bytes += len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_7(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if (
            self._queued_pushes >= self.limits.max_queued_pushes
            or self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self._drop_pushes()
            return
        self._queued_pushes -= 1
        self._queued_push_bytes += len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_8(self, data: bytes) -> None:
        """Queue an encoded push (event, typing). Never blocks; drops and lags when full."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if (
            self._queued_pushes >= self.limits.max_queued_pushes
            or self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self._drop_pushes()
            return
        self._queued_pushes += 2
        self._queued_push_bytes += len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_9(self, data: bytes) -> None:
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
        self._queued_push_bytes = len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_10(self, data: bytes) -> None:
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
        self._queued_push_bytes -= len(data)
        self._queued_bytes += len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_11(self, data: bytes) -> None:
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
        self._queued_bytes = len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_12(self, data: bytes) -> None:
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
        self._queued_bytes -= len(data)
        self._out.append((data, True))

    def xǁSessionǁpush__mutmut_13(self, data: bytes) -> None:
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
        self._out.append(None)

    def xǁSessionǁpush__mutmut_14(self, data: bytes) -> None:
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
        self._out.append((data, False))

    @_mutmut_mutated(mutants_xǁSessionǁlag__mutmut)
    def lag(self) -> None:
        """Tell the client to pull: pushes were lost before they reached this session (the
        bus lost some). Queues one ``lagged`` frame, unless one is queued already."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁlag__mutmut_orig(self) -> None:
        """Tell the client to pull: pushes were lost before they reached this session (the
        bus lost some). Queues one ``lagged`` frame, unless one is queued already."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁlag__mutmut_1(self) -> None:
        """Tell the client to pull: pushes were lost before they reached this session (the
        bus lost some). Queues one ``lagged`` frame, unless one is queued already."""
        if self.state in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁlag__mutmut_2(self) -> None:
        """Tell the client to pull: pushes were lost before they reached this session (the
        bus lost some). Queues one ``lagged`` frame, unless one is queued already."""
        if self.state not in (SessionState.OPEN, SessionState.AUTHENTICATING):
            return
        if self._lagged_queued:
            self._queue_lagged()

    @_mutmut_mutated(mutants_xǁSessionǁclose__mutmut)
    def close(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_orig(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_1(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is not SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_2(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move(None)
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_3(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("XXcloseXX")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_4(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("CLOSE")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_5(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = None
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_6(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = None
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_7(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(None)
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_8(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=None))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_9(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes = len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_10(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes -= len(goodbye)
        self._out.append((goodbye, False))

    def xǁSessionǁclose__mutmut_11(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append(None)

    def xǁSessionǁclose__mutmut_12(self, reason: str) -> None:
        """Queue a goodbye; the transport closes the connection once it is written."""
        if self.state is SessionState.CLOSING:
            return
        self._move("close")
        self.close_reason = reason
        goodbye = encode(Goodbye(reason=reason))
        self._queued_bytes += len(goodbye)
        self._out.append((goodbye, True))

    # -- output -----------------------------------------------------------------------------

    @_mutmut_mutated(mutants_xǁSessionǁdata_to_send__mutmut)
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

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_orig(self) -> list[bytes]:
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

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_1(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is not SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = 0
        self._queued_push_bytes = 0
        self._lagged_queued = False
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_2(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = None
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = 0
        self._queued_push_bytes = 0
        self._lagged_queued = False
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_3(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = None
        self._queued_bytes = 0
        self._queued_push_bytes = 0
        self._lagged_queued = False
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_4(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 1
        self._queued_bytes = 0
        self._queued_push_bytes = 0
        self._lagged_queued = False
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_5(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = None
        self._queued_push_bytes = 0
        self._lagged_queued = False
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_6(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = 1
        self._queued_push_bytes = 0
        self._lagged_queued = False
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_7(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = 0
        self._queued_push_bytes = None
        self._lagged_queued = False
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_8(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = 0
        self._queued_push_bytes = 1
        self._lagged_queued = False
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_9(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = 0
        self._queued_push_bytes = 0
        self._lagged_queued = None
        return out

    # -- output -----------------------------------------------------------------------------

    def xǁSessionǁdata_to_send__mutmut_10(self) -> list[bytes]:
        """Everything queued, in order. Write it all, then close if close_expected().
        Nothing is released while authenticating: the welcome must go first."""
        if self.state is SessionState.AUTHENTICATING:
            return []
        out = [data for data, _ in self._out]
        self._out.clear()
        self._queued_pushes = 0
        self._queued_bytes = 0
        self._queued_push_bytes = 0
        self._lagged_queued = True
        return out

    @_mutmut_mutated(mutants_xǁSessionǁclose_expected__mutmut)
    def close_expected(self) -> bool:
        return self.state is SessionState.CLOSING

    def xǁSessionǁclose_expected__mutmut_orig(self) -> bool:
        return self.state is SessionState.CLOSING

    def xǁSessionǁclose_expected__mutmut_1(self) -> bool:
        return self.state is not SessionState.CLOSING

    def queued(self) -> int:
        return len(self._out)

    def queued_bytes(self) -> int:
        """Bytes queued for writing and not yet taken by :meth:`data_to_send`."""
        return self._queued_bytes

    def inflight_bytes(self) -> int:
        """Bytes of the request frames handed to the application and not yet answered."""
        return self._inflight_bytes

    # -- internals --------------------------------------------------------------------------

    @_mutmut_mutated(mutants_xǁSessionǁ_move__mutmut)
    def _move(self, what: str) -> None:
        self.state = TRANSITIONS[(self.state, what)]

    # -- internals --------------------------------------------------------------------------

    def xǁSessionǁ_move__mutmut_orig(self, what: str) -> None:
        self.state = TRANSITIONS[(self.state, what)]

    # -- internals --------------------------------------------------------------------------

    def xǁSessionǁ_move__mutmut_1(self, what: str) -> None:
        self.state = None

    @_mutmut_mutated(mutants_xǁSessionǁ_held_bytes__mutmut)
    def _held_bytes(self) -> int:
        return self._inflight_bytes + self._queued_bytes

    def xǁSessionǁ_held_bytes__mutmut_orig(self) -> int:
        return self._inflight_bytes + self._queued_bytes

    def xǁSessionǁ_held_bytes__mutmut_1(self) -> int:
        return self._inflight_bytes - self._queued_bytes

    @_mutmut_mutated(mutants_xǁSessionǁ_answered__mutmut)
    def _answered(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(id(request), 0)

    def xǁSessionǁ_answered__mutmut_orig(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(id(request), 0)

    def xǁSessionǁ_answered__mutmut_1(self, request: RequestFrame) -> None:
        self._inflight = 1
        self._inflight_bytes -= self._request_bytes.pop(id(request), 0)

    def xǁSessionǁ_answered__mutmut_2(self, request: RequestFrame) -> None:
        self._inflight += 1
        self._inflight_bytes -= self._request_bytes.pop(id(request), 0)

    def xǁSessionǁ_answered__mutmut_3(self, request: RequestFrame) -> None:
        self._inflight -= 2
        self._inflight_bytes -= self._request_bytes.pop(id(request), 0)

    def xǁSessionǁ_answered__mutmut_4(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes = self._request_bytes.pop(id(request), 0)

    def xǁSessionǁ_answered__mutmut_5(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes += self._request_bytes.pop(id(request), 0)

    def xǁSessionǁ_answered__mutmut_6(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(None, 0)

    def xǁSessionǁ_answered__mutmut_7(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(id(request), None)

    def xǁSessionǁ_answered__mutmut_8(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(0)

    def xǁSessionǁ_answered__mutmut_9(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(id(request), )

    def xǁSessionǁ_answered__mutmut_10(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(id(None), 0)

    def xǁSessionǁ_answered__mutmut_11(self, request: RequestFrame) -> None:
        self._inflight -= 1
        self._inflight_bytes -= self._request_bytes.pop(id(request), 1)

    @_mutmut_mutated(mutants_xǁSessionǁ_queue__mutmut)
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

    def xǁSessionǁ_queue__mutmut_orig(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_1(self, data: bytes) -> None:
        if self.state is not SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_2(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies and (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_3(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) + self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_4(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes > self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_5(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes or self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_6(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() - len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_7(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) >= self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_8(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close(None)
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_9(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("XXslow_consumerXX")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_10(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("SLOW_CONSUMER")
            return
        self._queued_bytes += len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_11(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes = len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_12(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes -= len(data)
        self._out.append((data, False))

    def xǁSessionǁ_queue__mutmut_13(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append(None)

    def xǁSessionǁ_queue__mutmut_14(self, data: bytes) -> None:
        if self.state is SessionState.CLOSING:
            return
        if len(self._out) - self._queued_pushes >= self.limits.max_queued_replies or (
            self._queued_bytes and self._held_bytes() + len(data) > self.limits.max_queued_bytes
        ):
            self.close("slow_consumer")
            return
        self._queued_bytes += len(data)
        self._out.append((data, True))

    @_mutmut_mutated(mutants_xǁSessionǁ_queue_error__mutmut)
    def _queue_error(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(encode(error_frame(exc, request_id)))

    def xǁSessionǁ_queue_error__mutmut_orig(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(encode(error_frame(exc, request_id)))

    def xǁSessionǁ_queue_error__mutmut_1(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is None:
            self._on_error(exc.code)
        self._queue(encode(error_frame(exc, request_id)))

    def xǁSessionǁ_queue_error__mutmut_2(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(None)
        self._queue(encode(error_frame(exc, request_id)))

    def xǁSessionǁ_queue_error__mutmut_3(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(None)

    def xǁSessionǁ_queue_error__mutmut_4(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(encode(None))

    def xǁSessionǁ_queue_error__mutmut_5(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(encode(error_frame(None, request_id)))

    def xǁSessionǁ_queue_error__mutmut_6(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(encode(error_frame(exc, None)))

    def xǁSessionǁ_queue_error__mutmut_7(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(encode(error_frame(request_id)))

    def xǁSessionǁ_queue_error__mutmut_8(self, exc: ProtocolViolation, request_id: int | None) -> None:
        if self._on_error is not None:
            self._on_error(exc.code)
        self._queue(encode(error_frame(exc, )))

    @_mutmut_mutated(mutants_xǁSessionǁ_drop_pushes__mutmut)
    def _drop_pushes(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_orig(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_1(self) -> None:
        kept = None
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_2(self) -> None:
        kept = deque(None)
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_3(self) -> None:
        kept = deque(item for item in self._out if item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_4(self) -> None:
        kept = deque(item for item in self._out if not item[2])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_5(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped = self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_6(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped -= self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_7(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes - 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_8(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 2
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_9(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = None
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_10(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes = self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_11(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes += self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_12(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = None
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_13(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 1
        self._queued_push_bytes = 0
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_14(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = None
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_15(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 1
        if not self._lagged_queued:
            self._queue_lagged()

    def xǁSessionǁ_drop_pushes__mutmut_16(self) -> None:
        kept = deque(item for item in self._out if not item[1])
        self.pushes_dropped += self._queued_pushes + 1
        self._out = kept
        self._queued_bytes -= self._queued_push_bytes
        self._queued_pushes = 0
        self._queued_push_bytes = 0
        if self._lagged_queued:
            self._queue_lagged()

    @_mutmut_mutated(mutants_xǁSessionǁ_queue_lagged__mutmut)
    def _queue_lagged(self) -> None:
        self._lagged_queued = True
        lagged = encode(Lagged())
        self._queued_bytes += len(lagged)
        self._out.append((lagged, False))

    def xǁSessionǁ_queue_lagged__mutmut_orig(self) -> None:
        self._lagged_queued = True
        lagged = encode(Lagged())
        self._queued_bytes += len(lagged)
        self._out.append((lagged, False))

    def xǁSessionǁ_queue_lagged__mutmut_1(self) -> None:
        self._lagged_queued = None
        lagged = encode(Lagged())
        self._queued_bytes += len(lagged)
        self._out.append((lagged, False))

    def xǁSessionǁ_queue_lagged__mutmut_2(self) -> None:
        self._lagged_queued = False
        lagged = encode(Lagged())
        self._queued_bytes += len(lagged)
        self._out.append((lagged, False))

    def xǁSessionǁ_queue_lagged__mutmut_3(self) -> None:
        self._lagged_queued = True
        lagged = None
        self._queued_bytes += len(lagged)
        self._out.append((lagged, False))

    def xǁSessionǁ_queue_lagged__mutmut_4(self) -> None:
        self._lagged_queued = True
        lagged = encode(None)
        self._queued_bytes += len(lagged)
        self._out.append((lagged, False))

    def xǁSessionǁ_queue_lagged__mutmut_5(self) -> None:
        self._lagged_queued = True
        lagged = encode(Lagged())
        self._queued_bytes = len(lagged)
        self._out.append((lagged, False))

    def xǁSessionǁ_queue_lagged__mutmut_6(self) -> None:
        self._lagged_queued = True
        lagged = encode(Lagged())
        self._queued_bytes -= len(lagged)
        self._out.append((lagged, False))

    def xǁSessionǁ_queue_lagged__mutmut_7(self) -> None:
        self._lagged_queued = True
        lagged = encode(Lagged())
        self._queued_bytes += len(lagged)
        self._out.append(None)

    def xǁSessionǁ_queue_lagged__mutmut_8(self) -> None:
        self._lagged_queued = True
        lagged = encode(Lagged())
        self._queued_bytes += len(lagged)
        self._out.append((lagged, True))

mutants_xǁSessionǁ__init____mutmut['_mutmut_orig'] = Session.xǁSessionǁ__init____mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_1'] = Session.xǁSessionǁ__init____mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_2'] = Session.xǁSessionǁ__init____mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_3'] = Session.xǁSessionǁ__init____mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_4'] = Session.xǁSessionǁ__init____mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_5'] = Session.xǁSessionǁ__init____mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_6'] = Session.xǁSessionǁ__init____mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_7'] = Session.xǁSessionǁ__init____mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_8'] = Session.xǁSessionǁ__init____mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_9'] = Session.xǁSessionǁ__init____mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_10'] = Session.xǁSessionǁ__init____mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_11'] = Session.xǁSessionǁ__init____mutmut_11 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_12'] = Session.xǁSessionǁ__init____mutmut_12 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_13'] = Session.xǁSessionǁ__init____mutmut_13 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_14'] = Session.xǁSessionǁ__init____mutmut_14 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_15'] = Session.xǁSessionǁ__init____mutmut_15 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_16'] = Session.xǁSessionǁ__init____mutmut_16 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_17'] = Session.xǁSessionǁ__init____mutmut_17 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_18'] = Session.xǁSessionǁ__init____mutmut_18 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_19'] = Session.xǁSessionǁ__init____mutmut_19 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_20'] = Session.xǁSessionǁ__init____mutmut_20 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_21'] = Session.xǁSessionǁ__init____mutmut_21 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_22'] = Session.xǁSessionǁ__init____mutmut_22 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_23'] = Session.xǁSessionǁ__init____mutmut_23 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_24'] = Session.xǁSessionǁ__init____mutmut_24 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_25'] = Session.xǁSessionǁ__init____mutmut_25 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_26'] = Session.xǁSessionǁ__init____mutmut_26 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_27'] = Session.xǁSessionǁ__init____mutmut_27 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_28'] = Session.xǁSessionǁ__init____mutmut_28 # type: ignore # mutmut generated
mutants_xǁSessionǁ__init____mutmut['xǁSessionǁ__init____mutmut_29'] = Session.xǁSessionǁ__init____mutmut_29 # type: ignore # mutmut generated

mutants_xǁSessionǁreceive_frame__mutmut['_mutmut_orig'] = Session.xǁSessionǁreceive_frame__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_1'] = Session.xǁSessionǁreceive_frame__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_2'] = Session.xǁSessionǁreceive_frame__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_3'] = Session.xǁSessionǁreceive_frame__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_4'] = Session.xǁSessionǁreceive_frame__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_5'] = Session.xǁSessionǁreceive_frame__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_6'] = Session.xǁSessionǁreceive_frame__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_7'] = Session.xǁSessionǁreceive_frame__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_8'] = Session.xǁSessionǁreceive_frame__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_9'] = Session.xǁSessionǁreceive_frame__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_10'] = Session.xǁSessionǁreceive_frame__mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_11'] = Session.xǁSessionǁreceive_frame__mutmut_11 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_12'] = Session.xǁSessionǁreceive_frame__mutmut_12 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_13'] = Session.xǁSessionǁreceive_frame__mutmut_13 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_14'] = Session.xǁSessionǁreceive_frame__mutmut_14 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_15'] = Session.xǁSessionǁreceive_frame__mutmut_15 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_16'] = Session.xǁSessionǁreceive_frame__mutmut_16 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_17'] = Session.xǁSessionǁreceive_frame__mutmut_17 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_18'] = Session.xǁSessionǁreceive_frame__mutmut_18 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_19'] = Session.xǁSessionǁreceive_frame__mutmut_19 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_20'] = Session.xǁSessionǁreceive_frame__mutmut_20 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_21'] = Session.xǁSessionǁreceive_frame__mutmut_21 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_22'] = Session.xǁSessionǁreceive_frame__mutmut_22 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_23'] = Session.xǁSessionǁreceive_frame__mutmut_23 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_24'] = Session.xǁSessionǁreceive_frame__mutmut_24 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_25'] = Session.xǁSessionǁreceive_frame__mutmut_25 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_26'] = Session.xǁSessionǁreceive_frame__mutmut_26 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_27'] = Session.xǁSessionǁreceive_frame__mutmut_27 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_28'] = Session.xǁSessionǁreceive_frame__mutmut_28 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_29'] = Session.xǁSessionǁreceive_frame__mutmut_29 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_30'] = Session.xǁSessionǁreceive_frame__mutmut_30 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_31'] = Session.xǁSessionǁreceive_frame__mutmut_31 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_32'] = Session.xǁSessionǁreceive_frame__mutmut_32 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_33'] = Session.xǁSessionǁreceive_frame__mutmut_33 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_34'] = Session.xǁSessionǁreceive_frame__mutmut_34 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_35'] = Session.xǁSessionǁreceive_frame__mutmut_35 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_36'] = Session.xǁSessionǁreceive_frame__mutmut_36 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_37'] = Session.xǁSessionǁreceive_frame__mutmut_37 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_38'] = Session.xǁSessionǁreceive_frame__mutmut_38 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_39'] = Session.xǁSessionǁreceive_frame__mutmut_39 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_40'] = Session.xǁSessionǁreceive_frame__mutmut_40 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_41'] = Session.xǁSessionǁreceive_frame__mutmut_41 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_42'] = Session.xǁSessionǁreceive_frame__mutmut_42 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_43'] = Session.xǁSessionǁreceive_frame__mutmut_43 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_44'] = Session.xǁSessionǁreceive_frame__mutmut_44 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_45'] = Session.xǁSessionǁreceive_frame__mutmut_45 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_46'] = Session.xǁSessionǁreceive_frame__mutmut_46 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_47'] = Session.xǁSessionǁreceive_frame__mutmut_47 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_48'] = Session.xǁSessionǁreceive_frame__mutmut_48 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_49'] = Session.xǁSessionǁreceive_frame__mutmut_49 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_50'] = Session.xǁSessionǁreceive_frame__mutmut_50 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_51'] = Session.xǁSessionǁreceive_frame__mutmut_51 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_52'] = Session.xǁSessionǁreceive_frame__mutmut_52 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_53'] = Session.xǁSessionǁreceive_frame__mutmut_53 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_54'] = Session.xǁSessionǁreceive_frame__mutmut_54 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_55'] = Session.xǁSessionǁreceive_frame__mutmut_55 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_56'] = Session.xǁSessionǁreceive_frame__mutmut_56 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_57'] = Session.xǁSessionǁreceive_frame__mutmut_57 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_58'] = Session.xǁSessionǁreceive_frame__mutmut_58 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_59'] = Session.xǁSessionǁreceive_frame__mutmut_59 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_60'] = Session.xǁSessionǁreceive_frame__mutmut_60 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_61'] = Session.xǁSessionǁreceive_frame__mutmut_61 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_62'] = Session.xǁSessionǁreceive_frame__mutmut_62 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_63'] = Session.xǁSessionǁreceive_frame__mutmut_63 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_64'] = Session.xǁSessionǁreceive_frame__mutmut_64 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_65'] = Session.xǁSessionǁreceive_frame__mutmut_65 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_66'] = Session.xǁSessionǁreceive_frame__mutmut_66 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_67'] = Session.xǁSessionǁreceive_frame__mutmut_67 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_68'] = Session.xǁSessionǁreceive_frame__mutmut_68 # type: ignore # mutmut generated
mutants_xǁSessionǁreceive_frame__mutmut['xǁSessionǁreceive_frame__mutmut_69'] = Session.xǁSessionǁreceive_frame__mutmut_69 # type: ignore # mutmut generated

mutants_xǁSessionǁevents_received__mutmut['_mutmut_orig'] = Session.xǁSessionǁevents_received__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁevents_received__mutmut['xǁSessionǁevents_received__mutmut_1'] = Session.xǁSessionǁevents_received__mutmut_1 # type: ignore # mutmut generated

mutants_xǁSessionǁaccept_hello__mutmut['_mutmut_orig'] = Session.xǁSessionǁaccept_hello__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_1'] = Session.xǁSessionǁaccept_hello__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_2'] = Session.xǁSessionǁaccept_hello__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_3'] = Session.xǁSessionǁaccept_hello__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_4'] = Session.xǁSessionǁaccept_hello__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_5'] = Session.xǁSessionǁaccept_hello__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_6'] = Session.xǁSessionǁaccept_hello__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_7'] = Session.xǁSessionǁaccept_hello__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_8'] = Session.xǁSessionǁaccept_hello__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_9'] = Session.xǁSessionǁaccept_hello__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_10'] = Session.xǁSessionǁaccept_hello__mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁaccept_hello__mutmut['xǁSessionǁaccept_hello__mutmut_11'] = Session.xǁSessionǁaccept_hello__mutmut_11 # type: ignore # mutmut generated

mutants_xǁSessionǁreject_hello__mutmut['_mutmut_orig'] = Session.xǁSessionǁreject_hello__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_1'] = Session.xǁSessionǁreject_hello__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_2'] = Session.xǁSessionǁreject_hello__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_3'] = Session.xǁSessionǁreject_hello__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_4'] = Session.xǁSessionǁreject_hello__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_5'] = Session.xǁSessionǁreject_hello__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_6'] = Session.xǁSessionǁreject_hello__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_7'] = Session.xǁSessionǁreject_hello__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_8'] = Session.xǁSessionǁreject_hello__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_9'] = Session.xǁSessionǁreject_hello__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_10'] = Session.xǁSessionǁreject_hello__mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_11'] = Session.xǁSessionǁreject_hello__mutmut_11 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_12'] = Session.xǁSessionǁreject_hello__mutmut_12 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_13'] = Session.xǁSessionǁreject_hello__mutmut_13 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_14'] = Session.xǁSessionǁreject_hello__mutmut_14 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_15'] = Session.xǁSessionǁreject_hello__mutmut_15 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_16'] = Session.xǁSessionǁreject_hello__mutmut_16 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_17'] = Session.xǁSessionǁreject_hello__mutmut_17 # type: ignore # mutmut generated
mutants_xǁSessionǁreject_hello__mutmut['xǁSessionǁreject_hello__mutmut_18'] = Session.xǁSessionǁreject_hello__mutmut_18 # type: ignore # mutmut generated

mutants_xǁSessionǁreply__mutmut['_mutmut_orig'] = Session.xǁSessionǁreply__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁreply__mutmut['xǁSessionǁreply__mutmut_1'] = Session.xǁSessionǁreply__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁreply__mutmut['xǁSessionǁreply__mutmut_2'] = Session.xǁSessionǁreply__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁreply__mutmut['xǁSessionǁreply__mutmut_3'] = Session.xǁSessionǁreply__mutmut_3 # type: ignore # mutmut generated

mutants_xǁSessionǁfail__mutmut['_mutmut_orig'] = Session.xǁSessionǁfail__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁfail__mutmut['xǁSessionǁfail__mutmut_1'] = Session.xǁSessionǁfail__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁfail__mutmut['xǁSessionǁfail__mutmut_2'] = Session.xǁSessionǁfail__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁfail__mutmut['xǁSessionǁfail__mutmut_3'] = Session.xǁSessionǁfail__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁfail__mutmut['xǁSessionǁfail__mutmut_4'] = Session.xǁSessionǁfail__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁfail__mutmut['xǁSessionǁfail__mutmut_5'] = Session.xǁSessionǁfail__mutmut_5 # type: ignore # mutmut generated

mutants_xǁSessionǁpush__mutmut['_mutmut_orig'] = Session.xǁSessionǁpush__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_1'] = Session.xǁSessionǁpush__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_2'] = Session.xǁSessionǁpush__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_3'] = Session.xǁSessionǁpush__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_4'] = Session.xǁSessionǁpush__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_5'] = Session.xǁSessionǁpush__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_6'] = Session.xǁSessionǁpush__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_7'] = Session.xǁSessionǁpush__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_8'] = Session.xǁSessionǁpush__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_9'] = Session.xǁSessionǁpush__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_10'] = Session.xǁSessionǁpush__mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_11'] = Session.xǁSessionǁpush__mutmut_11 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_12'] = Session.xǁSessionǁpush__mutmut_12 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_13'] = Session.xǁSessionǁpush__mutmut_13 # type: ignore # mutmut generated
mutants_xǁSessionǁpush__mutmut['xǁSessionǁpush__mutmut_14'] = Session.xǁSessionǁpush__mutmut_14 # type: ignore # mutmut generated

mutants_xǁSessionǁlag__mutmut['_mutmut_orig'] = Session.xǁSessionǁlag__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁlag__mutmut['xǁSessionǁlag__mutmut_1'] = Session.xǁSessionǁlag__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁlag__mutmut['xǁSessionǁlag__mutmut_2'] = Session.xǁSessionǁlag__mutmut_2 # type: ignore # mutmut generated

mutants_xǁSessionǁclose__mutmut['_mutmut_orig'] = Session.xǁSessionǁclose__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_1'] = Session.xǁSessionǁclose__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_2'] = Session.xǁSessionǁclose__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_3'] = Session.xǁSessionǁclose__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_4'] = Session.xǁSessionǁclose__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_5'] = Session.xǁSessionǁclose__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_6'] = Session.xǁSessionǁclose__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_7'] = Session.xǁSessionǁclose__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_8'] = Session.xǁSessionǁclose__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_9'] = Session.xǁSessionǁclose__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_10'] = Session.xǁSessionǁclose__mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_11'] = Session.xǁSessionǁclose__mutmut_11 # type: ignore # mutmut generated
mutants_xǁSessionǁclose__mutmut['xǁSessionǁclose__mutmut_12'] = Session.xǁSessionǁclose__mutmut_12 # type: ignore # mutmut generated

mutants_xǁSessionǁdata_to_send__mutmut['_mutmut_orig'] = Session.xǁSessionǁdata_to_send__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_1'] = Session.xǁSessionǁdata_to_send__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_2'] = Session.xǁSessionǁdata_to_send__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_3'] = Session.xǁSessionǁdata_to_send__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_4'] = Session.xǁSessionǁdata_to_send__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_5'] = Session.xǁSessionǁdata_to_send__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_6'] = Session.xǁSessionǁdata_to_send__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_7'] = Session.xǁSessionǁdata_to_send__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_8'] = Session.xǁSessionǁdata_to_send__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_9'] = Session.xǁSessionǁdata_to_send__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁdata_to_send__mutmut['xǁSessionǁdata_to_send__mutmut_10'] = Session.xǁSessionǁdata_to_send__mutmut_10 # type: ignore # mutmut generated

mutants_xǁSessionǁclose_expected__mutmut['_mutmut_orig'] = Session.xǁSessionǁclose_expected__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁclose_expected__mutmut['xǁSessionǁclose_expected__mutmut_1'] = Session.xǁSessionǁclose_expected__mutmut_1 # type: ignore # mutmut generated

mutants_xǁSessionǁ_move__mutmut['_mutmut_orig'] = Session.xǁSessionǁ_move__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁ_move__mutmut['xǁSessionǁ_move__mutmut_1'] = Session.xǁSessionǁ_move__mutmut_1 # type: ignore # mutmut generated

mutants_xǁSessionǁ_held_bytes__mutmut['_mutmut_orig'] = Session.xǁSessionǁ_held_bytes__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁ_held_bytes__mutmut['xǁSessionǁ_held_bytes__mutmut_1'] = Session.xǁSessionǁ_held_bytes__mutmut_1 # type: ignore # mutmut generated

mutants_xǁSessionǁ_answered__mutmut['_mutmut_orig'] = Session.xǁSessionǁ_answered__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_1'] = Session.xǁSessionǁ_answered__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_2'] = Session.xǁSessionǁ_answered__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_3'] = Session.xǁSessionǁ_answered__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_4'] = Session.xǁSessionǁ_answered__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_5'] = Session.xǁSessionǁ_answered__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_6'] = Session.xǁSessionǁ_answered__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_7'] = Session.xǁSessionǁ_answered__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_8'] = Session.xǁSessionǁ_answered__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_9'] = Session.xǁSessionǁ_answered__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_10'] = Session.xǁSessionǁ_answered__mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁ_answered__mutmut['xǁSessionǁ_answered__mutmut_11'] = Session.xǁSessionǁ_answered__mutmut_11 # type: ignore # mutmut generated

mutants_xǁSessionǁ_queue__mutmut['_mutmut_orig'] = Session.xǁSessionǁ_queue__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_1'] = Session.xǁSessionǁ_queue__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_2'] = Session.xǁSessionǁ_queue__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_3'] = Session.xǁSessionǁ_queue__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_4'] = Session.xǁSessionǁ_queue__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_5'] = Session.xǁSessionǁ_queue__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_6'] = Session.xǁSessionǁ_queue__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_7'] = Session.xǁSessionǁ_queue__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_8'] = Session.xǁSessionǁ_queue__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_9'] = Session.xǁSessionǁ_queue__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_10'] = Session.xǁSessionǁ_queue__mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_11'] = Session.xǁSessionǁ_queue__mutmut_11 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_12'] = Session.xǁSessionǁ_queue__mutmut_12 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_13'] = Session.xǁSessionǁ_queue__mutmut_13 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue__mutmut['xǁSessionǁ_queue__mutmut_14'] = Session.xǁSessionǁ_queue__mutmut_14 # type: ignore # mutmut generated

mutants_xǁSessionǁ_queue_error__mutmut['_mutmut_orig'] = Session.xǁSessionǁ_queue_error__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_error__mutmut['xǁSessionǁ_queue_error__mutmut_1'] = Session.xǁSessionǁ_queue_error__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_error__mutmut['xǁSessionǁ_queue_error__mutmut_2'] = Session.xǁSessionǁ_queue_error__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_error__mutmut['xǁSessionǁ_queue_error__mutmut_3'] = Session.xǁSessionǁ_queue_error__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_error__mutmut['xǁSessionǁ_queue_error__mutmut_4'] = Session.xǁSessionǁ_queue_error__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_error__mutmut['xǁSessionǁ_queue_error__mutmut_5'] = Session.xǁSessionǁ_queue_error__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_error__mutmut['xǁSessionǁ_queue_error__mutmut_6'] = Session.xǁSessionǁ_queue_error__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_error__mutmut['xǁSessionǁ_queue_error__mutmut_7'] = Session.xǁSessionǁ_queue_error__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_error__mutmut['xǁSessionǁ_queue_error__mutmut_8'] = Session.xǁSessionǁ_queue_error__mutmut_8 # type: ignore # mutmut generated

mutants_xǁSessionǁ_drop_pushes__mutmut['_mutmut_orig'] = Session.xǁSessionǁ_drop_pushes__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_1'] = Session.xǁSessionǁ_drop_pushes__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_2'] = Session.xǁSessionǁ_drop_pushes__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_3'] = Session.xǁSessionǁ_drop_pushes__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_4'] = Session.xǁSessionǁ_drop_pushes__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_5'] = Session.xǁSessionǁ_drop_pushes__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_6'] = Session.xǁSessionǁ_drop_pushes__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_7'] = Session.xǁSessionǁ_drop_pushes__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_8'] = Session.xǁSessionǁ_drop_pushes__mutmut_8 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_9'] = Session.xǁSessionǁ_drop_pushes__mutmut_9 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_10'] = Session.xǁSessionǁ_drop_pushes__mutmut_10 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_11'] = Session.xǁSessionǁ_drop_pushes__mutmut_11 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_12'] = Session.xǁSessionǁ_drop_pushes__mutmut_12 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_13'] = Session.xǁSessionǁ_drop_pushes__mutmut_13 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_14'] = Session.xǁSessionǁ_drop_pushes__mutmut_14 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_15'] = Session.xǁSessionǁ_drop_pushes__mutmut_15 # type: ignore # mutmut generated
mutants_xǁSessionǁ_drop_pushes__mutmut['xǁSessionǁ_drop_pushes__mutmut_16'] = Session.xǁSessionǁ_drop_pushes__mutmut_16 # type: ignore # mutmut generated

mutants_xǁSessionǁ_queue_lagged__mutmut['_mutmut_orig'] = Session.xǁSessionǁ_queue_lagged__mutmut_orig # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_lagged__mutmut['xǁSessionǁ_queue_lagged__mutmut_1'] = Session.xǁSessionǁ_queue_lagged__mutmut_1 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_lagged__mutmut['xǁSessionǁ_queue_lagged__mutmut_2'] = Session.xǁSessionǁ_queue_lagged__mutmut_2 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_lagged__mutmut['xǁSessionǁ_queue_lagged__mutmut_3'] = Session.xǁSessionǁ_queue_lagged__mutmut_3 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_lagged__mutmut['xǁSessionǁ_queue_lagged__mutmut_4'] = Session.xǁSessionǁ_queue_lagged__mutmut_4 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_lagged__mutmut['xǁSessionǁ_queue_lagged__mutmut_5'] = Session.xǁSessionǁ_queue_lagged__mutmut_5 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_lagged__mutmut['xǁSessionǁ_queue_lagged__mutmut_6'] = Session.xǁSessionǁ_queue_lagged__mutmut_6 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_lagged__mutmut['xǁSessionǁ_queue_lagged__mutmut_7'] = Session.xǁSessionǁ_queue_lagged__mutmut_7 # type: ignore # mutmut generated
mutants_xǁSessionǁ_queue_lagged__mutmut['xǁSessionǁ_queue_lagged__mutmut_8'] = Session.xǁSessionǁ_queue_lagged__mutmut_8 # type: ignore # mutmut generated
