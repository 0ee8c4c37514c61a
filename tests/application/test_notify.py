"""Offline notifications on the memory store with a fake clock and a fake notifier: the
outbox relay queues one notification per member for a burst (merged within one batch and
across batches), the notification relay sends it when due, suppresses it when read or
online, drops gone subscriptions, retries on the documented schedule, and a relay that dies
holding a claim loses nothing (docs/DECISIONS.md D50)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from pigeon.application.notify import MAX_ATTEMPTS, NotificationRelay, NotifySettings
from pigeon.application.relay import Relay
from pigeon.core.notifications import PushResult
from pigeon.store.base import PushSubscription
from pigeon.store.memory import MemoryStore
from tests.application.test_relay import NOW, SETTINGS, Clock, Endpoint, conversation, message

COLLAPSE_MS = 5000
NOTIFY = NotifySettings(
    interval_s=0.01, lease_ms=1000, concurrency=4, retry_base_ms=1000, retry_cap_ms=8000
)


class Notifier:
    """Records each push as (endpoint, payload); answers from ``answers`` (default 201)."""

    def __init__(self) -> None:
        self.pushes: list[tuple[str, dict[str, object]]] = []
        self.answers: dict[str, PushResult] = {}

    async def push(
        self, endpoint: str, p256dh: str, auth: str, payload: bytes, *, topic: str
    ) -> PushResult:
        self.pushes.append((endpoint, json.loads(payload)))
        return self.answers.get(endpoint, PushResult.DELIVERED)


@pytest.fixture
async def store() -> AsyncIterator[MemoryStore]:
    memory = MemoryStore()
    await memory.open()
    yield memory
    await memory.close()


async def subscribe(store: MemoryStore, owner: str, device: str = "d") -> str:
    endpoint = f"https://push.example.net/{owner}-{device}"
    await store.create_push_subscription(
        PushSubscription(f"ps_{owner}{device}", owner, device, endpoint, "k", "a", NOW)
    )
    return endpoint


def relays(store: MemoryStore, clock: Clock) -> tuple[Relay, NotificationRelay, Notifier]:
    notifier = Notifier()
    outbox = Relay(
        store,
        Endpoint().post,
        replace(SETTINGS, notify_collapse_ms=COLLAPSE_MS),
        clock_ms=clock,
    )
    return outbox, NotificationRelay(store, notifier, NOTIFY, clock_ms=clock), notifier


async def test_a_burst_is_one_notification_with_its_last_seq(store: MemoryStore) -> None:
    """Two batches of messages, the first of three: one notification for Bob, due the
    window after the first, carrying the last seq; none for Alice, the sender, nor Carol,
    who has no subscription."""
    clock = Clock()
    outbox, notify, notifier = relays(store, clock)
    conv = await conversation(store, "alice", "bob", "carol")
    bob = await subscribe(store, "bob")
    await subscribe(store, "alice")
    for i in range(3):
        await message(store, conv, f"m{i}")
    await outbox.relay_once()
    clock.ms += 1000
    await message(store, conv, "m3")
    await outbox.relay_once()
    clock.ms = NOW + COLLAPSE_MS - 1
    assert await notify.notify_once() == 0
    clock.ms = NOW + COLLAPSE_MS
    assert await notify.notify_once() == 1
    assert notifier.pushes == [(bob, {"type": "messages", "conv": conv, "seq": 5, "read_seq": 0})]
    clock.ms += 10 * COLLAPSE_MS
    assert await notify.notify_once() == 0
    assert notify.counters.sent == 1


async def test_read_or_online_suppresses_it(store: MemoryStore) -> None:
    clock = Clock()
    outbox, notify, notifier = relays(store, clock)
    conv = await conversation(store, "alice", "bob", "carol")
    await subscribe(store, "bob")
    await subscribe(store, "carol")
    await message(store, conv, "m")
    await outbox.relay_once()
    await store.mark_read("bob", conv, 2)
    await store.update_presence("node", ["carol"], [], NOW + 60_000)
    clock.ms += COLLAPSE_MS
    assert await notify.notify_once() == 2
    assert notifier.pushes == []
    assert (notify.counters.read, notify.counters.online) == (1, 1)


async def test_gone_is_dropped_and_a_failure_retried_until_it_gives_up(
    store: MemoryStore,
) -> None:
    clock = Clock()
    outbox, notify, notifier = relays(store, clock)
    conv = await conversation(store, "alice", "bob")
    gone = await subscribe(store, "bob", "phone")
    flaky = await subscribe(store, "bob", "laptop")
    notifier.answers = {gone: PushResult.GONE, flaky: PushResult.RETRY}
    await message(store, conv, "m")
    await outbox.relay_once()
    clock.ms += COLLAPSE_MS
    for attempt in range(1, MAX_ATTEMPTS):
        assert await notify.notify_once() == 1
        due_ms = store._notifications[("bob", conv)][1]
        # Retried after 1, 2, 4, 8, 8, ... s, each drawn between half and all of it.
        full = min(NOTIFY.retry_cap_ms, NOTIFY.retry_base_ms * 2 ** (attempt - 1))
        assert full // 2 <= due_ms - clock.ms <= full
        clock.ms = due_ms
    assert await notify.notify_once() == 1  # the last attempt: given up
    assert ("bob", conv) not in store._notifications
    assert [s.device for s in await store.push_subscriptions("bob")] == ["laptop"]
    assert (notify.counters.gone, notify.counters.retried) == (1, MAX_ATTEMPTS - 1)
    assert notify.counters.failed == 1
    assert [e for e, _ in notifier.pushes].count(gone) == 1  # not tried again once gone


async def test_a_relay_that_dies_holding_a_claim_loses_nothing(store: MemoryStore) -> None:
    clock = Clock()
    outbox, notify, notifier = relays(store, clock)
    conv = await conversation(store, "alice", "bob")
    await subscribe(store, "bob")
    await message(store, conv, "m")
    await outbox.relay_once()
    clock.ms += COLLAPSE_MS
    claimed = await store.claim_notifications(clock.ms, lease_ms=NOTIFY.lease_ms, limit=10)
    assert len(claimed) == 1  # and the relay holding it dies here
    assert await notify.notify_once() == 0  # leased
    clock.ms += NOTIFY.lease_ms
    assert await notify.notify_once() == 1
    assert [p["seq"] for _, p in notifier.pushes] == [2]
