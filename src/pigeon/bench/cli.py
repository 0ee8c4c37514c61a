"""``pigeon bench SCENARIO [options]``: run one scenario and write its JSON and plot.

Wiring: ``pigeon.cli.main.build_parser`` calls :func:`add_command`. Meanwhile,
``python -m pigeon.bench.cli S1 --rate 1000 --duration 10 --json out.json`` does the same.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from pigeon.bench import DESCRIPTIONS

DEFAULTS: dict[str, dict[str, Any]] = {
    "S1": {"users": 1000, "rate": 5000.0, "duration": 30, "warmup": 2},
    "S2": {"users": 1000, "group_size": 50, "rate": 1000.0, "duration": 30, "warmup": 2},
    "S3": {"clients": 10_000, "rate": 1000.0, "duration": 25, "drop_at": 5.0},
    "S4": {
        "users": 1000,
        "rate": 1000.0,
        "spike_factor": 10.0,
        "baseline_s": 10,
        "spike_s": 10,
        "after_s": 10,
        "typing_per_send": 1.0,
        "history_per_send": 0.3,
        "read_per_send": 0.3,
        "hello_per_send": 0.01,
        "shed_loop_lag_s": 0.0,  # 0: the node's own default (D61)
    },
    "S5": {"clients": 15_000, "hold": 10},
    "S6": {
        "users": 1000,
        "start_rate": 2000.0,
        "factor": 1.25,
        "step_s": 8,
        "max_steps": 20,
        "p99_bound_ms": 50.0,
    },
}


def _common(p: argparse.ArgumentParser, scenario: str) -> None:
    d = DEFAULTS[scenario]
    p.add_argument("--url", help="bench this server (default: start a fresh embedded one)")
    p.add_argument(
        "--server-pid",
        type=int,
        action="append",
        help="pid of a --url server process, to read its CPU (with its descendants) and memory; "
        "repeat it for every process of a cluster: the CPU is summed",
    )
    p.add_argument(
        "--cluster",
        type=Path,
        metavar="DIR",
        help="bench the local cluster in DIR (pigeon cluster up): its HAProxy URL, and the CPU "
        "of every one of its processes",
    )
    p.add_argument(
        "--kill",
        metavar="NAME",
        help="with --cluster: SIGKILL this process of it (e.g. gateway-1, nats-2) during the run",
    )
    p.add_argument(
        "--kill-pid",
        type=int,
        help="SIGKILL this process (a gateway, a NATS node) during the run; the clients carry on",
    )
    p.add_argument(
        "--kill-at", type=float, default=5.0, help="seconds into the load to --kill-pid (default 5)"
    )
    p.add_argument("--json", type=Path, help="where to write the result (default bench-results/)")
    p.add_argument("--plot", type=Path, help="where to write the PNG (default: beside the JSON)")
    p.add_argument("--no-plot", action="store_true", help="write no PNG")
    p.add_argument(
        "--workers",
        type=int,
        default=3 if scenario == "S5" else 2,
        help="generator processes (default %(default)s)",
    )
    p.add_argument(
        "--client",
        choices=("picows", "aiohttp"),
        default="picows",
        help="WebSocket client library of the generator (default %(default)s)",
    )
    p.add_argument(
        "--schedule",
        choices=("poisson", "fixed"),
        default="poisson",
        help="send times: Poisson arrivals or evenly spaced (default %(default)s)",
    )
    p.add_argument("--body-bytes", type=int, default=64, help="message body size (default 64)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    for name, value in d.items():
        flag = "--" + name.replace("_", "-")
        kind = type(value)
        p.add_argument(flag, type=kind, default=value, help=f"(default {value})")


def add_command(sub: argparse._SubParsersAction[Any]) -> None:
    """Register ``bench`` and its scenarios on the ``pigeon`` command's subparsers."""
    bench = sub.add_parser(
        "bench",
        help="load generator and scenario suite (S1–S6)",
        description="Open-loop load with latency histograms and correctness checks.",
    )
    scenarios = bench.add_subparsers(dest="scenario", required=True, metavar="SCENARIO")
    for name, text in DESCRIPTIONS.items():
        p = scenarios.add_parser(name, help=text, description=text)
        _common(p, name)
        p.set_defaults(func=run_command)


def _params(args: argparse.Namespace) -> dict[str, Any]:
    p = {k: getattr(args, k) for k in DEFAULTS[args.scenario]}
    for k in ("duration", "warmup", "baseline_s", "spike_s", "after_s", "hold", "step_s"):
        if k in p:
            p[k] = max(0 if k == "warmup" else 1, round(p[k]))
    p.update(
        url=args.url,
        server_pids=args.server_pid,
        kill_pid=args.kill_pid,
        kill_at=args.kill_at if args.kill_pid is not None else None,
        workers=args.workers,
        client=args.client,
        schedule=args.schedule,
        body_bytes=args.body_bytes,
    )
    if p.get("shed_loop_lag_s", 0) > 0 and (args.url or args.cluster is not None):
        # It is set in the environment of the node the bench starts; a running node or
        # cluster took its settings when it started (PIGEON_SHED_LOOP_LAG_S).
        raise BenchUsageError(
            "--shed-loop-lag-s sets the embedded node's: not with --url or --cluster"
        )
    if args.cluster is not None:
        p.update(_cluster_target(args.cluster, args.kill, args.kill_at))
    elif args.kill is not None:
        raise BenchUsageError("--kill names a process of --cluster DIR")
    return p


class BenchUsageError(Exception):
    """Options that do not go together, or a cluster that is not there."""


def _cluster_target(directory: Path, kill: str | None, kill_at: float) -> dict[str, Any]:
    """The URL and server pids of a running local cluster, and the pid to kill by name."""
    from pigeon.cluster.launcher import ClusterError, LocalCluster

    cluster = LocalCluster(directory)
    try:
        if not cluster.load() or not cluster.complete:
            raise BenchUsageError(f"no cluster in {directory} (pigeon cluster up --dir DIR)")
        down = [proc.name for proc in cluster.procs if not proc.alive()]
        if down:
            raise BenchUsageError(f"the cluster in {directory} is not all running: {down}")
        target: dict[str, Any] = {
            "url": cluster.url,
            "server_pids": [proc.pid for proc in cluster.procs],
            "cluster": {proc.name: proc.pid for proc in cluster.procs},
            "metrics_urls": cluster.gateway_metrics_urls,
        }
        if kill is not None:
            target.update(kill_pid=cluster.proc(kill).pid, kill_at=kill_at, kill=kill)
    except ClusterError as exc:
        raise BenchUsageError(str(exc)) from None
    return target


def run_command(args: argparse.Namespace) -> int:
    from pigeon.bench.report import text_summary, write_json, write_plot
    from pigeon.bench.runner import BenchError, Progress
    from pigeon.bench.scenarios import RUNNERS

    scenario: str = args.scenario
    json_path: Path = args.json or Path("bench-results") / (
        f"{scenario}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    )
    progress = Progress(scenario, quiet=args.quiet)
    try:
        params = _params(args)
    except BenchUsageError as exc:
        print(f"pigeon bench: {exc}", file=sys.stderr)
        return 2
    try:
        result = RUNNERS[scenario](progress, **params)
    except BenchError as exc:
        print(f"pigeon bench: {exc}", file=sys.stderr)
        return 1
    if not args.no_plot:
        plot = args.plot or json_path.with_suffix(".png")
        result["plot"] = str(plot)
        write_plot(result, plot)
    write_json(result, json_path)
    print(text_summary(result))
    print(f"  wrote {json_path}" + (f" and {result['plot']}" if "plot" in result else ""))
    return 0 if result["correct"] else 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pigeon")
    add_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["bench", *(sys.argv[1:] if argv is None else argv)])
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
