"""The SDK's delivery state (sans network): G4's exactly-once, in order, bounded memory."""

from __future__ import annotations

import json
from pathlib import Path

from pigeon.core.frames import Send
from pigeon.core.records import AppendResult, Event, EventKind
from pigeon.sdk.sync import Resynced, Sync, SyncState, load_state, save_state

CONV = "c0000000000000001"
OTHER = "c0000000000000002"


def ev(seq: int, conv: str = CONV) -> Event:
    return Event(conv=conv, seq=seq, kind=EventKind.MESSAGE, sender="a", ts=seq, body=str(seq))


def drain(sync: Sync) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    while (item := sync.take_nowait()) is not None:
        assert isinstance(item, Event)
        out.append((item.conv, item.seq))
    return out


class TestDelivery:
    """Pushes and pulls become one stream, each event once and in seq order (G4)."""

    def test_duplicates_and_reordering(self) -> None:
        """Repeated and early pushes are delivered once, in order, once the gap is pulled."""
        sync = Sync()
        sync.welcome("e1", {CONV: 1})
        for seq in (3, 3, 4):
            sync.pushed(ev(seq))
        assert drain(sync) == []
        assert sync.pulls_to_start() == [(CONV, 0)]
        assert sync.pulls_to_start() == []  # one pull in flight per conversation
        sync.pulled(CONV, [ev(1), ev(2)], last_seq=4)
        assert drain(sync) == [(CONV, 1), (CONV, 2), (CONV, 3), (CONV, 4)]
        sync.pushed(ev(2))
        assert drain(sync) == []

    def test_full_buffer_drops_pushes_and_pulls_them_later(self) -> None:
        """Past max_buffered, pushes are only noted; once the app makes room they are pulled."""
        sync = Sync(max_buffered=2, page_size=10)
        sync.welcome("e1", {})
        for seq in (1, 2, 3, 4):
            sync.pushed(ev(seq))
        assert sync.buffered() == 2 and sync.dropped_pushes == 2
        assert sync.pulls_to_start() == []  # no room: no pull
        assert drain(sync) == [(CONV, 1), (CONV, 2)]
        assert sync.pulls_to_start() == [(CONV, 2)]
        sync.pulled(CONV, [ev(3), ev(4)], last_seq=4)
        assert drain(sync) == [(CONV, 3), (CONV, 4)]
        assert sync.pulls_to_start() == []

    def test_lagged_recheck_notes_log_ends(self) -> None:
        """A conversation list after `lagged` makes the missed conversations wanted."""
        sync = Sync()
        sync.welcome("e1", {})
        sync.note_last_seqs({CONV: 3, OTHER: 0})
        assert sync.pulls_to_start() == [(CONV, 0)]

    def test_not_found_stops_pulling(self) -> None:
        """After removal from a conversation (not_found), it is not pulled again."""
        sync = Sync()
        sync.welcome("e1", {CONV: 5})
        assert sync.pulls_to_start() == [(CONV, 0)]
        sync.pull_failed(CONV, gone=True)
        assert sync.pulls_to_start() == []
        sync.pull_failed(CONV, gone=False)

    def test_empty_page_below_belief_does_not_loop(self) -> None:
        """A log shorter than believed is not pulled forever."""
        sync = Sync()
        sync.welcome("e1", {CONV: 5})
        assert sync.pulls_to_start() == [(CONV, 0)]
        sync.pulled(CONV, [], last_seq=0)
        assert sync.pulls_to_start() == []


class TestAcks:
    """D60: the ack of our own write is its delivery on the connection that sent it."""

    @staticmethod
    def acked(sync: Sync, seq: int, *, duplicate: bool = False) -> None:
        write = Send(id=1, conv=CONV, client_msg_id=f"m{seq}", body="mine")
        result = AppendResult(
            conv=CONV, seq=seq, ts=seq, client_msg_id=f"m{seq}", duplicate=duplicate
        )
        sync.acked(write, result)

    def test_a_fresh_ack_is_delivered_as_our_event(self) -> None:
        sync = Sync()
        sync.welcome("e1", {}, user="alice")
        sync.pushed(ev(1))
        self.acked(sync, 2)
        item = sync.take_nowait()
        assert isinstance(item, Event) and item.seq == 1
        item = sync.take_nowait()
        assert isinstance(item, Event)
        assert (item.seq, item.sender, item.body, item.client_msg_id) == (2, "alice", "mine", "m2")
        sync.pushed(item)  # the push, had it come too: a duplicate
        assert drain(sync) == []

    def test_an_ack_past_the_cursor_is_a_gap_that_the_pull_fills(self) -> None:
        """Earlier events are pushed later, or not at all: hold ours, pull from the cursor."""
        sync = Sync()
        sync.welcome("e1", {}, user="alice")
        sync.pushed(ev(1))
        self.acked(sync, 4)
        assert drain(sync) == [(CONV, 1)]
        assert sync.pulls_to_start() == [(CONV, 1)]
        sync.pushed(ev(2))  # a push may still come first
        sync.pulled(CONV, [ev(2), ev(3), ev(4)], last_seq=4)
        assert drain(sync) == [(CONV, 2), (CONV, 3), (CONV, 4)]
        assert sync.pulls_to_start() == []

    def test_a_duplicate_ack_is_pulled_if_past_the_cursor(self) -> None:
        """Its event was stored by an earlier attempt whose ack was lost."""
        sync = Sync()
        sync.welcome("e1", {}, user="alice")
        self.acked(sync, 1, duplicate=True)
        assert drain(sync) == []
        assert sync.pulls_to_start() == [(CONV, 0)]
        sync.pulled(CONV, [ev(1)], last_seq=1)
        self.acked(sync, 1, duplicate=True)
        assert drain(sync) == [(CONV, 1)]
        assert sync.pulls_to_start() == []


class TestPositions:
    """Consumed positions, resync, and the state file."""

    def test_consumed_lags_received_until_the_next_take(self) -> None:
        """An event counts as consumed when the next one is taken."""
        sync = Sync()
        sync.welcome("e1", {})
        sync.pushed(ev(1))
        sync.pushed(ev(2))
        assert sync.take_nowait() == ev(1)
        assert sync.state().cursors == {}
        assert sync.take_nowait() == ev(2)
        assert sync.state() == SyncState(epoch="e1", cursors={CONV: 1})
        sync.consume_in_hand()
        assert sync.state().cursors == {CONV: 2}
        assert sync.hello_position() == ("e1", {CONV: 2})

    def test_a_left_conversation_leaves_the_hello_and_the_saved_state(self) -> None:
        """Once the app has our member_removed, its cursor is gone from the hello and the
        state file, so a user who left many groups still fits a hello (10,000 cursors); if
        added again, the conversation is read from seq 1."""
        sync = Sync(SyncState(epoch="e1", cursors={CONV: 1, OTHER: 4}))
        sync.welcome("e1", {}, "me")
        left = Event(
            conv=CONV, seq=2, kind=EventKind.MEMBER_REMOVED, sender="me", ts=2, members=("me",)
        )
        sync.pushed(left)
        assert sync.hello_position() == ("e1", {OTHER: 4})
        assert sync.take_nowait() == left
        sync.consume_in_hand()
        assert sync.state() == SyncState(epoch="e1", cursors={OTHER: 4})
        assert sync.pulls_to_start() == []
        added = Event(
            conv=CONV, seq=5, kind=EventKind.MEMBER_ADDED, sender="bob", ts=5, members=("me",)
        )
        sync.pushed(added)
        assert sync.pulls_to_start() == [(CONV, 0)]

    def test_an_old_removal_read_again_after_a_rejoin_is_not_a_leave(self) -> None:
        """Added again after leaving, the user reads the conversation from seq 1, through
        their old removal and on to the end, once: the old removal does not make the Sync
        forget the log again (it did, and then read it from seq 1 forever: D47)."""
        sync = Sync(page_size=3)
        sync.welcome("e1", {}, "me")
        left = Event(
            conv=CONV, seq=2, kind=EventKind.MEMBER_REMOVED, sender="me", ts=2, members=("me",)
        )
        sync.pulled(CONV, [ev(1), left], last_seq=2)
        assert drain(sync) == [(CONV, 1), (CONV, 2)]
        sync.consume_in_hand()
        assert sync.hello_position() == ("e1", {})  # a leave: forgotten
        added = Event(
            conv=CONV, seq=5, kind=EventKind.MEMBER_ADDED, sender="bob", ts=5, members=("me",)
        )
        sync.pushed(added)
        assert sync.pulls_to_start() == [(CONV, 0)]
        # A page that ends on the old removal, and the log goes on: not a leave.
        sync.pulled(CONV, [ev(1), left], last_seq=5)
        assert sync.pulls_to_start() == [(CONV, 2)]
        sync.pulled(CONV, [ev(3), ev(4), added], last_seq=5)
        assert drain(sync) == [(CONV, s) for s in (1, 2, 3, 4, 5)]
        sync.consume_in_hand()
        assert sync.hello_position() == ("e1", {CONV: 5})
        assert sync.state().cursors == {CONV: 5}
        assert sync.pulls_to_start() == []

    def test_welcome_gone_drops_cursors(self) -> None:
        """Conversations we were removed from while offline leave the hello and the state."""
        sync = Sync(SyncState(epoch="e1", cursors={CONV: 1, OTHER: 4}))
        sync.welcome("e1", {}, "me", [CONV])
        assert sync.hello_position() == ("e1", {OTHER: 4})
        assert sync.state() == SyncState(epoch="e1", cursors={OTHER: 4}) and sync.dirty
        assert sync.pulls_to_start() == []

    def test_someone_else_leaving_keeps_the_cursor(self) -> None:
        """Only our own removal drops the conversation."""
        sync = Sync(SyncState(epoch="e1", cursors={CONV: 1}))
        sync.welcome("e1", {}, "me")
        sync.pushed(
            Event(
                conv=CONV,
                seq=2,
                kind=EventKind.MEMBER_REMOVED,
                sender="bob",
                ts=2,
                members=("bob",),
            )
        )
        assert drain(sync) == [(CONV, 2)]
        sync.consume_in_hand()
        assert sync.state().cursors == {CONV: 2}

    def test_resync_forgets_everything_and_notifies(self) -> None:
        """After resync: a Resynced notice, no cursors, no epoch, pulls from seq 0."""
        sync = Sync(SyncState(epoch="old", cursors={CONV: 9}))
        assert sync.hello_position() == ("old", {CONV: 9})
        sync.resync()
        assert isinstance(sync.take_nowait(), Resynced)
        assert sync.hello_position() == (None, {})
        sync.welcome("new", {CONV: 2})
        assert sync.pulls_to_start() == [(CONV, 0)]

    def test_cursors_without_epoch_are_ignored(self) -> None:
        """Cursors the server cannot check (no epoch) are not used."""
        sync = Sync(SyncState(epoch=None, cursors={CONV: 4}))
        assert sync.hello_position() == (None, {})

    def test_state_file_round_trip(self, tmp_path: Path) -> None:
        """save_state writes JSON atomically; load_state reads it; junk means scratch."""
        path = tmp_path / "dir" / "state.json"
        assert load_state(path) == SyncState()
        save_state(path, SyncState(epoch="e", cursors={CONV: 3}))
        assert json.loads(path.read_text()) == {"cursors": {CONV: 3}, "epoch": "e"}
        assert load_state(path) == SyncState(epoch="e", cursors={CONV: 3})
        assert [p.name for p in path.parent.iterdir()] == ["state.json"]
        path.write_text("{not json")
        assert load_state(path) == SyncState()
