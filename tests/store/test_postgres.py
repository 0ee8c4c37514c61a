"""The PostgreSQL store against the conformance suite, on a real PostgreSQL 15 with a catalog
and two shard databases (one instance per session, fresh databases per test), plus what only
it has."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from pigeon.core.conversation import MAX_CONVERSATIONS_PER_USER
from pigeon.errors import DataDirRefused, ErrorCode, ProtocolViolation, StoreUnavailable
from pigeon.store.base import Store
from pigeon.store.postgres import (
    CATALOG,
    VIRTUAL_SHARDS,
    Connection,
    PostgresStore,
    migrations,
    shard_of,
)
from tests.helpers.postgres import PostgresInstance
from tests.helpers.timing import TIMEOUT_S
from tests.store.conformance import (
    NOW,
    HoldWriter,
    StoreConformance,
    check_the_conversation_cap,
    make_users,
    send,
    until_write_delay,
)


@pytest.fixture(scope="module")
def store_databases(postgres: PostgresInstance) -> list[str]:
    """A catalog and two shard databases for the whole module."""
    return postgres.create_databases(3)


@pytest.fixture
def store_url(postgres: PostgresInstance, store_databases: list[str]) -> str:
    """The module's databases, emptied but for their schema and shard map."""
    postgres.truncate(store_databases, keep=("schema_migrations", "shard_map", "shard_databases"))
    catalog, *shards = store_databases
    return postgres.url(catalog) + "?shards=" + ",".join(shards)


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[Store]:
    pg = PostgresStore(store_url)
    await pg.open()
    yield pg
    await pg.close()


@dataclass
class Observed:
    """A store whose every statement is in ``sent`` (the driver's query logger on each pooled
    connection), and alice and bob's direct conversation in it."""

    store: PostgresStore
    conv: str
    sent: list[str]


@pytest.fixture
async def observed(store_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Observed]:
    sent: list[str] = []
    create_pool = asyncpg.create_pool

    def logged(*args: Any, **kwargs: Any) -> Any:
        async def log_queries(conn: Connection) -> None:
            conn.add_query_logger(lambda record: sent.append(record.query))

        return create_pool(*args, init=log_queries, **kwargs)

    monkeypatch.setattr(asyncpg, "create_pool", logged)
    store = PostgresStore(store_url)
    await store.open()
    try:
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        sent.clear()
        yield Observed(store, conv, sent)
    finally:
        await store.close()


@pytest.fixture
def hold_writer(postgres: PostgresInstance) -> HoldWriter:
    @contextlib.asynccontextmanager
    async def hold(store: Store, conv: str) -> AsyncIterator[bool]:
        """The conversation's row, locked by another connection: the shard's writer waits on
        it in its batch's transaction."""
        assert isinstance(store, PostgresStore)
        conn = await asyncpg.connect(postgres.url(store.database_of(conv)))
        try:
            async with conn.transaction():
                await conn.execute("SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE", conv)
                yield True
        finally:
            await conn.close()

    return hold


class TestPostgresStore(StoreConformance):
    # Presence is written on the catalog database, never behind a shard's writer: ordered
    # after the held shard's sends only by the timing of two databases, so it is awaited
    # while the shard is held.
    PRESENCE_IN_THE_HELD_WRITER = False

    async def test_conversations_spread_over_both_shard_databases(self, store: Store) -> None:
        """The shard map puts the 1,024 virtual shards on both databases, so a user's
        conversations land on both, and their hello still sees every one of them."""
        assert isinstance(store, PostgresStore)
        await make_users(store, "alice")
        convs = [
            (await store.create_group("alice", f"g{i}", [], NOW)).result.conv for i in range(12)
        ]
        assert {store.database_of(c) for c in convs} == set(store.url.shards)
        assert all(0 <= shard_of(c) < VIRTUAL_SHARDS for c in convs)
        assert await store.last_seqs("alice") == dict.fromkeys(convs, 1)

    async def test_a_hello_costs_one_query_per_database_whatever_the_conversations(
        self, store: Store
    ) -> None:
        """last_seqs and a page of conversations: one catalog query, then one query per
        shard database (sent at once), for 40 conversations as for 1."""
        assert isinstance(store, PostgresStore)
        await make_users(store, "alice")
        for i in range(40):
            await store.create_group("alice", f"g{i}", [], NOW)
        before = store.queries
        assert len(await store.last_seqs("alice")) == 40
        assert store.queries - before == 1 + len(store.url.shards)
        before = store.queries
        page = await store.conversations("alice", after=None, limit=50)
        assert len(page.conversations) == 40 and page.next_cursor is None
        assert store.queries - before == 1 + len(store.url.shards)

    async def test_a_message_costs_its_writer_four_statements_and_no_reset(
        self, observed: Observed
    ) -> None:
        """D71: a message alone in its batch is BEGIN, the fence, the append and COMMIT, each
        one round trip the gateway's event loop pays for (it was eleven: the fence in two,
        a savepoint and its release, three statements of the send, and the pool's reset on
        release). What the driver sends is observed through its query logger."""
        store, conv, sent = observed.store, observed.conv, observed.sent
        assert await send(store, "alice", conv, "m1") == 2
        assert [query.split(" ")[0] for query in sent] == ["BEGIN;", "SELECT", "SELECT", "COMMIT;"]
        assert "pigeon_fence" in sent[1] and "pigeon_append" in sent[2]
        sent.clear()  # a repeat is the original's ack, by the same one statement
        assert await send(store, "alice", conv, "m1") == 2
        assert len(sent) == 4

    async def test_a_hello_and_a_read_after_a_doorbell_are_one_statement_per_database(
        self, observed: Observed
    ) -> None:
        """D71: last_seqs (twice in every hello) and events_after (every doorbell from another
        gateway) check the shard's fence inside their one statement: no BEGIN or COMMIT of a
        transaction of their own (they were four round trips per database)."""
        store, conv, sent = observed.store, observed.conv, observed.sent
        assert await store.last_seqs("alice") == {conv: 1}
        assert len(sent) == 2  # the catalog's index, then the one shard database
        assert "pigeon_readable" in sent[1]
        sent.clear()
        assert [e.seq for e in await store.events_after(conv, 0, 10)] == [1]
        assert len(sent) == 1 and "pigeon_readable" in sent[0]

    async def test_concurrent_appends_are_group_committed(self, store: Store) -> None:
        """G1 at a fraction of a commit each: concurrent appends share transactions."""
        assert isinstance(store, PostgresStore)
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        database = store.database_of(conv)
        before = store.writer_statistics()[database]
        await asyncio.gather(*(send(store, "alice", conv, f"m{i}") for i in range(300)))
        after = store.writer_statistics()[database]
        assert after[1] - before[1] == 300
        assert after[0] - before[0] < 300
        assert after[2] > 1

    async def test_critical_writes_commit_alone_then_the_sends_after_them(
        self, store: Store, hold_writer: HoldWriter
    ) -> None:
        """A read marker queued behind sends while the shard's writer is held commits in a
        batch of its own, then the sends in the next (D69, as the SQLite writer's D61), so
        it does not wait for a batch of sends to commit; the sends keep their order."""
        assert isinstance(store, PostgresStore)
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        database = store.database_of(conv)
        tasks: list[asyncio.Future[Any]] = []
        async with hold_writer(store, conv):
            tasks.append(asyncio.ensure_future(send(store, "alice", conv, "m1")))
            await until_write_delay(store, above=0.0)  # m1's batch waits for the lock
            before = store.writer_statistics()[database]
            for cmid in ("m2", "m3", "m4"):
                tasks.append(asyncio.ensure_future(send(store, "alice", conv, cmid)))
            tasks.append(asyncio.ensure_future(store.mark_read("bob", conv, 2)))
            await asyncio.sleep(0)
        assert await asyncio.wait_for(asyncio.gather(*tasks), TIMEOUT_S) == [2, 3, 4, 5, 2]
        after = store.writer_statistics()[database]
        # m1's batch, the marker's alone, then m2-m4's: three batches, none of four jobs.
        assert (after[0] - before[0], after[1] - before[1]) == (3, 5)

    async def test_a_batch_of_sends_is_cut_for_a_critical_job_that_waits(
        self, store_url: str, hold_writer: HoldWriter
    ) -> None:
        """D70, D64's rule on PostgreSQL: a read marker queued while a batch of sends is under
        way commits once the job under way has, not after the whole batch; the batch commits
        what it ran, the marker alone, then the rest of the sends, in order, all committed."""
        store = PostgresStore(store_url, write_batch_cut_s=1e-9)
        await store.open()
        try:
            await make_users(store, "alice", *(f"u{i}" for i in range(8)))
            by_database: dict[str, list[str]] = {}
            for i in range(8):
                conv = (await store.create_direct("alice", f"u{i}", NOW))[0].result.conv
                by_database.setdefault(store.database_of(conv), []).append(conv)
            database, convs = max(by_database.items(), key=lambda item: len(item[1]))
            gate, x, y = convs[0], *sorted(convs[1:3])  # x's jobs run before y's in a batch
            done: list[str] = []

            def noted(name: str, future: asyncio.Future[Any]) -> asyncio.Future[Any]:
                future.add_done_callback(lambda _: done.append(name))
                return future

            async def until_queued(jobs: int) -> None:
                async with asyncio.timeout(TIMEOUT_S):
                    while store.statistics().write_queue_depth != jobs:  # noqa: ASYNC110
                        await asyncio.sleep(0.005)  # a number read from the store

            async with hold_writer(store, x):
                async with hold_writer(store, gate):
                    first = asyncio.ensure_future(send(store, "alice", gate, "g1"))
                    await until_write_delay(store, above=0.0)  # g1's batch waits for the lock
                    before = store.writer_statistics()[database]
                    sends = [
                        noted(cmid, asyncio.ensure_future(send(store, "alice", conv, cmid)))
                        for conv, cmid in ((x, "x1"), (y, "y1"), (y, "y2"))
                    ]
                    await until_queued(3)  # behind g1's batch
                await asyncio.wait_for(first, TIMEOUT_S)
                await until_queued(0)  # [x1, y1, y2] taken: it waits on x's lock
                marker = noted("r", asyncio.ensure_future(store.mark_read("alice", y, 1)))
                await until_queued(1)  # the marker waits while the batch is held
            seqs = await asyncio.wait_for(asyncio.gather(*sends, marker), TIMEOUT_S)
            assert seqs == [2, 2, 3, 1]
            assert done == ["x1", "r", "y1", "y2"]
            after = store.writer_statistics()[database]
            # g1's batch, [x1] cut there, [r] alone, [y1, y2]
            assert (after[0] - before[0], after[1] - before[1]) == (4, 5)
        finally:
            await store.close()

    async def test_a_duplicate_from_another_gateway_gets_the_original_ack(
        self, store: Store, store_url: str
    ) -> None:
        """G2 across gateways: two stores on the same databases (two gateways) sending the
        same client id at once store one event, and both get its ack, never internal."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        other = PostgresStore(store_url)
        await other.open()
        try:
            for i in range(20):
                seqs = await asyncio.gather(
                    send(store, "alice", conv, f"dup{i}"), send(other, "alice", conv, f"dup{i}")
                )
                assert seqs[0] == seqs[1]
        finally:
            await other.close()
        events = (await store.read_page("alice", conv, after=0, before=None, limit=100)).events
        assert [e.seq for e in events] == list(range(1, 22))

    async def test_a_write_survives_its_connections_being_killed(
        self, store: Store, store_url: str
    ) -> None:
        """Every server connection of the store killed (as a failover or a restart of
        PostgreSQL does): the next writes run again on new connections (the named
        connection_lost retry, safe because nothing reached COMMIT), and seqs stay gapless."""
        assert isinstance(store, PostgresStore)
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        assert await send(store, "alice", conv, "before") == 2
        conn = await asyncpg.connect(store_url.split("?", 1)[0])
        try:
            killed = await conn.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE usename = current_user AND pid <> pg_backend_pid() "
                "AND backend_type = 'client backend'"
            )
        finally:
            await conn.close()
        assert killed >= 3  # a connection to the catalog and one to each shard at least
        seqs = await asyncio.gather(*(send(store, "alice", conv, f"after{i}") for i in range(5)))
        assert sorted(seqs) == [3, 4, 5, 6, 7]
        await store.check()

    async def test_a_batch_whose_connection_dies_before_commit_runs_again(
        self, store: Store
    ) -> None:
        """The connection_lost retry: a batch whose server connection ends before COMMIT
        rolled back, so it runs again, whole, on a new connection, and its caller sees only
        the second run's answer."""
        assert isinstance(store, PostgresStore)
        runs: list[int] = []

        async def job(conn: Connection) -> int:
            runs.append(await conn.fetchval("SELECT pg_backend_pid()"))
            if len(runs) == 1:
                await conn.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            return len(runs)

        assert await store._write(CATALOG, "test_job", job) == 2
        assert runs[0] != runs[1]  # a new connection
        await store.check()

    async def test_check_after_a_failed_catalog_batch_asks_a_probe_write(
        self, store: Store
    ) -> None:
        """A batch that failed during a failover since over does not keep the gateway out
        of its load balancer until the next write: check() commits a probe (D51)."""
        assert isinstance(store, PostgresStore)
        writer = store._writers[CATALOG]
        writer.last_error = "ConnectionResetError()"
        await store.check()
        assert writer.last_error is None and store.unreachable == frozenset()

    async def test_a_write_to_a_read_only_server_is_unavailable_not_internal(
        self, store: Store, store_url: str
    ) -> None:
        """A server that does not take writes yet (a standby Patroni has just made leader,
        still promoting, which HAProxy already routes to): the batch rolled back, so it is
        the retryable ``unavailable``, and writes commit again once the server does (D51)."""
        assert isinstance(store, PostgresStore)
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        catalog = store_url.split("?", 1)[0]
        databases = [catalog.rsplit("/", 1)[1], *store_url.split("shards=", 1)[1].split(",")]

        async def read_only(on: bool) -> None:
            admin = catalog.rsplit("/", 1)[0] + "/postgres"  # not a database made read-only
            conn = await asyncpg.connect(admin, timeout=TIMEOUT_S)
            try:
                for name in databases:
                    setting = "SET default_transaction_read_only = on" if on else "RESET ALL"
                    await conn.execute(f"ALTER DATABASE {name} {setting}")
                # New sessions take the setting: end the store's.
                await conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'"
                )
            finally:
                await conn.close()

        await read_only(True)
        try:
            with pytest.raises(StoreUnavailable):
                await send(store, "alice", conv, "while read-only")
            with pytest.raises(StoreUnavailable):
                await store.probe_write(NOW)
            with pytest.raises(StoreUnavailable):
                await store.check()
        finally:
            await read_only(False)
        assert await send(store, "alice", conv, "after") == 2
        await store.check()

    async def test_a_pool_that_fails_on_release_is_unavailable(self, store_url: str) -> None:
        """asyncpg raises InternalClientError from a pool's release when the connection
        was lost under it (seen during a failover): a read answers ``unavailable``."""

        class Broken:
            async def __aenter__(self) -> object:
                return object()

            async def __aexit__(self, *exc: object) -> None:
                raise asyncpg.InternalClientError("release() called on a free connection holder")

        class Pool:
            def acquire(self, timeout: float) -> Broken:
                return Broken()

        store = PostgresStore(store_url)
        store._pools[CATALOG] = Pool()

        async def job(conn: Connection) -> int:
            return 1

        with pytest.raises(StoreUnavailable):
            await store._read(CATALOG, job)

    async def test_two_gateways_appending_to_one_conversation_get_gapless_seqs(
        self, store: Store, store_url: str
    ) -> None:
        """G3 across gateways: two stores on the same databases append to one conversation
        at once; the log is 1..n with no gap or repeat, and each store publishes its own
        events in seq order (the counter row's lock orders their commits)."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        other = PostgresStore(store_url)
        await other.open()
        published: dict[int, list[int]] = {0: [], 1: []}
        store.on_commit = lambda events: published[0].extend(e.seq for e in events)
        other.on_commit = lambda events: published[1].extend(e.seq for e in events)
        try:
            await asyncio.gather(
                *(send(store, "alice", conv, f"a{i}") for i in range(100)),
                *(send(other, "bob", conv, f"b{i}") for i in range(100)),
            )
        finally:
            await other.close()
        events = (await store.read_page("alice", conv, after=0, before=None, limit=500)).events
        assert [e.seq for e in events] == list(range(1, 202))
        assert sorted(published[0] + published[1]) == list(range(2, 202))
        assert all(p == sorted(p) for p in published.values())

    async def test_a_send_racing_its_senders_removal_on_another_gateway_is_refused(
        self, store: Store, postgres: PostgresInstance
    ) -> None:
        """A member removed by another gateway while their send is in flight: the removal
        (the conversation's row locked, the member's row deleted, as change_member does)
        commits first, so the send must be refused, never appended after the removal. The
        membership is read after the row's lock: in PostgreSQL's READ COMMITTED a read
        before it sees the member still there (a chaos run once stored a send at the seq
        after its sender's removal)."""
        await make_users(store, "alice", "bob", "carol")
        assert isinstance(store, PostgresStore)
        conv = (await store.create_group("alice", "g", ["bob", "carol"], NOW)).result.conv
        await send(store, "bob", conv, "before")
        other_gateway = await asyncpg.connect(postgres.url(store.database_of(conv)))
        try:
            removal = other_gateway.transaction()
            await removal.start()
            await other_gateway.execute(
                "SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE", conv
            )
            await other_gateway.execute(
                "DELETE FROM members WHERE conv = $1 AND handle = 'bob'", conv
            )
            sending = asyncio.ensure_future(send(store, "bob", conv, "racing"))
            async with asyncio.timeout(TIMEOUT_S):  # until the send waits on the row's lock
                while not await other_gateway.fetchval(  # noqa: ASYNC110
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                ):
                    await asyncio.sleep(0.01)  # another session's state: nothing to await
            await removal.commit()
            with pytest.raises(ProtocolViolation) as refused:
                await sending
            assert refused.value.code == ErrorCode.NOT_FOUND
        finally:
            await other_gateway.close()
        events = (await store.read_page("alice", conv, after=0, before=None, limit=50)).events
        assert [e.client_msg_id for e in events if e.sender == "bob"] == ["before"]

    async def test_two_gateways_batching_the_same_conversations_never_deadlock(
        self, store: Store, store_url: str, caplog: pytest.LogCaptureFixture
    ) -> None:
        """Each gateway's writer commits a batch of appends in one transaction, holding each
        conversation's counter row until COMMIT. Batches take those rows in conversation
        order, so two gateways sending to the same conversations in opposite orders wait on
        each other but never deadlock (each deadlock cost a second and, thrice, a send)."""
        await make_users(store, "alice", "bob")
        convs = sorted(
            [
                (await store.create_group("alice", f"g{i}", ["bob"], NOW)).result.conv
                for i in range(8)
            ]
        )
        other = PostgresStore(store_url)
        await other.open()
        try:
            for round_ in range(10):
                await asyncio.gather(
                    *(send(store, "alice", c, f"a{round_}-{c}") for c in convs),
                    *(send(other, "bob", c, f"b{round_}-{c}") for c in reversed(convs)),
                )
        finally:
            await other.close()
        assert "retry deadlock" not in caplog.messages
        assert await store.last_seqs("alice") == dict.fromkeys(convs, 21)

    async def test_nobody_is_put_into_more_than_the_cap_of_conversations(
        self, store: Store, store_url: str
    ) -> None:
        """The conversation cap, its counter filled in the catalog's accounts table."""
        catalog = store_url.split("?", 1)[0]

        async def fill_to_cap(handle: str) -> None:
            conn = await asyncpg.connect(catalog)
            try:
                await conn.execute(
                    "UPDATE accounts SET conversations = conversations + $1 WHERE handle = $2",
                    MAX_CONVERSATIONS_PER_USER - 1,
                    handle,
                )
            finally:
                await conn.close()

        await check_the_conversation_cap(store, fill_to_cap)

    async def test_reopen_keeps_everything_and_the_epoch(
        self, store: Store, store_url: str
    ) -> None:
        """The record outlives the process: a retry after a restart gets the original ack."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        seq = await send(store, "alice", conv, "once")
        again = PostgresStore(store_url)
        await again.open()
        try:
            assert again.epoch == store.epoch
            assert await send(again, "alice", conv, "once") == seq
        finally:
            await again.close()


async def test_pigeon_migrate_applies_every_database_schema(
    postgres: PostgresInstance, tmp_path: Path
) -> None:
    """``pigeon migrate --store URL`` brings the catalog and every shard database to this
    version's schema and seeds the shard map; a second run changes nothing; a database
    newer than the code is refused at start, in one line."""
    catalog, *shards = postgres.create_databases(3)
    url = postgres.url(catalog) + "?shards=" + ",".join(shards)

    def migrate() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pigeon", "migrate", "--store", url, "--data", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )

    for _ in range(2):
        done = migrate()
        assert done.returncode == 0, done
    for database, kind in ((catalog, "catalog"), *((s, "shard") for s in shards)):
        conn = await asyncpg.connect(postgres.url(database))
        try:
            applied = [r[0] for r in await conn.fetch("SELECT version FROM schema_migrations")]
            assert applied == [n for n, _ in migrations(kind)]
            if kind == "catalog":
                assert await conn.fetchval("SELECT count(*) FROM shard_map") == VIRTUAL_SHARDS
                await conn.execute("INSERT INTO schema_migrations VALUES (999, 0)")
        finally:
            await conn.close()
    done = migrate()
    assert done.returncode == 1
    assert "newer than this Pigeon knows" in done.stderr and done.stderr.count("\n") == 1


async def test_backup_and_restore_are_refused_touching_nothing(
    store: Store, tmp_path: Path
) -> None:
    """PostgreSQL is backed up with its own tools: both operations refuse in one line."""
    with pytest.raises(DataDirRefused, match="PostgreSQL's own tools"):
        await store.backup(tmp_path / "backup")
    with pytest.raises(DataDirRefused, match="PostgreSQL's own tools"):
        await store.restore(tmp_path / "backup")
    assert os.listdir(tmp_path) == []
