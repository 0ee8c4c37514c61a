"""The store a URL names, and that nothing but the store package names a concrete store."""

from __future__ import annotations

from pathlib import Path

import pytest

import pigeon
from pigeon.store.factory import StoreOptions, StoreUrl, open_store, parse_store_url
from pigeon.store.memory import MemoryStore
from pigeon.store.sqlite import DB_FILE, SqliteStore
from tests.helpers.imports import imported_modules

SRC = Path(pigeon.__file__).parent
CONCRETE_STORES = ("pigeon.store.sqlite", "pigeon.store.memory")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", StoreUrl("sqlite", None)),
        ("memory:", StoreUrl("memory", None)),
        ("sqlite:///var/lib/pigeon", StoreUrl("sqlite", Path("/var/lib/pigeon"))),
    ],
)
def test_known_urls(url: str, expected: StoreUrl) -> None:
    """Empty is SQLite in the data directory; memory: and sqlite:///dir are understood."""
    assert parse_store_url(url) == expected


@pytest.mark.parametrize(
    "url",
    ["memory://x", "memory:x", "sqlite://host/dir", "sqlite:", "sqlite:///d?x=1", "pg://db", "x"],
)
def test_other_urls_are_refused_in_one_line(url: str) -> None:
    """Anything else is a ValueError whose message names the URLs understood."""
    with pytest.raises(ValueError, match=r"^unknown store URL .*use memory: or sqlite:///") as err:
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
    assert list(tmp_path.iterdir()) == []


def test_only_the_store_package_names_a_concrete_store() -> None:
    """The wiring, CLI, metrics and transports reach stores through the factory and the
    Store interface. (pigeon.store.backup, SQLite's file copy, is still imported by the CLI:
    backup and restore go behind the interface in the next issue.)"""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        package = ".".join(parts[:-1])  # what a relative import is relative to
        module = package if path.name == "__init__.py" else ".".join(parts)
        if module.startswith("pigeon.store"):
            continue
        imports = imported_modules(path.read_text(encoding="utf-8"), package)
        offenders += [f"{module}: {m}" for m in imports if m.startswith(CONCRETE_STORES)]
    assert offenders == []
