"""The outbox: writes (send, edit, delete) waiting for their durable ack.

Every entry carries its ``client_msg_id``, so sending it again, on this connection or any
later one, returns the original ack and never a second message (G2). Entries stay until the
server answers with an ack or a final error. The outbox is bounded: :meth:`Outbox.put` waits
for room, and :meth:`Outbox.put_nowait` raises :class:`OutboxFull`.

Order: writes into one conversation are committed in the order they were put. At most one
write per conversation is on the wire at a time (:meth:`Outbox.due`): if two were, the server
could refuse the first for rate and accept the second after its bucket refilled. A write
that waits (in flight, or refused for rate until ``retry_at``) holds back the later writes of
its conversation only; other conversations go on.

This module does no network I/O; the Client drives it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass

from pigeon.core.frames import Write
from pigeon.core.records import AppendResult
from pigeon.errors import PigeonError


class OutboxFull(PigeonError):
    """:meth:`Outbox.put_nowait` found no room."""


@dataclass(eq=False)
class Pending:
    """One write waiting for its ack. ``frame.id`` is reassigned on every transmission."""

    frame: Write
    result: asyncio.Future[AppendResult]
    # Which connection it was last sent on (None: not sent since the last (re)connect) and when.
    sent_on: int | None = None
    sent_at: float = 0.0
    # Set after rate_limited/busy: not before this (monotonic seconds).
    retry_at: float = 0.0

    @property
    def client_msg_id(self) -> str:
        return self.frame.client_msg_id


class Outbox:
    """Bounded, ordered writes awaiting their ack, keyed by client_msg_id."""

    def __init__(self, max_pending: int = 1000) -> None:
        if max_pending < 1:
            raise ValueError("max_pending must be at least 1")
        self.max_pending = max_pending
        self._entries: dict[str, Pending] = {}  # insertion order = send order
        self._room = asyncio.Event()  # set whenever an entry leaves

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Pending]:
        return iter(list(self._entries.values()))

    def due(
        self, connection: int, now: float, *, timeout_s: float, max_in_flight: int
    ) -> tuple[list[Pending], float | None]:
        """What to (re)send now on connection number ``connection``, in put order, and when to
        look again (None: when something changes).

        An entry is due unless it is in flight on this connection for less than ``timeout_s``,
        waits for its ``retry_at``, or has an earlier entry of its conversation doing either
        (one write per conversation at a time keeps each conversation in put order). At most
        ``max_in_flight`` entries are in flight at once."""
        due: list[Pending] = []
        held: set[str] = set()  # conversations with a write already on the wire or waiting
        wake_at: float | None = None
        in_flight = 0
        for entry in self._entries.values():
            conv = entry.frame.conv
            if conv in held:
                continue
            held.add(conv)
            wait_until: float | None = None
            if entry.sent_on == connection and entry.sent_at + timeout_s > now:
                in_flight += 1
                wait_until = entry.sent_at + timeout_s
            elif entry.retry_at > now:
                wait_until = entry.retry_at
            if wait_until is not None:
                wake_at = wait_until if wake_at is None else min(wake_at, wait_until)
            elif in_flight < max_in_flight:
                in_flight += 1
                due.append(entry)
        return due, wake_at

    def get(self, client_msg_id: str) -> Pending | None:
        return self._entries.get(client_msg_id)

    async def put(self, frame: Write) -> Pending:
        """Add a write, waiting for room. Putting a client_msg_id that is already pending
        returns the pending entry: both callers get the same ack."""
        while frame.client_msg_id not in self._entries and len(self) >= self.max_pending:
            self._room.clear()
            await self._room.wait()
        return self.put_nowait(frame)

    def put_nowait(self, frame: Write) -> Pending:
        existing = self._entries.get(frame.client_msg_id)
        if existing is not None:
            return existing
        if len(self._entries) >= self.max_pending:
            raise OutboxFull(f"{len(self._entries)} writes are waiting for their ack")
        entry = Pending(frame, asyncio.get_running_loop().create_future())
        self._entries[frame.client_msg_id] = entry
        return entry

    def resolve(self, entry: Pending, result: AppendResult) -> None:
        """The server acked it: the caller gets ``result`` and the entry leaves."""
        if not entry.result.done():
            entry.result.set_result(result)
        self._remove(entry)

    def fail(self, entry: Pending, exc: BaseException) -> None:
        """A final error: the caller gets ``exc`` and the entry leaves."""
        if not entry.result.done():
            entry.result.set_exception(exc)
        self._remove(entry)

    def abandon(self, entry: Pending) -> None:
        """The caller stopped waiting (cancelled): forget the entry if nobody awaits it.

        It may still have been committed; retrying with its client_msg_id finds out."""
        self._remove(entry)

    def fail_all(self, exc: BaseException) -> None:
        for entry in list(self._entries.values()):
            self.fail(entry, exc)

    def _remove(self, entry: Pending) -> None:
        if self._entries.get(entry.client_msg_id) is entry:
            del self._entries[entry.client_msg_id]
            self._room.set()
