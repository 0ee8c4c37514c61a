"""Stripe's four limiters on a real node (D53): request rate per user and per client
network, requests in flight per user, the fleet shedder's reserve for critical work, and the
worker-utilisation shedder's order. The writer is held still by holding the SQLite file's
write lock from here, so that requests stay in flight and writes wait in its queue for as
long as the test needs."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from pigeon.store.sqlite import DB_FILE
from tests.helpers.metrics import scrape
from tests.helpers.raw import Frame, Http, RawWs
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

STALLS_THE_WRITER = "holds the SQLite file's write lock to keep requests in flight"


@contextlib.contextmanager
def writer_stalled(data_dir: Path) -> Iterator[None]:
    """The node's writer waits (its busy timeout, 10 s) while this holds the write lock."""
    conn = sqlite3.connect(data_dir / DB_FILE, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


async def until_metric(
    session: aiohttp.ClientSession, server: ServerProcess, name: str, at_least: float
) -> dict[str, float]:
    """Scrape until ``name`` is at least ``at_least`` (bounded by TIMEOUT_S)."""
    async with asyncio.timeout(TIMEOUT_S):
        while True:
            got = await scrape(session, server)
            if got.get(name, 0.0) >= at_least:
                return got
            await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def node(tmp_path: Path, env: dict[str, str]) -> AsyncIterator[ServerProcess]:
    server = ServerProcess(tmp_path / "data", env={"PIGEON_STORE": "", **env}).start()
    try:
        yield server
    finally:
        server.kill()


async def pending(ws: RawWs, frame: Frame) -> asyncio.Task[Frame]:
    """Send ``frame`` now and return its reply's task (the request may stay in flight)."""
    task = asyncio.ensure_future(ws.request(frame))
    await asyncio.sleep(0)  # let it be written before anything sent after it
    return task


@pytest.mark.single_node("the request rates are per node")
async def test_requests_are_rate_limited_per_user_and_per_network(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """Reads count too (the send limit alone never refused one): a user past their request
    burst is refused rate_limited with retry_after_ms; and a network past its burst is
    refused though the user asking has requests left."""
    env = {
        "PIGEON_REQUEST_RATE_PER_S": "0.01",
        "PIGEON_REQUEST_BURST": "5",
        "PIGEON_SEND_RATE_PER_S": "0.01",
        "PIGEON_SEND_BURST": "1",
        "PIGEON_NETWORK_REQUEST_RATE_PER_S": "0.01",
        "PIGEON_NETWORK_REQUEST_BURST": "13",
    }
    async with node(tmp_path, env) as server:
        http = Http(client_session, server.url)
        alice, bob = await http.user("alice"), await http.user("bob")
        conv = await http.direct(alice, "bob")  # alice: 1 of 5
        ws = await RawWs.connect(client_session, server.url)
        assert (await ws.hello(alice))["type"] == "welcome"  # a hello counts per network only
        replies = [await ws.request({"type": "history", "conv": conv}) for _ in range(5)]
        assert [r["type"] for r in replies] == ["page"] * 4 + ["error"]
        assert replies[-1]["code"] == "rate_limited"
        assert replies[-1]["retry_after_ms"] > 1000
        # The network has 12: 5 setup + 4 reads + 1 refused = 10 taken (a refusal by the
        # user's bucket took the network's token first); bob has all 5 of his own.
        status, body = await http.call("GET", f"/v1/conversations/{conv}/messages", token=bob)
        assert status == 200, body
        status, body = await http.call("GET", f"/v1/conversations/{conv}/messages", token=bob)
        assert status == 200, body
        status, body = await http.call("GET", f"/v1/conversations/{conv}/messages", token=bob)
        assert (status, body["code"]) == (429, "rate_limited")
        assert body["retry_after_ms"] > 1000
        got = await scrape(client_session, server)
        assert got["pigeon_rate_limited_total{limit=requests_user}"] == 1
        assert got["pigeon_rate_limited_total{limit=requests_network}"] == 1
        await ws.close()


@pytest.mark.durable(STALLS_THE_WRITER)
async def test_a_user_has_at_most_max_requests_per_user_in_flight(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """Three sends held by the writer are alice's three slots: her fourth request, on
    another connection, is refused rate_limited at once; bob is not limited by her. Once
    the writer moves, her sends are acked."""
    async with node(tmp_path, {"PIGEON_MAX_REQUESTS_PER_USER": "3"}) as server:
        http = Http(client_session, server.url)
        alice, bob = await http.user("alice"), await http.user("bob")
        conv = await http.direct(alice, "bob")
        first = await RawWs.connect(client_session, server.url)
        second = await RawWs.connect(client_session, server.url)
        other = await RawWs.connect(client_session, server.url)
        for ws, token in ((first, alice), (second, alice), (other, bob)):
            assert (await ws.hello(token))["type"] == "welcome"
        with writer_stalled(server.data_dir):
            sends = [
                await pending(
                    first, {"type": "send", "conv": conv, "client_msg_id": f"m{i}", "body": "hi"}
                )
                for i in range(3)
            ]
            await until_metric(client_session, server, "pigeon_requests_in_flight{}", 3)
            refused = await second.request({"type": "history", "conv": conv})
            assert refused["code"] == "rate_limited"
            assert refused["retry_after_ms"] == 100
            assert (await other.request({"type": "history", "conv": conv}))["type"] == "page"
        assert [(await s)["type"] for s in sends] == ["ack"] * 3
        got = await scrape(client_session, server)
        assert got["pigeon_rate_limited_total{limit=concurrent_user}"] == 1
        for ws in (first, second, other):
            await ws.close()


@pytest.mark.durable(STALLS_THE_WRITER)
async def test_the_fleet_shedder_keeps_its_reserve_for_critical_work(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """With 3 of 5 requests in flight and 40 % reserved, a history read is refused busy
    with a retry-after, while a hello and a read marker (critical) are still admitted."""
    env = {"PIGEON_MAX_REQUESTS_IN_FLIGHT": "5", "PIGEON_CRITICAL_RESERVE": "0.4"}
    async with node(tmp_path, env) as server:
        http = Http(client_session, server.url)
        alice, bob = await http.user("alice"), await http.user("bob")
        conv = await http.direct(alice, "bob")
        ws = await RawWs.connect(client_session, server.url)
        assert (await ws.hello(alice))["type"] == "welcome"
        ack = await ws.send(conv, "first")
        with writer_stalled(server.data_dir):
            sends = [
                await pending(
                    ws, {"type": "send", "conv": conv, "client_msg_id": f"m{i}", "body": "hi"}
                )
                for i in range(3)
            ]
            await until_metric(client_session, server, "pigeon_requests_in_flight{}", 3)
            refused = await ws.request({"type": "history", "conv": conv})
            assert (refused["code"], refused["retry_after_ms"]) == ("busy", 1000)
            status, body = await http.call("GET", "/v1/conversations", token=bob)
            assert (status, body["code"]) == (503, "busy")
            # Both wait for the writer too (bob's presence, the marker), so stay in flight.
            late = await RawWs.connect(client_session, server.url)
            hello = await pending(late, {"type": "hello", "token": bob})
            await until_metric(client_session, server, "pigeon_requests_in_flight{}", 4)
            marker = await pending(ws, {"type": "read", "conv": conv, "seq": ack["seq"]})
            await until_metric(client_session, server, "pigeon_requests_in_flight{}", 5)
        assert [(await s)["type"] for s in sends] == ["ack"] * 3
        assert (await hello)["type"] == "welcome"
        marker_reply = await marker
        assert marker_reply["type"] == "ok", marker_reply
        got = await scrape(client_session, server)
        assert got["pigeon_shed_total{priority=read,shedder=fleet}"] == 2
        assert got.get("pigeon_shed_total{priority=critical,shedder=fleet}", 0) == 0
        await ws.close()
        await late.close()


@pytest.mark.durable(STALLS_THE_WRITER)
async def test_the_worker_shedder_sheds_typing_then_reads_then_writes(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """Writes wait for a held writer, a queue of 40 filling up: at 28 waiting (0.7) typing
    and history reads are shed (busy, with a retry-after) while sends are still taken; at
    36 (0.9) sends are shed too; a read marker, critical, is taken throughout (the queue
    has room left for it and for the node's own probe and presence writes)."""
    env = {"PIGEON_WRITE_QUEUE_MAX": "40"}
    async with node(tmp_path, env) as server:
        http = Http(client_session, server.url)
        alice, _ = await http.user("alice"), await http.user("bob")
        conv = await http.direct(alice, "bob")
        ws = await RawWs.connect(client_session, server.url)
        assert (await ws.hello(alice))["type"] == "welcome"
        ack = await ws.send(conv, "first")
        sends: list[asyncio.Task[Frame]] = []
        with writer_stalled(server.data_dir):
            got: dict[str, float] = {}
            while got.get("pigeon_write_queue_depth{}", 0) < 28:
                frame = {
                    "type": "send",
                    "conv": conv,
                    "client_msg_id": f"m{len(sends)}",
                    "body": "hi",
                }
                sends.append(await pending(ws, frame))
                got = await until_metric(
                    client_session, server, "pigeon_requests_in_flight{}", len(sends)
                )
            await ws.ws.send_json({"type": "typing", "conv": conv})
            refused = await ws.request({"type": "history", "conv": conv})
            assert refused["code"] == "busy"
            assert refused["retry_after_ms"] >= 1000
            got = await until_metric(
                client_session, server, "pigeon_shed_total{priority=typing,shedder=worker}", 1
            )
            assert got["pigeon_write_queue_depth{}"] < 36
            # Sends are still taken until 36 wait; then they are shed, never a read marker.
            while True:
                frame = {
                    "type": "send",
                    "conv": conv,
                    "client_msg_id": f"m{len(sends)}",
                    "body": "hi",
                }
                task = await pending(ws, frame)
                done, _ = await asyncio.wait(
                    [task, asyncio.ensure_future(until_metric(
                        client_session, server, "pigeon_requests_in_flight{}", len(sends) + 1
                    ))],
                    return_when=asyncio.FIRST_COMPLETED,
                )  # fmt: skip
                if task in done:  # answered at once while the writer is held: refused
                    break
                sends.append(task)
                assert len(sends) <= 40, "sends were never shed"
            shed = task.result()
            assert shed["code"] == "busy", shed
            got = await scrape(client_session, server)
            assert got["pigeon_write_queue_depth{}"] >= 36
            marker = await pending(ws, {"type": "read", "conv": conv, "seq": ack["seq"]})
            await until_metric(
                client_session, server, "pigeon_requests_in_flight{}", len(sends) + 1
            )
        assert [(await s)["type"] for s in sends] == ["ack"] * len(sends)
        marker_reply = await marker
        assert marker_reply["type"] == "ok", marker_reply
        got = await scrape(client_session, server)
        assert got["pigeon_shed_total{priority=read,shedder=worker}"] == 1
        assert got["pigeon_shed_total{priority=write,shedder=worker}"] == 1
        assert got.get("pigeon_shed_total{priority=critical,shedder=worker}", 0) == 0
        await ws.close()
