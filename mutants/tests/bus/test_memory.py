"""The in-memory bus against the conformance suite, then its faults and its URL."""

from __future__ import annotations

import asyncio

import pytest

from pigeon.bus import memory
from pigeon.bus.base import Bus
from pigeon.bus.factory import bus_from_url
from pigeon.bus.local import LocalBus
from pigeon.bus.memory import Faults, MemoryBus, MemoryNetwork, parse_url
from tests.bus.conformance import BusConformance, CauseGap, NewBus, Recorder


@pytest.fixture
def new_bus() -> NewBus:
    network = MemoryNetwork()
    return lambda: MemoryBus(network=network)


@pytest.fixture
def cause_gap() -> CauseGap:
    def lose(bus: Bus, topic: str) -> None:
        assert isinstance(bus, MemoryBus)
        bus.report_gap(topic)

    return lose


class TestMemoryBus(BusConformance):
    pass


async def opened(
    faults: Faults, network: MemoryNetwork | None = None
) -> tuple[MemoryBus, Recorder]:
    bus = MemoryBus(faults, network)
    recorder = Recorder()
    await bus.open(recorder.on_message, recorder.on_gap)
    await bus.subscribe("conv.a")
    return bus, recorder


def numbered(count: int) -> list[bytes]:
    return [str(n).encode() for n in range(count)]


async def delivered(faults: Faults, count: int) -> list[bytes]:
    """What a bus with ``faults`` delivers of ``count`` messages, once nothing is pending."""
    bus, recorder = await opened(faults)
    for payload in numbered(count):
        bus.publish("conv.a", payload)
    await recorder.until(lambda: not bus._timers and not bus._held)
    await bus.close()
    return [payload for _, payload in recorder.messages]


class TestFaults:
    async def test_no_faults_delivers_synchronously_like_the_local_bus(self) -> None:
        """All faults off: each publish is delivered before publish returns, in order."""
        bus, recorder = await opened(Faults())
        for payload in numbered(50):
            bus.publish("conv.a", payload)
            assert recorder.messages[-1] == ("conv.a", payload)
        assert bus.dropped == bus.duplicated == bus.reordered == 0

    async def test_drops_about_the_configured_share_and_says_nothing(self) -> None:
        """drop=0.3 loses about 30% without a gap report: the backstop's case."""
        got = await delivered(Faults(drop=0.3, seed=7), 2000)
        assert 1200 < len(got) < 1600
        assert got == sorted(got, key=int)  # what arrives is in order

    async def test_duplicates_are_delivered_twice(self) -> None:
        got = await delivered(Faults(dup=0.2, seed=7), 1000)
        assert 1100 < len(got) < 1300
        assert sorted(set(got), key=int) == numbered(1000)

    async def test_reorder_delivers_everything_in_another_order(self) -> None:
        got = await delivered(Faults(reorder=0.2, seed=7), 500)
        assert sorted(got, key=int) == numbered(500)
        assert got != numbered(500)

    async def test_delay_holds_every_message_back(self) -> None:
        """delay_ms: nothing arrives during publish; everything arrives after the delay."""
        bus, recorder = await opened(Faults(delay_ms=20))
        loop = asyncio.get_running_loop()
        started = loop.time()
        for payload in numbered(10):
            bus.publish("conv.a", payload)
        assert recorder.messages == []
        await recorder.messages_of(10)
        assert loop.time() - started >= 0.019
        assert sorted(p for _, p in recorder.messages) == sorted(numbered(10))
        await bus.close()

    async def test_the_same_seed_gives_the_same_schedule(self) -> None:
        faults = Faults(drop=0.2, dup=0.2, reorder=0.2, seed=42)
        first = await delivered(faults, 500)
        assert await delivered(faults, 500) == first
        assert await delivered(Faults(drop=0.2, dup=0.2, reorder=0.2, seed=43), 500) != first

    async def test_gap_every_loses_a_message_and_reports_a_gap_on_every_topic(self) -> None:
        """A simulated reconnect: every Nth message is lost, and on_gap hears None."""
        bus, recorder = await opened(Faults(gap_every=10))
        for payload in numbered(30):
            bus.publish("conv.a", payload)
        assert recorder.gaps == [None, None, None]
        lost = {b"9", b"19", b"29"}
        assert [p for _, p in recorder.messages] == [p for p in numbered(30) if p not in lost]

    async def test_pending_messages_are_bounded_and_overflow_is_a_gap(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Past MAX_PENDING delayed messages, more are dropped and their topic reported."""
        monkeypatch.setattr(memory, "MAX_PENDING", 5)
        bus, recorder = await opened(Faults(delay_ms=10))
        for payload in numbered(8):
            bus.publish("conv.a", payload)
        assert recorder.gaps == ["conv.a"] * 3
        await recorder.messages_of(5)
        assert [p for _, p in recorder.messages] == numbered(5)
        await bus.close()

    async def test_pending_bytes_are_bounded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(memory, "MAX_PENDING_BYTES", 100)
        bus, recorder = await opened(Faults(delay_ms=10))
        bus.publish("conv.a", b"x" * 60)
        bus.publish("conv.a", b"y" * 60)
        assert recorder.gaps == ["conv.a"]
        assert await recorder.messages_of(1) == [("conv.a", b"x" * 60)]
        await bus.close()

    async def test_close_cancels_what_is_pending(self) -> None:
        bus, recorder = await opened(Faults(delay_ms=10))
        bus.publish("conv.a", b"pending")
        await bus.close()
        assert not bus._timers
        marker, marks = await opened(Faults(delay_ms=20))
        marker.publish("conv.a", b"marker")
        await marks.messages_of(1)
        assert recorder.messages == []
        await marker.close()

    async def test_nodes_on_one_network_hear_each_other_with_their_own_faults(self) -> None:
        """Two in-process nodes: each receives what the other publishes, through its own
        faults (here one node's link drops everything)."""
        network = MemoryNetwork()
        a, heard_by_a = await opened(Faults(), network)
        b, heard_by_b = await opened(Faults(drop=1.0), network)
        b.publish("conv.a", b"from b")
        a.publish("conv.a", b"from a")
        assert heard_by_a.messages == [("conv.a", b"from b"), ("conv.a", b"from a")]
        assert heard_by_b.messages == []
        assert b.dropped == 2


class TestUrl:
    def test_memory_without_parameters_has_no_faults(self) -> None:
        assert parse_url("memory:") == Faults()

    def test_every_parameter_is_read(self) -> None:
        url = "memory:?drop=0.1&dup=0.05&reorder=0.1&delay_ms=5&seed=42&gap_every=1000"
        assert parse_url(url) == Faults(
            drop=0.1, dup=0.05, reorder=0.1, delay_ms=5, seed=42, gap_every=1000
        )

    @pytest.mark.parametrize(
        "url",
        [
            "memory:?loss=0.1",
            "memory:?drop=lots",
            "memory:?drop=1.5",
            "memory:?dup=-0.1",
            "memory:?delay_ms=-1",
            "memory:?seed=1.5",
            "memory://host",
            "memory:path",
        ],
    )
    def test_a_bad_url_is_refused(self, url: str) -> None:
        with pytest.raises(ValueError, match=r"memory bus|must|not a memory"):
            parse_url(url)

    def test_the_factory_picks_the_bus_by_scheme(self) -> None:
        assert isinstance(bus_from_url("local:"), LocalBus)
        chosen = bus_from_url("memory:?drop=0.5&seed=3")
        assert isinstance(chosen, MemoryBus)
        assert chosen.faults == Faults(drop=0.5, seed=3)

    @pytest.mark.parametrize("url", ["nats://127.0.0.1:4222", "", "local:?x=1", "LOCAL"])
    def test_the_factory_refuses_what_it_does_not_know(self, url: str) -> None:
        with pytest.raises(ValueError, match="bus"):
            bus_from_url(url)
