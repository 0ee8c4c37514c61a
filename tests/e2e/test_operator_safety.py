"""An operator's slips refused before they cost data: an admin token file left empty by a
power cut. Each refusal is one line and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.raw import Http
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
