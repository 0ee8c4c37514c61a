"""The memory: store against the conformance suite (not the durable part: it keeps nothing
across a restart), plus what only it has."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from pigeon.core.conversation import MAX_CONVERSATIONS_PER_USER
from pigeon.errors import DataDirRefused, StoreUnavailable
from pigeon.store.base import Store
from pigeon.store.memory import MemoryStore
from tests.store.conformance import HoldWriter, StoreConformance, check_the_conversation_cap


@pytest.fixture
async def store() -> AsyncIterator[Store]:
    memory = MemoryStore()
    await memory.open()
    yield memory
    await memory.close()


@pytest.fixture
def hold_writer() -> HoldWriter:
    @contextlib.asynccontextmanager
    async def hold(store: Store, conv: str) -> AsyncIterator[bool]:
        yield False  # it writes at once: there is no writer to hold

    return hold


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
        """The conversation cap (conformance.check_the_conversation_cap), its counter filled
        in the memory store's account record."""
        assert isinstance(store, MemoryStore)

        async def fill_to_cap(handle: str) -> None:
            store._accounts[handle].conversations += MAX_CONVERSATIONS_PER_USER - 1

        await check_the_conversation_cap(store, fill_to_cap)


async def test_backup_and_restore_are_refused_touching_nothing(
    store: Store, tmp_path: Path
) -> None:
    """A memory store ends with its process, so another process (pigeon backup) can never
    copy it: both operations refuse in one line an operator can act on, creating nothing."""
    await store.create_account("alice", "hash", 0)
    with pytest.raises(DataDirRefused, match="cannot be backed up or restored"):
        await store.backup(tmp_path / "backup")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("not touched")
    with pytest.raises(DataDirRefused, match="cannot be backed up or restored"):
        await store.restore(elsewhere)
    assert os.listdir(tmp_path) == ["elsewhere"]
    assert await store.account_exists("alice")
