"""The conformance suite every Bus must pass (STYLE.md 3: one suite per interface).

A backend's test module subclasses :class:`BusConformance` and provides two fixtures:
``new_bus``, a factory of unopened buses that all reach each other (each call another node's
bus, where the backend has nodes; faults off), and ``cause_gap``, which makes an opened bus
lose something it then reports, or None for a bus that never loses anything.

Delivery may be asynchronous, so the suite awaits what it expects, within a timeout; it shows
that something did NOT arrive by publishing a marker after it and awaiting the marker.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from pigeon.bus.base import Bus

NewBus = Callable[[], Bus]
CauseGap = Callable[[Bus, str], None] | None

# Far above any healthy delivery; a test that waits this long has failed.
DELIVERY_TIMEOUT_S = 5.0
# Doorbells published at once to a bus that says it is lossless: more than any bound a lossy
# bus keeps (the memory bus holds 10,000 pending), so a bounded buffer would show.
LOSSLESS_BURST = 20_000


class Recorder:
    """What an opened bus handed to its subscriber: messages and gaps, in arrival order."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, bytes]] = []
        self.gaps: list[str | None] = []
        self._arrived = asyncio.Event()

    def on_message(self, topic: str, payload: bytes) -> None:
        self.messages.append((topic, payload))
        self._arrived.set()

    def on_gap(self, topic: str | None) -> None:
        self.gaps.append(topic)
        self._arrived.set()

    async def until(self, done: Callable[[], bool]) -> None:
        async with asyncio.timeout(DELIVERY_TIMEOUT_S):
            while not done():
                self._arrived.clear()
                await self._arrived.wait()

    async def messages_of(self, count: int) -> list[tuple[str, bytes]]:
        await self.until(lambda: len(self.messages) >= count)
        return self.messages


class BusConformance:
    """The doorbell contract: live subscriptions, isolation, fire-and-forget publishing."""

    @pytest.fixture
    async def opened(self, new_bus: NewBus) -> AsyncIterator[tuple[Bus, Recorder]]:
        bus = new_bus()
        recorder = Recorder()
        await bus.open(recorder.on_message, recorder.on_gap)
        yield bus, recorder
        await bus.close()

    async def test_a_publish_right_after_subscribe_is_delivered(
        self, opened: tuple[Bus, Recorder]
    ) -> None:
        """subscribe returns once live: nothing published after it is missed."""
        bus, recorder = opened
        await bus.subscribe("conv.a")
        bus.publish("conv.a", b"first")
        assert await recorder.messages_of(1) == [("conv.a", b"first")]

    async def test_payloads_arrive_intact_and_in_order(self, opened: tuple[Bus, Recorder]) -> None:
        """Any bytes, up to a large frame, arrive unchanged and in publish order per topic."""
        bus, recorder = opened
        await bus.subscribe("conv.a")
        payloads = [b"", bytes(range(256)), b"\xff\xfe not utf-8", b"x" * 256 * 1024]
        payloads += [str(n).encode() for n in range(100)]
        for payload in payloads:
            bus.publish("conv.a", payload)
        got = await recorder.messages_of(len(payloads))
        assert got == [("conv.a", payload) for payload in payloads]

    async def test_topics_are_isolated(self, opened: tuple[Bus, Recorder]) -> None:
        """Only subscribed topics are delivered, under the topic they were published on."""
        bus, recorder = opened
        await bus.subscribe("conv.a")
        await bus.subscribe("user.alice")
        bus.publish("conv.b", b"other conversation")
        bus.publish("user.bob", b"other user")
        bus.publish("conv.ab", b"a prefix is not a match")
        bus.publish("user.alice", b"mine")
        bus.publish("conv.a", b"marker")
        assert await recorder.messages_of(2) == [("user.alice", b"mine"), ("conv.a", b"marker")]

    async def test_unsubscribe_stops_delivery(self, opened: tuple[Bus, Recorder]) -> None:
        """After unsubscribe nothing of the topic arrives; unsubscribing twice is harmless."""
        bus, recorder = opened
        await bus.subscribe("conv.a")
        await bus.subscribe("conv.marker")
        bus.unsubscribe("conv.a")
        bus.unsubscribe("conv.a")
        bus.unsubscribe("conv.never-subscribed")
        bus.publish("conv.a", b"unheard")
        bus.publish("conv.marker", b"marker")
        assert await recorder.messages_of(1) == [("conv.marker", b"marker")]

    async def test_subscribing_twice_delivers_once(self, opened: tuple[Bus, Recorder]) -> None:
        """subscribe is idempotent: one subscription, one delivery per publish."""
        bus, recorder = opened
        await bus.subscribe("conv.a")
        await bus.subscribe("conv.a")
        bus.publish("conv.a", b"once")
        bus.publish("conv.a", b"marker")
        assert await recorder.messages_of(2) == [("conv.a", b"once"), ("conv.a", b"marker")]

    async def test_publish_without_listeners_neither_blocks_nor_raises(
        self, opened: tuple[Bus, Recorder], new_bus: NewBus
    ) -> None:
        """Fire and forget: publishing to nobody returns at once, even on an unopened bus."""
        bus, recorder = opened
        for n in range(10_000):
            bus.publish(f"conv.{n}", b"nobody listens")
        new_bus().publish("conv.a", b"not opened")
        await bus.subscribe("conv.marker")
        bus.publish("conv.marker", b"marker")
        assert await recorder.messages_of(1) == [("conv.marker", b"marker")]

    async def test_close_stops_delivery(self, new_bus: NewBus) -> None:
        """After close neither callback is called, and publishing does not raise."""
        closing, watcher = new_bus(), new_bus()
        closed, watching = Recorder(), Recorder()
        await closing.open(closed.on_message, closed.on_gap)
        await watcher.open(watching.on_message, watching.on_gap)
        try:
            await closing.subscribe("conv.a")
            await watcher.subscribe("conv.a")
            await closing.close()
            closing.publish("conv.a", b"after close")  # may or may not reach the watcher
            watcher.publish("conv.a", b"marker")
            await watching.until(lambda: ("conv.a", b"marker") in watching.messages)
            assert closed.messages == []
            assert closed.gaps == []
        finally:
            await watcher.close()

    async def test_a_loss_is_reported_as_a_gap(
        self, opened: tuple[Bus, Recorder], cause_gap: CauseGap
    ) -> None:
        """A loss the bus knows of reaches on_gap, naming the topic or None (any topic)."""
        if cause_gap is None:
            pytest.skip("this bus never loses a message")
        bus, recorder = opened
        await bus.subscribe("conv.a")
        cause_gap(bus, "conv.a")
        await recorder.until(lambda: bool(recorder.gaps))
        assert recorder.gaps[0] in ("conv.a", None)

    async def test_only_a_bus_that_cannot_lose_says_it_is_lossless(
        self, opened: tuple[Bus, Recorder], cause_gap: CauseGap
    ) -> None:
        """``lossless`` (a node then runs no backstop, D73) is said by a bus that has no way
        to lose a doorbell, and such a bus delivers every one of a burst of many on a
        subscribed topic, in order, with no gap."""
        bus, recorder = opened
        assert bus.lossless is (cause_gap is None)
        if not bus.lossless:
            return
        await bus.subscribe("conv.a")
        burst = [str(n).encode() for n in range(LOSSLESS_BURST)]
        for payload in burst:
            bus.publish("conv.a", payload)
        assert await recorder.messages_of(len(burst)) == [("conv.a", p) for p in burst]
        assert recorder.gaps == []
