"""Every WebSocket frame of the Pigeon protocol, and its encoding.

Frames are JSON objects tagged by ``type``. Client frames that expect a reply carry an
integer ``id`` which the reply echoes. ``docs/PROTOCOL.md`` documents each one.

:func:`decode_client_frame` never raises anything but :class:`ProtocolViolation` with
``bad_request``, ``unknown_type`` or ``too_large``: that is the property the fuzz test checks.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from pigeon.core.http_api import CONVERSATIONS_LIMIT, HISTORY_LIMIT
from pigeon.core.records import (
    MAX_SEQ,
    ClientMsgId,
    ConversationSummary,
    ConvId,
    Event,
    MessageMeta,
    Seq,
    TargetSeq,
)
from pigeon.errors import ErrorCode, ProtocolViolation

RequestId = Annotated[int, msgspec.Meta(ge=0, le=MAX_SEQ)]
# The same bounds as over HTTP: one definition, so the two transports cannot drift.
PageLimit = Annotated[int, msgspec.Meta(ge=HISTORY_LIMIT.low, le=HISTORY_LIMIT.high)]
ConversationsLimit = Annotated[
    int, msgspec.Meta(ge=CONVERSATIONS_LIMIT.low, le=CONVERSATIONS_LIMIT.high)
]
Cursors = Annotated[dict[ConvId, Seq], msgspec.Meta(max_length=10_000)]


class _ClientFrame(msgspec.Struct, tag_field="type", forbid_unknown_fields=False, kw_only=True):
    pass


class Hello(_ClientFrame, tag="hello"):
    """First frame of a connection: authenticate, and say where the client stands."""

    token: Annotated[str, msgspec.Meta(max_length=256)]
    id: RequestId = 0
    epoch: str | None = None
    cursors: Cursors = msgspec.field(default_factory=dict)
    # The acks of this connection's own writes stand in for their pushes (D60).
    ack_delivers: bool = False


class Send(_ClientFrame, tag="send"):
    id: RequestId
    conv: ConvId
    client_msg_id: ClientMsgId
    body: str
    meta: MessageMeta | None = None


class Edit(_ClientFrame, tag="edit"):
    id: RequestId
    conv: ConvId
    client_msg_id: ClientMsgId
    target_seq: TargetSeq
    body: str


class Delete(_ClientFrame, tag="delete"):
    id: RequestId
    conv: ConvId
    client_msg_id: ClientMsgId
    target_seq: TargetSeq


class Read(_ClientFrame, tag="read"):
    """Move my read position forward to ``seq`` (never backwards: max-merge)."""

    id: RequestId
    conv: ConvId
    seq: Seq


class Typing(_ClientFrame, tag="typing"):
    """Ephemeral: tell the other members I am typing. No reply, never stored."""

    conv: ConvId


class History(_ClientFrame, tag="history"):
    """A page of the log: the first ``limit`` events after ``after``, or the last ``limit``
    before ``before`` (the latest, with neither)."""

    id: RequestId
    conv: ConvId
    after: Seq | None = None
    before: Seq | None = None
    limit: PageLimit = 100


class Conversations(_ClientFrame, tag="conversations"):
    """A page of my conversations with last message and unread count, in conversation id
    order: those after ``cursor`` (from the start without one)."""

    id: RequestId
    cursor: ConvId | None = None
    limit: ConversationsLimit = 100


ClientFrame = Hello | Send | Edit | Delete | Read | Typing | History | Conversations
RequestFrame = Send | Edit | Delete | Read | History | Conversations
Write = Send | Edit | Delete  # the requests that append to a log, each acked


class _ServerFrame(msgspec.Struct, tag_field="type", omit_defaults=True, kw_only=True):
    pass


class Welcome(_ServerFrame, tag="welcome"):
    """Reply to hello. ``behind`` lists the conversations with events after the client's cursors
    (or that the client has no cursor for): the client pulls them with history frames."""

    id: int
    user: str
    epoch: str
    behind: dict[str, int]  # conv -> last_seq
    gone: list[str] = msgspec.field(default_factory=list)  # cursors of no conversation of mine


class Ack(_ServerFrame, tag="ack"):
    """A send, edit or delete is committed durably (G1) at ``seq``. ``duplicate`` is true when
    this is the original ack of an earlier request with the same client_msg_id (G2)."""

    id: int
    conv: str
    seq: int
    ts: int
    client_msg_id: str | None = None
    duplicate: bool = False


class Ok(_ServerFrame, tag="ok"):
    id: int


class Page(_ServerFrame, tag="page"):
    """Reply to history. ``more`` is true when events beyond this page exist in its direction.
    ``epoch`` is the store's, as in the welcome: the history these seqs belong to."""

    id: int
    conv: str
    events: list[Event]
    more: bool
    last_seq: int
    epoch: str


class ConversationList(_ServerFrame, tag="conversation_list"):
    """Reply to conversations. ``next_cursor`` is set when more follow: send it as
    ``cursor`` for the next page."""

    id: int
    conversations: list[ConversationSummary]
    next_cursor: str | None = None


class Pushed(_ServerFrame, tag="event"):
    """A committed log event, pushed live. A hint: the client checks its seq for gaps."""

    event: Event


class TypingNotice(_ServerFrame, tag="typing"):
    conv: str
    user: str


class Lagged(_ServerFrame, tag="lagged"):
    """The server dropped pushes because this connection fell behind: pull from your cursors."""


class Goodbye(_ServerFrame, tag="goodbye"):
    """The server is closing this connection (draining, slow consumer); reconnect."""

    reason: str


class Error(_ServerFrame, tag="error"):
    code: ErrorCode
    message: str
    id: int | None = None
    retry_after_ms: int | None = None


ServerFrame = (
    Welcome | Ack | Ok | Page | ConversationList | Pushed | TypingNotice | Lagged | Goodbye | Error
)

_client_decoder = msgspec.json.Decoder(ClientFrame)
_server_decoder = msgspec.json.Decoder(ServerFrame)
_encoder = msgspec.json.Encoder()


def decode_client_frame(data: bytes | str) -> ClientFrame:
    """Parse one client frame, or raise :class:`ProtocolViolation` (bad_request, unknown_type)."""
    try:
        frame: ClientFrame = _client_decoder.decode(data)
        return frame
    except msgspec.ValidationError as exc:
        text = str(exc)
        if "Invalid value" in text and "`$.type`" in text:
            raise ProtocolViolation(ErrorCode.UNKNOWN_TYPE, detail=text) from exc
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=text) from exc
    except msgspec.DecodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=str(exc)) from exc
    except (RecursionError, UnicodeError) as exc:
        # msgspec raises these for nesting ~1000 deep (a 2 KB frame) and for a str holding a
        # lone surrogate; both are malformed input, not a bug.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=type(exc).__name__) from exc


def decode_server_frame(data: bytes | str) -> ServerFrame:
    """Parse one server frame (the SDK's side). Raises ``msgspec.DecodeError`` on garbage."""
    frame: ServerFrame = _server_decoder.decode(data)
    return frame


def encode(frame: ServerFrame | ClientFrame | Event) -> bytes:
    return _encoder.encode(frame)


def error_frame(exc: ProtocolViolation, request_id: int | None = None) -> Error:
    retry = getattr(exc, "retry_after_ms", None)
    return Error(code=exc.code, message=exc.message, id=request_id, retry_after_ms=retry)


def request_id_of(data: bytes | str) -> int | None:
    """Best effort: the ``id`` of a frame that failed validation, so its error can name it."""
    try:
        probe = msgspec.json.decode(data, type=_IdProbe)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeError):
        return None
    return probe.id


class _IdProbe(msgspec.Struct):
    id: RequestId | None = None
