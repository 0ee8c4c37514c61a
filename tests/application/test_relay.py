"""The outbox relay on the memory store with a fake clock and a fake endpoint: fan-out to
members' endpoints only, retries on the documented schedule, dead letters, a relay that dies
holding claims, and a dead endpoint that keeps only its own slots."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator

import pytest

from pigeon.application.relay import PER_WEBHOOK, Relay, RelaySettings
from pigeon.core.records import EventKind
from pigeon.core.webhooks import verify_signature
from pigeon.store.base import DeliveryState, Webhook
from pigeon.store.memory import MemoryStore

NOW = 1_700_000_000_000
SETTINGS = RelaySettings(
    interval_s=0.01,
    lease_ms=1000,
    timeout_s=1.0,
    concurrency=8,
    retry_base_ms=1000,
    retry_cap_ms=4000,
    retry_for_ms=10_000,
)


class Clock:
    def __init__(self) -> None:
        self.ms = NOW

    def __call__(self) -> int:
        return self.ms


class Endpoint:
    """Records each POST; answers from ``failures`` (an error text, or None for 2xx)."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, bytes, dict[str, str]]] = []
        self.failures: dict[str, str | None] = {}  # url -> the answer; absent: 2xx
        self.hang: set[str] = set()  # urls whose POSTs never finish
        self.started = asyncio.Event()

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> str | None:
        self.posts.append((url, body, headers))
        self.started.set()
        if url in self.hang:
            await asyncio.Event().wait()
        return self.failures.get(url)


@pytest.fixture
async def store() -> AsyncIterator[MemoryStore]:
    memory = MemoryStore()
    await memory.open()
    yield memory
    await memory.close()


async def conversation(store: MemoryStore, *handles: str) -> str:
    for handle in handles:
        if not await store.account_exists(handle):
            await store.create_account(handle, "hash", NOW)
    created = await store.create_group(handles[0], "g", list(handles[1:]), NOW)
    return created.result.conv


async def hook(store: MemoryStore, webhook_id: str, owner: str, conv: str | None = None) -> None:
    await store.create_webhook(
        Webhook(webhook_id, owner, f"http://x/{webhook_id}", conv, f"whsec_{webhook_id}", NOW)
    )


async def message(store: MemoryStore, conv: str, cmid: str) -> None:
    await store.append(
        "alice",
        conv,
        EventKind.MESSAGE,
        client_msg_id=cmid,
        body=cmid,
        meta=None,
        target_seq=None,
        now_ms=NOW,
    )


async def test_events_fan_out_to_members_endpoints_once_each(store: MemoryStore) -> None:
    """Alice's and Bob's endpoints get the group's events; Carol's (not a member) none, nor
    Bob's endpoint bound to another conversation. Every body is signed with its secret."""
    conv = await conversation(store, "alice", "bob")
    other = await conversation(store, "carol", "bob")
    await hook(store, "wh_a", "alice")
    await hook(store, "wh_b", "bob", conv)
    await hook(store, "wh_bo", "bob", other)
    await hook(store, "wh_c", "carol")
    await store.finish_outbox(await store.claim_outbox(NOW, lease_ms=1, limit=99), [])
    await message(store, conv, "m1")
    clock, endpoint = Clock(), Endpoint()
    relay = Relay(store, endpoint.post, SETTINGS, clock_ms=clock, jitter=lambda: 0.0)
    assert await relay.relay_once() == 1
    for delivery in await store.claim_deliveries(NOW, lease_ms=1, limit=9, per_webhook=9):
        assert await relay.deliver(delivery) is DeliveryState.DELIVERED
    assert sorted(url for url, _, _ in endpoint.posts) == ["http://x/wh_a", "http://x/wh_b"]
    for url, body, headers in endpoint.posts:
        secret = "whsec_" + url.rsplit("/", 1)[1]
        verify_signature(headers["Pigeon-Signature"], body, secret, now_s=NOW / 1000)
    assert relay.counters.queued == 2 and relay.counters.delivered == 2


async def test_failures_back_off_exponentially_then_die(store: MemoryStore) -> None:
    """Waits of base * 2**(n-1) (jitter 0: half of it), capped; past retry_for, dead."""
    conv = await conversation(store, "alice")
    await hook(store, "wh_a", "alice")
    clock, endpoint = Clock(), Endpoint()
    endpoint.failures["http://x/wh_a"] = "HTTP 500"
    relay = Relay(store, endpoint.post, SETTINGS, clock_ms=clock, jitter=lambda: 0.0)
    await relay.relay_once()
    due_at: list[int] = []
    states: list[DeliveryState] = []
    while not states or states[-1] is DeliveryState.PENDING:
        (delivery,) = await store.claim_deliveries(clock.ms, lease_ms=1, limit=9, per_webhook=9)
        due_at.append(delivery.next_ms)
        states.append(await relay.deliver(delivery))
        (delivery,) = await store.deliveries(None, limit=1)
        clock.ms = delivery.next_ms
    gaps = [b - a for a, b in itertools.pairwise(due_at)]
    assert gaps == [500, 1000, 2000, 2000, 2000, 2000]  # then 9,500 + 2,000 is past 10 s
    assert states[-1] is DeliveryState.DEAD and len(states) == 7
    (dead,) = await store.deliveries(DeliveryState.DEAD, limit=9)
    assert (dead.attempts, dead.last_error, conv.encode() in dead.payload) == (7, "HTTP 500", True)


async def test_a_relay_that_dies_holding_claims_loses_nothing(store: MemoryStore) -> None:
    """Claims of a relay that stopped (records and a delivery in flight) lapse after the
    lease; a new relay then relays and delivers everything."""
    conv = await conversation(store, "alice")
    await hook(store, "wh_a", "alice")
    await message(store, conv, "m1")
    clock = Clock()
    dead_relay = Relay(store, Endpoint().post, SETTINGS, clock_ms=clock)
    await dead_relay.relay_once()
    await store.claim_deliveries(NOW, lease_ms=1000, limit=9, per_webhook=9)  # "in flight"
    await message(store, conv, "m2")
    await store.claim_outbox(NOW, lease_ms=1000, limit=9)  # claimed, never finished
    endpoint = Endpoint()
    relay = Relay(store, endpoint.post, SETTINGS, clock_ms=clock)
    assert await relay.relay_once() == 0  # still leased
    clock.ms = NOW + 1000
    assert await relay.relay_once() == 1
    clock.ms = NOW + 3000
    for delivery in await store.claim_deliveries(clock.ms, lease_ms=1, limit=9, per_webhook=9):
        await relay.deliver(delivery)
    bodies = {body for _, body, _ in endpoint.posts}
    assert len(bodies) == 3  # created, m1, m2
    assert await store.deliveries(DeliveryState.PENDING, limit=9) == []


async def test_a_dead_endpoint_keeps_only_its_own_slots(store: MemoryStore) -> None:
    """With an endpoint that never answers, the delivery loop keeps PER_WEBHOOK of its
    deliveries in flight and delivers everyone else's."""
    conv = await conversation(store, "alice", "bob")
    await hook(store, "wh_dead", "alice")
    await hook(store, "wh_ok", "bob")
    for i in range(10):
        await message(store, conv, f"m{i}")
    endpoint = Endpoint()
    endpoint.hang.add("http://x/wh_dead")
    relay = Relay(store, endpoint.post, SETTINGS)
    await relay.relay_once()
    loop = asyncio.create_task(relay.run_deliveries())
    try:
        async with asyncio.timeout(10):
            while True:
                endpoint.started.clear()
                if sum(url == "http://x/wh_ok" for url, _, _ in endpoint.posts) == 11:
                    break  # created and 10 messages
                await endpoint.started.wait()
    finally:
        loop.cancel()
        await asyncio.gather(loop, return_exceptions=True)
    dead_posts = [url for url, _, _ in endpoint.posts if url == "http://x/wh_dead"]
    assert len(dead_posts) == PER_WEBHOOK
