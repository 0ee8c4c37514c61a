"""The memory: store against the conformance suite (not the durable part: it keeps nothing
across a restart), plus what only it has."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from pigeon.core.conversation import MAX_CONVERSATIONS_PER_USER
from pigeon.errors import ProtocolViolation, StoreUnavailable
from pigeon.store.base import Store
from pigeon.store.memory import MemoryStore
from tests.store.conformance import NOW, StoreConformance, make_users


@pytest.fixture
async def store() -> AsyncIterator[Store]:
    memory = MemoryStore()
    await memory.open()
    yield memory
    await memory.close()


class TestMemoryStore(StoreConformance):
    async def test_each_instance_has_its_own_epoch(self, store: Store) -> None:
        """A fresh memory store is a new history: clients must resync to it."""
        assert MemoryStore().epoch != store.epoch

    async def test_a_closed_store_is_unavailable(self) -> None:
        """Calls after close fail as a store that went away does, not with stale answers."""
        memory = MemoryStore()
        await memory.open()
        await memory.close()
        with pytest.raises(StoreUnavailable):
            await memory.check()

    async def test_nobody_is_put_into_more_than_the_cap_of_conversations(
        self, store: Store
    ) -> None:
        """The same cap as SQLite's (see test_sqlite), counted the same way."""
        assert isinstance(store, MemoryStore)
        await make_users(store, "alice", "bob", "carol")
        conv = (await store.create_group("bob", "team", [], NOW)).result.conv
        mine = (await store.create_group("alice", "mine", [], NOW)).result.conv
        store._accounts["alice"].conversations += MAX_CONVERSATIONS_PER_USER - 1
        for attempt, code in (
            (store.change_member("bob", conv, "alice", adding=True, now_ms=NOW), "not_found"),
            (store.create_group("carol", "t", ["alice"], NOW), "not_found"),
            (store.create_direct("bob", "alice", NOW), "not_found"),
            (store.create_group("alice", "t", [], NOW), "too_large"),
            (store.create_direct("alice", "carol", NOW), "too_large"),
        ):
            with pytest.raises(ProtocolViolation) as err:
                await attempt
            assert err.value.code == code
        await store.change_member("alice", mine, "alice", adding=False, now_ms=NOW)
        await store.change_member("bob", conv, "alice", adding=True, now_ms=NOW)
