"""Moving a virtual shard between the PostgreSQL store's shard databases while nodes serve it,
listing the shard map, and adding a shard database (docs/DECISIONS.md D43).

A move is six steps, each one transaction on one database, each safe to run again, recorded
in the catalog's ``shard_moves`` row before the first; a re-run of the same command reads the
source's and target's fence rows (pigeon.core.shard_move) and carries on where a crash stopped:

1. ``fence``: the source's ``shard_owner`` row goes ``owned`` -> ``moving``, under the
   source's FENCE_LOCK held exclusive: it waits for the write batches in flight (each holds
   it shared) and new ones wait for it; from its commit, writes to the shard are refused
   with ``busy`` and reads are still served.
2. ``copy``: the shard's conversations, members and events, read in one snapshot of the source,
   replace whatever the target held for the shard, in one transaction that marks the target's
   row ``moving`` (readable, not writable).
3. ``release``: the source's row goes ``gone`` and its rows of the shard are deleted, in one
   transaction: from now on a node with an old map is refused there and reloads the map.
4. ``remap``: the catalog's ``shard_map`` names the target.
5. ``own``: the target's row goes ``owned``: writes are served again.
6. ``done``: the ``shard_moves`` row is deleted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import asyncpg

from pigeon.core.shard_move import (
    COPY,
    FENCE,
    GONE,
    MOVING,
    OWN,
    OWNED,
    RELEASE,
    REMAP,
    MoveInconsistent,
    remaining_steps,
)
from pigeon.errors import PigeonError
from pigeon.store.postgres import (
    CONNECT_TIMEOUT_S,
    FENCE_LOCK,
    VIRTUAL_SHARDS,
    Connection,
    migrate,
    parse_postgres_url,
)

MOVE_LOCK = 7244  # pg_advisory_lock(MOVE_LOCK, shard) in the catalog: one move of a shard runs
STATEMENT_TIMEOUT_S = 60.0  # every statement of a move, COMMIT included: a re-run finishes it
LOCK_TIMEOUT = "10s"  # how long the fence waits for the writes in flight before giving up
# The shard's rows, parents first: (table, the rows of the shard in it).
_SHARD_ROWS = (
    ("conversations", "SELECT * FROM conversations WHERE shard = $1"),
    (
        "members",
        "SELECT m.* FROM members m JOIN conversations c ON c.id = m.conv WHERE c.shard = $1",
    ),
    ("events", "SELECT * FROM events WHERE shard = $1"),
    ("outbox", "SELECT * FROM outbox WHERE shard = $1"),  # its events' undone work (D48)
)
_DELETE_SHARD_ROWS = (
    "DELETE FROM members WHERE conv IN (SELECT id FROM conversations WHERE shard = $1)",
    "DELETE FROM events WHERE shard = $1",
    "DELETE FROM outbox WHERE shard = $1",
    "DELETE FROM conversations WHERE shard = $1",
)


class ShardCommandRefused(PigeonError):
    """A shard command refused before changing anything; the message says what to do."""


@dataclass(frozen=True, slots=True)
class MoveResult:
    shard: int
    source: str
    target: str
    rows: int  # rows copied by this run (0 when it resumed past the copy)
    writes_refused_s: float | None  # fence step begun to target owning it, if this run did both
    resumed: bool  # this run finished a move an earlier run started


async def _connect(url: str) -> Connection:
    return await asyncpg.connect(
        url, timeout=CONNECT_TIMEOUT_S, command_timeout=STATEMENT_TIMEOUT_S
    )


async def _connect_catalog(store_url: str) -> Connection:
    """The catalog, migrated: the shard commands may run before any node of this version."""
    catalog = await _connect(parse_postgres_url(store_url).catalog)
    try:
        await migrate(catalog, "catalog")
    except BaseException:
        await catalog.close()
        raise
    return catalog


async def _state(conn: Connection, shard: int) -> str | None:
    state = await conn.fetchval("SELECT state FROM shard_owner WHERE shard = $1", shard)
    return str(state) if state is not None else None


async def _set_state(conn: Connection, shard: int, state: str) -> None:
    await conn.execute(
        "INSERT INTO shard_owner(shard, state) VALUES ($1, $2) "
        "ON CONFLICT (shard) DO UPDATE SET state = excluded.state",
        shard,
        state,
    )


async def move_shard(
    store_url: str, shard: int, target: str, *, crash_after: str | None = None
) -> MoveResult:
    """Move ``shard`` to the shard database ``target``, or finish the move an earlier run of
    the same command started. ``crash_after`` (tests) stops after the named step, as a crash."""
    if not 0 <= shard < VIRTUAL_SHARDS:
        raise ShardCommandRefused(f"no shard {shard}: shards are 0..{VIRTUAL_SHARDS - 1}")
    catalog = await _connect_catalog(store_url)
    try:
        if not await catalog.fetchval("SELECT pg_try_advisory_lock($1, $2)", MOVE_LOCK, shard):
            raise ShardCommandRefused(f"another pigeon shard move of shard {shard} is running")
        databases = dict(await catalog.fetch("SELECT name, url FROM shard_databases"))
        if target not in databases:
            raise ShardCommandRefused(
                f"no shard database named {target!r}: add it with pigeon shard add-db"
            )
        async with catalog.transaction():
            pending = await catalog.fetchrow(
                "SELECT source, target FROM shard_moves WHERE shard = $1", shard
            )
            current = str(
                await catalog.fetchval("SELECT database FROM shard_map WHERE shard = $1", shard)
            )
            if pending is None:
                if current == target:
                    return MoveResult(shard, current, target, 0, None, resumed=False)
                await catalog.execute(
                    "INSERT INTO shard_moves(shard, source, target, started_ms) "
                    "VALUES ($1, $2, $3, $4)",
                    shard,
                    current,
                    target,
                    int(time.time() * 1000),
                )
                source = current
            elif pending["target"] != target:
                raise ShardCommandRefused(
                    f"shard {shard} is being moved to {pending['target']}: "
                    f"finish that move first (pigeon shard move {shard} --to {pending['target']})"
                )
            else:
                source = str(pending["source"])
        steps = _Move(shard, source, target, catalog, crash_after)
        return await steps.run(databases, resumed=pending is not None)
    finally:
        await catalog.close()  # also releases the advisory lock


class _CrashForTests(Exception):
    """``crash_after`` reached: the move stops as if its process died there."""


@dataclass
class _Move:
    shard: int
    source: str
    target: str
    catalog: Connection
    crash_after: str | None

    def _step_done(self, step: str) -> None:
        if step == self.crash_after:
            raise _CrashForTests(step)

    async def run(self, databases: dict[str, str], *, resumed: bool) -> MoveResult:
        source = await _connect(databases[self.source])
        try:
            target = await _connect(databases[self.target])
            try:
                return await self._run(source, target, resumed=resumed)
            finally:
                await target.close()
        finally:
            await source.close()

    async def _run(self, source: Connection, target: Connection, *, resumed: bool) -> MoveResult:
        shard = self.shard
        await migrate(source, "shard")
        await migrate(target, "shard")
        try:
            steps = remaining_steps(
                await _state(source, shard), await _state(target, shard), resumed=resumed
            )
        except MoveInconsistent as exc:
            raise ShardCommandRefused(
                f"shard {shard}: {exc}: check shard_owner on every database"
            ) from None
        fenced_at: float | None = None
        rows = 0
        for step in steps:
            if step == FENCE:
                fenced_at = time.monotonic()  # writes wait from here, then are refused
                async with source.transaction():
                    await source.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
                    await source.execute("SELECT pg_advisory_xact_lock($1)", FENCE_LOCK)
                    await _set_state(source, shard, MOVING)
            elif step == COPY:
                rows = await self._copy(source, target)
            elif step == RELEASE:
                async with source.transaction():
                    await _set_state(source, shard, GONE)
                    for statement in _DELETE_SHARD_ROWS:
                        await source.execute(statement, shard)
            elif step == REMAP:
                await self.catalog.execute(
                    "UPDATE shard_map SET database = $1 WHERE shard = $2", self.target, shard
                )
            elif step == OWN:
                await _set_state(target, shard, OWNED)
            else:
                await self.catalog.execute("DELETE FROM shard_moves WHERE shard = $1", shard)
            self._step_done(step)
        refused = time.monotonic() - fenced_at if fenced_at is not None else None
        return MoveResult(shard, self.source, self.target, rows, refused, resumed)

    async def _copy(self, source: Connection, target: Connection) -> int:
        """Replace the target's rows of the shard with the source's, in one transaction that
        marks the target ``moving``. Holds the shard in memory: 1/1,024 of the store."""
        copied: list[tuple[str, list[Any]]] = []
        async with source.transaction(isolation="repeatable_read", readonly=True):
            for table, query in _SHARD_ROWS:
                copied.append((table, await source.fetch(query, self.shard)))
        async with target.transaction():
            await _set_state(target, self.shard, MOVING)
            for statement in _DELETE_SHARD_ROWS:
                await target.execute(statement, self.shard)
            for table, records in copied:
                if records:
                    await target.copy_records_to_table(
                        table, records=[tuple(r) for r in records], columns=list(records[0].keys())
                    )
        return sum(len(records) for _, records in copied)


@dataclass(frozen=True, slots=True)
class ShardDatabase:
    name: str
    url: str
    shards: int  # virtual shards the map puts on it


@dataclass(frozen=True, slots=True)
class ShardListing:
    databases: list[ShardDatabase]
    moves: list[tuple[int, str, str]]  # (shard, source, target) of moves not finished


async def list_shards(store_url: str) -> ShardListing:
    """Each shard database with the number of shards mapped to it, and unfinished moves."""
    catalog = await _connect_catalog(store_url)
    try:
        rows = await catalog.fetch(
            "SELECT d.name, d.url, count(m.shard) FROM shard_databases d "
            "LEFT JOIN shard_map m ON m.database = d.name GROUP BY d.name, d.url ORDER BY d.name"
        )
        moves = await catalog.fetch("SELECT shard, source, target FROM shard_moves ORDER BY shard")
    finally:
        await catalog.close()
    return ShardListing(
        [ShardDatabase(str(r[0]), str(r[1]), int(r[2])) for r in rows],
        [(int(r[0]), str(r[1]), str(r[2])) for r in moves],
    )


async def add_database(store_url: str, name: str, url: str | None) -> str:
    """Register a shard database (migrated first) that moves may then name; returns its URL.
    Adding the same name and URL again changes nothing."""
    parsed = parse_postgres_url(store_url)
    database_url = url or parsed.database_url(name)
    catalog = await _connect_catalog(store_url)
    try:
        known = await catalog.fetchval("SELECT url FROM shard_databases WHERE name = $1", name)
        if known is not None and known != database_url:
            raise ShardCommandRefused(f"a shard database named {name!r} exists at {known}")
        conn = await _connect(database_url)
        try:
            await migrate(conn, "shard")
        finally:
            await conn.close()
        await catalog.execute(
            "INSERT INTO shard_databases(name, url) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            name,
            database_url,
        )
    finally:
        await catalog.close()
    return database_url
