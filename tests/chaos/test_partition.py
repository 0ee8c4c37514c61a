"""``partition_store`` reaches every shard database (D57): the catalog names each shard
database by its own server's port, so a gateway that only had its store URL rewritten dialled
the second server directly, around the fault proxy. The gateway's store URL now carries
``via`` routes that apply to every database it opens. A real gateway, two PostgreSQL servers
(the second holding ``shard2``) and a fault proxy in front of each: with the second server's
link cut, a send into a conversation that lives there is held (or refused as ``unavailable``)
while a conversation on the first is served, and it is acked and read back after the heal."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from pigeon.chaos.proxy import FaultProxy
from pigeon.chaos.run import route_through
from tests.cluster.test_shard_loss import database_of
from tests.helpers.postgres import PostgresInstance
from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


def test_a_route_is_added_to_the_store_url() -> None:
    assert route_through("postgresql://u@127.0.0.1:5/c?shards=a,b", {5: 7, 6: 8}) == (
        "postgresql://u@127.0.0.1:5/c?shards=a,b&via=127.0.0.1:5=127.0.0.1:7,127.0.0.1:6=127.0.0.1:8"
    )


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


async def _send(http: Http, token: str, conv: str, client_msg_id: str) -> tuple[int, Any]:
    return await http.call(
        "POST",
        f"/v1/conversations/{conv}/messages",
        {"client_msg_id": client_msg_id, "body": client_msg_id},
        token,
    )


async def test_a_partition_cuts_the_gateway_from_a_shard_on_another_server(
    postgres: PostgresInstance, tmp_path: Path, session: aiohttp.ClientSession
) -> None:
    other = PostgresInstance(Path(tempfile.mkdtemp(prefix="pigeon-pg-"))).start()
    near = await FaultProxy(postgres.port).start()
    far = await FaultProxy(other.port).start()
    try:
        catalog, shard1 = postgres.create_databases(2)
        [shard2] = other.create_databases(1)
        store_url = f"{postgres.url(catalog)}?shards={shard1},{other.url(shard2)}"
        routed = route_through(store_url, {postgres.port: near.port, other.port: far.port})
        # Started in a thread: the proxies it dials through run on this loop.
        gateway = await asyncio.to_thread(
            ServerProcess(tmp_path / "gw", env={"PIGEON_STORE": routed}).start
        )
        try:
            http = Http(session, gateway.url)
            token = await http.user("alice")
            on: dict[bool, str] = {}  # on the far server? -> a conversation
            peers: dict[bool, str] = {}  # ... -> the peer in it
            for n in range(64):
                await http.user(f"peer{n}")
                conv = await http.direct(token, f"peer{n}")
                # The catalog names the far database by its own port, not the proxy's.
                far_side = f":{other.port}/" in await database_of(postgres.url(catalog), conv)
                on.setdefault(far_side, conv)
                peers.setdefault(far_side, f"peer{n}")
                if len(on) == 2:
                    break
            assert len(on) == 2
            far_peer = peers[True]

            far.partition()
            held = asyncio.create_task(_send(http, token, on[True], "during-1"))
            waiting = asyncio.ensure_future(far.wait_held())
            await asyncio.wait({held, waiting}, timeout=TIMEOUT_S, return_when="FIRST_COMPLETED")
            waiting.cancel()
            if held.done():  # refused at once: the store saw its shard unreachable
                assert held.result()[0] == 503 and held.result()[1]["code"] == "unavailable"
            else:
                assert far.held >= 1  # the send's bytes stopped at the cut link
            # The near server's conversations are served meanwhile.
            status, body = await _send(http, token, on[False], "near-1")
            assert status == 200, body

            far.heal()
            status, body = await held
            deadline = asyncio.get_running_loop().time() + TIMEOUT_S
            while status == 503 and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(body.get("retry_after_ms", 100) / 1000)  # a client's back-off
                status, body = await _send(http, token, on[True], "during-1")
            assert status == 200, body
            # The peer reads it there, once.
            peer = await http.user(far_peer)
            status, page = await http.call(
                "GET", f"/v1/conversations/{on[True]}/messages?after=0&limit=100", None, peer
            )
            assert status == 200, page
            assert [e["seq"] for e in page["events"] if e.get("body") == "during-1"] == [
                body["seq"]
            ]
        finally:
            gateway.kill()
    finally:
        await near.close()
        await far.close()
        other.stop()
