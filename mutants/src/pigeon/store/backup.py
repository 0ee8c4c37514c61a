"""Backup and restore of the embedded store, safe against an operator's slip or a crash.
:class:`~pigeon.store.sqlite.SqliteStore` offers them behind the Store interface.

``write_backup`` copies a (possibly running) store with SQLite's online backup API. It
refuses a data directory with no store (a mistyped ``--data`` would otherwise create an
empty database there and back that up) and a backup file that exists (overwriting one
silently can destroy the only good copy). The copy is written to a temporary file, fsync'd
and linked into place, so a backup file that exists is complete.

``restore_backup`` checks the backup completely before touching anything: it opens
read-only as SQLite, passes ``PRAGMA integrity_check``, and has Pigeon's schema (a known
``user_version``, the tables, an epoch); it is not the live store itself. Then, holding the
data directory's lock (so it refuses while a node serves it), it copies the backup into
``pigeon.db.restoring`` under a new epoch, fsyncs it, keeps the old store as
``pigeon.db.before-restore-<UTC time>`` (a hard link, after a checkpoint so the database
file holds everything) and renames the copy over ``pigeon.db``. A crash at any point leaves
``pigeon.db`` either the old store or the restored one, never a mix (docs/OPERATIONS.md).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from pigeon.durable_files import fsync_dir
from pigeon.errors import DataDirRefused
from pigeon.store.base import Restored, new_epoch
from pigeon.store.lock import DataDirLock
from pigeon.store.sqlite import DB_FILE, connect, migration_scripts, set_epoch

# The tables of migration 0001, which every Pigeon store has.
PIGEON_TABLES = frozenset({"meta", "accounts", "tokens", "conversations", "members", "events"})
RESTORING_SUFFIX = ".restoring"
BEFORE_RESTORE_SUFFIX = ".before-restore-"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def write_backup(data_dir: Path, backup: Path) -> None:
    """Copy the store of ``data_dir`` (running or not) into the new file ``backup``.

    Raises :class:`DataDirRefused`, having created nothing, if ``data_dir`` holds no store or
    ``backup`` exists."""
    data_dir, backup = Path(data_dir), Path(backup)
    live = data_dir / DB_FILE
    if not live.is_file():
        raise DataDirRefused(f"{data_dir} holds no Pigeon store (no {DB_FILE}); check --data")
    if backup.exists() or backup.is_symlink():
        raise DataDirRefused(f"{backup} exists; give the backup a new name or remove that file")
    partial = backup.with_name(f".{backup.name}.{os.getpid()}.partial")
    _remove_db_files(partial)
    try:
        try:
            source = connect(live, readonly=True)
        except sqlite3.Error as exc:
            raise DataDirRefused(f"cannot read {live}: {exc}") from exc
        try:
            _check_schema(source, live)
            copy = sqlite3.connect(partial, isolation_level=None)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                copy.close()
        except sqlite3.Error as exc:
            raise DataDirRefused(f"cannot back up {live} to {backup}: {exc}") from exc
        finally:
            source.close()
        _fsync_file(partial)
        try:
            os.link(partial, backup)  # unlike a rename, never replaces a file made meanwhile
        except FileExistsError:
            raise DataDirRefused(
                f"{backup} exists; give the backup a new name or remove that file"
            ) from None
        fsync_dir(backup.parent)
    finally:
        _remove_db_files(partial)


def check_backup(backup: Path, data_dir: Path) -> None:
    """Raise :class:`DataDirRefused` unless ``backup`` is a whole, sound Pigeon store that is
    not the live store of ``data_dir``. Changes nothing (SQLite may create ``-wal`` and
    ``-shm`` files next to a backup in WAL mode, as older Pigeons wrote them)."""
    backup = Path(backup)
    if not backup.exists():
        raise DataDirRefused(f"{backup}: no such file")
    if not backup.is_file():
        raise DataDirRefused(f"{backup} is not a file")
    live = Path(data_dir) / DB_FILE
    if live.exists() and os.path.samefile(backup, live):  # same st_dev and st_ino
        raise DataDirRefused(
            f"{backup} is the live store of {data_dir} itself; restore a file made by pigeon backup"
        )
    try:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DataDirRefused(f"cannot open {backup}: {exc}") from exc
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise DataDirRefused(
                f"{backup} is damaged: SQLite's integrity check says {problems[0]!r}"
            )
        _check_schema(conn, backup)
    except sqlite3.DatabaseError as exc:
        raise DataDirRefused(f"{backup} is not a Pigeon backup ({exc})") from exc
    finally:
        conn.close()


def restore_backup(backup: Path, data_dir: Path) -> Restored:
    """Install ``backup`` as the store of ``data_dir`` under a new epoch, so that clients
    holding cursors from after the backup are told to resync (G4).

    Raises :class:`DataDirRefused`, with the live store untouched, if the backup is not a
    sound Pigeon store (see :func:`check_backup`) or a process holds ``data_dir``."""
    backup, data_dir = Path(backup), Path(data_dir)
    check_backup(backup, data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = DataDirLock(data_dir)
    lock.acquire()
    target = data_dir / DB_FILE
    restoring = data_dir / (DB_FILE + RESTORING_SUFFIX)
    try:
        _remove_db_files(restoring)  # what an interrupted restore left
        epoch = _copy_with_new_epoch(backup, restoring)
        kept = _keep_old_store(target)
        os.replace(restoring, target)
        fsync_dir(data_dir)
        return Restored(epoch=epoch, kept=kept)
    finally:
        _remove_db_files(restoring)
        lock.release()


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    known = migration_scripts()[-1][0]
    if version > known:
        raise DataDirRefused(
            f"{path} has schema version {version}, newer than this Pigeon's {known}; upgrade"
        )
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = PIGEON_TABLES - tables
    if version < 1 or missing:
        raise DataDirRefused(f"{path} is an SQLite database but not a Pigeon store")
    if conn.execute("SELECT 1 FROM meta WHERE key = 'epoch'").fetchone() is None:
        raise DataDirRefused(f"{path} is not a Pigeon store (it has no epoch)")


def _copy_with_new_epoch(backup: Path, copy_path: Path) -> str:
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        copy = sqlite3.connect(copy_path, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one file to rename; serve turns WAL on
            copy.execute("PRAGMA synchronous=FULL")
            epoch = new_epoch()
            set_epoch(copy, epoch)
        finally:
            copy.close()
            source.close()
    except sqlite3.Error as exc:
        raise DataDirRefused(f"cannot copy {backup} into {copy_path.parent}: {exc}") from exc
    _fsync_file(copy_path)
    return epoch


def _keep_old_store(target: Path) -> Path | None:
    """Keep the store at ``target`` under a new name, leaving ``target`` itself in place (a
    hard link), so that until the restored copy is renamed over it, it is still the store."""
    if not target.exists() and not Path(f"{target}-wal").exists():
        return None
    if target.exists():
        # Move the WAL's commits into the database file, so that the file alone is the whole
        # store and no WAL is left to be replayed onto the restored one. A damaged store may
        # refuse; then its WAL is kept beside it as it is.
        with contextlib.suppress(sqlite3.Error):
            conn = connect(target)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()  # the last connection's close removes the WAL and shm files
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    kept = target.with_name(f"{target.name}{BEFORE_RESTORE_SUFFIX}{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = target.with_name(f"{target.name}{BEFORE_RESTORE_SUFFIX}{stamp}-{n}")
    if target.exists():
        os.link(target, kept)
    for suffix in _SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{target}{suffix}", f"{kept}{suffix}")
    fsync_dir(target.parent)  # no old WAL may reappear next to the restored store
    return kept


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_db_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


__all__ = ["check_backup", "restore_backup", "write_backup"]
