"""The store is chosen by URL (``--store`` / ``PIGEON_STORE``): ``memory:`` serves the whole
protocol with nothing on disk but the admin token, ``sqlite:///dir`` puts the embedded store in
that directory, and anything else is refused at start, in one line, before anything is made."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.conftest import Connector
from tests.helpers.raw import PASSWORD, Http
from tests.helpers.server import Backends, ServerProcess
from tests.helpers.timing import TIMEOUT_S


@pytest.fixture
async def memory_server(tmp_path: Path) -> AsyncIterator[ServerProcess]:
    proc = ServerProcess(tmp_path / "data", env={"PIGEON_STORE": "memory:"}).start()
    try:
        yield proc
    finally:
        proc.kill()


async def test_memory_store_serves_the_protocol(
    memory_server: ServerProcess,
    client_session: aiohttp.ClientSession,
    tmp_path: Path,
    backends: Backends,
) -> None:
    """Register, log in, open a conversation, send over HTTP and a WebSocket, see the push,
    and read the history back; the data directory holds no database."""
    http = Http(client_session, memory_server.url)
    connect = Connector(client_session, memory_server, lossy_bus=backends.lossy_bus)
    try:
        alice, bob = await http.user("alice"), await http.user("bob")
        conv = await http.direct(alice, "bob")
        bob_ws = await connect(bob)
        alice_ws = await connect(alice)
        ack = await alice_ws.send(conv, "m1", "over the socket")
        assert ack["type"] == "ack" and ack["seq"] == 2, ack
        [pushed] = await bob_ws.events(conv, after=1, count=1)
        assert (pushed["seq"], pushed["body"]) == (2, "over the socket"), pushed
        status, body = await http.call(
            "POST",
            f"/v1/conversations/{conv}/messages",
            {"client_msg_id": "m2", "body": "over HTTP"},
            bob,
        )
        assert status == 200 and body["seq"] == 3, body
        status, page = await http.call(
            "GET", f"/v1/conversations/{conv}/messages?after=0", None, alice
        )
        assert status == 200, page
        assert [(e["seq"], e.get("body")) for e in page["events"]] == [
            (1, None),
            (2, "over the socket"),
            (3, "over HTTP"),
        ]
    finally:
        for ws in connect.opened:
            await ws.close()
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["admin.token"]


async def test_memory_store_starts_empty_with_a_new_epoch(
    memory_server: ServerProcess, client_session: aiohttp.ClientSession
) -> None:
    """A restart of a memory: node is a new, empty history: its epoch changes, so clients
    resync instead of trusting cursors into a log that is gone."""
    http = Http(client_session, memory_server.url)
    await http.user("alice")
    _, before = await http.call("GET", "/healthz")
    memory_server.kill()
    memory_server.restart()
    _, after = await http.call("GET", "/healthz")
    assert before["epoch"] != after["epoch"]
    status, _ = await http.call("POST", "/v1/login", {"handle": "alice", "password": PASSWORD})
    assert status == 401  # alice is gone with the old store


async def test_sqlite_url_puts_the_store_in_its_directory(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """sqlite:///dir is the embedded store in dir; the data directory keeps the admin token."""
    elsewhere = tmp_path / "elsewhere"
    proc = ServerProcess(tmp_path / "data", env={"PIGEON_STORE": f"sqlite://{elsewhere}"}).start()
    try:
        await Http(client_session, proc.url).user("alice")
    finally:
        proc.kill()
    assert (elsewhere / "pigeon.db").exists()
    assert not (tmp_path / "data" / "pigeon.db").exists()


@pytest.mark.parametrize("url", ["postgres://db/pigeon", "memory://x", "sqlite://host/dir", "nope"])
def test_an_unknown_store_url_is_refused_before_anything_is_made(tmp_path: Path, url: str) -> None:
    """Exit 2 and one line naming the URLs understood; no data directory is created."""
    done = subprocess.run(
        [sys.executable, "-m", "pigeon", "serve", "--port", "0", "--data", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env={**os.environ, "PIGEON_STORE": url},
        check=False,
    )
    assert done.returncode == 2, done
    assert done.stderr.strip().splitlines() == [
        f"pigeon serve: invalid configuration: store: unknown store URL {url!r}: "
        "use memory: or sqlite:///path/to/dir "
        "(or leave it empty for the SQLite store in the data directory)"
    ]
    assert list(tmp_path.iterdir()) == []
