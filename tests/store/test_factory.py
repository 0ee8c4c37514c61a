"""The store a URL names, and that nothing but the store package names a concrete store."""

from __future__ import annotations

from pathlib import Path

import pytest

import pigeon
from pigeon.store.factory import StoreOptions, StoreUrl, open_store, parse_store_url
from pigeon.store.memory import MemoryStore
from pigeon.store.postgres import PostgresStore, parse_postgres_url
from pigeon.store.sqlite import DB_FILE, SqliteStore
from tests.helpers.imports import imported_modules

SRC = Path(pigeon.__file__).parent
CONCRETE_STORES = ("pigeon.store.sqlite", "pigeon.store.memory", "pigeon.store.postgres")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", StoreUrl("sqlite", None)),
        ("memory:", StoreUrl("memory", None)),
        ("sqlite:///var/lib/pigeon", StoreUrl("sqlite", Path("/var/lib/pigeon"))),
        (
            "postgresql://pigeon@db:5432/catalog?shards=s0,s1",
            StoreUrl("postgresql", None, "postgresql://pigeon@db:5432/catalog?shards=s0,s1"),
        ),
    ],
)
def test_known_urls(url: str, expected: StoreUrl) -> None:
    """Empty is SQLite in the data directory; memory:, sqlite:///dir and a PostgreSQL
    catalog database's URL are understood."""
    assert parse_store_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "memory://x",
        "memory:x",
        "sqlite://host/dir",
        "sqlite:",
        "sqlite:///d?x=1",
        "pg://db",
        "postgresql://db",
        "x",
    ],
)
def test_other_urls_are_refused_in_one_line(url: str) -> None:
    """Anything else is a ValueError whose message names the URLs understood."""
    with pytest.raises(ValueError, match=r"^unknown store URL .*use memory:, sqlite:///") as err:
        parse_store_url(url)
    assert "\n" not in str(err.value)


def test_open_store_builds_the_named_backend(tmp_path: Path) -> None:
    """The factory picks the backend and its directory from the URL, opening nothing."""
    options = StoreOptions(tmp_path / "data")
    assert isinstance(open_store("memory:", options), MemoryStore)
    default = open_store("", options)
    assert isinstance(default, SqliteStore) and default.path == tmp_path / "data" / DB_FILE
    elsewhere = open_store(f"sqlite://{tmp_path}/db", options)
    assert isinstance(elsewhere, SqliteStore) and elsewhere.path == tmp_path / "db" / DB_FILE
    pg = open_store("postgresql://pigeon@db/catalog?shards=s0,s1", options)
    assert isinstance(pg, PostgresStore) and pg.url.shards == ("s0", "s1")
    assert list(tmp_path.iterdir()) == []


def test_a_postgresql_url_with_another_query_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^unknown store URL .*\?shards=DB1,DB2"):
        parse_store_url("postgresql://db/catalog?sslmode=x")


def test_a_shard_database_may_be_on_another_server() -> None:
    """A ``shards`` entry that is a URL names a database on another server (what
    ``pigeon cluster up`` does with its second PostgreSQL instance); a name, one on the
    catalog's server."""
    url = parse_postgres_url(
        "postgresql://pigeon@db1:5432/catalog?shards=s0,postgresql://pigeon@db2:5433/s1"
    )
    assert url.shards == ("s0", "s1")
    assert url.database_url("s0") == "postgresql://pigeon@db1:5432/s0"
    assert url.database_url("s1") == "postgresql://pigeon@db2:5433/s1"
    assert url.database_url("catalog") == "postgresql://pigeon@db1:5432/catalog"


def test_a_node_may_route_a_server_through_another_address() -> None:
    """``via`` changes where this node dials a server (``pigeon chaos`` puts a fault proxy in
    one gateway's path), for the catalog and every database the catalog names there; the
    URLs the catalog is seeded with stay the shared ones."""
    url = parse_postgres_url(
        "postgresql://pigeon@db1:5432/catalog?shards=s0,postgresql://pigeon@db2:5433/s1"
        "&via=db2:5433=127.0.0.1:7001,db1:5432=127.0.0.1:7000"
    )
    assert url.catalog == "postgresql://pigeon@db1:5432/catalog"
    assert url.database_url("s1") == "postgresql://pigeon@db2:5433/s1"
    assert url.routed(url.catalog) == "postgresql://pigeon@127.0.0.1:7000/catalog"
    assert url.routed(url.database_url("s1")) == "postgresql://pigeon@127.0.0.1:7001/s1"
    assert url.routed("postgresql://db3:5432/s2") == "postgresql://db3:5432/s2"
    with pytest.raises(ValueError, match="is not HOST:PORT=HOST:PORT") as err:
        parse_postgres_url("postgresql://pigeon@db1/catalog?via=db1=db2")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("shards", "error"),
    [
        ("s0,s0", "named twice"),
        ("s0,postgresql://db2/s0", "named twice"),
        ("s0,mysql://db2/s1", "is not postgresql://"),
        ("s0,postgresql://db2/", "is not postgresql://"),
    ],
)
def test_a_bad_shard_entry_is_refused_in_one_line(shards: str, error: str) -> None:
    with pytest.raises(ValueError, match=error) as err:
        parse_postgres_url(f"postgresql://pigeon@db1/catalog?shards={shards}")
    assert "\n" not in str(err.value)


def test_only_the_store_package_names_a_concrete_store() -> None:
    """The wiring, CLI, metrics and transports reach stores through the factory and the
    Store interface. (pigeon.store.backup, SQLite's file copy, is still imported by the CLI:
    backup and restore go behind the interface in the next issue.) The simulation, which
    serves nobody, builds on the memory store itself: it adds failures and counted ids (D47)."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        package = ".".join(parts[:-1])  # what a relative import is relative to
        module = package if path.name == "__init__.py" else ".".join(parts)
        if module.startswith(("pigeon.store", "pigeon.simulation")):
            continue
        imports = imported_modules(path.read_text(encoding="utf-8"), package)
        offenders += [f"{module}: {m}" for m in imports if m.startswith(CONCRETE_STORES)]
    assert offenders == []
