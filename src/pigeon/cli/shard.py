"""``pigeon shard``: the PostgreSQL store's shard map (list), moving a virtual shard between
shard databases while nodes serve it (move), and registering a shard database (add-db).
They talk to the databases named by ``--store`` (or ``PIGEON_STORE``), not to a node."""

from __future__ import annotations

import argparse


def _shard(args: argparse.Namespace) -> int:
    from pigeon.server.shards import shard_command

    return shard_command(args)


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    shard = sub.add_parser(
        "shard", help="the postgresql: store's shards: list, move SHARD --to DB, add-db NAME"
    )
    actions = shard.add_subparsers(dest="action", required=True)
    store_help = "store URL postgresql://user@host:port/CATALOG (default: PIGEON_STORE)"
    listing = actions.add_parser("list", help="shard databases, shards on each, unfinished moves")
    move = actions.add_parser(
        "move",
        help="move a virtual shard to another database while nodes serve it "
        "(its writes get busy for a moment); re-run it to finish one that was interrupted",
    )
    move.add_argument("shard", type=int, help="the virtual shard, 0..1023")
    move.add_argument("--to", required=True, help="the shard database's name (see list)")
    add_db = actions.add_parser("add-db", help="register (and migrate) a shard database")
    add_db.add_argument("name")
    add_db.add_argument(
        "url", nargs="?", help="its URL (default: database NAME on the catalog's server)"
    )
    for parser in (listing, move, add_db):
        parser.add_argument("--store", help=store_help)
        parser.set_defaults(func=_shard)
