"""Stripe's four limiters on a real node (D53): request rate per user and per client
network, requests in flight per user, the fleet shedder's reserve for critical work, and the
worker-utilisation shedder's order. The writer is held still by holding the SQLite file's
write lock from here, so that requests stay in flight and writes wait in its queue for as
long as the test needs; the event loop is made late by stopping the node's process.

Every other test's node keeps the worker shedder out of the way (tests/helpers/server.py);
these set what they test."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import aiohttp
import pytest

from pigeon.config import Config
from pigeon.store.sqlite import DB_FILE
from tests.helpers.metrics import scrape
from tests.helpers.raw import Frame, Http, RawWs
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

STALLS_THE_WRITER = "holds the SQLite file's write lock to keep requests in flight"
# For the tests of the other limiters: the writer held still would otherwise make the worker
# shedder refuse too, once its delay stood at 100 ms for 0.5 s (D55).
NO_WRITER_SHEDDING = {"PIGEON_SHED_WRITE_DELAY_S": "1000"}
# Typing frames the worker shedder refused (typing has no reply: only the node counts them).
TYPING_SHED = "pigeon_shed_total{priority=typing,shedder=worker}"


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


class Chat(NamedTuple):
    """A node where alice, welcomed on ``ws``, has sent ``first`` to bob in ``conv``."""

    server: ServerProcess
    http: Http
    bob: str  # bob's token
    conv: str
    ws: RawWs
    first: Frame  # the ack of alice's first message


@contextlib.asynccontextmanager
async def alice_and_bob(
    tmp_path: Path, session: aiohttp.ClientSession, env: dict[str, str]
) -> AsyncIterator[Chat]:
    """A node started with ``env``, alice and bob registered, alice connected and chatting."""
    async with node(tmp_path, env) as server:
        http = Http(session, server.url)
        alice, bob = await http.user("alice"), await http.user("bob")
        conv = await http.direct(alice, "bob")
        ws = await RawWs.connect(session, server.url)
        assert (await ws.hello(alice))["type"] == "welcome"
        first = await ws.send(conv, "first")
        yield Chat(server, http, bob, conv, ws, first)
        await ws.close()


def noted(answered: list[str], name: str) -> Callable[[object], None]:
    """A done callback that appends ``name`` to ``answered``: the order replies came in."""
    return lambda _: answered.append(name)


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
    async with node(
        tmp_path, {"PIGEON_MAX_REQUESTS_PER_USER": "3", **NO_WRITER_SHEDDING}
    ) as server:
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
    env = {
        "PIGEON_MAX_REQUESTS_IN_FLIGHT": "5",
        "PIGEON_CRITICAL_RESERVE": "0.4",
        **NO_WRITER_SHEDDING,
    }
    async with alice_and_bob(tmp_path, client_session, env) as (server, http, bob, conv, ws, ack):
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
        await late.close()


async def until_writer_took_everything(
    session: aiohttp.ClientSession, server: ServerProcess
) -> None:
    """Scrape until the writer holds a write (its delay grows) and none is queued."""
    async with asyncio.timeout(TIMEOUT_S):
        while True:
            got = await scrape(session, server)
            if got["pigeon_write_delay_seconds{}"] > 0 and got["pigeon_write_queue_depth{}"] == 0:
                return
            await asyncio.sleep(0.02)


async def sends_behind_the_held_writer(
    session: aiohttp.ClientSession,
    server: ServerProcess,
    ws: RawWs,
    conv: str,
    count: int,
    answered: list[str],
) -> list[asyncio.Task[Frame]]:
    """``count`` sends m0, m1, ... (each noted in ``answered`` when replied to) while the
    writer is held: m0 is taken alone into the batch that waits for the lock, the rest
    queue behind it."""
    sends = []
    for i in range(count):
        frame = {"type": "send", "conv": conv, "client_msg_id": f"m{i}", "body": "hi"}
        sends.append(await pending(ws, frame))
        sends[-1].add_done_callback(noted(answered, f"m{i}"))
        if i == 0:
            await until_writer_took_everything(session, server)
    return sends


async def admitted(
    session: aiohttp.ClientSession, server: ServerProcess, task: asyncio.Task[Frame], count: int
) -> bool:
    """Whether the request of ``task`` was admitted while the writer is held: it stays in
    flight (the node counts ``count`` requests in flight) rather than being answered."""
    counted = asyncio.ensure_future(
        until_metric(session, server, "pigeon_requests_in_flight{}", count)
    )
    done, _ = await asyncio.wait([task, counted], return_when=asyncio.FIRST_COMPLETED)
    counted.cancel()
    return task not in done


@pytest.mark.durable(STALLS_THE_WRITER)
async def test_the_worker_shedder_sheds_by_the_writers_delay_typing_then_reads_then_writes(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """D55: with the writer held, its queue stays a few writes long, yet its oldest write
    ages. With full utilisation at a delay of 4 s (typing shed from 2 s, reads from 2.8 s,
    sends from 3.6 s), once that delay stood for the interval: typing is shed, then history
    reads (busy, with a retry-after) while sends are still taken, then sends; a read marker,
    critical, is taken throughout. Once the writer moves, every send taken is acked and
    stored: nothing acked is lost."""
    env = {
        "PIGEON_SHED_WRITE_DELAY_S": "4",
        "PIGEON_SHED_WRITE_DELAY_INTERVAL_S": "0.1",
        "PIGEON_MAX_REQUESTS_PER_USER": "0",
        "PIGEON_REQUEST_RATE_PER_S": "100000",
        "PIGEON_REQUEST_BURST": "100000",
        # The loop below sends as fast as the node answers for seconds: past the
        # connection's frame rate (burst: twice it) and the user's send rate (20/s, burst
        # 50) on a machine fast enough, neither of which is what is tested.
        "PIGEON_FRAMES_PER_S": "100000",
        "PIGEON_SEND_RATE_PER_S": "100000",
        "PIGEON_SEND_BURST": "100000",
    }
    async with alice_and_bob(tmp_path, client_session, env) as (server, _, _, conv, ws, ack):

        def send_frame(i: int) -> Frame:
            return {"type": "send", "conv": conv, "client_msg_id": f"m{i}", "body": "hi"}

        with writer_stalled(server.data_dir):
            sends = [await pending(ws, send_frame(0))]
            assert await admitted(client_session, server, sends[0], 1)
            # Reads need no writer: served until the writer's delay reaches theirs.
            async with asyncio.timeout(TIMEOUT_S):
                while True:
                    await ws.ws.send_json({"type": "typing", "conv": conv})
                    reply = await ws.request({"type": "history", "conv": conv})
                    if reply["type"] != "page":
                        break
            assert (reply["code"], reply["retry_after_ms"]) == ("busy", 1000), reply
            got = await scrape(client_session, server)
            assert got[TYPING_SHED] >= 1
            assert got["pigeon_write_queue_depth{}"] < 10  # a short queue, a long wait
            assert got["pigeon_write_delay_seconds{}"] >= 2.8
            # Sends are still taken, until the delay reaches theirs.
            async with asyncio.timeout(TIMEOUT_S):
                while True:
                    task = await pending(ws, send_frame(len(sends)))
                    if not await admitted(client_session, server, task, len(sends) + 1):
                        break
                    sends.append(task)
            assert len(sends) >= 2, "sends were shed as soon as reads"
            shed = task.result()
            assert (shed["code"], shed["retry_after_ms"]) == ("busy", 1000), shed
            marker = await pending(ws, {"type": "read", "conv": conv, "seq": ack["seq"]})
            assert await admitted(client_session, server, marker, len(sends) + 1)
        acks = [await s for s in sends]
        assert [a["type"] for a in acks] == ["ack"] * len(sends)
        assert (await marker)["type"] == "ok"
        # One page holds them all: the loop above runs for under a second of the writer's delay.
        assert len(acks) < 1000
        stored = await ws.request(
            {"type": "history", "conv": conv, "after": ack["seq"], "limit": 1000}
        )
        assert [e["seq"] for e in stored["events"]] == [a["seq"] for a in acks]
        got = await scrape(client_session, server)
        assert got["pigeon_shed_total{priority=read,shedder=worker}"] == 1
        assert got["pigeon_shed_total{priority=write,shedder=worker}"] == 1
        assert got.get("pigeon_shed_total{priority=critical,shedder=worker}", 0) == 0
        assert got["pigeon_write_delay_seconds{}"] < 1


@pytest.mark.durable(STALLS_THE_WRITER)
async def test_a_read_marker_is_committed_ahead_of_queued_sends(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """D55: a read marker sent after four sends that wait for the held writer is answered
    before them once it moves (critical writes have a lane the writer empties first); the
    sends keep their order. A hello sent then, critical too, is welcomed."""
    chatting = alice_and_bob(tmp_path, client_session, NO_WRITER_SHEDDING)
    async with chatting as (server, _, bob, conv, ws, ack):
        answered: list[str] = []
        with writer_stalled(server.data_dir):
            sends = await sends_behind_the_held_writer(
                client_session, server, ws, conv, 5, answered
            )
            await until_metric(client_session, server, "pigeon_write_queue_depth{}", 4)
            marker = await pending(ws, {"type": "read", "conv": conv, "seq": ack["seq"]})
            marker.add_done_callback(noted(answered, "read"))
            await until_metric(client_session, server, "pigeon_requests_in_flight{}", 6)
            late = await RawWs.connect(client_session, server.url)
            hello = await pending(late, {"type": "hello", "token": bob})
            await until_metric(client_session, server, "pigeon_requests_in_flight{}", 7)
        acks = [await s for s in sends]
        assert [a["seq"] for a in acks] == [ack["seq"] + 1 + i for i in range(5)]
        assert (await marker)["type"] == "ok"
        assert (await hello)["type"] == "welcome"
        assert answered.index("read") < answered.index("m1"), answered
        await late.close()


@contextlib.contextmanager
def slow_message_inserts(data_dir: Path) -> Iterator[None]:
    """Every message the node stores costs its writer tens of milliseconds (a trigger that
    counts a million rows, in the writer thread): a batch of sends that runs for as long as
    the test needs, without holding the node's loop."""
    conn = sqlite3.connect(data_dir / DB_FILE, isolation_level=None)
    try:
        conn.executescript(
            """
            CREATE TABLE slow(x);
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000)
            INSERT INTO slow SELECT x FROM n;
            CREATE TRIGGER slow_events AFTER INSERT ON events
            BEGIN SELECT count(*) FROM slow a, slow b; END;
            """
        )
        yield
    finally:
        conn.executescript("DROP TRIGGER slow_events; DROP TABLE slow;")
        conn.close()


@pytest.mark.durable("adds a trigger to the SQLite file to make a batch of sends long")
async def test_a_read_marker_does_not_wait_for_a_whole_batch_of_sends_under_way(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """D64: at the defaults, a read marker that arrives while the writer runs a batch of
    eight sends (each made slow) is committed once the send under way is, the batch cut
    there: it is
    answered before the batch's last send is acked, and every send is acked in order."""
    chatting = alice_and_bob(tmp_path, client_session, NO_WRITER_SHEDDING)
    async with chatting as (server, _, _, conv, ws, first):
        answered: list[str] = []
        with slow_message_inserts(server.data_dir):
            with writer_stalled(server.data_dir):
                sends = await sends_behind_the_held_writer(
                    client_session, server, ws, conv, 9, answered
                )
                await until_metric(client_session, server, "pigeon_write_queue_depth{}", 8)
            # m0 commits alone; its ack comes once the writer has taken m1..m8 as a batch.
            await sends[0]
            marker = await pending(ws, {"type": "read", "conv": conv, "seq": first["seq"]})
            marker.add_done_callback(noted(answered, "read"))
            acks = [await s for s in sends]
            assert (await marker)["type"] == "ok"
            await asyncio.sleep(0)  # a yield: the done callbacks already queued run first
        assert [a["seq"] for a in acks] == [first["seq"] + 1 + i for i in range(9)]
        assert answered.index("read") < answered.index("m8"), answered


@contextlib.asynccontextmanager
async def loop_stalled(
    server: ServerProcess, stopped_s: float, running_s: float
) -> AsyncIterator[None]:
    """Stop the node's process for ``stopped_s``, let it run for ``running_s``, over and over:
    every timer its loop sets comes due while it is stopped, so every sample of its lag is
    late by most of ``stopped_s``, as on a loop saturated with work (the sleeps are the
    stall's duty cycle, not waits for an event)."""

    async def cycle() -> None:
        while True:
            os.kill(server.pid, signal.SIGSTOP)
            try:
                await asyncio.sleep(stopped_s)
            finally:
                os.kill(server.pid, signal.SIGCONT)
            await asyncio.sleep(running_s)

    task = asyncio.ensure_future(cycle())
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def until_utilisation_below(
    session: aiohttp.ClientSession, server: ServerProcess, bound: float
) -> None:
    """Scrape until the worker shedder's utilisation is under ``bound`` (the loop's next
    sample on time, once a stall is over)."""
    async with asyncio.timeout(TIMEOUT_S):
        while True:
            if (await scrape(session, server))["pigeon_worker_utilisation{}"] < bound:
                return
            await asyncio.sleep(0.02)


@pytest.mark.single_node("stops the node's process")
async def test_a_loop_late_for_tens_of_milliseconds_sheds_sends_but_not_read_markers(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """D61: at the defaults, an event loop late by 0.2 s at every sample (a fifth of what
    shed anything before) sheds typing, history reads and sends busy with a retry-after,
    while a read marker is served; every send taken is acked and stored. The writer's own
    shedding is off, so what sheds is the loop's lag."""
    defaults = Config()
    env = {
        "PIGEON_SHED_LOOP_LAG_S": str(defaults.shed_loop_lag_s),
        "PIGEON_SHED_LOOP_LAG_INTERVAL_S": str(defaults.shed_loop_lag_interval_s),
        "PIGEON_REQUEST_RATE_PER_S": "100000",
        "PIGEON_REQUEST_BURST": "100000",
        **NO_WRITER_SHEDDING,
    }
    async with alice_and_bob(tmp_path, client_session, env) as (server, _, _, conv, ws, first):
        acks: list[Frame] = []
        async with loop_stalled(server, stopped_s=0.2, running_s=0.02):
            async with asyncio.timeout(TIMEOUT_S):
                while True:
                    await ws.ws.send_json({"type": "typing", "conv": conv})
                    reply = await ws.request(
                        {
                            "type": "send",
                            "conv": conv,
                            "client_msg_id": f"m{len(acks)}",
                            "body": "hi",
                        }
                    )
                    if reply["type"] != "ack":
                        break
                    acks.append(reply)
            # The retry-after grows with the overload: 1 s at a lag of 100 ms, 2 s at 200.
            assert reply["code"] == "busy" and reply["retry_after_ms"] >= 1000, reply
            history = await ws.request({"type": "history", "conv": conv})
            assert history["code"] == "busy" and history["retry_after_ms"] >= 1000, history
            marker = await ws.request({"type": "read", "conv": conv, "seq": first["seq"]})
            assert marker["type"] == "ok", marker
            # Typing has no reply, and the loop's lag is a sample: a typing frame read just
            # before the sample that shed the send above may have been let through. Typing
            # again, each frame followed by a request (read after it, in order), until the
            # node counts one shed.
            async with asyncio.timeout(TIMEOUT_S):
                while not (await scrape(client_session, server)).get(TYPING_SHED, 0):
                    await ws.ws.send_json({"type": "typing", "conv": conv})
                    await ws.request({"type": "history", "conv": conv})
        await until_utilisation_below(client_session, server, 0.5)
        stored = await ws.request({"type": "history", "conv": conv, "after": first["seq"]})
        assert [e["seq"] for e in stored["events"]] == [a["seq"] for a in acks]
        got = await scrape(client_session, server)
        assert got[TYPING_SHED] >= 1
        assert got["pigeon_shed_total{priority=write,shedder=worker}"] >= 1
        assert got.get("pigeon_shed_total{priority=critical,shedder=worker}", 0) == 0
