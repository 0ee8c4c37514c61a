"""A send whose COMMIT reached PostgreSQL but whose answer never came back (a primary lost
during COMMIT, D51): the gateway does not know whether it committed, so it never acks it and
never runs it again as a new message; it answers the retryable ``unavailable``, and the
client's retry with the same client_msg_id gets the original ack, from inside a write
transaction. Real processes: a gateway on PostgreSQL through a proxy that cuts the
connection at COMMIT (tests/helpers/pg_cut.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.pg_cut import CommitCutter
from tests.helpers.postgres import SUPERUSER, PostgresInstance
from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess


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
