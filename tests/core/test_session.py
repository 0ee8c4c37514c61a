"""The per-connection state machine, driven by hand with a fake clock: no event loop, no I/O."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pigeon.core.conversation import MAX_CONVERSATIONS_PER_USER
from pigeon.core.frames import (
    Ack,
    ClientFrame,
    Conversations,
    Error,
    Goodbye,
    Hello,
    Lagged,
    Ok,
    Pushed,
    RequestFrame,
    Send,
    Typing,
    encode,
)
from pigeon.core.records import MAX_SEQ, Event
from pigeon.core.session import TRANSITIONS, Session, SessionLimits, SessionState
from pigeon.errors import ErrorCode, ProtocolViolation
from tests.core.harness import CONV, SessionHarness, event, examples, send_frame

REQUESTS_WITH_IDS: list[dict[str, object]] = [
    send_frame(5),
    {"type": "edit", "id": 5, "conv": CONV, "client_msg_id": "e", "target_seq": 1, "body": "x"},
    {"type": "delete", "id": 5, "conv": CONV, "client_msg_id": "d", "target_seq": 1},
    {"type": "read", "id": 5, "conv": CONV, "seq": 1},
    {"type": "history", "id": 5, "conv": CONV},
    {"type": "conversations", "id": 5},
]

# st.text() never yields lone surrogates, so characters are joined by hand.
ANY_TEXT = st.lists(
    st.characters() | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=64
).map("".join)
VALID_OR_NOT = st.sampled_from(
    [encode(Send(id=1, conv=CONV, client_msg_id="m", body="x")), b'{"type":"hello","token":"t"}']
    + [msgspec.json.encode(frame) for frame in REQUESTS_WITH_IDS]
    + [b'{"type":"typing","conv":"%s"}' % CONV.encode(), b'{"type":"nope","id":1}']
)


def error(code: ErrorCode, request_id: int | None = None, **kw: int) -> Error:
    exc = ProtocolViolation(code)
    return Error(code=code, message=exc.message, id=request_id, **kw)


def ack(request_id: int) -> Ack:
    return Ack(id=request_id, conv=CONV, seq=request_id, ts=1)


def open_harness(**limits: int | float) -> SessionHarness:
    h = SessionHarness(SessionLimits(**limits))  # type: ignore[arg-type]
    h.open()
    return h


def one_request(h: SessionHarness, frame: dict[str, object]) -> RequestFrame:
    (request,) = h.receive(frame)
    assert not isinstance(request, Hello | Typing)
    return request


class TestAuthentication:
    """G5: every request is authenticated; nothing flows before the hello is accepted."""

    @pytest.mark.parametrize("frame", REQUESTS_WITH_IDS, ids=lambda f: str(f["type"]))
    def test_request_before_hello_is_unauthenticated_with_its_id(
        self, frame: dict[str, object]
    ) -> None:
        """Only hello is accepted first; any other request gets unauthenticated, naming its id."""
        h = SessionHarness()
        assert h.receive(frame) == []
        assert h.sent() == [error(ErrorCode.UNAUTHENTICATED, 5)]
        assert h.state() is SessionState.AWAIT_HELLO

    def test_typing_before_hello_is_unauthenticated(self) -> None:
        """A typing notice (no id) before hello is refused too."""
        h = SessionHarness()
        assert h.receive({"type": "typing", "conv": CONV}) == []
        assert h.sent() == [error(ErrorCode.UNAUTHENTICATED)]

    def test_hello_is_handed_to_the_application(self) -> None:
        """A hello moves the session to AUTHENTICATING and reaches the application."""
        h = SessionHarness()
        hello = h.hello(request_id=3, token="secret")
        assert hello == Hello(token="secret", id=3)
        assert h.state() is SessionState.AUTHENTICATING
        assert h.session.user is None

    def test_accept_opens_the_session_and_sends_the_welcome(self) -> None:
        """accept_hello opens the session, records the user, and queues the welcome."""
        h = SessionHarness()
        hello = h.hello()
        h.session.accept_hello("alice", h.welcome(hello))
        assert h.state() is SessionState.OPEN
        assert h.session.user == "alice"
        assert h.sent() == [h.welcome(hello)]

    def test_requests_flow_once_open(self) -> None:
        """After the welcome, requests reach the application."""
        h = open_harness()
        assert h.receive(send_frame(2)) == [Send(id=2, conv=CONV, client_msg_id="m2", body="hello")]
        assert h.receive({"type": "conversations", "id": 3}) == [Conversations(id=3)]
        assert h.sent() == []

    def test_nothing_is_released_while_authenticating(self) -> None:
        """Until accepted, data_to_send is empty; then the welcome goes before anything else."""
        h = SessionHarness()
        hello = h.hello()
        assert h.receive(send_frame(4)) == []
        h.push(event(1))
        assert h.sent() == []
        h.session.accept_hello("alice", h.welcome(hello))
        assert h.sent() == [
            h.welcome(hello),
            error(ErrorCode.UNAUTHENTICATED, 4),
            Pushed(event=event(1)),
        ]

    def test_pushes_up_to_the_bound_while_authenticating_are_kept(self) -> None:
        """max_queued_pushes pushes during login all follow the welcome, with no lagged."""
        h = SessionHarness(SessionLimits(max_queued_pushes=3))
        hello = h.hello()
        for seq in (1, 2, 3):
            h.push(event(seq))
        h.session.accept_hello("alice", h.welcome(hello))
        assert h.sent() == [h.welcome(hello), *(Pushed(event=event(seq)) for seq in (1, 2, 3))]

    def test_pushes_overflowing_while_authenticating_are_replaced_by_lagged(self) -> None:
        """One push more during login drops them for one lagged after the welcome: the
        client pulls what it missed."""
        h = SessionHarness(SessionLimits(max_queued_pushes=3))
        hello = h.hello()
        for seq in (1, 2, 3, 4):
            h.push(event(seq))
        h.session.accept_hello("alice", h.welcome(hello))
        assert h.sent() == [h.welcome(hello), Lagged()]
        assert h.session.pushes_dropped == 4

    def test_an_overflow_before_the_first_write_keeps_the_welcome(self) -> None:
        """Pushes overflowing after accept but before anything is written never drop the
        welcome; it still goes first."""
        h = SessionHarness(SessionLimits(max_queued_pushes=2))
        hello = h.hello()
        h.session.accept_hello("alice", h.welcome(hello))
        for seq in (1, 2, 3):
            h.push(event(seq))
        assert h.sent() == [h.welcome(hello), Lagged()]

    def test_reject_returns_to_await_hello_and_hello_can_be_retried(self) -> None:
        """reject_hello sends the error with the hello's id, drops pushes, and allows a retry."""
        h = SessionHarness()
        hello = h.hello(request_id=1)
        h.push(event(1))
        h.session.reject_hello(ProtocolViolation(ErrorCode.UNAUTHENTICATED), hello.id)
        assert h.state() is SessionState.AWAIT_HELLO
        assert h.sent() == [error(ErrorCode.UNAUTHENTICATED, 1)]
        retry = h.hello(request_id=2)
        h.session.accept_hello("alice", h.welcome(retry))
        assert h.sent() == [h.welcome(retry)]
        assert h.state() is SessionState.OPEN

    def test_reject_with_resync_required(self) -> None:
        """A hello refused for stale cursors gets resync_required and may be retried."""
        h = SessionHarness()
        hello = h.hello(request_id=6)
        h.session.reject_hello(ProtocolViolation(ErrorCode.RESYNC_REQUIRED), hello.id)
        assert h.sent() == [error(ErrorCode.RESYNC_REQUIRED, 6)]
        h.hello(request_id=7)
        assert h.state() is SessionState.AUTHENTICATING

    def test_second_hello_after_open_is_refused(self) -> None:
        """A hello on an open session is bad_request, and the session stays open."""
        h = open_harness()
        assert h.receive({"type": "hello", "id": 9, "token": "t"}) == []
        assert h.sent() == [Error(code=ErrorCode.BAD_REQUEST, message="already said hello", id=9)]
        assert h.state() is SessionState.OPEN

    def test_second_hello_while_authenticating_is_refused(self) -> None:
        """Only one hello may be pending."""
        h = SessionHarness()
        hello = h.hello(request_id=1)
        assert h.receive({"type": "hello", "id": 2, "token": "t"}) == []
        h.session.accept_hello("alice", h.welcome(hello))
        assert h.sent() == [
            h.welcome(hello),
            Error(code=ErrorCode.BAD_REQUEST, message="already said hello", id=2),
        ]

    def test_push_before_hello_is_ignored(self) -> None:
        """Nothing is pushed to a connection that has not said hello."""
        h = SessionHarness()
        h.push(event(1))
        assert h.session.queued() == 0


class TestBadInput:
    """G6: bad input gets an error frame; the session never raises and stays usable."""

    def test_malformed_frame_is_bad_request_with_its_id(self) -> None:
        """A frame failing validation is answered with bad_request naming its id."""
        h = open_harness()
        assert h.receive(send_frame(3, conv="nope")) == []
        assert h.sent() == [error(ErrorCode.BAD_REQUEST, 3)]

    def test_unknown_type_is_reported(self) -> None:
        """An unknown frame type is unknown_type, naming its id."""
        h = open_harness()
        assert h.receive({"type": "launch", "id": 8}) == []
        assert h.sent() == [error(ErrorCode.UNKNOWN_TYPE, 8)]

    def test_garbage_before_hello_is_bad_request(self) -> None:
        """Undecodable bytes are bad_request in any state, without an id."""
        h = SessionHarness()
        assert h.receive(b"\x00garbage") == []
        assert h.sent() == [error(ErrorCode.BAD_REQUEST)]
        assert h.state() is SessionState.AWAIT_HELLO

    def test_deeply_nested_frame_is_bad_request(self) -> None:
        """A small frame nested past msgspec's recursion limit does not crash the session."""
        h = open_harness()
        junk = b"[" * 3000 + b"]" * 3000
        assert h.receive(b'{"type":"send","id":1,"x":' + junk + b"}") == []
        assert h.sent() == [error(ErrorCode.BAD_REQUEST)]

    def test_oversize_frame_is_too_large_and_the_session_stays_usable(self) -> None:
        """A frame over max_frame_bytes gets too_large; the next frame is served."""
        h = open_harness(max_frame_bytes=200)
        assert h.receive(send_frame(1, body="x" * 200)) == []
        assert h.sent() == [error(ErrorCode.TOO_LARGE)]
        assert h.state() is SessionState.OPEN
        assert len(h.receive(send_frame(2))) == 1

    def test_hello_may_be_larger_than_max_frame_bytes(self) -> None:
        """A hello carries a cursor per conversation: up to max_hello_bytes before the session
        is open (10,000 cursors do not fit 64 KiB); after it, the usual limit applies again."""
        cursors = {f"c{i:016x}": i for i in range(3000)}
        hello = msgspec.json.encode({"type": "hello", "id": 1, "token": "t", "cursors": cursors})
        h = SessionHarness(SessionLimits(max_frame_bytes=65536, max_hello_bytes=len(hello)))
        assert len(hello) > 65536
        (request,) = h.receive(hello)
        assert isinstance(request, Hello) and len(request.cursors) == 3000
        h.session.accept_hello("alice", h.welcome(request))
        h.sent()
        big_send = send_frame(2, body="x" * 70_000)
        assert h.receive(big_send) == []
        assert h.sent() == [error(ErrorCode.TOO_LARGE)]

    def test_the_largest_valid_hello_fits_the_default_limit(self) -> None:
        """10,000 cursors (the most a hello takes, one per conversation a user may be in),
        each at the largest seq, with the longest token, fit max_hello_bytes by default."""
        cursors = {f"c{i:016x}": MAX_SEQ for i in range(MAX_CONVERSATIONS_PER_USER)}
        hello = msgspec.json.encode(
            {
                "type": "hello",
                "id": MAX_SEQ,
                "token": "t" * 256,
                "epoch": "e" * 16,
                "cursors": cursors,
            }
        )
        assert len(hello) <= SessionLimits().max_hello_bytes
        h = SessionHarness()
        (request,) = h.receive(hello)
        assert isinstance(request, Hello) and len(request.cursors) == MAX_CONVERSATIONS_PER_USER

    def test_hello_over_max_hello_bytes_is_too_large(self) -> None:
        """The hello's own limit is enforced like max_frame_bytes: too_large, still usable."""
        h = SessionHarness(SessionLimits(max_frame_bytes=100, max_hello_bytes=200))
        padded = {"type": "hello", "id": 1, "token": "t" * 201}
        assert h.receive(padded) == []
        assert h.sent() == [error(ErrorCode.TOO_LARGE)]
        assert h.state() is SessionState.AWAIT_HELLO
        h.hello()

    def test_frame_of_exactly_max_frame_bytes_is_accepted(self) -> None:
        """The limit is inclusive."""
        data = encode(Send(id=1, conv=CONV, client_msg_id="m", body="x"))
        h = open_harness(max_frame_bytes=len(data))
        assert len(h.receive(data)) == 1

    def test_text_frame_size_is_counted_in_utf8_bytes(self) -> None:
        """A str frame is measured in bytes, not characters (an emoji is 4 bytes)."""
        data = encode(Send(id=1, conv=CONV, client_msg_id="m", body="\U0001f426" * 50)).decode()
        size = len(data.encode())
        assert size > len(data)
        h = open_harness(max_frame_bytes=size - 1)
        assert h.receive(data) == []
        assert h.sent() == [error(ErrorCode.TOO_LARGE)]
        h = open_harness(max_frame_bytes=size)
        assert len(h.receive(data)) == 1

    @settings(max_examples=examples(150))
    @given(st.lists(st.one_of(st.binary(max_size=64), ANY_TEXT, VALID_OR_NOT), max_size=10))
    def test_any_input_yields_exactly_one_request_or_one_error(
        self, frames: list[bytes | str]
    ) -> None:
        """Each frame produces a request or an error frame, never both, never an exception."""
        h = open_harness()
        for data in frames:
            before = h.session.queued()
            requests = h.receive(data)
            assert len(requests) + h.session.queued() - before == 1


class TestRateLimits:
    """G6: a connection sending too fast is refused with a retry-after, then recovers."""

    def test_frames_over_the_rate_get_rate_limited_with_retry_after(self) -> None:
        """Past the burst, a frame (even a hello) is refused with the exact retry_after_ms."""
        h = SessionHarness(SessionLimits(frames_per_s=4, frames_burst=2))
        h.receive(b"junk")
        h.receive(b"junk")
        assert h.receive({"type": "hello", "id": 3, "token": "t"}) == []
        assert h.sent() == [
            error(ErrorCode.BAD_REQUEST),
            error(ErrorCode.BAD_REQUEST),
            error(ErrorCode.RATE_LIMITED, 3, retry_after_ms=250),
        ]
        assert h.state() is SessionState.AWAIT_HELLO

    def test_rate_limited_session_recovers_when_time_passes(self) -> None:
        """Once `now` has advanced by retry_after_ms, frames are accepted again."""
        h = open_harness(frames_per_s=4, frames_burst=2)  # the hello took one token
        assert len(h.receive(send_frame(1))) == 1
        assert h.receive(send_frame(2)) == []
        assert h.sent() == [error(ErrorCode.RATE_LIMITED, 2, retry_after_ms=250)]
        h.advance(0.125)
        assert h.receive(send_frame(3)) == []
        assert h.sent() == [error(ErrorCode.RATE_LIMITED, 3, retry_after_ms=125)]
        h.advance(0.125)
        assert len(h.receive(send_frame(4))) == 1
        assert h.sent() == []

    def test_rate_limited_garbage_has_no_id(self) -> None:
        """Garbage counts against the rate too; its refusal carries no id."""
        h = open_harness(frames_per_s=1, frames_burst=1)
        assert h.receive(b"junk") == []
        assert h.sent() == [error(ErrorCode.RATE_LIMITED, None, retry_after_ms=1000)]


class TestInflightLimit:
    """G6: past max_inflight unanswered requests, a connection gets busy, not a queue."""

    def test_request_over_max_inflight_is_busy(self) -> None:
        """The request beyond the in-flight bound is refused with busy, naming its id."""
        h = open_harness(max_inflight=2)
        first = one_request(h, send_frame(1))
        one_request(h, send_frame(2))
        assert h.receive(send_frame(3)) == []
        assert h.sent() == [error(ErrorCode.BUSY, 3)]
        h.session.reply(first, ack(1))
        assert len(h.receive(send_frame(4))) == 1
        assert h.sent() == [ack(1)]

    def test_failed_request_frees_its_slot(self) -> None:
        """fail() answers with the error naming the request, and frees its slot."""
        h = open_harness(max_inflight=1)
        first = one_request(h, send_frame(1))
        h.session.fail(first, ProtocolViolation(ErrorCode.NOT_FOUND))
        assert len(h.receive(send_frame(2))) == 1
        assert h.sent() == [error(ErrorCode.NOT_FOUND, 1)]

    @pytest.mark.parametrize("answer", ["reply", "fail"])
    def test_an_answer_frees_exactly_one_slot(self, answer: str) -> None:
        """With 3 in flight, one answer lets exactly one more in: a client never passes
        max_inflight however the answers come."""
        h = open_harness(max_inflight=3)
        first = one_request(h, send_frame(1))
        one_request(h, send_frame(2))
        one_request(h, send_frame(3))
        if answer == "reply":
            h.session.reply(first, ack(1))
        else:
            h.session.fail(first, ProtocolViolation(ErrorCode.NOT_FOUND))
        h.sent()
        one_request(h, send_frame(4))
        assert h.receive(send_frame(5)) == []
        assert h.sent() == [error(ErrorCode.BUSY, 5)]

    def test_typing_is_not_in_flight(self) -> None:
        """Typing expects no reply, so it passes even when the in-flight bound is reached."""
        h = open_harness(max_inflight=1)
        one_request(h, send_frame(1))
        assert h.receive({"type": "typing", "conv": CONV}) == [Typing(conv=CONV)]


class TestBoundedOutput:
    """G6: a slow reader cannot make the session buffer without limit."""

    def test_pushes_beyond_the_bound_are_dropped_for_one_lagged_frame(self) -> None:
        """Overflowing pushes are dropped, exactly one lagged is queued, replies keep order."""
        h = open_harness(max_queued_pushes=3)
        r1 = one_request(h, send_frame(1))
        r2 = one_request(h, send_frame(2))
        for seq in (1, 2, 3):
            h.push(event(seq))
        h.session.reply(r1, ack(1))
        h.push(event(4))  # overflow: pushes 1-4 dropped, lagged queued
        h.session.reply(r2, ack(2))
        h.push(event(5))
        for seq in (6, 7, 8):  # overflow again: no second lagged
            h.push(event(seq))
        assert h.session.pushes_dropped == 8
        assert h.sent() == [ack(1), Lagged(), ack(2)]

    def test_pushes_within_the_bound_are_kept_in_order_with_replies(self) -> None:
        """Below the bound, replies and pushes go out in the order they were queued."""
        h = open_harness(max_queued_pushes=3)
        r1 = one_request(h, send_frame(1))
        h.push(event(1))
        h.session.reply(r1, ack(1))
        h.push(event(2))
        assert h.sent() == [Pushed(event=event(1)), ack(1), Pushed(event=event(2))]
        assert h.session.pushes_dropped == 0

    def test_a_new_lag_after_writing_queues_a_new_lagged_frame(self) -> None:
        """Once the lagged frame is written, a later overflow is reported again."""
        h = open_harness(max_queued_pushes=1)
        h.push(event(1))
        h.push(event(2))
        assert h.sent() == [Lagged()]
        h.push(event(3))
        assert h.sent() == [Pushed(event=event(3))]
        h.push(event(4))
        h.push(event(5))
        assert h.sent() == [Lagged()]

    def test_lag_queues_one_lagged_and_keeps_the_queued_pushes(self) -> None:
        """The bus lost pushes: the client is told to pull once, behind what is queued."""
        h = open_harness()
        h.push(event(1))
        h.session.lag()
        h.session.lag()  # a second gap before the first lagged is written: one frame
        h.push(event(3))
        assert h.sent() == [Pushed(event=event(1)), Lagged(), Pushed(event=event(3))]
        assert h.session.pushes_dropped == 0
        h.session.lag()
        assert h.sent() == [Lagged()]

    def test_lag_before_hello_or_after_close_queues_nothing(self) -> None:
        """Only a session that is or is becoming open can be told to pull."""
        h = SessionHarness()
        h.session.lag()
        assert h.sent() == []
        h = open_harness()
        h.session.close("server_shutdown")
        h.session.lag()
        assert h.sent() == [Goodbye(reason="server_shutdown")]

    def test_pushes_do_not_count_as_replies(self) -> None:
        """Queued pushes do not push the reply count over max_queued_replies."""
        h = open_harness(max_queued_replies=1, max_queued_pushes=5)
        r1 = one_request(h, send_frame(1))
        for seq in (1, 2, 3):
            h.push(event(seq))
        h.session.reply(r1, ack(1))
        assert not h.session.close_expected()
        assert h.session.queued() == 4

    def test_replies_beyond_the_bound_close_the_slow_consumer(self) -> None:
        """Past max_queued_replies, a goodbye (slow_consumer) is queued and close is expected."""
        h = open_harness(max_queued_replies=2)
        requests = [one_request(h, send_frame(i)) for i in (1, 2, 3)]
        for i, request in enumerate(requests, 1):
            h.session.reply(request, ack(i))
        assert h.session.close_expected()
        assert h.session.close_reason == "slow_consumer"
        assert h.state() is SessionState.CLOSING
        assert h.sent() == [ack(1), ack(2), Goodbye(reason="slow_consumer")]

    def test_error_frames_count_as_replies(self) -> None:
        """A client that floods bad frames without reading is closed as well."""
        h = open_harness(max_queued_replies=2)
        for _ in range(3):
            h.receive(b"junk")
        assert h.session.close_expected()
        assert h.sent() == [error(ErrorCode.BAD_REQUEST)] * 2 + [Goodbye(reason="slow_consumer")]


def queued_sizes(session: Session) -> int:
    """What the session holds queued, counted from its queue rather than its counter."""
    return sum(len(data) for data, _ in session._out)


class TestByteBudget:
    """G6 in bytes: requests in flight plus queued output stay within max_queued_bytes."""

    def test_replies_over_the_byte_budget_close_the_slow_consumer(self) -> None:
        """Replies that pile up unread past max_queued_bytes close the connection, however
        few they are; what was queued is freed with the goodbye written."""

        def big_ack(i: int) -> Ack:
            return Ack(id=i, conv=CONV, seq=i, ts=1, client_msg_id="m" * 64)

        request_size = len(msgspec.json.encode(send_frame(1)))
        # Three requests fit in flight; two replies fit with the third request; three do not.
        h = open_harness(max_queued_bytes=2 * len(encode(big_ack(1))) + request_size)
        requests = [one_request(h, send_frame(i)) for i in (1, 2, 3)]
        for i, request in enumerate(requests, 1):
            h.session.reply(request, big_ack(i))
        assert h.session.close_reason == "slow_consumer"
        assert h.session.inflight_bytes() == 0
        assert h.sent() == [big_ack(1), big_ack(2), Goodbye(reason="slow_consumer")]
        assert h.session.queued_bytes() == 0

    def test_one_reply_larger_than_the_budget_reaches_a_reader(self) -> None:
        """A reply alone in the queue always fits, so a big history page is not refused."""
        h = open_harness(max_queued_bytes=100)
        request = one_request(h, send_frame(1))
        big = Ok(id=1)
        h.session.reply(request, big)  # small: fits
        assert h.sent() == [big]
        request = one_request(h, send_frame(2, body="x" * 50))
        h.session.reply(request, ack(2))
        assert h.session.queued_bytes() == len(encode(ack(2)))
        h.sent()
        request = one_request(h, {"type": "conversations", "id": 3})
        page = Error(code=ErrorCode.BAD_REQUEST, message="y" * 500, id=3)
        h.session.fail(request, ProtocolViolation(ErrorCode.BAD_REQUEST, "y" * 500))
        assert not h.session.close_expected()
        assert h.sent() == [page]

    def test_requests_over_the_byte_budget_are_busy_unless_alone(self) -> None:
        """The frames of requests in flight count: one more that would not fit is refused
        busy, the first is always taken, and answering frees its bytes."""
        first = msgspec.json.encode(send_frame(1, body="x" * 200))
        h = open_harness(max_queued_bytes=len(first) + 50)
        (big,) = h.receive(first)  # alone in flight: taken, though over half the budget
        assert h.session.inflight_bytes() == len(first)
        assert h.receive(send_frame(2, body="x" * 100)) == []
        assert h.sent() == [error(ErrorCode.BUSY, 2)]
        assert isinstance(big, Send)
        h.session.reply(big, ack(1))
        assert h.session.inflight_bytes() == 0
        assert h.sent() == [ack(1)]
        assert len(h.receive(send_frame(3, body="x" * 100))) == 1

    def test_pushes_over_the_byte_budget_are_dropped_for_lagged(self) -> None:
        push_size = len(encode(Pushed(event=event(1))))
        h = open_harness(max_queued_bytes=2 * push_size + 10, max_queued_pushes=100)
        for seq in (1, 2, 3):
            h.push(event(seq))
        assert h.session.pushes_dropped == 3
        assert h.session.queued_bytes() == len(encode(Lagged())) == queued_sizes(h.session)
        assert h.sent() == [Lagged()]

    def test_a_request_or_push_exactly_filling_the_budget_is_taken(self) -> None:
        """The byte budget is inclusive: a second request, or a push, that brings what is
        held to exactly max_queued_bytes is taken; one byte less of budget refuses it."""
        frame = msgspec.json.encode(send_frame(1))
        push = encode(Pushed(event=event(1)))
        for spare, taken in [(0, True), (-1, False)]:
            h = open_harness(max_queued_bytes=2 * len(frame) + spare)
            assert len(h.receive(frame)) == 1
            assert (len(h.receive(msgspec.json.encode(send_frame(2)))) == 1) is taken
            h = open_harness(max_queued_bytes=2 * len(push) + spare)
            h.push(event(1))
            h.push(event(2))
            assert h.session.pushes_dropped == (0 if taken else 2)

    def test_the_welcome_counts_in_the_queued_bytes(self) -> None:
        """What waits for writing after the welcome is counted exactly, welcome included."""
        h = SessionHarness()
        hello = h.hello()
        h.push(event(1))
        h.session.accept_hello("alice", h.welcome(hello))
        expected = len(encode(h.welcome(hello))) + len(encode(Pushed(event=event(1))))
        assert h.session.queued_bytes() == expected == queued_sizes(h.session)

    def test_after_a_rejected_hello_the_push_bound_starts_again(self) -> None:
        """Pushes dropped with a rejected hello do not count against the next login's bound."""
        h = SessionHarness(SessionLimits(max_queued_pushes=2))
        hello = h.hello()
        h.push(event(1))
        h.session.reject_hello(ProtocolViolation(ErrorCode.UNAUTHENTICATED), hello.id)
        h.sent()
        hello = h.hello(request_id=2)
        h.push(event(1))
        h.push(event(2))
        h.session.accept_hello("alice", h.welcome(hello))
        assert h.sent() == [h.welcome(hello), Pushed(event=event(1)), Pushed(event=event(2))]
        assert h.session.queued_bytes() == 0

    def test_a_rejected_hello_frees_the_bytes_of_its_pushes(self) -> None:
        h = SessionHarness()
        hello = h.hello()
        h.push(event(1))
        h.session.reject_hello(ProtocolViolation(ErrorCode.UNAUTHENTICATED), hello.id)
        assert h.session.queued_bytes() == queued_sizes(h.session)
        assert h.sent() == [error(ErrorCode.UNAUTHENTICATED, hello.id)]

    def test_a_second_overflow_before_a_write_keeps_the_byte_count_exact(self) -> None:
        """Pushes dropped twice before the transport writes: still one lagged, and the bytes
        counted are the bytes queued."""
        h = SessionHarness(SessionLimits(max_queued_pushes=1))
        h.open()
        for seq in (1, 2, 3, 4):  # 2 overflows, 3 fits again, 4 overflows again
            h.push(event(seq))
        assert h.session.queued_bytes() == queued_sizes(h.session) == len(encode(Lagged()))
        assert h.sent() == [Lagged()]

    def test_a_retry_before_the_error_is_written_gets_the_whole_push_bound(self) -> None:
        """A hello retried before the transport took the refusal still may queue exactly
        max_queued_pushes pushes: the refused login's pushes count for nothing."""
        h = SessionHarness(SessionLimits(max_queued_pushes=2))
        hello = h.hello()
        h.push(event(1))
        h.session.reject_hello(ProtocolViolation(ErrorCode.UNAUTHENTICATED), hello.id)
        retry = h.hello(request_id=2)
        h.push(event(1))
        h.push(event(2))
        h.session.accept_hello("alice", h.welcome(retry))
        assert h.sent() == [
            h.welcome(retry),
            error(ErrorCode.UNAUTHENTICATED, hello.id),
            Pushed(event=event(1)),
            Pushed(event=event(2)),
        ]

    def test_an_overflow_after_a_retry_frees_exactly_its_pushes_bytes(self) -> None:
        """Pushes overflowing after a refused and retried hello (not yet written) leave the
        byte count equal to what is queued: the refusal and one lagged."""
        h = SessionHarness(SessionLimits(max_queued_pushes=1))
        hello = h.hello()
        h.push(event(1))
        h.session.reject_hello(ProtocolViolation(ErrorCode.UNAUTHENTICATED), hello.id)
        h.hello(request_id=2)
        h.push(event(1))
        h.push(event(2))
        assert h.session.queued_bytes() == queued_sizes(h.session)
        assert h.session.queued_bytes() == len(
            encode(error(ErrorCode.UNAUTHENTICATED, hello.id))
        ) + len(encode(Lagged()))

    @settings(max_examples=examples(200), deadline=None)
    @given(
        st.lists(
            st.sampled_from(["request", "big_request", "reply", "fail", "push", "write", "junk"]),
            max_size=60,
        ),
        st.integers(min_value=50, max_value=3000),
    )
    def test_the_byte_counts_always_match_what_is_held(self, steps: list[str], budget: int) -> None:
        """Whatever happens, queued_bytes is the size of the queue and inflight_bytes the
        size of the requests not yet answered, and neither exceeds the budget by more than
        the one frame that always fits."""
        h = open_harness(max_queued_bytes=budget, max_queued_pushes=8, max_queued_replies=16)
        pending: list[tuple[RequestFrame, int]] = []
        for seq, step in enumerate(steps, 1):
            if step in ("request", "big_request"):
                data = msgspec.json.encode(
                    send_frame(seq, body="x" * (400 if step[0] == "b" else 5))
                )
                for request in h.receive(data):
                    assert isinstance(request, Send)
                    pending.append((request, len(data)))
            elif step in ("reply", "fail") and pending:
                request, _ = pending.pop(0)
                if step == "reply":
                    h.session.reply(request, ack(request.id))
                else:
                    h.session.fail(request, ProtocolViolation(ErrorCode.NOT_FOUND))
            elif step == "push":
                h.push(event(seq))
            elif step == "write":
                h.session.data_to_send()
            elif step == "junk":
                h.receive(b"junk")
            assert h.session.queued_bytes() == queued_sizes(h.session)
            assert h.session.inflight_bytes() == sum(size for _, size in pending)


class TestClose:
    """G6/G7: a closing session queues its goodbye and then nothing more."""

    def test_close_queues_a_goodbye_after_what_is_queued(self) -> None:
        """close() appends a goodbye; data_to_send returns everything, then close is expected."""
        h = open_harness()
        h.push(event(1))
        assert h.session.close_reason is None  # what the log says of a connection never closed
        h.session.close("draining")
        assert h.session.close_expected()
        assert h.sent() == [Pushed(event=event(1)), Goodbye(reason="draining")]

    def test_nothing_is_queued_after_close(self) -> None:
        """After close, frames, pushes, replies, failures and a second close queue nothing."""
        h = open_harness()
        request = one_request(h, send_frame(1))
        h.session.close("draining")
        assert h.sent() == [Goodbye(reason="draining")]
        assert h.receive(send_frame(2)) == []
        assert h.receive(b"x" * 100_000) == []
        h.push(event(1))
        h.session.reply(request, ack(1))
        h.session.fail(request, ProtocolViolation(ErrorCode.INTERNAL))
        h.session.close("again")
        assert h.session.close_reason == "draining"
        assert h.session.queued() == 0
        assert h.sent() == []

    @pytest.mark.parametrize("state", ["await_hello", "authenticating", "open"])
    def test_close_is_possible_from_every_live_state(self, state: str) -> None:
        """Drain or an admin can close a connection whatever its state."""
        h = SessionHarness()
        if state != "await_hello":
            hello = h.hello()
            if state == "open":
                h.session.accept_hello("alice", h.welcome(hello))
                h.sent()
        h.session.close("draining")
        assert h.sent() == [Goodbye(reason="draining")]

    def test_accept_after_close_while_authenticating_is_a_no_op(self) -> None:
        """A drain during authentication wins: the late accept neither raises nor opens."""
        h = SessionHarness()
        hello = h.hello()
        h.session.close("draining")
        h.session.accept_hello("alice", h.welcome(hello))
        assert h.state() is SessionState.CLOSING
        assert h.session.user is None
        assert h.sent() == [Goodbye(reason="draining")]

    def test_reject_after_close_while_authenticating_is_a_no_op(self) -> None:
        """A late rejection after close neither raises nor queues an error."""
        h = SessionHarness()
        hello = h.hello()
        h.session.close("draining")
        h.session.reject_hello(ProtocolViolation(ErrorCode.UNAUTHENTICATED), hello.id)
        assert h.state() is SessionState.CLOSING
        assert h.sent() == [Goodbye(reason="draining")]


class TestTransitions:
    """G5/G6: the transition table is the only way the state moves."""

    def test_every_transition_is_reachable(self) -> None:
        """Each entry of TRANSITIONS is taken by some sequence of calls."""
        seen: set[tuple[SessionState, str]] = set()

        def track(session: Session, what: str) -> None:
            before = session.state
            seen.add((before, what))
            assert TRANSITIONS[(before, what)] is not None

        for path in (
            ["hello", "accept", "close"],
            ["hello", "reject", "close"],
            ["hello", "close"],
        ):
            h = SessionHarness()
            for what in path:
                track(h.session, what)
                if what == "hello":
                    h.hello()
                elif what == "accept":
                    h.session.accept_hello("a", h.welcome(Hello(token="t")))
                elif what == "reject":
                    h.session.reject_hello(ProtocolViolation(ErrorCode.UNAUTHENTICATED), 0)
                else:
                    h.session.close("bye")
        assert seen == set(TRANSITIONS)

    def test_events_received_drains(self) -> None:
        """events_received returns each request once."""
        h = open_harness()
        h.session.receive_frame(encode(Send(id=1, conv=CONV, client_msg_id="m", body="x")), 0.0)
        requests: list[ClientFrame] = h.session.events_received()
        assert len(requests) == 1
        assert h.session.events_received() == []

    def test_reply_frame_is_any_server_frame(self) -> None:
        """reply() encodes whatever result frame the application gives."""
        h = open_harness()
        request = one_request(h, {"type": "read", "id": 4, "conv": CONV, "seq": 1})
        h.session.reply(request, Ok(id=4))
        assert h.sent() == [Ok(id=4)]


def test_every_error_frame_is_reported_to_on_error() -> None:
    """on_error hears the code of each error queued: decode, auth and rate refusals alike."""
    seen: list[ErrorCode] = []
    session = Session(
        limits=SessionLimits(frames_per_s=1.0, frames_burst=2.0), now=0.0, on_error=seen.append
    )
    session.receive_frame(b"{", 0.0)
    session.receive_frame(b'{"type":"read","id":1,"conv":"c0123456789abcdef","seq":1}', 0.0)
    session.receive_frame(b"{}", 0.0)
    assert seen == [ErrorCode.BAD_REQUEST, ErrorCode.UNAUTHENTICATED, ErrorCode.RATE_LIMITED]


class TestAckDelivers:
    """D60 (G4 on the sending connection): with ``ack_delivers`` in the hello, the session
    says which pushes its acks stand in for; without it, none."""

    def opened(self, *, ack_delivers: bool) -> SessionHarness:
        h = SessionHarness()
        (hello,) = h.receive({"type": "hello", "id": 1, "token": "t", "ack_delivers": ack_delivers})
        assert isinstance(hello, Hello)
        h.session.accept_hello("alice", h.welcome(hello))
        h.sent()
        return h

    @staticmethod
    def own(seq: int, cmid: str) -> Event:
        return msgspec.structs.replace(event(seq), sender="alice", client_msg_id=cmid)

    def test_a_fresh_ack_stands_in_for_the_push_of_its_event(self) -> None:
        h = self.opened(ack_delivers=True)
        request = one_request(h, send_frame(1))
        h.session.reply(request, Ack(id=1, conv=CONV, seq=2, ts=1, client_msg_id="m1"))
        assert h.session.delivered_by_ack(self.own(2, "m1"))
        assert not h.session.delivered_by_ack(self.own(2, "m1"))  # asked once per event

    def test_a_write_not_answered_yet_is_acked_in_its_pushs_place(self) -> None:
        """The hub reaches the event before the application answers: the ack goes out
        there, before the pushes of later seqs, and the application's reply is dropped."""
        h = self.opened(ack_delivers=True)
        request = one_request(h, send_frame(1))
        assert h.session.delivered_by_ack(self.own(2, "m1"))
        h.push(event(3))
        early = Ack(id=1, conv=CONV, seq=2, ts=1002, client_msg_id="m1")
        assert h.sent() == [early, Pushed(event=event(3))]
        h.session.reply(request, Ack(id=1, conv=CONV, seq=2, ts=1002, client_msg_id="m1"))
        assert h.sent() == []
        assert h.session.inflight_bytes() == 0
        h.session.fail(one_request(h, send_frame(2)), ProtocolViolation(ErrorCode.BUSY))
        assert [type(frame) for frame in h.sent()] == [Error]  # the next request as usual

    def test_after_an_error_or_a_duplicate_ack_the_event_is_pushed(self) -> None:
        h = self.opened(ack_delivers=True)
        failed, retried = one_request(h, send_frame(1)), one_request(h, send_frame(2))
        h.session.fail(failed, ProtocolViolation(ErrorCode.UNAVAILABLE))
        duplicate = Ack(id=2, conv=CONV, seq=3, ts=1, client_msg_id="m2", duplicate=True)
        h.session.reply(retried, duplicate)
        assert not h.session.delivered_by_ack(self.own(2, "m1"))
        assert not h.session.delivered_by_ack(self.own(3, "m2"))

    def test_without_ack_delivers_every_event_is_pushed(self) -> None:
        """The documented default: a client that did not ask still gets its own push."""
        h = self.opened(ack_delivers=False)
        request = one_request(h, send_frame(1))
        h.session.reply(request, Ack(id=1, conv=CONV, seq=2, ts=1, client_msg_id="m1"))
        assert not h.session.delivered_by_ack(self.own(2, "m1"))
