"""Faults of a cluster, with real processes: two gateways on one PostgreSQL store and a 3-node
NATS bus, clients on both gateways sending while a gateway, a NATS node or the whole bus is
SIGKILLed (docs/DECISIONS.md D44).

What must hold every time: every acknowledged message is in every member's view exactly once,
in seq order, with no gap (G1-G4); a send retried with its client_msg_id after a lost reply is
not stored twice (G2); real-time delivery resumes once the fault is over.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.cluster import ClusterEngines, start_gateways
from tests.helpers.metrics import scrape
from tests.helpers.nats import NatsCluster, NatsServer
from tests.helpers.postgres import PostgresInstance
from tests.helpers.raw import Frame, Http, RawWs
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

# Messages each sender sends in a test: enough that a fault lands among them.
SENDS = 30
# A sender's acks before the fault is injected.
BEFORE_FAULT = 10
# Messages sent while the whole bus is down: each waits for a backstop pass (0.6 s each here).
WHILE_BUS_DOWN = 4


@pytest.fixture(scope="module")
def engines(
    postgres: PostgresInstance, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ClusterEngines]:
    engines = ClusterEngines(postgres, tmp_path_factory.mktemp("faults"))
    try:
        yield engines
    finally:
        engines.stop()


@pytest.fixture
def fresh(engines: ClusterEngines, tmp_path: Path) -> ClusterEngines:
    """An empty store and a NATS cluster of three live nodes (a test may kill some)."""
    engines.reset()
    engines.nats.stop()
    engines.nats = NatsCluster(tmp_path).start()
    return engines


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


@dataclass
class Member:
    """One user's client: its socket, and its view of the conversation (its events by seq,
    each applied once, in order, as a client following the protocol applies them)."""

    handle: str
    token: str
    ws: RawWs
    view: list[Frame] = field(default_factory=list)

    @property
    def cursor(self) -> int:
        return int(self.view[-1]["seq"]) if self.view else 0

    async def take_pushes(self, conv: str, last_seq: int) -> None:
        """Events up to ``last_seq`` from this live socket's pushes (a pull fills a gap)."""
        if (more := last_seq - self.cursor) > 0:
            self.view += await self.ws.events(conv, after=self.cursor, count=more)

    def take_what_came(self, conv: str) -> None:
        """Apply what a dead socket received before it died, up to its first gap."""
        while not self.ws.pushes.empty():
            push = self.ws.pushes.get_nowait()
            event = push.get("event", {})
            if event.get("conv") != conv or event["seq"] <= self.cursor:
                continue
            if event["seq"] != self.cursor + 1:
                break  # the rest is pulled on the next socket
            self.view.append(event)

    async def pull(self, conv: str, last_seq: int) -> None:
        """Catch up with history pages after a reconnect."""
        while self.cursor < last_seq:
            page = await self.ws.request(
                {"type": "history", "conv": conv, "after": self.cursor, "limit": 1000}
            )
            assert page["type"] == "page" and page["events"], page
            self.view += page["events"]


async def hello(session: aiohttp.ClientSession, node: ServerProcess, token: str) -> RawWs:
    # lossy_bus: a push missed across a fault is a gap the client pulls, not a bug.
    ws = await RawWs.connect(session, node.url, lossy_bus=True)
    welcome = await ws.hello(token)
    assert welcome["type"] == "welcome", welcome
    return ws


async def member(
    session: aiohttp.ClientSession, http: Http, node: ServerProcess, handle: str
) -> Member:
    token = await http.user(handle)
    return Member(handle, token, await hello(session, node, token))


async def group(http: Http, owner: Member, *others: Member) -> str:
    body = {"title": "faults", "members": [m.handle for m in others]}
    status, reply = await http.call("POST", "/v1/conversations/group", body, owner.token)
    assert status == 201, reply
    return str(reply["conv"])


async def send_or_lost(ws: RawWs, conv: str, cmid: str) -> Frame | None:
    """The ack of one send, or None if the socket closed before it came (its node died)."""
    request = asyncio.ensure_future(ws.send(conv, cmid, f"body of {cmid}"))
    closed = asyncio.ensure_future(ws.closed.wait())
    done, _ = await asyncio.wait(
        {request, closed}, timeout=TIMEOUT_S, return_when=asyncio.FIRST_COMPLETED
    )
    closed.cancel()
    assert done, f"neither an ack nor a close within {TIMEOUT_S}s for {cmid}"
    if request in done and request.exception() is None:
        return request.result()
    request.cancel()
    with contextlib.suppress(BaseException):
        await request
    return None


async def last_seq_of(ws: RawWs, conv: str) -> int:
    page = await ws.request({"type": "history", "conv": conv, "after": 0, "limit": 1})
    assert page["type"] == "page", page
    return int(page["last_seq"])


def assert_whole_log(member: Member, acked: dict[str, int], last_seq: int) -> None:
    """G1-G4 for one member: seqs 1..last_seq once each and in order, every acknowledged
    message at its acknowledged seq, no client_msg_id stored twice."""
    view = member.view
    assert [e["seq"] for e in view] == list(range(1, last_seq + 1)), member.handle
    cmids = [e["client_msg_id"] for e in view if e["kind"] == "message"]
    assert len(cmids) == len(set(cmids)), f"a retried send was stored twice: {cmids}"
    stored = {e["client_msg_id"]: e["seq"] for e in view if e["kind"] == "message"}
    assert stored == acked, member.handle


async def test_a_gateway_sigkilled_while_both_send_loses_and_repeats_nothing(
    fresh: ClusterEngines, session: aiohttp.ClientSession, tmp_path: Path
) -> None:
    """Alice on gateway 0 and Bob on gateway 1 send into a group Carol reads on gateway 1;
    gateway 1 is SIGKILLed mid-stream. Bob and Carol reconnect to gateway 0, Bob resends his
    unacknowledged message with the same client_msg_id and carries on. Then every member holds
    the whole log once, in order, each acknowledged message at its acknowledged seq."""
    gateways = start_gateways(fresh, tmp_path, env={"PIGEON_BUS_BACKSTOP_S": "0.3"})
    survivor, victim = gateways
    try:
        http = Http(session, survivor.url)
        alice = await member(session, http, survivor, "alice")
        bob = await member(session, http, victim, "bob")
        carol = await member(session, http, victim, "carol")
        conv = await group(http, alice, bob, carol)
        acked: dict[str, int] = {}
        fault_now, fault_done = asyncio.Event(), asyncio.Event()

        async def sends(sender: Member) -> None:
            for n in range(SENDS):
                cmid = f"{sender.handle}-{n}"
                while (ack := await send_or_lost(sender.ws, conv, cmid)) is None:
                    await fault_done.wait()  # its node died: the same send, on the survivor
                    sender.take_what_came(conv)
                    sender.ws = await hello(session, survivor, sender.token)
                assert ack["type"] == "ack", ack
                acked[cmid] = ack["seq"]
                if sender is bob and n + 1 == BEFORE_FAULT:
                    fault_now.set()

        senders = asyncio.gather(sends(alice), sends(bob))
        await fault_now.wait()
        await asyncio.to_thread(victim.kill)
        fault_done.set()
        await senders
        assert len(acked) == 2 * SENDS
        carol.take_what_came(conv)
        carol.ws = await hello(session, survivor, carol.token)
        last_seq = await last_seq_of(alice.ws, conv)
        await alice.take_pushes(conv, last_seq)  # never disconnected: real time throughout
        for reconnected in (bob, carol):
            await reconnected.pull(conv, last_seq)
        for reader in (alice, bob, carol):
            assert_whole_log(reader, acked, last_seq)
    finally:
        for gateway in gateways:
            gateway.kill()


def nats_node_of(gateway: ServerProcess, nats: NatsCluster) -> NatsServer:
    """The NATS node a gateway's bus is connected to: the one whose client port is the
    remote end of one of the gateway process's TCP sockets (/proc, no guessing)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{gateway.pid}/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/{gateway.pid}/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[len("socket:[") : -1])
    with open(f"/proc/{gateway.pid}/net/tcp") as table:
        rows = [line.split() for line in table.readlines()[1:]]
    ports = {int(row[2].split(":")[1], 16) for row in rows if row[9] in inodes}
    [node] = [node for node in nats.nodes if node.port in ports]
    return node


async def bus_counter(session: aiohttp.ClientSession, gateway: ServerProcess, name: str) -> float:
    return (await scrape(session, gateway))[f"pigeon_bus_{name}_total{{}}"]


async def until(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Poll another process's state (its metrics), bounded: it has no event to await."""
    for _ in range(int(TIMEOUT_S / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never: {what}")


async def test_a_nats_node_sigkilled_while_clients_send_across_gateways(
    fresh: ClusterEngines, session: aiohttp.ClientSession, tmp_path: Path
) -> None:
    """Gateway 0's bus names NATS nodes 0 and 1, gateway 1's node 2. The node gateway 0 is
    connected to is SIGKILLed while Alice (gateway 1) sends to Bob (gateway 0): gateway 0
    reports a gap, moves to its other node and repairs; nothing acknowledged is lost, and
    Bob's real-time pushes resume."""
    buses = (fresh.bus_url(0, 1), fresh.bus_url(2))
    gateways = start_gateways(fresh, tmp_path, buses=buses)
    listener, speaker = gateways
    try:
        http = Http(session, listener.url)
        bob = await member(session, http, listener, "bob")
        alice = await member(session, http, speaker, "alice")
        conv = await group(http, alice, bob)
        acked: dict[str, int] = {}
        for n in range(SENDS):
            if n == BEFORE_FAULT:
                lost = nats_node_of(listener, fresh.nats)
                gaps = await bus_counter(session, listener, "gaps")
                await asyncio.to_thread(lost.kill)
            ack = await alice.ws.send(conv, f"m{n}", f"message {n}")
            assert ack["type"] == "ack", ack
            acked[f"m{n}"] = ack["seq"]
            await bob.take_pushes(conv, ack["seq"])
        assert await bus_counter(session, listener, "gaps") > gaps
        assert nats_node_of(listener, fresh.nats) is not lost
        # Real time again, through the surviving nodes: ten more, each pushed to Bob.
        for n in range(SENDS, SENDS + BEFORE_FAULT):
            ack = await alice.ws.send(conv, f"m{n}", f"message {n}")
            acked[f"m{n}"] = ack["seq"]
            [pushed] = await bob.ws.events(conv, after=bob.cursor, count=1)
            bob.view.append(pushed)
        last_seq = await last_seq_of(alice.ws, conv)
        await alice.take_pushes(conv, last_seq)
        for reader in (alice, bob):
            assert_whole_log(reader, acked, last_seq)
    finally:
        for gateway in gateways:
            gateway.kill()


async def test_the_whole_bus_down_delivery_goes_on_through_the_backstop(
    fresh: ClusterEngines, session: aiohttp.ClientSession, tmp_path: Path
) -> None:
    """Every NATS node SIGKILLed while Alice (gateway 0) sends to Bob (gateway 1): the
    backstop (every 0.3 s here) still brings Bob every message once and in order. NATS back,
    gateway 0 publishes doorbells again and Bob's pushes come by doorbell, not only by the
    backstop."""
    gateways = start_gateways(fresh, tmp_path, env={"PIGEON_BUS_BACKSTOP_S": "0.3"})
    speaker, listener = gateways
    try:
        http = Http(session, speaker.url)
        alice = await member(session, http, speaker, "alice")
        bob = await member(session, http, listener, "bob")
        conv = await group(http, alice, bob)
        acked: dict[str, int] = {}

        async def send(n: int) -> None:
            ack = await alice.ws.send(conv, f"m{n}", f"message {n}")
            assert ack["type"] == "ack", ack
            acked[f"m{n}"] = ack["seq"]
            await bob.take_pushes(conv, ack["seq"])

        await send(0)
        gaps = await bus_counter(session, listener, "gaps")
        for node in fresh.nats.nodes:
            await asyncio.to_thread(node.kill)
        # Once its client has seen the link go, gateway 0 holds its doorbells.
        await asyncio.to_thread(speaker.wait_for_log, event="nats bus disconnected")
        published = await bus_counter(session, speaker, "published")
        for n in range(1, 1 + WHILE_BUS_DOWN):
            await send(n)  # each one reaches Bob through the backstop alone
        assert await bus_counter(session, speaker, "published") == published
        for node in fresh.nats.nodes:
            await asyncio.to_thread(node.start)

        async def publishing() -> bool:
            return await bus_counter(session, speaker, "published") > published

        async def resubscribed() -> bool:  # its bus reports the gap once its SUBs are live
            return await bus_counter(session, listener, "gaps") > gaps

        await until(publishing, "gateway 0 publishes doorbells again")
        await until(resubscribed, "gateway 1 hears doorbells again")
        await send(1 + WHILE_BUS_DOWN)
        repairs = await bus_counter(session, listener, "repairs")
        later = range(2 + WHILE_BUS_DOWN, 12 + WHILE_BUS_DOWN)
        for n in later:
            await send(n)
        # A doorbell comes within milliseconds, a backstop pass every 300: had doorbells not
        # resumed, the backstop would have found every one of these.
        assert await bus_counter(session, listener, "repairs") - repairs < len(later)
        last_seq = await last_seq_of(alice.ws, conv)
        await alice.take_pushes(conv, last_seq)
        for reader in (alice, bob):
            assert_whole_log(reader, acked, last_seq)
    finally:
        for gateway in gateways:
            gateway.kill()
