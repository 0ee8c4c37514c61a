"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from pigeon.cluster import processes
from tests.helpers.postgres import PostgresInstance, start_postgres
from tests.helpers.server import ServerProcess

# `make mutation` (--hypothesis-profile=mutation): mutmut runs the core's tests many times in
# one process, so a test method is called from several instances of its class; the same
# few examples every time make a mutant's verdict repeatable. A test's own max_examples
# would override this profile's: the core's tests ask through examples() (tests/core/harness.py).
settings.register_profile(
    "mutation",
    max_examples=25,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.differing_executors],
)


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist (`make test` runs two workers), give each worker ports of its own
    for what must be told its port before it starts (PostgreSQL, NATS, HAProxy, Patroni):
    two workers picking at random would now and then pick the same port between one's check
    and its bind. Every `pigeon` command a test runs inherits the range."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:
        return
    index, count = int(worker.removeprefix("gw")), int(os.environ["PYTEST_XDIST_WORKER_COUNT"])
    low, high = 10000, processes.ephemeral_ports().start - 1  # below the kernel's own range
    size = (high - low + 1) // count
    first = low + index * size
    os.environ[processes.PORT_RANGE_VARIABLE] = f"{first}-{first + size - 1}"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A real Pigeon server process on a fresh data directory and a free port."""
    proc = ServerProcess(tmp_path / "data").start()
    try:
        yield proc
    finally:
        proc.kill()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresInstance]:
    """One throwaway PostgreSQL 15 instance for the session (tests/helpers/postgres.py)."""
    instance = start_postgres()
    try:
        yield instance
    finally:
        instance.stop()
