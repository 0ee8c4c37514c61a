"""The one place that names the concrete stores: a store URL in, an unopened store out.

- empty: the embedded SQLite store in the node's data directory (``--data``);
- ``sqlite:///path/to/dir``: the embedded SQLite store in that directory;
- ``memory:``: the in-memory store (tests; everything is lost when the process ends).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pigeon.store.base import Store

SCHEMES = ("sqlite", "memory")


@dataclass(frozen=True, slots=True)
class StoreOptions:
    """What the wiring tells every store; each backend takes the part it uses."""

    data_dir: Path
    max_batch: int = 512
    max_write_queue: int = 20_000
    max_read_queue: int = 10_000
    on_batch: Callable[[int, float], None] | None = None


@dataclass(frozen=True, slots=True)
class StoreUrl:
    scheme: str
    path: Path | None  # the directory of a store on disk, None for the data directory


def parse_store_url(url: str) -> StoreUrl:
    """Raise ValueError, in one line an operator can act on, unless ``url`` names a store."""
    if url == "":
        return StoreUrl("sqlite", None)
    parts = urlsplit(url)
    if parts.scheme == "memory" and not (parts.netloc or parts.path or parts.query):
        return StoreUrl("memory", None)
    if parts.scheme == "sqlite" and not parts.netloc and parts.path and not parts.query:
        return StoreUrl("sqlite", Path(parts.path))
    raise ValueError(
        f"unknown store URL {url!r}: use memory: or sqlite:///path/to/dir "
        "(or leave it empty for the SQLite store in the data directory)"
    )


def open_store(url: str, options: StoreOptions) -> Store:
    """The store ``url`` names, not yet opened (the caller awaits ``open()``)."""
    parsed = parse_store_url(url)
    if parsed.scheme == "memory":
        from pigeon.store.memory import MemoryStore

        return MemoryStore()
    from pigeon.store.sqlite import SqliteStore

    return SqliteStore(
        parsed.path or options.data_dir,
        max_batch=options.max_batch,
        max_write_queue=options.max_write_queue,
        max_read_queue=options.max_read_queue,
        on_batch=options.on_batch,
    )
