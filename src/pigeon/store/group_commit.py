"""One writer thread that runs write jobs in batches: one transaction and one fsync per batch.

Jobs are functions of a ``sqlite3.Connection``. Each runs inside a SAVEPOINT, so a job that
breaks a rule (``ProtocolViolation``) is rolled back alone and the rest of its batch commits.
A job that fails any other way fails alone with ``internal``. A database error (I/O, disk
full, corruption) fails the whole batch with :class:`StoreUnavailable`: nothing of it is
acknowledged, so clients retry with the same ids (G2).

The queue is bounded: past ``max_queue`` waiting jobs, :meth:`GroupCommitWriter.submit`
refuses at once with ``busy`` instead of queueing without limit (G6).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited, StoreUnavailable

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[sqlite3.Connection], T]


@dataclass(slots=True)
class _Pending(Generic[T]):
    name: str
    job: Job[T]
    future: asyncio.Future[T]
    after_commit: Callable[[T], None] | None = None
    outcome: tuple[bool, object] = field(default=(False, None))


@dataclass(frozen=True, slots=True)
class WriterStatistics:
    batches: int
    jobs: int
    max_batch: int
    last_commit_s: float
    queued: int


_STOP = object()


class GroupCommitWriter:
    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        *,
        max_batch: int = 512,
        max_queue: int = 20_000,
        observe: Callable[[int, float], None] | None = None,
    ) -> None:
        """``observe(batch_size, commit_seconds)`` is called from the writer thread after each
        commit (for metrics; it must be thread-safe and quick)."""
        self._connect = connect
        self._observe = observe
        self.max_batch = max_batch
        self._queue: queue.Queue[_Pending[object] | object] = queue.Queue(maxsize=max_queue)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._failed: BaseException | None = None
        self._batches = 0
        self._jobs = 0
        self._max_batch_seen = 0
        self._last_commit_s = 0.0

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        conn = self._connect()
        self._thread = threading.Thread(
            target=self._run, args=(conn,), name="pigeon-writer", daemon=True
        )
        self._thread.start()

    async def stop(self) -> None:
        """Let queued jobs finish, then stop the thread."""
        if self._thread is None:
            return
        self._queue.put(_STOP)
        await asyncio.to_thread(self._thread.join)
        self._thread = None

    def submit(
        self, name: str, job: Job[T], after_commit: Callable[[T], None] | None = None
    ) -> asyncio.Future[T]:
        """Queue ``job`` for the next batch. The future resolves once its batch has committed;
        ``after_commit`` then runs on the loop, in commit order, before the future resolves."""
        if self._failed is not None or self._thread is None or self._loop is None:
            raise StoreUnavailable("the writer is not running") from self._failed
        fut: asyncio.Future[T] = self._loop.create_future()
        pending = _Pending(name, job, fut, after_commit)
        try:
            self._queue.put_nowait(pending)
        except queue.Full:
            raise RateLimited(100, ErrorCode.BUSY) from None
        return fut

    def running(self) -> bool:
        return self._failed is None and self._thread is not None and self._thread.is_alive()

    def statistics(self) -> WriterStatistics:
        return WriterStatistics(
            batches=self._batches,
            jobs=self._jobs,
            max_batch=self._max_batch_seen,
            last_commit_s=self._last_commit_s,
            queued=self._queue.qsize(),
        )

    # -- the writer thread ------------------------------------------------------------------

    def _run(self, conn: sqlite3.Connection) -> None:
        try:
            while True:
                first = self._queue.get()
                if first is _STOP:
                    return
                batch: list[_Pending[object]] = [first]  # type: ignore[list-item]
                stop = False
                while len(batch) < self.max_batch:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is _STOP:
                        stop = True
                        break
                    batch.append(item)  # type: ignore[arg-type]
                self._run_batch(conn, batch)
                if stop:
                    return
        except BaseException as exc:  # the thread must never die silently
            log.exception("writer thread failed")
            self._failed = exc
            self._fail_queued(exc)
        finally:
            conn.close()

    def _run_batch(self, conn: sqlite3.Connection, batch: list[_Pending[object]]) -> None:
        started = time.perf_counter()
        try:
            conn.execute("BEGIN IMMEDIATE")
            for pending in batch:
                self._run_job(conn, pending)
            conn.execute("COMMIT")
        except BaseException as exc:
            # The database failed (I/O error, disk full, corruption): nothing of this batch is
            # acknowledged, so clients retry with the same ids (G2). The writer goes on: the
            # next batch may succeed, and every failure is logged loudly.
            log.error("batch of %d failed: %r", len(batch), exc, extra={"jobs": len(batch)})
            with contextlib.suppress(sqlite3.Error):
                if conn.in_transaction:
                    conn.rollback()
            error = StoreUnavailable(f"write failed: {exc!r}")
            for pending in batch:
                pending.outcome = (False, error)
            self._deliver(batch)
            if not isinstance(exc, Exception):
                raise
            return
        self._batches += 1
        self._jobs += len(batch)
        self._max_batch_seen = max(self._max_batch_seen, len(batch))
        self._last_commit_s = time.perf_counter() - started
        self._deliver(batch)
        if self._observe is not None:
            self._observe(len(batch), self._last_commit_s)

    @staticmethod
    def _run_job(conn: sqlite3.Connection, pending: _Pending[object]) -> None:
        conn.execute("SAVEPOINT job")
        try:
            value = pending.job(conn)
        except ProtocolViolation as exc:
            conn.execute("ROLLBACK TO job")
            pending.outcome = (False, exc)
        except sqlite3.OperationalError:
            raise  # the database itself failed: the whole batch fails
        except Exception as exc:
            # A bug in one job, or a value SQLite refuses, fails that job alone.
            log.exception("write job %s failed", pending.name)
            conn.execute("ROLLBACK TO job")
            pending.outcome = (False, ProtocolViolation(ErrorCode.INTERNAL, detail=repr(exc)))
        else:
            pending.outcome = (True, value)
        conn.execute("RELEASE job")

    def _deliver(self, batch: list[_Pending[object]]) -> None:
        assert self._loop is not None
        # A closed loop (RuntimeError) means nobody is waiting any more.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(_resolve, batch)

    def _fail_queued(self, exc: BaseException) -> None:
        batch: list[_Pending[object]] = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not _STOP:
                pending: _Pending[object] = item  # type: ignore[assignment]
                pending.outcome = (False, StoreUnavailable(f"writer failed: {exc!r}"))
                batch.append(pending)
        if batch:
            self._deliver(batch)


def _resolve(batch: list[_Pending[object]]) -> None:
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
