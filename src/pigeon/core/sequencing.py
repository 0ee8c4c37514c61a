"""Sequencing: cursors, gap detection, resume checks and forward-only positions.

A conversation's log has gapless seqs 1, 2, 3... (G3). A client's position in it is a cursor:
the highest seq it has applied, qualified by the store's epoch. Pushes are hints that may be
lost or arrive twice; :class:`Timeline` turns them plus pulled pages into exactly-once,
in-order delivery (G4), and says which ranges it still has to pull.
"""

from __future__ import annotations

from collections.abc import Mapping

from pigeon.core.records import Event
from pigeon.errors import ErrorCode, ProtocolViolation


def merge_position(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, min(proposed, last_seq))


def page_window(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def check_epoch(store_epoch: str, client_epoch: str | None) -> None:
    """Refuse a request that names another epoch than the store's: its seqs are from another
    history (a store restored from backup), so paging on would skip or repeat events (G4)."""
    if client_epoch is not None and client_epoch != store_epoch:
        raise ProtocolViolation(ErrorCode.RESYNC_REQUIRED)


def check_resume(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def stale_cursors(
    *, client_epoch: str | None, cursors: Mapping[str, int], last_seqs: Mapping[str, int]
) -> list[str]:
    """The conversations a hello sent cursors for that the user is not in (any more): the
    client drops them, so its hellos carry only the conversations it is in, at most 10,000,
    however many it was removed from while offline. It learns nothing it could not learn from
    a ``not_found`` (G5). Empty when the cursors are ignored (no epoch)."""
    if client_epoch is None:
        return []
    return sorted(conv for conv in cursors if conv not in last_seqs)


class Timeline:
    """Exactly-once, in-order delivery from unreliable pushes and exact pulls (client side).

    Feed every event, pushed or pulled, to :meth:`observe`; it returns the events that are now
    deliverable, in order, each exactly once. Tell it the log ends you learn of with
    :meth:`note_last_seq`. Then pull ``history(after=cursor)`` for each conversation in
    :meth:`wanted`, and feed the page's events back in.
    """

    def __init__(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = dict(cursors or {})
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = max_ahead

    def cursor(self, conv: str) -> int:
        return self._cursors.get(conv, 0)

    def cursors(self) -> dict[str, int]:
        return dict(self._cursors)

    def note_last_seq(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(conv, 0):
            self._known_end[conv] = last_seq

    def observe(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def wanted(self) -> dict[str, int]:
        """``{conv: cursor}`` for every conversation known to have events past its cursor."""
        return {
            conv: self.cursor(conv)
            for conv, end in self._known_end.items()
            if end > self.cursor(conv)
        }

    def forget(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(conv, None)
        self._ahead.pop(conv, None)

    def reset(self) -> None:
        """Forget everything: after ``resync_required``, the client starts from seq 0."""
        self._cursors.clear()
        self._known_end.clear()
        self._ahead.clear()
