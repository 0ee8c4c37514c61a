"""Receiving: pushes plus pulls, made exactly-once and in order (G4), with bounded memory.

:class:`Sync` does no network I/O. The Client feeds it what the server says (welcome, pushed
events, the acks of its own writes, pulled pages, conversation lists) and asks it which pages
to pull next; the app takes events out with :meth:`Sync.take_nowait`. Everything goes through
:class:`pigeon.core.sequencing.Timeline`, which drops duplicates and holds early events until
the gap before them is filled.

Backpressure: at most ``max_buffered`` events wait for the app. While the buffer is full, no
pull starts and pushed events are not kept, only noted as "the log reaches this far": they are
pulled again once the app has made room. A push is a hint, the store is the truth, so dropping
one loses nothing. The buffer can exceed ``max_buffered`` by the pages already in flight (at
most ``max_pulls * page_size`` events).

Positions: the Timeline's cursors say what this process has *received*; they go in the hello
of every reconnect. The cursors saved to the state file say what the app has *consumed*: an
event counts as consumed when the app asks for the next one (or closes the client), so a
restarted app resumes right after the last event it finished with.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections import deque
from collections.abc import Iterable, Mapping
from pathlib import Path

import msgspec

from pigeon.core.acks import acked_event
from pigeon.core.frames import Write
from pigeon.core.records import AppendResult, Event, EventKind
from pigeon.core.sequencing import Timeline

log = logging.getLogger("pigeon.sdk")


class Resynced(msgspec.Struct, frozen=True, kw_only=True):
    """Delivered in the event stream when the server's store was restored or rebuilt (its
    epoch changed) or the client's cursors point past the end of a log.

    Everything the app received before belongs to a history the server no longer has. After
    this notice the app receives every conversation again from seq 1: drop what you hold and
    rebuild from the events that follow.
    """

    reason: str = "resync_required"


Delivery = Event | Resynced


class SyncState(msgspec.Struct, frozen=True, kw_only=True):
    """What the state file holds: the server's epoch and the consumed cursor per conversation."""

    epoch: str | None = None
    cursors: dict[str, int] = msgspec.field(default_factory=dict)


class Sync:
    """Delivery state of one client: the Timeline, the buffer for the app, the pulls."""

    def __init__(
        self,
        state: SyncState | None = None,
        *,
        max_buffered: int = 1000,
        page_size: int = 100,
        max_pulls: int = 4,
    ) -> None:
        if max_buffered < 1 or page_size < 1 or max_pulls < 1:
            raise ValueError("max_buffered, page_size and max_pulls must be at least 1")
        state = state or SyncState()
        # Cursors without an epoch cannot be checked by the server: start from scratch.
        cursors = state.cursors if state.epoch is not None else {}
        self.epoch = state.epoch
        self.max_buffered = max_buffered
        self.page_size = page_size
        self.max_pulls = max_pulls
        self.timeline = Timeline(cursors, max_ahead=page_size)
        self._consumed: dict[str, int] = dict(cursors)
        self._ready: deque[Delivery] = deque()
        self._in_hand: Event | None = None
        self._pulling: set[str] = set()
        self._gone: set[str] = set()  # not_found on pull, or left: no longer a member
        self._leaving: dict[str, int] = {}  # conv -> the seq of our leave, not yet consumed
        self.user: str | None = None  # whose events these are, from the welcome
        self.dirty = False  # consumed positions changed since the last save
        self.unsaved = 0  # events consumed since the last save
        self.dropped_pushes = 0

    # -- what the server says ----------------------------------------------------------------

    def welcome(
        self,
        epoch: str,
        behind: Mapping[str, int],
        user: str | None = None,
        gone: Iterable[str] = (),
    ) -> None:
        """A hello was accepted: ``behind`` lists the logs with events past our cursors,
        ``gone`` the conversations we sent cursors for and are no longer in."""
        if user is not None:
            self.user = user
        for conv in gone:
            self.timeline.forget(conv)
            self._gone.add(conv)
            if self._consumed.pop(conv, None) is not None:
                self.dirty = True
        if epoch != self.epoch:
            self.epoch = epoch
            self.dirty = True
        self.note_last_seqs(behind)

    def note_last_seqs(self, last_seqs: Mapping[str, int]) -> None:
        """Log ends learnt from a welcome or a conversation list (after ``lagged``)."""
        for conv, last_seq in last_seqs.items():
            self._gone.discard(conv)
            self.timeline.note_last_seq(conv, last_seq)

    def pushed(self, event: Event) -> None:
        self._gone.discard(event.conv)
        if len(self._ready) >= self.max_buffered:
            # The app is behind: keep only the fact that the log goes this far; pull it later.
            self.dropped_pushes += 1
            self.timeline.note_last_seq(event.conv, event.seq)
            return
        self._deliver(self.timeline.observe(event))

    def acked(self, write: Write, result: AppendResult) -> None:
        """Our write was acked on a connection whose hello said ``ack_delivers``: the server
        pushes its event to every connection but that one, so a fresh ack is its delivery,
        applied as a push (past the cursor + 1 it is a gap: held, and the pull fills it). A
        duplicate ack's event was stored by an earlier attempt and may not have reached us:
        its seq is a log end, pulled if past the cursor.

        An ack can come after we delivered our removal from its conversation (a write
        committed just before it): its event came before the removal, so it is dropped, not
        taken for a sign that we are in the conversation again (a push would be; the server
        pushes nothing after a member's removal)."""
        if result.conv in self._gone:
            return
        event = acked_event(write, result, self.user or "")
        if event is None:
            self.note_last_seqs({result.conv: result.seq})
        else:
            self.pushed(event)

    def pulled(self, conv: str, events: list[Event], last_seq: int) -> None:
        """A page of ``history(after=cursor)`` arrived for ``conv``."""
        self._pulling.discard(conv)
        # Noted first: an old removal of ours in this page is not our leave when the log goes
        # on past it (_leaves).
        self.timeline.note_last_seq(conv, last_seq)
        for event in events:
            if event.conv == conv:
                self._deliver(self.timeline.observe(event))
        if not events and self.timeline.cursor(conv) >= last_seq and conv in self.timeline.wanted():
            # We believed the log goes further than the server has it: pulling would loop.
            log.warning("%s ends at %d on the server; not pulling further", conv, last_seq)
            self._gone.add(conv)

    def pull_failed(self, conv: str, *, gone: bool) -> None:
        """A pull did not complete. ``gone``: not_found, we are no longer a member."""
        self._pulling.discard(conv)
        if gone:
            self._gone.add(conv)

    def _deliver(self, events: list[Event]) -> None:
        self._ready.extend(events)
        for event in events:
            if self._leaves(event):
                # Our last event of that log: drop its cursor, so that hellos carry only the
                # conversations we are in (at most 10,000), however many we have left.
                self.timeline.forget(event.conv)
                self._gone.add(event.conv)
                self._leaving[event.conv] = event.seq

    def _leaves(self, event: Event) -> bool:
        """Whether ``event`` is the user leaving or being removed from its conversation: our
        removal, and the end of the log as far as we know. A removal the log goes on after is
        an old one that we were added again since (only a member reads on, and the server
        pushes nothing after a member's removal): forgetting the log there would read it from
        seq 1 again, and again, each time coming back to that removal (found by the
        simulation, docs/DECISIONS.md D47)."""
        return (
            event.kind is EventKind.MEMBER_REMOVED
            and self.user in (event.members or ())
            and self.timeline.cursor(event.conv) == event.seq
            and event.conv not in self.timeline.wanted()
        )

    def connection_lost(self) -> None:
        self._pulling.clear()

    def resync(self) -> None:
        """The server said resync_required: forget everything and start again from seq 1."""
        self.timeline.reset()
        self._ready.clear()
        self._in_hand = None
        self._consumed.clear()
        self._pulling.clear()
        self._gone.clear()
        self._leaving.clear()
        self.epoch = None
        self._ready.append(Resynced())
        self.dirty = True

    # -- what to do next ---------------------------------------------------------------------

    def pulls_to_start(self) -> list[tuple[str, int]]:
        """``(conv, after)`` for each pull to start now; each is then in flight until
        :meth:`pulled` or :meth:`pull_failed`. Empty while the app's buffer is full."""
        if len(self._ready) >= self.max_buffered:
            return []
        starts: list[tuple[str, int]] = []
        for conv, cursor in self.timeline.wanted().items():
            if len(self._pulling) >= self.max_pulls:
                break
            if conv in self._pulling or conv in self._gone:
                continue
            self._pulling.add(conv)
            starts.append((conv, cursor))
        return starts

    def pulling(self) -> frozenset[str]:
        return frozenset(self._pulling)

    def hello_position(self) -> tuple[str | None, dict[str, int]]:
        """``(epoch, cursors)`` for the next hello: everything received so far."""
        if self.epoch is None:
            return None, {}
        return self.epoch, self.timeline.cursors()

    # -- the app's side ----------------------------------------------------------------------

    def take_nowait(self) -> Delivery | None:
        """The next delivery, or None. Marks the previously taken event as consumed."""
        self.consume_in_hand()
        if not self._ready:
            return None
        item = self._ready.popleft()
        if isinstance(item, Event):
            self._in_hand = item
        return item

    def consume_in_hand(self) -> None:
        """The app is done with the last event it took: its position may be saved."""
        event, self._in_hand = self._in_hand, None
        if event is not None and self._leaving.get(event.conv) == event.seq:
            del self._leaving[event.conv]
            self._consumed.pop(event.conv, None)
            self.dirty = True
            self.unsaved += 1
        elif event is not None and event.seq > self._consumed.get(event.conv, 0):
            self._consumed[event.conv] = event.seq
            self.dirty = True
            self.unsaved += 1

    def buffered(self) -> int:
        return len(self._ready)

    def state(self) -> SyncState:
        """The position to save: the epoch and the consumed cursors."""
        return SyncState(epoch=self.epoch, cursors=dict(self._consumed))


# -- the state file ---------------------------------------------------------------------------


def load_state(path: Path) -> SyncState:
    """Read a state file; a missing or unreadable one means "start from scratch"."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return SyncState()
    try:
        return msgspec.json.decode(data, type=SyncState)
    except (msgspec.DecodeError, msgspec.ValidationError):
        log.warning("ignoring unreadable state file %s", path)
        return SyncState()


def save_state(path: Path, state: SyncState) -> None:
    """Write the state file atomically: a temporary file in the same directory, fsync'd, then
    renamed over the old one, so a crash leaves either the old or the new state, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(json.dumps(msgspec.to_builtins(state), sort_keys=True).encode())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
