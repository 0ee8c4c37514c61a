"""A real Pigeon server process for tests: the project's one child-process runner
(:class:`pigeon.bench.server.ServerProcess`) with every log line kept, so tests can assert
on structured logs, and argon2 made cheap."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from pigeon.bench.server import Child
from pigeon.bench.server import ServerProcess as _ServerProcess
from tests.helpers.forked import ForkedNode
from tests.helpers.timing import TIMEOUT_S


@dataclass(frozen=True)
class Backends:
    """A store and a bus for the nodes a test starts, as the environment that names them.

    ``name`` is the id pytest shows (``test_x[memory_lossy]``), so ``-k`` selects one."""

    name: str
    store: str  # PIGEON_STORE; empty: SQLite in the data directory
    bus: str  # PIGEON_BUS, without the seed of a lossy bus
    backstop_s: float | None = None  # PIGEON_BUS_BACKSTOP_S; None: the default
    # More than one: the nodes are gateways on PostgreSQL and NATS, whose URLs (empty here)
    # the engines started for the session give (tests/helpers/cluster.py).
    gateways: int = 1

    def env(self, test_id: str) -> dict[str, str]:
        """The environment for one test. A lossy bus is seeded from the test's id: each test
        meets its own schedule of losses, the same on every run."""
        env = {"PIGEON_STORE": self.store, "PIGEON_BUS": self.bus}
        if "?" in self.bus:
            env["PIGEON_BUS"] += f"&seed={zlib.crc32(test_id.encode())}"
        if self.backstop_s is not None:
            env["PIGEON_BUS_BACKSTOP_S"] = str(self.backstop_s)
        return env

    @property
    def lossy_bus(self) -> bool:
        return "?" in self.bus


# What a single node runs on in production: the embedded store, the in-process bus.
SQLITE_LOCAL = Backends("sqlite_local", store="", bus="local:")
# The test doubles of a cluster's backends, the bus losing a fifth of its doorbells and
# repeating or reordering a tenth, so that only the repairs (pulls on a gap, the backstop)
# keep G4. The backstop runs every 0.2 s instead of 5 s: a lost last doorbell costs a test
# about two passes, not ten seconds.
MEMORY_LOSSY = Backends(
    "memory_lossy", store="memory:", bus="memory:?drop=0.2&dup=0.1&reorder=0.1", backstop_s=0.2
)
# A cluster: two gateways on one PostgreSQL store (a catalog, two shard databases) and a
# 3-node NATS bus, each gateway on its own NATS node; a test's WebSockets alternate between
# the gateways, so that every test with two clients proves delivery across gateways.
CLUSTER = Backends("pg_nats_2gw", store="", bus="", gateways=2)
# Every node a test in tests/e2e starts runs on each of these (tests/e2e/conftest.py).
E2E_BACKENDS = (SQLITE_LOCAL, MEMORY_LOSSY, CLUSTER)


class ServerProcess(_ServerProcess):
    """A node forked from the session's preloaded interpreter (tests/helpers/forked.py), or
    with ``preloaded=False`` a new ``python -m pigeon`` process."""

    def __init__(
        self,
        data_dir: Path,
        *,
        port: int = 0,
        env: dict[str, str] | None = None,
        preloaded: bool = True,
    ) -> None:
        super().__init__(
            data_dir,
            port=port,
            env={
                "PIGEON_ARGON2_TIME_COST": "1",
                "PIGEON_ARGON2_MEMORY_KIB": "8192",
                # The tests' webhook receivers and push service listen on loopback, which a
                # node refuses to reach unless allowed (D59).
                "PIGEON_OUTBOUND_ALLOWED_NETWORKS": "127.0.0.0/8",
                # The worker shedder out of the way: on a loaded 2-core machine running
                # several suites, a node's loop or writer can stand late by tens of
                # milliseconds (D61) and refuse a test's request busy. The tests of the
                # shedder (tests/e2e/test_limiters.py) set what they test.
                "PIGEON_SHED_LOOP_LAG_S": "1000",
                "PIGEON_SHED_WRITE_DELAY_S": "1000",
                **(env or {}),
            },
            timeout_s=TIMEOUT_S,
        )
        self.preloaded = preloaded

    def _launch(self, argv: list[str], env: dict[str, str]) -> Child:
        if self.preloaded:
            return ForkedNode(argv, env)
        return super()._launch(argv, env)
