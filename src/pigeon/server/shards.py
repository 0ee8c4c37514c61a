"""``pigeon shard``: list, move and add-db on the postgresql: store's shard databases, for the
command line (src/pigeon/cli/shard.py); the procedure itself is src/pigeon/store/pg_shards.py."""

from __future__ import annotations

import argparse
import asyncio
import sys

import asyncpg

from pigeon import config
from pigeon.errors import PigeonError
from pigeon.store import pg_shards


def _store_url(args: argparse.Namespace) -> str:
    try:
        cfg = config.load(store=args.store)
    except ValueError as exc:
        raise SystemExit(f"pigeon shard: {exc}") from None
    if not cfg.store.startswith(("postgresql:", "postgres:")):
        raise SystemExit("pigeon shard: shards are the postgresql: store's: give --store")
    return cfg.store


def shard_command(args: argparse.Namespace) -> int:
    """Run ``pigeon shard list|move|add-db``; the exit status."""
    url = _store_url(args)
    try:
        if args.action == "list":
            listing = asyncio.run(pg_shards.list_shards(url))
            print(f"{'database':<24} {'shards':>6}  url")
            for db in listing.databases:
                print(f"{db.name:<24} {db.shards:>6}  {db.url}")
            for shard, source, target in listing.moves:
                print(f"unfinished move: shard {shard} {source} -> {target} (re-run it)")
        elif args.action == "move":
            result = asyncio.run(pg_shards.move_shard(url, args.shard, args.to))
            refused = result.writes_refused_s
            print(
                f"shard {result.shard} is on {result.target} (was {result.source}); "
                f"{result.rows} rows copied"
                + (f"; writes refused for {refused * 1000:.0f} ms" if refused is not None else "")
                + ("; finished an earlier run's move" if result.resumed else "")
            )
        else:
            added = asyncio.run(pg_shards.add_database(url, args.name, args.url))
            print(f"shard database {args.name} at {added}: move shards to it with --to")
    except (PigeonError, OSError, asyncpg.PostgresError) as exc:
        print(f"pigeon shard {args.action}: {exc}", file=sys.stderr)
        return 1
    return 0
