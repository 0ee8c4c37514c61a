"""A gateway whose store has lost one shard database stays ready (D51): `/readyz` says whether
THIS gateway can serve (its catalog answers), and the lost shard fails only its own
conversations' requests, with the retryable ``unavailable``. Before, one shard database down
made every gateway answer 503 and HAProxy refused every client."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import asyncpg
import pytest

from pigeon.store.postgres import shard_of
from tests.helpers.metrics import scrape
from tests.helpers.postgres import PostgresInstance
from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


async def database_of(catalog_url: str, conv: str) -> str:
    """The URL of the database the shard map puts ``conv`` in."""
    conn = await asyncpg.connect(catalog_url, timeout=TIMEOUT_S)
    try:
        url = await conn.fetchval(
            "SELECT d.url FROM shard_map m JOIN shard_databases d ON d.name = m.database "
            "WHERE m.shard = $1",
            shard_of(conv),
        )
    finally:
        await conn.close()
    return str(url)


async def test_a_lost_shard_database_fails_its_conversations_not_readiness(
    postgres: PostgresInstance, tmp_path: Path, session: aiohttp.ClientSession
) -> None:
    other = PostgresInstance(Path(tempfile.mkdtemp(prefix="pigeon-pg-"))).start()
    try:
        catalog, shard1 = postgres.create_databases(2)
        [shard2] = other.create_databases(1)
        store_url = f"{postgres.url(catalog)}?shards={shard1},{other.url(shard2)}"
        gateway = ServerProcess(tmp_path / "gw", env={"PIGEON_STORE": store_url}).start()
        try:
            http = Http(session, gateway.url)
            token = await http.user("alice")
            # Direct conversations until one lives on each server.
            on: dict[bool, str] = {}
            for n in range(64):
                await http.user(f"peer{n}")
                conv = await http.direct(token, f"peer{n}")
                on.setdefault(
                    f":{other.port}/" in await database_of(postgres.url(catalog), conv), conv
                )
                if len(on) == 2:
                    break
            assert len(on) == 2
            other.stop()  # the second server, and with it shard2, is gone

            status, body = await http.call("GET", "/readyz")
            assert (status, body["status"]) == (200, "ready")
            status, body = await http.call(
                "POST",
                f"/v1/conversations/{on[True]}/messages",
                {"client_msg_id": "lost-1", "body": "hi"},
                token,
            )
            assert (status, body["code"]) == (503, "unavailable"), body
            status, body = await http.call(
                "POST",
                f"/v1/conversations/{on[False]}/messages",
                {"client_msg_id": "kept-1", "body": "hi"},
                token,
            )
            assert status == 200, body
            status, body = await http.call("GET", "/readyz")
            assert (status, body["status"]) == (200, "ready")
            # The loss is reported: a log line naming the database (and pigeon_store_up 0,
            # from the write probe).
            entry = await asyncio.to_thread(
                gateway.wait_for_log, event="shard database unreachable"
            )
            assert entry["database"] == shard2
            metrics = await scrape(session, gateway)
            assert metrics["pigeon_store_databases_unreachable{}"] == 1
        finally:
            gateway.kill()
    finally:
        other.stop()
