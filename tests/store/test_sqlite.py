"""The SQLite store against the conformance suite, plus what only SQLite has."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from pigeon.core.conversation import MAX_CONVERSATIONS_PER_USER
from pigeon.store.base import Store
from pigeon.store.sqlite import SqliteStore
from tests.store.conformance import (
    NOW,
    DurableStoreConformance,
    HoldWriter,
    NewStore,
    Reopen,
    check_the_conversation_cap,
    make_users,
    send,
)


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[list[SqliteStore]]:
    holder = [SqliteStore(tmp_path)]
    await holder[0].open()
    yield holder
    await holder[0].close()


@pytest.fixture
def store(sqlite_store: list[SqliteStore]) -> Store:
    return sqlite_store[0]


@pytest.fixture
def hold_writer() -> HoldWriter:
    @contextlib.asynccontextmanager
    async def hold(store: Store, conv: str) -> AsyncIterator[bool]:
        """The database file's write lock, from another connection: the writer waits in
        BEGIN IMMEDIATE (its busy timeout is 10 s)."""
        assert isinstance(store, SqliteStore)
        conn = sqlite3.connect(store.path, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield True
        finally:
            conn.execute("ROLLBACK")
            conn.close()

    return hold


@pytest.fixture
def reopen(sqlite_store: list[SqliteStore], tmp_path: Path) -> Reopen:
    async def again() -> Store:
        await sqlite_store[0].close()
        sqlite_store[0] = SqliteStore(tmp_path)
        await sqlite_store[0].open()
        return sqlite_store[0]

    return again


@pytest.fixture
def new_store() -> NewStore:
    return SqliteStore


class TestSqliteStore(DurableStoreConformance):
    async def test_durability_settings(self, tmp_path: Path, store: Store) -> None:
        """G1: the database is in WAL mode; connections commit with synchronous=FULL."""
        assert isinstance(store, SqliteStore)
        conn = sqlite3.connect(store.path)
        try:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        finally:
            conn.close()
        from pigeon.store.sqlite import connect

        conn = connect(store.path)
        try:
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        finally:
            conn.close()

    async def test_concurrent_appends_are_group_committed(self, store: Store) -> None:
        """G1 at a fraction of an fsync each: concurrent appends share commits."""
        assert isinstance(store, SqliteStore)
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        before = store.writer_statistics()
        import asyncio

        await asyncio.gather(*(send(store, "alice", conv, f"m{i}") for i in range(300)))
        after = store.writer_statistics()
        assert after.jobs - before.jobs == 300
        assert after.batches - before.batches < 300
        assert after.max_batch > 1

    async def test_nobody_is_put_into_more_than_the_cap_of_conversations(
        self, store: Store
    ) -> None:
        """The conversation cap (conformance.check_the_conversation_cap), its counter filled
        in the accounts table."""
        assert isinstance(store, SqliteStore)
        path = store.path

        async def fill_to_cap(handle: str) -> None:
            conn = sqlite3.connect(path)
            try:
                with conn:
                    conn.execute(
                        "UPDATE accounts SET conversations = conversations + ? WHERE handle = ?",
                        (MAX_CONVERSATIONS_PER_USER - 1, handle),
                    )
            finally:
                conn.close()

        await check_the_conversation_cap(store, fill_to_cap)

    async def test_migration_3_counts_conversations_and_join_order(
        self, tmp_path: Path, store: Store, reopen: Reopen
    ) -> None:
        """A store from before schema 3 gets each user's conversation count and each member's
        join seq from its log, so the cap and the owner's succession hold for old groups."""
        assert isinstance(store, SqliteStore)
        await make_users(store, "alice", "bob", "carol")
        conv = (await store.create_group("alice", "team", ["carol"], NOW)).result.conv
        await store.change_member("alice", conv, "bob", adding=True, now_ms=NOW)
        await store.create_direct("bob", "carol", NOW)
        path = store.path
        await store.close()
        conn = sqlite3.connect(path)
        try:
            conn.executescript(
                "DROP TABLE presence; DROP TABLE notifications;"  # schema 5
                "DROP TABLE push_subscriptions;"
                "DROP TABLE deliveries; DROP TABLE webhooks; DROP TABLE outbox;"  # schema 4
                "DROP TABLE blocks; ALTER TABLE accounts DROP COLUMN conversations;"
                "ALTER TABLE members DROP COLUMN joined_seq; PRAGMA user_version = 2;"
            )
        finally:
            conn.close()
        store = await reopen()
        conn = sqlite3.connect(path)
        try:
            counts = dict(conn.execute("SELECT handle, conversations FROM accounts"))
            joined = dict(
                conn.execute("SELECT handle, joined_seq FROM members WHERE conv = ?", (conv,))
            )
        finally:
            conn.close()
        assert counts == {"alice": 1, "bob": 2, "carol": 2}
        assert joined == {"alice": 1, "carol": 1, "bob": 2}
        left = await store.change_member("alice", conv, "alice", adding=False, now_ms=NOW)
        assert [e.members for e in left.also] == [("carol",)]
