"""What a gateway answers while its PostgreSQL fails over (D51), with real processes.

A send whose COMMIT reached PostgreSQL but whose answer never came back (a primary lost
during COMMIT): the gateway does not know whether it committed, so it never acks it and
never runs it again as a new message; it answers the retryable ``unavailable``, and the
client's retry with the same client_msg_id gets the original ack, from inside a write
transaction. Real processes: a gateway on PostgreSQL through a proxy that cuts the
connection at COMMIT (tests/helpers/pg_cut.py).

A server that takes no writes yet (a standby Patroni has made leader, still promoting, which
HAProxy already routes to): sends are refused ``unavailable``, not ``internal``, and go
through once it does."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import asyncpg
import pytest

from tests.helpers.pg_cut import CommitCutter
from tests.helpers.postgres import SUPERUSER, PostgresInstance
from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

# Sends until one lands after the databases are writable again: each ended session left in
# a pool (at most 4 per database, and the writers' own) costs at most one refusal.
RETRIES = 12


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


async def test_a_send_whose_commit_is_cut_is_refused_and_its_retry_gets_the_original_ack(
    postgres: PostgresInstance, tmp_path: Path, session: aiohttp.ClientSession
) -> None:
    cutter = await CommitCutter(postgres.port).start()
    try:
        catalog, shard1, shard2 = postgres.create_databases(3)
        store = f"postgresql://{SUPERUSER}@127.0.0.1:{cutter.port}/{catalog}"
        gateway = ServerProcess(
            tmp_path / "gw", env={"PIGEON_STORE": f"{store}?shards={shard1},{shard2}"}
        )
        # In a thread: this loop runs the proxy the starting gateway connects through.
        await asyncio.to_thread(gateway.start)
        try:
            http = Http(session, gateway.url)
            alice = await http.user("alice")
            await http.user("bob")
            conv = await http.direct(alice, "bob")
            path = f"/v1/conversations/{conv}/messages"

            # Marked by its body, which goes to the server in a Bind (the SQL is a prepared
            # statement by now).
            cutter.cut_next_commit("hello, cut me")
            send = {"client_msg_id": "m1", "body": "hello, cut me"}
            status, body = await http.call("POST", path, send, alice)
            await cutter.wait_cut()
            assert cutter.cuts == 1
            assert (status, body["code"]) == (503, "unavailable"), body

            # It had committed: the retry is answered from the row, not stored again.
            status, body = await http.call("POST", path, send, alice)
            assert status == 200, body
            assert (body["client_msg_id"], body["duplicate"]) == ("m1", True)
            status, page = await http.call("GET", f"{path}?after=0", token=alice)
            assert status == 200, page
            messages = [e for e in page["events"] if e["kind"] == "message"]
            assert [(e["seq"], e["body"]) for e in messages] == [(body["seq"], "hello, cut me")]
        finally:
            await asyncio.to_thread(gateway.kill)
    finally:
        await cutter.close()


async def read_only(postgres: PostgresInstance, databases: list[str], on: bool) -> None:
    """Make ``databases`` refuse writes (as a standby does) or take them again; the
    sessions open now end, so new ones take the setting."""
    conn = await asyncpg.connect(postgres.url("postgres"), timeout=TIMEOUT_S)
    try:
        for name in databases:
            setting = "SET default_transaction_read_only = on" if on else "RESET ALL"
            await conn.execute(f"ALTER DATABASE {name} {setting}")
        await conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = ANY($1::text[]) AND backend_type = 'client backend'",
            databases,
        )
    finally:
        await conn.close()


async def test_sends_to_a_server_not_yet_writable_are_refused_unavailable(
    postgres: PostgresInstance, tmp_path: Path, session: aiohttp.ClientSession
) -> None:
    databases = postgres.create_databases(3)
    catalog, shard1, shard2 = databases
    gateway = ServerProcess(
        tmp_path / "gw", env={"PIGEON_STORE": f"{postgres.url(catalog)}?shards={shard1},{shard2}"}
    )
    await asyncio.to_thread(gateway.start)
    try:
        http = Http(session, gateway.url)
        alice = await http.user("alice")
        await http.user("bob")
        conv = await http.direct(alice, "bob")
        path = f"/v1/conversations/{conv}/messages"
        # A first send takes a lease of send tokens (D42), so the next reaches the writer.
        status, body = await http.call("POST", path, {"client_msg_id": "m0", "body": "hi"}, alice)
        assert status == 200, body
        send = {"client_msg_id": "m1", "body": "hello"}
        await read_only(postgres, databases, True)
        try:
            status, body = await http.call("POST", path, send, alice)
            assert (status, body["code"]) == (503, "unavailable"), body
        finally:
            await read_only(postgres, databases, False)
        # Writable again. The sessions read_only ended (as a failover's do) may still be in
        # the pool: a send on one is refused `unavailable` too, and the client tries again.
        for _ in range(RETRIES):
            status, body = await http.call("POST", path, send, alice)
            if status != 503:
                break
            assert body["code"] == "unavailable", body
        assert (status, body["seq"], body.get("duplicate")) == (200, 3, None), body
    finally:
        await asyncio.to_thread(gateway.kill)
