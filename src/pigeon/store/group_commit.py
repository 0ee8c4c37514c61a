"""One writer thread that runs write jobs in batches: one transaction and one fsync per batch.

Jobs are functions of a ``sqlite3.Connection``. Each runs inside a SAVEPOINT, so a job that
breaks a rule (``ProtocolViolation``) is rolled back alone and the rest of its batch commits.
A job that fails any other way fails alone with ``internal``. A database error (I/O, disk
full, corruption, a lock held too long) fails the whole batch with :class:`StoreUnavailable`:
nothing of it is acknowledged, so clients retry with the same ids (G2). The batch is rolled
back, not retried, and the writer goes on with the next one; ``statistics().last_error``
says whether the last batch failed, which is what readiness reports.

The queue is bounded: past ``max_queue`` waiting jobs, :meth:`GroupCommitWriter.submit`
refuses at once with ``busy`` instead of queueing without limit (G6).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from pigeon.core import shedding
from pigeon.errors import ErrorCode, ProtocolViolation, StoreUnavailable
from pigeon.store.batch_runner import BatchRunner, Pending

log = logging.getLogger(__name__)


# The database itself failed: an I/O error, a full disk, a lock held too long (Operational), a
# corrupt page or a file that is not a database (plain DatabaseError). Its subclasses
# (IntegrityError, ProgrammingError, ...) are one job's fault.
_DATABASE_FAILURES = (sqlite3.OperationalError, sqlite3.DatabaseError)


@dataclass(frozen=True, slots=True)
class WriterStatistics:
    batches: int
    jobs: int
    max_batch: int
    last_commit_s: float
    queued: int
    last_error: str | None  # why the last batch failed; None once a batch commits


class GroupCommitWriter(BatchRunner):
    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        *,
        max_batch: int = 512,
        max_queue: int = 20_000,
        observe: Callable[[int, float], None] | None = None,
        cut_s: float = 0.0,
    ) -> None:
        """``observe(batch_size, commit_seconds)`` is called from the writer thread after each
        commit (for metrics; it must be thread-safe and quick). A batch that has run
        ``cut_s`` while a critical job waits (queued, or run in this batch and waiting for
        its commit) commits what it has run (0: never cut)."""
        super().__init__(
            connect, name="writer", threads=1, max_batch=max_batch, max_queue=max_queue
        )
        self._observe = observe
        self._cut_s = cut_s
        self._batches = 0
        self._jobs = 0
        self._max_batch_seen = 0
        self._last_commit_s = 0.0
        self._last_error: str | None = None

    def statistics(self) -> WriterStatistics:
        return WriterStatistics(
            batches=self._batches,
            jobs=self._jobs,
            max_batch=self._max_batch_seen,
            last_commit_s=self._last_commit_s,
            queued=self.queued(),
            last_error=self._last_error,
        )

    def run_batch(self, conn: sqlite3.Connection, batch: list[Pending[object]]) -> None:
        started = time.perf_counter()
        try:
            conn.execute("BEGIN IMMEDIATE")
            # Critical jobs come first in a batch: those run wait for this batch's commit.
            critical_run = batch[0].critical
            for i, pending in enumerate(batch):
                if i and not pending.critical and self._cut_due(started, critical_run):
                    self._queue.put_back(batch[i:])
                    del batch[i:]  # the caller answers only what this batch ran
                    break
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
            self._last_error = repr(exc)
            error = StoreUnavailable(f"write failed: {exc!r}")
            for pending in batch:
                pending.outcome = (False, error)
            if not isinstance(exc, Exception):
                raise
            return
        self._last_error = None
        self._batches += 1
        self._jobs += len(batch)
        self._max_batch_seen = max(self._max_batch_seen, len(batch))
        self._last_commit_s = time.perf_counter() - started
        if self._observe is not None:
            self._observe(len(batch), self._last_commit_s)

    def _cut_due(self, started: float, critical_run: bool) -> bool:
        return shedding.batch_cut_due(
            elapsed_s=time.perf_counter() - started,
            cut_s=self._cut_s,
            critical_waiting=critical_run or self._queue.critical_waiting(),
        )

    @staticmethod
    def _run_job(conn: sqlite3.Connection, pending: Pending[object]) -> None:
        conn.execute("SAVEPOINT job")
        try:
            value = pending.job(conn)
        except ProtocolViolation as exc:
            conn.execute("ROLLBACK TO job")
            pending.outcome = (False, exc)
        except Exception as exc:
            if type(exc) in _DATABASE_FAILURES:
                raise  # the database itself failed: the whole batch fails
            # A bug in one job, or a value SQLite refuses, fails that job alone.
            log.exception("write job %s failed", pending.name)
            conn.execute("ROLLBACK TO job")
            pending.outcome = (False, ProtocolViolation(ErrorCode.INTERNAL, detail=repr(exc)))
        else:
            pending.outcome = (True, value)
        conn.execute("RELEASE job")
