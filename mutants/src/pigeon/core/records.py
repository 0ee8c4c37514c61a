"""Immutable records shared by the core, the stores, the transports and the SDK.

An :class:`Event` is one entry of a conversation's log: its ``seq`` is gapless from 1 (G3).
Messages, edits, deletions and membership changes are all events; nothing else changes a
conversation's history.
"""

from __future__ import annotations

import enum
import re
from typing import Annotated

import msgspec


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict


class EventKind(enum.StrEnum):
    CREATED = "created"  # seq 1 of every conversation: title and first members
    MESSAGE = "message"
    EDIT = "edit"  # target_seq names the message; body is its new text
    DELETE = "delete"  # target_seq names the message
    MEMBER_ADDED = "member_added"  # members names who joined
    MEMBER_REMOVED = "member_removed"  # members names who left or was removed
    OWNER_CHANGED = "owner_changed"  # members names the new owner (the last owner left)


class ConversationKind(enum.StrEnum):
    DIRECT = "direct"
    GROUP = "group"


class Role(enum.StrEnum):
    OWNER = "owner"
    MEMBER = "member"


def whole_string(pattern: str) -> str:
    """A msgspec ``pattern`` that must match the whole string, not a part of it.

    msgspec matches with ``re.search``, and Python's ``$`` also matches before a trailing
    newline, so ``^[a-z]+$`` accepts ``"bob\\n"``: a second account beside ``bob`` that
    displays as ``bob``. ``\\Z`` would fix that in Python, but JSON Schema patterns (served in
    /openapi.json) are ECMA-262 regexes, which have no ``\\Z``; ``$(?!\\n)`` means the same
    in both dialects.
    """
    return rf"^(?:{pattern})$(?!\n)"


HANDLE_PATTERN = whole_string(r"[a-z0-9_]{2,32}")
CONV_ID_PATTERN = whole_string(r"c[0-9a-f]{16}")
# Free-form identifiers chosen by clients hold any text but NUL, which C-based tools and
# databases read as the end of the string.
NUL_FREE_PATTERN = whole_string(r"[^\x00]*")
# A handle is a user's public, immutable name.
Handle = Annotated[str, msgspec.Meta(pattern=HANDLE_PATTERN)]
ConvId = Annotated[str, msgspec.Meta(pattern=CONV_ID_PATTERN)]
ClientMsgId = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=NUL_FREE_PATTERN)]
_handle_re = re.compile(HANDLE_PATTERN)
_conv_id_re = re.compile(CONV_ID_PATTERN)
mutants_x_is_handle__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_is_handle__mutmut)
def is_handle(text: str) -> bool:
    """Whether ``text`` is a valid handle: for handles that arrive outside a typed body (paths)."""
    return _handle_re.search(text) is not None


def x_is_handle__mutmut_orig(text: str) -> bool:
    """Whether ``text`` is a valid handle: for handles that arrive outside a typed body (paths)."""
    return _handle_re.search(text) is not None


def x_is_handle__mutmut_1(text: str) -> bool:
    """Whether ``text`` is a valid handle: for handles that arrive outside a typed body (paths)."""
    return _handle_re.search(None) is not None


def x_is_handle__mutmut_2(text: str) -> bool:
    """Whether ``text`` is a valid handle: for handles that arrive outside a typed body (paths)."""
    return _handle_re.search(text) is None

mutants_x_is_handle__mutmut['_mutmut_orig'] = x_is_handle__mutmut_orig # type: ignore # mutmut generated
mutants_x_is_handle__mutmut['x_is_handle__mutmut_1'] = x_is_handle__mutmut_1 # type: ignore # mutmut generated
mutants_x_is_handle__mutmut['x_is_handle__mutmut_2'] = x_is_handle__mutmut_2 # type: ignore # mutmut generated
mutants_x_is_conv_id__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_is_conv_id__mutmut)
def is_conv_id(text: str) -> bool:
    return _conv_id_re.search(text) is not None


def x_is_conv_id__mutmut_orig(text: str) -> bool:
    return _conv_id_re.search(text) is not None


def x_is_conv_id__mutmut_1(text: str) -> bool:
    return _conv_id_re.search(None) is not None


def x_is_conv_id__mutmut_2(text: str) -> bool:
    return _conv_id_re.search(text) is None

mutants_x_is_conv_id__mutmut['_mutmut_orig'] = x_is_conv_id__mutmut_orig # type: ignore # mutmut generated
mutants_x_is_conv_id__mutmut['x_is_conv_id__mutmut_1'] = x_is_conv_id__mutmut_1 # type: ignore # mutmut generated
mutants_x_is_conv_id__mutmut['x_is_conv_id__mutmut_2'] = x_is_conv_id__mutmut_2 # type: ignore # mutmut generated


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
