"""One chaos run: a cluster, the workload, the nemesis on its seeded schedule, then heal, a
final drain and the checker; returns the report (a JSON-able dict).

The history file (JSON lines of :class:`~pigeon.simulation.history.Record`), written as the
run goes, holds the run's sends, acks, deliveries and faults, then, conversation by
conversation, the members at the end (``member`` records) and the log as read after the drain
(``log`` records): :func:`judge` reads it alone in one pass, so a history can be checked
again, or with an anomaly planted in it (a test does), and a long run's fits.

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
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pigeon.chaos import nemesis, report, schedule
from pigeon.chaos.proxy import FaultProxy
from pigeon.chaos.workload import History, Workload
from pigeon.cluster import ClusterError, LocalCluster
from pigeon.simulation.history import Checker, Record, Verdict, read_records

# Examples of each anomaly kept in the report (all are counted).
EXAMPLES = 10
# The gateway whose store and bus links go through fault proxies, in a cluster the run starts.
RIGGED_GATEWAY = "gateway-0"
# How a planned switchover before a primary power cut is recorded in the history.
SWITCHOVER = "switchover"
# How the restart of a standby Patroni left without streaming is recorded (D68): a record
# of type "remedy", not a fault the nemesis injected.
RESTART_STANDBY = "restart_standby"


@dataclass
class Options:
    duration_s: float
    seed: int
    cluster_dir: Path | None = None  # a running local cluster to use; None: start one
    gateways: int = 2
    ha: bool = False  # a new cluster's store: Patroni-managed (`cluster up --ha`)
    users: int = 6
    rate_per_s: float = 10.0  # per user
    membership_every_s: float = 3.0  # a group's owner adds or removes someone; 0: never
    ack_timeout_s: float = 5.0  # a send acked later counts against availability
    # Longer than the longest stall seen (a rate limiter frozen by a clock step: ~115 s):
    # a send stored after the logs were read would be charged to the store as an anomaly.
    drain_timeout_s: float = 180.0
    kinds: list[str] = field(default_factory=lambda: [k.name for k in nemesis.KINDS])
    say: Callable[[str], None] = lambda line: print(line, file=sys.stderr)


def check_history(records: Iterable[Record]) -> Verdict:
    """Judge a whole history (with its ``member`` and ``log`` records) in one pass. Each user
    runs one device, named by its handle (the events' sender)."""
    checker = Checker()
    checker.feed_records(records)
    return checker.finish()


def read_history(path: Path) -> list[Record]:
    """A history file in memory (a short run's: the tests plant anomalies in one)."""
    return list(read_records(path))


def judge(path: Path, ack_timeout_s: float) -> tuple[Verdict, dict[str, Any], int]:
    """A history file's verdict, figures (:class:`report.Figures`) and resyncs, in one pass."""
    checker = Checker()
    figures = report.Figures(ack_timeout_s)
    resyncs = 0
    for record in read_records(path):
        checker.feed(record)
        figures.feed(record)
        resyncs += record.type == "resync"
    return checker.finish(), figures.result(), resyncs


class Nemesis:
    """Injects the planned faults in order, one at a time, each healed before the next."""

    def __init__(
        self,
        stage: nemesis.Stage,
        history: History,
        say: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.stage = stage
        self.history = history
        self.say = say
        # (kind, target, the name its fault is recorded under) while a fault holds
        self.active: tuple[nemesis.FaultKind, str, str] | None = None
        self.injected = 0
        # The planned switchovers before primary power cuts: when, to whom, why refused.
        self.switchovers: list[dict[str, Any]] = []
        # The stuck standbys restarted while waiting for full strength (D68): when, which, why.
        self.remedies: list[dict[str, Any]] = []

    def remedy(self, member: str, why: str) -> None:
        """Record the restart of a stuck standby (``LocalCluster.on_restart``, called from a
        heal's thread): in the history through the event loop, and in the report."""
        at_s = self.history.now_ms() / 1000
        self.remedies.append({"at_s": at_s, "member": member, "why": why})
        self.say(f"restarting {member}, a standby that does not stream: {why}")
        if self.stage.loop is not None:
            self.stage.loop.call_soon_threadsafe(
                lambda: self.history.add("remedy", "watchdog", op=RESTART_STANDBY, target=member)
            )

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
            op = fault.kind
            if isinstance(kind, nemesis.PowerLoss):
                op = await self._before_cut(kind, fault.target)
            self.active = (kind, fault.target, op)
            self.history.add("fault", "nemesis", op=op, target=fault.target)
            await asyncio.to_thread(kind.inject, self.stage, fault.target)
            self.injected += 1
            await asyncio.sleep(fault.hold_s)  # how long the fault holds
            await self.heal()
            healed_s = self.history.now_ms() / 1000

    async def _before_cut(self, kind: nemesis.PowerLoss, target: str) -> str:
        """Before every other power cut, a planned switchover to its member (D62), recorded
        as a fault of its own (``switchover``: its pause in acks is its own figure, not the
        cut's), then the shortest gap. Returns the name the cut is recorded under."""
        if kind.next_cut_of_primary():
            at_s = self.history.now_ms() / 1000
            self.history.add("fault", "nemesis", op=SWITCHOVER, target=target)
            why = await asyncio.to_thread(kind.switch_over, self.stage, target)
            self.history.add("heal", "nemesis", op=SWITCHOVER, target=target)
            self.switchovers.append({"at_s": at_s, "to": target, "refused": why})
            if why:
                self.say(f"no switchover to {target}, cut as a standby: {why}")
            await asyncio.sleep(schedule.GAP_S[0])  # the shortest gap between two faults
        return await asyncio.to_thread(kind.recorded_as, self.stage, target)

    async def heal(self) -> None:
        if self.active is None:
            return
        kind, target, op = self.active
        await asyncio.to_thread(kind.heal, self.stage, target)
        self.active = None
        self.history.add("heal", "nemesis", op=op, target=target)

    def heal_now(self) -> None:
        """From outside the loop (Ctrl-C): heal a fault still in progress. A fault on a
        proxied link needs no heal here: its proxies died with the run's loop, and the
        gateway behind them is in the run's own cluster, which is stopped next."""
        if self.active is not None:
            kind, target, _ = self.active
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
    scratch = Path(tempfile.mkdtemp(prefix="pigeon-chaos-history-"))
    history = History(history_path or scratch / "history.jsonl")
    mayhem = Nemesis(nemesis.Stage(cluster), history, options.say)
    failed = True
    try:
        if started_dir is not None:
            cluster.up()
            _install_faketime(options)
        result = asyncio.run(_run(cluster, options, history, mayhem, scratch))
        failed = not result["ok"]
        return result
    finally:
        mayhem.heal_now()
        history.close()
        shutil.rmtree(scratch, ignore_errors=True)
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


async def run_length(faults: asyncio.Task[None], duration_s: float) -> str | None:
    """Wait out the run's length and the nemesis (the fault in progress heals). Cut short
    if the nemesis fails: a fault it could not heal leaves the cluster short of full
    strength, and the faults after it would prove nothing. Returns why it failed, or None."""
    ends_at = time.monotonic() + duration_s
    await asyncio.wait([faults], timeout=duration_s)
    if faults.done() and not faults.cancelled() and faults.exception() is None:
        await asyncio.sleep(max(0.0, ends_at - time.monotonic()))  # it planned no more
    try:
        await faults
    except (nemesis.NemesisError, ClusterError) as exc:
        return str(exc)
    return None


async def _run(
    cluster: LocalCluster, options: Options, history: History, mayhem: Nemesis, scratch: Path
) -> dict[str, Any]:
    stage = mayhem.stage
    stage.loop = asyncio.get_running_loop()
    cluster.on_restart = mayhem.remedy
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
    churning = asyncio.create_task(
        workload.change_members_until_stopped(options.membership_every_s)
    )
    faults = asyncio.create_task(mayhem.run(planned, options.duration_s))
    progress = asyncio.create_task(_progress(options, history, mayhem))
    try:
        nemesis_error = await run_length(faults, options.duration_s)
        if nemesis_error is not None:
            mayhem.active = None  # its heal failed: not tried again on the way out
            options.say(
                f"the nemesis stopped: {nemesis_error}; what was sent is drained and checked"
            )
        workload.stop_sending()
        drain_started = time.monotonic()
        try:
            async with asyncio.timeout(options.drain_timeout_s):
                await sending  # every send still in an outbox is acked
                await churning  # and the membership change in progress settles
        except TimeoutError:
            options.say("sends still unacked after the drain timeout: recorded as unknown")
        logs_path = scratch / "logs.jsonl"
        lengths = await workload.read_logs(logs_path)
        left = options.drain_timeout_s - (time.monotonic() - drain_started)
        behind = await workload.wait_caught_up(lengths, max(left, 1.0))
        drain_s = time.monotonic() - drain_started
    finally:
        progress.cancel()
        for task in (sending, churning, faults):
            task.cancel()
        await asyncio.gather(sending, churning, faults, progress, return_exceptions=True)
        await workload.close()
        await mayhem.heal()
        for proxy in proxies:
            await proxy.close()
    history.append_file(logs_path)  # after every delivery: the checker reads the logs last
    history.close()
    verdict, figures, resyncs = await asyncio.to_thread(judge, history.path, options.ack_timeout_s)
    found = figures["faults"]
    counts = verdict.counts()
    return {
        "seed": options.seed,
        "duration_s": options.duration_s,
        "ok": verdict.ok and not behind and resyncs == 0 and nemesis_error is None,
        "nemesis_error": nemesis_error,
        "anomalies": counts,
        "anomaly_examples": {k: v[:EXAMPLES] for k, v in verdict.anomalies.items() if v},
        "checked": {"acked": verdict.acked, "delivered": verdict.delivered},
        "sends": figures["sends"],
        "faults_by_kind": report.by_kind(found),
        "skipped_kinds": skipped,
        "faults": found,
        "switchovers": mayhem.switchovers,
        "remedies": mayhem.remedies,
        "planned": [asdict(f) for f in planned],
        "drain": {"seconds": round(drain_s, 3), "behind": behind, "resyncs": resyncs},
        "cluster": {
            kind: [p.name for p in cluster.of_kind(kind)]
            for kind in ("postgres", "nats", "gateway", "haproxy")
        },
        "users": options.users,
        "conversations": len(workload.members),
        "timeline": figures["timeline"],
    }


def _install_faketime(options: Options) -> None:
    """Install Debian's faketime (for clock jumps) as ``cluster up`` installs its packages;
    without it, the clock_jump kind is skipped and the run goes on."""
    from pigeon.cluster.packages import PackagesMissing, ensure_debian_packages

    try:
        ensure_debian_packages(["faketime:faketime"])  # the lib comes with the program
    except PackagesMissing as exc:
        options.say(f"no clock jumps: cannot install faketime: {exc}")


def route_through(store_url: str, routes: dict[int, int]) -> str:
    """``store_url`` with a ``via`` entry for each ``upstream port -> proxy port``: the node
    then dials every database on those servers (the catalog, and each shard database the
    catalog names by its own server's port) through the proxy."""
    via = ",".join(f"127.0.0.1:{old}=127.0.0.1:{new}" for old, new in sorted(routes.items()))
    return f"{store_url}{'&' if '?' in store_url else '?'}via={via}"


async def _rig(stage: nemesis.Stage, gateway: str) -> list[FaultProxy]:
    """Start ``gateway`` again with its store and bus links through fault proxies (one per
    PostgreSQL server it reaches, and per NATS node), so a partition or latency can be put on
    its links alone, and under libfaketime when it is installed, so its wall clock can jump.
    Its store URL gains ``via`` routes (pigeon.store.postgres): the catalog names each shard
    database by its own server's port, and the gateway dials every one through the proxy of
    that server; under ``--ha``, the one server is HAProxy's front for the primary."""
    cluster = stage.cluster
    proc = cluster.proc(gateway)
    args = list(proc.args)
    store_proxies = []
    routes: dict[int, int] = {}
    for upstream in cluster.of_kind("pgproxy" if cluster.ha else "postgres"):
        proxy = await FaultProxy(upstream.port).start()
        store_proxies.append(proxy)
        routes[upstream.port] = proxy.port
    where = args.index("--store") + 1
    args[where] = route_through(args[where], routes)
    bus_proxies = []
    where = args.index("--bus") + 1
    for upstream in cluster.of_kind("nats"):
        proxy = await FaultProxy(upstream.port).start()
        bus_proxies.append(proxy)
        # nats://127.0.0.1:A,127.0.0.1:B,...: no slash after a port
        old, new = f"127.0.0.1:{upstream.port}", f"127.0.0.1:{proxy.port}"
        args[where] = ",".join(
            part[: -len(old)] + new if part.endswith(old) else part
            for part in args[where].split(",")
        )
    stage.links[(gateway, "store")] = store_proxies
    stage.links[(gateway, "bus")] = bus_proxies
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
    return store_proxies + bus_proxies


async def _progress(options: Options, history: History, mayhem: Nemesis) -> None:
    """One line a second on a terminal (rewritten in place), else one every 10 s."""
    tty = sys.stderr.isatty()
    every_s = 1.0 if tty else 10.0
    while True:
        await asyncio.sleep(every_s)  # a progress line's period
        history.flush()  # so that a run killed from outside leaves its history to read
        now_s = history.now_ms() / 1000
        acked = history.counts["ok"]
        fault = f"{mayhem.active[2]} {mayhem.active[1]}" if mayhem.active else "none"
        phase = "chaos" if now_s <= options.duration_s else "drain"  # the drain: sends end
        line = (
            f"{phase} {now_s:5.0f}/{options.duration_s:.0f} s  acked {acked}  "
            f"faults {mayhem.injected}  now: {fault}"
        )
        if tty:
            print(f"\r{line:<78}", end="", file=sys.stderr, flush=True)
        else:
            options.say(line)
