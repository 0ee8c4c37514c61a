"""Which requests a loaded node refuses first (docs/DECISIONS.md D53): each request's
priority, the fleet shedder's reserve for critical work, and the worker-utilisation
shedder's order, as pure functions of the request's kind and of load measured elsewhere.

The application layer (:mod:`pigeon.application.limiters`) measures the load (requests in
flight, the writer's queueing delay, the event loop's lag) and asks these functions; nothing
here reads a clock or a queue.
"""

from __future__ import annotations

import enum
import math


class Priority(enum.IntEnum):
    """A request's importance: a loaded node sheds the lowest first."""

    TYPING = 0  # typing notices: hints, lost without harm
    READ = 1  # history pages, conversation lists and other reads
    WRITE = 2  # new sends, edits, deletes, conversations, members, logins
    CRITICAL = 3  # hello (resume), read markers, logout: what lets clients recover


# By WebSocket frame type. An ack is the reply of a write admitted already: admission is
# decided once, at arrival, so work accepted is never shed afterwards.
FRAME_PRIORITY: dict[str, Priority] = {
    "typing": Priority.TYPING,
    "history": Priority.READ,
    "conversations": Priority.READ,
    "send": Priority.WRITE,
    "edit": Priority.WRITE,
    "delete": Priority.WRITE,
    "hello": Priority.CRITICAL,
    "read": Priority.CRITICAL,
}

# HTTP routes that are critical though not reads: read markers and logging out.
_CRITICAL_POSTS = ("/read", "/v1/logout")


def http_priority(method: str, path: str) -> Priority:
    """An HTTP request's priority: a GET is a read, a read marker or logout is critical,
    anything else is a write."""
    if method in ("GET", "HEAD"):
        return Priority.READ
    if method == "POST" and path.endswith(_CRITICAL_POSTS):
        return Priority.CRITICAL
    return Priority.WRITE


# The worker-utilisation shedder: at or past this utilisation, a priority is refused.
# Critical work is never refused by it (only by the hard bounds: queues full, in flight).
SHED_AT: dict[Priority, float] = {
    Priority.TYPING: 0.5,
    Priority.READ: 0.7,
    Priority.WRITE: 0.9,
}


def utilisation(
    *,
    write_delay_s: float,
    write_delay_full_s: float,
    loop_lag_s: float,
    loop_lag_full_s: float,
) -> float:
    """How saturated the node's workers are, 0 (idle) to 1 and beyond: the busier of the
    writer (its standing queueing delay, :class:`StandingDelay`, as a share of
    ``write_delay_full_s``) and the event loop (its lag, as a share of ``loop_lag_full_s``)."""
    writer = write_delay_s / write_delay_full_s if write_delay_full_s > 0 else 0.0
    loop = loop_lag_s / loop_lag_full_s if loop_lag_full_s > 0 else 0.0
    return max(writer, loop, 0.0)


class StandingDelay:
    """A writer's queueing delay as the shedder counts it, after CoDel (Nichols and Jacobson,
    2012): a delay counts only once it has stayed at or above ``target_s`` for ``interval_s``,
    so one slow commit (a burst, an fsync that stalls) sheds nothing, while a standing
    queue, one the writer no longer drains, does. Below the target it counts as none.

    Like CoDel, it remembers: a delay back at the target within ``RECENT_INTERVALS``
    intervals of the last standing one counts at once. Otherwise a writer that sheds until its
    backlog drains, then admits a whole interval of new work before shedding again, swings
    between seconds of queue and none (S4, D55).

    :meth:`observe` is given the delay now (the age of the oldest write waiting) at each
    look, with the clock, and returns the delay that counts."""

    RECENT_INTERVALS = 8

    def __init__(self, *, target_s: float, interval_s: float) -> None:
        self.target_s = target_s
        self.interval_s = interval_s
        self._above_since: float | None = None  # since when every look saw it at target
        self._standing_until = -math.inf  # when the last look that counted it was

    def observe(self, delay_s: float, now: float) -> float:
        if delay_s < self.target_s:
            self._above_since = None
            return 0.0
        if self._above_since is None:
            self._above_since = now
        recent = now - self._standing_until <= self.interval_s * self.RECENT_INTERVALS
        if now - self._above_since < self.interval_s and not recent:
            return 0.0
        self._standing_until = now
        return delay_s


def batch_cut_due(*, elapsed_s: float, cut_s: float, critical_waiting: bool) -> bool:
    """Whether a batch of writes that has run for ``elapsed_s`` commits what it has run now,
    the rest put back for the next batch, so that a critical job waiting is not held for the
    whole batch (D64): once it has run ``cut_s``, and only while critical work waits, queued
    or run in this batch and waiting for its commit (``cut_s`` 0: never). A batch cut costs
    one more commit; without critical work waiting, batches run whole, as large as group
    commit makes them."""
    return critical_waiting and cut_s > 0 and elapsed_s >= cut_s


def worker_admits(priority: Priority, load: float) -> bool:
    """Whether the worker-utilisation shedder admits a request of ``priority`` at ``load``
    (:func:`utilisation`): typing goes first, then reads, then writes; critical never."""
    threshold = SHED_AT.get(priority)
    return threshold is None or load < threshold


def fleet_admits(priority: Priority, *, in_flight: int, capacity: int, reserve: float) -> bool:
    """Whether the fleet shedder admits one more request of ``priority`` with ``in_flight``
    requests being worked on: critical work up to ``capacity``, the rest only while fewer
    than ``capacity`` x (1 - ``reserve``) are, so the reserve is kept for critical work."""
    if priority is Priority.CRITICAL:
        return in_flight < capacity
    return in_flight < math.floor(capacity * (1.0 - reserve))


def shed_retry_after_ms(load: float) -> int:
    """The wait told to a request a shedder refused: 1 s, more the deeper the overload (up
    to 5 s), so clients come back more slowly than they were refused."""
    return int(1000 * min(5.0, max(1.0, load)))
