"""The PostgreSQL store: a catalog database for everything keyed by user, and conversation logs
spread over two or more shard databases by a shard map held in the catalog.

- A conversation's virtual shard is ``crc32(id) % 1024`` (:func:`shard_of`); the catalog's
  ``shard_map`` table says which database holds each shard. The map is data: it is read at
  open, and seeded from the store URL only when the catalog is new.
- Seqs are gapless (G3): the conversation's counter row is bumped by ``UPDATE ... RETURNING``
  in the same transaction as the insert, whose row lock also makes commit order seq order.
- Idempotency (G2) is a unique key on (conv, sender, client_msg_id): a concurrent duplicate
  from another gateway waits on the key, fails, and its retry returns the original ack.
- Group commit: each database has one writer task that runs queued jobs in one transaction,
  a savepoint per job (one job's rule violation rolls back that job alone), but for the jobs
  that refuse only before they write (D71: a message's append, one call of ``pigeon_append``
  whose savepoint is server-side, and a read marker). COMMIT is sent without a client-side
  timeout: a cancelled COMMIT may have committed (CLUSTER-NOTES §3).
- Retries are bounded and named: ``connection_lost`` (the batch never reached COMMIT, so it
  rolled back: running it again is idempotent) and ``deadlock`` (one job, in a new savepoint;
  ``pigeon_append`` retries inside itself; a read marker's deadlock fails its batch).
  A connection lost during COMMIT is reported as unavailable: the client retries with the same
  ids, which is what makes an unknown outcome safe.

Writes that touch the catalog and a shard are two transactions, ordered so that a crash in
between leaves only what reads ignore (docs/DECISIONS.md, "PostgreSQL store").
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
import zlib
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit, urlunsplit

import asyncpg

from pigeon.core import conversation as rules
from pigeon.core import shedding
from pigeon.core.idempotency import original_ack
from pigeon.core.notifications import MAX_SUBSCRIPTIONS_PER_USER
from pigeon.core.records import (
    Account,
    AppendResult,
    ConversationKind,
    ConversationSummary,
    Device,
    Event,
    EventKind,
    MessageMeta,
    Role,
)
from pigeon.core.sequencing import merge_position, page_window
from pigeon.core.shard_move import GONE, MOVING, OWNED, readable, writable
from pigeon.core.webhooks import MAX_WEBHOOKS_PER_USER
from pigeon.errors import (
    DataDirRefused,
    ErrorCode,
    ProtocolViolation,
    RateLimited,
    StoreUnavailable,
)
from pigeon.store.base import (
    ADMIN_TOKEN_KEY,
    MAX_DEVICE_KEYS,
    PUSH_KEY_KEY,
    SUMMARY_MEMBERS,
    Appended,
    CommitListener,
    ConversationPage,
    Delivery,
    DeliveryState,
    LogPage,
    NewDelivery,
    NewNotification,
    OutboxRecord,
    PendingNotification,
    PushSubscription,
    Restored,
    StoreStatistics,
    Webhook,
    new_epoch,
)
from pigeon.store.rows import (
    DELIVERY_COLUMNS,
    EVENT_COLUMNS,
    SUBSCRIPTION_COLUMNS,
    WEBHOOK_COLUMNS,
    encode_json,
    row_to_delivery,
    row_to_event,
    row_to_webhook,
    subscription_row,
    webhook_row,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
Connection = Any  # asyncpg.Connection (asyncpg ships no type hints for it)
Job = Callable[[Connection], Awaitable[T]]

VIRTUAL_SHARDS = 1024
CATALOG = "catalog"
# Every so many grants, buckets idle this long are deleted: full by then for any rate and
# burst Pigeon uses (login failures refill in a minute), so deleting them changes nothing,
# and guessed handles cannot grow the table without bound.
PRUNE_BUCKETS_EVERY = 1024
BUCKET_IDLE_MS = 3_600_000
# The database's wall clock in ms: one clock for a bucket every gateway takes from.
DATABASE_NOW_MS = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"
_PREFIXED_EVENT_COLUMNS = ", ".join(f"e.{c.strip()}" for c in EVENT_COLUMNS.split(","))

# Bounded retries, each named in the log.
CONNECTION_RETRIES = 3  # a batch whose connection was lost before COMMIT
# How long a close waits for a pool's connections to be given back before terminating them.
POOL_CLOSE_TIMEOUT_S = 5.0
DEADLOCK_RETRIES = 3  # one job chosen as a deadlock victim (or, never here, a serialization)
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 30.0  # reads only: a COMMIT never has a client-side timeout

# The shard fence (D43): pigeon.core.shard_move's states, in each shard_owner row.
SHARD_MOVING_RETRY_MS = 200  # busy's retry_after_ms while a shard moves
# pg_advisory_xact_lock key in each shard database: every write batch holds it shared, a
# move's fence step exclusive, so the fence waits for the writes in flight and new ones wait
# for the fence in a first-come queue, writing nothing to any row (D43).
FENCE_LOCK = 7245
MAP_RELOADS = 2  # a gateway fenced off a database reloads the map at most this often per call

# The connection went away (or the server is shutting down): nothing sent before COMMIT
# committed, so the batch can run again on a new connection.
_CONNECTION_LOST: tuple[type[BaseException], ...] = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.InternalClientError,  # the driver lost track of the protocol: same as lost
    # A server that takes no writes (yet): a standby being promoted, which HAProxy routes to
    # as soon as Patroni calls it leader (D51). The batch rolled back; a new connection may
    # find the promotion done.
    asyncpg.ReadOnlySQLTransactionError,
)
# A read (or an autocommit statement outside the writers) failed for want of a database.
_DATABASE_FAILED: tuple[type[BaseException], ...] = (
    *_CONNECTION_LOST,
    asyncpg.PostgresError,
    TimeoutError,
)
_LOCK_VICTIM = (asyncpg.DeadlockDetectedError, asyncpg.SerializationError)

# A one-statement read's fence check (D71): ``WHERE pigeon_readable($n::int[], $m::text[])``,
# with the shards it reads and the fence states a read may be served in (core.shard_move's
# rule, passed to the function), raises this SQLSTATE, naming the shard and its state.
_READABLE = [state for state in (OWNED, MOVING, GONE) if readable(state)]
_UNREADABLE = "PF001"


def shard_of(conv: str) -> int:
    """The virtual shard of a conversation: fixed by its id, whatever the shard map says."""
    return zlib.crc32(conv.encode()) % VIRTUAL_SHARDS


@dataclass(frozen=True, slots=True)
class PostgresUrl:
    """``postgresql://user@host:port/catalog?shards=db1,db2``: the catalog database, and the
    shard databases to seed a new catalog's shard map with: a name is a database on the
    catalog's server, a ``postgresql://user@host:port/DB`` URL one on another server."""

    catalog: str  # the URL of the catalog database, without the query
    shards: tuple[str, ...]  # the shard databases' names
    elsewhere: tuple[tuple[str, str], ...] = ()  # (name, URL) of those on another server
    # (host:port, host:port): this node reaches the first through the second (``via``).
    via: tuple[tuple[str, str], ...] = ()

    def routed(self, url: str) -> str:
        """``url`` as this node dials it: its server's ``host:port`` replaced as ``via`` says
        (``pigeon chaos`` puts a fault proxy in one gateway's path this way). The catalog
        keeps the URLs every node shares, never a node's route."""
        parts = urlsplit(url)
        user, at, server = parts.netloc.rpartition("@")
        for old, new in self.via:
            if server == old:
                return urlunsplit(parts._replace(netloc=f"{user}{at}{new}"))
        return url

    def database_url(self, name: str) -> str:
        for other, url in self.elsewhere:
            if other == name:
                return url
        parts = urlsplit(self.catalog)
        return urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))


def parse_postgres_url(url: str) -> PostgresUrl:
    """Raise ValueError, in one line an operator can act on, unless ``url`` names a store."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True)
    entries = [s for v in query.pop("shards", []) for s in v.split(",") if s]
    routes = [s for v in query.pop("via", []) for s in v.split(",") if s]
    if parts.scheme not in ("postgresql", "postgres") or not parts.path.strip("/") or query:
        raise ValueError(
            f"unknown store URL {url!r}: use postgresql://user@host:port/CATALOG"
            "?shards=DB1,DB2 (the shard databases seed a new catalog's shard map)"
        )
    shards: list[str] = []
    elsewhere: list[tuple[str, str]] = []
    for entry in entries:
        if "://" in entry:  # a database on another server
            other = urlsplit(entry)
            name = other.path.strip("/")
            if other.scheme not in ("postgresql", "postgres") or not name or "/" in name:
                raise ValueError(f"shard {entry!r} is not postgresql://user@host:port/DB")
            elsewhere.append((name, urlunsplit((other.scheme, other.netloc, "/" + name, "", ""))))
            entry = name
        if entry in shards:
            raise ValueError(f"shard database {entry!r} is named twice in {url!r}")
        shards.append(entry)
    via: list[tuple[str, str]] = []
    for route in routes:
        old, _, new = route.partition("=")
        if not (_is_server(old) and _is_server(new)):
            raise ValueError(f"via {route!r} is not HOST:PORT=HOST:PORT")
        via.append((old, new))
    return PostgresUrl(
        urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")),
        tuple(shards),
        tuple(elsewhere),
        tuple(via),
    )


def _is_server(text: str) -> bool:
    host, _, port = text.rpartition(":")
    return bool(host) and port.isdigit()


def migrations(kind: str) -> list[tuple[int, str]]:
    """The numbered migrations of a ``catalog`` or ``shard`` database, in order."""
    folder = resources.files("pigeon.store.pg_migrations").joinpath(kind)
    scripts = (p for p in folder.iterdir() if p.name.endswith(".sql"))
    return sorted((int(p.name.split("_", 1)[0]), p.read_text()) for p in scripts)


async def migrate(conn: Connection, kind: str) -> int:
    """Apply the migrations not yet applied, each in its own transaction; returns the schema
    version. Two nodes starting at once serialize on an advisory lock."""
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version integer PRIMARY KEY, applied_ms bigint NOT NULL)"
    )
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(7243)")  # 'pigeon migrate'
        version = await conn.fetchval("SELECT coalesce(max(version), 0) FROM schema_migrations")
        known = migrations(kind)
        if version > (known[-1][0] if known else 0):
            raise StoreUnavailable(
                f"the {kind} database is at schema {version}, newer than this Pigeon knows"
            )
        for number, script in known:
            if number > version:
                await conn.execute(script)
                await conn.execute(
                    "INSERT INTO schema_migrations VALUES ($1, $2)",
                    number,
                    int(time.time() * 1000),
                )
                version = number
    return int(version)


@dataclass(slots=True)
class _Pending:
    name: str
    job: Job[Any]
    future: asyncio.Future[Any]
    publish: Callable[[Any], None] | None
    conv: str | None  # the conversation it writes: its shard's fence (D43)
    lock_key: str  # the row it locks first (its conversation, a handle): batches lock in order
    queued_at: float = 0.0  # time.monotonic() when submitted
    critical: bool = False  # queued in the critical lane
    # False: the job raises ProtocolViolation or StoreUnavailable only before it writes
    # (pigeon_append's retries roll back in their own subtransaction), so the writer sends
    # no savepoint around it; anything else it raises fails the whole batch (D71).
    savepoint: bool = True


class _DatabaseWriter:
    """One database's group-committing writer: two bounded queues (critical writes, taken
    first into each batch and committed alone, and the rest: D55, D69) and one task that
    runs the queued jobs in one transaction, a savepoint each. A batch that has run
    ``cut_s`` while a critical job waits (queued, or run in it and waiting for its commit)
    commits what it has run and puts the rest back (D64's rule, here since D70)."""

    def __init__(
        self,
        name: str,
        pool: Any,
        *,
        max_batch: int,
        max_queue: int,
        observe: Callable[[int, float], None] | None,
        cut_s: float = 0.0,
    ) -> None:
        self.name = name
        self._pool = pool
        self._max_batch = max_batch
        self._cut_s = cut_s
        self._normal: collections.deque[_Pending] = collections.deque()
        self._critical: collections.deque[_Pending] = collections.deque()
        self._max_normal = max_queue
        self._max_critical = max(1, max_queue // 4)  # as the SQLite writer's lane
        self._ready = asyncio.Event()
        self._stopping = False
        self._running_since: float | None = None  # oldest queued_at of the batch running
        self._critical_alone = False  # the last batch taken was the critical lane's alone
        self._observe = observe
        self._task: asyncio.Task[None] | None = None
        self.batches = 0
        self.jobs = 0
        self.max_batch_seen = 0
        self.last_error: str | None = None

    def start(self) -> None:
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name=f"pg-writer-{self.name}")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._stopping = True  # after every job already queued
        self._ready.set()
        await self._task
        self._task = None

    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def queued(self) -> int:
        return len(self._normal) + len(self._critical)

    def oldest_wait_s(self) -> float:
        """How long the oldest job not yet answered (queued or committing) has waited."""
        heads = [lane[0].queued_at for lane in (self._critical, self._normal) if lane]
        if self._running_since is not None:
            heads.append(self._running_since)
        return max(0.0, time.monotonic() - min(heads)) if heads else 0.0

    async def submit(
        self,
        name: str,
        job: Job[T],
        publish: Callable[[T], None] | None = None,
        conv: str | None = None,
        *,
        lock_key: str | None = None,
        critical: bool = False,
        savepoint: bool = True,
    ) -> T:
        if not self.running():
            raise StoreUnavailable(f"the {self.name} writer is not running")
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        key = lock_key if lock_key is not None else conv or ""
        lane, bound = (
            (self._critical, self._max_critical) if critical else (self._normal, self._max_normal)
        )
        if len(lane) >= bound:
            raise RateLimited(100, ErrorCode.BUSY)
        lane.append(
            _Pending(
                name,
                job,
                future,
                publish,
                conv,
                key,
                time.monotonic(),
                critical=critical,
                savepoint=savepoint,
            )
        )
        self._ready.set()
        return await future

    async def _run(self) -> None:
        while True:
            if not self._normal and not self._critical:
                if self._stopping:
                    return
                self._ready.clear()
                await self._ready.wait()
                continue
            # Critical jobs commit alone, and the batch after takes both lanes, so a stream
            # of them cannot hold sends back (D61 on SQLite; measured here in D69).
            alone = bool(self._critical) and not self._critical_alone
            self._critical_alone = alone
            batch: list[_Pending] = []
            for lane in (self._critical,) if alone else (self._critical, self._normal):
                while lane and len(batch) < self._max_batch:
                    batch.append(lane.popleft())
            self._running_since = min(p.queued_at for p in batch)
            try:
                await self._commit(batch)
            finally:
                self._running_since = None

    async def _commit(self, batch: list[_Pending]) -> None:
        started = time.perf_counter()
        outcomes: list[tuple[Any, BaseException | None] | None] = []
        failure: BaseException | None = None
        for attempt in range(1, CONNECTION_RETRIES + 1):
            try:
                outcomes = await self._transaction(batch)
                failure = None
                break
            except _CommitUnknown as exc:
                failure = exc.__cause__ or exc
                break  # never retried: it may have committed
            except _CONNECTION_LOST as exc:
                failure = exc
                log.warning(
                    "retry connection_lost",
                    extra={"database": self.name, "attempt": attempt, "error": repr(exc)},
                )
            except Exception as exc:  # the database refused the batch, or a bug: not retried
                log.exception("store batch failed", extra={"database": self.name})
                failure = exc
                break
        if failure is not None:
            self.last_error = repr(failure)
            for pending in batch:
                if not pending.future.done():
                    pending.future.set_exception(
                        StoreUnavailable(f"the {self.name} database failed: {failure!r}")
                    )
            return
        self.last_error = None
        cut = [pending for pending, outcome in zip(batch, outcomes, strict=True) if outcome is None]
        if cut:  # at the head of their lane again, in their order: the next batch takes them
            self._normal.extendleft(reversed(cut))
            self._ready.set()
        ran = [(p, o) for p, o in zip(batch, outcomes, strict=True) if o is not None]
        self.batches += 1
        self.jobs += len(ran)
        self.max_batch_seen = max(self.max_batch_seen, len(ran))
        if self._observe is not None:
            self._observe(len(ran), time.perf_counter() - started)
        for pending, (value, error) in ran:
            if error is None and pending.publish is not None:
                pending.publish(value)  # committed: the only place doorbells come from
            if pending.future.done():  # its caller went away; the write stands
                continue
            if error is not None:
                pending.future.set_exception(error)
            else:
                pending.future.set_result(value)

    async def _transaction(
        self, batch: list[_Pending]
    ) -> list[tuple[Any, BaseException | None] | None]:
        """Each job's (value, error), or None for a job the batch was cut before (not run)."""
        started = time.perf_counter()
        critical_in_batch = any(p.critical for p in batch)
        critical_left = sum(p.critical for p in batch)
        async with self._pool.acquire(timeout=CONNECT_TIMEOUT_S) as conn:
            transaction = conn.transaction()
            try:
                await transaction.start()
                states = await _fence_batch(conn, batch)
                outcomes: list[tuple[Any, BaseException | None] | None] = [None] * len(batch)
                # In lock-key order (stable: one conversation's jobs keep theirs), so two
                # gateways' batches take rows in one order and cannot deadlock on them (a
                # deadlock costs deadlock_timeout, 1 s, then a retry). A cut leaves a
                # conversation's later jobs for the next batch, in order; never a critical one.
                order = sorted(range(len(batch)), key=lambda i: batch[i].lock_key)
                for n, i in enumerate(order):
                    pending = batch[i]
                    if n and not critical_left and self._cut_due(started, critical_in_batch):
                        break
                    critical_left -= pending.critical
                    if pending.conv is None or writable(states.get(shard_of(pending.conv))):
                        outcomes[i] = await self._job(conn, pending)
                    else:
                        shard = shard_of(pending.conv)
                        outcomes[i] = (None, ShardFenced(shard, states.get(shard)))
            except _CONNECTION_LOST:
                _discard(conn)  # never back into the pool: the pool replaces it
                raise
            except BaseException:
                try:
                    await transaction.rollback()
                except Exception:
                    _discard(conn)
                raise
            try:
                await transaction.commit()  # no timeout, on purpose
            except _CONNECTION_LOST as exc:
                _discard(conn)
                raise _CommitUnknown from exc
            return outcomes

    def _cut_due(self, started: float, critical_in_batch: bool) -> bool:
        return shedding.batch_cut_due(
            elapsed_s=time.perf_counter() - started,
            cut_s=self._cut_s,
            critical_waiting=critical_in_batch or bool(self._critical),
        )

    async def _job(self, conn: Connection, pending: _Pending) -> tuple[Any, BaseException | None]:
        if not pending.savepoint:
            try:
                return await pending.job(conn), None
            except (ProtocolViolation, StoreUnavailable) as exc:  # nothing of it written
                return None, exc
            # Anything else may have aborted the transaction: it fails the batch (retried by
            # the clients, with their ids), never this job alone.
        victim = 0
        duplicate = False
        while True:
            savepoint = conn.transaction()
            await savepoint.start()
            try:
                value = await pending.job(conn)
            except ProtocolViolation as exc:
                await savepoint.rollback()
                return None, exc
            except asyncpg.UniqueViolationError as exc:
                await savepoint.rollback()
                if duplicate:  # the original is committed now: a second one is a bug
                    return None, exc
                duplicate = True  # a concurrent duplicate committed first: its ack is ours
            except _LOCK_VICTIM as exc:
                await savepoint.rollback()
                victim += 1
                log.warning(
                    "retry deadlock",
                    extra={"database": self.name, "job": pending.name, "attempt": victim},
                )
                if victim >= DEADLOCK_RETRIES:
                    return None, StoreUnavailable(f"{pending.name}: {exc!r}")
            except _CONNECTION_LOST:
                raise
            except Exception as exc:  # this job's bug or bad data: it fails alone
                log.exception("store job failed", extra={"job": pending.name})
                await savepoint.rollback()
                return None, exc
            else:
                await savepoint.commit()
                return value, None


async def _probe_catalog(conn: Connection, now_ms: int) -> None:
    """The catalog's probe write: one row of ``meta``, as small as a write gets."""
    await conn.execute(
        "INSERT INTO meta(key, value) VALUES ('probe', $1) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        str(now_ms),
    )


async def _session_kept(conn: Connection) -> None:
    """A pool connection's reset on release, instead of asyncpg's (``RESET ALL``, ``UNLISTEN
    *``, ``CLOSE ALL``, unlocking session advisory locks): this store leaves none of those in
    a session, so the reset statement was one round trip per batch and per read for nothing
    (D71). A transaction left open is still rolled back by the pool before this is called."""


def _discard(conn: Connection) -> None:
    """Close a connection whose state is unknown, so the pool opens a new one."""
    with contextlib.suppress(asyncpg.InterfaceError):  # the pool already let it go
        conn.terminate()


class _CommitUnknown(Exception):
    """The connection was lost while COMMIT was in flight: it may or may not have committed."""


class ShardFenced(Exception):
    """This database is not (or not now) the writable record of a virtual shard: its
    ``shard_owner`` row says ``moving`` or ``gone``, or it has none (D43)."""

    def __init__(self, shard: int, state: str | None) -> None:
        super().__init__(f"shard {shard} is {state or 'not here'}")
        self.shard = shard
        self.state = state


async def _fence_batch(conn: Connection, batch: list[_Pending]) -> dict[int, str]:
    """The fence states of the shards a batch writes, read under FENCE_LOCK held shared until
    the batch commits: no write commits on a database after a move's fence step committed
    there. Taken first, before any row lock, so a batch waiting on it holds nothing anyone
    waits for; the states are read by a second query, whose snapshot is newer than any
    fence step that held the lock. Both in one call of the shard's ``pigeon_fence`` (D71)."""
    shards = sorted({shard_of(p.conv) for p in batch if p.conv is not None})
    if not shards:
        return {}
    rows = await conn.fetch("SELECT * FROM pigeon_fence($1, $2::int[])", FENCE_LOCK, shards)
    return {int(r[0]): str(r[1]) for r in rows}


async def _fence_states(conn: Connection, shards: list[int]) -> dict[int, str]:
    """Each of these shards' fence state on this database (a shard with no row is absent)."""
    rows = await conn.fetch(
        "SELECT shard, state FROM shard_owner WHERE shard = ANY($1::int[])", shards
    )
    return {int(r[0]): str(r[1]) for r in rows}


def read_gate(convs: Iterable[str]) -> tuple[list[int], list[str]]:
    """The arguments of ``pigeon_readable`` for a one-statement read of ``convs``: their
    shards, and the fence states a read may be served in."""
    return sorted({shard_of(c) for c in convs}), _READABLE


async def fence_read(conn: Connection, shards: list[int]) -> None:
    """Refuse to read shards this database no longer holds. Run in the read's own snapshot,
    so what it reads is what was checked."""
    states = await _fence_states(conn, shards)
    for shard in shards:
        if not readable(states.get(shard)):
            raise ShardFenced(shard, states.get(shard))


class PostgresStore:
    """The :class:`~pigeon.store.base.Store` on a catalog database and its shard databases."""

    def __init__(
        self,
        url: str,
        *,
        max_batch: int = 512,
        max_write_queue: int = 20_000,
        max_read_queue: int = 10_000,
        on_batch: Callable[[int, float], None] | None = None,
        write_batch_cut_s: float = 0.0,
    ) -> None:
        self.url = parse_postgres_url(url)
        self._write_batch_cut_s = write_batch_cut_s
        self.on_commit: CommitListener | None = None
        self._max_batch = max_batch
        self._max_write_queue = max_write_queue
        self._max_read_queue = max_read_queue
        self._on_batch = on_batch
        self._pools: dict[str, Any] = {}
        self._writers: dict[str, _DatabaseWriter] = {}
        self._shard_map: list[str] = []  # virtual shard -> database name
        self._map_lock = asyncio.Lock()
        self.map_loads = 0  # shard maps read from the catalog since open (D43)
        self._reads = 0
        self.queries = 0  # reads issued since open: what a hello costs, measured in tests
        self._takes = 0  # take_tokens calls, to prune idle buckets now and then
        self._epoch = ""
        # Shard databases the last check could not read (check).
        self.unreachable: frozenset[str] = frozenset()

    # -- lifecycle --------------------------------------------------------------------------

    async def open(self) -> None:
        """Connect, migrate the catalog and every shard database, load the shard map and
        start one writer per database."""
        try:
            await self._open()
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            await self._close_pools()
            raise StoreUnavailable(f"cannot open {self.url.catalog}: {exc}") from exc
        except BaseException:
            await self._close_pools()
            raise

    async def _open(self) -> None:
        catalog = await self._pool(CATALOG, self.url.catalog)
        async with catalog.acquire(timeout=CONNECT_TIMEOUT_S) as conn:
            await migrate(conn, "catalog")
            async with conn.transaction():
                await conn.execute("LOCK TABLE shard_map IN EXCLUSIVE MODE")
                self._epoch = await conn.fetchval("SELECT value FROM meta WHERE key = 'epoch'")
                if self._epoch is None:
                    self._epoch = new_epoch()
                    await conn.execute(
                        "INSERT INTO meta(key, value) VALUES ('epoch', $1)", self._epoch
                    )
                if await conn.fetchval("SELECT count(*) FROM shard_map") == 0:
                    await self._seed_shard_map(conn)
        self._start_writer(CATALOG, catalog)
        await self._load_map()

    async def _load_map(self) -> None:
        """Read the shard map from the catalog; open each shard database new to this node
        (migrate it, start its writer); seed the fence rows of the shards mapped to each
        database where it has none. Safe with any map, however old: a move writes its rows on
        both databases before the map changes, so only a database no move of the shard ever
        touched lacks one, and the map then still names it (D43)."""
        async with self._pools[CATALOG].acquire(timeout=CONNECT_TIMEOUT_S) as conn:
            databases = dict(await conn.fetch("SELECT name, url FROM shard_databases"))
            mapped = await conn.fetch("SELECT shard, database FROM shard_map ORDER BY shard")
        if [r["shard"] for r in mapped] != list(range(VIRTUAL_SHARDS)):
            raise StoreUnavailable("the catalog's shard map does not cover every shard")
        shard_map = [str(r["database"]) for r in mapped]
        for name in sorted(set(shard_map)):
            new = name not in self._writers
            pool = self._pools.get(name) or await self._pool(name, databases[name])
            async with pool.acquire(timeout=CONNECT_TIMEOUT_S) as conn:
                if new:
                    await migrate(conn, "shard")
                await conn.execute(
                    "INSERT INTO shard_owner(shard, state) SELECT unnest($1::int[]), $2 "
                    "ON CONFLICT DO NOTHING",
                    [s for s, database in enumerate(shard_map) if database == name],
                    OWNED,
                )
            if new:
                self._start_writer(name, pool)
        self._shard_map = shard_map
        self.map_loads += 1

    async def _reload_map(self, seen: int) -> None:
        """Reload the shard map after a fence refused this node, unless another call did since
        the caller read ``map_loads`` (``seen``): one catalog read for a burst of refusals."""
        async with self._map_lock:
            if self.map_loads != seen:
                return
            before = self._shard_map
            try:
                await self._load_map()
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                raise StoreUnavailable(f"cannot reload the shard map: {exc!r}") from exc
            moved = sum(a != b for a, b in zip(before, self._shard_map, strict=True))
            log.info("shard map reloaded", extra={"shards_moved": moved})

    def _start_writer(self, name: str, pool: Any) -> None:
        writer = _DatabaseWriter(
            name,
            pool,
            max_batch=self._max_batch,
            max_queue=self._max_write_queue,
            observe=self._on_batch,
            cut_s=self._write_batch_cut_s,
        )
        writer.start()
        self._writers[name] = writer

    async def _seed_shard_map(self, conn: Connection) -> None:
        if len(self.url.shards) < 1:
            raise StoreUnavailable(
                "a new catalog needs its shard databases: add ?shards=DB1,DB2 to the store URL"
            )
        for name in self.url.shards:
            await conn.execute(
                "INSERT INTO shard_databases(name, url) VALUES ($1, $2)",
                name,
                self.url.database_url(name),
            )
        # Round robin: shard s on database s mod n, so each holds an equal share.
        await conn.executemany(
            "INSERT INTO shard_map(shard, database) VALUES ($1, $2)",
            [(s, self.url.shards[s % len(self.url.shards)]) for s in range(VIRTUAL_SHARDS)],
        )

    async def _pool(self, name: str, url: str) -> Any:
        pool = await asyncpg.create_pool(
            self.url.routed(url),
            min_size=1,
            max_size=4,
            timeout=CONNECT_TIMEOUT_S,
            command_timeout=None,
            reset=_session_kept,
        )
        self._pools[name] = pool
        return pool

    async def close(self) -> None:
        for writer in self._writers.values():
            await writer.stop()
        self._writers.clear()
        await self._close_pools()

    async def _close_pools(self) -> None:
        """Close each pool, waiting (bounded) for its connections to come back: past the
        bound, cancelling asyncpg's close terminates the pool's connections."""
        pools, self._pools = self._pools, {}
        for pool in pools.values():
            try:
                await asyncio.wait_for(pool.close(), POOL_CLOSE_TIMEOUT_S)
            except TimeoutError:
                log.error("a connection pool did not close in time: terminated")

    @property
    def epoch(self) -> str:
        return self._epoch

    def statistics(self) -> StoreStatistics:
        return StoreStatistics(
            write_queue_depth=sum(w.queued() for w in self._writers.values()),
            read_queue_depth=self._reads,
            unreachable_databases=len(self.unreachable),
        )

    def write_delay_s(self) -> float:
        return max((w.oldest_wait_s() for w in self._writers.values()), default=0.0)

    def writer_statistics(self) -> dict[str, tuple[int, int, int]]:
        """Per database: (batches, jobs, largest batch) since open."""
        return {n: (w.batches, w.jobs, w.max_batch_seen) for n, w in self._writers.items()}

    # PostgreSQL has its own backup tools (pg_dump, pg_basebackup, PITR); a second copy
    # format for one of several databases would be neither consistent nor complete.
    NO_BACKUP = (
        "the postgresql: store is backed up with PostgreSQL's own tools "
        "(pg_basebackup and WAL archiving of every database), not pigeon backup"
    )

    async def backup(self, file: Path) -> None:
        raise DataDirRefused(self.NO_BACKUP)

    async def restore(self, file: Path) -> Restored:
        raise DataDirRefused(self.NO_BACKUP)

    # -- plumbing ---------------------------------------------------------------------------

    def database_of(self, conv: str) -> str:
        return self._shard_map[shard_of(conv)]

    async def _write(
        self,
        database: str,
        name: str,
        job: Job[T],
        publish: Callable[[T], None] | None = None,
        conv: str | None = None,
        *,
        lock_key: str | None = None,
        critical: bool = False,
        savepoint: bool = True,
    ) -> T:
        writer = self._writers.get(database)
        if writer is None:
            raise StoreUnavailable("the store is closed")
        return await writer.submit(
            name, job, publish, conv, lock_key=lock_key, critical=critical, savepoint=savepoint
        )

    async def _write_events(
        self, conv: str, name: str, job: Job[Appended], *, savepoint: bool = True
    ) -> Appended:
        def publish(appended: Appended) -> None:
            if appended.event is not None and self.on_commit is not None:
                self.on_commit([appended.event, *appended.also])

        return await self._write_shard(conv, name, job, publish, savepoint=savepoint)

    async def _write_shard(
        self,
        conv: str,
        name: str,
        job: Job[T],
        publish: Callable[[T], None] | None = None,
        *,
        critical: bool = False,
        savepoint: bool = True,
    ) -> T:
        """Write a conversation's rows through the writer of the database the shard map names,
        behind the fence (D43): ``busy`` while its shard moves; after a move this node did
        not hear of, reload the map and write to the new database."""
        shard = shard_of(conv)
        for _ in range(MAP_RELOADS + 1):
            seen = self.map_loads
            try:
                return await self._write(
                    self._shard_map[shard],
                    name,
                    job,
                    publish,
                    conv,
                    critical=critical,
                    savepoint=savepoint,
                )
            except ShardFenced as exc:
                if exc.state == MOVING:
                    break
                await self._reload_map(seen)
        raise RateLimited(SHARD_MOVING_RETRY_MS, ErrorCode.BUSY)

    async def _read_shards(
        self,
        convs: list[str],
        job_for: Callable[[list[str]], Job[T]],
        *,
        gated: bool = False,
    ) -> list[T]:
        """Read conversations' rows, one query per database holding them, at once, each in one
        snapshot with the fence's check (D43); after a move this node did not hear of, reload
        the map and read the new database. ``gated``: the job is one statement that checks
        the fence itself (:func:`read_gate`), so it needs no transaction of its own (D71)."""

        def fenced(part: list[str]) -> Job[T]:
            async def run(conn: Connection) -> T:
                async with conn.transaction(isolation="repeatable_read", readonly=True):
                    await fence_read(conn, sorted({shard_of(c) for c in part}))
                    return await job_for(part)(conn)

            async def run_gated(conn: Connection) -> T:
                try:
                    return await job_for(part)(conn)
                except asyncpg.PostgresError as exc:
                    if exc.sqlstate != _UNREADABLE:
                        raise
                    shard, _, state = str(getattr(exc, "detail", "") or "").partition(" ")
                    raise ShardFenced(int(shard), state or None) from exc

            return run_gated if gated else run

        for _ in range(MAP_RELOADS + 1):
            seen = self.map_loads
            grouped = self._by_database(convs)
            try:
                return list(
                    await asyncio.gather(*(self._read(db, fenced(c)) for db, c in grouped.items()))
                )
            except ShardFenced:
                await self._reload_map(seen)
        raise RateLimited(SHARD_MOVING_RETRY_MS, ErrorCode.BUSY)

    async def _read_shard(self, conv: str, job: Job[T]) -> T:
        [value] = await self._read_shards([conv], lambda _: job)
        return value

    async def _read(self, database: str, job: Job[T]) -> T:
        pool = self._pools.get(database)
        if pool is None:
            raise StoreUnavailable("the store is closed")
        if self._reads >= self._max_read_queue:
            raise RateLimited(100, ErrorCode.BUSY)
        self._reads += 1
        self.queries += 1
        try:
            async with pool.acquire(timeout=CONNECT_TIMEOUT_S) as conn:
                return await asyncio.wait_for(job(conn), READ_TIMEOUT_S)
        except _DATABASE_FAILED as exc:
            raise StoreUnavailable(f"the {database} database failed: {exc!r}") from exc
        finally:
            self._reads -= 1

    # -- accounts (catalog) -----------------------------------------------------------------

    async def create_account(self, handle: str, password_hash: str, now_ms: int) -> None:
        async def job(conn: Connection) -> None:
            done = await conn.execute(
                "INSERT INTO accounts(handle, password_hash, created_ms) VALUES ($1, $2, $3) "
                "ON CONFLICT DO NOTHING",
                handle,
                password_hash,
                now_ms,
            )
            if done.endswith(" 0"):
                raise ProtocolViolation(ErrorCode.CONFLICT, "that handle is taken")

        await self._write(CATALOG, "create_account", job, lock_key=handle)

    async def password_hash(self, handle: str) -> tuple[str, Account] | None:
        async def job(conn: Connection) -> tuple[str, Account] | None:
            row = await conn.fetchrow(
                "SELECT password_hash, disabled FROM accounts WHERE handle = $1", handle
            )
            if row is None:
                return None
            return str(row[0]), Account(handle=handle, disabled=bool(row[1]))

        return await self._read(CATALOG, job)

    async def account_exists(self, handle: str) -> bool:
        async def job(conn: Connection) -> bool:
            row = await conn.fetchval("SELECT 1 FROM accounts WHERE handle = $1", handle)
            return row is not None

        return await self._read(CATALOG, job)

    async def create_token(
        self, token_hash: bytes, handle: str, device: str, now_ms: int, expires_at_ms: int
    ) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "DELETE FROM tokens WHERE handle = $1 AND expires_ms <= $2", handle, now_ms
            )
            await conn.execute(
                "INSERT INTO tokens(token_hash, handle, device, created_ms, expires_ms) "
                "VALUES ($1, $2, $3, $4, $5)",
                token_hash,
                handle,
                device,
                now_ms,
                expires_at_ms,
            )

        await self._write(CATALOG, "create_token", job, lock_key=handle)

    async def device_for_token(self, token_hash: bytes, now_ms: int) -> Device | None:
        async def job(conn: Connection) -> Device | None:
            row = await conn.fetchrow(
                "SELECT t.handle, t.device, t.expires_ms, a.disabled FROM tokens t "
                "JOIN accounts a ON a.handle = t.handle "
                "WHERE t.token_hash = $1 AND t.expires_ms > $2",
                token_hash,
                now_ms,
            )
            if row is None:
                return None
            return Device(handle=row[0], device=row[1], expires_at_ms=row[2], disabled=row[3])

        return await self._read(CATALOG, job)

    async def set_disabled(self, handle: str, disabled: bool) -> bool:
        async def job(conn: Connection) -> bool:
            done = await conn.execute(
                "UPDATE accounts SET disabled = $1 WHERE handle = $2", disabled, handle
            )
            return not done.endswith(" 0")

        return await self._write(CATALOG, "set_disabled", job, lock_key=handle)

    async def revoke_tokens(self, handle: str) -> int:
        async def job(conn: Connection) -> int:
            done = await conn.execute("DELETE FROM tokens WHERE handle = $1", handle)
            return int(done.rsplit(" ", 1)[1])

        return await self._write(CATALOG, "revoke_tokens", job, lock_key=handle)

    async def revoke_token(self, token_hash: bytes) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute("DELETE FROM tokens WHERE token_hash = $1", token_hash)

        await self._write(CATALOG, "revoke_token", job)

    async def remember_device(self, key_hash: bytes, handle: str, device: str, now_ms: int) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "INSERT INTO device_keys(key_hash, handle, device, used_ms) "
                "VALUES ($1, $2, $3, $4) ON CONFLICT (key_hash) DO UPDATE SET "
                "device = excluded.device, used_ms = excluded.used_ms",
                key_hash,
                handle,
                device,
                now_ms,
            )
            await conn.execute(
                "DELETE FROM device_keys WHERE handle = $1 AND key_hash NOT IN ("
                "SELECT key_hash FROM device_keys WHERE handle = $1 "
                "ORDER BY used_ms DESC LIMIT $2)",
                handle,
                MAX_DEVICE_KEYS,
            )

        await self._write(CATALOG, "remember_device", job, lock_key=handle)

    async def is_known_device(self, handle: str, key_hash: bytes) -> bool:
        async def job(conn: Connection) -> bool:
            row = await conn.fetchval(
                "SELECT 1 FROM device_keys WHERE key_hash = $1 AND handle = $2", key_hash, handle
            )
            return row is not None

        return await self._read(CATALOG, job)

    async def check(self) -> None:
        """Raise StoreUnavailable unless this gateway can serve: every writer runs and the
        catalog (every login, hello and membership goes through it) answers a read. A shard
        database that does not answer is logged and kept in :attr:`unreachable` (its
        conversations' requests fail alone, ``unavailable``), not raised: one shard's loss
        must not take every gateway out of its load balancer (D51). After a failed catalog
        batch, a probe write says whether catalog writes commit now (a failover may have
        come and gone since: the failure alone would keep the gateway out until the next
        write)."""
        for name, writer in self._writers.items():
            if not writer.running():
                raise StoreUnavailable(f"the {name} writer is not running")
        if not self._writers:
            raise StoreUnavailable("the store is closed")
        if self._writers[CATALOG].last_error is not None:
            now_ms = int(time.time() * 1000)
            await self._write(CATALOG, "probe_write", lambda conn: _probe_catalog(conn, now_ms))

        async def job(conn: Connection) -> None:
            await conn.fetchval("SELECT 1")

        names = list(self._pools)
        answers = await asyncio.gather(
            *(self._read(name, job) for name in names), return_exceptions=True
        )
        unreachable = set()
        for name, answer in zip(names, answers, strict=True):
            if isinstance(answer, BaseException) and not isinstance(answer, Exception):
                raise answer  # a cancellation
            if isinstance(answer, Exception):
                if name == CATALOG:
                    raise answer
                unreachable.add(name)
                if name not in self.unreachable:  # the transition, not every check
                    log.error(
                        "shard database unreachable",
                        extra={"database": name, "error": repr(answer)},
                    )
            elif name in self.unreachable:
                log.info("shard database reachable again", extra={"database": name})
        self.unreachable = frozenset(unreachable)

    # -- limits shared by every gateway, and the admin credential (D42) ----------------------

    async def take_tokens(
        self,
        key: str,
        want: int,
        *,
        rate_per_s: float,
        burst: float,
        now_ms: int | None = None,
    ) -> int:
        """One autocommit upsert on the unlogged ``rate_buckets``: it writes no WAL, so its
        commit waits for no flush, and it needs no place in the group commit. Refill, grant
        and the new level are one expression over the old row, so concurrent calls from
        several gateways serialize on the row lock and never grant a token twice. Without
        ``now_ms`` the catalog database's clock dates the call, so gateways' clocks do not
        matter (EXCLUDED.updated_ms is that time in the update)."""

        async def job(conn: Connection) -> int:
            granted = await conn.fetchval(
                "INSERT INTO rate_buckets AS b (key, tokens, updated_ms, granted) "
                "VALUES ($1, $3::float8 - least($2::integer, floor($3::float8)), "
                f"        coalesce($5::bigint, {DATABASE_NOW_MS}), "
                "        least($2::integer, floor($3::float8))) "
                "ON CONFLICT (key) DO UPDATE SET "
                "  granted = greatest(0, least($2, floor(least($3, b.tokens "
                "      + greatest(0, EXCLUDED.updated_ms - b.updated_ms) * $4::float8 / 1e3)))), "
                "  tokens = least($3, b.tokens "
                "      + greatest(0, EXCLUDED.updated_ms - b.updated_ms) * $4 / 1000.0) "
                "      - greatest(0, least($2, floor(least($3, b.tokens "
                "      + greatest(0, EXCLUDED.updated_ms - b.updated_ms) * $4 / 1000.0)))), "
                "  updated_ms = greatest(b.updated_ms, EXCLUDED.updated_ms) "
                "RETURNING granted",
                key,
                want,
                burst,
                rate_per_s,
                now_ms,
            )
            self._takes += 1
            if self._takes % PRUNE_BUCKETS_EVERY == 0:  # a missing row is a full bucket
                await conn.execute(
                    "DELETE FROM rate_buckets "
                    f"WHERE updated_ms < coalesce($1::bigint, {DATABASE_NOW_MS}) - $2::bigint",
                    now_ms,
                    BUCKET_IDLE_MS,
                )
            return int(granted)

        return await self._read(CATALOG, job)

    async def give_back_tokens(self, key: str, count: int, *, burst: float) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "UPDATE rate_buckets SET tokens = least($3::float8, tokens + $2::integer) "
                "WHERE key = $1",
                key,
                count,
                burst,
            )

        await self._read(CATALOG, job)

    async def admin_token_hash(self) -> bytes | None:
        async def job(conn: Connection) -> bytes | None:
            value = await conn.fetchval("SELECT value FROM meta WHERE key = $1", ADMIN_TOKEN_KEY)
            return bytes.fromhex(value) if value is not None else None

        return await self._read(CATALOG, job)

    async def claim_admin_token(self, token_hash: bytes) -> bytes:
        async def job(conn: Connection) -> bytes:
            await conn.execute(
                "INSERT INTO meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
                ADMIN_TOKEN_KEY,
                token_hash.hex(),
            )
            value = await conn.fetchval("SELECT value FROM meta WHERE key = $1", ADMIN_TOKEN_KEY)
            return bytes.fromhex(value)

        return await self._write(CATALOG, "claim_admin_token", job)

    async def set_admin_token(self, token_hash: bytes) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "INSERT INTO meta(key, value) VALUES ($1, $2) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                ADMIN_TOKEN_KEY,
                token_hash.hex(),
            )

        await self._write(CATALOG, "set_admin_token", job)

    async def probe_write(self, now_ms: int) -> None:
        """Commit a tiny write through every database's writer, as every write goes."""

        async def catalog_job(conn: Connection) -> None:
            await _probe_catalog(conn, now_ms)

        async def shard_job(conn: Connection) -> None:
            await conn.execute("SELECT pg_current_xact_id()")  # assigns a transaction id

        await asyncio.gather(
            *(
                self._write(name, "probe_write", catalog_job if name == CATALOG else shard_job)
                for name in self._writers
            )
        )

    # -- the catalog's side of membership ---------------------------------------------------

    async def _reserve(self, actor: str, joiners: Iterable[str], conv: str) -> None:
        """In the catalog: check each joiner exists, has room and does not block ``actor``,
        then count the conversation in their totals and index it under them. Undone by
        :meth:`_release` if the shard's transaction does not commit. Rows are locked in
        handle order, as every batch takes them."""
        joiners = sorted(joiners)

        async def job(conn: Connection) -> None:
            for joiner in joiners:
                count = await conn.fetchval(
                    "SELECT conversations FROM accounts WHERE handle = $1 FOR UPDATE", joiner
                )
                if count is None:
                    raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
                blocks_actor = joiner != actor and (
                    await conn.fetchval(
                        "SELECT 1 FROM blocks WHERE blocker = $1 AND blocked = $2", joiner, actor
                    )
                    is not None
                )
                rules.check_joiner(
                    actor, joiner, conversations=int(count), blocks_actor=blocks_actor
                )
            await conn.executemany(
                "UPDATE accounts SET conversations = conversations + 1 WHERE handle = $1",
                [(j,) for j in joiners],
            )
            await conn.executemany(
                "INSERT INTO memberships(handle, conv) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                [(j, conv) for j in joiners],
            )

        await self._write(
            CATALOG, "reserve_membership", job, lock_key=joiners[0] if joiners else ""
        )

    async def _release(self, handles: Iterable[str], conv: str, *, unindex: bool = True) -> None:
        """Uncount the conversation in the users' totals and, with ``unindex``, drop it
        from their index. Rows are locked in handle order, as every batch takes them."""
        handles = sorted(handles)

        async def job(conn: Connection) -> None:
            await conn.executemany(
                "UPDATE accounts SET conversations = conversations - 1 WHERE handle = $1",
                [(h,) for h in handles],
            )
            if unindex:
                await conn.executemany(
                    "DELETE FROM memberships WHERE handle = $1 AND conv = $2",
                    [(h, conv) for h in handles],
                )

        await self._write(
            CATALOG, "release_membership", job, lock_key=handles[0] if handles else ""
        )

    async def _reserved(
        self, actor: str, joiners: list[str], conv: str, shard_write: Callable[[], Awaitable[T]]
    ) -> T:
        """Reserve in the catalog, then write the shard; release if the shard refuses or
        fails (a crash in between leaves an index row reads filter out, and a count one high
        until the user leaves a conversation)."""
        await self._reserve(actor, joiners, conv)
        try:
            return await shard_write()
        except BaseException:
            await asyncio.shield(self._release(joiners, conv))
            raise

    # -- conversations ----------------------------------------------------------------------

    async def create_direct(self, me: str, peer: str, now_ms: int) -> tuple[Appended, bool]:
        rules.check_direct_peer(me, peer, await self.account_exists(peer))
        key = rules.direct_key(me, peer).encode()  # bytea: the key holds a NUL
        new_conv = rules.new_conversation_id()

        async def claim(conn: Connection) -> str:
            await conn.execute(
                "INSERT INTO directs(direct_key, conv) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                key,
                new_conv,
            )
            return str(await conn.fetchval("SELECT conv FROM directs WHERE direct_key = $1", key))

        existing = await self._read(
            CATALOG,
            lambda conn: conn.fetchval("SELECT conv FROM directs WHERE direct_key = $1", key),
        )
        if existing is not None:
            created = await self._event_at_read(existing, 1)
            if created is not None:
                return Appended(_result_of(created), None), False
        members = tuple(sorted((me, peer)))
        conv = existing or new_conv

        async def shard_write() -> Appended:
            return await self._write_events(conv, "create_direct", create)

        async def create(conn: Connection) -> Appended:
            created = await _event_at(conn, conv, 1)
            if created is not None:  # another gateway won the race
                return Appended(_result_of(created), None)
            await conn.execute(
                "INSERT INTO conversations(id, shard, kind, created_ms) VALUES ($1, $2, $3, $4)",
                conv,
                shard_of(conv),
                ConversationKind.DIRECT.value,
                now_ms,
            )
            event = await _append_event(
                conn, conv, EventKind.CREATED, sender=me, ts=now_ms, members=members
            )
            await _add_members(conn, conv, [(m, Role.MEMBER) for m in members], event.seq)
            return Appended(_result_of(event), event)

        # The pair is claimed first, so two gateways creating it at once agree on one id.
        claimed = await self._write(CATALOG, "claim_direct", claim)
        if claimed != conv:
            conv = claimed
            created = await self._event_at_read(conv, 1)
            if created is not None:
                return Appended(_result_of(created), None), False
        appended = await self._reserved(me, [me, peer], conv, shard_write)
        if appended.event is None:  # another gateway created it meanwhile: undo our count
            await self._release([me, peer], conv, unindex=False)
        return appended, appended.event is not None

    async def create_group(
        self, owner: str, title: str, members: list[str], now_ms: int
    ) -> Appended:
        others = sorted(set(members) - {owner})
        rules.check_group(title, others)
        conv = rules.new_conversation_id()

        async def create(conn: Connection) -> Appended:
            await conn.execute(
                "INSERT INTO conversations(id, shard, kind, title, created_ms) "
                "VALUES ($1, $2, $3, $4, $5)",
                conv,
                shard_of(conv),
                ConversationKind.GROUP.value,
                title,
                now_ms,
            )
            event = await _append_event(
                conn,
                conv,
                EventKind.CREATED,
                sender=owner,
                ts=now_ms,
                members=(owner, *others),
                title=title,
            )
            await _add_members(
                conn, conv, [(owner, Role.OWNER)] + [(m, Role.MEMBER) for m in others], event.seq
            )
            return Appended(_result_of(event), event)

        async def shard_write() -> Appended:
            return await self._write_events(conv, "create_group", create)

        return await self._reserved(owner, [owner, *others], conv, shard_write)

    async def change_member(
        self, actor: str, conv: str, target: str, *, adding: bool, now_ms: int
    ) -> Appended:
        target_exists = await self.account_exists(target)

        async def check(conn: Connection, *, lock: bool = True) -> Role | None:
            kind = await conn.fetchval(
                "SELECT kind FROM conversations WHERE id = $1" + (" FOR UPDATE" if lock else ""),
                conv,
            )
            actor_role = await _role(conn, conv, actor)
            rules.require_member(actor_role)
            count = await conn.fetchval("SELECT count(*) FROM members WHERE conv = $1", conv)
            target_role = await _role(conn, conv, target)
            rules.check_membership_change(
                ConversationKind(kind),
                actor_role,
                actor=actor,
                target=target,
                target_role=target_role,
                target_exists=target_exists,
                adding=adding,
                member_count=int(count),
            )
            return target_role

        async def add(conn: Connection) -> Appended:
            await check(conn)
            event = await _append_event(
                conn, conv, EventKind.MEMBER_ADDED, sender=actor, ts=now_ms, members=(target,)
            )
            await _add_members(conn, conv, [(target, Role.MEMBER)], event.seq)
            return Appended(_result_of(event), event)

        async def remove(conn: Connection) -> Appended:
            target_role = await check(conn)
            assert target_role is not None
            await conn.execute("DELETE FROM members WHERE conv = $1 AND handle = $2", conv, target)
            event = await _append_event(
                conn, conv, EventKind.MEMBER_REMOVED, sender=actor, ts=now_ms, members=(target,)
            )
            owners_left = await conn.fetchval(
                "SELECT count(*) FROM members WHERE conv = $1 AND role = $2",
                conv,
                Role.OWNER.value,
            )
            joined = await conn.fetch(
                "SELECT joined_seq, handle FROM members WHERE conv = $1", conv
            )
            successor = rules.next_owner(
                target_role, int(owners_left), ((r[0], r[1]) for r in joined)
            )
            if successor is None:
                return Appended(_result_of(event), event)
            await conn.execute(
                "UPDATE members SET role = $1 WHERE conv = $2 AND handle = $3",
                Role.OWNER.value,
                conv,
                successor,
            )
            promoted = await _append_event(
                conn, conv, EventKind.OWNER_CHANGED, sender=actor, ts=now_ms, members=(successor,)
            )
            return Appended(_result_of(event), event, (promoted,))

        if not adding:
            removed = await self._write_events(conv, "change_member", remove)
            await self._release([target], conv)  # after the shard: the index stays a superset
            return removed
        # Refuse what the shard would refuse before reserving anything in the catalog.
        await self._read_shard(conv, lambda conn: check(conn, lock=False))

        async def shard_write() -> Appended:
            return await self._write_events(conv, "change_member", add)

        return await self._reserved(actor, [target], conv, shard_write)

    async def append(
        self,
        sender: str,
        conv: str,
        kind: EventKind,
        *,
        client_msg_id: str,
        body: str | None,
        meta: MessageMeta | None,
        target_seq: int | None,
        now_ms: int,
    ) -> Appended:
        meta_json = encode_json(meta).decode() if meta is not None else None

        async def message(conn: Connection) -> Appended:
            # Without a target: one call of the shard's pigeon_append (schema 6), the lock,
            # the role, an earlier event with this client id and the insert, no savepoint.
            for _ in range(DEADLOCK_RETRIES):
                row = await conn.fetchrow(
                    "SELECT * FROM pigeon_append($1, $2, $3, $4, $5, $6, $7, $8)",
                    conv,
                    kind.value,
                    sender,
                    now_ms,
                    client_msg_id,
                    body,
                    meta_json,
                    shard_of(conv),
                )
                if not row[2]:  # o_retry: a deadlock or a concurrent duplicate rolled it back
                    break
                log.warning("retry pigeon_append", extra={"database": self.database_of(conv)})
            else:
                raise StoreUnavailable(f"append: {DEADLOCK_RETRIES} tries rolled back")
            role, seq, _, *earlier = tuple(row)
            rules.require_member(Role(role) if role is not None else None)
            if earlier[1] is not None:
                result = original_ack(
                    row_to_event(tuple(earlier)), kind=kind, body=body, meta=meta, target_seq=None
                )
                return Appended(result, None)
            event = Event(
                conv=conv,
                seq=int(seq),
                kind=kind,
                sender=sender,
                ts=now_ms,
                client_msg_id=client_msg_id,
                body=body,
                meta=meta,
            )
            return Appended(_result_of(event), event)

        if target_seq is None:  # a message: one round trip (D71)
            return await self._write_events(conv, "append", message, savepoint=False)

        async def job(conn: Connection) -> Appended:
            # The conversation's row first, as change_member takes it: in READ COMMITTED a
            # statement reads what was committed when it began, so a role read before this
            # lock could miss a removal committed while the send waited for it, and the send
            # would follow its sender's removal in the log.
            await conn.execute("SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE", conv)
            # The sender's role and an earlier event with this client id, in one round trip.
            row = await conn.fetchrow(
                f"SELECT m.role, {_PREFIXED_EVENT_COLUMNS} FROM (SELECT 1) one "
                "LEFT JOIN members m ON m.conv = $1 AND m.handle = $2 "
                "LEFT JOIN events e ON e.conv = $1 AND e.sender = $2 AND e.client_msg_id = $3",
                conv,
                sender,
                client_msg_id,
            )
            rules.require_member(Role(row[0]) if row[0] is not None else None)
            if row[2] is not None:
                result = original_ack(
                    row_to_event(tuple(row)[1:]),
                    kind=kind,
                    body=body,
                    meta=meta,
                    target_seq=target_seq,
                )
                return Appended(result, None)
            if target_seq is not None:
                deleted = await conn.fetchval(
                    "SELECT 1 FROM events WHERE conv = $1 AND target_seq = $2 AND kind = 'delete'",
                    conv,
                    target_seq,
                )
                rules.check_edit_target(
                    sender,
                    await _event_at(conn, conv, target_seq),
                    kind,
                    deleted=deleted is not None,
                )
            event = await _append_event(
                conn,
                conv,
                kind,
                sender=sender,
                ts=now_ms,
                client_msg_id=client_msg_id,
                body=body,
                meta=meta,
                target_seq=target_seq,
            )
            return Appended(_result_of(event), event)

        return await self._write_events(conv, "append", job)

    async def _event_at_read(self, conv: str, seq: int) -> Event | None:
        return await self._read_shard(conv, lambda conn: _event_at(conn, conv, seq))

    async def read_page(
        self, user: str, conv: str, *, after: int | None, before: int | None, limit: int
    ) -> LogPage:
        async def job(conn: Connection) -> LogPage:
            # One snapshot (_read_shards' transaction): the rows and last_seq agree.
            # The reader's role and the log's end in one round trip (D71).
            row = await conn.fetchrow(
                "SELECT m.role, c.last_seq FROM members m JOIN conversations c ON c.id = m.conv "
                "WHERE m.conv = $1 AND m.handle = $2",
                conv,
                user,
            )
            rules.require_member(Role(row[0]) if row is not None else None)
            last_seq = int(row[1])
            first, last, more = page_window(last_seq, after=after, before=before, limit=limit)
            rows = await conn.fetch(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE conv = $1 "
                "AND seq BETWEEN $2 AND $3 ORDER BY seq",
                conv,
                first,
                last,
            )
            return LogPage([row_to_event(tuple(r)) for r in rows], more, last_seq)

        return await self._read_shard(conv, job)

    async def events_after(self, conv: str, after: int, limit: int) -> list[Event]:
        async def job(conn: Connection) -> list[Event]:
            rows = await conn.fetch(
                f"SELECT {EVENT_COLUMNS} FROM events "
                "WHERE pigeon_readable($4::int[], $5::text[]) AND conv = $1 AND seq > $2 "
                "ORDER BY seq LIMIT $3",
                conv,
                after,
                max(limit, 1),  # LIMIT 0 would skip the gate: the caller gets no events anyway
                *read_gate([conv]),
            )
            return [row_to_event(tuple(r)) for r in rows[: max(limit, 0)]]

        [events] = await self._read_shards([conv], lambda _: job, gated=True)
        return events

    async def mark_read(self, user: str, conv: str, seq: int) -> int:
        async def job(conn: Connection) -> int:
            row = await conn.fetchrow(
                "SELECT m.read_seq, c.last_seq FROM members m "
                "JOIN conversations c ON c.id = m.conv WHERE m.conv = $1 AND m.handle = $2 "
                "FOR UPDATE OF m",
                conv,
                user,
            )
            if row is None:
                raise ProtocolViolation(ErrorCode.NOT_FOUND)
            position = merge_position(row[0], seq, row[1])
            if position != row[0]:
                await conn.execute(
                    "UPDATE members SET read_seq = $1 WHERE conv = $2 AND handle = $3",
                    position,
                    conv,
                    user,
                )
            return int(position)

        # Critical (D55): a read marker never waits behind a backlog of sends. No savepoint
        # (D71): it raises only before its one write, so two round trips fewer on its way.
        return await self._write_shard(conv, "mark_read", job, critical=True, savepoint=False)

    async def _indexed(self, user: str, after: str | None, limit: int | None) -> list[str]:
        """The user's conversation ids from the catalog index (a superset), in id order."""

        async def job(conn: Connection) -> list[str]:
            rows = await conn.fetch(
                "SELECT conv FROM memberships WHERE handle = $1 AND conv > $2 "
                "ORDER BY conv LIMIT $3",
                user,
                after or "",
                limit,
            )
            return [str(r[0]) for r in rows]

        return await self._read(CATALOG, job)

    def _by_database(self, convs: Iterable[str]) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for conv in convs:
            grouped.setdefault(self.database_of(conv), []).append(conv)
        return grouped

    async def conversations(self, user: str, *, after: str | None, limit: int) -> ConversationPage:
        """One catalog query, then one query per database holding part of the page, at once.
        The index is a superset, so it is read in rounds until the page is full of real
        memberships (one round unless a crash left stale rows)."""
        out: list[ConversationSummary] = []
        cursor = after
        while True:
            want = limit + 1 - len(out)
            ids = await self._indexed(user, cursor, want)
            found = await self._read_shards(ids, lambda convs: _summaries_job(user, convs))
            summaries = {s.conv: s for part in found for s in part}
            out.extend(summaries[c] for c in ids if c in summaries)
            if len(ids) < want or len(out) > limit:
                break
            cursor = ids[-1]
        more = len(out) > limit
        out = out[:limit]
        return ConversationPage(out, out[-1].conv if more and out else None)

    async def last_seqs(self, user: str) -> dict[str, int]:
        """One catalog query, then one per database holding the user's conversations, at
        once: 1 + min(databases, conversations) queries, whatever the number of either."""
        indexed = await self._indexed(user, None, None)

        def job(convs: list[str]) -> Job[dict[str, int]]:
            async def run(conn: Connection) -> dict[str, int]:
                rows = await conn.fetch(
                    "SELECT c.id, c.last_seq FROM members m "
                    "JOIN conversations c ON c.id = m.conv "
                    "WHERE pigeon_readable($3::int[], $4::text[]) "
                    "AND m.handle = $1 AND m.conv = ANY($2::text[])",
                    user,
                    convs,
                    *read_gate(convs),
                )
                return {str(r[0]): int(r[1]) for r in rows}

            return run

        parts = await self._read_shards(indexed, job, gated=True)
        return {conv: seq for part in parts for conv, seq in part.items()}

    async def members(self, user: str, conv: str) -> list[str]:
        async def job(conn: Connection) -> list[str]:
            rules.require_member(await _role(conn, conv, user))
            rows = await conn.fetch(
                "SELECT handle FROM members WHERE conv = $1 ORDER BY handle", conv
            )
            return [str(r[0]) for r in rows]

        return await self._read_shard(conv, job)

    # -- blocks (catalog) -------------------------------------------------------------------

    async def block(self, user: str, target: str, now_ms: int) -> None:
        async def job(conn: Connection) -> None:
            exists = await conn.fetchval("SELECT 1 FROM accounts WHERE handle = $1", target)
            await conn.fetchval(
                "SELECT 1 FROM accounts WHERE handle = $1 FOR UPDATE", user
            )  # one block at a time per user: the count below stays true
            count = await conn.fetchval("SELECT count(*) FROM blocks WHERE blocker = $1", user)
            already = await conn.fetchval(
                "SELECT 1 FROM blocks WHERE blocker = $1 AND blocked = $2", user, target
            )
            rules.check_block(
                user,
                target,
                target_exists=exists is not None,
                blocks=int(count) - (already is not None),
            )
            await conn.execute(
                "INSERT INTO blocks(blocker, blocked, created_ms) VALUES ($1, $2, $3) "
                "ON CONFLICT DO NOTHING",
                user,
                target,
                now_ms,
            )

        await self._write(CATALOG, "block", job, lock_key=user)

    async def unblock(self, user: str, target: str) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "DELETE FROM blocks WHERE blocker = $1 AND blocked = $2", user, target
            )

        await self._write(CATALOG, "unblock", job, lock_key=user)

    async def blocks(self, user: str) -> list[str]:
        async def job(conn: Connection) -> list[str]:
            rows = await conn.fetch(
                "SELECT blocked FROM blocks WHERE blocker = $1 ORDER BY blocked", user
            )
            return [str(r[0]) for r in rows]

        return await self._read(CATALOG, job)

    # -- helpers that run inside a transaction ---------------------------------------------------

    # -- the outbox (shards) and webhooks (catalog), D48 ------------------------------------
    # Relays run these on their own pooled connections, never through the writers: claiming
    # with FOR UPDATE SKIP LOCKED lets the relays of every gateway share the work.

    async def _relay(self, database: str, job: Job[T]) -> T:
        pool = self._pools.get(database)
        if pool is None:
            raise StoreUnavailable("the store is closed")
        try:
            async with pool.acquire(timeout=CONNECT_TIMEOUT_S) as conn:

                async def transaction() -> T:
                    async with conn.transaction():
                        return await job(conn)

                return await asyncio.wait_for(transaction(), READ_TIMEOUT_S)
        except _DATABASE_FAILED as exc:
            raise StoreUnavailable(f"the {database} database failed: {exc!r}") from exc

    async def claim_outbox(self, now_ms: int, *, lease_ms: int, limit: int) -> list[OutboxRecord]:
        async def claim(conn: Connection) -> list[OutboxRecord]:
            rows = await conn.fetch(
                "WITH claimed AS (SELECT conv, seq FROM outbox WHERE leased_until_ms <= $1 "
                "AND shard IN (SELECT shard FROM shard_owner WHERE state = $4) "
                "ORDER BY created_ms LIMIT $3 FOR UPDATE SKIP LOCKED) "
                "UPDATE outbox o SET leased_until_ms = $2 FROM claimed c "
                "WHERE o.conv = c.conv AND o.seq = c.seq RETURNING o.conv, o.seq, o.created_ms",
                now_ms,
                now_ms + lease_ms,
                limit,
                OWNED,
            )
            if not rows:
                return []
            convs = sorted({str(r[0]) for r in rows})
            events = {
                (e.conv, e.seq): e
                for e in (
                    row_to_event(tuple(r))
                    for r in await conn.fetch(
                        f"SELECT {EVENT_COLUMNS} FROM events WHERE (conv, seq) IN "
                        "(SELECT * FROM unnest($1::text[], $2::bigint[]))",
                        [str(r[0]) for r in rows],
                        [int(r[1]) for r in rows],
                    )
                )
            }
            members: dict[str, list[str]] = {}
            for r in await conn.fetch(
                "SELECT conv, handle FROM members WHERE conv = ANY($1::text[]) "
                "ORDER BY conv, handle",
                convs,
            ):
                members.setdefault(str(r[0]), []).append(str(r[1]))
            return [
                OutboxRecord(
                    events[(str(r[0]), int(r[1]))],
                    tuple(members.get(str(r[0]), ())),
                    int(r[2]),
                )
                for r in sorted(rows, key=lambda r: (r[2], r[0], r[1]))
                if (str(r[0]), int(r[1])) in events
            ]

        parts = await asyncio.gather(
            *(self._relay(db, claim) for db in sorted(set(self._shard_map)))
        )
        return sorted((r for part in parts for r in part), key=lambda r: r.created_ms)

    async def finish_outbox(
        self,
        records: list[OutboxRecord],
        deliveries: list[NewDelivery],
        notifications: Sequence[NewNotification] = (),
    ) -> None:
        # Deliveries and notifications first: a crash before the outbox rows go only makes a
        # relay queue them again, the unique (webhook, event_id) keeps each delivery once,
        # and a notification merges into itself.
        if deliveries or notifications:

            async def queue(conn: Connection) -> None:
                await conn.execute(
                    "INSERT INTO notifications(handle, conv, seq, due_ms) "
                    "SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) "
                    "ORDER BY 1, 2 "  # rows lock in one order: two relays cannot deadlock
                    "ON CONFLICT (handle, conv) DO UPDATE SET "
                    "seq = greatest(notifications.seq, excluded.seq), "
                    "due_ms = least(notifications.due_ms, excluded.due_ms)",
                    [n.user for n in notifications],
                    [n.conv for n in notifications],
                    [n.seq for n in notifications],
                    [n.due_ms for n in notifications],
                )
                await conn.execute(
                    "INSERT INTO deliveries(webhook, event_id, payload, state, created_ms, "
                    "next_ms) SELECT d.webhook, d.event_id, d.payload, 'pending', d.due, d.due "
                    "FROM unnest($1::text[], $2::text[], $3::bytea[], $4::bigint[]) "
                    "WITH ORDINALITY AS d(webhook, event_id, payload, due, n) "
                    "JOIN webhooks w ON w.id = d.webhook ORDER BY d.n "  # ids in queue order
                    "ON CONFLICT (webhook, event_id) DO NOTHING",
                    [d.webhook for d in deliveries],
                    [d.event_id for d in deliveries],
                    [d.payload for d in deliveries],
                    [d.due_ms for d in deliveries],
                )

            await self._relay(CATALOG, queue)
        by_database: dict[str, list[OutboxRecord]] = {}
        for record in records:
            by_database.setdefault(self.database_of(record.event.conv), []).append(record)

        def drop(part: list[OutboxRecord]) -> Job[None]:
            async def run(conn: Connection) -> None:
                await conn.execute(
                    "DELETE FROM outbox WHERE (conv, seq) IN "
                    "(SELECT * FROM unnest($1::text[], $2::bigint[]))",
                    [r.event.conv for r in part],
                    [r.event.seq for r in part],
                )

            return run

        await asyncio.gather(*(self._relay(db, drop(part)) for db, part in by_database.items()))

    async def outbox_oldest_ms(self) -> int | None:
        async def oldest(conn: Connection) -> int | None:
            value = await conn.fetchval("SELECT min(created_ms) FROM outbox")
            return int(value) if value is not None else None

        found = await asyncio.gather(
            *(self._read(db, oldest) for db in sorted(set(self._shard_map)))
        )
        return min((f for f in found if f is not None), default=None)

    async def create_webhook(self, webhook: Webhook) -> None:
        if webhook.conv is not None:
            conv = webhook.conv

            async def member(conn: Connection) -> Role | None:
                return await _role(conn, conv, webhook.owner)

            if await self._read_shard(conv, member) is None:
                raise ProtocolViolation(ErrorCode.NOT_FOUND)

        async def job(conn: Connection) -> None:
            count = await conn.fetchval(
                "SELECT count(*) FROM webhooks WHERE owner = $1", webhook.owner
            )
            if count >= MAX_WEBHOOKS_PER_USER:
                raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many webhooks")
            await conn.execute(
                f"INSERT INTO webhooks({WEBHOOK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                *webhook_row(webhook),
            )

        await self._write(CATALOG, "create_webhook", job, lock_key=webhook.owner)

    async def webhooks(self, owner: str) -> list[Webhook]:
        async def job(conn: Connection) -> list[Webhook]:
            rows = await conn.fetch(
                f"SELECT {WEBHOOK_COLUMNS} FROM webhooks WHERE owner = $1 ORDER BY created_ms, id",
                owner,
            )
            return [row_to_webhook(tuple(r)) for r in rows]

        return await self._read(CATALOG, job)

    async def delete_webhook(self, owner: str, webhook: str) -> None:
        async def job(conn: Connection) -> None:
            done = await conn.execute(
                "DELETE FROM webhooks WHERE id = $1 AND owner = $2", webhook, owner
            )
            if done.endswith(" 0"):
                raise ProtocolViolation(ErrorCode.NOT_FOUND)

        await self._write(CATALOG, "delete_webhook", job, lock_key=owner)

    async def rotate_webhook_secret(
        self, owner: str, webhook: str, secret: str, *, previous_until_ms: int
    ) -> Webhook:
        async def job(conn: Connection) -> Webhook:
            row = await conn.fetchrow(
                "UPDATE webhooks SET previous_secret = secret, secret = $1, "
                f"previous_until_ms = $2 WHERE id = $3 AND owner = $4 "
                f"RETURNING {WEBHOOK_COLUMNS}",
                secret,
                previous_until_ms,
                webhook,
                owner,
            )
            if row is None:
                raise ProtocolViolation(ErrorCode.NOT_FOUND)
            return row_to_webhook(tuple(row))

        return await self._write(CATALOG, "rotate_webhook_secret", job, lock_key=owner)

    async def webhooks_of(self, owners: list[str]) -> list[Webhook]:
        async def job(conn: Connection) -> list[Webhook]:
            rows = await conn.fetch(
                f"SELECT {WEBHOOK_COLUMNS} FROM webhooks WHERE owner = ANY($1::text[]) ORDER BY id",
                owners,
            )
            return [row_to_webhook(tuple(r)) for r in rows]

        return await self._read(CATALOG, job)

    async def claim_deliveries(
        self,
        now_ms: int,
        *,
        lease_ms: int,
        limit: int,
        per_webhook: int,
        skip: frozenset[str] = frozenset(),
    ) -> list[Delivery]:
        async def job(conn: Connection) -> list[Delivery]:
            # Window functions cannot take row locks: rank the due deliveries first, then
            # lock the chosen ones, skipping those another relay holds.
            rows = await conn.fetch(
                "WITH ranked AS (SELECT id, next_ms, row_number() OVER (PARTITION BY webhook "
                "ORDER BY next_ms, id) AS nth FROM deliveries WHERE state = 'pending' "
                "AND next_ms <= $1 AND NOT (webhook = ANY($5::text[]))), "
                "chosen AS (SELECT d.id FROM deliveries d JOIN ranked r "
                "ON r.id = d.id WHERE r.nth <= $3 AND d.state = 'pending' AND d.next_ms <= $1 "
                "ORDER BY r.next_ms, r.id LIMIT $4 FOR UPDATE OF d SKIP LOCKED) "
                "UPDATE deliveries d SET next_ms = $2 FROM chosen c WHERE d.id = c.id "
                "RETURNING d.id",
                now_ms,
                now_ms + lease_ms,
                per_webhook,
                limit,
                sorted(skip),
            )
            if not rows:
                return []
            found = await conn.fetch(
                f"SELECT {DELIVERY_COLUMNS} FROM deliveries d JOIN webhooks w "
                "ON w.id = d.webhook WHERE d.id = ANY($1::bigint[]) ORDER BY d.id",
                [int(r[0]) for r in rows],
            )
            # What was due, as it was when claimed (next_ms is the lease now).
            return [replace(row_to_delivery(tuple(r)), next_ms=now_ms) for r in found]

        return await self._relay(CATALOG, job)

    async def finish_delivery(
        self, delivery: int, *, now_ms: int, state: DeliveryState, next_ms: int, error: str | None
    ) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "UPDATE deliveries SET state = $1, attempts = attempts + 1, next_ms = $2, "
                "last_error = $3 WHERE id = $4",
                state.value,
                next_ms,
                error,
                delivery,
            )

        await self._relay(CATALOG, job)

    async def deliveries(self, state: DeliveryState | None, *, limit: int) -> list[Delivery]:
        async def job(conn: Connection) -> list[Delivery]:
            rows = await conn.fetch(
                f"SELECT {DELIVERY_COLUMNS} FROM deliveries d JOIN webhooks w "
                "ON w.id = d.webhook WHERE $1::text IS NULL OR d.state = $1 "
                "ORDER BY d.id DESC LIMIT $2",
                state.value if state is not None else None,
                limit,
            )
            return [row_to_delivery(tuple(r)) for r in rows]

        return await self._read(CATALOG, job)

    async def replay_deliveries(self, ids: list[int] | None, now_ms: int) -> int:
        async def job(conn: Connection) -> int:
            done = await conn.execute(
                "UPDATE deliveries SET state = 'pending', attempts = 0, created_ms = $1, "
                "next_ms = $1 WHERE CASE WHEN $2::bigint[] IS NULL THEN state = 'dead' "
                "ELSE id = ANY($2::bigint[]) END",
                now_ms,
                ids,
            )
            return int(done.rsplit(" ", 1)[1])

        return await self._relay(CATALOG, job)

    # -- offline notifications (D50) --------------------------------------------------------

    async def create_push_subscription(self, subscription: PushSubscription) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "DELETE FROM push_subscriptions WHERE (owner = $1 AND device = $2) "
                "OR endpoint = $3",
                subscription.owner,
                subscription.device,
                subscription.endpoint,
            )
            count = await conn.fetchval(
                "SELECT count(*) FROM push_subscriptions WHERE owner = $1", subscription.owner
            )
            if count >= MAX_SUBSCRIPTIONS_PER_USER:
                raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many push subscriptions")
            await conn.execute(
                f"INSERT INTO push_subscriptions({SUBSCRIPTION_COLUMNS}) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                *subscription_row(subscription),
            )

        await self._write(CATALOG, "create_push_subscription", job, lock_key=subscription.owner)

    async def push_subscriptions(self, owner: str) -> list[PushSubscription]:
        async def job(conn: Connection) -> list[PushSubscription]:
            rows = await conn.fetch(
                f"SELECT {SUBSCRIPTION_COLUMNS} FROM push_subscriptions WHERE owner = $1 "
                "ORDER BY created_ms, id",
                owner,
            )
            return [PushSubscription(*r) for r in rows]

        return await self._read(CATALOG, job)

    async def delete_push_subscription(self, owner: str, subscription: str) -> None:
        async def job(conn: Connection) -> None:
            done = await conn.execute(
                "DELETE FROM push_subscriptions WHERE id = $1 AND owner = $2", subscription, owner
            )
            if done.endswith(" 0"):
                raise ProtocolViolation(ErrorCode.NOT_FOUND)

        await self._write(CATALOG, "delete_push_subscription", job, lock_key=owner)

    async def delete_push_subscriptions(self, owner: str, device: str | None) -> int:
        async def job(conn: Connection) -> int:
            done = await conn.execute(
                "DELETE FROM push_subscriptions WHERE owner = $1 "
                "AND ($2::text IS NULL OR device = $2)",
                owner,
                device,
            )
            return int(done.split()[-1])

        return await self._write(CATALOG, "delete_push_subscriptions", job, lock_key=owner)

    async def push_subscriptions_of(self, owners: list[str]) -> list[PushSubscription]:
        async def job(conn: Connection) -> list[PushSubscription]:
            rows = await conn.fetch(
                f"SELECT {SUBSCRIPTION_COLUMNS} FROM push_subscriptions "
                "WHERE owner = ANY($1::text[]) ORDER BY id",
                owners,
            )
            return [PushSubscription(*r) for r in rows]

        return await self._read(CATALOG, job)

    async def claim_notifications(
        self, now_ms: int, *, lease_ms: int, limit: int
    ) -> list[PendingNotification]:
        async def claim(conn: Connection) -> list[tuple[str, str, int, int]]:
            rows = await conn.fetch(
                "WITH claimed AS (SELECT handle, conv FROM notifications WHERE due_ms <= $1 "
                "ORDER BY due_ms LIMIT $3 FOR UPDATE SKIP LOCKED) "
                "UPDATE notifications n SET due_ms = $2 FROM claimed c "
                "WHERE n.handle = c.handle AND n.conv = c.conv "
                "RETURNING n.handle, n.conv, n.seq, n.attempts",
                now_ms,
                now_ms + lease_ms,
                limit,
            )
            return [(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]

        claimed = await self._relay(CATALOG, claim)
        if not claimed:
            return []
        wanted = [(user, conv) for user, conv, _, _ in claimed]

        def job(convs: list[str]) -> Job[dict[tuple[str, str], int]]:
            async def run(conn: Connection) -> dict[tuple[str, str], int]:
                rows = await conn.fetch(
                    "SELECT handle, conv, read_seq FROM members WHERE (handle, conv) IN "
                    "(SELECT * FROM unnest($1::text[], $2::text[]))",
                    [u for u, c in wanted if c in convs],
                    [c for u, c in wanted if c in convs],
                )
                return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}

            return run

        parts = await self._read_shards(sorted({c for _, c in wanted}), job)
        read = {key: seq for part in parts for key, seq in part.items()}
        return [
            # A member who left since has no read position: nothing to tell them.
            PendingNotification(user, conv, seq, read.get((user, conv), seq), attempts)
            for user, conv, seq, attempts in sorted(claimed)
        ]

    async def finish_notifications(
        self, done: list[PendingNotification], retry: list[tuple[PendingNotification, int]]
    ) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "DELETE FROM notifications n USING unnest($1::text[], $2::text[], $3::bigint[]) "
                "AS d(handle, conv, seq) WHERE n.handle = d.handle AND n.conv = d.conv "
                "AND n.seq <= d.seq",
                [n.user for n in done],
                [n.conv for n in done],
                [n.seq for n in done],
            )
            await conn.execute(
                "UPDATE notifications n SET due_ms = r.due, attempts = n.attempts + 1 "
                "FROM unnest($1::text[], $2::text[], $3::bigint[]) AS r(handle, conv, due) "
                "WHERE n.handle = r.handle AND n.conv = r.conv",
                [n.user for n, _ in retry],
                [n.conv for n, _ in retry],
                [due for _, due in retry],
            )

        await self._relay(CATALOG, job)

    async def update_presence(
        self, node: str, online: list[str], offline: list[str], until_ms: int
    ) -> None:
        async def job(conn: Connection) -> None:
            await conn.execute(
                "INSERT INTO presence(handle, node, until_ms) "
                "SELECT h, $2, $3 FROM unnest($1::text[]) AS u(h) ORDER BY h "
                "ON CONFLICT (handle, node) DO UPDATE SET until_ms = excluded.until_ms",
                sorted(online),
                node,
                until_ms,
            )
            await conn.execute(
                "DELETE FROM presence WHERE node = $1 AND handle = ANY($2::text[])",
                node,
                offline,
            )

        await self._relay(CATALOG, job)

    async def online(self, users: list[str], now_ms: int) -> frozenset[str]:
        async def job(conn: Connection) -> frozenset[str]:
            rows = await conn.fetch(
                "SELECT DISTINCT handle FROM presence WHERE until_ms > $1 "
                "AND handle = ANY($2::text[])",
                now_ms,
                users,
            )
            return frozenset(str(r[0]) for r in rows)

        return await self._read(CATALOG, job)

    async def claim_push_key(self, private_key: str) -> str:
        async def job(conn: Connection) -> str:
            await conn.execute(
                "INSERT INTO meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
                PUSH_KEY_KEY,
                private_key,
            )
            return str(await conn.fetchval("SELECT value FROM meta WHERE key = $1", PUSH_KEY_KEY))

        return await self._write(CATALOG, "claim_push_key", job)

    async def prune_deliveries(self, state: DeliveryState, before_ms: int, limit: int) -> int:
        async def job(conn: Connection) -> int:
            done = await conn.execute(
                "DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries "
                "WHERE state = $1 AND next_ms < $2 LIMIT $3)",
                state.value,
                before_ms,
                limit,
            )
            return int(done.rsplit(" ", 1)[1])

        return await self._relay(CATALOG, job)


def _summaries_job(user: str, convs: list[str]) -> Job[list[ConversationSummary]]:
    """One query for the summaries of a user's conversations in one database."""

    async def run(conn: Connection) -> list[ConversationSummary]:
        rows = await conn.fetch(
            "SELECT c.id, c.kind, c.title, c.last_seq, m.role, m.read_seq, "
            "  (SELECT array_agg(h.handle ORDER BY h.handle) FROM (SELECT handle FROM members "
            "   WHERE conv = c.id ORDER BY handle LIMIT $3) h) AS names, "
            "  (SELECT count(*) FROM events e WHERE e.conv = c.id AND e.seq > m.read_seq "
            "   AND e.kind = 'message' AND e.sender <> $1) AS unread, "
            "  l.conv, l.seq, l.kind, l.sender, l.ts, l.client_msg_id, l.body, l.meta, "
            "  l.target_seq, l.members, l.title "
            "FROM members m JOIN conversations c ON c.id = m.conv "
            f"LEFT JOIN LATERAL (SELECT {EVENT_COLUMNS} FROM events e WHERE e.conv = c.id "
            "  AND e.kind = 'message' ORDER BY e.seq DESC LIMIT 1) l ON true "
            "WHERE m.handle = $1 AND m.conv = ANY($2::text[])",
            user,
            convs,
            SUMMARY_MEMBERS,
        )
        return [
            ConversationSummary(
                conv=r[0],
                kind=ConversationKind(r[1]),
                title=r[2],
                members=tuple(r[6] or ()),
                role=Role(r[4]),
                last_seq=r[3],
                read_seq=r[5],
                unread=r[7],
                last_message=row_to_event(tuple(r)[8:]) if r[9] is not None else None,
            )
            for r in rows
        ]

    return run


async def _role(conn: Connection, conv: str, handle: str) -> Role | None:
    role = await conn.fetchval(
        "SELECT role FROM members WHERE conv = $1 AND handle = $2", conv, handle
    )
    return Role(role) if role is not None else None


async def _add_members(
    conn: Connection, conv: str, members: list[tuple[str, Role]], joined_seq: int
) -> None:
    await conn.executemany(
        "INSERT INTO members(conv, handle, role, joined_seq) VALUES ($1, $2, $3, $4)",
        [(conv, handle, role.value, joined_seq) for handle, role in members],
    )


async def _event_at(conn: Connection, conv: str, seq: int) -> Event | None:
    row = await conn.fetchrow(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE conv = $1 AND seq = $2", conv, seq
    )
    return row_to_event(tuple(row)) if row is not None else None


async def _append_event(
    conn: Connection,
    conv: str,
    kind: EventKind,
    *,
    sender: str,
    ts: int,
    client_msg_id: str | None = None,
    body: str | None = None,
    meta: MessageMeta | None = None,
    target_seq: int | None = None,
    members: tuple[str, ...] | None = None,
    title: str | None = None,
) -> Event:
    """The one place a seq is allocated: the counter row, bumped in this transaction (G3),
    in the same statement as the insert (one round trip, CLUSTER-NOTES §2)."""
    # The event's outbox row (D48) goes in with it, in the same statement: no round trip more.
    seq = await conn.fetchval(
        "WITH counter AS (UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 "
        f"RETURNING last_seq), event AS (INSERT INTO events({EVENT_COLUMNS}, shard) "
        "SELECT $1, last_seq, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM counter "
        "RETURNING seq), outboxed AS (INSERT INTO outbox(conv, seq, shard, created_ms) "
        "SELECT $1, seq, $11, $4 FROM event) SELECT seq FROM event",
        conv,
        kind.value,
        sender,
        ts,
        client_msg_id,
        body,
        encode_json(meta).decode() if meta is not None else None,
        target_seq,
        encode_json(members).decode() if members is not None else None,
        title,
        shard_of(conv),
    )
    return Event(
        conv=conv,
        seq=int(seq),
        kind=kind,
        sender=sender,
        ts=ts,
        client_msg_id=client_msg_id,
        body=body,
        meta=meta,
        target_seq=target_seq,
        members=members,
        title=title,
    )


def _result_of(event: Event) -> AppendResult:
    return AppendResult(
        conv=event.conv, seq=event.seq, ts=event.ts, client_msg_id=event.client_msg_id
    )
