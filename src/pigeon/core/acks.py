"""The ack as the delivery of one's own write (docs/DECISIONS.md D60).

A connection whose ``hello`` says ``ack_delivers`` is not pushed the events of the sends,
edits and deletes it made itself: a fresh ack (not ``duplicate``) stands in for that push,
one WebSocket frame fewer per message. The ack carries what the push had that the writer
lacks (the seq and the timestamp); the rest is what it sent, and its own handle.

Two halves, both without I/O: :class:`OwnWrites` is the server's record of a connection's
writes whose acks deliver them, which the hub asks before each push; :func:`acked_event` is
the client's, the event an ack delivers, fed to the Timeline as a push would be.

Suppressing is never required for correctness, only for the frame it saves: when the record
cannot say (it forgot the oldest of too many writes, or the ack was a duplicate), the push
goes as before and the client's Timeline drops the second copy.
"""

from __future__ import annotations

from pigeon.core.frames import Delete, Edit, Send, Write
from pigeon.core.records import AppendResult, Event, EventKind


class OwnWrites:
    """One connection's writes whose events its acks deliver, keyed by (conv, client_msg_id)
    (the idempotency key, G2, with the connection's user as the sender). Bounded: past
    ``max_items`` the oldest is forgotten, and its push, if it still comes, goes out."""

    def __init__(self, max_items: int) -> None:
        if max_items < 1:
            raise ValueError("max_items must be at least 1")
        self.max_items = max_items
        # Key -> the write while unanswered, None once its fresh ack is out; oldest first.
        self._writes: dict[tuple[str, str], Write | None] = {}

    def __len__(self) -> int:
        return len(self._writes)

    def started(self, write: Write) -> None:
        """A write arrived: its event, once committed, is delivered by its ack. Not a retry
        of one whose fresh ack is out: that event is delivered already, and the retry's ack
        will be a duplicate, which the event's push, if it comes late, must not stand in for."""
        key = (write.conv, write.client_msg_id)
        if key in self._writes and self._writes[key] is None:
            return
        self._writes.pop(key, None)
        if len(self._writes) >= self.max_items:
            del self._writes[next(iter(self._writes))]
        self._writes[key] = write

    def answered(self, write: Write, *, delivered: bool) -> None:
        """The write's reply went out: ``delivered`` for a fresh ack. After an error or a
        duplicate ack, the event (if any) is pushed: that ack delivered nothing."""
        key = (write.conv, write.client_msg_id)
        if not delivered:
            self._writes.pop(key, None)
        elif key in self._writes:
            self._writes[key] = None

    def take(self, event: Event, user: str) -> tuple[bool, Write | None]:
        """Whether ``event`` is one of this connection's writes, delivered by its ack (then
        do not push it), and that write if its ack is not out yet: answer it now, in the
        push's place, so that it comes before the pushes of later seqs. The record is
        dropped (the hub pushes each event once)."""
        if event.sender != user or event.client_msg_id is None:
            return False, None
        key = (event.conv, event.client_msg_id)
        if key not in self._writes:
            return False, None
        return True, self._writes.pop(key)


_KINDS = {Send: EventKind.MESSAGE, Edit: EventKind.EDIT, Delete: EventKind.DELETE}


def acked_event(write: Write, result: AppendResult, sender: str) -> Event | None:
    """The event a fresh ack of ``write`` delivers, as the push would have carried it; None
    for a duplicate ack, whose event was stored by an earlier attempt (the client notes its
    seq as a log end, and pulls if it is past the cursor)."""
    if result.duplicate:
        return None
    return Event(
        conv=result.conv,
        seq=result.seq,
        kind=_KINDS[type(write)],
        sender=sender,
        ts=result.ts,
        client_msg_id=write.client_msg_id,
        body=None if isinstance(write, Delete) else write.body,
        meta=write.meta if isinstance(write, Send) else None,
        target_seq=None if isinstance(write, Send) else write.target_seq,
    )
