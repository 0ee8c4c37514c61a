"""A node's presence in the store (docs/DECISIONS.md D50): an arrival is written before
``arrived`` returns, a departure at the next pass, rows renewed each third of the TTL, and
a goodbye deletes them; a node that dies lets them lapse."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from pigeon.application.presence import Presence
from pigeon.store.memory import MemoryStore
from tests.application.test_relay import NOW, Clock

TTL_MS = 30_000


@pytest.fixture
async def store() -> AsyncIterator[MemoryStore]:
    memory = MemoryStore()
    await memory.open()
    yield memory
    await memory.close()


async def test_arrivals_departures_renewals_and_goodbye(store: MemoryStore) -> None:
    clock = Clock()
    here: set[str] = set()
    presence = Presence(store, "n1", lambda: frozenset(here), ttl_ms=TTL_MS, clock_ms=clock)
    task = asyncio.create_task(presence.run())
    try:
        here.add("alice")
        await presence.arrived()
        assert await store.online(["alice", "bob"], clock.ms) == {"alice"}
        here.discard("alice")
        here.add("bob")
        await presence.arrived()  # the same pass writes the departure
        assert await store.online(["alice", "bob"], clock.ms) == {"bob"}
        clock.ms += TTL_MS // 3
        await presence.flush()  # a renewal: bob lives a TTL from now
        assert await store.online(["bob"], NOW + TTL_MS + 1) == {"bob"}
        assert await store.online(["bob"], clock.ms + TTL_MS) == frozenset()  # lapses
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    await presence.leave()
    assert await store.online(["bob"], clock.ms) == frozenset()
