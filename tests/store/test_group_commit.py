"""The writer's failed batches: rolled back, not retried, remembered until a batch commits;
and how it takes critical writes into batches."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from pigeon.errors import StoreUnavailable
from pigeon.store.batch_runner import Pending, _Lanes
from pigeon.store.group_commit import GroupCommitWriter
from pigeon.store.sqlite import SqliteStore, connect, migrate
from tests.helpers.timing import TIMEOUT_S


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


class HeldWriter:
    """A writer whose jobs note the order they ran in; a job named ``hold-*`` waits in the
    writer thread until the test lets it go: a batch under way, for as long as the test
    needs."""

    def __init__(self, path: Path, *, cut_s: float) -> None:
        conn = connect(path)
        migrate(conn)
        conn.close()
        self.writer = GroupCommitWriter(lambda: connect(path), cut_s=cut_s)
        self.ran: list[str] = []
        self._holding: dict[str, threading.Event] = {}
        self._release: dict[str, threading.Event] = {}

    def submit(self, name: str, *, critical: bool = False) -> asyncio.Future[None]:
        holding, release = threading.Event(), threading.Event()
        self._holding[name], self._release[name] = holding, release

        def job(conn: sqlite3.Connection) -> None:
            if name.startswith("hold"):
                holding.set()
                assert release.wait(TIMEOUT_S)
            self.ran.append(name)
            put(name)(conn)

        return self.writer.submit(name, job, critical=critical)

    async def until_holding(self, name: str) -> None:
        assert await asyncio.to_thread(self._holding[name].wait, TIMEOUT_S)

    def release(self, name: str) -> None:
        self._release[name].set()


async def sends_behind_a_held_batch(held: HeldWriter) -> list[asyncio.Future[None]]:
    """Queue s1..s4 while a first batch is held, so that they are taken as one batch whose
    first job (``hold-s1``) is held in turn; return once it is."""
    gate = held.submit("hold-gate")
    await held.until_holding("hold-gate")
    sends = [held.submit(name) for name in ("hold-s1", "s2", "s3", "s4")]
    held.release("hold-gate")
    await gate
    await held.until_holding("hold-s1")
    return sends


async def test_a_batch_of_sends_is_cut_for_a_critical_job_that_waits(tmp_path: Path) -> None:
    """D64: a read marker queued while a batch of sends is under way is committed once the
    job under way is, not after the whole batch: the batch commits what it has run, the
    marker commits alone, then the rest of the sends, in their order, all committed."""
    held = HeldWriter(tmp_path / "t.db", cut_s=1e-9)
    held.writer.start()
    try:
        sends = await sends_behind_a_held_batch(held)
        marker = held.submit("r1", critical=True)
        held.release("hold-s1")
        async with asyncio.timeout(TIMEOUT_S):
            await asyncio.gather(marker, *sends)
        assert held.ran == ["hold-gate", "hold-s1", "r1", "s2", "s3", "s4"]
        assert held.writer.statistics().batches == 4
    finally:
        await held.writer.stop()


async def test_a_batch_is_never_cut_while_no_critical_job_waits(tmp_path: Path) -> None:
    """Past its cut, a batch with no critical job waiting runs whole: one commit."""
    held = HeldWriter(tmp_path / "t.db", cut_s=1e-9)
    held.writer.start()
    try:
        sends = await sends_behind_a_held_batch(held)
        held.release("hold-s1")
        async with asyncio.timeout(TIMEOUT_S):
            await asyncio.gather(*sends)
        assert held.ran == ["hold-gate", "hold-s1", "s2", "s3", "s4"]
        assert held.writer.statistics().batches == 2
    finally:
        await held.writer.stop()


async def test_jobs_a_cut_batch_put_back_are_run_before_the_writer_stops(
    tmp_path: Path,
) -> None:
    """A stop asked for while a batch is cut (its marker taken with the batch) still lets
    every job put back, and the critical job, run and be answered."""
    held = HeldWriter(tmp_path / "t.db", cut_s=1e-9)
    held.writer.start()
    gate = held.submit("hold-gate")
    await held.until_holding("hold-gate")
    sends = [held.submit(name) for name in ("hold-s1", "s2", "s3")]
    stopping = asyncio.ensure_future(held.writer.stop())
    await asyncio.sleep(0)  # let stop() queue its marker behind s3
    held.release("hold-gate")
    await gate
    await held.until_holding("hold-s1")
    marker = held.submit("r1", critical=True)
    held.release("hold-s1")
    async with asyncio.timeout(TIMEOUT_S):
        await asyncio.gather(marker, *sends, stopping)
    assert held.ran == ["hold-gate", "hold-s1", "r1", "s2", "s3"]


async def test_a_batch_is_cut_for_a_critical_job_it_ran_that_waits_for_its_commit(
    tmp_path: Path,
) -> None:
    """The batch after a critical one alone takes critical jobs and sends together: once it
    has run its cut, it commits for the critical job it ran, not after every send."""
    held = HeldWriter(tmp_path / "t.db", cut_s=1e-9)
    held.writer.start()
    try:
        first = held.submit("hold-r0", critical=True)  # a critical batch alone, held
        await held.until_holding("hold-r0")
        marker = held.submit("r1", critical=True)
        sends = [held.submit(name) for name in ("hold-s1", "s2", "s3")]
        held.release("hold-r0")
        await first
        await held.until_holding("hold-s1")  # in the batch [r1, hold-s1, s2, s3]
        held.release("hold-s1")
        async with asyncio.timeout(TIMEOUT_S):
            await asyncio.gather(marker, *sends)
        assert held.ran == ["hold-r0", "r1", "hold-s1", "s2", "s3"]
        # [hold-r0], [r1, hold-s1] cut there, [s2, s3]
        assert held.writer.statistics().batches == 3
    finally:
        await held.writer.stop()


async def test_stop_markers_are_not_jobs() -> None:
    """A thread that reached its stop marker stops unless jobs wait; another thread's stop
    marker is not one, or two threads would hand their markers back and forth."""
    lanes = _Lanes(max_normal=10, max_critical=10)
    lanes.put_stop()
    lanes.put_stop()
    assert not lanes.has_jobs()
    future: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    assert lanes.put_nowait(Pending("r1", put("r1"), future), critical=True)
    assert lanes.has_jobs()
