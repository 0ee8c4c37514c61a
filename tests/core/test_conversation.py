"""Conversation rules: membership, roles, and who may edit what (G3, G5)."""

from __future__ import annotations

import re

import pytest

from pigeon.core.conversation import (
    MAX_BLOCKS,
    MAX_CONVERSATIONS_PER_USER,
    check_block,
    check_direct_peer,
    check_edit_target,
    check_group,
    check_joiner,
    check_membership_change,
    direct_key,
    new_conversation_id,
    next_owner,
    require_member,
)
from pigeon.core.records import ConversationKind, Event, EventKind, Role
from pigeon.errors import DEFAULT_MESSAGES, ErrorCode, ProtocolViolation
from tests.core.harness import CONV

DIRECT, GROUP = ConversationKind.DIRECT, ConversationKind.GROUP
OWNER, MEMBER = Role.OWNER, Role.MEMBER


def code_of(exc_info: pytest.ExceptionInfo[ProtocolViolation]) -> ErrorCode:
    return exc_info.value.code


def change(
    kind: ConversationKind = GROUP,
    actor_role: Role | None = OWNER,
    *,
    actor: str = "alice",
    target: str = "bob",
    target_role: Role | None = None,
    target_exists: bool = True,
    adding: bool = True,
    member_count: int = 2,
) -> None:
    check_membership_change(
        kind,
        actor_role,
        actor=actor,
        target=target,
        target_role=target_role,
        target_exists=target_exists,
        adding=adding,
        member_count=member_count,
    )


def refused(**kw: object) -> ErrorCode:
    with pytest.raises(ProtocolViolation) as info:
        change(**kw)  # type: ignore[arg-type]
    return info.value.code


class TestIds:
    """G3: one conversation id per log, and one direct conversation per pair of users."""

    def test_new_conversation_id_matches_the_wire_pattern(self) -> None:
        """New ids are accepted by the frames' ConvId pattern and do not repeat."""
        ids = {new_conversation_id() for _ in range(100)}
        assert len(ids) == 100
        assert all(re.fullmatch(r"c[0-9a-f]{16}", conv) for conv in ids)

    def test_direct_key_is_the_same_whoever_creates_it(self) -> None:
        """alice+bob and bob+alice name the same direct conversation."""
        assert direct_key("alice", "bob") == direct_key("bob", "alice")

    def test_direct_keys_of_different_pairs_differ(self) -> None:
        """The separator keeps pairs apart (ab+c is not a+bc)."""
        assert direct_key("ab", "c") != direct_key("a", "bc")


class TestMembership:
    """G5: only members read or write; outsiders are told nothing exists."""

    @pytest.mark.parametrize("role", [OWNER, MEMBER])
    def test_members_may_read_and_post(self, role: Role) -> None:
        """Any role is a member."""
        assert require_member(role) is role

    def test_non_member_gets_not_found(self) -> None:
        """A non-member gets the same generic not_found as a conversation that does not exist."""
        with pytest.raises(ProtocolViolation) as info:
            require_member(None)
        assert code_of(info) is ErrorCode.NOT_FOUND
        assert info.value.message == DEFAULT_MESSAGES[ErrorCode.NOT_FOUND]

    def test_direct_peer_must_be_another_user(self) -> None:
        """A direct conversation with oneself is bad_request."""
        with pytest.raises(ProtocolViolation) as info:
            check_direct_peer("alice", "alice", peer_exists=True)
        assert code_of(info) is ErrorCode.BAD_REQUEST

    def test_direct_peer_must_exist(self) -> None:
        """An unknown peer is not_found."""
        with pytest.raises(ProtocolViolation) as info:
            check_direct_peer("alice", "ghost", peer_exists=False)
        assert code_of(info) is ErrorCode.NOT_FOUND

    def test_direct_peer_ok(self) -> None:
        """Another existing user is fine."""
        check_direct_peer("alice", "bob", peer_exists=True)


class TestGroup:
    """G5/G6: group titles and sizes are bounded."""

    @pytest.mark.parametrize(
        "title",
        ["", "   ", "\u200b", "\ufeff\u200b", " \u3164 ", "x" * 201],
        ids=["empty", "spaces", "zwsp", "bom-zwsp", "hangul-filler", "too-long"],
    )
    def test_bad_title_is_bad_request(self, title: str) -> None:
        """A title with nothing visible, or one over the limit, is refused."""
        with pytest.raises(ProtocolViolation) as info:
            check_group(title, [])
        assert code_of(info) is ErrorCode.BAD_REQUEST

    def test_title_at_the_limit_is_accepted(self) -> None:
        """The limit is inclusive: 200 characters, as docs/PROTOCOL.md says."""
        check_group("x" * 200, ["bob"])

    def test_group_at_the_member_limit_is_accepted(self) -> None:
        """The creator plus 9,999 members fills the group of 10,000 exactly."""
        check_group("team", ["u"] * 9_999)

    def test_group_over_the_member_limit_is_too_large(self) -> None:
        """One member more is too_large."""
        with pytest.raises(ProtocolViolation) as info:
            check_group("team", ["u"] * 10_000)
        assert code_of(info) is ErrorCode.TOO_LARGE


class TestMembershipChange:
    """G3/G5: owners add and remove; anyone leaves a group; direct membership is fixed."""

    @pytest.mark.parametrize("adding", [True, False])
    def test_non_member_gets_not_found(self, adding: bool) -> None:
        """An outsider cannot add or remove, and learns nothing."""
        assert refused(actor_role=None, adding=adding) is ErrorCode.NOT_FOUND

    @pytest.mark.parametrize("adding", [True, False])
    @pytest.mark.parametrize("role", [OWNER, MEMBER])
    def test_direct_membership_is_fixed(self, role: Role, adding: bool) -> None:
        """Nobody adds to or leaves a direct conversation."""
        code = refused(kind=DIRECT, actor_role=role, adding=adding, target_role=MEMBER)
        assert code is ErrorCode.FORBIDDEN

    def test_owner_adds_a_member(self) -> None:
        """An owner may add a user who is not yet a member."""
        change(actor_role=OWNER, adding=True)

    @pytest.mark.parametrize("kind", [GROUP, DIRECT])
    @pytest.mark.parametrize("role", [OWNER, MEMBER])
    def test_adding_an_unknown_user_is_not_found(self, kind: ConversationKind, role: Role) -> None:
        """Any member adding a handle nobody has is told so, before any other rule."""
        assert refused(kind=kind, actor_role=role, target_exists=False) is ErrorCode.NOT_FOUND

    def test_an_outsider_adding_an_unknown_user_learns_nothing(self) -> None:
        """A non-member is not_found as for any change: the same answer, whoever the target."""
        assert refused(actor_role=None, target_exists=False) is ErrorCode.NOT_FOUND

    def test_only_owner_adds(self) -> None:
        """A plain member may not add."""
        assert refused(actor_role=MEMBER, adding=True) is ErrorCode.FORBIDDEN

    def test_adding_a_member_twice_is_conflict(self) -> None:
        """Adding someone already in the group is conflict."""
        assert refused(adding=True, target_role=MEMBER) is ErrorCode.CONFLICT

    def test_adding_past_the_member_limit_is_too_large(self) -> None:
        """A full group refuses one more member; one short of full accepts it."""
        change(adding=True, member_count=9_999)
        code = refused(adding=True, member_count=10_000)
        assert code is ErrorCode.TOO_LARGE

    @pytest.mark.parametrize("role", [OWNER, MEMBER])
    def test_anyone_may_remove_themselves(self, role: Role) -> None:
        """Leaving a group needs no role."""
        change(actor_role=role, actor="bob", target="bob", target_role=role, adding=False)

    def test_owner_removes_others(self) -> None:
        """An owner may remove another member."""
        change(actor_role=OWNER, target_role=MEMBER, adding=False)

    def test_removing_others_needs_owner(self) -> None:
        """A plain member may not remove someone else."""
        code = refused(actor_role=MEMBER, target_role=MEMBER, adding=False)
        assert code is ErrorCode.FORBIDDEN

    @pytest.mark.parametrize("role", [OWNER, MEMBER])
    def test_removing_a_non_member_is_not_found(self, role: Role) -> None:
        """Removing someone not in the group is not_found, whoever asks."""
        assert refused(actor_role=role, target_role=None, adding=False) is ErrorCode.NOT_FOUND


class TestJoiner:
    """G5/G4: nobody is put into a conversation by someone they block, or past the cap that
    keeps their hello within its limits; others learn neither (not_found)."""

    def test_a_user_with_room_who_does_not_block_the_actor_may_join(self) -> None:
        """One short of the cap is fine, for the actor and for others."""
        below = MAX_CONVERSATIONS_PER_USER - 1
        check_joiner("alice", "bob", conversations=below, blocks_actor=False)
        check_joiner("alice", "alice", conversations=below, blocks_actor=False)

    def test_a_user_who_blocks_the_actor_is_not_found(self) -> None:
        """The adder is told what an unknown handle gets."""
        with pytest.raises(ProtocolViolation) as info:
            check_joiner("mallory", "alice", conversations=0, blocks_actor=True)
        assert code_of(info) is ErrorCode.NOT_FOUND

    def test_the_actor_is_never_blocked_by_themselves(self) -> None:
        """A block names another user; the flag is ignored for the actor."""
        check_joiner("alice", "alice", conversations=0, blocks_actor=True)

    def test_someone_else_at_the_cap_is_not_found(self) -> None:
        """Another user's conversation count is theirs: the adder learns not_found."""
        with pytest.raises(ProtocolViolation) as info:
            check_joiner(
                "alice", "bob", conversations=MAX_CONVERSATIONS_PER_USER, blocks_actor=False
            )
        assert code_of(info) is ErrorCode.NOT_FOUND

    def test_the_actor_at_the_cap_is_too_large(self) -> None:
        """Users are told their own limit."""
        with pytest.raises(ProtocolViolation) as info:
            check_joiner(
                "alice", "alice", conversations=MAX_CONVERSATIONS_PER_USER, blocks_actor=False
            )
        assert code_of(info) is ErrorCode.TOO_LARGE


class TestBlock:
    """A block names an existing other user, up to MAX_BLOCKS of them."""

    def test_block_another_user(self) -> None:
        """The last block under the limit is accepted."""
        check_block("alice", "mallory", target_exists=True, blocks=MAX_BLOCKS - 1)

    def test_blocking_oneself_is_bad_request(self) -> None:
        """There is nothing to block."""
        with pytest.raises(ProtocolViolation) as info:
            check_block("alice", "alice", target_exists=True, blocks=0)
        assert code_of(info) is ErrorCode.BAD_REQUEST

    def test_blocking_an_unknown_user_is_not_found(self) -> None:
        """As everywhere for an unknown handle."""
        with pytest.raises(ProtocolViolation) as info:
            check_block("alice", "ghost", target_exists=False, blocks=0)
        assert code_of(info) is ErrorCode.NOT_FOUND

    def test_blocks_past_the_limit_are_too_large(self) -> None:
        """G6: the block list is bounded."""
        with pytest.raises(ProtocolViolation) as info:
            check_block("alice", "mallory", target_exists=True, blocks=MAX_BLOCKS)
        assert code_of(info) is ErrorCode.TOO_LARGE


class TestNextOwner:
    """G3: a group with members always has an owner; the successor is deterministic."""

    def test_last_owner_is_succeeded_by_the_longest_standing_member(self) -> None:
        """Lowest join seq wins, whatever the order given or the handles."""
        remaining = [(5, "aaron"), (1, "zoe"), (3, "bob")]
        assert next_owner(OWNER, 0, remaining) == "zoe"

    def test_ties_in_join_seq_go_to_the_first_handle(self) -> None:
        """Members added together (by the created event) are ordered by handle."""
        assert next_owner(OWNER, 0, [(1, "carol"), (1, "bob")]) == "bob"

    def test_nobody_is_promoted_when_an_owner_remains(self) -> None:
        """Another owner keeps the group."""
        assert next_owner(OWNER, 1, [(1, "bob")]) is None

    def test_nobody_is_promoted_when_a_member_leaves(self) -> None:
        """Only an owner's leaving can leave a group ownerless."""
        assert next_owner(MEMBER, 0, [(1, "bob")]) is None

    def test_an_empty_group_gets_no_owner(self) -> None:
        """The last one out leaves nobody to promote."""
        assert next_owner(OWNER, 0, []) is None


def message(sender: str = "alice", kind: EventKind = EventKind.MESSAGE) -> Event:
    return Event(conv=CONV, seq=3, kind=kind, sender=sender, ts=1, body="hi")


class TestEditTarget:
    """G3/G5: only the sender edits or deletes, and only a message."""

    @pytest.mark.parametrize("kind", [EventKind.EDIT, EventKind.DELETE])
    def test_sender_may_edit_or_delete_own_message(self, kind: EventKind) -> None:
        """The author of a message may edit or delete it."""
        check_edit_target("alice", message(), kind)

    def test_missing_target_is_not_found(self) -> None:
        """No event at target_seq: not_found."""
        with pytest.raises(ProtocolViolation) as info:
            check_edit_target("alice", None, EventKind.EDIT)
        assert code_of(info) is ErrorCode.NOT_FOUND

    @pytest.mark.parametrize(
        "kind",
        [
            EventKind.CREATED,
            EventKind.EDIT,
            EventKind.DELETE,
            EventKind.MEMBER_ADDED,
            EventKind.MEMBER_REMOVED,
        ],
    )
    def test_target_that_is_not_a_message_is_not_found(self, kind: EventKind) -> None:
        """Edits, deletions and membership events cannot themselves be edited or deleted."""
        with pytest.raises(ProtocolViolation) as info:
            check_edit_target("alice", message(kind=kind), EventKind.DELETE)
        assert code_of(info) is ErrorCode.NOT_FOUND

    @pytest.mark.parametrize("kind", [EventKind.EDIT, EventKind.DELETE])
    def test_someone_elses_message_is_forbidden(self, kind: EventKind) -> None:
        """A member may not edit or delete another member's message."""
        with pytest.raises(ProtocolViolation) as info:
            check_edit_target("bob", message(sender="alice"), kind)
        assert code_of(info) is ErrorCode.FORBIDDEN
        assert kind.value in info.value.message

    @pytest.mark.parametrize("kind", [EventKind.EDIT, EventKind.DELETE])
    def test_a_deleted_message_is_gone(self, kind: EventKind) -> None:
        """A deleted message can be neither edited nor deleted again: it is not_found."""
        with pytest.raises(ProtocolViolation) as info:
            check_edit_target("alice", message(), kind, deleted=True)
        assert code_of(info) is ErrorCode.NOT_FOUND
