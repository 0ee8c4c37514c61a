"""Conversation rules: who may read, write, edit and change membership.

Pure functions over what the store knows (the actor's membership, the target event). The
store calls them inside its transaction, so a rule and the write it allows are atomic.

Outsiders learn nothing (G5): a non-member gets ``not_found``, exactly as for a conversation
that does not exist.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from pigeon.core.limits import is_blank
from pigeon.core.records import ConversationKind, Event, EventKind, Role
from pigeon.errors import ErrorCode, ProtocolViolation

MAX_GROUP_MEMBERS = 10_000
MAX_TITLE_CHARS = 200
# A user's conversations, so that a hello with a cursor for each fits its limits (Hello.cursors)
# however many groups others add them to.
MAX_CONVERSATIONS_PER_USER = 10_000
# Users one user may block.
MAX_BLOCKS = 10_000


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
    target_exists: bool,
    adding: bool,
    member_count: int,
) -> None:
    """Owners add and remove members of groups; anyone may leave a group; directs never change.
    A member trying to add an unknown handle is told so before anything else."""
    require_member(actor_role)
    if adding and not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
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


def check_joiner(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
    """May ``actor`` put ``joiner`` into one more conversation (a new group, an add, a new
    direct conversation; ``joiner`` may be the actor)?

    ``conversations`` is how many the joiner is in now, ``blocks_actor`` whether the joiner
    has blocked the actor. Someone else who blocked the actor, or who is in
    :data:`MAX_CONVERSATIONS_PER_USER` conversations, is ``not_found``, as an unknown handle
    is: the actor learns nothing about another user's blocks or conversations (G5).
    """
    if conversations < MAX_CONVERSATIONS_PER_USER and not (blocks_actor and joiner != actor):
        return
    if joiner == actor:
        raise ProtocolViolation(
            ErrorCode.TOO_LARGE, f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def check_block(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def next_owner(
    leaver_role: Role, owners_left: int, remaining: Iterable[tuple[int, str]]
) -> str | None:
    """Who becomes the owner when ``leaver`` leaves a group (or an owner removes themselves).

    A group keeps an owner while it has members: when its last owner leaves, the member who
    has been in it longest (the lowest seq of the event that added them, ties by handle)
    becomes the owner. ``remaining`` is ``(joined_seq, handle)`` of each member who stays,
    ``owners_left`` how many of them are owners. None when nobody is promoted.
    """
    if leaver_role is not Role.OWNER or owners_left > 0:
        return None
    longest = min(remaining, default=None)
    return longest[1] if longest is not None else None


def check_edit_target(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")
