"""Threads that take database jobs off one bounded queue in batches.

A job is a function of a ``sqlite3.Connection``. Each thread owns one connection, takes
whatever is queued (up to ``max_batch``) and runs it as one batch; the outcomes of a batch
reach the event loop in one ``call_soon_threadsafe``. Per job, that is one queue put and a
share of one wake-up on each side, instead of a thread-pool future per job: the reason this
exists (docs/DECISIONS.md, D13).

The queue is bounded: past ``max_queue`` waiting jobs, :meth:`BatchRunner.submit` refuses at
once with ``busy`` instead of queueing without limit (G6). Critical jobs (read markers, a
hello's presence row) have a lane of their own, bounded too, that a thread empties first
into each batch, so they never wait behind a backlog of sends (D55).
:meth:`BatchRunner.oldest_wait_s` is the queueing delay (how long the oldest job not yet
answered has waited), which the shedder reads instead of the queue's length: 300 sends
waiting is nothing for one writer and a disaster for another.
Subclasses say what a batch is:
:class:`~pigeon.store.group_commit.GroupCommitWriter` (one transaction, one fsync) and
:class:`~pigeon.store.snapshot_reader.SnapshotReader` (one read snapshot).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pigeon.errors import ErrorCode, RateLimited, StoreUnavailable

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[sqlite3.Connection], T]


@dataclass(slots=True)
class Pending(Generic[T]):
    """A queued job; ``outcome`` is (True, value) or (False, exception) once it ran."""

    name: str
    job: Job[T]
    future: asyncio.Future[T]
    after_commit: Callable[[T], None] | None = None
    outcome: tuple[bool, object] = field(default=(False, None))
    queued_at: float = 0.0  # time.monotonic() when submitted
    critical: bool = False  # queued in the critical lane


_STOP = object()


class _Lanes:
    """Two bounded FIFO lanes under one lock; a batch takes the critical lane's jobs first,
    alone unless the batch before was the critical lane's alone.
    A job is in a lane until a thread takes it into a batch, and then counted as running
    until the batch's outcomes are handed to the loop, so :meth:`oldest_queued_at` never
    misses one in between."""

    def __init__(self, max_normal: int, max_critical: int) -> None:
        self._ready = threading.Condition()
        self._normal: deque[Pending[object] | object] = deque()
        self._critical: deque[Pending[object]] = deque()
        self._max_normal = max_normal
        self._max_critical = max_critical
        self._running: dict[int, float] = {}  # thread id -> oldest queued_at of its batch
        self._critical_alone = False  # the last batch taken was the critical lane's alone

    def put_nowait(self, pending: Pending[object], *, critical: bool) -> bool:
        """Queue ``pending``; False if its lane is full."""
        lane: deque[Pending[object]] | deque[Pending[object] | object]
        lane, bound = (
            (self._critical, self._max_critical) if critical else (self._normal, self._max_normal)
        )
        with self._ready:
            if len(lane) >= bound:
                return False
            lane.append(pending)
            self._ready.notify()
        return True

    def put_stop(self) -> None:
        """Queue a stop marker behind every normal job (never refused)."""
        with self._ready:
            self._normal.append(_STOP)
            self._ready.notify()

    def take(self, most: int) -> tuple[list[Pending[object]], bool]:
        """Wait for work, then take up to ``most`` jobs, critical first; True if a stop
        marker was reached (taken: one per thread)."""
        with self._ready:
            while not self._normal and not self._critical:
                self._ready.wait()
            batch: list[Pending[object]] = []
            while self._critical and len(batch) < most:
                batch.append(self._critical.popleft())
            # Critical jobs commit in a batch of their own, not with hundreds of sends (D61);
            # the next batch then takes sends too, so a stream of them cannot starve sends.
            alone = bool(batch) and not self._critical_alone
            self._critical_alone = alone
            stop = False
            while self._normal and len(batch) < most and not alone:
                item = self._normal.popleft()
                if item is _STOP:
                    stop = True
                    break
                batch.append(item)  # type: ignore[arg-type]
            if batch:
                self._running[threading.get_ident()] = min(p.queued_at for p in batch)
            return batch, stop

    def critical_waiting(self) -> bool:
        """Whether a critical job is queued (a read of a length, without the lock: a job
        queued a moment ago may be missed, and is seen at the next look)."""
        return bool(self._critical)

    def put_back(self, jobs: list[Pending[object]]) -> None:
        """Return ``jobs`` taken from the normal lane, untouched, to its head in their order
        (never refused: they were counted when queued)."""
        with self._ready:
            self._normal.extendleft(reversed(jobs))

    def done(self) -> None:
        """The calling thread's batch was answered."""
        with self._ready:
            self._running.pop(threading.get_ident(), None)

    def drain(self) -> list[Pending[object]]:
        """Take every job still queued (stop markers dropped)."""
        with self._ready:
            items = [*self._critical, *self._normal]
            self._critical.clear()
            self._normal.clear()
        return [item for item in items if isinstance(item, Pending)]

    def has_jobs(self) -> bool:
        """Whether a job (not a stop marker) is queued."""
        with self._ready:
            return bool(self._critical) or any(item is not _STOP for item in self._normal)

    def qsize(self) -> int:
        return len(self._normal) + len(self._critical)

    def oldest_queued_at(self) -> float | None:
        """When the oldest job not yet answered (queued or running) was submitted."""
        with self._ready:
            times = list(self._running.values())
            for lane in (self._critical, self._normal):
                head = lane[0] if lane else None
                if isinstance(head, Pending):
                    times.append(head.queued_at)
        return min(times, default=None)


class BatchRunner:
    """``threads`` threads, each with a connection from ``connect``, sharing one queue."""

    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        *,
        name: str,
        threads: int = 1,
        max_batch: int = 512,
        max_queue: int = 20_000,
    ) -> None:
        self._connect = connect
        self._name = name
        self._thread_count = threads
        self.max_batch = max_batch
        # Critical jobs are few (a read marker per read, not per message; one presence flush
        # at a time): a quarter of the normal lane's bound is far more than they need, and
        # bounds their bytes too, as a read marker holds a few ids (D55).
        self._queue = _Lanes(max_queue, max(1, max_queue // 4))
        self._threads: list[threading.Thread] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._failed: BaseException | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        for i in range(self._thread_count):
            conn = self._connect()
            thread = threading.Thread(
                target=self._run, args=(conn,), name=f"pigeon-{self._name}-{i}", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    async def stop(self) -> None:
        """Let queued jobs finish, then stop the threads."""
        if not self._threads:
            return
        for _ in self._threads:
            self._queue.put_stop()
        for thread in self._threads:
            await asyncio.to_thread(thread.join)
        self._threads.clear()

    def submit(
        self,
        name: str,
        job: Job[T],
        after_commit: Callable[[T], None] | None = None,
        *,
        critical: bool = False,
    ) -> asyncio.Future[T]:
        """Queue ``job`` for a coming batch (``critical``: in the lane taken first). The
        future resolves once its batch is done; ``after_commit`` then runs on the loop, in
        batch order, before the future resolves."""
        if self._failed is not None or not self._threads or self._loop is None:
            raise StoreUnavailable(f"the {self._name} is not running") from self._failed
        fut: asyncio.Future[T] = self._loop.create_future()
        pending = Pending(
            name, job, fut, after_commit, queued_at=time.monotonic(), critical=critical
        )
        if not self._queue.put_nowait(pending, critical=critical):  # type: ignore[arg-type]
            raise RateLimited(100, ErrorCode.BUSY)
        return fut

    def running(self) -> bool:
        threads = self._threads
        return self._failed is None and bool(threads) and all(t.is_alive() for t in threads)

    def queued(self) -> int:
        return self._queue.qsize()

    def oldest_wait_s(self) -> float:
        """How long the oldest job not yet answered (queued, or in a batch being run) has
        waited, in seconds; 0 when there is none. CoDel's sojourn time, read at the head."""
        since = self._queue.oldest_queued_at()
        return 0.0 if since is None else max(0.0, time.monotonic() - since)

    def run_batch(self, conn: sqlite3.Connection, batch: list[Pending[object]]) -> None:
        """Run every job of ``batch`` and set its outcome (called on a runner thread)."""
        raise NotImplementedError

    # -- the threads ------------------------------------------------------------------------

    def _run(self, conn: sqlite3.Connection) -> None:
        try:
            while True:
                batch, stop = self._queue.take(self.max_batch)
                if batch:
                    try:
                        self.run_batch(conn, batch)
                    finally:
                        self._queue.done()  # before its callers can see the outcomes
                        self.deliver(batch)
                if stop:
                    if not self._queue.has_jobs():
                        return
                    # Jobs a cut batch put back, or critical ones, came after the marker:
                    # run them first (stop comes when nothing is submitted any more).
                    self._queue.put_stop()
        except BaseException as exc:  # a thread must never die silently
            log.exception("%s thread failed", self._name)
            self._failed = exc
            self._fail_queued(exc)
        finally:
            conn.close()

    def deliver(self, batch: list[Pending[object]]) -> None:
        assert self._loop is not None
        # A closed loop (RuntimeError) means nobody is waiting any more.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(_resolve, batch)

    def _fail_queued(self, exc: BaseException) -> None:
        batch = self._queue.drain()
        for pending in batch:
            pending.outcome = (False, StoreUnavailable(f"{self._name} failed: {exc!r}"))
        if batch:
            self.deliver(batch)


def _resolve(batch: list[Pending[object]]) -> None:
    for pending in batch:
        ok, value = pending.outcome
        if ok and pending.after_commit is not None:
            try:
                pending.after_commit(value)
            except Exception:
                log.exception("after_commit of %s failed", pending.name)
        if pending.future.done():
            continue
        if ok:
            pending.future.set_result(value)
        else:
            assert isinstance(value, BaseException)
            pending.future.set_exception(value)
