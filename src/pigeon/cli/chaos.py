"""``pigeon chaos``: faults on a seeded schedule against a local cluster, then the checker
(pigeon.chaos). Exit 0: no anomaly; 1: anomalies (listed); 2: the run could not be made."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def _chaos(args: argparse.Namespace) -> int:
    from pigeon.bench.report import write_json
    from pigeon.chaos import nemesis, report
    from pigeon.chaos.run import Options, run
    from pigeon.cluster import ClusterError

    kinds = [k.name for k in nemesis.KINDS]
    if args.kinds:
        kinds = args.kinds.split(",")
        unknown = sorted(set(kinds) - {k.name for k in nemesis.KINDS})
        if unknown:
            print(f"pigeon chaos: unknown fault kinds: {', '.join(unknown)}", file=sys.stderr)
            return 2
    json_path = Path(args.json)
    history_path = Path(args.history) if args.history else json_path.with_suffix(".history.jsonl")
    options = Options(
        duration_s=args.duration,
        seed=args.seed,
        cluster_dir=Path(args.cluster) if args.cluster else None,
        gateways=args.gateways,
        ha=args.ha,
        users=args.users,
        rate_per_s=args.rate,
        membership_every_s=args.membership_every,
        kinds=kinds,
        say=lambda line: print(f"pigeon chaos: {line}", file=sys.stderr),
    )
    if args.drain_timeout is not None:
        if args.drain_timeout <= 0:
            print("pigeon chaos: --drain-timeout must be positive", file=sys.stderr)
            return 2
        options.drain_timeout_s = args.drain_timeout
    try:
        result = run(options, history_path)
    except (ClusterError, nemesis.NemesisError, OSError) as exc:
        print(f"\npigeon chaos: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "\npigeon chaos: interrupted; healed and stopped what it had started", file=sys.stderr
        )
        return 130
    result["command"] = " ".join(["pigeon", *sys.argv[1:]]) if sys.argv[0] else "pigeon chaos"
    write_json(result, json_path)
    if args.plot:
        report.write_plot(result, Path(args.plot))
    sends = result["sends"]
    print(
        f"\n{sends['acked']} acked of {sends['attempted']} sends "
        f"(availability {sends['availability']:.4f} within {sends['ack_timeout_s']:g} s), "
        f"{len(result['faults'])} faults, history in {history_path}",
        file=sys.stderr,
    )
    for kind, figures in result["faults_by_kind"].items():
        recovery = figures["recovery_s"]
        print(
            f"  {kind}: {figures['count']} (recovery median {recovery['median']:.2f} s, "
            f"max {recovery['max']:.2f} s)",
            file=sys.stderr,
        )
    for remedy in result["remedies"]:  # not faults: what the heal had to do (D68)
        print(
            f"  remedy at {remedy['at_s']:.0f} s: restarted {remedy['member']}: {remedy['why']}",
            file=sys.stderr,
        )
    if result["ok"]:
        print("no anomalies", file=sys.stderr)
        return 0
    for kind, examples in result["anomaly_examples"].items():
        print(f"ANOMALY {kind}: {result['anomalies'][kind]}, e.g. {examples[0]}", file=sys.stderr)
    if result["drain"]["behind"]:
        print(f"ANOMALY not caught up: {result['drain']['behind'][:5]}", file=sys.stderr)
    if result["nemesis_error"]:
        print(f"STOPPED a fault was not healed: {result['nemesis_error']}", file=sys.stderr)
    return 1


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    chaos = sub.add_parser(
        "chaos",
        help="real clients against a local cluster while faults are injected on a seeded "
        "schedule, then a checker over the history (exit 1 on any anomaly)",
    )
    chaos.add_argument("--duration", type=float, default=60.0, help="seconds of faults (60)")
    chaos.add_argument("--seed", type=int, default=1, help="decides the faults' kinds and times")
    chaos.add_argument("--json", required=True, help="write the report here")
    chaos.add_argument("--plot", help="write the timeline plot (PNG) here")
    chaos.add_argument("--history", help="the history (JSON lines; default next to --json)")
    chaos.add_argument(
        "--cluster", help="use the running local cluster of this directory (default: start one)"
    )
    chaos.add_argument("--gateways", type=int, default=2, help="gateways of a new cluster (2)")
    chaos.add_argument(
        "--ha",
        action="store_true",
        help="start the cluster with a Patroni-managed store (store_failover, standby_kill)",
    )
    chaos.add_argument("--users", type=int, default=6, help="users sending (6)")
    chaos.add_argument("--rate", type=float, default=10.0, help="sends/s per user at most (10)")
    chaos.add_argument(
        "--membership-every",
        type=float,
        default=3.0,
        help="seconds between membership changes in the groups (3; 0: none)",
    )
    chaos.add_argument("--kinds", help="only these fault kinds, comma-separated")
    chaos.add_argument(
        "--drain-timeout",
        type=float,
        help="seconds the last sends may take to be acked and delivered after the faults "
        "(default 180: longer than the longest stall seen); what is still missing then is "
        "an anomaly",
    )
    chaos.set_defaults(func=_chaos)


__all__ = ["add_commands"]
