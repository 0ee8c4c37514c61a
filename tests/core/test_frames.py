"""Frames: every frame round-trips, and any input either decodes or is refused with a wire code.

The fuzz oracle is websockets' (``fuzzing/fuzz_websocket_parser.py``): an input is accepted,
or rejected with a documented error; anything else is a bug.
"""

from __future__ import annotations

import json
from typing import TypeAlias

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pigeon.core.frames import (
    Ack,
    ClientFrame,
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
    decode_client_frame,
    decode_server_frame,
    encode,
    error_frame,
    request_id_of,
)
from pigeon.core.records import ConversationKind, ConversationSummary, Event, EventKind, Role
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited
from tests.core.harness import CONV, event, examples

FUZZ_CODES = {ErrorCode.BAD_REQUEST, ErrorCode.UNKNOWN_TYPE, ErrorCode.TOO_LARGE}
CLIENT_TYPES = (Hello, Send, Edit, Delete, Read, Typing, History, Conversations)

CLIENT_FRAMES: list[ClientFrame] = [
    Hello(token="tok"),
    Hello(token="tok", id=3, epoch="e1", cursors={CONV: 4}),
    Send(id=1, conv=CONV, client_msg_id="m1", body="hi"),
    Send(id=2, conv=CONV, client_msg_id="m2", body="", meta={"k": msgspec.Raw(b'{"a":[1,2]}')}),
    Edit(id=3, conv=CONV, client_msg_id="m3", target_seq=1, body="fixed"),
    Delete(id=4, conv=CONV, client_msg_id="m4", target_seq=1),
    Read(id=5, conv=CONV, seq=7),
    Typing(conv=CONV),
    History(id=6, conv=CONV),
    History(id=7, conv=CONV, after=3, limit=1000),
    History(id=8, conv=CONV, before=9, limit=1),
    Conversations(id=9),
]

SUMMARY = ConversationSummary(
    conv=CONV,
    kind=ConversationKind.GROUP,
    title="team",
    members=("alice", "bob"),
    role=Role.OWNER,
    last_seq=3,
    read_seq=1,
    unread=2,
    last_message=event(3),
)
SERVER_FRAMES: list[ServerFrame] = [
    Welcome(id=1, user="alice", epoch="e1", behind={CONV: 3}),
    Ack(id=2, conv=CONV, seq=3, ts=1003),
    Ack(id=2, conv=CONV, seq=3, ts=1003, client_msg_id="m2"),
    Ok(id=3),
    Page(id=4, conv=CONV, events=[event(1), event(2)], more=True, last_seq=9, epoch="e1"),
    Page(id=5, conv=CONV, events=[], more=False, last_seq=0, epoch="e1"),
    ConversationList(id=6, conversations=[SUMMARY]),
    ConversationList(id=6, conversations=[]),
    Pushed(event=event(4)),
    Pushed(
        event=Event(
            conv=CONV,
            seq=5,
            kind=EventKind.MEMBER_ADDED,
            sender="alice",
            ts=5,
            members=("carol",),
        )
    ),
    TypingNotice(conv=CONV, user="bob"),
    Lagged(),
    Goodbye(reason="draining"),
    Error(code=ErrorCode.NOT_FOUND, message="not found", id=7),
    Error(code=ErrorCode.RATE_LIMITED, message="rate limited", retry_after_ms=250),
]


def frame_id(frame: ClientFrame | ServerFrame) -> str:
    """A test id from the frame's wire form: its repr would hold a Raw's address, and
    pytest-xdist's workers must collect the same ids."""
    return encode(frame).decode()


def code_of(data: bytes | str) -> ErrorCode:
    with pytest.raises(ProtocolViolation) as info:
        decode_client_frame(data)
    return info.value.code


def base_send(**changes: object) -> bytes:
    frame: dict[str, object] = {
        "type": "send",
        "id": 1,
        "conv": CONV,
        "client_msg_id": "m1",
        "body": "hi",
    }
    frame.update(changes)
    return json.dumps(frame).encode()


class TestRoundTrips:
    """G3/G4: what one side encodes, the other side decodes to the same frame."""

    @pytest.mark.parametrize("frame", CLIENT_FRAMES, ids=frame_id)
    def test_client_frame_round_trips(self, frame: ClientFrame) -> None:
        """Every client frame decodes to itself, from bytes and from str."""
        data = encode(frame)
        assert decode_client_frame(data) == frame
        assert decode_client_frame(data.decode()) == frame

    @pytest.mark.parametrize("frame", SERVER_FRAMES, ids=frame_id)
    def test_server_frame_round_trips(self, frame: ServerFrame) -> None:
        """Every server frame decodes (the SDK's side) to itself."""
        assert decode_server_frame(encode(frame)) == frame

    def test_every_frame_type_is_round_tripped(self) -> None:
        """No frame type is left out of the two tables above."""
        assert {type(f) for f in CLIENT_FRAMES} == set(CLIENT_TYPES)
        assert {type(f) for f in SERVER_FRAMES} == {
            Welcome, Ack, Ok, Page, ConversationList, Pushed, TypingNotice, Lagged, Goodbye, Error
        }  # fmt: skip

    def test_server_frames_omit_defaults(self) -> None:
        """Unset optional fields stay off the wire."""
        assert json.loads(encode(Error(code=ErrorCode.BUSY, message="busy"))) == {
            "type": "error",
            "code": "busy",
            "message": "busy",
        }

    def test_hello_defaults(self) -> None:
        """A bare hello has id 0, no epoch and no cursors."""
        assert decode_client_frame(b'{"type":"hello","token":"t"}') == Hello(
            token="t", id=0, epoch=None, cursors={}
        )

    def test_unknown_fields_are_ignored(self) -> None:
        """Newer clients may add fields; older servers ignore them."""
        frame = decode_client_frame(base_send(future={"x": [1]}))
        assert frame == Send(id=1, conv=CONV, client_msg_id="m1", body="hi")

    def test_decode_server_frame_raises_decode_error_on_garbage(self) -> None:
        """The SDK's decoder raises msgspec's error, as documented."""
        with pytest.raises(msgspec.DecodeError):
            decode_server_frame(b"{")


class TestDecodeErrors:
    """G5/G6: malformed frames are refused with bad_request or unknown_type, never a crash."""

    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"{",
            b"not json",
            b"[]",
            b"null",
            b"42",
            b"{}",
            b'{"type":1}',
            b'{"type":null}',
            b'{"type":"send"}',
            b'{"type":"hello"}',
            b'{"type":"hello","token":7}',
            b"\xff\xfe",
        ],
    )
    def test_malformed_frame_is_bad_request(self, data: bytes) -> None:
        """Not JSON, not an object, no or non-string type, missing fields: bad_request."""
        assert code_of(data) is ErrorCode.BAD_REQUEST

    @pytest.mark.parametrize(
        "data", [b'{"type":"nope"}', b'{"type":"Hello","token":"t"}', b'{"type":""}']
    )
    def test_unknown_type_string_is_unknown_type(self, data: bytes) -> None:
        """A string type the server does not know: unknown_type."""
        assert code_of(data) is ErrorCode.UNKNOWN_TYPE

    @pytest.mark.parametrize(
        "changes",
        [
            {"id": -1},
            {"id": 2**53 + 1},
            {"id": 10**30},
            {"id": 1.5},
            {"id": "1"},
            {"id": True},
            {"conv": "c123"},
            {"conv": "C0123456789ABCDEF"},
            {"client_msg_id": ""},
            {"client_msg_id": "x" * 65},
            {"body": None},
            {"body": ["hi"]},
            {"meta": [1]},
            {"meta": "x"},
        ],
        ids=repr,
    )
    def test_field_out_of_its_type_is_bad_request(self, changes: dict[str, object]) -> None:
        """Each field's type and bounds are checked in the one decoding pass."""
        assert code_of(base_send(**changes)) is ErrorCode.BAD_REQUEST

    @pytest.mark.parametrize(
        "frame",
        [
            {"type": "history", "id": 1, "conv": CONV, "limit": 0},
            {"type": "history", "id": 1, "conv": CONV, "limit": 1001},
            {"type": "history", "id": 1, "conv": CONV, "after": -1},
            {"type": "read", "id": 1, "conv": CONV, "seq": -1},
            {
                "type": "edit",
                "id": 1,
                "conv": CONV,
                "client_msg_id": "m",
                "target_seq": 0,
                "body": "",
            },
            {"type": "delete", "id": 1, "conv": CONV, "client_msg_id": "m", "target_seq": 0},
            {"type": "hello", "token": "t" * 257},
            {"type": "hello", "token": "t", "cursors": {"nope": 1}},
            {"type": "hello", "token": "t", "cursors": {CONV: -1}},
            {"type": "typing"},
        ],
        ids=repr,
    )
    def test_bounds_of_other_frames_are_bad_request(self, frame: dict[str, object]) -> None:
        """Page limits, seqs, target seqs, token length and cursor keys are bounded."""
        assert code_of(json.dumps(frame)) is ErrorCode.BAD_REQUEST

    def test_deep_nesting_is_bad_request(self) -> None:
        """Nesting past msgspec's recursion limit (a 2 KB frame) is refused, not a crash."""
        junk = b"[" * 5000 + b"]" * 5000
        assert code_of(b'{"type":"hello","token":"t","x":' + junk + b"}") is ErrorCode.BAD_REQUEST
        assert code_of(base_send()[:-1] + b',"meta":{"k":' + junk + b"}}") is (
            ErrorCode.BAD_REQUEST
        )

    def test_lone_surrogate_in_str_input_is_bad_request(self) -> None:
        """A str that is not valid Unicode text is refused like bad UTF-8 bytes."""
        assert code_of('{"type":"typing","conv":"\ud800"}') is ErrorCode.BAD_REQUEST

    def test_escaped_lone_surrogate_is_bad_request(self) -> None:
        """A JSON ``\\ud800`` escape cannot smuggle invalid text into a body."""
        assert code_of(base_send()[:-5] + b'"\\ud800"}') is ErrorCode.BAD_REQUEST

    def test_error_messages_are_generic(self) -> None:
        """The wire message is the code's generic text; the parser's detail is for logs."""
        with pytest.raises(ProtocolViolation) as info:
            decode_client_frame(base_send(conv="c-secret"))
        assert info.value.message == "the request is malformed"
        assert "conv" in info.value.detail


class TestRequestIdOf:
    """G5: an error names the request it answers whenever the id can be read."""

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            (b'{"type":"send","id":7,"conv":"bad"}', 7),
            (b'{"type":"nope","id":0}', 0),
            ('{"id":9}', 9),
            (b'{"type":"send"}', None),
            (b'{"id":"7"}', None),
            (b'{"id":-1}', None),
            (b"[1]", None),
            (b"{", None),
            ('{"id":1,"x":"\ud800"}', None),
            (b'{"id":1,"x":' + b"[" * 5000 + b"]" * 5000 + b"}", None),
        ],
        ids=[
            "invalid-send",
            "unknown-type",
            "str",
            "no-id",
            "id-is-str",
            "id-negative",
            "not-object",
            "truncated",
            "lone-surrogate",
            "deep-nesting",
        ],
    )
    def test_request_id_is_read_best_effort(self, data: bytes | str, expected: int | None) -> None:
        """The id is found in a frame that fails validation, else None; it never raises."""
        assert request_id_of(data) == expected


class TestErrorFrame:
    """G6: refusals carry their code, and a retry-after when there is one."""

    def test_error_frame_carries_code_message_and_id(self) -> None:
        """A protocol violation becomes an error frame naming the request."""
        frame = error_frame(ProtocolViolation(ErrorCode.FORBIDDEN), 4)
        assert frame == Error(code=ErrorCode.FORBIDDEN, message="not allowed", id=4)

    def test_rate_limited_error_frame_carries_retry_after(self) -> None:
        """RateLimited puts retry_after_ms on the wire."""
        frame = error_frame(RateLimited(125))
        assert frame == Error(
            code=ErrorCode.RATE_LIMITED, message="rate limited", id=None, retry_after_ms=125
        )
        assert ErrorCode.RATE_LIMITED.status == 429


# -- fuzzing -------------------------------------------------------------------------------

Json: TypeAlias = bool | int | float | str | list["Json"] | dict[str, "Json"] | None

BIG_INTS = st.sampled_from([2**53, 2**53 + 1, 2**63, 2**64, -(2**63) - 1, 10**40, -(10**40)])
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
# st.text() never yields surrogates, whatever its alphabet: join characters instead.
ANY_TEXT = st.lists(st.one_of(st.characters(), SURROGATES), max_size=20).map("".join)
JUNK: st.SearchStrategy[Json] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | BIG_INTS
    | st.floats(allow_nan=False, allow_infinity=False)
    | ANY_TEXT
    | st.sampled_from(["send", "hello", CONV, ""]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(ANY_TEXT, children, max_size=4)
    ),
    max_leaves=12,
)
VALID_FRAMES: list[dict[str, Json]] = [json.loads(encode(f)) for f in CLIENT_FRAMES]


def check_oracle(data: bytes | str) -> ClientFrame | None:
    """The fuzz oracle: a client frame, or ProtocolViolation with a documented code."""
    try:
        frame = decode_client_frame(data)
    except ProtocolViolation as exc:
        refused: ProtocolViolation | None = exc
    else:
        refused = None
    if refused is not None:
        assert refused.code in FUZZ_CODES, refused
        return None
    assert isinstance(frame, CLIENT_TYPES)
    # What was accepted re-encodes to an equal frame: nothing invalid got in.
    assert decode_client_frame(encode(frame)) == frame
    return frame


@st.composite
def mutated_frames(draw: st.DrawFn) -> dict[str, Json]:
    """A valid frame with fields dropped, retyped, replaced by junk, or added."""
    frame = dict(draw(st.sampled_from(VALID_FRAMES)))
    for _ in range(draw(st.integers(1, 3))):
        keys = sorted(frame)
        how = draw(st.sampled_from(["drop", "junk", "big", "add", "type"]))
        if how == "drop" and keys:
            del frame[draw(st.sampled_from(keys))]
        elif how == "junk" and keys:
            frame[draw(st.sampled_from(keys))] = draw(JUNK)
        elif how == "big" and keys:
            frame[draw(st.sampled_from(keys))] = draw(BIG_INTS)
        elif how == "add":
            frame[draw(ANY_TEXT)] = draw(JUNK)
        else:
            frame["type"] = draw(JUNK)
    return frame


class TestFuzz:
    """G5/G6: no input makes the decoder fail with anything but a documented wire code."""

    @settings(max_examples=examples(300))
    @given(st.binary())
    def test_any_bytes_decode_or_are_refused_with_a_wire_code(self, data: bytes) -> None:
        """Random bytes: a frame, or bad_request / unknown_type / too_large."""
        check_oracle(data)

    @settings(max_examples=examples(300))
    @given(st.one_of(st.text(), ANY_TEXT))
    def test_any_text_decodes_or_is_refused_with_a_wire_code(self, data: str) -> None:
        """Random text, lone surrogates included: the same oracle."""
        check_oracle(data)

    @settings(max_examples=examples(300))
    @given(mutated_frames(), st.booleans())
    def test_mutated_frames_decode_or_are_refused_with_a_wire_code(
        self, frame: dict[str, Json], as_bytes: bool
    ) -> None:
        """Valid frames with dropped, retyped, huge or nested fields: the same oracle."""
        text = json.dumps(frame, ensure_ascii=False)
        check_oracle(text.encode("utf-8", "surrogatepass") if as_bytes else text)

    @settings(max_examples=examples(100))
    @given(st.sampled_from(VALID_FRAMES), st.text(max_size=20))
    def test_any_other_type_string_is_unknown_type(self, frame: dict[str, Json], tag: str) -> None:
        """A valid frame whose type string is not a frame type: unknown_type."""
        if tag in {"hello", "send", "edit", "delete", "read", "typing", "history", "conversations"}:
            return
        data = json.dumps({**frame, "type": tag}).encode()
        assert code_of(data) is ErrorCode.UNKNOWN_TYPE
