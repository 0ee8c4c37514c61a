"""Limits and the admin token hold for the cluster, not per gateway (issue 11 item 4, D42):
two nodes on one PostgreSQL store share a user's send bucket, a handle's failed logins and
the admin token."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from pigeon.core.limits import lease_size
from tests.helpers.postgres import PostgresInstance
from tests.helpers.raw import PASSWORD, Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

RATE, BURST = 5.0, 20.0  # lease 5 tokens, kept 2 s
LOGIN_RATE_PER_MIN = 6


@pytest.fixture
def two_nodes(postgres: PostgresInstance, tmp_path: Path) -> Iterator[list[ServerProcess]]:
    catalog, *shards = postgres.create_databases(3)
    env = {
        "PIGEON_STORE": postgres.url(catalog) + "?shards=" + ",".join(shards),
        "PIGEON_SEND_RATE_PER_S": str(RATE),
        "PIGEON_SEND_BURST": str(BURST),
        "PIGEON_LOGIN_RATE_PER_MIN": str(LOGIN_RATE_PER_MIN),
    }
    nodes: list[ServerProcess] = []
    try:
        for name in ("a", "b"):  # one after the other: a makes the admin token
            nodes.append(ServerProcess(tmp_path / name, env=env).start())
        yield nodes
    finally:
        for node in nodes:
            node.kill()


@asynccontextmanager
async def http_from(node: ServerProcess, address: str) -> AsyncIterator[Http]:
    """An HTTP client whose connections come from ``address`` (all of 127/8 is local)."""
    connector = aiohttp.TCPConnector(local_addr=(address, 0))
    async with aiohttp.ClientSession(connector=connector) as session:
        yield Http(session, node.url)


@pytest.mark.durable("runs its own store: PostgreSQL shared by two nodes")
async def test_a_user_sending_on_two_nodes_is_held_to_one_shared_rate(
    two_nodes: list[ServerProcess], client_session: aiohttp.ClientSession
) -> None:
    """Alice sends flat out, alternating between the nodes, until ten sends are refused (at
    any pace over the rate: a loaded machine sends slower, for longer). Per-node buckets would
    admit two bursts and twice the rate; the shared bucket admits one burst and the rate,
    over-admitting at most one lease per node and under-admitting at most one lapsed lease
    per node (D42)."""
    a, b = (Http(client_session, node.url) for node in two_nodes)
    alice = await a.user("alice")
    await b.user("bob")
    conv = await b.direct(alice, "bob")  # a write: the bucket's first token
    acked = refused = 0
    started = time.monotonic()
    i = 0
    while refused < 10 and time.monotonic() - started < TIMEOUT_S:
        status, body = await (a, b)[i % 2].call(
            "POST",
            f"/v1/conversations/{conv}/messages",
            {"client_msg_id": f"m{i}", "body": "x"},
            alice,
        )
        i += 1
        if status == 200:
            acked += 1
        else:
            assert (status, body["code"]) == (429, "rate_limited"), body
            assert 0 < body["retry_after_ms"] <= 1000 / RATE
            refused += 1
    elapsed = time.monotonic() - started
    admitted = acked + 1  # and the conversation's creation
    one_bucket = BURST + RATE * elapsed
    lease = lease_size(BURST)
    print(
        f"admitted {admitted} in {elapsed:.2f} s (one bucket: {one_bucket:.1f}), refused {refused}"
    )
    assert refused == 10
    per_node_buckets = 2 * one_bucket
    assert one_bucket - 2 * lease <= admitted <= one_bucket + 2 * lease < per_node_buckets


@pytest.mark.durable("runs its own store: PostgreSQL shared by two nodes")
async def test_failed_logins_count_for_the_handle_on_every_node(
    two_nodes: list[ServerProcess],
) -> None:
    """Wrong guesses at bob spread over both nodes use up the handle's one allowance: the
    next guess is refused on either node, where per-node counts would allow it."""
    a, b = two_nodes
    async with http_from(a, "127.0.0.1") as http:
        await http.user("bob")
    half = LOGIN_RATE_PER_MIN // 2
    for node, address in ((a, "127.0.0.2"), (b, "127.0.0.3")):
        async with http_from(node, address) as sprayer:
            for _ in range(half):
                status, body = await sprayer.call(
                    "POST", "/v1/login", {"handle": "bob", "password": "guess-123"}
                )
                assert status == 401, body
    for node in (a, b):
        async with http_from(node, "127.0.0.4") as elsewhere:
            status, body = await elsewhere.call(
                "POST", "/v1/login", {"handle": "bob", "password": PASSWORD}
            )
            assert (status, body["code"]) == (429, "rate_limited"), body


@pytest.mark.durable("runs its own store: PostgreSQL shared by two nodes")
async def test_the_admin_token_made_by_one_node_works_on_the_other(
    two_nodes: list[ServerProcess], client_session: aiohttp.ClientSession
) -> None:
    a, b = two_nodes
    token = (a.data_dir / "admin.token").read_text().strip()
    assert not (b.data_dir / "admin.token").exists()  # b took the store's, knowing only its hash
    for node in (a, b):
        http = Http(client_session, node.url)
        status, body = await http.call("GET", "/v1/admin/connections", token=token)
        assert status == 200, body
        status, body = await http.call("GET", "/v1/admin/connections", token="x" * 43)
        assert (status, body["code"]) == (401, "unauthenticated")
