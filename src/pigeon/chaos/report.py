"""A chaos run's figures from its history: availability, recovery per fault, the timeline,
and the plot (matplotlib, Agg, as the bench's report)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any

from pigeon.simulation.history import Record


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def send_spans(records: list[Record]) -> list[tuple[int, int | None]]:
    """Each send's (invoke ms, ack ms or None when never acked)."""
    invoked: dict[str, int] = {}
    spans: dict[str, tuple[int, int | None]] = {}
    for record in records:
        if record.op != "send" or record.client_msg_id is None:
            continue
        if record.type == "invoke":
            invoked[record.client_msg_id] = record.t_ms
            spans[record.client_msg_id] = (record.t_ms, None)
        elif record.type == "ok":
            spans[record.client_msg_id] = (invoked[record.client_msg_id], record.t_ms)
    return list(spans.values())


def faults(records: list[Record]) -> list[dict[str, Any]]:
    """Each fault's kind, target, start and end (s), and its recovery: the longest any send
    waited for its ack from the fault's start (or its own invoke, if later) while the fault
    held, i.e. how long the clients it hit went without an ack."""
    spans = send_spans(records)
    found: list[dict[str, Any]] = []
    started: dict[tuple[str | None, str | None], int] = {}
    for record in records:
        if record.type == "fault":
            started[(record.op, record.target)] = record.t_ms
        elif record.type == "heal":
            start = started.pop((record.op, record.target))
            end = record.t_ms
            waits = [
                (acked if acked is not None else end) - max(invoked, start)
                for invoked, acked in spans
                if invoked <= end and (acked is None or acked >= start)
            ]
            found.append(
                {
                    "kind": record.op,
                    "target": record.target,
                    "start_s": start / 1000,
                    "end_s": end / 1000,
                    "recovery_s": max(waits, default=0) / 1000,
                }
            )
    return found


def by_kind(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    kinds: dict[str, list[float]] = defaultdict(list)
    for fault in found:
        kinds[fault["kind"]].append(fault["recovery_s"])
    return {
        kind: {
            "count": len(recoveries),
            "recovery_s": {
                "median": round(statistics.median(recoveries), 3),
                "max": round(max(recoveries), 3),
            },
        }
        for kind, recoveries in sorted(kinds.items())
    }


def availability(records: list[Record], ack_timeout_s: float) -> dict[str, Any]:
    spans = send_spans(records)
    acked = [acked - invoked for invoked, acked in spans if acked is not None]
    in_time = sum(1 for latency in acked if latency <= ack_timeout_s * 1000)
    failed = sum(1 for r in records if r.type == "fail" and r.op == "send")
    return {
        "attempted": len(spans),
        "acked": len(acked),
        "acked_within_timeout": in_time,
        "refused": failed,
        "unknown": len(spans) - len(acked) - failed,
        "ack_timeout_s": ack_timeout_s,
        "availability": round(in_time / len(spans), 6) if spans else 1.0,
        "ack_latency_ms": {
            "p50": _percentile(acked, 0.5),
            "p99": _percentile(acked, 0.99),
            "max": max(acked),
        }
        if acked
        else {},
    }


def timeline(records: list[Record]) -> list[dict[str, Any]]:
    """Per second of the run: acks completed, and their latency (p50, p99, max, ms)."""
    seconds: dict[int, list[int]] = defaultdict(list)
    for invoked, acked in send_spans(records):
        if acked is not None:
            seconds[acked // 1000].append(acked - invoked)
    last = max(seconds, default=-1)
    rows = []
    for second in range(last + 1):
        latencies = seconds.get(second, [])
        rows.append(
            {
                "t_s": second,
                "acked": len(latencies),
                "latency_ms": {
                    "p50": _percentile(latencies, 0.5),
                    "p99": _percentile(latencies, 0.99),
                    "max": max(latencies),
                }
                if latencies
                else None,
            }
        )
    return rows


COLOURS = {
    "gateway_kill": "red",
    "pause": "orange",
    "nats_kill": "purple",
    "store_failover": "brown",
    "standby_kill": "pink",
    "partition_store": "blue",
    "partition_bus": "cyan",
    "slow_store": "olive",
    "clock_jump": "green",
}


def write_plot(result: dict[str, Any], path: Path) -> None:
    """Acked sends per second and ack latency against time, faults as coloured spans."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = result["timeline"]
    ts = [r["t_s"] + 0.5 for r in rows]
    fig, (ax_rate, ax_lat) = plt.subplots(2, 1, figsize=(11, 7), sharex=True)
    ax_rate.plot(ts, [r["acked"] for r in rows], label="acked sends/s")
    ax_rate.set_ylim(bottom=0)
    ax_rate.set_ylabel("per second")
    for key, style in (("p50", "-"), ("p99", "--"), ("max", ":")):
        ys = [r["latency_ms"][key] if r["latency_ms"] else None for r in rows]
        ax_lat.plot(ts, ys, style, label=f"ack latency {key}")
    ax_lat.set_yscale("log")
    ax_lat.set_ylabel("send → ack (ms)")
    ax_lat.set_xlabel("seconds into the run")
    labelled: set[str] = set()
    for fault in result["faults"]:
        kind = fault["kind"]
        for ax in (ax_rate, ax_lat):
            ax.axvspan(
                fault["start_s"],
                max(fault["end_s"], fault["start_s"] + 0.1),
                alpha=0.2,
                color=COLOURS.get(kind, "grey"),
                label=kind if ax is ax_rate and kind not in labelled else None,
            )
        labelled.add(kind)
    for ax in (ax_rate, ax_lat):
        ax.grid(True, alpha=0.3)
        ax.legend(loc="upper right", fontsize=8)
    counts = result["anomalies"]
    fig.suptitle(
        f"pigeon chaos --seed {result['seed']}: {result['sends']['acked']} acked, "
        f"{len(result['faults'])} faults, {sum(counts.values())} anomalies"
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
