"""The NATS bus against a real nats-server: the conformance suite, then what only a network bus
does (server restarts, two gateways, publishing while the server is down, the client giving
up), then its URL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from pigeon.bus import nats as nats_bus
from pigeon.bus.base import Bus
from pigeon.bus.factory import bus_from_url
from pigeon.bus.nats import NatsBus, NatsOptions, NatsUrl, parse_url
from tests.bus.conformance import BusConformance, CauseGap, NewBus, Recorder
from tests.helpers.metrics import scrape
from tests.helpers.nats import NatsCluster, NatsServer
from tests.helpers.raw import Http, RawWs
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

# Short waits, so that a restart costs a test milliseconds; production keeps the defaults.
FAST = "reconnect_wait_s=0.05&connect_timeout_s=1&flush_timeout_s=2&ping_s=1"


@pytest.fixture(scope="module")
def nats_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NatsServer]:
    server = NatsServer(tmp_path_factory.mktemp("nats") / "nats.log").start()
    try:
        yield server
    finally:
        server.kill()


def bus_url(server: NatsServer, extra: str = "") -> str:
    return f"{server.url}?{FAST}{extra}"


@pytest.fixture
def new_bus(nats_server: NatsServer) -> NewBus:
    return lambda: bus_from_url(bus_url(nats_server))


@pytest.fixture
def cause_gap(nats_server: NatsServer) -> CauseGap:
    def restart_the_server(bus: Bus, topic: str) -> None:
        nats_server.restart()  # the client reconnects: doorbells may have been missed

    return restart_the_server


class TestNatsBus(BusConformance):
    pass


async def opened(url: str, *topics: str) -> tuple[NatsBus, Recorder]:
    bus = bus_from_url(url)
    assert isinstance(bus, NatsBus)
    recorder = Recorder()
    await bus.open(recorder.on_message, recorder.on_gap)
    for topic in topics:
        await bus.subscribe(topic)
    return bus, recorder


def watch_closed(bus: NatsBus) -> asyncio.Event:
    """Set when the client library gives up (closes its client); before ``open``."""
    gave_up = asyncio.Event()
    on_closed = bus._on_closed

    async def closed() -> None:
        gave_up.set()
        await on_closed()

    bus._on_closed = closed  # type: ignore[method-assign]
    return gave_up


@pytest.fixture
async def gateways(nats_server: NatsServer) -> AsyncIterator[list[tuple[NatsBus, Recorder]]]:
    """Two buses on one NATS server, as two gateways have, both following conv.a."""
    pair = [await opened(bus_url(nats_server), "conv.a") for _ in range(2)]
    yield pair
    for bus, _ in pair:
        await bus.close()


class TestNetwork:
    async def test_two_gateways_hear_each_others_doorbells(
        self, gateways: list[tuple[NatsBus, Recorder]]
    ) -> None:
        (a, heard_by_a), (b, heard_by_b) = gateways
        a.publish("conv.a", b"from a")
        b.publish("conv.a", b"from b")
        for recorder in (heard_by_a, heard_by_b):
            await recorder.until(lambda r=recorder: len(r.messages) == 2)  # type: ignore[misc]
            assert sorted(recorder.messages) == [("conv.a", b"from a"), ("conv.a", b"from b")]
        assert a.published == b.published == 1

    async def test_a_doorbell_rung_elsewhere_right_after_subscribe_is_heard(
        self, gateways: list[tuple[NatsBus, Recorder]]
    ) -> None:
        """subscribe returns only once the server has the SUB, so another client's publish
        right after it is delivered: every time, over many fresh topics (a PING/PONG flush
        lost about one in eight of these: nats-py writes the PING ahead of a queued SUB)."""
        (a, _), (b, heard_by_b) = gateways
        topics = [f"conv.fresh{n}" for n in range(300)]
        for topic in topics:
            await b.subscribe(topic)
            a.publish(topic, b"rung elsewhere")
        await heard_by_b.until(lambda: len(heard_by_b.messages) >= len(topics))
        assert [topic for topic, _ in heard_by_b.messages] == topics

    async def test_a_server_restart_is_a_gap_and_delivery_resumes(
        self, gateways: list[tuple[NatsBus, Recorder]], nats_server: NatsServer
    ) -> None:
        """Each bus reports on_gap(None) once reconnected and subscribed again; then a
        doorbell of one reaches the other."""
        (a, heard_by_a), (b, heard_by_b) = gateways
        nats_server.restart()
        await heard_by_a.until(lambda: None in heard_by_a.gaps)
        await heard_by_b.until(lambda: None in heard_by_b.gaps)
        b.publish("conv.a", b"after the restart")
        assert await heard_by_a.messages_of(1) == [("conv.a", b"after the restart")]
        assert a.gaps >= 1 and a.restarts == 0

    async def test_publish_while_the_server_is_down_is_bounded_and_never_blocks(
        self,
        gateways: list[tuple[NatsBus, Recorder]],
        nats_server: NatsServer,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """The outbox keeps the newest MAX_OUTBOX doorbells and counts what it drops; once
        the server is back it is sent, so the newest doorbell still rings."""
        monkeypatch.setattr(nats_bus, "MAX_OUTBOX", 100)
        (_, heard_by_a), (b, heard_by_b) = gateways
        nats_server.kill()
        loop = asyncio.get_running_loop()
        started = loop.time()
        for n in range(1000):
            b.publish("conv.a", str(n).encode())
        assert loop.time() - started < 1.0
        assert len(b._outbox) <= 100
        assert b.dropped >= 900
        nats_server.start()
        await heard_by_a.until(lambda: None in heard_by_a.gaps)
        await heard_by_b.until(lambda: None in heard_by_b.gaps)
        b.publish("conv.a", b"marker")
        await heard_by_a.until(lambda: ("conv.a", b"marker") in heard_by_a.messages)
        assert b"0" not in [payload for _, payload in heard_by_a.messages]  # dropped: oldest

    async def test_a_subscribe_while_the_server_is_down_is_live_after_the_gap(
        self, nats_server: NatsServer
    ) -> None:
        """subscribe returns at once while the link is down (it never raises); the topic is
        subscribed on reconnect, before the gap is reported."""
        listener = bus_from_url(bus_url(nats_server))
        assert isinstance(listener, NatsBus)
        cut = asyncio.Event()
        on_disconnected = listener._on_disconnected

        async def disconnected() -> None:
            cut.set()
            await on_disconnected()

        listener._on_disconnected = disconnected  # type: ignore[method-assign]
        heard = Recorder()
        await listener.open(heard.on_message, heard.on_gap)
        try:
            nats_server.kill()
            async with asyncio.timeout(TIMEOUT_S):
                await cut.wait()
                await listener.subscribe("conv.b")
            nats_server.start()
            await heard.until(lambda: None in heard.gaps)
            sender, _ = await opened(bus_url(nats_server))
            sender.publish("conv.b", b"heard")
            assert await heard.messages_of(1) == [("conv.b", b"heard")]
            await sender.close()
        finally:
            await listener.close()

    async def test_a_slow_consumer_drop_is_a_gap_on_its_topic(
        self, nats_server: NatsServer, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(nats_bus, "SUB_PENDING_MSGS", 1)
        listener, heard = await opened(bus_url(nats_server), "conv.a")
        sender, _ = await opened(bus_url(nats_server))
        try:
            for n in range(2000):
                sender.publish("conv.a", str(n).encode())
            await heard.until(lambda: "conv.a" in heard.gaps)
        finally:
            await listener.close()
            await sender.close()

    async def test_the_client_giving_up_is_restarted_resubscribed_and_a_gap(
        self, nats_server: NatsServer
    ) -> None:
        """After max_reconnects failed attempts the library closes its client: the bus
        connects a new one, subscribes again, reports the gap and counts the restart."""
        listener = bus_from_url(bus_url(nats_server, "&max_reconnects=1"))
        assert isinstance(listener, NatsBus)
        gave_up = watch_closed(listener)
        heard = Recorder()
        await listener.open(heard.on_message, heard.on_gap)
        await listener.subscribe("conv.a")
        try:
            nats_server.kill()
            async with asyncio.timeout(TIMEOUT_S):
                await gave_up.wait()
            nats_server.start()
            await heard.until(lambda: None in heard.gaps)
            assert listener.restarts == 1
            sender, _ = await opened(bus_url(nats_server))
            sender.publish("conv.a", b"heard again")
            await heard.until(lambda: ("conv.a", b"heard again") in heard.messages)
            await sender.close()
        finally:
            await listener.close()

    @pytest.mark.parametrize("gave_up", [False, True], ids=["reconnecting", "restarting"])
    async def test_close_is_bounded_while_the_server_is_down(
        self, nats_server: NatsServer, gave_up: bool
    ) -> None:
        """While the library reconnects, or after it gave up and the bus keeps restarting
        its client, close() returns within its flush timeout and calls nothing after."""
        bus = bus_from_url(bus_url(nats_server, "&max_reconnects=1" if gave_up else ""))
        assert isinstance(bus, NatsBus)
        closed = watch_closed(bus)
        heard = Recorder()
        await bus.open(heard.on_message, heard.on_gap)
        await bus.subscribe("conv.a")
        nats_server.kill()
        if gave_up:
            async with asyncio.timeout(TIMEOUT_S):
                await closed.wait()
            assert bus._restarting is not None and not bus._restarting.done()
        bus.publish("conv.a", b"waits in the outbox")
        loop = asyncio.get_running_loop()
        started = loop.time()
        await bus.close()
        assert loop.time() - started < NatsOptions().flush_timeout_s + 1
        gaps = list(heard.gaps)
        nats_server.start()
        marker, marks = await opened(bus_url(nats_server), "conv.a")
        marker.publish("conv.a", b"marker")
        await marks.messages_of(1)
        await marker.close()
        assert heard.messages == [] and heard.gaps == gaps

    async def test_open_while_the_server_is_down_connects_later_with_a_gap(
        self, nats_server: NatsServer
    ) -> None:
        """A gateway starts even if NATS is not up yet; the first connect is a gap."""
        nats_server.kill()
        bus, heard = await opened(bus_url(nats_server), "conv.a")
        try:
            assert heard.gaps == []
            nats_server.start()
            await heard.until(lambda: None in heard.gaps)
            assert bus.restarts == 1
        finally:
            await bus.close()


async def ring_until_heard(sender: NatsBus, heard: Recorder, payload: bytes) -> None:
    """Publish ``payload`` on conv.a until it is heard. In a NATS cluster a subscription is
    confirmed by the node the subscriber is connected to, and reaches the other nodes over
    their routes a moment later: a doorbell rung in between is lost (docs/DECISIONS.md D36)."""
    async with asyncio.timeout(TIMEOUT_S):
        while ("conv.a", payload) not in heard.messages:
            sender.publish("conv.a", payload)
            try:
                await asyncio.wait_for(
                    heard.until(lambda: ("conv.a", payload) in heard.messages), 0.2
                )
            except TimeoutError:
                continue


async def test_losing_the_nats_node_of_a_gateway_is_a_gap_then_another_node_serves(
    tmp_path: Path,
) -> None:
    """A 3-node NATS cluster: SIGKILL the node a gateway's bus is connected to; the bus moves
    to another node, reports the gap, and hears doorbells published through the cluster."""
    cluster = NatsCluster(tmp_path).start()
    try:
        listener, heard = await opened(f"{cluster.url}?{FAST}", "conv.a")
        sender, _ = await opened(f"{cluster.url}?{FAST}")
        try:
            await ring_until_heard(sender, heard, b"before")
            client = listener._client
            assert client is not None and client.connected_url is not None
            lost = cluster.node_at(client.connected_url.port or 0)
            lost.kill()
            await heard.until(lambda: None in heard.gaps)
            assert listener._client is client and client.connected_url is not None
            assert client.connected_url.port != lost.port
            await ring_until_heard(sender, heard, b"after")
            assert listener.restarts == 0
        finally:
            await listener.close()
            await sender.close()
    finally:
        cluster.stop()


async def test_a_server_on_the_nats_bus_pushes_through_nats(
    nats_server: NatsServer, tmp_path: Path
) -> None:
    """A real node with ``--bus nats://``: a send's doorbell goes out to NATS and comes back
    to ring the receiver's push (on a lossless bus, as a push: never pulled), and the bus's
    own counters are exported."""
    server = ServerProcess(tmp_path / "data", env={"PIGEON_BUS": bus_url(nats_server)}).start()
    try:
        async with aiohttp.ClientSession() as session:
            http = Http(session, server.url)
            alice, bob = await http.user("alice"), await http.user("bob")
            conv = await http.direct(alice, "bob")
            receiver = await RawWs.connect(session, server.url)
            sender = await RawWs.connect(session, server.url)
            await receiver.hello(bob)
            await sender.hello(alice)
            assert (await sender.send(conv, "m1", "through nats"))["type"] == "ack"
            [event] = await receiver.events(conv, after=1, count=1)
            assert event["body"] == "through nats"
            await receiver.close()
            await sender.close()
            got = await scrape(session, server)
        assert got["pigeon_bus_published_total{}"] >= 1
        assert got["pigeon_bus_dropped_total{}"] == got["pigeon_bus_restarts_total{}"] == 0
    finally:
        server.kill()


class TestUrl:
    def test_defaults(self) -> None:
        assert parse_url("nats://127.0.0.1:4222") == NatsUrl(
            ("nats://127.0.0.1:4222",), NatsOptions()
        )

    def test_several_servers_and_parameters(self) -> None:
        url = "nats://a:1,b:2?reconnect_wait_s=0.1&max_reconnects=5&ping_s=3"
        assert parse_url(url) == NatsUrl(
            ("nats://a:1", "nats://b:2"),
            NatsOptions(reconnect_wait_s=0.1, max_reconnects=5, ping_s=3),
        )

    @pytest.mark.parametrize(
        "url",
        [
            "nats://",
            "nats://host",
            "nats://host:port",
            "nats://host:0",
            "nats://a:1,b",
            "nats://a:1/path",
            "nats://a:1?retries=3",
            "nats://a:1?ping_s=0",
            "nats://a:1?max_reconnects=1.5",
        ],
    )
    def test_a_bad_url_is_refused(self, url: str) -> None:
        with pytest.raises(ValueError, match="nats bus"):
            bus_from_url(url)

    def test_the_factory_picks_the_nats_bus(self, tmp_path: Path) -> None:
        assert isinstance(bus_from_url("nats://127.0.0.1:4222"), NatsBus)
