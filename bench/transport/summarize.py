"""Summarize bench/transport/results.jsonl as Markdown tables of medians (min–max).

usage: python summarize.py [results.jsonl]
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

LIB_ORDER = {"aiohttp": 0, "aiohttp-await": 1, "websockets": 2, "picows": 3}


def med(rows: list[dict[str, Any]], key: str) -> float:
    """Median of ``key`` over ``rows``."""
    return float(statistics.median(r[key] for r in rows))


def spread(rows: list[dict[str, Any]], key: str) -> str:
    """'median (min–max)' of an integer metric, with thousands separators."""
    vals = [r[key] for r in rows]
    return f"{statistics.median(vals):,.0f} ({min(vals):,.0f}–{max(vals):,.0f})"


def load(path: Path) -> dict[tuple[str, int, str], list[dict[str, Any]]]:
    """Group the successful runs by (workload, conns, lib)."""
    groups: dict[tuple[str, int, str], list[dict[str, Any]]] = defaultdict(list)
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if "error" not in r:
            groups[(r["workload"], r["conns"], r["lib"])].append(r)
    return groups


Group = list[dict[str, Any]]
# (column header, cell formatter) per workload; the first two columns are conns and lib.
Column = tuple[str, Callable[[Group], str]]

REQREP_COLUMNS: list[Column] = [
    ("round trips/s median (min–max)", lambda rs: spread(rs, "round_trips_per_s")),
    ("p50 ms", lambda rs: f"{med(rs, 'p50_ms'):.2f}"),
    ("p99 ms", lambda rs: f"{med(rs, 'p99_ms'):.2f}"),
    ("server CPU", lambda rs: f"{med(rs, 'server_cpu'):.2f}"),
    ("server sys", lambda rs: f"{med(rs, 'server_sys_cpu'):.2f}"),
    ("client CPU", lambda rs: f"{med(rs, 'client_cpu'):.2f}"),
    ("round trips per server-CPU-s", lambda rs: f"{med(rs, 'round_trips_per_server_cpu_s'):,.0f}"),
    ("runs", lambda rs: str(len(rs))),
]
FANOUT_COLUMNS: list[Column] = [
    ("deliveries/s median (min–max)", lambda rs: spread(rs, "deliveries_per_s")),
    ("publish→all p50 ms", lambda rs: f"{med(rs, 'p50_ms'):.1f}"),
    ("p99 ms", lambda rs: f"{med(rs, 'p99_ms'):.1f}"),
    ("server CPU", lambda rs: f"{med(rs, 'server_cpu'):.2f}"),
    ("server sys", lambda rs: f"{med(rs, 'server_sys_cpu'):.2f}"),
    ("client CPU", lambda rs: f"{med(rs, 'client_cpu'):.2f}"),
    ("deliveries per server-CPU-s", lambda rs: f"{med(rs, 'deliveries_per_server_cpu_s'):,.0f}"),
    (
        "server µs/delivery (user part)",
        lambda rs: (
            f"{med(rs, 'server_cpu_us_per_delivery'):.2f} "
            f"({med(rs, 'server_user_us_per_delivery'):.2f})"
        ),
    ),
    ("runs", lambda rs: str(len(rs))),
]


def table(groups: dict[tuple[str, int, str], Group], workload: str) -> list[str]:
    """Markdown table lines for one workload."""
    keys = sorted(
        (k for k in groups if k[0] == workload), key=lambda k: (k[1], LIB_ORDER.get(k[2], 9))
    )
    columns = REQREP_COLUMNS if workload == "reqrep" else FANOUT_COLUMNS
    first = "conns × 1" if workload == "reqrep" else "receivers"
    heads = [first, "lib", *(c[0] for c in columns)]
    out = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for k in keys:
        cells = [str(k[1]), k[2], *(fmt(groups[k]) for _, fmt in columns)]
        out.append("| " + " | ".join(cells) + " |")
    return out


TITLES = {
    "reqrep": "Request/reply (closed loop, 1 frame in flight per connection)",
    "fanout": "Fan-out (1 publisher, 4 publishes in flight, every frame to every receiver)",
}


def main() -> None:
    """Print both tables and the versions found."""
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("results.jsonl"))
    groups = load(path)
    vers = {json.dumps(r["versions"], sort_keys=True) for rs in groups.values() for r in rs}
    print("versions:", ", ".join(sorted(vers)))
    for wl, title in TITLES.items():
        print(f"\n### {title}\n")
        print("\n".join(table(groups, wl)))


if __name__ == "__main__":
    main()
