"""An asyncio event loop for the simulation: virtual time, and a seeded choice of what runs next.

asyncio's own loop runs ready callbacks first in, first out, and waits for real time to pass
before a timer fires. This one runs one ready callback at a time, picked by a seeded
``random.Random``, and when nothing is ready it jumps the clock to the next timer: an hour of
backstop passes costs nothing, and each seed explores its own interleaving of the tasks that
are ready together, the same one every time it runs (docs/DECISIONS.md D47).

There is no I/O: a callback becomes ready only through another callback or a timer. When none
is ready and no timer is due, every task waits for something that will never happen: a hang,
which :class:`Stalled` reports instead of spinning; so it does when a run takes more callbacks
than it may (``max_callbacks``), which is how a livelock shows under virtual time.
"""

from __future__ import annotations

import asyncio
import heapq
import random
from collections import deque


class Stalled(RuntimeError):
    """Nothing is ready and no timer is set, yet the awaited work is not done: a hang; or
    more callbacks ran than the run may take: a livelock (work that repeats without end)."""


class SimLoop(asyncio.BaseEventLoop):
    """Virtual time from 0.0 s; ``rng`` picks which ready callback runs next."""

    def __init__(self, rng: random.Random, *, max_callbacks: int = 10**7) -> None:
        super().__init__()
        self.rng = rng
        self.max_callbacks = max_callbacks
        self.now_s = 0.0
        self.callbacks_run = 0
        # Per-callback stack captures would cost more than the simulation itself, and the slow
        # callback warning means nothing under virtual time.
        self.set_debug(False)

    def time(self) -> float:
        return self.now_s

    def _ready_handles(self) -> deque[asyncio.Handle]:
        ready: deque[asyncio.Handle] = self._ready  # type: ignore[attr-defined]
        return ready

    def _timers(self) -> list[asyncio.TimerHandle]:
        scheduled: list[asyncio.TimerHandle] = self._scheduled  # type: ignore[attr-defined]
        return scheduled

    def _run_once(self) -> None:
        """Run one callback (asyncio's loop calls this until stopped)."""
        ready, timers = self._ready_handles(), self._timers()
        while timers and timers[0].cancelled():
            heapq.heappop(timers)._scheduled = False  # type: ignore[attr-defined]
        if not ready:
            if self._stopping:  # type: ignore[attr-defined]
                return
            if not timers:
                raise Stalled(f"every task waits and no timer is set (at {self.now_s:.3f} s)")
            self.now_s = max(self.now_s, timers[0].when())
        while timers and timers[0].when() <= self.now_s:
            timer = heapq.heappop(timers)
            timer._scheduled = False  # type: ignore[attr-defined]
            if not timer.cancelled():
                ready.append(timer)
        if not ready:
            return
        index = self.rng.randrange(len(ready))
        handle = ready[index]
        del ready[index]
        if not handle.cancelled():
            self.callbacks_run += 1
            if self.callbacks_run > self.max_callbacks:
                raise Stalled(f"{self.max_callbacks} callbacks run (at {self.now_s:.3f} s)")
            handle._run()

    def _process_events(self, event_list: object) -> None:  # no selector: nothing comes in
        return None

    def _write_to_self(self) -> None:  # call_soon_threadsafe: there is no other thread
        return None
