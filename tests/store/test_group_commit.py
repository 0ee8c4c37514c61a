"""The writer's failed batches: rolled back, not retried, remembered until a batch commits;
and how it takes critical writes into batches."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from pigeon.errors import StoreUnavailable
from pigeon.store.batch_runner import Pending, _Lanes
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


async def test_critical_jobs_commit_in_a_batch_of_their_own_but_never_starve_sends() -> None:
    """D61: queued read markers (the critical lane) are taken alone, not into a batch with
    hundreds of sends whose commit they would wait for; the batch after takes sends too,
    so a steady stream of critical jobs cannot hold sends back."""
    lanes = _Lanes(max_normal=100, max_critical=10)

    def job(name: str, *, critical: bool) -> Pending[object]:
        future: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        pending: Pending[object] = Pending(name, put(name), future)
        assert lanes.put_nowait(pending, critical=critical)
        return pending

    for name in ("s1", "s2", "s3"):
        job(name, critical=False)
    job("r1", critical=True)
    job("r2", critical=True)

    def names() -> list[str]:
        batch, stop = lanes.take(512)
        assert not stop
        lanes.done()
        return [p.name for p in batch]

    assert names() == ["r1", "r2"]
    job("r3", critical=True)
    assert names() == ["r3", "s1", "s2", "s3"]
    job("s4", critical=False)
    job("r4", critical=True)
    assert names() == ["r4"]
    assert names() == ["s4"]
