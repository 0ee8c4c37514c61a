"""The coordinator: spawns the worker processes, starts them together, injects the drop
(S3), gathers and merges their results, and computes the correctness figures."""

from __future__ import annotations

import bisect
import multiprocessing as mp
import os
import platform
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from pigeon import __version__
from pigeon.bench import probe, stats
from pigeon.bench.plan import INTERVAL_S, Phase, WorkerConfig
from pigeon.bench.provision import Topology
from pigeon.bench.server import CpuMeter, EmbeddedServer, rss_bytes, us_per
from pigeon.bench.worker import (
    N_PROGRESS,
    P_ACKED,
    P_CAUGHT_UP,
    P_CONNECTED,
    P_DELIVERED,
    P_REFUSED,
    P_SENT,
    now_us,
    worker_main,
)

WORKER_START_TIMEOUT_S = 60.0
# The machine-speed probe during a run's load: a reading every this many seconds (about
# 5 ms of the coordinator's CPU each, 0.2% of a core), at most this many a run.
PROBE_EVERY_S = 2.0
PROBES_MAX = 1000
STOP_TIMEOUT_S = 10.0


class BenchError(RuntimeError):
    pass


class Progress:
    """One self-rewriting status line on stderr (a plain line per update when not a tty)."""

    def __init__(self, label: str, quiet: bool = False) -> None:
        self.label = label
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, text: str, force: bool = False) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if not force and now - self.last < (0.25 if self.tty else 2.0):
            return
        self.last = now
        if self.tty:
            sys.stderr.write(f"\r\x1b[2K[{self.label}] {text}")
        else:
            sys.stderr.write(f"[{self.label}] {text}\n")
        sys.stderr.flush()

    def done(self, text: str) -> None:
        if self.quiet:
            return
        end = "\n"
        sys.stderr.write((f"\r\x1b[2K[{self.label}] {text}" if self.tty else text) + end)
        sys.stderr.flush()


def bar(fraction: float, width: int = 24) -> str:
    filled = int(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = ""
    mem_kib = 0
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": model,
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "loadavg_at_start": list(os.getloadavg()),
        "note": "server and load generator share these cores",
    }


def pigeon_version() -> dict[str, Any]:
    root = Path(__file__).resolve().parents[3]
    commit, dirty = "", None
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout
        dirty = bool(status.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return {"version": __version__, "commit": commit, "dirty": dirty}


@dataclass
class RunOptions:
    workers: int = 2
    client_lib: str = "picows"
    schedule: str = "poisson"
    body_bytes: int = 64
    drop_at_s: float | None = None  # S3: drop every connection this long after the start
    drop_mode: str = "restart"  # or "close"
    kill_pid: int | None = None  # SIGKILL this process (a gateway, a NATS node) ...
    kill_at_s: float | None = None  # ... this long after the start; the clients carry on
    sample_rss: bool = False
    cursors: dict[int, dict[str, int]] = field(default_factory=dict)
    drain_timeout_s: float = 30.0
    mix: dict[str, float] = field(default_factory=dict)  # S4: WorkerConfig.mix


@dataclass
class Target:
    """The server under load: an embedded process (restartable, measurable) or a URL, with
    the pids whose CPU is the server's (a cluster: every gateway, database, bus and proxy)."""

    url: str
    server: EmbeddedServer | None = None
    pids: tuple[int, ...] = ()

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://", 1).rstrip("/") + "/v1/ws"

    def current_pid(self) -> int | None:
        """The embedded server's pid, or the first pid given."""
        if self.server is not None and self.server.proc:
            return self.server.pid
        return self.pids[0] if self.pids else None

    def current_pids(self) -> tuple[int, ...]:
        if self.server is not None and self.server.proc:
            return (self.server.pid,)
        return self.pids


def _split(topology: Topology, workers: int) -> list[list[int]]:
    """Client indexes per worker, round-robin, so the members of a conversation are spread."""
    parts: list[list[int]] = [[] for _ in range(workers)]
    for i, c in enumerate(topology.clients):
        parts[i % workers].append(c.idx)
    return parts


def run_once(
    target: Target,
    topology: Topology,
    phases: list[Phase],
    opts: RunOptions,
    progress: Progress,
) -> dict[str, Any]:
    """One measured run with fresh worker processes; returns the merged figures."""
    probe_start_us = probe.probe_us()
    ctx = mp.get_context("spawn")
    workers = max(1, min(opts.workers, len(topology.clients)))
    counters: Any = ctx.Array("q", workers * N_PROGRESS, lock=False)
    run_tag = secrets.token_hex(3)
    by_idx = {c.idx: c for c in topology.clients}
    n_senders = sum(1 for c in topology.clients if c.sends and c.convs)
    procs: list[Any] = []
    pipes: list[Connection] = []
    for w, idxs in enumerate(_split(topology, workers)):
        specs = [by_idx[i] for i in idxs]
        share = sum(1 for c in specs if c.sends and c.convs) / max(n_senders, 1)
        cfg = WorkerConfig(
            worker_id=w,
            ws_url=target.ws_url,
            epoch=topology.epoch,
            clients=specs,
            phases=phases,
            run_tag=run_tag,
            rate_share=share,
            schedule=opts.schedule,
            client_lib=opts.client_lib,
            body_bytes=opts.body_bytes,
            drain_timeout_s=opts.drain_timeout_s,
            cursors={i: opts.cursors[i] for i in idxs if i in opts.cursors},
            mix=opts.mix,
        )
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=worker_main, args=(cfg, child, counters), daemon=True)
        proc.start()
        child.close()
        procs.append(proc)
        pipes.append(parent)
    try:
        during: list[float] = []
        merged = _coordinate(
            target, topology, phases, opts, progress, procs, pipes, counters, during
        )
        scale_to_reference(merged, probe.speed(probe_start_us, probe.probe_us(), during))
        return merged
    finally:
        for proc in procs:
            proc.join(STOP_TIMEOUT_S)
            if proc.is_alive() and proc.pid is not None:
                os.kill(proc.pid, 9)
                proc.join(STOP_TIMEOUT_S)
        for pipe in pipes:
            pipe.close()


def _counter(counters: Any, workers: int, which: int) -> int:
    return sum(int(counters[w * N_PROGRESS + which]) for w in range(workers))


def _collect(
    pipes: list[Connection],
    kind: str,
    timeout_s: float,
    tick: Callable[[], None],
) -> list[Any]:
    """The ``kind`` message of every worker, in worker order; ``tick`` runs while waiting."""
    got: dict[int, Any] = {}
    deadline = time.monotonic() + timeout_s
    while len(got) < len(pipes):
        left = deadline - time.monotonic()
        if left <= 0:
            raise BenchError(f"workers did not report {kind!r} within {timeout_s:.0f} s")
        ready = wait([p for i, p in enumerate(pipes) if i not in got], min(left, 0.2))
        for p in ready:
            assert isinstance(p, Connection)
            i = pipes.index(p)
            try:
                msg = p.recv()
            except (EOFError, OSError) as exc:
                raise BenchError(f"worker {i} exited before {kind!r}: {exc!r}") from exc
            if msg[0] == "failed":
                raise BenchError(f"worker {i} failed: {msg[1]}")
            if msg[0] != kind:
                raise BenchError(f"worker {i} sent {msg[0]!r}, expected {kind!r}")
            got[i] = msg[1]
        tick()
    return [got[i] for i in range(len(pipes))]


def _coordinate(
    target: Target,
    topology: Topology,
    phases: list[Phase],
    opts: RunOptions,
    progress: Progress,
    procs: list[Any],
    pipes: list[Connection],
    counters: Any,
    probe_readings: list[float],
) -> dict[str, Any]:
    """Run the load; ``probe_readings`` gets the machine-speed probe's readings taken
    during it."""
    workers = len(pipes)
    n_clients = len(topology.clients)

    def show_connect() -> None:
        done = _counter(counters, workers, P_CONNECTED)
        progress(f"connecting {bar(done / max(n_clients, 1))} {done}/{n_clients}")

    connect_timeout = WORKER_START_TIMEOUT_S + n_clients / 50
    ready = _collect(pipes, "ready", connect_timeout, show_connect)
    progress(f"connected {n_clients} clients", force=True)

    total_s = sum(p.duration_s for p in phases)
    start_us = now_us() + 300_000
    end_us = start_us + total_s * 1_000_000
    for p in pipes:
        p.send(("go", start_us))
    while now_us() < start_us:
        time.sleep(0.01)
    cpu = CpuMeter(target.current_pids())
    rss_series: list[tuple[float, int, int]] = []
    drop: dict[str, Any] = {}
    killed: dict[str, Any] = {}
    next_sample = 0.0
    next_cpu_sample = 0.0
    next_probe = PROBE_EVERY_S / 2

    def tick() -> None:
        nonlocal next_sample, next_cpu_sample, next_probe
        t = (now_us() - start_us) / 1e6
        if t >= next_probe and t < total_s and len(probe_readings) < PROBES_MAX:
            next_probe = t + PROBE_EVERY_S
            probe_readings.append(probe.probe_us())
        if t >= next_cpu_sample:  # so that a process killed mid-run keeps its CPU so far
            next_cpu_sample = t + 0.5
            cpu.sample()
        if opts.drop_at_s is not None and not drop and t >= opts.drop_at_s:
            drop["at_us"] = now_us()
            if opts.drop_mode == "restart" and target.server is not None:
                cpu.sample()
                drop["server_down_s"] = target.server.restart_hard()
                cpu.add(target.current_pids())
            else:
                for p in pipes:
                    p.send(("drop",))
            drop["mode"] = opts.drop_mode
        if opts.kill_pid is not None and not killed and t >= (opts.kill_at_s or 0.0):
            cpu.sample()
            killed.update(pid=opts.kill_pid, at_s=round(t, 2))
            try:
                os.kill(opts.kill_pid, signal.SIGKILL)
            except ProcessLookupError:
                killed["error"] = "no such process"
        pid = target.current_pid()
        if opts.sample_rss and pid and t >= next_sample:
            next_sample = t + 0.5
            rss_series.append(
                (round(t, 2), rss_bytes(pid), _counter(counters, workers, P_CONNECTED))
            )
        sent = _counter(counters, workers, P_SENT)
        acked = _counter(counters, workers, P_ACKED)
        delivered = _counter(counters, workers, P_DELIVERED)
        refused = _counter(counters, workers, P_REFUSED)
        text = (
            f"{bar(t / max(total_s, 1))} {min(t, total_s):5.1f}/{total_s} s  "
            f"sent {sent}  acked {acked}  delivered {delivered}"
        )
        if refused:
            text += f"  refused {refused}"
        if drop:
            text += f"  resumed {_counter(counters, workers, P_CAUGHT_UP)}"
        progress(text)

    while now_us() < end_us:
        tick()
        time.sleep(0.05)
    cpu.sample()
    server_cpu = cpu.seconds
    pid = target.current_pid()
    server_rss = rss_bytes(pid) if pid and pid != opts.kill_pid else 0
    sent_done = _collect(pipes, "sent_done", opts.drain_timeout_s + 120, tick)
    cpu.sample()  # every send is answered: what the run's messages cost the server
    server_cpu_answered = cpu.seconds
    targets: dict[str, int] = {}
    for part in sent_done:
        for conv, seq in part.items():
            targets[conv] = max(targets.get(conv, 0), seq)
    for p in pipes:
        p.send(("targets", targets))
    results = _collect(pipes, "result", opts.drain_timeout_s + 60, lambda: None)
    progress.done(f"run finished: {total_s} s of load, {n_clients} clients")
    merged = merge(results, topology, phases, start_us)
    merged["generator"].update(
        {
            "workers": workers,
            "client_lib": opts.client_lib,
            "schedule": opts.schedule,
            "connect_s": max(r["connect_s"] for r in ready),
        }
    )
    merged["server"] = {
        "pid": pid,
        "pids": list(target.current_pids()),
        "cpu_s_by_pid": {str(p): round(s, 2) for p, s in cpu.seconds_by_pid.items()},
        "cpu_s": round(server_cpu, 2),
        "cpu_cores_used": round(server_cpu / max(total_s, 1), 2),
        **per_message(server_cpu_answered, merged["phases"]),
        "rss_mib_at_end": round(server_rss / 2**20, 1),
    }
    if rss_series:
        merged["rss_series"] = rss_series
    if drop:
        merged["drop"] = _resume(drop, results, n_clients)
    if killed:
        merged["killed"] = killed
    return merged


def scale_to_reference(merged: dict[str, Any], machine_speed: dict[str, Any]) -> None:
    """Record the machine's probed speed in a run's figures, and each CPU figure per message
    and per delivery scaled to the reference speed (``*_at_reference``)."""
    merged["machine_speed"] = machine_speed
    for side in ("server", "generator"):
        figures = merged[side]
        for key in ("cpu_us_per_msg", "cpu_us_per_delivery"):
            figures[f"{key}_at_reference"] = probe.at_reference(figures[key], machine_speed)


def per_message(cpu_s: float, phase_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """CPU per acked message and per delivery: the CPU from the load's start until every send
    was answered, over every message acked in the run (a warm-up's too). A server that falls
    behind answers after the load ends, so the load window alone would undercount it."""
    acked = sum(int(row["acked"]) for row in phase_rows)
    delivered = sum(int(row["delivered"]) for row in phase_rows)
    return {
        "cpu_s_answered": round(cpu_s, 3),
        "cpu_us_per_msg": us_per(cpu_s, acked),
        "cpu_us_per_delivery": us_per(cpu_s, delivered),
    }


def _resume(drop: dict[str, Any], results: list[dict[str, Any]], n_clients: int) -> dict[str, Any]:
    """S3: how long until every dropped client was reconnected and caught up."""
    at = int(drop["at_us"])
    hist = stats.new_hist()
    times: list[float] = []
    for r in results:
        for _dropped_at, caught_up_at in r["drops"]:
            stats.record(hist, caught_up_at - at)
            times.append((caught_up_at - at) / 1e6)
    times.sort()
    still = sum(r["still_dropped"] for r in results)
    return {
        "mode": drop["mode"],
        "server_down_s": round(float(drop.get("server_down_s", 0.0)), 3),
        "clients": n_clients,
        "dropped": len(times) + still,
        "resumed": len(times),
        "not_resumed": still,
        "all_caught_up_s": round(times[-1], 3) if times else None,
        "caught_up_ms": stats.summary_ms(hist),
        "caught_up_curve_s": [times[int(i * (len(times) - 1) / 100)] for i in range(101)]
        if times
        else [],
        "reconnect_failures": sum(r["counts"]["reconnect_failures"] for r in results),
        "resume_stuck_no_welcome": sum(r["counts"]["resume_stuck_no_welcome"] for r in results),
        "resume_stuck_pulling": sum(r["counts"]["resume_stuck_pulling"] for r in results),
    }


def _sum_intervals(items: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        k: 0 for k in ("sent", "acked", "delivered", "pulled", "rate_limited", "busy", "errors")
    }
    for it in items:
        for k in out:
            out[k] += it[k]
    for h in ("e2e", "ack", "refusal"):
        out[h] = stats.merge([it[h] for it in items])
    return out


def _sum_classes(items: list[dict[str, Any]]) -> dict[str, Any]:
    """S4: per kind of request (typing, history, read, hello), what was sent, served and
    refused, with the latency of each (from the intended time)."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for it in items:
        for kind, st in it.items():
            by_kind.setdefault(kind, []).append(st)
    out: dict[str, Any] = {}
    for kind, sts in sorted(by_kind.items()):
        counts = {
            k: sum(st[k] for st in sts)
            for k in ("sent", "served", "busy", "rate_limited", "errors")
        }
        out[kind] = {
            **counts,
            "refused": counts["busy"] + counts["rate_limited"],
            "latency_ms": stats.summary_ms(stats.merge([st["latency"] for st in sts])),
            "refusal_latency_ms": stats.summary_ms(stats.merge([st["refusal"] for st in sts])),
        }
    return out


def merge(
    results: list[dict[str, Any]], topology: Topology, phases: list[Phase], start_us: int
) -> dict[str, Any]:
    # Time series, one entry per interval.
    per_k: dict[int, list[dict[str, Any]]] = {}
    for r in results:
        for k, iv in r["intervals"].items():
            per_k.setdefault(int(k), []).append(iv)
    classes_k: dict[int, list[dict[str, Any]]] = {}
    for r in results:
        for k, by_kind in r.get("classes", {}).items():
            classes_k.setdefault(int(k), []).append(by_kind)
    total_s = sum(p.duration_s for p in phases)
    series = []
    merged_k: dict[int, dict[str, Any]] = {}
    for k in sorted(per_k):
        m = merged_k[k] = _sum_intervals(per_k[k])
        row: dict[str, Any] = {
            "t_s": k * INTERVAL_S,
            "sent": m["sent"],
            "acked": m["acked"],
            "delivered": m["delivered"],
            "refused": m["rate_limited"] + m["busy"],
            "e2e_ms": stats.summary_ms(m["e2e"]),
            "ack_ms": stats.summary_ms(m["ack"]),
        }
        if classes_k:
            row["classes"] = {
                kind: {key: c[key] for key in ("sent", "served", "refused", "latency_ms")}
                for kind, c in _sum_classes(classes_k.get(k, [])).items()
            }
        series.append(row)

    def figures(ks: list[int], seconds: float) -> dict[str, Any]:
        m = _sum_intervals([it for k in ks if k in per_k for it in per_k[k]])
        seconds = max(seconds, 1e-9)
        extra: dict[str, Any] = {}
        if classes_k:
            extra["classes"] = _sum_classes([c for k in ks for c in classes_k.get(k, [])])
        return extra | {
            "duration_s": seconds,
            "sent": m["sent"],
            "acked": m["acked"],
            "delivered": m["delivered"],
            "delivered_via_pull": m["pulled"],
            "acked_per_s": round(m["acked"] / seconds, 1),
            "delivered_per_s": round(m["delivered"] / seconds, 1),
            "latency_ms": stats.summary_ms(m["e2e"]),
            "ack_latency_ms": stats.summary_ms(m["ack"]),
            "refusals": {"rate_limited": m["rate_limited"], "busy": m["busy"]},
            "refusal_latency_ms": stats.summary_ms(m["refusal"]),
            "send_errors": m["errors"],
        }

    phase_rows = []
    begin = 0
    measured_ks: list[int] = []
    measured_s = 0
    for p in phases:
        ks = list(range(begin // INTERVAL_S, (begin + p.duration_s) // INTERVAL_S))
        phase_rows.append(
            {"name": p.name, "rate": p.rate, "measure": p.measure} | figures(ks, p.duration_s)
        )
        if p.measure:
            measured_ks += ks
            measured_s += p.duration_s
        begin += p.duration_s
    # Sends scheduled before the end but answered after it still count in their interval;
    # nothing is scheduled beyond total_s.
    summary = figures(measured_ks, measured_s)

    # Correctness.
    counts: dict[str, int] = {}
    for r in results:
        for k, v in r["counts"].items():
            counts[k] = counts.get(k, 0) + v
    acked: dict[str, list[int]] = {}
    for r in results:
        for conv, seqs in r["acked"].items():
            acked.setdefault(conv, []).extend(seqs)
    cursors: dict[int, dict[str, int]] = {}
    for r in results:
        for idx, cur in r["cursors"].items():
            cursors[int(idx)] = cur
    lost = 0
    lost_by_member = 0
    acked_total = 0
    dup_acks = 0
    for conv, seqs in acked.items():
        seqs.sort()
        acked_total += len(seqs)
        dup_acks += len(seqs) - len(set(seqs))
        for idx in topology.members.get(conv, []):
            cur = cursors.get(idx, {}).get(conv, 0)
            missing = len(seqs) - bisect.bisect_right(seqs, cur)
            if missing:
                lost_by_member += 1
                lost += missing
    issued: dict[int, int] = {}
    seen: dict[int, int] = {}
    for r in results:
        issued.update({int(k): v for k, v in r["issued"].items()})
        for c, n in r["maxn_seen"].items():
            seen[int(c)] = max(seen.get(int(c), -1), n)
    phantom = counts["phantom"] + sum(
        max(0, n + 1 - issued.get(c, 0)) for c, n in seen.items() if n >= issued.get(c, 0)
    )
    duplicated = counts["duplicated"] + counts["push_duplicated"] + dup_acks
    reordered = counts["reordered"] + counts["push_reordered"]
    unverified = sum(r["unverified"] for r in results)
    unanswered = sum(r["unanswered"] for r in results)
    correct = lost == 0 and duplicated == 0 and reordered == 0 and phantom == 0
    errors: dict[str, int] = {}
    for r in results:
        for k, v in r["errors"].items():
            errors[k] = errors.get(k, 0) + v
    cpu_s = sum(r["cpu_s"] for r in results)
    wall_s = max(r["wall_s"] for r in results)
    return {
        **summary,
        "lost": lost,
        "duplicated": duplicated,
        "reordered": reordered,
        "phantom": phantom,
        "correct": correct,
        "correctness": {
            "verdict": "OK: 0 lost, 0 duplicated, 0 reordered, 0 phantom"
            if correct
            else "FAILED: see the counts",
            "acked_messages_checked": acked_total,
            "members_missing_messages": lost_by_member,
            "unanswered_sends": unanswered,
            "members_behind_after_drain": unverified,
            **counts,
        },
        "errors": errors,
        "phases": phase_rows,
        "intervals": series,
        "generator": {
            "cpu_s": round(cpu_s, 2),
            "cpu_cores_used": round(cpu_s / max(wall_s, 1e-9), 2),
            **per_message(sum(r["cpu_s_answered"] for r in results), phase_rows),
            "max_schedule_lag_ms": round(max(r["max_schedule_lag_us"] for r in results) / 1000, 2),
            "last_error": next((r["last_error"] for r in results if r["last_error"]), ""),
        },
        "final_cursors": cursors,
        "total_s": total_s,
    }
