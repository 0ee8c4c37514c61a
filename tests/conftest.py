"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.postgres import PostgresInstance, start_postgres
from tests.helpers.server import ServerProcess


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
