"""An operator's slips refused before they cost data: restore of something that is not a
backup, or while a node serves; backup of a mistyped directory; two nodes on one directory;
an admin token file left empty by a power cut. Each refusal is one line and a non-zero exit,
and the store is untouched (compared byte for byte, then served again)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.raw import PASSWORD, Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


def pigeon(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pigeon", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env={**os.environ, "PIGEON_ARGON2_TIME_COST": "1", "PIGEON_ARGON2_MEMORY_KIB": "8192"},
        check=False,
    )


def refusal(done: subprocess.CompletedProcess[str], command: str) -> str:
    """The one line a refused command printed; fails unless it was refused that way."""
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"pigeon {command}: "), done.stderr
    return last


def snapshot(directory: Path) -> dict[str, str]:
    """Every file of a directory tree and a hash of its bytes."""
    if not directory.exists():
        return {}
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def db_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("pigeon.db"))


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


@pytest.fixture
def stopped_store(tmp_path: Path) -> Path:
    """The data directory of a node that ran and stopped."""
    server = ServerProcess(tmp_path / "data").start()
    assert server.terminate() == 0
    return server.data_dir


async def register(url: str, handle: str, session: aiohttp.ClientSession) -> None:
    await Http(session, url).user(handle)


async def can_log_in(url: str, handle: str, session: aiohttp.ClientSession) -> bool:
    status, _ = await Http(session, url).call(
        "POST", "/v1/login", {"handle": handle, "password": PASSWORD}
    )
    return status == 200


@pytest.mark.durable("backs up and restores the store's files")
class TestRestoreRefuses:
    """Item 11: a restore checks the backup completely before touching the live store."""

    @pytest.fixture
    async def data(self, tmp_path: Path, session: aiohttp.ClientSession) -> Path:
        server = ServerProcess(tmp_path / "data").start()
        try:
            await register(server.url, "alice", session)
        finally:
            assert server.terminate() == 0
        return server.data_dir

    def assert_refused(self, data: Path, backup: Path, reason: str) -> None:
        before = snapshot(data)
        line = refusal(pigeon("restore", str(backup), "--data", str(data)), "restore")
        assert reason in line
        assert snapshot(data) == before

    async def test_refusals_leave_the_store_untouched(
        self, data: Path, tmp_path: Path, session: aiohttp.ClientSession
    ) -> None:
        """A missing file, a text file, an SQLite database that is not Pigeon's, a damaged
        backup, and the live store itself (by path, symlink and hard link) are each refused
        with one line; the store stays byte for byte the same, and serves alice after."""
        self.assert_refused(data, tmp_path / "no-such.db", "no such file")
        self.assert_refused(data, tmp_path, "not a file")
        text = tmp_path / "notes.txt"
        text.write_text("not a database\n")
        self.assert_refused(data, text, "not a Pigeon backup")
        other = tmp_path / "other.db"
        conn = sqlite3.connect(other)
        conn.execute("CREATE TABLE t (x)")
        conn.close()
        self.assert_refused(data, other, "not a Pigeon store")
        newer = tmp_path / "newer.db"
        assert pigeon("backup", str(newer), "--data", str(data)).returncode == 0
        conn = sqlite3.connect(newer)
        conn.execute("PRAGMA user_version=999")
        conn.close()
        self.assert_refused(data, newer, "newer than this Pigeon")
        damaged = tmp_path / "damaged.db"
        assert pigeon("backup", str(damaged), "--data", str(data)).returncode == 0
        raw = bytearray(damaged.read_bytes())
        page = 4096
        raw[2 * page : 3 * page] = b"\xa5" * page  # a whole B-tree page of garbage
        damaged.write_bytes(bytes(raw))
        self.assert_refused(data, damaged, str(damaged))
        live = data / "pigeon.db"
        self.assert_refused(data, live, "live store")
        link = tmp_path / "link.db"
        link.symlink_to(live)
        self.assert_refused(data, link, "live store")
        hard = tmp_path / "hard.db"
        os.link(live, hard)
        self.assert_refused(data, hard, "live store")
        server = ServerProcess(data).start()
        try:
            assert await can_log_in(server.url, "alice", session)
        finally:
            server.kill()

    async def test_refused_while_a_node_serves_the_directory(
        self, data: Path, tmp_path: Path, session: aiohttp.ClientSession
    ) -> None:
        """A restore into a directory a node is serving is refused with one line naming the
        node's pid, and the node goes on serving the same store."""
        server = ServerProcess(data).start()
        try:
            backup = tmp_path / "backup.db"
            assert pigeon("backup", str(backup), "--data", str(data)).returncode == 0
            await register(server.url, "bob", session)
            line = refusal(pigeon("restore", str(backup), "--data", str(data)), "restore")
            assert f"in use by another Pigeon process (pid {server.pid})" in line
            assert db_files(data) == ["pigeon.db", "pigeon.db-shm", "pigeon.db-wal"]
            assert await can_log_in(server.url, "bob", session)
        finally:
            server.kill()

    async def test_a_second_node_on_the_directory_is_refused(self, data: Path) -> None:
        """`pigeon serve` on a directory another node serves exits 1 with one line; the lock
        dies with its holder, so after a SIGKILL a new node starts at once."""
        server = ServerProcess(data).start()
        try:
            done = pigeon("serve", "--port", "0", "--data", str(data))
            line = refusal(done, "serve")
            assert f"(pid {server.pid})" in line
        finally:
            server.kill()
        ServerProcess(data).start().kill()

    async def test_a_sound_backup_is_restored_and_the_old_store_kept(
        self, data: Path, tmp_path: Path, session: aiohttp.ClientSession
    ) -> None:
        """A restore installs the backup (bob, registered after it, is gone) and keeps the
        old store, which opens with bob in it, as pigeon.db.before-restore-<time>."""
        backup = tmp_path / "backup.db"
        assert pigeon("backup", str(backup), "--data", str(data)).returncode == 0
        server = ServerProcess(data).start()
        try:
            await register(server.url, "bob", session)
        finally:
            server.kill()  # its WAL holds bob: the restore must keep it with the old store
        done = pigeon("restore", str(backup), "--data", str(data))
        assert done.returncode == 0, done.stderr
        [_, kept_name] = db_files(data)  # and no WAL of the old store beside the new one
        kept = data / kept_name
        assert kept_name.startswith("pigeon.db.before-restore-") and str(kept) in done.stdout
        conn = sqlite3.connect(kept)
        try:
            handles = {row[0] for row in conn.execute("SELECT handle FROM accounts")}
        finally:
            conn.close()
        assert handles == {"alice", "bob"}
        server = ServerProcess(data).start()
        try:
            assert await can_log_in(server.url, "alice", session)
            assert not await can_log_in(server.url, "bob", session)
        finally:
            server.kill()


@pytest.mark.durable("backs up the store's files")
class TestBackupRefuses:
    """Item 12: a backup of a directory with no store, or into an existing file, is refused
    and creates nothing."""

    def test_a_mistyped_data_directory_is_refused(self, tmp_path: Path) -> None:
        """Neither a directory that does not exist nor an empty one gets a database, and no
        backup file is written."""
        empty = tmp_path / "empty"
        empty.mkdir()
        for data in (tmp_path / "pigeon-dta", empty):
            backup = tmp_path / "backup.db"
            line = refusal(pigeon("backup", str(backup), "--data", str(data)), "backup")
            assert "holds no Pigeon store" in line
            assert snapshot(tmp_path) == {}
            assert not (tmp_path / "pigeon-dta").exists()

    def test_an_existing_backup_file_is_not_overwritten(
        self, stopped_store: Path, tmp_path: Path
    ) -> None:
        """A backup onto an existing file (an older backup, or the live store) is refused."""
        older = tmp_path / "older.db"
        older.write_bytes(b"the only good copy")
        line = refusal(pigeon("backup", str(older), "--data", str(stopped_store)), "backup")
        assert "exists" in line
        assert older.read_bytes() == b"the only good copy"
        live = stopped_store / "pigeon.db"
        refusal(pigeon("backup", str(live), "--data", str(stopped_store)), "backup")
        assert not list(tmp_path.glob(".*partial*"))

    def test_the_store_is_the_one_its_url_names(self, stopped_store: Path, tmp_path: Path) -> None:
        """--store picks the store as for serve: an sqlite: URL is backed up and restored
        like --data; the memory: store, which lives only in its node's process, is refused
        in one line, creating nothing."""
        backup = tmp_path / "backup.db"
        done = pigeon("backup", str(backup), "--store", f"sqlite://{stopped_store}")
        assert done.returncode == 0, done.stderr
        other = tmp_path / "other"
        done = pigeon("restore", str(backup), "--store", f"sqlite://{other}")
        assert done.returncode == 0, done.stderr
        assert "new epoch" in done.stdout and db_files(other) == ["pigeon.db"]
        before = snapshot(tmp_path)
        for command in ("backup", "restore"):
            line = refusal(pigeon(command, str(backup), "--store", "memory:"), command)
            assert "cannot be backed up or restored" in line
        assert snapshot(tmp_path) == before


class TestAdminToken:
    """Item 13: an empty or malformed admin token stops the start instead of opening the
    admin API to requests with no credentials."""

    @pytest.mark.parametrize("content", ["", "\n", "short\n", "not a token at all, spaces\n"])
    def test_serve_refuses_a_bad_admin_token(self, tmp_path: Path, content: str) -> None:
        """The node refuses to start with one line saying what to do, and starts once the
        file is deleted, with a fresh well-formed token."""
        data = tmp_path / "data"
        data.mkdir()
        token_file = data / "admin.token"
        token_file.write_text(content)
        line = refusal(pigeon("serve", "--port", "0", "--data", str(data)), "serve")
        assert f"{token_file} is empty or malformed; delete it" in line
        token_file.unlink()
        ServerProcess(data).start().kill()
        token = token_file.read_text().strip()
        assert len(token) == 43
        assert token_file.stat().st_mode & 0o777 == 0o600

    async def test_no_credentials_never_pass(
        self, stopped_store: Path, session: aiohttp.ClientSession
    ) -> None:
        """With a good token, a request with none, or with an empty bearer, is refused."""
        server = ServerProcess(stopped_store).start()
        try:
            http = Http(session, server.url)
            for token in (None, ""):
                status, body = await http.call("GET", "/v1/admin/connections", token=token)
                assert (status, body["code"]) == (401, "unauthenticated")
        finally:
            server.kill()
