"""Reader threads that run read jobs in batches, each batch in one read snapshot.

A batch is taken only after each of its jobs was submitted, so a read sees every write that
committed before it was asked for (the hello's second read relies on it). A job that breaks a
rule (``ProtocolViolation``) or meets a database error fails alone; the rest of its batch is
answered.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3

from pigeon.errors import ErrorCode, ProtocolViolation, StoreUnavailable
from pigeon.store.batch_runner import BatchRunner, Pending

log = logging.getLogger(__name__)


class SnapshotReader(BatchRunner):
    def run_batch(self, conn: sqlite3.Connection, batch: list[Pending[object]]) -> None:
        try:
            conn.execute("BEGIN")
        except sqlite3.Error as exc:
            log.error("read batch of %d failed: %r", len(batch), exc)
            error = StoreUnavailable(f"read failed: {exc!r}")
            for pending in batch:
                pending.outcome = (False, error)
            return
        try:
            for pending in batch:
                try:
                    pending.outcome = (True, pending.job(conn))
                except ProtocolViolation as exc:
                    pending.outcome = (False, exc)
                except sqlite3.Error as exc:
                    pending.outcome = (False, StoreUnavailable(f"{pending.name} failed: {exc!r}"))
                except Exception as exc:
                    log.exception("read job %s failed", pending.name)
                    pending.outcome = (
                        False,
                        ProtocolViolation(ErrorCode.INTERNAL, detail=repr(exc)),
                    )
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("COMMIT")
