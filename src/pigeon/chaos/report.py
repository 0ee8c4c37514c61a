"""A chaos run's figures from its history, in one pass (:class:`Figures`): availability,
recovery per fault, the timeline; and the plot (matplotlib, Agg, as the bench's report)."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pigeon.simulation.history import Record


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _counted_percentile(counts: Counter[int], share: float) -> int:
    """The ``share`` percentile of values held as value -> how many times."""
    rank = int(share * counts.total())
    for value in sorted(counts):
        rank -= counts[value]
        if rank < 0:
            return value
    return max(counts)


@dataclass
class _Fault:
    kind: str
    target: str
    start_ms: int
    end_ms: int | None = None  # None while it holds
    worst_ms: int = 0  # the longest a send it hit waited for its ack, so far

    def hit(self, invoked_ms: int, acked_ms: int | None) -> None:
        """A send from ``invoked_ms`` to ``acked_ms`` (None: never acked)."""
        end = self.end_ms if self.end_ms is not None else acked_ms
        if end is None or invoked_ms > end or (acked_ms is not None and acked_ms < self.start_ms):
            return
        waited = (acked_ms if acked_ms is not None else end) - max(invoked_ms, self.start_ms)
        self.worst_ms = max(self.worst_ms, waited)


class Figures:
    """A run's figures from its history, fed in one pass (:meth:`feed`, then :meth:`result`):
    availability, each fault's recovery, a timeline row a second. Memory is bounded by the
    sends not yet acked and the faults they overlap, a row a second and the distinct
    latencies in ms, not by the sends counted (a long run's history does not fit in memory).

    A fault's recovery is the longest any send waited for its ack from the fault's start (or
    its own invoke, if later) while the fault held: how long the clients it hit went without
    an ack."""

    def __init__(self, ack_timeout_s: float) -> None:
        self.ack_timeout_s = ack_timeout_s
        self._open: dict[str, int] = {}  # client id -> invoke ms, until acked
        # (invoke ms, refusal ms) of sends refused for good
        self._refused: list[tuple[int, int]] = []
        self._attempted = 0
        self._in_time = 0
        self._latencies: Counter[int] = Counter()  # ms -> acks
        self._faults: list[_Fault] = []
        self._watching: list[_Fault] = []  # faults an open send may still have hit
        self._rows: list[dict[str, Any]] = []
        self._second: list[int] = []  # latencies of the acks in the second being filled

    def feed(self, record: Record) -> None:
        if record.type in ("fault", "heal"):
            self._fault(record)
        elif record.op != "send" or record.client_msg_id is None:
            return
        elif record.type == "invoke":
            if record.client_msg_id not in self._open:
                self._attempted += 1
            self._open[record.client_msg_id] = record.t_ms
        elif record.type == "ok" and record.client_msg_id in self._open:
            self._ack(self._open.pop(record.client_msg_id), record.t_ms)
        elif record.type == "fail" and record.client_msg_id in self._open:
            self._refused.append((self._open.pop(record.client_msg_id), record.t_ms))

    def _fault(self, record: Record) -> None:
        assert record.op is not None and record.target is not None
        if record.type == "fault":
            fault = _Fault(record.op, record.target, record.t_ms)
            self._faults.append(fault)
            self._watching.append(fault)
            return
        for fault in self._watching:
            if (fault.kind, fault.target, fault.end_ms) == (record.op, record.target, None):
                fault.end_ms = record.t_ms
        oldest = min(self._open.values(), default=record.t_ms)
        self._watching = [f for f in self._watching if f.end_ms is None or f.end_ms >= oldest]

    def _ack(self, invoked_ms: int, acked_ms: int) -> None:
        latency = acked_ms - invoked_ms
        self._latencies[latency] += 1
        self._in_time += latency <= self.ack_timeout_s * 1000
        for fault in self._watching:
            fault.hit(invoked_ms, acked_ms)
        while len(self._rows) < acked_ms // 1000:
            self._close_second()
        self._second.append(latency)

    def _close_second(self) -> None:
        latencies, self._second = self._second, []
        self._rows.append(
            {
                "t_s": len(self._rows),
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

    def result(self) -> dict[str, Any]:
        """``sends`` (availability), ``faults`` (each, with its recovery) and ``timeline``."""
        for fault in self._faults:
            for invoked_ms in self._open.values():
                fault.hit(invoked_ms, None)
            # A refused send counts to the heal of each fault that began before its refusal,
            # never against a later one (D68: run E's refusals, membership churn's
            # not_found, were charged in full to every fault after them).
            for invoked_ms, refused_ms in self._refused:
                if refused_ms >= fault.start_ms:
                    fault.hit(invoked_ms, None)
        if self._second:
            self._close_second()
        acked = self._latencies.total()
        refused = len(self._refused)
        latencies = self._latencies
        sends = {
            "attempted": self._attempted,
            "acked": acked,
            "acked_within_timeout": self._in_time,
            "refused": refused,
            "unknown": self._attempted - acked - refused,
            "ack_timeout_s": self.ack_timeout_s,
            "availability": round(self._in_time / self._attempted, 6) if self._attempted else 1.0,
            "ack_latency_ms": {
                "p50": _counted_percentile(latencies, 0.5),
                "p99": _counted_percentile(latencies, 0.99),
                "max": max(latencies),
            }
            if latencies
            else {},
        }
        faults = [
            {
                "kind": f.kind,
                "target": f.target,
                "start_s": f.start_ms / 1000,
                "end_s": f.end_ms / 1000,
                "recovery_s": f.worst_ms / 1000,
            }
            for f in self._faults
            if f.end_ms is not None
        ]
        return {"sends": sends, "faults": faults, "timeline": self._rows}


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


COLOURS = {
    "gateway_kill": "red",
    "pause": "orange",
    "nats_kill": "purple",
    "store_failover": "brown",
    "standby_kill": "pink",
    "etcd_kill": "grey",
    "partition_store": "blue",
    "partition_bus": "cyan",
    "slow_store": "olive",
    "clock_jump": "green",
    "power_loss": "black",
    "power_loss_primary": "magenta",  # nemesis.PRIMARY_CUT: the member was primary
    "switchover": "gold",  # run.SWITCHOVER: before a primary's power cut
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
                color=COLOURS.get(kind, "black"),
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
