"""A node serves the protocol on the PostgreSQL store (``--store postgresql://...``), and
what it acknowledged outlives the node."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from tests.e2e.conftest import Connector
from tests.helpers.postgres import PostgresInstance
from tests.helpers.raw import PASSWORD, Http
from tests.helpers.server import Backends, ServerProcess


@pytest.mark.durable("runs its own store: PostgreSQL, a catalog and two shard databases")
async def test_a_node_serves_on_postgresql_and_its_record_outlives_it(
    postgres: PostgresInstance,
    client_session: aiohttp.ClientSession,
    tmp_path: Path,
    backends: Backends,
) -> None:
    """Register, open a conversation, send over a WebSocket and HTTP, see the push, read the
    history; then SIGKILL the node and start it again: same epoch, same log, same login."""
    catalog, *shards = postgres.create_databases(3)
    url = postgres.url(catalog) + "?shards=" + ",".join(shards)
    proc = ServerProcess(tmp_path / "data", env={"PIGEON_STORE": url}).start()
    http = Http(client_session, proc.url)
    connect = Connector(client_session, proc, lossy_bus=backends.lossy_bus)
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
        for ws in connect.opened:
            await ws.close()
        _, before = await http.call("GET", "/healthz")
        proc.kill()
        proc.restart()
        _, after = await http.call("GET", "/healthz")
        assert before["epoch"] == after["epoch"]
        status, _ = await http.call("POST", "/v1/login", {"handle": "alice", "password": PASSWORD})
        assert status == 200
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
        proc.kill()
    assert not (tmp_path / "data" / "pigeon.db").exists()
