"""One chaos run: a cluster, the workload, the nemesis on its seeded schedule, then heal, a
final drain and the checker; returns the report (a JSON-able dict).

The history file (JSON lines of :class:`~pigeon.simulation.history.Record`) holds, after the
run's sends, acks, deliveries and faults, the conversations' logs as read after the drain
(``log`` records) and their members then (``member`` records): :func:`check_history` judges
it alone, so a history can be checked again, or with an anomaly planted in it (a test does).

Cleanup stops only what the run started: the cluster it brought up (never one given with
``cluster_dir``), and a fault in progress is healed first, on Ctrl-C too.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from pigeon.chaos import nemesis, report, schedule
from pigeon.chaos.proxy import FaultProxy
from pigeon.chaos.workload import History, Workload
from pigeon.cluster import ClusterError, LocalCluster
from pigeon.simulation.history import Record, Verdict, check, encode_history

# Examples of each anomaly kept in the report (all are counted).
EXAMPLES = 10
# The gateway whose store and bus links go through fault proxies, in a cluster the run starts.
RIGGED_GATEWAY = "gateway-0"


@dataclass
class Options:
    duration_s: float
    seed: int
    cluster_dir: Path | None = None  # a running local cluster to use; None: start one
    gateways: int = 2
    ha: bool = False  # a new cluster's store: Patroni-managed (`cluster up --ha`)
    users: int = 6
    rate_per_s: float = 10.0  # per user
    ack_timeout_s: float = 5.0  # a send acked later counts against availability
    # Longer than the longest stall seen (a rate limiter frozen by a clock step: ~115 s):
    # a send stored after the logs were read would be charged to the store as an anomaly.
    drain_timeout_s: float = 180.0
    kinds: list[str] = field(default_factory=lambda: [k.name for k in nemesis.KINDS])
    say: Callable[[str], None] = lambda line: print(line, file=sys.stderr)


def check_history(records: list[Record]) -> Verdict:
    """Judge a whole history (with its ``log`` and ``member`` records)."""
    logs: dict[str, list[Any]] = {}
    members: dict[str, set[str]] = {}
    devices: set[str] = set()
    for record in records:
        if record.type == "log" and record.event is not None:
            logs.setdefault(record.event.conv, []).append(record.event)
        elif record.type == "member" and record.conv is not None:
            members.setdefault(record.conv, set()).add(record.who)
            devices.add(record.who)
        elif record.type in ("invoke", "ok", "deliver"):
            devices.add(record.who)
    # Each user runs one device, named by its handle (the events' sender).
    return check(records, logs, members, {device: device for device in devices})


def read_history(path: Path) -> list[Record]:
    decoder = msgspec.json.Decoder(Record)
    return [decoder.decode(line) for line in path.read_bytes().splitlines() if line]


class Nemesis:
    """Injects the planned faults in order, one at a time, each healed before the next."""

    def __init__(self, stage: nemesis.Stage, history: History) -> None:
        self.stage = stage
        self.history = history
        self.active: tuple[nemesis.FaultKind, str] | None = None
        self.injected = 0

    async def run(self, planned: list[schedule.PlannedFault], until_s: float) -> None:
        healed_s = 0.0
        for fault in planned:
            # At the planned time, or the shortest gap after the last heal if that took
            # longer than planned (a restart's time is the machine's, not the seed's).
            start_s = max(fault.at_s, healed_s + schedule.GAP_S[0])
            if start_s + schedule.TAIL_S >= until_s:
                return  # the rest would run into the drain
            await asyncio.sleep(start_s - self.history.now_ms() / 1000)  # the start time
            kind = nemesis.kind_named(fault.kind)
            self.active = (kind, fault.target)
            self.history.add("fault", "nemesis", op=fault.kind, target=fault.target)
            await asyncio.to_thread(kind.inject, self.stage, fault.target)
            self.injected += 1
            await asyncio.sleep(fault.hold_s)  # how long the fault holds
            await self.heal()
            healed_s = self.history.now_ms() / 1000

    async def heal(self) -> None:
        if self.active is None:
            return
        kind, target = self.active
        await asyncio.to_thread(kind.heal, self.stage, target)
        self.active = None
        self.history.add("heal", "nemesis", op=kind.name, target=target)

    def heal_now(self) -> None:
        """From outside the loop (Ctrl-C): heal a fault still in progress. A fault on a
        proxied link needs no heal here: its proxies died with the run's loop, and the
        gateway behind them is in the run's own cluster, which is stopped next."""
        if self.active is not None:
            kind, target = self.active
            if not isinstance(kind, nemesis.Link):
                with contextlib.suppress(nemesis.NemesisError, ClusterError, OSError):
                    kind.heal(self.stage, target)
            self.active = None


def run(options: Options, history_path: Path | None = None) -> dict[str, Any]:
    """Run once; the report's ``ok`` is False on any anomaly. Raises ClusterError when the
    cluster cannot be brought up or used, NemesisError when a fault cannot be healed."""
    started_dir: Path | None = None
    if options.cluster_dir is not None:
        cluster = LocalCluster(options.cluster_dir, say=options.say)
        if not cluster.load():
            raise ClusterError(f"no cluster in {options.cluster_dir}")
        if bad := nemesis.unhealthy(cluster):
            raise ClusterError(f"not healthy: {'; '.join(bad)}; see `pigeon cluster status`")
    else:
        started_dir = Path(tempfile.mkdtemp(prefix="pigeon-chaos-"))
        started_dir.chmod(0o755)  # PostgreSQL's own user must reach its data below
        cluster = LocalCluster(
            started_dir / "cluster", gateways=options.gateways, ha=options.ha, say=options.say
        )
    history = History()
    mayhem = Nemesis(nemesis.Stage(cluster), history)
    failed = True
    try:
        if started_dir is not None:
            cluster.up()
            _install_faketime(options)
        result = asyncio.run(_run(cluster, options, history, mayhem))
        failed = not result["ok"]
        return result
    finally:
        mayhem.heal_now()
        if history_path is not None:
            history_path.parent.mkdir(parents=True, exist_ok=True)
            history_path.write_bytes(encode_history(history.records))
        if started_dir is not None:
            with contextlib.suppress(ClusterError):
                cluster.down()
            for disk in mayhem.stage.disks.values():  # after its PostgreSQL stopped
                with contextlib.suppress(RuntimeError, OSError):
                    disk.stop()
            if failed:
                options.say(f"the cluster's logs are kept in {started_dir}")
            else:
                shutil.rmtree(started_dir, ignore_errors=True)


async def _run(
    cluster: LocalCluster, options: Options, history: History, mayhem: Nemesis
) -> dict[str, Any]:
    stage = mayhem.stage
    stage.loop = asyncio.get_running_loop()
    chosen = [nemesis.kind_named(name) for name in options.kinds]
    proxies: list[FaultProxy] = []
    rigged = (nemesis.Link, nemesis.ClockJump)
    if options.cluster_dir is None and any(isinstance(k, rigged) for k in chosen):
        proxies = await _rig(stage, RIGGED_GATEWAY)
    power_loss = any(isinstance(k, nemesis.PowerLoss) for k in chosen)
    if options.cluster_dir is None and power_loss:
        why = await asyncio.to_thread(nemesis.PowerLoss.rig, stage)
        if why:
            options.say(f"no power loss: {why}")
    targets = {kind.name: kind.targets(stage) for kind in chosen}
    skipped = {kind.name: kind.why_skipped() for kind in chosen if not targets[kind.name]}
    planned = schedule.plan(options.seed, options.duration_s, targets)
    await asyncio.to_thread(nemesis.wait_healthy, cluster)  # HAProxy routes to every gateway
    options.say(
        f"{len(planned)} faults planned ({', '.join(sorted(set(f.kind for f in planned)))}); "
        f"skipped: {', '.join(sorted(skipped)) or 'none'}"
    )
    workload = Workload(
        cluster.url,
        history,
        seed=options.seed,
        users=options.users,
        rate_per_s=options.rate_per_s,
    )
    await workload.provision()
    await workload.start()
    history.started = time.monotonic()  # the schedule's offsets count from the first send
    sending = asyncio.create_task(workload.send_until_stopped())
    faults = asyncio.create_task(mayhem.run(planned, options.duration_s))
    progress = asyncio.create_task(_progress(options, history, mayhem))
    try:
        await asyncio.sleep(options.duration_s)  # the run's length
        await faults  # the fault in progress heals
        workload.stop_sending()
        drain_started = time.monotonic()
        try:
            async with asyncio.timeout(options.drain_timeout_s):
                await sending  # every send still in an outbox is acked
        except TimeoutError:
            options.say("sends still unacked after the drain timeout: recorded as unknown")
        logs = await workload.read_logs()
        left = options.drain_timeout_s - (time.monotonic() - drain_started)
        behind = await workload.wait_caught_up(logs, max(left, 1.0))
        drain_s = time.monotonic() - drain_started
    finally:
        progress.cancel()
        for task in (sending, faults):
            task.cancel()
        await asyncio.gather(sending, faults, progress, return_exceptions=True)
        await workload.close()
        await mayhem.heal()
        for proxy in proxies:
            await proxy.close()
    for conv, log in sorted(logs.items()):
        for event in log:
            history.add("log", "store", event=event)
        for handle in sorted(workload.members[conv]):
            history.add("member", handle, conv=conv)
    verdict = check_history(history.records)
    found = report.faults(history.records)
    resyncs = sum(1 for r in history.records if r.type == "resync")
    counts = verdict.counts()
    return {
        "seed": options.seed,
        "duration_s": options.duration_s,
        "ok": verdict.ok and not behind and resyncs == 0,
        "anomalies": counts,
        "anomaly_examples": {k: v[:EXAMPLES] for k, v in verdict.anomalies.items() if v},
        "checked": {"acked": verdict.acked, "delivered": verdict.delivered},
        "sends": report.availability(history.records, options.ack_timeout_s),
        "faults_by_kind": report.by_kind(found),
        "skipped_kinds": skipped,
        "faults": found,
        "planned": [asdict(f) for f in planned],
        "drain": {"seconds": round(drain_s, 3), "behind": behind, "resyncs": resyncs},
        "cluster": {
            kind: [p.name for p in cluster.of_kind(kind)]
            for kind in ("postgres", "nats", "gateway", "haproxy")
        },
        "users": options.users,
        "conversations": len(workload.members),
        "timeline": report.timeline(history.records),
    }


def _install_faketime(options: Options) -> None:
    """Install Debian's faketime (for clock jumps) as ``cluster up`` installs its packages;
    without it, the clock_jump kind is skipped and the run goes on."""
    from pigeon.cluster.packages import PackagesMissing, ensure_debian_packages

    try:
        ensure_debian_packages(["faketime:faketime"])  # the lib comes with the program
    except PackagesMissing as exc:
        options.say(f"no clock jumps: cannot install faketime: {exc}")


async def _rig(stage: nemesis.Stage, gateway: str) -> list[FaultProxy]:
    """Start ``gateway`` again with its store and bus URLs pointing at fault proxies (one per
    PostgreSQL and NATS process), so a partition or latency can be put on its links alone,
    and under libfaketime when it is installed, so its wall clock can jump. The catalog names
    the shard databases on other servers by their own ports: the partition of the store
    covers the catalog's server (catalog and ``shard1``), not those."""
    cluster = stage.cluster
    proc = cluster.proc(gateway)
    proxies: dict[str, list[FaultProxy]] = {"store": [], "bus": []}
    args = list(proc.args)
    for link, flag, kind in (("store", "--store", "postgres"), ("bus", "--bus", "nats")):
        where = args.index(flag) + 1
        for upstream in cluster.of_kind(kind):
            proxy = await FaultProxy(upstream.port).start()
            proxies[link].append(proxy)
            args[where] = args[where].replace(
                f"127.0.0.1:{upstream.port}/", f"127.0.0.1:{proxy.port}/"
            )
            if kind == "nats":  # nats://127.0.0.1:A,127.0.0.1:B,...: no slash after a port
                old, new = f"127.0.0.1:{upstream.port}", f"127.0.0.1:{proxy.port}"
                args[where] = ",".join(
                    part[: -len(old)] + new if part.endswith(old) else part
                    for part in args[where].split(",")
                )
        stage.links[(gateway, link)] = proxies[link]
    proc.args = args
    if nemesis.LIBFAKETIME.exists():
        clock = Path(proc.log).parent / "faketime"
        clock.write_text("+0\n")
        proc.env = {**proc.env, **nemesis.faketime_env(clock)}
        stage.clocks[gateway] = clock
    # SIGKILL, not start_again's drain: no client is connected yet, and a drain takes seconds.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    await asyncio.to_thread(cluster.start_again, gateway)
    await asyncio.to_thread(nemesis.wait_healthy, cluster)
    return proxies["store"] + proxies["bus"]


async def _progress(options: Options, history: History, mayhem: Nemesis) -> None:
    """One line a second on a terminal (rewritten in place), else one every 10 s."""
    tty = sys.stderr.isatty()
    every_s = 1.0 if tty else 10.0
    while True:
        await asyncio.sleep(every_s)  # a progress line's period
        now_s = history.now_ms() / 1000
        acked = sum(1 for r in history.records if r.type == "ok")
        fault = f"{mayhem.active[0].name} {mayhem.active[1]}" if mayhem.active else "none"
        line = (
            f"chaos {now_s:5.0f}/{options.duration_s:.0f} s  acked {acked}  "
            f"faults {mayhem.injected}  now: {fault}"
        )
        if tty:
            print(f"\r{line:<78}", end="", file=sys.stderr, flush=True)
        else:
            options.say(line)
