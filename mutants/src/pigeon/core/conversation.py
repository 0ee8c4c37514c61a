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


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_x_new_conversation_id__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_new_conversation_id__mutmut)
def new_conversation_id() -> str:
    """A random id: unguessable, and it spreads conversations evenly over shards."""
    return "c" + secrets.token_hex(8)


def x_new_conversation_id__mutmut_orig() -> str:
    """A random id: unguessable, and it spreads conversations evenly over shards."""
    return "c" + secrets.token_hex(8)


def x_new_conversation_id__mutmut_1() -> str:
    """A random id: unguessable, and it spreads conversations evenly over shards."""
    return "c" - secrets.token_hex(8)


def x_new_conversation_id__mutmut_2() -> str:
    """A random id: unguessable, and it spreads conversations evenly over shards."""
    return "XXcXX" + secrets.token_hex(8)


def x_new_conversation_id__mutmut_3() -> str:
    """A random id: unguessable, and it spreads conversations evenly over shards."""
    return "C" + secrets.token_hex(8)


def x_new_conversation_id__mutmut_4() -> str:
    """A random id: unguessable, and it spreads conversations evenly over shards."""
    return "c" + secrets.token_hex(None)


def x_new_conversation_id__mutmut_5() -> str:
    """A random id: unguessable, and it spreads conversations evenly over shards."""
    return "c" + secrets.token_hex(9)

mutants_x_new_conversation_id__mutmut['_mutmut_orig'] = x_new_conversation_id__mutmut_orig # type: ignore # mutmut generated
mutants_x_new_conversation_id__mutmut['x_new_conversation_id__mutmut_1'] = x_new_conversation_id__mutmut_1 # type: ignore # mutmut generated
mutants_x_new_conversation_id__mutmut['x_new_conversation_id__mutmut_2'] = x_new_conversation_id__mutmut_2 # type: ignore # mutmut generated
mutants_x_new_conversation_id__mutmut['x_new_conversation_id__mutmut_3'] = x_new_conversation_id__mutmut_3 # type: ignore # mutmut generated
mutants_x_new_conversation_id__mutmut['x_new_conversation_id__mutmut_4'] = x_new_conversation_id__mutmut_4 # type: ignore # mutmut generated
mutants_x_new_conversation_id__mutmut['x_new_conversation_id__mutmut_5'] = x_new_conversation_id__mutmut_5 # type: ignore # mutmut generated
mutants_x_direct_key__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_direct_key__mutmut)
def direct_key(a: str, b: str) -> str:
    """The one key of the direct conversation between two users, whoever creates it."""
    low, high = sorted((a, b))
    return f"{low}\x00{high}"


def x_direct_key__mutmut_orig(a: str, b: str) -> str:
    """The one key of the direct conversation between two users, whoever creates it."""
    low, high = sorted((a, b))
    return f"{low}\x00{high}"


def x_direct_key__mutmut_1(a: str, b: str) -> str:
    """The one key of the direct conversation between two users, whoever creates it."""
    low, high = None
    return f"{low}\x00{high}"


def x_direct_key__mutmut_2(a: str, b: str) -> str:
    """The one key of the direct conversation between two users, whoever creates it."""
    low, high = sorted(None)
    return f"{low}\x00{high}"

mutants_x_direct_key__mutmut['_mutmut_orig'] = x_direct_key__mutmut_orig # type: ignore # mutmut generated
mutants_x_direct_key__mutmut['x_direct_key__mutmut_1'] = x_direct_key__mutmut_1 # type: ignore # mutmut generated
mutants_x_direct_key__mutmut['x_direct_key__mutmut_2'] = x_direct_key__mutmut_2 # type: ignore # mutmut generated
mutants_x_require_member__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_require_member__mutmut)
def require_member(role: Role | None) -> Role:
    """Any member may read and post; anyone else is told the conversation does not exist."""
    if role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    return role


def x_require_member__mutmut_orig(role: Role | None) -> Role:
    """Any member may read and post; anyone else is told the conversation does not exist."""
    if role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    return role


def x_require_member__mutmut_1(role: Role | None) -> Role:
    """Any member may read and post; anyone else is told the conversation does not exist."""
    if role is not None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    return role


def x_require_member__mutmut_2(role: Role | None) -> Role:
    """Any member may read and post; anyone else is told the conversation does not exist."""
    if role is None:
        raise ProtocolViolation(None)
    return role

mutants_x_require_member__mutmut['_mutmut_orig'] = x_require_member__mutmut_orig # type: ignore # mutmut generated
mutants_x_require_member__mutmut['x_require_member__mutmut_1'] = x_require_member__mutmut_1 # type: ignore # mutmut generated
mutants_x_require_member__mutmut['x_require_member__mutmut_2'] = x_require_member__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_direct_peer__mutmut)
def check_direct_peer(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "a direct conversation needs another user")
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_orig(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "a direct conversation needs another user")
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_1(me: str, peer: str, peer_exists: bool) -> None:
    if peer != me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "a direct conversation needs another user")
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_2(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(None, "a direct conversation needs another user")
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_3(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, None)
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_4(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation("a direct conversation needs another user")
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_5(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, )
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_6(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "XXa direct conversation needs another userXX")
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_7(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "A DIRECT CONVERSATION NEEDS ANOTHER USER")
    if not peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_8(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "a direct conversation needs another user")
    if peer_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)


def x_check_direct_peer__mutmut_9(me: str, peer: str, peer_exists: bool) -> None:
    if peer == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "a direct conversation needs another user")
    if not peer_exists:
        raise ProtocolViolation(None)

mutants_x_check_direct_peer__mutmut['_mutmut_orig'] = x_check_direct_peer__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_1'] = x_check_direct_peer__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_2'] = x_check_direct_peer__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_3'] = x_check_direct_peer__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_4'] = x_check_direct_peer__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_5'] = x_check_direct_peer__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_6'] = x_check_direct_peer__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_7'] = x_check_direct_peer__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_8'] = x_check_direct_peer__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_direct_peer__mutmut['x_check_direct_peer__mutmut_9'] = x_check_direct_peer__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_group__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_group__mutmut)
def check_group(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_orig(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_1(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) and len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_2(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(None) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_3(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) >= MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_4(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(None, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_5(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, None)
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_6(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_7(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, )
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_8(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) - 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_9(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 2 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_10(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 >= MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")


def x_check_group__mutmut_11(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(None, "too many members")


def x_check_group__mutmut_12(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, None)


def x_check_group__mutmut_13(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation("too many members")


def x_check_group__mutmut_14(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, )


def x_check_group__mutmut_15(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "XXtoo many membersXX")


def x_check_group__mutmut_16(title: str, members: list[str]) -> None:
    # A title of zero-width spaces or other invisible characters would show as a nameless group.
    if is_blank(title) or len(title) > MAX_TITLE_CHARS:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"a title has 1 to {MAX_TITLE_CHARS} chars")
    if len(members) + 1 > MAX_GROUP_MEMBERS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, "TOO MANY MEMBERS")

mutants_x_check_group__mutmut['_mutmut_orig'] = x_check_group__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_1'] = x_check_group__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_2'] = x_check_group__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_3'] = x_check_group__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_4'] = x_check_group__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_5'] = x_check_group__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_6'] = x_check_group__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_7'] = x_check_group__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_8'] = x_check_group__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_9'] = x_check_group__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_10'] = x_check_group__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_11'] = x_check_group__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_12'] = x_check_group__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_13'] = x_check_group__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_14'] = x_check_group__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_15'] = x_check_group__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_group__mutmut['x_check_group__mutmut_16'] = x_check_group__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_membership_change__mutmut)
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


def x_check_membership_change__mutmut_orig(
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


def x_check_membership_change__mutmut_1(
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
    require_member(None)
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


def x_check_membership_change__mutmut_2(
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
    if adding or not target_exists:
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


def x_check_membership_change__mutmut_3(
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
    if adding and target_exists:
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


def x_check_membership_change__mutmut_4(
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
        raise ProtocolViolation(None, "no such user")
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


def x_check_membership_change__mutmut_5(
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
        raise ProtocolViolation(ErrorCode.NOT_FOUND, None)
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


def x_check_membership_change__mutmut_6(
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
        raise ProtocolViolation("no such user")
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


def x_check_membership_change__mutmut_7(
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
        raise ProtocolViolation(ErrorCode.NOT_FOUND, )
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


def x_check_membership_change__mutmut_8(
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
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "XXno such userXX")
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


def x_check_membership_change__mutmut_9(
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
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "NO SUCH USER")
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


def x_check_membership_change__mutmut_10(
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
    if kind is not ConversationKind.DIRECT:
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


def x_check_membership_change__mutmut_11(
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
        raise ProtocolViolation(None, "a direct conversation's members are fixed")
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


def x_check_membership_change__mutmut_12(
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
        raise ProtocolViolation(ErrorCode.FORBIDDEN, None)
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


def x_check_membership_change__mutmut_13(
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
        raise ProtocolViolation("a direct conversation's members are fixed")
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


def x_check_membership_change__mutmut_14(
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
        raise ProtocolViolation(ErrorCode.FORBIDDEN, )
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


def x_check_membership_change__mutmut_15(
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
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "XXa direct conversation's members are fixedXX")
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


def x_check_membership_change__mutmut_16(
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
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "A DIRECT CONVERSATION'S MEMBERS ARE FIXED")
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


def x_check_membership_change__mutmut_17(
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
        if actor_role is Role.OWNER:
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


def x_check_membership_change__mutmut_18(
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
            raise ProtocolViolation(None, "only an owner adds members")
        if target_role is not None:
            raise ProtocolViolation(ErrorCode.CONFLICT, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_19(
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
            raise ProtocolViolation(ErrorCode.FORBIDDEN, None)
        if target_role is not None:
            raise ProtocolViolation(ErrorCode.CONFLICT, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_20(
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
            raise ProtocolViolation("only an owner adds members")
        if target_role is not None:
            raise ProtocolViolation(ErrorCode.CONFLICT, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_21(
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
            raise ProtocolViolation(ErrorCode.FORBIDDEN, )
        if target_role is not None:
            raise ProtocolViolation(ErrorCode.CONFLICT, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_22(
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
            raise ProtocolViolation(ErrorCode.FORBIDDEN, "XXonly an owner adds membersXX")
        if target_role is not None:
            raise ProtocolViolation(ErrorCode.CONFLICT, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_23(
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
            raise ProtocolViolation(ErrorCode.FORBIDDEN, "ONLY AN OWNER ADDS MEMBERS")
        if target_role is not None:
            raise ProtocolViolation(ErrorCode.CONFLICT, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_24(
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
        if target_role is None:
            raise ProtocolViolation(ErrorCode.CONFLICT, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_25(
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
            raise ProtocolViolation(None, "already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_26(
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
            raise ProtocolViolation(ErrorCode.CONFLICT, None)
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_27(
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
            raise ProtocolViolation("already a member")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_28(
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
            raise ProtocolViolation(ErrorCode.CONFLICT, )
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_29(
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
            raise ProtocolViolation(ErrorCode.CONFLICT, "XXalready a memberXX")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_30(
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
            raise ProtocolViolation(ErrorCode.CONFLICT, "ALREADY A MEMBER")
        if member_count + 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_31(
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
        if member_count - 1 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_32(
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
        if member_count + 2 > MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_33(
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
        if member_count + 1 >= MAX_GROUP_MEMBERS:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_34(
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
            raise ProtocolViolation(None, "too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_35(
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
            raise ProtocolViolation(ErrorCode.TOO_LARGE, None)
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_36(
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
            raise ProtocolViolation("too many members")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_37(
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
            raise ProtocolViolation(ErrorCode.TOO_LARGE, )
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_38(
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
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "XXtoo many membersXX")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_39(
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
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "TOO MANY MEMBERS")
        return
    if target_role is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_40(
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
    if target_role is not None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_41(
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
        raise ProtocolViolation(None)
    if target != actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_42(
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
    if target != actor or actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_43(
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
    if target == actor and actor_role is not Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_44(
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
    if target != actor and actor_role is Role.OWNER:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "only an owner removes others")


def x_check_membership_change__mutmut_45(
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
        raise ProtocolViolation(None, "only an owner removes others")


def x_check_membership_change__mutmut_46(
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
        raise ProtocolViolation(ErrorCode.FORBIDDEN, None)


def x_check_membership_change__mutmut_47(
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
        raise ProtocolViolation("only an owner removes others")


def x_check_membership_change__mutmut_48(
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
        raise ProtocolViolation(ErrorCode.FORBIDDEN, )


def x_check_membership_change__mutmut_49(
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
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "XXonly an owner removes othersXX")


def x_check_membership_change__mutmut_50(
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
        raise ProtocolViolation(ErrorCode.FORBIDDEN, "ONLY AN OWNER REMOVES OTHERS")

mutants_x_check_membership_change__mutmut['_mutmut_orig'] = x_check_membership_change__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_1'] = x_check_membership_change__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_2'] = x_check_membership_change__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_3'] = x_check_membership_change__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_4'] = x_check_membership_change__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_5'] = x_check_membership_change__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_6'] = x_check_membership_change__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_7'] = x_check_membership_change__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_8'] = x_check_membership_change__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_9'] = x_check_membership_change__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_10'] = x_check_membership_change__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_11'] = x_check_membership_change__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_12'] = x_check_membership_change__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_13'] = x_check_membership_change__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_14'] = x_check_membership_change__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_15'] = x_check_membership_change__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_16'] = x_check_membership_change__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_17'] = x_check_membership_change__mutmut_17 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_18'] = x_check_membership_change__mutmut_18 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_19'] = x_check_membership_change__mutmut_19 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_20'] = x_check_membership_change__mutmut_20 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_21'] = x_check_membership_change__mutmut_21 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_22'] = x_check_membership_change__mutmut_22 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_23'] = x_check_membership_change__mutmut_23 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_24'] = x_check_membership_change__mutmut_24 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_25'] = x_check_membership_change__mutmut_25 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_26'] = x_check_membership_change__mutmut_26 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_27'] = x_check_membership_change__mutmut_27 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_28'] = x_check_membership_change__mutmut_28 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_29'] = x_check_membership_change__mutmut_29 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_30'] = x_check_membership_change__mutmut_30 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_31'] = x_check_membership_change__mutmut_31 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_32'] = x_check_membership_change__mutmut_32 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_33'] = x_check_membership_change__mutmut_33 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_34'] = x_check_membership_change__mutmut_34 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_35'] = x_check_membership_change__mutmut_35 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_36'] = x_check_membership_change__mutmut_36 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_37'] = x_check_membership_change__mutmut_37 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_38'] = x_check_membership_change__mutmut_38 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_39'] = x_check_membership_change__mutmut_39 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_40'] = x_check_membership_change__mutmut_40 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_41'] = x_check_membership_change__mutmut_41 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_42'] = x_check_membership_change__mutmut_42 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_43'] = x_check_membership_change__mutmut_43 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_44'] = x_check_membership_change__mutmut_44 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_45'] = x_check_membership_change__mutmut_45 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_46'] = x_check_membership_change__mutmut_46 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_47'] = x_check_membership_change__mutmut_47 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_48'] = x_check_membership_change__mutmut_48 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_49'] = x_check_membership_change__mutmut_49 # type: ignore # mutmut generated
mutants_x_check_membership_change__mutmut['x_check_membership_change__mutmut_50'] = x_check_membership_change__mutmut_50 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_joiner__mutmut)
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


def x_check_joiner__mutmut_orig(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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


def x_check_joiner__mutmut_1(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
    """May ``actor`` put ``joiner`` into one more conversation (a new group, an add, a new
    direct conversation; ``joiner`` may be the actor)?

    ``conversations`` is how many the joiner is in now, ``blocks_actor`` whether the joiner
    has blocked the actor. Someone else who blocked the actor, or who is in
    :data:`MAX_CONVERSATIONS_PER_USER` conversations, is ``not_found``, as an unknown handle
    is: the actor learns nothing about another user's blocks or conversations (G5).
    """
    if conversations < MAX_CONVERSATIONS_PER_USER or not (blocks_actor and joiner != actor):
        return
    if joiner == actor:
        raise ProtocolViolation(
            ErrorCode.TOO_LARGE, f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_2(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
    """May ``actor`` put ``joiner`` into one more conversation (a new group, an add, a new
    direct conversation; ``joiner`` may be the actor)?

    ``conversations`` is how many the joiner is in now, ``blocks_actor`` whether the joiner
    has blocked the actor. Someone else who blocked the actor, or who is in
    :data:`MAX_CONVERSATIONS_PER_USER` conversations, is ``not_found``, as an unknown handle
    is: the actor learns nothing about another user's blocks or conversations (G5).
    """
    if conversations <= MAX_CONVERSATIONS_PER_USER and not (blocks_actor and joiner != actor):
        return
    if joiner == actor:
        raise ProtocolViolation(
            ErrorCode.TOO_LARGE, f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_3(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
    """May ``actor`` put ``joiner`` into one more conversation (a new group, an add, a new
    direct conversation; ``joiner`` may be the actor)?

    ``conversations`` is how many the joiner is in now, ``blocks_actor`` whether the joiner
    has blocked the actor. Someone else who blocked the actor, or who is in
    :data:`MAX_CONVERSATIONS_PER_USER` conversations, is ``not_found``, as an unknown handle
    is: the actor learns nothing about another user's blocks or conversations (G5).
    """
    if conversations < MAX_CONVERSATIONS_PER_USER and (blocks_actor and joiner != actor):
        return
    if joiner == actor:
        raise ProtocolViolation(
            ErrorCode.TOO_LARGE, f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_4(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
    """May ``actor`` put ``joiner`` into one more conversation (a new group, an add, a new
    direct conversation; ``joiner`` may be the actor)?

    ``conversations`` is how many the joiner is in now, ``blocks_actor`` whether the joiner
    has blocked the actor. Someone else who blocked the actor, or who is in
    :data:`MAX_CONVERSATIONS_PER_USER` conversations, is ``not_found``, as an unknown handle
    is: the actor learns nothing about another user's blocks or conversations (G5).
    """
    if conversations < MAX_CONVERSATIONS_PER_USER and not (blocks_actor or joiner != actor):
        return
    if joiner == actor:
        raise ProtocolViolation(
            ErrorCode.TOO_LARGE, f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_5(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
    """May ``actor`` put ``joiner`` into one more conversation (a new group, an add, a new
    direct conversation; ``joiner`` may be the actor)?

    ``conversations`` is how many the joiner is in now, ``blocks_actor`` whether the joiner
    has blocked the actor. Someone else who blocked the actor, or who is in
    :data:`MAX_CONVERSATIONS_PER_USER` conversations, is ``not_found``, as an unknown handle
    is: the actor learns nothing about another user's blocks or conversations (G5).
    """
    if conversations < MAX_CONVERSATIONS_PER_USER and not (blocks_actor and joiner == actor):
        return
    if joiner == actor:
        raise ProtocolViolation(
            ErrorCode.TOO_LARGE, f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_6(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
    """May ``actor`` put ``joiner`` into one more conversation (a new group, an add, a new
    direct conversation; ``joiner`` may be the actor)?

    ``conversations`` is how many the joiner is in now, ``blocks_actor`` whether the joiner
    has blocked the actor. Someone else who blocked the actor, or who is in
    :data:`MAX_CONVERSATIONS_PER_USER` conversations, is ``not_found``, as an unknown handle
    is: the actor learns nothing about another user's blocks or conversations (G5).
    """
    if conversations < MAX_CONVERSATIONS_PER_USER and not (blocks_actor and joiner != actor):
        return
    if joiner != actor:
        raise ProtocolViolation(
            ErrorCode.TOO_LARGE, f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_7(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
            None, f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_8(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
            ErrorCode.TOO_LARGE, None
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_9(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
            f"you are in {MAX_CONVERSATIONS_PER_USER} conversations"
        )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_10(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
            ErrorCode.TOO_LARGE, )
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")


def x_check_joiner__mutmut_11(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
    raise ProtocolViolation(None, "no such user")


def x_check_joiner__mutmut_12(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
    raise ProtocolViolation(ErrorCode.NOT_FOUND, None)


def x_check_joiner__mutmut_13(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
    raise ProtocolViolation("no such user")


def x_check_joiner__mutmut_14(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
    raise ProtocolViolation(ErrorCode.NOT_FOUND, )


def x_check_joiner__mutmut_15(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "XXno such userXX")


def x_check_joiner__mutmut_16(actor: str, joiner: str, *, conversations: int, blocks_actor: bool) -> None:
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
    raise ProtocolViolation(ErrorCode.NOT_FOUND, "NO SUCH USER")

mutants_x_check_joiner__mutmut['_mutmut_orig'] = x_check_joiner__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_1'] = x_check_joiner__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_2'] = x_check_joiner__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_3'] = x_check_joiner__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_4'] = x_check_joiner__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_5'] = x_check_joiner__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_6'] = x_check_joiner__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_7'] = x_check_joiner__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_8'] = x_check_joiner__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_9'] = x_check_joiner__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_10'] = x_check_joiner__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_11'] = x_check_joiner__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_12'] = x_check_joiner__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_13'] = x_check_joiner__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_14'] = x_check_joiner__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_15'] = x_check_joiner__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_joiner__mutmut['x_check_joiner__mutmut_16'] = x_check_joiner__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_block__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_block__mutmut)
def check_block(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_orig(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_1(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target != me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_2(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(None, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_3(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, None)
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_4(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation("you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_5(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, )
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_6(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "XXyou cannot block yourselfXX")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_7(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "YOU CANNOT BLOCK YOURSELF")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_8(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_9(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(None, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_10(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, None)
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_11(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation("no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_12(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, )
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_13(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "XXno such userXX")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_14(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "NO SUCH USER")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_15(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks > MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_16(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(None, f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_17(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, None)


def x_check_block__mutmut_18(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(f"at most {MAX_BLOCKS} blocks")


def x_check_block__mutmut_19(me: str, target: str, *, target_exists: bool, blocks: int) -> None:
    """Block adds from ``target``: an existing other user, up to :data:`MAX_BLOCKS` of them."""
    if target == me:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "you cannot block yourself")
    if not target_exists:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    if blocks >= MAX_BLOCKS:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, )

mutants_x_check_block__mutmut['_mutmut_orig'] = x_check_block__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_1'] = x_check_block__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_2'] = x_check_block__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_3'] = x_check_block__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_4'] = x_check_block__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_5'] = x_check_block__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_6'] = x_check_block__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_7'] = x_check_block__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_8'] = x_check_block__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_9'] = x_check_block__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_10'] = x_check_block__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_11'] = x_check_block__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_12'] = x_check_block__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_13'] = x_check_block__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_14'] = x_check_block__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_15'] = x_check_block__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_16'] = x_check_block__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_17'] = x_check_block__mutmut_17 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_18'] = x_check_block__mutmut_18 # type: ignore # mutmut generated
mutants_x_check_block__mutmut['x_check_block__mutmut_19'] = x_check_block__mutmut_19 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_next_owner__mutmut)
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


def x_next_owner__mutmut_orig(
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


def x_next_owner__mutmut_1(
    leaver_role: Role, owners_left: int, remaining: Iterable[tuple[int, str]]
) -> str | None:
    """Who becomes the owner when ``leaver`` leaves a group (or an owner removes themselves).

    A group keeps an owner while it has members: when its last owner leaves, the member who
    has been in it longest (the lowest seq of the event that added them, ties by handle)
    becomes the owner. ``remaining`` is ``(joined_seq, handle)`` of each member who stays,
    ``owners_left`` how many of them are owners. None when nobody is promoted.
    """
    if leaver_role is not Role.OWNER and owners_left > 0:
        return None
    longest = min(remaining, default=None)
    return longest[1] if longest is not None else None


def x_next_owner__mutmut_2(
    leaver_role: Role, owners_left: int, remaining: Iterable[tuple[int, str]]
) -> str | None:
    """Who becomes the owner when ``leaver`` leaves a group (or an owner removes themselves).

    A group keeps an owner while it has members: when its last owner leaves, the member who
    has been in it longest (the lowest seq of the event that added them, ties by handle)
    becomes the owner. ``remaining`` is ``(joined_seq, handle)`` of each member who stays,
    ``owners_left`` how many of them are owners. None when nobody is promoted.
    """
    if leaver_role is Role.OWNER or owners_left > 0:
        return None
    longest = min(remaining, default=None)
    return longest[1] if longest is not None else None


def x_next_owner__mutmut_3(
    leaver_role: Role, owners_left: int, remaining: Iterable[tuple[int, str]]
) -> str | None:
    """Who becomes the owner when ``leaver`` leaves a group (or an owner removes themselves).

    A group keeps an owner while it has members: when its last owner leaves, the member who
    has been in it longest (the lowest seq of the event that added them, ties by handle)
    becomes the owner. ``remaining`` is ``(joined_seq, handle)`` of each member who stays,
    ``owners_left`` how many of them are owners. None when nobody is promoted.
    """
    if leaver_role is not Role.OWNER or owners_left >= 0:
        return None
    longest = min(remaining, default=None)
    return longest[1] if longest is not None else None


def x_next_owner__mutmut_4(
    leaver_role: Role, owners_left: int, remaining: Iterable[tuple[int, str]]
) -> str | None:
    """Who becomes the owner when ``leaver`` leaves a group (or an owner removes themselves).

    A group keeps an owner while it has members: when its last owner leaves, the member who
    has been in it longest (the lowest seq of the event that added them, ties by handle)
    becomes the owner. ``remaining`` is ``(joined_seq, handle)`` of each member who stays,
    ``owners_left`` how many of them are owners. None when nobody is promoted.
    """
    if leaver_role is not Role.OWNER or owners_left > 1:
        return None
    longest = min(remaining, default=None)
    return longest[1] if longest is not None else None


def x_next_owner__mutmut_5(
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
    longest = None
    return longest[1] if longest is not None else None


def x_next_owner__mutmut_6(
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
    longest = min(None, default=None)
    return longest[1] if longest is not None else None


def x_next_owner__mutmut_7(
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
    longest = min(default=None)
    return longest[1] if longest is not None else None


def x_next_owner__mutmut_8(
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
    longest = min(remaining, )
    return longest[1] if longest is not None else None


def x_next_owner__mutmut_9(
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
    return longest[1] if (longest is not None) and False else None


def x_next_owner__mutmut_10(
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
    return longest[1] if (longest is not None) or True else None


def x_next_owner__mutmut_11(
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
    return longest[2] if longest is not None else None


def x_next_owner__mutmut_12(
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
    return longest[1] if longest is None else None

mutants_x_next_owner__mutmut['_mutmut_orig'] = x_next_owner__mutmut_orig # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_1'] = x_next_owner__mutmut_1 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_2'] = x_next_owner__mutmut_2 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_3'] = x_next_owner__mutmut_3 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_4'] = x_next_owner__mutmut_4 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_5'] = x_next_owner__mutmut_5 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_6'] = x_next_owner__mutmut_6 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_7'] = x_next_owner__mutmut_7 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_8'] = x_next_owner__mutmut_8 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_9'] = x_next_owner__mutmut_9 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_10'] = x_next_owner__mutmut_10 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_11'] = x_next_owner__mutmut_11 # type: ignore # mutmut generated
mutants_x_next_owner__mutmut['x_next_owner__mutmut_12'] = x_next_owner__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_edit_target__mutmut)
def check_edit_target(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_orig(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_1(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = True
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_2(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE and deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_3(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None and target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_4(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is not None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_5(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_6(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(None, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_7(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, None)
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_8(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation("no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_9(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, )
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_10(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "XXno such messageXX")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_11(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "NO SUCH MESSAGE")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_12(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender == actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_13(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(None, f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_14(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, None)


def x_check_edit_target__mutmut_15(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(f"only the sender may {kind.value} a message")


def x_check_edit_target__mutmut_16(
    actor: str, target: Event | None, kind: EventKind, *, deleted: bool = False
) -> None:
    """Only the sender edits or deletes a message, and only a message that is not deleted
    (a deleted message is gone: it is answered like one that never existed)."""
    if target is None or target.kind is not EventKind.MESSAGE or deleted:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such message")
    if target.sender != actor:
        raise ProtocolViolation(ErrorCode.FORBIDDEN, )

mutants_x_check_edit_target__mutmut['_mutmut_orig'] = x_check_edit_target__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_1'] = x_check_edit_target__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_2'] = x_check_edit_target__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_3'] = x_check_edit_target__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_4'] = x_check_edit_target__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_5'] = x_check_edit_target__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_6'] = x_check_edit_target__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_7'] = x_check_edit_target__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_8'] = x_check_edit_target__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_9'] = x_check_edit_target__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_10'] = x_check_edit_target__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_11'] = x_check_edit_target__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_12'] = x_check_edit_target__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_13'] = x_check_edit_target__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_14'] = x_check_edit_target__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_15'] = x_check_edit_target__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_edit_target__mutmut['x_check_edit_target__mutmut_16'] = x_check_edit_target__mutmut_16 # type: ignore # mutmut generated
