"""Fixtures for the store suites: one throwaway PostgreSQL instance per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.postgres import PostgresInstance, start_postgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresInstance]:
    instance = start_postgres()
    try:
        yield instance
    finally:
        instance.stop()
