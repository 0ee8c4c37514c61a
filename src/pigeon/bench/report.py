"""Writing a run: the JSON document, a PNG plot (matplotlib, Agg) and a short text summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_json(result: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1, default=str) + "\n")


def _phase_spans(result: dict[str, Any]) -> list[tuple[str, float, float]]:
    spans = []
    begin = 0.0
    for ph in result.get("phases", []):
        spans.append((ph["name"], begin, begin + ph["duration_s"]))
        begin += ph["duration_s"]
    return spans


def write_plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scenario = result["scenario"]
    extra = scenario in ("S3", "S4", "S5", "S6")
    fig, axes = plt.subplots(3 if extra else 2, 1, figsize=(10, 10 if extra else 7))
    ax_lat, ax_rate = axes[0], axes[1]
    rows = result.get("intervals", [])
    ts = [r["t_s"] + 0.5 for r in rows]
    for key, style in (("p50", "-"), ("p90", "-"), ("p99", "-"), ("p99_9", "--"), ("max", ":")):
        ys = [max(r["e2e_ms"][key], 1e-3) if r["e2e_ms"]["count"] else None for r in rows]
        ax_lat.plot(ts, ys, style, label=f"e2e {key.replace('_', '.')}")
    ax_lat.set_yscale("log")
    ax_lat.set_ylabel("send → delivered (ms)")
    ax_lat.set_xlabel("intended send time (s)")
    ax_lat.grid(True, which="both", alpha=0.3)
    ax_lat.legend(loc="upper left", fontsize=8)
    ax_rate.plot(ts, [r["sent"] for r in rows], label="sent/s")
    ax_rate.plot(ts, [r["acked"] for r in rows], label="acked/s")
    ax_rate.plot(ts, [r["delivered"] for r in rows], label="delivered/s")
    if any(r["refused"] for r in rows):
        ax_rate.plot(ts, [r["refused"] for r in rows], label="refused/s")
    ax_rate.set_ylim(bottom=0)
    ax_rate.set_ylabel("per second")
    ax_rate.set_xlabel("intended send time (s)")
    ax_rate.grid(True, alpha=0.3)
    ax_rate.legend(loc="upper left", fontsize=8)
    for ax in (ax_lat, ax_rate):
        for name, a, b in _phase_spans(result):
            if name in ("spike", "warmup"):
                ax.axvspan(a, b, alpha=0.12, color="red" if name == "spike" else "grey")
    drop = result.get("drop")
    if drop and result["parameters"].get("drop_at") is not None:
        for ax in (ax_lat, ax_rate):
            ax.axvline(result["parameters"]["drop_at"], color="red", linestyle="--")
    if scenario == "S6":
        ax = axes[2]
        steps = result.get("steps", [])
        xs = [s["acked_per_s"] for s in steps]
        ax.plot(xs, [s["latency_ms"]["p50"] for s in steps], "o-", label="e2e p50")
        ax.plot(xs, [s["latency_ms"]["p99"] for s in steps], "o-", label="e2e p99")
        ax.axhline(result["parameters"]["p99_bound_ms"], color="red", linestyle="--", label="bound")
        ax.set_xlabel("acked sends/s (one step each)")
        ax.set_ylabel("ms")
        ax.set_yscale("log")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        ax_lat.set_title("time series of the capacity step")
    elif scenario == "S3" and drop:
        ax = axes[2]
        curve = drop.get("caught_up_curve_s") or []
        ax.plot(curve, [i for i in range(len(curve))], "-")
        ax.set_xlabel("seconds since the drop")
        ax.set_ylabel("% of clients caught up")
        ax.grid(True, alpha=0.3)
    elif scenario == "S4":
        # Per kind of request: refused/s (solid) and the p99 of the critical ones (latency).
        ax = axes[2]
        # A typing frame has no reply: its refusals are only the server's (server_refusals).
        kinds = sorted({kind for r in rows for kind in r.get("classes", {})} - {"typing"})
        ax.plot(ts, [r["refused"] for r in rows], label="send refused/s")
        for kind in kinds:
            ax.plot(
                ts,
                [r.get("classes", {}).get(kind, {}).get("refused", 0) for r in rows],
                label=f"{kind} refused/s",
            )
        ax.set_ylim(bottom=0)
        ax.set_ylabel("refused per second")
        ax.set_xlabel("intended time (s)")
        ax.grid(True, alpha=0.3)
        ax.legend(loc="upper left", fontsize=8)
        for name, a, b in _phase_spans(result):
            if name == "spike":
                ax.axvspan(a, b, alpha=0.12, color="red")
        ax_lat.plot(
            ts,
            [max(r["ack_ms"]["p99"], 1e-3) if r["ack_ms"]["count"] else None for r in rows],
            "k-",
            label="ack p99",
        )
        for kind in ("hello", "read"):
            ys = []
            for r in rows:
                lat = r.get("classes", {}).get(kind, {}).get("latency_ms")
                ys.append(max(lat["p99"], 1e-3) if lat and lat["count"] else None)
            ax_lat.plot(ts, ys, "x-", label=f"{kind} p99")
        ax_lat.set_ylabel("send → delivered; ack, hello, read (ms)")
        ax_lat.legend(loc="upper left", fontsize=8)
    elif scenario == "S5":
        ax = axes[2]
        series = result.get("rss_series") or []
        ax.plot([s[2] for s in series], [s[1] / 2**20 for s in series], ".")
        ax.set_xlabel("connections open")
        ax.set_ylabel("server RSS (MiB)")
        ax.grid(True, alpha=0.3)
    m = result["machine"]
    fig.suptitle(
        f"Pigeon bench {scenario}: {result['description']}\n"
        f"{m['nproc']} cores ({m['cpu_model']}) shared by server and generator; "
        f"{speed_text(result.get('machine_speed'))}",
        fontsize=10,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=90)
    plt.close(fig)


def speed_text(machine_speed: dict[str, Any] | None) -> str:
    """The probe's readings in a few words (see pigeon.bench.probe)."""
    if not machine_speed:
        return "machine speed not probed"
    during = machine_speed.get("probe_us_during") or []
    middle = (
        f", {len(during)} during the load ({min(during):.0f}–{max(during):.0f})" if during else ""
    )
    return (
        f"speed probe {machine_speed['probe_us_start']:.0f} → "
        f"{machine_speed['probe_us_end']:.0f} µs{middle} (reference "
        f"{machine_speed['reference_us']:.0f} µs: speed ×{machine_speed['speed_factor']})"
    )


def text_summary(result: dict[str, Any]) -> str:
    lat = result["latency_ms"]
    lines = [
        f"{result['scenario']}: {result['description']}",
        f"  acked {result['acked_per_s']:,.0f}/s   delivered {result['delivered_per_s']:,.0f}/s",
        f"  e2e ms  p50 {lat['p50']}  p90 {lat['p90']}  p99 {lat['p99']}  "
        f"p99.9 {lat['p99_9']}  max {lat['max']}",
        f"  ack ms  p50 {result['ack_latency_ms']['p50']}  p99 {result['ack_latency_ms']['p99']}",
    ]
    if "refusals" in result and sum(result["refusals"].values()):
        lines.append(
            f"  refused {result['refusals']}  refusal reply p99 "
            f"{result['refusal_latency_ms']['p99']} ms"
        )
    if "drop" in result:
        d = result["drop"]
        lines.append(
            f"  drop ({d['mode']}): {d['resumed']}/{d['clients']} resumed, all caught up in "
            f"{d['all_caught_up_s']} s (server down {d['server_down_s']} s)"
        )
    if "memory" in result:
        mem = result["memory"]
        lines.append(
            f"  {mem['connections']} idle connections: {mem['rss_kib_per_connection']} KiB each, "
            f"{mem['connections_per_gib']} per GiB"
        )
    if "capacity" in result:
        cap = result["capacity"]
        lines.append(
            f"  capacity at p99 ≤ {cap['p99_bound_ms']} ms: {cap['highest_rate_held']} sends/s"
        )
        for step in result.get("steps", []):
            lines.append(
                f"    step {step['rate']:.0f}/s {'held' if step['held'] else 'missed'}: "
                f"e2e p99 {step['latency_ms']['p99']} ms, cpu per acked message: server "
                f"{step['server'].get('cpu_us_per_msg')} µs, generator "
                f"{step['generator'].get('cpu_us_per_msg')} µs; "
                f"{speed_text(step.get('machine_speed'))}"
            )
    gen, srv = result.get("generator", {}), result.get("server", {})
    lines.append(
        f"  cpu: generator {gen.get('cpu_cores_used')} cores, server {srv.get('cpu_cores_used')} "
        f"cores (of {result['machine']['nproc']} shared)"
    )
    lines.append(
        f"  cpu per acked message: server {srv.get('cpu_us_per_msg')} µs, generator "
        f"{gen.get('cpu_us_per_msg')} µs (server per delivery {srv.get('cpu_us_per_delivery')} µs)"
    )
    lines.append(f"  machine: {speed_text(result.get('machine_speed'))}")
    lines.append(
        f"  the same at reference speed: server {srv.get('cpu_us_per_msg_at_reference')} µs, "
        f"generator {gen.get('cpu_us_per_msg_at_reference')} µs (server per delivery "
        f"{srv.get('cpu_us_per_delivery_at_reference')} µs)"
    )
    verdict = "correct" if result["correct"] else "INCORRECT"
    lines.append(
        f"  {verdict}: lost {result['lost']}  duplicated {result['duplicated']}  "
        f"reordered {result['reordered']}  phantom {result['phantom']}"
    )
    return "\n".join(lines)
