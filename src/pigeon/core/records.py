"""Immutable records shared by the core, the stores, the transports and the SDK.

An :class:`Event` is one entry of a conversation's log: its ``seq`` is gapless from 1 (G3).
Messages, edits, deletions and membership changes are all events; nothing else changes a
conversation's history.
"""

from __future__ import annotations

import enum
from typing import Annotated

import msgspec


class EventKind(enum.StrEnum):
    CREATED = "created"  # seq 1 of every conversation: title and first members
    MESSAGE = "message"
    EDIT = "edit"  # target_seq names the message; body is its new text
    DELETE = "delete"  # target_seq names the message
    MEMBER_ADDED = "member_added"  # members names who joined
    MEMBER_REMOVED = "member_removed"  # members names who left or was removed


class ConversationKind(enum.StrEnum):
    DIRECT = "direct"
    GROUP = "group"


class Role(enum.StrEnum):
    OWNER = "owner"
    MEMBER = "member"


# A handle is a user's public, immutable name.
Handle = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9_]{2,32}$")]
ConvId = Annotated[str, msgspec.Meta(pattern=r"^c[0-9a-f]{16}$")]
ClientMsgId = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
# Seqs and ids stay below 2**53: exact in JavaScript, and far inside SQLite's 64-bit integers.
MAX_SEQ = 2**53
Seq = Annotated[int, msgspec.Meta(ge=0, le=MAX_SEQ)]
TargetSeq = Annotated[int, msgspec.Meta(ge=1, le=MAX_SEQ)]
# Optional structured metadata of a message: a JSON object whose values are kept verbatim.
MessageMeta = dict[str, msgspec.Raw]


class Event(msgspec.Struct, frozen=True, omit_defaults=True, kw_only=True):
    """One entry of a conversation log, as stored and as pushed."""

    conv: str
    seq: int
    kind: EventKind
    sender: str
    ts: int  # milliseconds since the Unix epoch: the server's clock when it took the request
    client_msg_id: str | None = None
    body: str | None = None
    meta: MessageMeta | None = None
    target_seq: int | None = None
    members: tuple[str, ...] | None = None
    title: str | None = None


class AppendResult(msgspec.Struct, frozen=True, kw_only=True):
    """What a successful append returns; for a retried client id, the original (G2)."""

    conv: str
    seq: int
    ts: int
    client_msg_id: str | None
    duplicate: bool = False  # True when this is the original ack of an earlier send


class ConversationSummary(msgspec.Struct, frozen=True, kw_only=True):
    """A row of "my conversations"."""

    conv: str
    kind: ConversationKind
    title: str | None
    members: tuple[str, ...]
    role: Role
    last_seq: int
    read_seq: int
    unread: int
    last_message: Event | None = None


class Account(msgspec.Struct, frozen=True, kw_only=True):
    handle: str
    disabled: bool = False


class Device(msgspec.Struct, frozen=True, kw_only=True):
    """An authenticated device token's owner: who, which device, until when."""

    handle: str
    device: str
    expires_at_ms: int
    disabled: bool = False  # the account is disabled: the token is refused
