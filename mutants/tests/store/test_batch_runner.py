"""The reader threads' batches: each job answered on its own, the queue bounded."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited, StoreUnavailable
from pigeon.store.snapshot_reader import SnapshotReader
from pigeon.store.sqlite import connect, migrate


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    conn = connect(path)
    migrate(conn)
    conn.close()
    return path


@pytest.fixture
async def reader(db: Path) -> AsyncIterator[SnapshotReader]:
    runner = SnapshotReader(
        lambda: connect(db, readonly=True), name="reader", threads=1, max_queue=2
    )
    runner.start()
    yield runner
    await runner.stop()


async def hold(reader: SnapshotReader) -> tuple[threading.Event, asyncio.Future[None]]:
    """Occupy the reader's only thread until the returned event is set."""
    started, release = threading.Event(), threading.Event()

    def block(conn: sqlite3.Connection) -> None:
        conn.execute("SELECT count(*) FROM meta").fetchone()  # its batch's snapshot begins
        started.set()
        release.wait(10)

    held = reader.submit("block", block)
    assert await asyncio.to_thread(started.wait, 10)
    return release, held


async def test_a_failing_read_fails_alone(reader: SnapshotReader) -> None:
    release, held = await hold(reader)
    # Queued behind the held job, so they run as one batch.
    broken = reader.submit("broken", lambda conn: conn.execute("SELECT nope").fetchone())
    fine = reader.submit("fine", lambda conn: conn.execute("SELECT 41 + 1").fetchone()[0])
    release.set()
    await held
    with pytest.raises(StoreUnavailable):
        await broken
    assert await fine == 42


async def test_rule_violations_and_bugs_reach_the_caller_as_protocol_errors(
    reader: SnapshotReader,
) -> None:
    def not_found(conn: sqlite3.Connection) -> None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND)

    def bug(conn: sqlite3.Connection) -> None:
        raise KeyError("a bug")

    with pytest.raises(ProtocolViolation) as rule:
        await reader.submit("rule", not_found)
    assert rule.value.code is ErrorCode.NOT_FOUND
    with pytest.raises(ProtocolViolation) as internal:
        await reader.submit("bug", bug)
    assert internal.value.code is ErrorCode.INTERNAL


async def test_a_full_queue_refuses_with_busy_at_once(reader: SnapshotReader) -> None:
    release, held = await hold(reader)
    queued = [reader.submit(f"q{i}", lambda conn: 1) for i in range(2)]
    with pytest.raises(RateLimited) as refused:
        reader.submit("one too many", lambda conn: 1)
    assert refused.value.code is ErrorCode.BUSY
    release.set()
    await held
    assert await asyncio.gather(*queued) == [1, 1]


async def test_a_read_sees_what_committed_before_it_was_asked(
    db: Path, reader: SnapshotReader
) -> None:
    writer = connect(db)
    try:
        release, held = await hold(reader)
        # Asked while the reader was busy, answered in a later batch: that batch's snapshot
        # starts after the question, so it must include this commit.
        writer.execute("INSERT INTO meta(key, value) VALUES ('k', 'v')")
        asked = reader.submit(
            "k", lambda conn: conn.execute("SELECT value FROM meta WHERE key = 'k'").fetchone()
        )
        release.set()
        await held
        assert await asked == ("v",)
    finally:
        writer.close()
