"""The one place that names the concrete stores: a store URL in, an unopened store out.

- empty: the embedded SQLite store in the node's data directory (``--data``);
- ``sqlite:///path/to/dir``: the embedded SQLite store in that directory;
- ``memory:``: the in-memory store (tests; everything is lost when the process ends);
- ``postgresql://user@host:port/CATALOG?shards=DB1,DB2``: the PostgreSQL store, a catalog
  database and the shard databases a new catalog's shard map is seeded with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pigeon.store.base import Store

SCHEMES = ("sqlite", "memory", "postgresql")


@dataclass(frozen=True, slots=True)
class StoreOptions:
    """What the wiring tells every store; each backend takes the part it uses."""

    data_dir: Path
    max_batch: int = 512
    max_write_queue: int = 20_000
    max_read_queue: int = 10_000
    on_batch: Callable[[int, float], None] | None = None
    write_batch_cut_s: float = 0.0  # SQLite's writer (D64) and PostgreSQL's (D70)


@dataclass(frozen=True, slots=True)
class StoreUrl:
    scheme: str
    path: Path | None  # the directory of a store on disk, None for the data directory
    url: str = ""  # the whole URL, for a store on a server


def parse_store_url(url: str) -> StoreUrl:
    """Raise ValueError, in one line an operator can act on, unless ``url`` names a store."""
    if url == "":
        return StoreUrl("sqlite", None)
    parts = urlsplit(url)
    if parts.scheme == "memory" and not (parts.netloc or parts.path or parts.query):
        return StoreUrl("memory", None)
    if parts.scheme == "sqlite" and not parts.netloc and parts.path and not parts.query:
        return StoreUrl("sqlite", Path(parts.path))
    if parts.scheme in ("postgresql", "postgres") and parts.netloc and parts.path.strip("/"):
        from pigeon.store.postgres import parse_postgres_url

        parse_postgres_url(url)  # its own one-line error
        return StoreUrl("postgresql", None, url)
    raise ValueError(
        f"unknown store URL {url!r}: use memory:, sqlite:///path/to/dir or "
        "postgresql://user@host:port/CATALOG?shards=DB1,DB2 "
        "(or leave it empty for the SQLite store in the data directory)"
    )


def open_store(url: str, options: StoreOptions) -> Store:
    """The store ``url`` names, not yet opened (the caller awaits ``open()``)."""
    parsed = parse_store_url(url)
    if parsed.scheme == "memory":
        from pigeon.store.memory import MemoryStore

        return MemoryStore()
    if parsed.scheme == "postgresql":
        from pigeon.store.postgres import PostgresStore

        return PostgresStore(
            parsed.url,
            max_batch=options.max_batch,
            max_write_queue=options.max_write_queue,
            max_read_queue=options.max_read_queue,
            on_batch=options.on_batch,
            write_batch_cut_s=options.write_batch_cut_s,
        )
    from pigeon.store.sqlite import SqliteStore

    return SqliteStore(
        parsed.path or options.data_dir,
        max_batch=options.max_batch,
        max_write_queue=options.max_write_queue,
        max_read_queue=options.max_read_queue,
        on_batch=options.on_batch,
        write_batch_cut_s=options.write_batch_cut_s,
    )
