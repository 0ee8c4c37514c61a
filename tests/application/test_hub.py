"""The hub over a bus: live subscriptions before reads, gaps answered with lagged, and the
backstop that repairs a push lost without a sign. In one process, on the memory bus."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from pigeon.application.hub import Hub
from pigeon.bus.memory import Faults, MemoryBus
from pigeon.core.frames import Pushed, decode_server_frame
from tests.core.harness import event

A, B = "conv-a", "conv-b"


class FakeListener:
    def __init__(self, user: str) -> None:
        self._user = user
        self.pushed: list[int] = []
        self.lags = 0

    @property
    def user(self) -> str:
        return self._user

    def push(self, data: bytes) -> None:
        frame = decode_server_frame(data)
        assert isinstance(frame, Pushed)
        self.pushed.append(frame.event.seq)

    def lag(self) -> None:
        self.lags += 1


class GatedBus(MemoryBus):
    """A bus whose subscriptions go live only when the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()
        self.waiting = asyncio.Event()  # a subscribe waits at the gate
        self.subscribes = 0

    async def subscribe(self, topic: str) -> None:
        self.subscribes += 1
        if not self.gate.is_set():
            self.waiting.set()
        await self.gate.wait()
        await super().subscribe(topic)


async def hub_on(bus: MemoryBus) -> Hub:
    hub = Hub(bus)
    await bus.open(hub.on_bus, hub.on_gap)
    return hub


async def test_follow_returns_once_the_subscription_is_live_and_shares_it() -> None:
    """G4 rests on it: the hello reads last seqs only after following is live. Two
    listeners of one conversation wait for one subscription."""
    bus = GatedBus()
    hub = await hub_on(bus)
    bus.gate.set()
    first, second = FakeListener("alice"), FakeListener("bob")
    await hub.attach(first)
    await hub.attach(second)
    bus.gate.clear()
    following = [asyncio.ensure_future(hub.follow(who, [A])) for who in (first, second)]
    await bus.waiting.wait()  # neither may finish while the gate is shut
    assert not any(task.done() for task in following)
    hub.publish_events([event(1, A)])  # published before live: may be lost
    bus.gate.set()
    await asyncio.gather(*following)
    hub.publish_events([event(2, A)])
    assert first.pushed == second.pushed == [2]
    assert bus.subscribes == 3  # two user topics, one conversation topic


async def test_unfollowing_while_the_subscription_is_pending_unsubscribes_after() -> None:
    """A connection that leaves mid-hello does not leave its topic subscribed."""
    bus = GatedBus()
    hub = await hub_on(bus)
    bus.gate.set()
    listener = FakeListener("alice")
    await hub.attach(listener)
    bus.gate.clear()
    following = asyncio.ensure_future(hub.follow(listener, [A]))
    await bus.waiting.wait()
    hub.detach(listener)
    bus.gate.set()
    await following
    assert bus._topics == set()


async def test_a_gap_tells_the_followers_of_the_topic_to_pull() -> None:
    """on_gap(conv topic): its followers; on_gap(user topic): that user; None: everyone."""
    hub = await hub_on(MemoryBus())
    alice, bob, carol = FakeListener("alice"), FakeListener("bob"), FakeListener("carol")
    for listener, convs in ((alice, [A]), (bob, [A, B]), (carol, [B])):
        await hub.attach(listener)
        await hub.follow(listener, convs)
    hub.on_gap(f"conv.{A}")
    assert (alice.lags, bob.lags, carol.lags) == (1, 1, 0)
    hub.on_gap("user.carol")
    assert (alice.lags, bob.lags, carol.lags) == (1, 1, 1)
    hub.on_gap(None)
    assert (alice.lags, bob.lags, carol.lags) == (2, 2, 2)
    assert hub.gaps == 3


async def test_a_gap_reported_by_the_bus_reaches_the_hub() -> None:
    bus = MemoryBus(Faults(gap_every=2))
    hub = await hub_on(bus)
    listener = FakeListener("alice")
    await hub.attach(listener)
    await hub.follow(listener, [A])
    hub.publish_events([event(1, A), event(2, A)])
    assert listener.pushed == [1]
    assert listener.lags == 1


class Store:
    def __init__(self) -> None:
        self.seqs: dict[str, int] = {}

    async def last_seqs(self, user: str) -> Mapping[str, int]:
        return dict(self.seqs)


async def test_the_backstop_finds_a_lost_last_push_at_the_second_pass() -> None:
    """A push lost without a sign: the pass after the store showed the log longer than
    anything heard tells the followers to pull, once."""
    bus = MemoryBus(Faults(drop=1.0))
    hub = await hub_on(bus)
    store = Store()
    listener = FakeListener("alice")
    await hub.attach(listener)
    await hub.follow(listener, [A, B])
    hub.heard({A: 1, B: 1})
    store.seqs = {A: 2, B: 1}
    hub.publish_events([event(2, A)])  # lost
    await hub.backstop(store.last_seqs)
    assert listener.lags == 0  # the push may still be on its way
    await hub.backstop(store.last_seqs)
    assert (listener.lags, hub.repairs) == (1, 1)
    await hub.backstop(store.last_seqs)
    assert listener.lags == 1  # repaired once, not at every pass


async def test_the_backstop_leaves_alone_what_was_heard() -> None:
    """A push that arrives between passes is no loss: nobody is told to pull."""
    hub = await hub_on(MemoryBus())
    store = Store()
    listener = FakeListener("alice")
    await hub.attach(listener)
    await hub.follow(listener, [A])
    store.seqs = {A: 2}
    await hub.backstop(store.last_seqs)
    hub.publish_events([event(1, A), event(2, A)])
    await hub.backstop(store.last_seqs)
    await hub.backstop(store.last_seqs)
    assert listener.pushed == [1, 2]
    assert listener.lags == 0


async def test_a_backstop_pass_reads_at_most_max_reads_users_in_turn() -> None:
    """The store reads of a pass are bounded; every user is read over enough passes."""
    hub = await hub_on(MemoryBus())
    read: list[str] = []

    async def last_seqs(user: str) -> Mapping[str, int]:
        read.append(user)
        return {}

    for user in ("alice", "bob", "carol"):
        await hub.attach(FakeListener(user))
    await hub.backstop(last_seqs, max_reads=2)
    assert len(read) == 2
    await hub.backstop(last_seqs, max_reads=2)
    assert sorted(read[:3]) == ["alice", "bob", "carol"]


async def test_a_new_follower_reading_past_a_lost_push_does_not_hide_it() -> None:
    """Alice missed seq 2; Bob's hello then reads 2 from the store. The loss is still found
    (the baseline from a read is only for conversations nobody here followed yet)."""
    hub = await hub_on(MemoryBus(Faults(drop=1.0)))
    store = Store()
    alice, bob = FakeListener("alice"), FakeListener("bob")
    await hub.attach(alice)
    await hub.follow(alice, [A])
    hub.heard({A: 1})
    store.seqs = {A: 2}
    hub.publish_events([event(2, A)])  # lost
    await hub.attach(bob)
    await hub.follow(bob, [A])
    hub.heard({A: 2})
    await hub.backstop(store.last_seqs)
    await hub.backstop(store.last_seqs)
    assert alice.lags == 1
