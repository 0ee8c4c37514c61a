"""The hub over a doorbell bus: live subscriptions before reads, one store read per doorbell
burst, G5 applied to what the store returned, gaps and lost doorbells repaired by reading
again. In one process, on the memory bus, over a log held in a list."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping

import pytest

from pigeon.application.hub import READ_PAGE, Hub
from pigeon.bus.memory import Faults, MemoryBus, MemoryNetwork
from pigeon.core.frames import Pushed, decode_server_frame
from pigeon.core.records import Event, EventKind
from pigeon.errors import StoreUnavailable
from tests.core.harness import event

A, B = "conv-a", "conv-b"


class FakeListener:
    def __init__(self, user: str) -> None:
        self._user = user
        self.pushed: list[tuple[str, int]] = []
        self.lags = 0
        self.acked_here: set[tuple[str, int]] = set()  # (conv, seq) its acks deliver (D60)

    @property
    def user(self) -> str:
        return self._user

    def push(self, data: bytes) -> None:
        frame = decode_server_frame(data)
        assert isinstance(frame, Pushed)
        self.pushed.append((frame.event.conv, frame.event.seq))

    def seqs(self, conv: str = A) -> list[int]:
        return [seq for c, seq in self.pushed if c == conv]

    def lag(self) -> None:
        self.lags += 1

    def delivered_by_ack(self, event: Event) -> bool:
        return (event.conv, event.seq) in self.acked_here


class Log:
    """The store as the hub sees it: logs to read after a doorbell, and users' log ends."""

    def __init__(self, writer: Hub) -> None:
        self.writer = writer  # the node that commits: its doorbells reach the others
        self.logs: dict[str, list[Event]] = {}
        self.members: dict[str, set[str]] = {}
        self.reads = 0
        self.failing = False

    def commit(self, *events: Event) -> None:
        """Append, then ring (commit then notify)."""
        for e in events:
            log = self.logs.setdefault(e.conv, [])
            assert e.seq == len(log) + 1
            log.append(e)
            if e.kind in (EventKind.CREATED, EventKind.MEMBER_ADDED):
                for m in e.members or ():
                    self.members.setdefault(m, set()).add(e.conv)
            if e.kind is EventKind.MEMBER_REMOVED:
                for m in e.members or ():
                    self.members.get(m, set()).discard(e.conv)
        self.writer.ring(list(events))

    def messages(self, conv: str, count: int) -> None:
        start = len(self.logs.get(conv, []))
        self.commit(*(event(start + n, conv) for n in range(1, count + 1)))

    async def events_after(self, conv: str, after: int, limit: int) -> list[Event]:
        self.reads += 1
        await asyncio.sleep(0)  # a read waits, like a store's
        if self.failing:
            raise StoreUnavailable("down")
        return self.logs.get(conv, [])[after : after + limit]

    async def last_seqs(self, user: str) -> Mapping[str, int]:
        return {conv: len(self.logs.get(conv, [])) for conv in self.members.get(user, ())}


def membership(kind: EventKind, conv: str, seq: int, *members: str) -> Event:
    return Event(conv=conv, seq=seq, kind=kind, sender="alice", ts=1, members=members)


class GatedBus(MemoryBus):
    """A bus whose subscriptions go live only when the test opens the gate."""

    def __init__(self, faults: Faults | None = None, network: MemoryNetwork | None = None) -> None:
        super().__init__(faults, network)
        self.gate = asyncio.Event()
        self.gate.set()
        self.waiting = asyncio.Event()  # a subscribe waits at the gate
        self.subscribes = 0

    async def subscribe(self, topic: str) -> None:
        self.subscribes += 1
        if not self.gate.is_set():
            self.waiting.set()
        await self.gate.wait()
        await super().subscribe(topic)


class Node:
    def __init__(self, hub: Hub, bus: GatedBus, log: Log) -> None:
        self.hub, self.bus, self.log = hub, bus, log

    async def listener(self, user: str, positions: Mapping[str, int]) -> FakeListener:
        listener = FakeListener(user)
        await self.hub.attach(listener)
        await self.hub.follow(listener, positions)
        return listener


async def start_node(faults: Faults | None = None) -> tuple[Node, asyncio.Task[None]]:
    """A gateway node whose bus has these faults, and another node that commits."""
    network = MemoryNetwork()
    writer_bus = MemoryBus(network=network)
    writer = Hub(writer_bus, unread)
    await writer_bus.open(writer.on_bus, writer.on_gap)
    bus, log = GatedBus(faults, network), Log(writer)
    hub = Hub(bus, log.events_after)
    await bus.open(hub.on_bus, hub.on_gap)
    return Node(hub, bus, log), asyncio.create_task(hub.run())


async def unread(conv: str, after: int, limit: int) -> list[Event]:
    raise AssertionError("the writing node follows nothing, so it reads nothing")


@pytest.fixture
async def node() -> AsyncIterator[Node]:
    started, readers = await start_node()
    yield started
    readers.cancel()


@pytest.fixture
async def lossy() -> AsyncIterator[Node]:
    started, readers = await start_node(Faults(drop=1.0))
    yield started
    readers.cancel()


async def test_follow_returns_once_the_subscription_is_live_and_shares_it(node: Node) -> None:
    """G4 rests on it: the hello reads last seqs only after following is live. Two
    listeners of one conversation wait for one subscription."""
    first, second = FakeListener("alice"), FakeListener("bob")
    await node.hub.attach(first)
    await node.hub.attach(second)
    node.bus.gate.clear()
    following = [asyncio.ensure_future(node.hub.follow(who, {A: 0})) for who in (first, second)]
    await node.bus.waiting.wait()  # neither may finish while the gate is shut
    assert not any(task.done() for task in following)
    node.bus.gate.set()
    await asyncio.gather(*following)
    node.log.messages(A, 2)
    await node.hub.settled()
    assert first.seqs() == second.seqs() == [1, 2]
    assert node.bus.subscribes == 3  # two user topics, one conversation topic


async def test_unfollowing_while_the_subscription_is_pending_unsubscribes_after(
    node: Node,
) -> None:
    """A connection that leaves mid-hello does not leave its topic subscribed."""
    listener = FakeListener("alice")
    await node.hub.attach(listener)
    node.bus.gate.clear()
    following = asyncio.ensure_future(node.hub.follow(listener, {A: 0}))
    await node.bus.waiting.wait()
    node.hub.detach(listener)
    node.bus.gate.set()
    await following
    assert node.bus._topics == set()


async def test_a_burst_of_doorbells_is_one_read_for_every_follower(node: Node) -> None:
    """Fan-out does not multiply reads: three followers, five commits rung while nothing was
    read yet, one read; each follower gets every event once, in order."""
    listeners = [await node.listener(user, {A: 0}) for user in ("alice", "bob", "carol")]
    for _ in range(5):
        node.log.messages(A, 1)
    await node.hub.settled()
    assert node.log.reads == 1
    for listener in listeners:
        assert listener.seqs() == [1, 2, 3, 4, 5]


async def test_an_event_the_writers_ack_delivers_is_not_pushed_to_that_connection(
    node: Node,
) -> None:
    """D60: the writer's own connection, whose ack delivered seq 2, is not pushed it; it
    gets the rest in order and its position moves past it. Everyone else gets every event."""
    writer = await node.listener("bob", {A: 0})
    writer.acked_here.add((A, 2))
    other_device, reader = await node.listener("bob", {A: 0}), await node.listener("alice", {A: 0})
    node.log.messages(A, 3)  # all from bob
    await node.hub.settled()
    assert writer.seqs() == [1, 3]
    assert other_device.seqs() == reader.seqs() == [1, 2, 3]
    node.log.messages(A, 1)
    await node.hub.settled()
    assert writer.seqs() == [1, 3, 4]


async def test_this_nodes_own_commits_are_pushed_without_reading_them_back() -> None:
    """The committing node pushes what it committed as it stands: no store read; a commit of
    another node in between (a gap in what it kept) makes it read."""
    bus = MemoryBus()
    log = Log(Hub(bus, unread))
    hub = log.writer = Hub(bus, log.events_after)
    await bus.open(hub.on_bus, hub.on_gap)
    readers = asyncio.create_task(hub.run())
    try:
        listener = FakeListener("alice")
        await hub.attach(listener)
        await hub.follow(listener, {A: 0})
        log.messages(A, 3)
        await hub.settled()
        assert (listener.seqs(), log.reads) == ([1, 2, 3], 0)
        log.logs[A].append(event(4, A))  # another node's commit, its doorbell not here yet
        log.messages(A, 1)
        await hub.settled()
        assert (listener.seqs(), log.reads) == ([1, 2, 3, 4, 5], 1)
    finally:
        readers.cancel()


async def test_repeated_and_reordered_doorbells_push_each_event_once(node: Node) -> None:
    """The bus may repeat or reorder doorbells; what is pushed follows the log."""
    listener = await node.listener("alice", {A: 0})
    node.log.logs[A] = [event(seq, A) for seq in (1, 2, 3)]
    for seq in (3, 1, 3, 2):
        node.hub.on_bus(f"conv.{A}", str(seq).encode())
        await node.hub.settled()
    assert listener.seqs() == [1, 2, 3]


async def test_a_long_way_behind_takes_several_reads(node: Node) -> None:
    listener = await node.listener("alice", {A: 0})
    node.log.messages(A, READ_PAGE + 3)
    await node.hub.settled()
    assert listener.seqs() == list(range(1, READ_PAGE + 4))
    assert node.log.reads == 2


async def test_a_removed_member_gets_their_removal_and_nothing_after(node: Node) -> None:
    """G5 from the log itself: Bob is pushed the event removing him and nothing later, in
    the same read as the messages around it; Alice gets everything. No separate notice."""
    node.log.commit(membership(EventKind.CREATED, A, 1, "alice", "bob"))
    alice = await node.listener("alice", {A: 1})
    bob = await node.listener("bob", {A: 1})
    node.log.commit(
        event(2, A),
        membership(EventKind.MEMBER_REMOVED, A, 3, "bob"),
        event(4, A, body="after bob left"),
    )
    await node.hub.settled()
    assert alice.seqs() == [2, 3, 4]
    assert bob.seqs() == [2, 3]
    assert not node.hub.follows(bob, A)
    node.log.messages(A, 1)
    await node.hub.settled()
    assert bob.seqs() == [2, 3]


async def test_a_removal_whose_doorbell_was_lost_still_ends_the_pushes(lossy: Node) -> None:
    """The removal's doorbell lost, a later one heard: the read starts where the followers
    are, so it finds the removal before the message (G5 whatever the bus lost)."""
    lossy.log.commit(membership(EventKind.CREATED, A, 1, "alice", "bob"))
    bob = await lossy.listener("bob", {A: 1})
    lossy.log.commit(membership(EventKind.MEMBER_REMOVED, A, 2, "bob"))  # lost
    lossy.log.logs[A].append(event(3, A, body="secret"))
    lossy.hub.on_bus(f"conv.{A}", b"3")
    await lossy.hub.settled()
    assert bob.seqs() == [2]


async def test_a_join_doorbell_follows_the_conversation_from_the_join(node: Node) -> None:
    """Carol is connected when Alice adds her: she is pushed the join and what follows, not
    what came before, and her connection follows the conversation."""
    node.log.commit(membership(EventKind.CREATED, A, 1, "alice"), event(2, A))
    carol = await node.listener("carol", {})
    node.log.commit(membership(EventKind.MEMBER_ADDED, A, 3, "carol"))
    await node.hub.settled()
    await asyncio.sleep(0)  # the conversation's subscription goes live
    await node.hub.settled()
    assert node.hub.follows(carol, A)
    node.log.messages(A, 1)
    await node.hub.settled()
    assert carol.seqs() == [3, 4]


async def test_settle_drops_a_conversation_left_between_the_reads(node: Node) -> None:
    """The hello's second read no longer lists a conversation: the user left it while
    subscribing, so the connection stops following it (G5)."""
    listener = await node.listener("alice", {A: 1, B: 1})
    node.hub.settle(listener, {B: 2})
    assert not node.hub.follows(listener, A) and node.hub.follows(listener, B)


async def test_a_gap_reads_the_topic_again(lossy: Node) -> None:
    """on_gap(conv topic) reads that conversation; on_gap(None) reads every one."""
    alice = await lossy.listener("alice", {A: 0, B: 0})
    lossy.log.messages(A, 2)  # doorbells lost
    lossy.log.messages(B, 1)
    await lossy.hub.settled()
    assert alice.pushed == []
    lossy.hub.on_gap(f"conv.{A}")
    await lossy.hub.settled()
    assert alice.seqs(A) == [1, 2] and alice.seqs(B) == []
    lossy.hub.on_gap(None)
    await lossy.hub.settled()
    assert alice.seqs(B) == [1]
    assert lossy.hub.gaps == 2 and alice.lags == 0


async def test_a_gap_reported_by_the_bus_reaches_the_hub() -> None:
    started, readers = await start_node(Faults(gap_every=2))
    try:
        listener = await started.listener("alice", {A: 0})
        started.log.messages(A, 1)
        await started.hub.settled()
        started.log.messages(A, 1)  # the second doorbell: lost, with a gap
        await started.hub.settled()
        assert listener.seqs() == [1, 2]
        assert started.hub.gaps == 1
    finally:
        readers.cancel()


async def test_a_failed_read_tells_the_followers_to_pull(node: Node) -> None:
    listener = await node.listener("alice", {A: 0})
    node.log.failing = True
    node.log.messages(A, 1)
    await node.hub.settled()
    assert listener.lags == 1 and listener.pushed == []


async def test_the_backstop_reads_a_lost_doorbell_at_the_second_pass(lossy: Node) -> None:
    """A doorbell lost without a sign: the pass after the store showed the log longer than
    anything read reads it, once."""
    lossy.log.commit(membership(EventKind.CREATED, A, 1, "alice"))
    listener = await lossy.listener("alice", {A: 1})
    lossy.log.messages(A, 1)  # lost
    await lossy.hub.backstop(lossy.log.last_seqs)
    await lossy.hub.settled()
    assert listener.pushed == []  # the doorbell may still be on its way
    await lossy.hub.backstop(lossy.log.last_seqs)
    await lossy.hub.settled()
    assert (listener.seqs(), lossy.hub.repairs) == ([2], 1)
    await lossy.hub.backstop(lossy.log.last_seqs)
    await lossy.hub.backstop(lossy.log.last_seqs)
    assert lossy.hub.repairs == 1  # repaired once, not at every pass
    assert listener.lags == 0


async def test_a_commit_whose_node_died_before_ringing_is_pushed_by_the_backstop(
    node: Node,
) -> None:
    """Commit, then notify: the committing node died between the two, so no doorbell will
    ever come (none was sent; nothing later follows). The other gateway's followers get the
    event within two backstop passes, not at the conversation's next message."""
    node.log.commit(membership(EventKind.CREATED, A, 1, "alice"))
    listener = await node.listener("alice", {A: 1})
    node.log.logs[A].append(event(2, A))  # committed; its node is gone before ring()
    for _ in range(2):
        await node.hub.backstop(node.log.last_seqs)
        await node.hub.settled()
    assert listener.seqs() == [2]


async def test_the_backstop_leaves_alone_what_was_heard(node: Node) -> None:
    """A doorbell that arrives between passes is no loss: no repair."""
    node.log.commit(membership(EventKind.CREATED, A, 1, "alice"))
    listener = await node.listener("alice", {A: 1})
    node.log.logs[A].append(event(2, A))  # committed, not rung yet
    await node.hub.backstop(node.log.last_seqs)
    node.log.writer.ring([event(2, A)])
    await node.hub.settled()
    await node.hub.backstop(node.log.last_seqs)
    await node.hub.backstop(node.log.last_seqs)
    assert listener.seqs() == [2]
    assert node.hub.repairs == 0


async def test_the_backstop_follows_a_join_whose_doorbell_was_lost(lossy: Node) -> None:
    """Carol was added while her join doorbell was lost: at the second pass her connection
    follows the conversation and is told to pull it."""
    carol = await lossy.listener("carol", {})
    lossy.log.commit(membership(EventKind.CREATED, A, 1, "alice", "carol"))
    await lossy.hub.backstop(lossy.log.last_seqs)
    assert not lossy.hub.follows(carol, A)
    await lossy.hub.backstop(lossy.log.last_seqs)
    assert lossy.hub.follows(carol, A) and carol.lags == 1


async def test_the_backstop_reads_a_conversation_the_user_left(lossy: Node) -> None:
    """Bob's removal rang nothing: the pass that finds him following a conversation he is
    not in reads it, and the read ends his pushes with the removal."""
    lossy.log.commit(membership(EventKind.CREATED, A, 1, "alice", "bob"))
    bob = await lossy.listener("bob", {A: 1})
    lossy.log.commit(membership(EventKind.MEMBER_REMOVED, A, 2, "bob"))
    await lossy.hub.backstop(lossy.log.last_seqs)
    await lossy.hub.settled()
    assert bob.seqs() == [2] and not lossy.hub.follows(bob, A)


async def test_a_backstop_pass_reads_at_most_max_reads_users_in_turn(node: Node) -> None:
    """The store reads of a pass are bounded; every user is read over enough passes."""
    read: list[str] = []

    async def last_seqs(user: str) -> Mapping[str, int]:
        read.append(user)
        return {}

    for user in ("alice", "bob", "carol"):
        await node.hub.attach(FakeListener(user))
    await node.hub.backstop(last_seqs, max_reads=2)
    assert len(read) == 2
    await node.hub.backstop(last_seqs, max_reads=2)
    assert sorted(read[:3]) == ["alice", "bob", "carol"]
