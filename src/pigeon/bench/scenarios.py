"""The scenarios S1–S6: named presets over one generator.

Each ``run_*`` takes keyword parameters (the CLI's options), runs against ``url`` or, when it
is None, a fresh embedded server, and returns the result dict written as JSON.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pigeon.bench import DESCRIPTIONS
from pigeon.bench.plan import Phase
from pigeon.bench.provision import provision_sync
from pigeon.bench.runner import (
    Progress,
    RunOptions,
    Target,
    machine,
    pigeon_version,
    run_once,
)
from pigeon.bench.server import BENCH_ENV, EmbeddedServer, rss_bytes

if TYPE_CHECKING:
    from prometheus_client.samples import Sample


@contextlib.contextmanager
def target_for(
    url: str | None, server_pids: list[int] | None, env: dict[str, str], progress: Progress
) -> Iterator[Target]:
    """The given server, or a fresh embedded one in a temporary directory (stopped after)."""
    if url:
        yield Target(url.rstrip("/"), None, tuple(server_pids or ()))
        return
    data = Path(tempfile.mkdtemp(prefix="pigeon-bench-"))
    server = EmbeddedServer(data, env)
    try:
        server.start()
        progress(f"embedded server pid {server.pid} on {server.url}", force=True)
        yield Target(server.url, server)
    finally:
        server.stop()
        shutil.rmtree(data, ignore_errors=True)


def _result(
    scenario: str,
    params: dict[str, Any],
    target: Target,
    env: dict[str, str],
    began: float,
) -> dict[str, Any]:
    return {
        "scenario": scenario,
        "description": DESCRIPTIONS[scenario],
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": params,
        "machine": machine(),
        "pigeon": pigeon_version(),
        "target": {
            "url": target.url,
            "embedded": target.server is not None,
            "server_env": env if target.server is not None else None,
        },
        "_began": began,
    }


def _finish(result: dict[str, Any]) -> dict[str, Any]:
    result["elapsed_s"] = round(time.monotonic() - result.pop("_began"), 1)
    result.pop("final_cursors", None)
    return result


def _opts(p: dict[str, Any], **extra: Any) -> RunOptions:
    return RunOptions(
        workers=p["workers"],
        client_lib=p["client"],
        schedule=p["schedule"],
        body_bytes=p["body_bytes"],
        kill_pid=p.get("kill_pid"),
        kill_at_s=p.get("kill_at"),
        **extra,
    )


def _even(n: int) -> int:
    return max(2, n + (n % 2))


def _chat(scenario: str, p: dict[str, Any], group_size: int, progress: Progress) -> dict[str, Any]:
    began = time.monotonic()
    env = dict(BENCH_ENV)
    users = _even(p["users"]) if group_size == 2 else max(2, p["users"])
    with target_for(p.get("url"), p.get("server_pids"), env, progress) as target:
        topo = provision_sync(target.url, users, group_size, progress=progress)
        phases = []
        if p["warmup"] > 0:
            phases.append(Phase("warmup", p["warmup"], p["rate"], measure=False))
        phases.append(Phase("steady", p["duration"], p["rate"]))
        out = _result(scenario, p | {"users": users}, target, env, began)
        out["provision_s"] = round(topo.seconds, 1)
        out.update(run_once(target, topo, phases, _opts(p), progress))
    return _finish(out)


def _env_for_clients(clients: int) -> dict[str, str]:
    """The bench's server settings, with room for ``clients`` connections beyond the
    default cap (15,000 per process)."""
    env = dict(BENCH_ENV)
    if clients > 14_000:
        env["PIGEON_MAX_CONNECTIONS"] = str(clients + 1000)
    return env


def run_s1(progress: Progress, **p: Any) -> dict[str, Any]:
    return _chat("S1", p, 2, progress)


def run_s2(progress: Progress, **p: Any) -> dict[str, Any]:
    out = _chat("S2", p, p["group_size"], progress)
    out["deliveries_per_send"] = round(out["delivered"] / max(out["acked"], 1), 2)
    return out


def run_s3(progress: Progress, **p: Any) -> dict[str, Any]:
    began = time.monotonic()
    clients = _even(p["clients"])
    env = _env_for_clients(clients)
    with target_for(p.get("url"), p.get("server_pids"), env, progress) as target:
        topo = provision_sync(target.url, clients, 2, progress=progress)
        phases = [Phase("storm", p["duration"], p["rate"])]
        mode = "restart" if target.server is not None else "close"
        opts = _opts(p, drop_at_s=p["drop_at"], drop_mode=mode, drain_timeout_s=60.0)
        out = _result("S3", p | {"clients": clients, "drop": mode}, target, env, began)
        out["provision_s"] = round(topo.seconds, 1)
        out.update(run_once(target, topo, phases, opts, progress))
    return _finish(out)


def run_s4(progress: Progress, **p: Any) -> dict[str, Any]:
    """Sends at a baseline rate, 10x that for a window, then the baseline again, with typing,
    history reads, read markers and hellos (each a new connection) beside the sends, so that
    every priority class of the load shedders (D53) is asked for. The per-user limits are
    the bench's (out of the way): what a spike of many users runs into is the shedders."""
    began = time.monotonic()
    env = dict(BENCH_ENV)
    if p["shed_loop_lag_s"] > 0:  # else the node's default
        env["PIGEON_SHED_LOOP_LAG_S"] = str(p["shed_loop_lag_s"])
    users = _even(p["users"])
    base, factor = p["rate"], p["spike_factor"]
    mix = {
        "typing": p["typing_per_send"],
        "history": p["history_per_send"],
        "read": p["read_per_send"],
        "hello": p["hello_per_send"],
    }
    with target_for(p.get("url"), p.get("server_pids"), env, progress) as target:
        topo = provision_sync(target.url, users, 2, progress=progress)
        phases = [
            Phase("baseline", p["baseline_s"], base),
            Phase("spike", p["spike_s"], base * factor),
            Phase("after", p["after_s"], base),
        ]
        out = _result("S4", p | {"users": users}, target, env, began)
        out["provision_s"] = round(topo.seconds, 1)
        out.update(run_once(target, topo, phases, _opts(p, mix=mix), progress))
        # The node's own counts: the embedded node's, or every gateway's of a cluster summed
        # (each sheds its own share, D53).
        metrics_urls = (
            [target.server.metrics_url]
            if target.server is not None
            else list(p.get("metrics_urls") or [])
        )
        if metrics_urls:
            out["server_metrics_urls"] = metrics_urls
            samples = metrics_samples(metrics_urls)  # one scrape of each node, read below
            out["server_refusals"] = server_refusals(samples)
            # Where a request waits in the node (D55): for the loop (a 50 ms timer, late by
            # how long every frame waits to be read), and for the disk (commit time).
            out["server_loop_lag"] = server_histogram_shares(
                samples, "pigeon_event_loop_lag_seconds", CRITICAL_BOUNDS_S
            )
            out["server_commit"] = server_histogram_shares(
                samples, "pigeon_group_commit_seconds", CRITICAL_BOUNDS_S
            )
            # A send's latency inside the node (read → ack written): apart from what waits
            # in socket buffers and in the load generator.
            out["server_send_latency"] = server_histogram_shares(
                samples, "pigeon_send_latency_seconds", CRITICAL_BOUNDS_S
            )
            # Read markers' and hellos' own (frame read → reply queued, D61): whether
            # critical work waits inside the node or outside it.
            for kind in ("read", "hello"):
                out[f"server_critical_latency_{kind}"] = server_histogram_shares(
                    samples,
                    "pigeon_critical_latency_seconds",
                    CRITICAL_BOUNDS_S,
                    {"type": kind},
                )
    out["refused"] = sum(out["refusals"].values())
    spike = next(ph for ph in out["phases"] if ph["name"] == "spike")
    after = next(ph for ph in out["phases"] if ph["name"] == "after")
    out["spike"] = {
        "refused": sum(spike["refusals"].values()),
        "refusal_latency_ms": spike["refusal_latency_ms"],
        "latency_ms_during": spike["latency_ms"],
        "latency_ms_after": after["latency_ms"],
        "recovery_s": _recovery_s(out, p),
        "by_kind": {ph["name"]: by_kind(ph) for ph in out["phases"]},
    }
    return _finish(out)


def by_kind(phase: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A phase's requests by kind: sent, served, refused, and the latency of those served
    (from the intended time; a send's is its ack's)."""

    def row(sent: int, served: int, refused: int, latency: dict[str, Any]) -> dict[str, Any]:
        return {
            "sent": sent,
            "served": served,
            "refused": refused,
            "p50_ms": latency["p50"],
            "p99_ms": latency["p99"],
        }

    out = {
        "send": row(
            phase["sent"],
            phase["acked"],
            sum(phase["refusals"].values()),
            phase["ack_latency_ms"],
        )
    }
    for kind, c in phase.get("classes", {}).items():
        out[kind] = row(c["sent"], c["served"], c["refused"], c["latency_ms"])
    return out


def metrics_samples(metrics_urls: list[str]) -> list[Sample]:
    """Every sample of each node's ``/metrics`` page, the nodes' one after the other."""
    from urllib.request import urlopen

    from prometheus_client.parser import text_string_to_metric_families

    samples: list[Sample] = []
    for url in metrics_urls:
        with urlopen(url + "/metrics", timeout=10) as response:
            text = response.read().decode()
        for family in text_string_to_metric_families(text):
            samples.extend(family.samples)
    return samples


def server_refusals(samples: list[Sample]) -> dict[str, float]:
    """What the nodes counted, summed: load shed by shedder and priority, rate limits by
    limit."""
    out: dict[str, float] = {}
    for s in samples:
        if s.name == "pigeon_shed_total" and s.value:
            key = f"shed {s.labels['shedder']} {s.labels['priority']}"
        elif s.name == "pigeon_rate_limited_total" and s.value:
            key = f"rate_limited {s.labels['limit']}"
        else:
            continue
        out[key] = out.get(key, 0.0) + s.value
    return out


# The shares S4 reports of the node's latencies: tens of milliseconds is critical work's
# latency kept (D61), seconds are what D55 looked at.
CRITICAL_BOUNDS_S = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0)


def server_histogram_shares(
    samples: list[Sample],
    name: str,
    bounds: tuple[float, ...] = (0.1, 0.5, 1.0),
    labels: dict[str, str] | None = None,
) -> dict[str, float]:
    """One of the nodes' histograms over the run, summed over the nodes and over its labels
    (those matching ``labels``, if given): its count, and the share of observations over
    each of ``bounds`` seconds (which must be bucket bounds)."""
    buckets: dict[float, float] = {}
    for s in samples:
        if s.name == name + "_bucket" and (labels or {}).items() <= s.labels.items():
            le = float(s.labels["le"])
            buckets[le] = buckets.get(le, 0.0) + s.value
    total = buckets.get(float("inf"), 0.0)
    out = {"count": total}
    for bound in bounds:
        late = total - buckets.get(bound, total)
        out[f"over_{bound:g}_s"] = round(late / total, 4) if total else 0.0
    return out


def _recovery_s(out: dict[str, Any], p: dict[str, Any]) -> float | None:
    """Seconds after the spike until an interval's e2e p99 is back within 2x the baseline's
    (and at least 10 ms), with no refusals."""
    baseline = next(ph for ph in out["phases"] if ph["name"] == "baseline")
    bound = max(2 * baseline["latency_ms"]["p99"], 10.0)
    spike_end = p["baseline_s"] + p["spike_s"]
    for row in out["intervals"]:
        if row["t_s"] < spike_end:
            continue
        if row["e2e_ms"]["p99"] <= bound and row["refused"] == 0:
            return float(row["t_s"] - spike_end)
    return None


def run_s5(progress: Progress, **p: Any) -> dict[str, Any]:
    began = time.monotonic()
    clients = _even(p["clients"])
    env = _env_for_clients(clients)
    with target_for(p.get("url"), p.get("server_pids"), env, progress) as target:
        pid = target.current_pid()
        topo = provision_sync(target.url, clients, 2, progress=progress)
        rss_before = rss_bytes(pid) if pid else 0
        phases = [Phase("idle", p["hold"], 0.0)]
        opts = _opts(p, sample_rss=True)
        out = _result("S5", p | {"clients": clients}, target, env, began)
        out["provision_s"] = round(topo.seconds, 1)
        out.update(run_once(target, topo, phases, opts, progress))
        series = out.get("rss_series") or []
        rss_after = max((r[1] for r in series), default=0)
    per_conn = (rss_after - rss_before) / clients if pid else None
    out["memory"] = {
        "server_pid": pid,
        "rss_mib_before_connections": round(rss_before / 2**20, 1),
        "rss_mib_with_connections": round(rss_after / 2**20, 1),
        "connections": clients,
        "rss_kib_per_connection": round(per_conn / 1024, 2) if per_conn else None,
        "connections_per_gib": int(2**30 / per_conn) if per_conn else None,
        "note": "server RSS delta only; the kernel's socket buffers (about 5 KiB each) are extra",
    }
    return _finish(out)


def run_s6(progress: Progress, **p: Any) -> dict[str, Any]:
    began = time.monotonic()
    env = dict(BENCH_ENV)
    users = _even(p["users"])
    steps: list[dict[str, Any]] = []
    best: dict[str, Any] | None = None
    with target_for(p.get("url"), p.get("server_pids"), env, progress) as target:
        topo = provision_sync(target.url, users, 2, progress=progress)
        out = _result("S6", p | {"users": users}, target, env, began)
        out["provision_s"] = round(topo.seconds, 1)
        rate = float(p["start_rate"])
        cursors: dict[int, dict[str, int]] = {}
        for i in range(p["max_steps"]):
            progress(f"step {i + 1}: {rate:.0f} sends/s", force=True)
            phases = [Phase("warmup", 1, rate, measure=False), Phase("step", p["step_s"], rate)]
            res = run_once(target, topo, phases, _opts(p, cursors=cursors), progress)
            cursors = res.pop("final_cursors")
            held = (
                res["correct"]
                and res["latency_ms"]["p99"] <= p["p99_bound_ms"]
                and res["acked_per_s"] >= 0.95 * rate
                and sum(res["refusals"].values()) == 0
            )
            step = {"rate": rate, "held": held, **res}
            steps.append(step)
            if not held:
                break
            best = step
            rate *= p["factor"]
    last = steps[-1]
    out.update(
        {
            "capacity": {
                "p99_bound_ms": p["p99_bound_ms"],
                "highest_rate_held": best["rate"] if best else None,
                "acked_per_s_at_capacity": best["acked_per_s"] if best else None,
                "latency_ms_at_capacity": best["latency_ms"] if best else None,
                "first_rate_failed": None if last["held"] else last["rate"],
            },
            "steps": [
                {
                    k: s[k]
                    for k in (
                        "rate",
                        "held",
                        "acked_per_s",
                        "delivered_per_s",
                        "latency_ms",
                        "ack_latency_ms",
                        "refusals",
                        "lost",
                        "duplicated",
                        "reordered",
                        "phantom",
                        "generator",
                        "server",
                        "machine_speed",
                    )
                }
                for s in steps
            ],
        }
    )
    # The headline keys are those of the capacity step (or the first step if none held).
    head = best or steps[0]
    for k in (
        "acked_per_s",
        "delivered_per_s",
        "latency_ms",
        "ack_latency_ms",
        "intervals",
        "phases",
        "generator",
        "server",
        "machine_speed",
    ):
        out[k] = head[k]
    for k in ("lost", "duplicated", "reordered", "phantom"):
        out[k] = sum(s[k] for s in steps)
    out["correct"] = all(s["correct"] for s in steps)
    return _finish(out)


RUNNERS = {
    "S1": run_s1,
    "S2": run_s2,
    "S3": run_s3,
    "S4": run_s4,
    "S5": run_s5,
    "S6": run_s6,
}
