"""An in-memory bus for tests: several nodes in one process, and a link that loses things.

Every :class:`MemoryBus` joined to one :class:`MemoryNetwork` hears what any of them
publishes (so two nodes in one process can stand in for a cluster). Each bus applies its
:class:`Faults` to what it receives, on a schedule drawn from its own seeded
``random.Random``: the same seed and the same traffic give the same drops, duplicates, delays
and reorders. With every fault off it delivers synchronously and in order, like the local bus.

A reordered message is held back until one to three later messages have overtaken it (or,
if none come, for a few milliseconds); a delayed one waits in a ``loop.call_later`` timer.
What waits is bounded in items and bytes; a message that would go over is dropped and
reported as a gap on its topic, as a real bus reports an overflow.
``gap_every`` simulates a reconnect: every Nth message received is lost and a gap on every
topic is reported.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from pigeon.bus.base import BusHandler, GapHandler

SCHEME = "memory"

# Messages held back or waiting in delay timers, per bus: past either bound, a message is
# dropped and reported as a gap.
MAX_PENDING = 10_000
MAX_PENDING_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Faults:
    drop: float = 0.0  # probability that a message is lost without a sign
    dup: float = 0.0  # probability that a message is delivered twice
    reorder: float = 0.0  # probability that a message is held back behind later ones
    delay_ms: float = 0.0  # every message is delivered this late (0: synchronously)
    gap_every: int = 0  # every Nth message is lost with a reported gap (0: never)
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("drop", "dup", "reorder"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
        if self.delay_ms < 0 or self.gap_every < 0:
            raise ValueError("delay_ms and gap_every must not be negative")


def parse_url(url: str) -> Faults:
    """``memory:`` or ``memory:?drop=0.1&dup=0.05&reorder=0.1&delay_ms=5&seed=42&gap_every=1000``.
    Raises ValueError for another scheme, an unknown parameter or a bad value."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME or parts.netloc or parts.path or parts.fragment:
        raise ValueError(f"not a memory bus URL: {url!r}")
    values: dict[str, Any] = {}
    for name, raw in parse_qsl(parts.query, keep_blank_values=True, strict_parsing=False):
        if name not in Faults.__dataclass_fields__:
            raise ValueError(f"unknown memory bus parameter {name!r}")
        try:
            values[name] = int(raw) if name in ("seed", "gap_every") else float(raw)
        except ValueError:
            raise ValueError(f"memory bus parameter {name!r} is not a number: {raw!r}") from None
    return Faults(**values)


@dataclass
class _Held:
    overtakers: int  # messages still to arrive before it is delivered
    topic: str
    payload: bytes


@dataclass
class MemoryNetwork:
    """What connects the buses of several in-process nodes."""

    # A dict, used as a set that iterates in the order the buses joined: the order they hear
    # a message in is then the same at every run (a set of objects iterates by address).
    buses: dict[MemoryBus, None] = field(default_factory=dict)


class MemoryBus:
    lossless = False  # it drops, repeats and reorders on purpose: the backstop's test bus

    def __init__(self, faults: Faults | None = None, network: MemoryNetwork | None = None) -> None:
        self.faults = faults or Faults()
        self.network = network or MemoryNetwork()
        self._rng = random.Random(self.faults.seed)
        self._handler: BusHandler | None = None
        self._on_gap: GapHandler | None = None
        self._topics: set[str] = set()
        self._timers: set[asyncio.TimerHandle] = set()
        # Reordered messages, oldest first.
        self._held: list[_Held] = []
        self._release: asyncio.TimerHandle | None = None
        self._pending_bytes = 0
        self.published = 0
        self.received = 0
        self.delivered = 0
        self.dropped = 0
        self.duplicated = 0
        self.reordered = 0
        self.gaps = 0

    async def open(self, handler: BusHandler, on_gap: GapHandler) -> None:
        self._handler = handler
        self._on_gap = on_gap
        self.network.buses[self] = None

    async def close(self) -> None:
        self.network.buses.pop(self, None)
        self._handler = None
        self._on_gap = None
        self._topics.clear()
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()
        if self._release is not None:
            self._release.cancel()
            self._release = None
        self._held.clear()
        self._pending_bytes = 0

    def publish(self, topic: str, payload: bytes) -> None:
        self.published += 1
        for bus in tuple(self.network.buses):
            if topic in bus._topics:
                bus._receive(topic, payload)

    async def subscribe(self, topic: str) -> None:
        self._topics.add(topic)

    def unsubscribe(self, topic: str) -> None:
        self._topics.discard(topic)

    def report_gap(self, topic: str | None = None) -> None:
        """Tell the subscriber that messages of ``topic`` (None: any) may have been lost."""
        if self._on_gap is not None:
            self.gaps += 1
            self._on_gap(topic)

    # -- receiving --------------------------------------------------------------------------

    def _receive(self, topic: str, payload: bytes) -> None:
        faults = self.faults
        self.received += 1
        # Always the same draws per message, so one seed gives one schedule whatever happens.
        drop, dup, reorder, lateness = (self._rng.random() for _ in range(4))
        due = self._overtaken()
        if faults.gap_every and self.received % faults.gap_every == 0:
            self.dropped += 1
            self.report_gap(None)
        elif drop < faults.drop:
            self.dropped += 1
        else:
            copies = 2 if dup < faults.dup else 1
            self.duplicated += copies - 1
            for _ in range(copies):
                if reorder < faults.reorder:
                    # Held back until 1 to 3 later messages have overtaken it.
                    self.reordered += 1
                    self._hold(1 + int(lateness * 3), topic, payload)
                else:
                    self._emit(topic, payload)
        for held_topic, held_payload in due:
            self._emit(held_topic, held_payload)

    def _hold(self, overtakers: int, topic: str, payload: bytes) -> None:
        if not self._has_room(topic, payload):
            return
        self._pending_bytes += len(payload)
        self._held.append(_Held(overtakers, topic, payload))
        if self._release is None:  # nothing may follow: let it go after a while regardless
            delay_s = max(self.faults.delay_ms, 1.0) * 4 / 1000
            self._release = asyncio.get_running_loop().call_later(delay_s, self._release_held)

    def _overtaken(self) -> list[tuple[str, bytes]]:
        """The held messages this arrival overtakes for the last time, in the order held."""
        due: list[tuple[str, bytes]] = []
        kept: list[_Held] = []
        for held in self._held:
            held.overtakers -= 1
            if held.overtakers > 0:
                kept.append(held)
            else:
                self._pending_bytes -= len(held.payload)
                due.append((held.topic, held.payload))
        self._held = kept
        return due

    def _release_held(self) -> None:
        self._release = None
        released, self._held = self._held, []
        for held in released:
            self._pending_bytes -= len(held.payload)
            self._emit(held.topic, held.payload)

    def _emit(self, topic: str, payload: bytes) -> None:
        delay_s = self.faults.delay_ms / 1000
        if delay_s:
            self._later(delay_s, topic, payload)
        else:
            self._deliver(topic, payload)

    def _has_room(self, topic: str, payload: bytes) -> bool:
        if (
            len(self._timers) + len(self._held) >= MAX_PENDING
            or self._pending_bytes + len(payload) > MAX_PENDING_BYTES
        ):
            self.dropped += 1
            self.report_gap(topic)
            return False
        return True

    def _later(self, delay_s: float, topic: str, payload: bytes) -> None:
        if not self._has_room(topic, payload):
            return
        self._pending_bytes += len(payload)
        loop = asyncio.get_running_loop()
        timer: asyncio.TimerHandle

        def fire() -> None:
            self._timers.discard(timer)
            self._pending_bytes -= len(payload)
            self._deliver(topic, payload)

        timer = loop.call_later(delay_s, fire)
        self._timers.add(timer)

    def _deliver(self, topic: str, payload: bytes) -> None:
        if self._handler is not None and topic in self._topics:
            self.delivered += 1
            self._handler(topic, payload)
