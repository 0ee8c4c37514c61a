"""``pigeon``: the command line. ``serve`` runs a node; the chat commands talk to one.

This module imports only what :func:`main` needs before it handles SIGTERM and SIGINT. The
server, the bench and the cluster are imported when their commands run (a test keeps them out
of the parser); the chat and admin commands' modules import the SDK, and with it aiohttp,
when the parser is built.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
# What `pigeon --help` says: plain text (the module docstring is reStructuredText).
DESCRIPTION = (
    "Pigeon: run a messaging node (serve, backup, restore, migrate, shard), chat with one "
    "from a terminal (user, login, convs, send, tail, history), watch or administer one (top, "
    "admin), load-test one (bench), run a local cluster of them (cluster), or inject faults "
    "into one and check what clients saw (chaos)."
)

# The stop signals that came before the command could handle them (see main).
_early_stops: list[int] = []


def _remember_stop(signum: int, frame: FrameType | None) -> None:
    _early_stops.append(signum)


def stop_requested() -> bool:
    """Whether SIGTERM or SIGINT came while the process was starting."""
    return bool(_early_stops)


def _handle_stops_from_now() -> None:
    """Remember SIGTERM and SIGINT instead of dying of them, and take them out of the
    inherited signal mask: a launcher that blocks them until its child can cope (the only way
    to cover the interpreter's own start-up) gets them delivered here, not lost."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, _remember_stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def _restore_default_stops() -> None:
    """Give a command that is not ``serve`` the usual behaviour (Ctrl-C raises
    KeyboardInterrupt), and re-raise a stop that came while it started."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for signum in _early_stops:
        signal.raise_signal(signum)


def _serve(args: argparse.Namespace) -> int:
    import asyncio

    from pigeon import config
    from pigeon.errors import PigeonError
    from pigeon.ops import logging
    from pigeon.server import app

    try:
        cfg = config.load(
            host=args.host,
            port=args.port,
            data_dir=args.data,
            log_level=args.log_level,
            store=args.store,
            bus=args.bus,
        )
    except ValueError as exc:
        print(f"pigeon serve: {exc}", file=sys.stderr)
        return 2
    logging.configure(cfg.log_level)
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop is a dependency on every supported OS
        runner = asyncio.run
    else:
        runner = uvloop.run
    try:
        runner(app.run(cfg, stop_requested=stop_requested))
    except (PigeonError, OSError) as exc:  # cannot open the store, cannot bind the port
        print(f"pigeon serve: {exc}", file=sys.stderr)
        return 1
    return 0


def _store_command(args: argparse.Namespace) -> int:
    """``backup``, ``restore`` and ``migrate``: through the store the options name, whatever
    its backend."""
    import asyncio

    from pigeon import config
    from pigeon.errors import PigeonError
    from pigeon.server import app

    name = args.command
    try:
        cfg = config.load(data_dir=args.data, store=args.store)
    except ValueError as exc:
        print(f"pigeon {name}: {exc}", file=sys.stderr)
        return 2
    where = cfg.store or cfg.data_dir
    try:
        if name == "migrate":
            asyncio.run(app.migrate(cfg))
            print(f"migrated {where} to this version's schema")
            return 0
        if name == "backup":
            asyncio.run(app.backup(cfg, Path(args.file)))
            print(f"backed up {where} to {args.file}")
            return 0
        restored = asyncio.run(app.restore(cfg, Path(args.file)))
    except (PigeonError, OSError) as exc:
        print(f"pigeon {name}: {exc}", file=sys.stderr)
        return 1
    print(f"restored {args.file} into {where}; new epoch {restored.epoch}: clients will resync")
    if restored.kept is not None:
        print(f"the old store is kept as {restored.kept}: delete it once the node serves well")
    return 0


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from pigeon import __version__
    from pigeon.bench.cli import add_command as add_bench
    from pigeon.cli import admin, chaos, chat, cluster, shard

    parser = argparse.ArgumentParser(prog="pigeon", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"pigeon {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run a Pigeon node (on the embedded store unless --store)")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 8700; 0 picks a free one)")
    serve.add_argument("--data", help="data directory (default ./pigeon-data)")
    store_help = (
        "store URL: sqlite:///path/to/dir, postgresql://user@host:port/CATALOG?shards=DB1,DB2 "
        "or memory: (default: SQLite in --data)"
    )
    serve.add_argument("--store", help=store_help)
    serve.add_argument("--log-level", help="debug, info, warning, error")
    serve.add_argument("--bus", help="bus URL: local: (default) or memory: (tests only)")
    serve.set_defaults(func=_serve)

    backup = sub.add_parser(
        "backup", help="copy the store of a data directory into a new file, even while it runs"
    )
    backup.add_argument("file")
    backup.add_argument("--data", help="data directory (default ./pigeon-data)")
    backup.add_argument("--store", help=store_help)
    backup.set_defaults(func=_store_command)

    restore = sub.add_parser(
        "restore",
        help="check a backup, then install it (refused while a node serves the directory)",
    )
    restore.add_argument("file")
    restore.add_argument("--data", help="data directory (default ./pigeon-data)")
    restore.add_argument("--store", help=store_help)
    restore.set_defaults(func=_store_command)

    migrate = sub.add_parser(
        "migrate", help="apply the store's schema migrations (every node also does at start)"
    )
    migrate.add_argument("--data", help="data directory (default ./pigeon-data)")
    migrate.add_argument("--store", help=store_help)
    migrate.set_defaults(func=_store_command)

    chat.add_commands(sub)
    admin.add_commands(sub)
    shard.add_commands(sub)
    cluster.add_commands(sub)
    chaos.add_commands(sub)
    add_bench(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # First: a SIGTERM while the modules load must not kill a node with the default action
    # (a deploy that stops a node as soon as it starts); serve turns it into a drain.
    _handle_stops_from_now()
    args = build_parser().parse_args(argv)
    if args.func is not _serve:
        _restore_default_stops()
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
