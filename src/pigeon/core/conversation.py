"""Conversation rules: who may read, write, edit and change membership.

Pure functions over what the store knows (the actor's membership, the target event). The
store calls them inside its transaction, so a rule and the write it allows are atomic.

Outsiders learn nothing (G5): a non-member gets ``not_found``, exactly as for a conversation
that does not exist.
"""

from __future__ import annotations

import secrets

from pigeon.core.limits import is_blank
from pigeon.core.records import ConversationKind, Event, EventKind, Role
from pigeon.errors import ErrorCode, ProtocolViolation

MAX_GROUP_MEMBERS = 10_000
MAX_TITLE_CHARS = 200


def new_conversation_id() -> str:
    """A random id: unguessable, and it spreads conversations evenly over shards."""
    return "c" + secrets.token_hex(8)


def direct_key(a: str, b: str) -> str:
    """The one key of the direct conversation between two users, whoever creates it."""
    low, high = sorted((a, b))
    return f"{low}\x00{high}"


def require_member(role: Role | None) -> Role:
    """Any member may read and post; anyone else is told the conversation does not exist."""
    if role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    return role


def check_direct_peer(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "a direct conversation needs another user")
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def check_group(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def check_membership_change(
    kind: ConversationKind,
    actor_role: Role | None,
    *,
    actor: str,
    target: str,
    target_role: Role | None,
    adding: bool,
    member_count: int,
) -> None:
    """Owners add and remove members of groups; anyone may leave a group; directs never change."""
    require_member(actor_role)
    if kind is ConversationKind.DIRECT:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "a direct conversation's members are fixed")
    if adding:
        if actor_role is not Role.OWNER:
            raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner adds members")
        if target_role is not None:
            raise ProtocolViolation(ErrorCode.CONFLICT, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def check_edit_target(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")
