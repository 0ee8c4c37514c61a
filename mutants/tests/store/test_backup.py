"""Backup and restore of the embedded store, and the data directory's lock (items 11 and 12
of the hardening issue). The CLI and a real node are in tests/e2e/test_operator_safety.py."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from pigeon.errors import DataDirRefused
from pigeon.store.backup import check_backup, restore_backup, write_backup
from pigeon.store.lock import DataDirLock
from pigeon.store.sqlite import SqliteStore
from tests.store.conformance import make_users


async def test_an_open_store_holds_its_directory(tmp_path: Path) -> None:
    """A second store on the same directory, even in the same process, is refused until the
    first is closed; the refusal names the holder's pid."""
    first = SqliteStore(tmp_path)
    await first.open()
    second = SqliteStore(tmp_path)
    try:
        with pytest.raises(DataDirRefused, match=r"in use by another Pigeon process \(pid \d+\)"):
            await second.open()
    finally:
        await first.close()
    await second.open()
    await second.close()


def test_a_lock_is_released_and_taken_again(tmp_path: Path) -> None:
    lock = DataDirLock(tmp_path)
    lock.acquire()
    with pytest.raises(DataDirRefused):
        DataDirLock(tmp_path).acquire()
    lock.release()
    lock.release()  # idempotent
    other = DataDirLock(tmp_path)
    other.acquire()
    assert other.held
    other.release()


async def test_restore_refuses_while_the_store_is_open(tmp_path: Path) -> None:
    """A restore into a directory whose store is open changes nothing."""
    store = SqliteStore(tmp_path / "data")
    await store.open()
    try:
        await make_users(store, "alice")
        write_backup(tmp_path / "data", tmp_path / "backup.db")
        with pytest.raises(DataDirRefused, match="in use"):
            restore_backup(tmp_path / "backup.db", tmp_path / "data")
        assert await store.account_exists("alice")
    finally:
        await store.close()


def test_check_backup_refuses_what_is_not_a_pigeon_store(tmp_path: Path) -> None:
    """Each way a file can fail to be a backup has its own message."""
    data = tmp_path / "data"
    with pytest.raises(DataDirRefused, match="no such file"):
        check_backup(tmp_path / "missing.db", data)
    text = tmp_path / "a.txt"
    text.write_text("hello")
    with pytest.raises(DataDirRefused, match="not a Pigeon backup"):
        check_backup(text, data)
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    with pytest.raises(DataDirRefused, match="not a Pigeon store"):
        check_backup(empty, data)


def test_backup_refuses_a_directory_with_no_store(tmp_path: Path) -> None:
    with pytest.raises(DataDirRefused, match="holds no Pigeon store"):
        write_backup(tmp_path / "nothing", tmp_path / "b.db")
    assert list(tmp_path.iterdir()) == []


async def test_an_interrupted_restore_leaves_the_old_store_and_can_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash just before the restored copy is renamed into place (the last step) leaves
    pigeon.db the old, whole store, with no WAL beside it; the same restore run again works."""
    data = tmp_path / "data"
    store = SqliteStore(data)
    await store.open()
    await make_users(store, "alice")
    write_backup(data, tmp_path / "backup.db")
    await make_users(store, "bob")
    await store.close()
    target = data / "pigeon.db"
    real_replace = os.replace

    def crash_before_the_swap(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == target:
            raise OSError("power cut")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_before_the_swap)
    with pytest.raises(OSError, match="power cut"):
        restore_backup(tmp_path / "backup.db", data)
    monkeypatch.undo()
    assert not [n for n in names(data) if n.endswith("-wal") or ".restoring" in n]
    assert accounts(target) == {"alice", "bob"}
    restored = restore_backup(tmp_path / "backup.db", data)
    assert accounts(target) == {"alice"}
    assert restored.kept is not None and accounts(restored.kept) == {"alice", "bob"}
    assert not [n for n in names(data) if n.endswith("-wal") or ".restoring" in n]


def accounts(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {row[0] for row in conn.execute("SELECT handle FROM accounts")}
    finally:
        conn.close()


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())
