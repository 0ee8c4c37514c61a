"""``pigeon cluster up|status|down``: a local cluster (pigeon.cluster) from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

DEFAULT_DIR = "./pigeon-cluster"
# pigeon.cluster.patroni's STUCK_GRACE_S, not imported: the CLI's parser loads no cluster code.
STUCK_GRACE_S = 20.0
REPAIR_TIMEOUT_S = 60.0


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"{text!r}: expected seconds, more than 0, at most 3600")
    return value


def _up(args: argparse.Namespace) -> int:
    from pigeon.cluster import ClusterError, LocalCluster

    cluster = LocalCluster(
        Path(args.dir),
        gateways=args.gateways,
        ha=args.ha,
        say=lambda line: print(f"pigeon cluster: {line}", file=sys.stderr),
    )
    try:
        cluster.up()
    except (ClusterError, OSError) as exc:  # OSError: the directory cannot be written
        print(f"pigeon cluster up: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pigeon cluster up: interrupted; stopped what it had started", file=sys.stderr)
        return 130
    print(f"pigeon cluster: up; state, data and logs in {cluster.directory}", file=sys.stderr)
    print(cluster.url)
    return 0


def _status(args: argparse.Namespace) -> int:
    from pigeon.cluster import ClusterError, LocalCluster

    try:
        health = LocalCluster(Path(args.dir)).status()
    except ClusterError as exc:
        print(f"pigeon cluster status: {exc}", file=sys.stderr)
        return 1
    print(f"{'NAME':<11} {'PID':>7} {'PORT':>6}  HEALTH")
    for h in health:
        state = "ok" if h.healthy else "FAILING"
        print(f"{h.name:<11} {h.pid:>7} {h.port:>6}  {state}: {h.detail}")
    return 0 if all(h.healthy for h in health) else 1


def _repair(args: argparse.Namespace) -> int:
    from pigeon.cluster import ClusterError, LocalCluster

    cluster = LocalCluster(
        Path(args.dir), say=lambda line: print(f"pigeon cluster repair: {line}", file=sys.stderr)
    )
    try:
        if not cluster.load():
            raise ClusterError(f"no cluster in {cluster.directory}")
        cluster.stuck_grace_s = args.grace
        # The grace, then a restart through Patroni and its return to streaming.
        restarted = cluster.repair_standbys(args.grace + args.timeout)
    except ClusterError as exc:
        print(f"pigeon cluster repair: {exc}", file=sys.stderr)
        return 1
    print(f"restarted {', '.join(restarted)}" if restarted else "every standby streams")
    return 0


def _down(args: argparse.Namespace) -> int:
    from pigeon.cluster import ClusterError, LocalCluster

    try:
        stopped = LocalCluster(Path(args.dir)).down()
    except (ClusterError, OSError) as exc:
        print(f"pigeon cluster down: {exc}", file=sys.stderr)
        return 1
    print(f"stopped {', '.join(stopped) if stopped else 'nothing (nothing was running)'}")
    return 0


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    cluster = sub.add_parser(
        "cluster",
        help="a local cluster: PostgreSQL, NATS, gateways and HAProxy on this machine",
    )
    actions = cluster.add_subparsers(dest="cluster_command", required=True)
    up = actions.add_parser(
        "up", help="install what is missing, start everything, print the URL to connect to"
    )
    up.add_argument("--gateways", type=int, default=3, help="gateway processes (default 3)")
    up.add_argument(
        "--ha",
        action="store_true",
        help="PostgreSQL highly available: 3 Patroni members (synchronous, strict) over etcd",
    )
    status = actions.add_parser("status", help="every process, its pid, port and health")
    down = actions.add_parser("down", help="stop every process of the cluster by pid")
    repair = actions.add_parser(
        "repair",
        help="restart each PostgreSQL standby (--ha) that has not streamed for --grace s while "
        "a primary leads (Patroni 3.0.2's bug); wait until every standby streams",
    )
    repair.add_argument(
        "--grace",
        type=_seconds,
        default=STUCK_GRACE_S,
        help=f"seconds without streaming before a restart (default {STUCK_GRACE_S:g})",
    )
    repair.add_argument(
        "--timeout",
        type=_seconds,
        default=REPAIR_TIMEOUT_S,
        help="seconds after the grace for every standby to stream again "
        f"(default {REPAIR_TIMEOUT_S:g}; exit 1 after it)",
    )
    for parser, func in ((up, _up), (status, _status), (down, _down), (repair, _repair)):
        parser.add_argument(
            "--dir", default=DEFAULT_DIR, help=f"the cluster's directory (default {DEFAULT_DIR})"
        )
        parser.set_defaults(func=func)


__all__ = ["add_commands"]
