"""``pigeon admin`` (connections, disable, enable, revoke, webhooks) and ``pigeon top`` (a live
view).

Both talk to a running node over HTTP: admin with the admin token of the node's store (read
from ``<data>/admin.token`` on the same machine, or given with ``--admin-token``; in a cluster
the token is in the data directory of the node that made it, and works on every node), top
by reading
``/metrics`` from the node's metrics listener (``metrics_host:metrics_port``) once a second.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

TIMEOUT = aiohttp.ClientTimeout(total=10)
DEFAULT_URL = "http://127.0.0.1:8700"
DEFAULT_METRICS_URL = "http://127.0.0.1:8701"  # metrics_host and metrics_port's defaults


def _admin_token(args: argparse.Namespace) -> str:
    if args.admin_token:
        return str(args.admin_token)
    path = Path(args.data) / "admin.token"
    try:
        return path.read_text().strip()
    except OSError as exc:
        raise SystemExit(
            f"pigeon admin: cannot read the admin token at {path}: {exc.strerror} (in a "
            "cluster it is in the data directory of the node that started first; or pass "
            "--admin-token)"
        ) from None


async def _admin_call(
    args: argparse.Namespace, method: str, path: str, payload: object = None
) -> Any:
    headers = {"Authorization": f"Bearer {_admin_token(args)}"}
    try:
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT) as session,
            session.request(method, args.url + path, headers=headers, json=payload) as r,
        ):
            body = await r.json(content_type=None)
            if r.status >= 400:
                raise SystemExit(f"pigeon admin: {body.get('code')}: {body.get('message')}")
            return body
    except aiohttp.ClientError as exc:
        raise SystemExit(f"pigeon admin: cannot reach the server at {args.url} ({exc})") from None


def _admin(args: argparse.Namespace) -> int:
    if args.action == "connections":
        body = asyncio.run(_admin_call(args, "GET", "/v1/admin/connections"))
        rows = body["connections"]
        print(f"{'conn':<10} {'user':<20} {'device':<16} {'since':<20} queued")
        for row in rows:
            since = time.strftime(
                "%Y-%m-%d %H:%M:%S", time.localtime(row["connected_at_ms"] / 1000)
            )
            conn, user, device, queued = row["conn"], row["user"], row["device"], row["queued"]
            print(f"{conn:<10} {user:<20} {device:<16} {since:<20} {queued}")
        by_user: dict[str, int] = {}
        for row in rows:
            by_user[row["user"]] = by_user.get(row["user"], 0) + 1
        print(f"{len(rows)} connections, {len(by_user)} users")
        return 0
    if args.action == "webhooks":
        return _webhooks(args)
    if not args.handle:
        raise SystemExit(f"pigeon admin {args.action}: a HANDLE is required")
    path = {"disable": "disable", "enable": "enable", "revoke": "revoke-tokens"}[args.action]
    # Quoted whole: a URL parser drops tabs and newlines, so "bob\n" unquoted would act on bob.
    handle = urllib.parse.quote(args.handle, safe="")
    body = asyncio.run(_admin_call(args, "POST", f"/v1/admin/users/{handle}/{path}"))
    details = ", ".join(f"{k} {v}" for k, v in body.items() if k != "handle")
    print(f"{args.handle}: {details}")
    return 0


def _webhooks(args: argparse.Namespace) -> int:
    """List webhook deliveries (``--state``, ``--failures``), or replay them (``--replay``:
    every dead one, or those named with ``--id``)."""
    if args.replay:
        body = {"ids": args.id} if args.id else {}
        done = asyncio.run(_admin_call(args, "POST", "/v1/admin/webhook-deliveries/replay", body))
        print(f"{done['replayed']} deliveries replayed")
        return 0
    query = urllib.parse.urlencode(
        {"limit": args.limit, **({"state": args.state} if args.state else {})}
    )
    body = asyncio.run(_admin_call(args, "GET", f"/v1/admin/webhook-deliveries?{query}"))
    rows = body["deliveries"]
    if args.failures:  # failed at least once: pending retries and dead letters
        rows = [r for r in rows if r["state"] != "delivered" and r["attempts"] > 0]
    print(
        f"{'id':>8} {'state':<10} {'tries':>5} {'next/last':<20} {'webhook':<20} "
        f"{'owner':<16} error"
    )
    for row in rows:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(row["next_ms"] / 1000))
        print(
            f"{row['id']:>8} {row['state']:<10} {row['attempts']:>5} {when:<20} "
            f"{row['webhook']:<20} {row['owner']:<16} {row.get('last_error') or ''}"
        )
    print(f"{len(rows)} deliveries")
    return 0


# -- pigeon top --------------------------------------------------------------------------------


@dataclass
class Scrape:
    at: float
    counters: dict[str, float] = field(default_factory=dict)  # "name{labels}" -> value
    buckets: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    gauges: dict[str, float] = field(default_factory=dict)


def parse(text: str, at: float) -> Scrape:
    scrape = Scrape(at)
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if family.type == "counter" and sample.name.endswith("_total"):
                label = ",".join(f"{v}" for _, v in sorted(sample.labels.items()))
                scrape.counters[f"{family.name}{{{label}}}"] = sample.value
            elif family.type == "histogram" and sample.name.endswith("_bucket"):
                le = float(sample.labels["le"])
                scrape.buckets.setdefault(family.name, []).append((le, sample.value))
            elif family.type == "gauge":
                scrape.gauges[sample.name] = sample.value
    return scrape


def rate(now: Scrape, before: Scrape, prefix: str) -> float:
    elapsed = max(1e-9, now.at - before.at)
    total = sum(v for k, v in now.counters.items() if k.startswith(prefix))
    earlier = sum(v for k, v in before.counters.items() if k.startswith(prefix))
    return max(0.0, total - earlier) / elapsed


def quantile(now: Scrape, before: Scrape, name: str, q: float) -> float | None:
    """The q-quantile of what a histogram observed between two scrapes (bucket upper bound)."""
    merged: dict[float, float] = {}
    for le, count in now.buckets.get(name, []):
        merged[le] = merged.get(le, 0.0) + count
    for le, count in before.buckets.get(name, []):
        merged[le] = merged.get(le, 0.0) - count
    points = sorted(merged.items())
    if not points or points[-1][1] <= 0:
        return None
    target = q * points[-1][1]
    for le, count in points:
        if count >= target:
            return le
    return math.inf


def render(now: Scrape, before: Scrape, url: str) -> list[str]:
    def ms(value: float | None) -> str:
        return "-" if value is None else ("inf" if math.isinf(value) else f"{value * 1000:.1f}")

    latency = [quantile(now, before, "pigeon_send_latency_seconds", q) for q in (0.5, 0.9, 0.99)]
    lag = quantile(now, before, "pigeon_delivery_lag_seconds", 0.99)
    errors = {
        k.split("{", 1)[1].split(",")[0]: v
        for k, v in now.counters.items()
        if k.startswith("pigeon_errors{")
    }
    return [
        f"pigeon top  {url}  {time.strftime('%H:%M:%S')}",
        "",
        f"frames/s {rate(now, before, 'pigeon_frames_received{'):10.1f}"
        f"   http req/s {rate(now, before, 'pigeon_http_requests{'):10.1f}",
        f"sends acked/s {rate(now, before, 'pigeon_send_latency_seconds'):7.1f}"
        f"   errors/s {rate(now, before, 'pigeon_errors{'):10.1f}",
        f"send latency ms  p50 {ms(latency[0])}  p90 {ms(latency[1])}  p99 {ms(latency[2])}",
        f"delivery lag ms  p99 {ms(lag)}",
        f"connections {now.gauges.get('pigeon_connections', 0):8.0f}"
        f"   outgoing queue max {now.gauges.get('pigeon_outgoing_queue_max', 0):6.0f}"
        f"   write queue {now.gauges.get('pigeon_write_queue_depth', 0):6.0f}"
        f"   read queue {now.gauges.get('pigeon_read_queue_depth', 0):6.0f}",
        f"store up {now.gauges.get('pigeon_store_up', 0):.0f}"
        f"   draining {now.gauges.get('pigeon_draining', 0):.0f}"
        f"   memory MiB {now.gauges.get('process_resident_memory_bytes', 0) / 2**20:8.1f}",
        "errors by code (total): "
        + (", ".join(f"{code} {int(v)}" for code, v in sorted(errors.items())) or "none"),
    ]


def _counter_as_rate_source(scrape: Scrape) -> None:
    """Histograms' _count samples count observations: expose them as counters for rate()."""
    for name, buckets in scrape.buckets.items():
        scrape.counters[f"{name}{{}}"] = sum(c for le, c in buckets if math.isinf(le))


async def _top(args: argparse.Namespace) -> int:
    previous: Scrape | None = None
    shown = 0
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        while args.iterations == 0 or shown < args.iterations:
            try:
                async with session.get(args.metrics_url + "/metrics") as r:
                    r.raise_for_status()
                    text = await r.text()
            except aiohttp.ClientError as exc:
                print(f"pigeon top: cannot reach {args.metrics_url} ({exc})", file=sys.stderr)
                return 1
            scrape = parse(text, time.monotonic())
            _counter_as_rate_source(scrape)
            if previous is not None:
                lines = render(scrape, previous, args.metrics_url)
                if sys.stdout.isatty():
                    print("\x1b[2J\x1b[H", end="")
                print("\n".join(lines), flush=True)
                shown += 1
            previous = scrape
            await asyncio.sleep(args.interval)
    return 0


def _top_command(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_top(args))
    except KeyboardInterrupt:
        return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    admin = sub.add_parser("admin", help="administer a running node (needs its admin token)")
    admin.add_argument("action", choices=["connections", "disable", "enable", "revoke", "webhooks"])
    admin.add_argument("handle", nargs="?", help="the user, for disable, enable and revoke")
    admin.add_argument(
        "--state", choices=["pending", "delivered", "dead"], help="webhooks: only these"
    )
    admin.add_argument(
        "--failures", action="store_true", help="webhooks: only those that failed (retrying, dead)"
    )
    admin.add_argument("--limit", type=int, default=100, help="webhooks: at most this many")
    admin.add_argument(
        "--replay", action="store_true", help="webhooks: try again now every dead one, or --id"
    )
    admin.add_argument(
        "--id", type=int, action="append", help="webhooks --replay: this delivery (repeatable)"
    )
    admin.add_argument("--url", default=DEFAULT_URL)
    admin.add_argument("--data", default="./pigeon-data", help="the node's data directory")
    admin.add_argument("--admin-token", help="instead of reading <data>/admin.token")
    admin.set_defaults(func=_admin)

    top = sub.add_parser("top", help="a live view of a node's throughput, latency and errors")
    top.add_argument(
        "--metrics-url",
        default=DEFAULT_METRICS_URL,
        help="the node's metrics listener (its metrics_host and metrics_port)",
    )
    top.add_argument("--interval", type=float, default=1.0, help="seconds between refreshes")
    top.add_argument("--iterations", type=int, default=0, help="stop after N refreshes (0: never)")
    top.set_defaults(func=_top_command)


__all__ = ["add_commands", "parse", "quantile", "rate", "render"]
