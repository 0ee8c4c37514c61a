"""Sequencing: gap detection, exactly-once in-order delivery, resume checks, read positions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from pigeon.core.records import Event
from pigeon.core.sequencing import (
    Timeline,
    check_epoch,
    check_resume,
    merge_position,
    page_window,
    stale_cursors,
)
from pigeon.errors import ErrorCode, ProtocolViolation
from tests.core.harness import event, examples

A = "c000000000000000a"
B = "c000000000000000b"
C = "c000000000000000c"


def seqs(events: list[Event]) -> list[int]:
    return [e.seq for e in events]


class TestTimeline:
    """G4: pushes (lossy, duplicated, reordered) plus pulls become exactly-once, in-order."""

    def test_in_order_events_are_delivered_at_once(self) -> None:
        """Each next event is delivered as it arrives, and the cursor follows."""
        t = Timeline()
        assert seqs(t.observe(event(1, A))) == [1]
        assert seqs(t.observe(event(2, A))) == [2]
        assert t.cursor(A) == 2
        assert t.wanted() == {}

    def test_duplicates_are_dropped(self) -> None:
        """An event at or below the cursor is never delivered twice."""
        t = Timeline()
        t.observe(event(1, A))
        t.observe(event(2, A))
        assert t.observe(event(2, A)) == []
        assert t.observe(event(1, A)) == []
        assert t.cursor(A) == 2

    def test_out_of_order_events_are_buffered_then_released_in_order(self) -> None:
        """Events past a gap wait; the event filling it releases the whole run."""
        t = Timeline()
        assert t.observe(event(3, A)) == []
        assert t.observe(event(2, A)) == []
        assert t.observe(event(5, A)) == []
        assert seqs(t.observe(event(1, A))) == [1, 2, 3]
        assert t.cursor(A) == 3
        assert seqs(t.observe(event(4, A))) == [4, 5]

    def test_buffered_duplicate_is_delivered_once(self) -> None:
        """The same early event seen twice is released once."""
        t = Timeline()
        t.observe(event(2, A))
        t.observe(event(2, A))
        assert seqs(t.observe(event(1, A))) == [1, 2]

    def test_gap_is_reported_by_wanted_until_filled(self) -> None:
        """A gap shows in wanted() as the cursor to pull after, until it is filled."""
        t = Timeline()
        t.observe(event(1, A))
        t.observe(event(4, A))
        assert t.wanted() == {A: 1}
        t.observe(event(2, A))
        assert t.wanted() == {A: 2}
        t.observe(event(3, A))
        assert t.wanted() == {}
        assert t.cursor(A) == 4

    def test_note_last_seq_reports_events_never_pushed(self) -> None:
        """A log end learnt from a welcome or a page makes the conversation wanted."""
        t = Timeline({A: 2})
        t.note_last_seq(A, 5)
        t.note_last_seq(A, 3)  # an older end never moves the known end back
        t.note_last_seq(B, 0)
        assert t.wanted() == {A: 2}

    def test_a_conversation_with_only_seq_1_is_wanted_from_0(self) -> None:
        """A conversation just created (its only event is seq 1) and never pushed is pulled
        from the start: a cursor that is not known counts as 0."""
        t = Timeline()
        t.note_last_seq(A, 1)
        assert t.cursor(A) == 0
        assert t.wanted() == {A: 0}
        assert t.observe(event(1, A)) == [event(1, A)]
        assert t.wanted() == {}

    def test_forgetting_an_unknown_conversation_is_a_no_op(self) -> None:
        """A client may forget a conversation it never saw an event of (removed while away)."""
        t = Timeline({A: 3})
        t.forget(B)
        assert t.cursors() == {A: 3}

    def test_conversations_are_independent(self) -> None:
        """A gap in one conversation holds nothing back in another."""
        t = Timeline()
        t.observe(event(2, A))
        assert seqs(t.observe(event(1, B))) == [1]
        assert t.wanted() == {A: 0}
        assert t.cursors() == {B: 1}

    def test_initial_cursors_are_respected(self) -> None:
        """Starting from saved cursors, older events are duplicates and the next is delivered."""
        t = Timeline({A: 3})
        assert t.observe(event(3, A)) == []
        assert seqs(t.observe(event(4, A))) == [4]
        assert t.cursors() == {A: 4}

    def test_cursors_returns_a_copy(self) -> None:
        """Mutating the returned cursors does not move the timeline."""
        t = Timeline({A: 1})
        t.cursors()[A] = 9
        assert t.cursor(A) == 1

    def test_max_ahead_bounds_the_buffer_and_pull_recovers(self) -> None:
        """Beyond max_ahead, early events are dropped, still wanted, and pulled later."""
        t = Timeline(max_ahead=2)
        for seq in (2, 3, 4, 5):
            t.observe(event(seq, A))
        assert t.wanted() == {A: 0}
        assert seqs(t.observe(event(1, A))) == [1, 2, 3]
        assert t.wanted() == {A: 3}
        assert seqs(t.observe(event(4, A))) == [4]
        assert seqs(t.observe(event(5, A))) == [5]
        assert t.wanted() == {}

    def test_by_default_1000_events_wait_ahead_of_a_gap(self) -> None:
        """The default buffer holds 1,000 events past a gap; the 1,001st is left to a pull."""
        t = Timeline()
        for seq in range(2, 1003):
            t.observe(event(seq, A))
        assert seqs(t.observe(event(1, A))) == list(range(1, 1002))
        assert t.wanted() == {A: 1001}

    @settings(max_examples=examples(200))
    @given(st.permutations(range(1, 9)), st.booleans())
    def test_any_arrival_order_is_delivered_in_order_as_soon_as_possible(
        self, order: list[int], twice: bool
    ) -> None:
        """Whatever the arrival order (and with each push repeated), each event is delivered
        once, in order, as soon as everything before it has arrived."""
        t = Timeline()
        delivered: list[int] = []
        seen: set[int] = set()
        for seq in order:
            for _ in range(2 if twice else 1):
                delivered += seqs(t.observe(event(seq, A)))
            seen.add(seq)
            contiguous = 0
            while contiguous + 1 in seen:
                contiguous += 1
            assert delivered == list(range(1, contiguous + 1))
        assert t.wanted() == {}

    def test_forget_drops_one_conversation(self) -> None:
        """A conversation the user left leaves no cursor, gap or wanted pull; others stay."""
        t = Timeline({A: 3, B: 2})
        t.observe(event(6, A))
        t.forget(A)
        assert t.cursors() == {B: 2}
        assert t.wanted() == {}
        assert seqs(t.observe(event(1, A))) == [1]

    def test_reset_forgets_everything(self) -> None:
        """After resync_required, the timeline starts from seq 0."""
        t = Timeline({A: 3})
        t.observe(event(6, A))
        t.reset()
        assert t.cursors() == {}
        assert t.wanted() == {}
        assert t.observe(event(6, A)) == []
        assert seqs(t.observe(event(1, A))) == [1]


class TestCheckResume:
    """G4/G5: a reconnecting client learns what it is behind on, or that it must resync."""

    def test_conversations_with_newer_events_are_behind(self) -> None:
        """Each conversation whose log passed the client's cursor is listed with its last seq."""
        behind = check_resume(
            store_epoch="e1",
            client_epoch="e1",
            cursors={A: 3, B: 5},
            last_seqs={A: 7, B: 5},
        )
        assert behind == {A: 7}

    def test_conversation_without_cursor_counts_from_zero(self) -> None:
        """A conversation the client has no cursor for is behind if it has any event."""
        behind = check_resume(
            store_epoch="e1", client_epoch="e1", cursors={}, last_seqs={A: 2, B: 0}
        )
        assert behind == {A: 2}

    def test_no_epoch_means_everything_is_behind(self) -> None:
        """A client without an epoch (first connect) ignores its cursors and pulls everything."""
        behind = check_resume(
            store_epoch="e1", client_epoch=None, cursors={A: 9, B: 9}, last_seqs={A: 7, B: 1}
        )
        assert behind == {A: 7, B: 1}

    def test_epoch_mismatch_is_resync_required(self) -> None:
        """Cursors from another epoch (a restored store) are refused with resync_required."""
        with pytest.raises(ProtocolViolation) as info:
            check_resume(store_epoch="e2", client_epoch="e1", cursors={}, last_seqs={A: 1})
        assert info.value.code is ErrorCode.RESYNC_REQUIRED

    def test_a_request_naming_another_epoch_is_resync_required(self) -> None:
        """An HTTP page request names the epoch its seqs are from: another one is refused,
        the store's own or none passes."""
        check_epoch("e1", "e1")
        check_epoch("e1", None)
        with pytest.raises(ProtocolViolation) as info:
            check_epoch("e2", "e1")
        assert info.value.code is ErrorCode.RESYNC_REQUIRED

    def test_cursor_past_the_end_is_resync_required(self) -> None:
        """A cursor beyond the log's end is a future the store lost: resync_required."""
        with pytest.raises(ProtocolViolation) as info:
            check_resume(store_epoch="e1", client_epoch="e1", cursors={A: 8}, last_seqs={A: 7})
        assert info.value.code is ErrorCode.RESYNC_REQUIRED
        assert A not in info.value.message  # the detail goes to logs only

    def test_cursors_for_unknown_conversations_are_ignored(self) -> None:
        """Cursors for conversations the user is not in reveal and change nothing."""
        behind = check_resume(
            store_epoch="e1", client_epoch="e1", cursors={B: 10**9}, last_seqs={A: 1}
        )
        assert behind == {A: 1}


class TestStaleCursors:
    """G4/G5: a client learns which of its cursors name no conversation of its user's, so its
    hellos stay within 10,000 cursors; it learns nothing a not_found would not tell it."""

    def test_cursors_of_conversations_the_user_is_not_in_are_stale(self) -> None:
        """Listed sorted; the user's own conversations are not."""
        stale = stale_cursors(client_epoch="e1", cursors={B: 4, A: 1, C: 2}, last_seqs={A: 1})
        assert stale == sorted([B, C])

    def test_ignored_cursors_are_never_stale(self) -> None:
        """Without an epoch the cursors are not used, so nothing is said about them."""
        assert stale_cursors(client_epoch=None, cursors={B: 4}, last_seqs={A: 1}) == []


class TestMergePosition:
    """G3: read positions only move forward (max-merge), and never past the log's end."""

    @pytest.mark.parametrize(
        ("current", "proposed", "last_seq", "expected"),
        [
            (3, 5, 10, 5),  # forward
            (5, 3, 10, 5),  # never backwards
            (3, 50, 10, 10),  # clamped to the end of the log
            (3, 3, 10, 3),  # no move
            (0, 0, 0, 0),  # empty log
            (4, 99, 4, 4),  # already at the end
        ],
    )
    def test_merge(self, current: int, proposed: int, last_seq: int, expected: int) -> None:
        """max(current, min(proposed, last_seq))."""
        assert merge_position(current, proposed, last_seq) == expected


def page_by_filtering(
    last_seq: int, after: int | None, before: int | None, limit: int
) -> tuple[list[int], bool]:
    """The page as a store that filters and sorts the whole log would give it."""
    log = list(range(1, last_seq + 1))
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        page = [s for s in log if after < s <= upper][:limit]
        return page, (page[-1] if page else after) < upper
    page = [s for s in log if s <= upper][-limit:]
    return page, (page[0] if page else upper + 1) > 1


class TestPageWindow:
    """G3: a history page is a range of seqs, the same whatever store serves it."""

    @pytest.mark.parametrize(
        ("last_seq", "after", "before", "limit", "expected"),
        [
            (10, 3, None, 4, (4, 7, True)),  # ascending, more after
            (10, 0, None, 4, (1, 4, True)),  # after 0: from seq 1, the log's first event
            (10, 7, None, 4, (8, 10, False)),  # reaches the end
            (10, None, 6, 3, (3, 5, True)),  # before 6: the latest three
            (10, None, 3, 5, (1, 2, False)),  # reaches the start
            (10, None, None, 2, (9, 10, True)),  # the latest page
            (6, 6, None, 10, (7, 6, False)),  # past the end: empty
            (6, None, 1, 10, (1, 0, False)),  # before the start: empty
            (0, None, None, 10, (1, 0, False)),  # empty log
        ],
    )
    def test_window(
        self,
        last_seq: int,
        after: int | None,
        before: int | None,
        limit: int,
        expected: tuple[int, int, bool],
    ) -> None:
        """first..last inclusive, and whether the log goes on that way."""
        assert page_window(last_seq, after=after, before=before, limit=limit) == expected

    @given(
        st.integers(0, 40),
        st.none() | st.integers(0, 45),
        st.none() | st.integers(1, 45),
        st.integers(1, 50),
    )
    @settings(max_examples=examples(500))
    def test_window_is_the_filtered_log(
        self, last_seq: int, after: int | None, before: int | None, limit: int
    ) -> None:
        """The window equals filtering, sorting and limiting the whole log."""
        first, last, more = page_window(last_seq, after=after, before=before, limit=limit)
        assert (list(range(first, last + 1)), more) == page_by_filtering(
            last_seq, after, before, limit
        )


CONVS = (A, B)


class TimelineMachine(RuleBasedStateMachine):
    """A model log per conversation, delivered by lossy, duplicating, reordering pushes and
    by pulls of pages after the timeline's cursor."""

    def __init__(self) -> None:
        super().__init__()
        self.timeline = Timeline()
        self.log: dict[str, list[Event]] = {conv: [] for conv in CONVS}
        self.delivered: dict[str, list[Event]] = {conv: [] for conv in CONVS}
        self.in_flight: list[Event] = []  # pushes not yet delivered or dropped
        self.seen: dict[str, set[int]] = {conv: set() for conv in CONVS}

    @initialize(
        max_ahead=st.sampled_from([10_000, 3, 1]),
        # From 1: a conversation just created has one event (seq 1), and must be pulled too.
        sizes=st.lists(st.integers(1, 8), min_size=len(CONVS), max_size=len(CONVS)),
    )
    def start(self, max_ahead: int, sizes: list[int]) -> None:
        """A log of N events per conversation, each with a push in flight. A small buffer
        exercises the max_ahead bound; a large one never drops what it has seen."""
        self.timeline = Timeline(max_ahead=max_ahead)
        for conv, size in zip(CONVS, sizes, strict=True):
            for _ in range(size):
                self.commit(conv, 1)

    def _observe(self, ev: Event) -> None:
        self.seen[ev.conv].add(ev.seq)
        for out in self.timeline.observe(ev):
            self.delivered[out.conv].append(out)

    def _pull(self, conv: str, limit: int) -> None:
        """history(after=cursor, limit): a page, plus the log end it reports."""
        cursor = self.timeline.cursor(conv)
        page = self.log[conv][cursor : cursor + limit]
        self.timeline.note_last_seq(conv, len(self.log[conv]))
        for ev in page:
            self._observe(ev)

    @rule(conv=st.sampled_from(CONVS), copies=st.sampled_from([1, 0, 2]))
    def commit(self, conv: str, copies: int) -> None:
        """An event commits; the bus carries 0, 1 or 2 pushes of it."""
        ev = event(len(self.log[conv]) + 1, conv)
        self.log[conv].append(ev)
        self.in_flight.extend([ev] * copies)

    @precondition(lambda self: self.in_flight)
    @rule(data=st.data(), keep=st.booleans())
    def deliver_push(self, data: st.DataObject, keep: bool) -> None:
        """Any pending push arrives, newest first by default (reordering); it may arrive
        again later (duplication)."""
        i = len(self.in_flight) - 1 - data.draw(st.integers(0, len(self.in_flight) - 1))
        ev = self.in_flight[i] if keep else self.in_flight.pop(i)
        self._observe(ev)

    @precondition(lambda self: len(self.in_flight) > 1)
    @rule(data=st.data())
    def deliver_all_shuffled(self, data: st.DataObject) -> None:
        """Every pending push arrives, in any order."""
        order = data.draw(st.permutations(self.in_flight))
        self.in_flight = []
        for ev in order:
            self._observe(ev)

    @precondition(lambda self: self.in_flight)
    @rule(data=st.data())
    def drop_push(self, data: st.DataObject) -> None:
        """The bus loses a push."""
        self.in_flight.pop(data.draw(st.integers(0, len(self.in_flight) - 1)))

    @rule(conv=st.sampled_from(CONVS), limit=st.integers(1, 4))
    def pull(self, conv: str, limit: int) -> None:
        """A page after the cursor, as the SDK pulls when it sees a gap."""
        self._pull(conv, limit)

    @rule()
    def reconnect_and_catch_up(self) -> None:
        """A welcome reports every log's end; pulling what is wanted delivers everything."""
        for conv in CONVS:
            self.timeline.note_last_seq(conv, len(self.log[conv]))
        while wanted := self.timeline.wanted():
            for conv in wanted:
                self._pull(conv, 2)
        assert self.delivered == self.log

    @invariant()
    def delivered_is_a_prefix_of_the_log_without_duplicates(self) -> None:
        for conv in CONVS:
            got = self.delivered[conv]
            assert got == self.log[conv][: len(got)]
            assert self.timeline.cursor(conv) == len(got)

    @invariant()
    def wanted_points_at_cursors(self) -> None:
        for conv, cursor in self.timeline.wanted().items():
            assert cursor == self.timeline.cursor(conv) < len(self.log[conv])

    @invariant()
    def nothing_seen_is_held_back_without_need(self) -> None:
        """With room to buffer, every event seen after a contiguous run is delivered at once."""
        if self.timeline.max_ahead < 10_000:
            return
        for conv in CONVS:
            contiguous = 0
            while contiguous + 1 in self.seen[conv]:
                contiguous += 1
            assert len(self.delivered[conv]) == contiguous

    def teardown(self) -> None:
        self.reconnect_and_catch_up()


TimelineMachine.TestCase.settings = settings(max_examples=200, stateful_step_count=40)


class TestTimelineStateful(TimelineMachine.TestCase):  # type: ignore[misc,valid-type]
    """G4: whatever pushes are lost, duplicated or reordered, delivery is exactly-once, in order."""
