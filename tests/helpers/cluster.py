"""A cluster's engines for tests: PostgreSQL databases (a catalog and two shards) and a 3-node
NATS cluster, shared by every test that runs gateways on them, and emptied between tests.

Emptying is a DELETE of every row but the schema's version and the shard map, one statement
per database (150 ms for the three on a loaded 2-core machine; a TRUNCATE of each table,
which makes new files, took 750 ms), not new databases: each gateway started next finds a
migrated, mapped, empty store and draws a new epoch, as on a fresh deployment. Each gateway
is given one NATS node of its own, so that every doorbell between two gateways crosses a
route between NATS nodes (nats-py shuffles a URL's servers: naming several would leave the
pairing to chance).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import asyncpg

from pigeon.cluster import LocalCluster
from pigeon.durable_files import write_file_atomically
from pigeon.store.postgres import PostgresStore
from pigeon.transport.admin_http import ADMIN_TOKEN_FILE
from tests.helpers.nats import NatsCluster
from tests.helpers.postgres import PostgresInstance
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

# Short NATS waits (as tests/bus uses): a lost node costs a gateway milliseconds, not seconds.
NATS_FAST = "reconnect_wait_s=0.05&connect_timeout_s=1&flush_timeout_s=2&ping_s=1"
# What a reset keeps: the schema's version and the shard map (the catalog's own data), and
# each shard database's fence rows where the schema has them (D43), which follow the map.
KEPT_TABLES = ("schema_migrations", "shard_map", "shard_databases", "shard_owner")


class ClusterEngines:
    """PostgreSQL databases on a running instance, and a NATS cluster this object starts."""

    def __init__(self, postgres: PostgresInstance, log_dir: Path) -> None:
        self.postgres = postgres
        self.databases = postgres.create_databases(3)
        catalog, *shards = self.databases
        self.store_url = postgres.url(catalog) + "?shards=" + ",".join(shards)
        # Migrate and map once, here: two gateways starting together on a new catalog would
        # both run the migrations.
        asyncio.run(_open_and_close(self.store_url))
        self.nats = NatsCluster(log_dir).start()

    def bus_url(self, *nodes: int) -> str:
        """The bus URL naming these NATS nodes (all when none are named)."""
        chosen = [self.nats.nodes[n] for n in nodes] or self.nats.nodes
        return "nats://" + ",".join(f"127.0.0.1:{n.port}" for n in chosen) + "?" + NATS_FAST

    def env(self) -> dict[str, str]:
        """The store and the bus of every node of a test (a gateway's own bus overrides)."""
        return {"PIGEON_STORE": self.store_url, "PIGEON_BUS": self.bus_url()}

    def reset(self) -> float:
        """An empty store for the next test; returns the seconds it took."""
        began = time.monotonic()
        asyncio.run(_empty([self.postgres.url(name) for name in self.databases]))
        return time.monotonic() - began

    def stop(self) -> None:
        self.nats.stop()


async def _empty(urls: list[str]) -> None:
    # Foreign keys' triggers off (a superuser's session setting): every table is emptied, so
    # no row is left pointing at a deleted one, whatever the order.
    for url in urls:
        conn = await asyncpg.connect(url, timeout=TIMEOUT_S)
        try:
            tables = await conn.fetch(
                "SELECT quote_ident(tablename) AS name FROM pg_tables "
                "WHERE schemaname = 'public' AND tablename <> ALL($1::text[])",
                list(KEPT_TABLES),
            )
            await conn.execute(
                "SET session_replication_role = replica;"
                + "".join(f"DELETE FROM {t['name']};" for t in tables)
            )
        finally:
            await conn.close()


async def _open_and_close(store_url: str) -> None:
    store = PostgresStore(store_url)
    await store.open()
    await store.close()


def share_admin_token(*data_dirs: Path) -> str:
    """Give these nodes' data directories one admin token, as an operator hands the cluster's
    token to each node (D42): whichever starts first claims it for the store, and a test
    reads it from any node's directory. (Left to each node, the first to claim makes one in
    its own directory alone, and which node that is depends on the start's timing.)"""
    token = secrets.token_urlsafe(32)
    for data_dir in data_dirs:
        data_dir.mkdir(parents=True, exist_ok=True)
        write_file_atomically(data_dir / ADMIN_TOKEN_FILE, f"{token}\n".encode(), mode=0o600)
    return token


def start_gateways(
    engines: ClusterEngines,
    data_dir: Path,
    buses: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> list[ServerProcess]:
    """A gateway per bus URL (default: two, gateway n on NATS node n alone) on the engines'
    store, started in parallel (each start is mostly a Python interpreter's imports)."""
    gateways = [
        ServerProcess(data_dir / f"gw{n}", env={**engines.env(), **(env or {}), "PIGEON_BUS": bus})
        for n, bus in enumerate(buses or (engines.bus_url(0), engines.bus_url(1)))
    ]
    share_admin_token(*(gateway.data_dir for gateway in gateways))
    with ThreadPoolExecutor(len(gateways)) as pool:
        started = [pool.submit(gateway.start) for gateway in gateways]
    failures = [exc for f in started if (exc := f.exception()) is not None]
    if failures:
        for gateway in gateways:
            gateway.kill()
        raise failures[0]
    return gateways


def run_pigeon(
    *args: str, env: dict[str, str], timeout_s: float
) -> subprocess.CompletedProcess[str]:
    """``python -m pigeon ARGS`` as an operator runs it (``pigeon cluster up``, ...), with
    ``env`` over this process's environment; its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "pigeon", *args],
        capture_output=True,
        text=True,
        timeout=timeout_s,
        env={**os.environ, **env},
    )


def loaded(directory: Path) -> LocalCluster:
    """The local cluster whose state file is in ``directory`` (it must have one)."""
    cluster = LocalCluster(directory)
    assert cluster.load()
    return cluster
