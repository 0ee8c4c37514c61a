"""State that assumed one process, on real servers (docs/DECISIONS.md D33).

Admin actions and logouts close the acting node's sockets at once and go to every other node
over the bus's control topic; a bus that loses the message leaves another node's sockets open
only until their token is checked again (within ``token_recheck_s``). Connection ids carry a
node id drawn at each start, so two nodes never hand out the same one.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from pigeon.store.sqlite import DB_FILE
from tests.e2e.conftest import Connector
from tests.helpers.cluster import share_admin_token
from tests.helpers.raw import Http, RawWs
from tests.helpers.server import ServerProcess

# Short, so that the test waits about a second; the default is 60 s.
TOKEN_RECHECK_S = 1.0
# What the bound may be overrun by on a busy machine: one store read and a write.
SLACK_S = 2.0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A node on the embedded store whose bus loses every message."""
    env = {
        "PIGEON_STORE": "",  # SQLite in the data directory, whatever the run's configuration
        "PIGEON_BUS": "memory:?drop=1.0",
        "PIGEON_TOKEN_RECHECK_S": str(TOKEN_RECHECK_S),
    }
    proc = ServerProcess(tmp_path / "data", env=env).start()
    try:
        yield proc
    finally:
        proc.kill()


def admin_token(server: ServerProcess) -> str:
    return (server.data_dir / "admin.token").read_text().strip()


def another_node_writes(server: ServerProcess, sql: str, *params: object) -> None:
    """What another node does to the shared store, its control message then lost on the way
    here. One SQLite store has one node, so the write goes to the file from outside it."""
    with contextlib.closing(sqlite3.connect(server.data_dir / DB_FILE, timeout=10)) as db, db:
        db.execute(sql, params)


async def goodbye_within_the_bound(ws: RawWs) -> str:
    """The reason of the goodbye ``ws`` gets, which must come within the re-check bound."""
    started = time.monotonic()
    frame = await ws.next_other()
    assert frame["type"] == "goodbye", frame
    assert time.monotonic() - started <= TOKEN_RECHECK_S + SLACK_S
    return str(frame["reason"])


@pytest.mark.durable("writes the store's file from outside the node, as another node would")
class TestAControlMessageThatNeverArrives:
    async def test_a_disabled_account_is_still_closed(
        self, server: ServerProcess, http: Http, connect: Connector
    ) -> None:
        """Another node disabled Bob; its message was lost. Bob's socket here is said
        goodbye account_disabled at its next token check."""
        bob_ws = await connect(await http.user("bob"))
        another_node_writes(server, "UPDATE accounts SET disabled = 1 WHERE handle = ?", "bob")
        assert await goodbye_within_the_bound(bob_ws) == "account_disabled"

    async def test_a_revoked_token_is_still_closed(
        self, server: ServerProcess, http: Http, connect: Connector
    ) -> None:
        """Another node revoked one of Alice's tokens; its message was lost. That token's
        socket here is closed at its next check (tokens_revoked: the lost message's own
        reason went with it); her other device's stays."""
        first, second = await http.user("alice"), await http.user("alice")
        first_ws, second_ws = await connect(first), await connect(second)
        token_hash = hashlib.sha256(first.encode()).digest()
        another_node_writes(server, "DELETE FROM tokens WHERE token_hash = ?", token_hash)
        assert await goodbye_within_the_bound(first_ws) == "tokens_revoked"
        reply = await second_ws.request({"type": "conversations"})
        assert reply["type"] == "conversation_list"


class TestTheActingNode:
    async def test_closes_its_own_sockets_though_the_bus_loses_the_message(
        self, server: ServerProcess, http: Http, connect: Connector
    ) -> None:
        """A disable, a logout and a revocation close this node's sockets at once, with
        their own reasons, and the replies count them: no wait for a bus."""
        bob_ws = await connect(await http.user("bob"))
        status, body = await http.call(
            "POST", "/v1/admin/users/bob/disable", token=admin_token(server)
        )
        assert (status, body["connections_closed"]) == (200, 1)
        assert await bob_ws.next_other() == {"type": "goodbye", "reason": "account_disabled"}
        first, second = await http.user("alice"), await http.user("alice")
        first_ws, second_ws = await connect(first), await connect(second)
        assert (await http.call("POST", "/v1/logout", token=first))[0] == 204
        assert await first_ws.next_other() == {"type": "goodbye", "reason": "logged_out"}
        status, body = await http.call(
            "POST", "/v1/admin/users/alice/revoke-tokens", token=admin_token(server)
        )
        assert (body["tokens_revoked"], body["connections_closed"]) == (1, 1)
        assert await second_ws.next_other() == {"type": "goodbye", "reason": "tokens_revoked"}


async def test_two_nodes_never_hand_out_the_same_connection_id(tmp_path: Path) -> None:
    """Each node's first connection is its ``<node id>-ws1``; the node ids, drawn at start
    and on every log line, differ, so the ids do."""
    # On the cluster the two share a store: one admin token, and a user each.
    share_admin_token(tmp_path / "one", tmp_path / "two")
    servers = [ServerProcess(tmp_path / name).start() for name in ("one", "two")]
    ids: list[str] = []
    try:
        async with aiohttp.ClientSession() as session:
            for server, handle in zip(servers, ("alice", "bob"), strict=True):
                http = Http(session, server.url)
                ws = await RawWs.connect(session, server.url)
                try:
                    assert (await ws.hello(await http.user(handle)))["type"] == "welcome"
                    _, listing = await http.call(
                        "GET", "/v1/admin/connections", token=admin_token(server)
                    )
                finally:
                    await ws.close()
                node = server.wait_for_log(event="listening")["node"]
                assert [row["conn"] for row in listing["connections"]] == [f"{node}-ws1"]
                assert server.wait_for_log(event="connection closed")["node"] == node
                ids.append(f"{node}-ws1")
    finally:
        for server in servers:
            server.kill()
    assert ids[0] != ids[1]
