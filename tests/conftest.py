"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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
