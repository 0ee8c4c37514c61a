"""The hello in the application layer (issue 10, item 2): Service.resume subscribes before it
reads, so nothing committed around a reconnect falls between the read and the pushes (G4).
On the memory store and the memory bus, without a server or a socket."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from pigeon.application.hub import Hub
from pigeon.application.service import AccountCapReached, Service, hash_token
from pigeon.bus.memory import MemoryBus
from pigeon.config import Config
from pigeon.core.frames import Hello
from pigeon.core.records import Device, Event, EventKind
from pigeon.errors import ErrorCode, ProtocolViolation
from pigeon.ops.metrics import Metrics
from pigeon.store.memory import MemoryStore

NOW_MS = 1_000_000
TOKEN = "alice-token"


class Connection:
    """A connection as the application layer sees it: records what it is told."""

    def __init__(self) -> None:
        self._user = ""
        self.token_hash = b""
        self.pushed: list[bytes] = []

    @property
    def user(self) -> str:
        return self._user

    def push(self, data: bytes) -> None:
        self.pushed.append(data)

    def lag(self) -> None:
        pass

    def delivered_by_ack(self, event: Event) -> bool:
        return False

    def identify(self, device: Device | None, token_hash: bytes) -> None:
        self._user = device.handle if device is not None else ""
        self.token_hash = token_hash


class RecordingStore(MemoryStore):
    """Writes each read of the log ends into the shared journal."""

    def __init__(self, journal: list[str]) -> None:
        super().__init__()
        self.journal = journal

    async def last_seqs(self, user: str) -> dict[str, int]:
        self.journal.append("read")
        return await super().last_seqs(user)


class GatedBus(MemoryBus):
    """Writes into the journal when a subscription is live; conversations' subscriptions go
    live only once the test opens the gate."""

    def __init__(self, journal: list[str]) -> None:
        super().__init__()
        self.journal = journal
        self.gate = asyncio.Event()
        self.gate.set()
        self.waiting = asyncio.Event()

    async def subscribe(self, topic: str) -> None:
        if topic.startswith("conv."):
            self.waiting.set()
            await self.gate.wait()
        await super().subscribe(topic)
        self.journal.append(f"live {topic}")


class Node:
    def __init__(self, service: Service, store: RecordingStore, bus: GatedBus, conv: str) -> None:
        self.service, self.store, self.bus, self.conv = service, store, bus, conv
        self.journal = store.journal


@pytest.fixture
async def node() -> AsyncIterator[Node]:
    journal: list[str] = []
    store, bus = RecordingStore(journal), GatedBus(journal)
    await store.open()
    hub = Hub(bus, store.events_after)
    await bus.open(hub.on_bus, hub.on_gap)
    for handle in ("alice", "bob"):
        await store.create_account(handle, "unused", NOW_MS)
    await store.create_token(hash_token(TOKEN), "alice", "laptop", NOW_MS, 2**62)
    conv = (await store.create_group("alice", "g", ["bob"], NOW_MS)).result.conv
    service = Service(Config(max_connections_per_user=1), store, hub, Metrics())
    journal.clear()
    yield Node(service, store, bus, conv)
    service.close()
    await bus.close()
    await store.close()


async def test_the_log_ends_are_read_again_once_following_is_live(node: Node) -> None:
    """The read the welcome is made of comes after every subscription is live."""
    resumed = await node.service.resume(Connection(), Hello(token=TOKEN))
    assert node.journal == ["live user.alice", "read", f"live conv.{node.conv}", "read"]
    assert resumed.welcome.behind == {node.conv: 1}
    assert resumed.welcome.epoch == node.store.epoch


async def test_a_message_committed_while_subscribing_is_in_the_welcome(node: Node) -> None:
    """G4: a commit between the first read and the subscription going live is not pushed to
    this connection (it was not following yet), so the welcome must count it as behind."""
    node.bus.gate.clear()
    resuming = asyncio.create_task(node.service.resume(Connection(), Hello(token=TOKEN)))
    await node.bus.waiting.wait()
    sent = await node.store.append(
        "bob", node.conv, EventKind.MESSAGE, client_msg_id="m1", body="hi", meta=None,
        target_seq=None, now_ms=NOW_MS,
    )  # fmt: skip
    node.bus.gate.set()
    resumed = await resuming
    assert resumed.welcome.behind == {node.conv: sent.result.seq}


async def test_a_failed_hello_leaves_the_connection_nobodys(node: Node) -> None:
    """An unknown token is unauthenticated; the connection is neither identified nor held."""
    connection = Connection()
    with pytest.raises(ProtocolViolation) as err:
        await node.service.resume(connection, Hello(token="wrong"))
    assert err.value.code is ErrorCode.UNAUTHENTICATED
    assert (connection.user, connection.token_hash) == ("", b"")
    assert node.service.hub.connections() == 0


async def test_a_hello_past_the_account_cap_is_refused_before_attaching(node: Node) -> None:
    """max_connections_per_user=1: the second hello of alice is refused with its own error."""
    await node.service.resume(Connection(), Hello(token=TOKEN))
    second = Connection()
    with pytest.raises(AccountCapReached):
        await node.service.resume(second, Hello(token=TOKEN))
    assert second.user == ""
    assert node.service.hub.connections_of("alice") == 1


async def test_a_store_error_after_attaching_detaches(node: Node) -> None:
    """A resume that fails half-way leaves no subscription behind for the connection."""
    node.store.journal = []

    async def broken(user: str) -> dict[str, int]:
        raise RuntimeError("disk on fire")

    node.store.last_seqs = broken  # type: ignore[method-assign]
    connection = Connection()
    with pytest.raises(RuntimeError):
        await node.service.resume(connection, Hello(token=TOKEN))
    assert (connection.user, connection.token_hash) == ("", b"")
    assert node.service.hub.connections() == 0
