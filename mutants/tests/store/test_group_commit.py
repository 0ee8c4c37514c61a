"""The writer's failed batches: rolled back, not retried, remembered until a batch commits."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from pigeon.errors import StoreUnavailable
from pigeon.store.group_commit import GroupCommitWriter
from pigeon.store.sqlite import SqliteStore, connect, migrate


@pytest.fixture
async def writer(tmp_path: Path) -> AsyncIterator[GroupCommitWriter]:
    path = tmp_path / "t.db"
    conn = connect(path)
    migrate(conn)
    conn.close()
    runner = GroupCommitWriter(lambda: connect(path))
    runner.start()
    yield runner
    await runner.stop()


def put(key: str) -> Callable[[sqlite3.Connection], None]:
    def job(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO meta(key, value) VALUES (?, 'v')", (key,))

    return job


def disk_full(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES ('lost', 'v')")
    raise sqlite3.OperationalError("database or disk is full")


async def test_a_failed_batch_is_rolled_back_and_remembered_until_one_commits(
    writer: GroupCommitWriter, tmp_path: Path
) -> None:
    """A database error fails the batch with StoreUnavailable and rolls it back; the writer
    goes on, and last_error is set until the next batch commits."""
    assert writer.statistics().last_error is None
    with pytest.raises(StoreUnavailable):
        await writer.submit("disk_full", disk_full)
    assert writer.statistics().last_error == repr(
        sqlite3.OperationalError("database or disk is full")
    )
    assert writer.running()
    await writer.submit("put", put("kept"))
    assert writer.statistics().last_error is None
    conn = connect(tmp_path / "t.db")
    keys = {row[0] for row in conn.execute("SELECT key FROM meta")}
    conn.close()
    assert "kept" in keys and "lost" not in keys


async def test_check_fails_after_a_failed_write_and_a_probe_clears_it(tmp_path: Path) -> None:
    """SqliteStore.check reports the last batch's outcome; probe_write commits one."""
    store = SqliteStore(tmp_path)
    await store.open()
    try:
        await store.check()
        with pytest.raises(StoreUnavailable):
            await store._writer.submit("disk_full", disk_full)
        with pytest.raises(StoreUnavailable, match="last write failed"):
            await store.check()
        await store.probe_write(1234)
        await store.check()
    finally:
        await store.close()


async def test_a_corrupt_page_fails_the_whole_batch(writer: GroupCommitWriter) -> None:
    """SQLite reports a corrupt page as a plain DatabaseError: the database failed, not the
    job, so the batch fails like on an I/O error (not `internal` for one job alone)."""

    def corrupt(conn: sqlite3.Connection) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    with pytest.raises(StoreUnavailable):
        await writer.submit("corrupt", corrupt)
    assert writer.statistics().last_error is not None
