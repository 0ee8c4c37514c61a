"""The fault kinds: each a small plug-in that names the processes it can hit, injects its
fault on one of them and heals it.

A kind whose :meth:`FaultKind.targets` is empty for a cluster is skipped by the run, with its
reason in the report: that is how the kinds that need something this cluster lacks (a
Patroni-managed store for a failover, a proxy in front of the store for a partition) wait in
the list until the cluster can take them. Adding a kind is one class here and one line in
:data:`KINDS`.

Every call blocks (signals, then a bounded wait for health): the run calls them in a thread,
and what must run on the event loop (the fault proxies) goes there through :class:`Stage`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pigeon.chaos.lossyfs import LossyMount
from pigeon.chaos.proxy import FaultProxy
from pigeon.cluster import ClusterError, LocalCluster, haproxy, processes

# Seconds a healed process has to report healthy again.
HEAL_TIMEOUT_S = 60.0
# A planned switchover's bound for each of its waits (the candidate synchronous, Patroni's
# answer: it polls up to 20 s itself, the new primary routed and writable).
SWITCHOVER_TIMEOUT_S = 30.0
# Every PRIMARY_CUT_EVERY-th power cut, from the first, is of a primary (D62); recorded as
# PRIMARY_CUT, the others under the kind's own name.
PRIMARY_CUT_EVERY = 2
PRIMARY_CUT = "power_loss_primary"


class NemesisError(Exception):
    """A fault could not be injected or healed: the run stops (its cluster is not healthy)."""


@dataclass
class Stage:
    """What the faults act on: the cluster, and the fault proxies the run put on a gateway's
    links, ``(gateway, "store" | "bus") -> proxies``, which live on the run's event loop."""

    cluster: LocalCluster
    loop: asyncio.AbstractEventLoop | None = None
    links: dict[tuple[str, str], list[FaultProxy]] = field(default_factory=dict)
    # gateway -> the libfaketime offset file it runs under (its wall clock, not monotonic).
    clocks: dict[str, Path] = field(default_factory=dict)
    # PostgreSQL member -> the lossy filesystem its data directory is on (D58).
    disks: dict[str, LossyMount] = field(default_factory=dict)

    def on_loop(self, action: Callable[[], None]) -> None:
        """Run ``action`` on the event loop, from a nemesis thread, and wait for it."""
        assert self.loop is not None
        done = asyncio.run_coroutine_threadsafe(_call(action), self.loop)
        done.result(timeout=HEAL_TIMEOUT_S)


async def _call(action: Callable[[], None]) -> None:
    action()


class FaultKind(Protocol):
    name: str

    def targets(self, stage: Stage) -> list[str]:
        """The processes this kind can hit on ``stage``; empty: the kind is skipped."""
        ...

    def why_skipped(self) -> str:
        """One line: why a cluster without targets cannot take this kind."""
        ...

    def inject(self, stage: Stage, target: str) -> None: ...

    def heal(self, stage: Stage, target: str) -> None:
        """Undo the fault and return once the cluster is at full strength (bounded)."""
        ...


def _signal_group(cluster: LocalCluster, target: str, sig: signal.Signals) -> None:
    """Signal the target's whole process group (its own session: PostgreSQL's backends are
    in the postmaster's), by the pid the state file records."""
    proc = cluster.proc(target)
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError as exc:
        raise NemesisError(f"{target} (pid {proc.pid}) is not running") from exc


def unhealthy(cluster: LocalCluster) -> list[str]:
    """What keeps the cluster from full strength: each process failing its own probe, and
    each gateway HAProxy does not route to (a gateway back up is healed once clients reach
    it again)."""
    bad = [f"{h.name}: {h.detail}" for h in map(cluster.health, cluster.procs) if not h.healthy]
    for front in cluster.of_kind("haproxy"):
        status, body = processes.http_status(
            f"http://127.0.0.1:{front.extra['stats_port']}/stats;csv"
        )
        seen = haproxy.parse_stats_csv(body) if status == 200 else {}
        bad += [
            f"{front.name} does not route to {gateway.name}"
            for gateway in cluster.of_kind("gateway")
            if not seen.get(gateway.name, "").startswith("UP")
        ]
    return bad


def wait_healthy(cluster: LocalCluster, timeout_s: float = HEAL_TIMEOUT_S) -> None:
    """Return once the whole cluster is back at full strength (:func:`unhealthy` is empty);
    raises NemesisError after ``timeout_s``. A standby Patroni left running without
    streaming (D68) is restarted on the way (``LocalCluster.restart_stuck_standbys``, which
    tells ``cluster.on_restart``: the run records it as a remedy, not as a fault)."""
    deadline = time.monotonic() + timeout_s
    while bad := unhealthy(cluster):
        try:
            cluster.restart_stuck_standbys()
        except ClusterError as exc:  # it could not be started again: the heal fails
            raise NemesisError(str(exc)) from exc
        if time.monotonic() >= deadline:
            raise NemesisError(f"not healthy {timeout_s:g} s after healing: {'; '.join(bad)}")
        time.sleep(processes.POLL_S)


class Kill:
    """SIGKILL a process of ``kind``, then start it again as it ran (same ports and data)."""

    def __init__(self, name: str, kind: str) -> None:
        self.name = name
        self.kind = kind

    def targets(self, stage: Stage) -> list[str]:
        return [p.name for p in stage.cluster.of_kind(self.kind)]

    def why_skipped(self) -> str:
        return f"the cluster has no {self.kind} process"

    def inject(self, stage: Stage, target: str) -> None:
        _signal_group(stage.cluster, target, signal.SIGKILL)

    def heal(self, stage: Stage, target: str) -> None:
        stage.cluster.start_again(target)
        wait_healthy(stage.cluster)


class Pause:
    """SIGSTOP a process (any kind) and SIGCONT it: a machine that hangs, then comes back."""

    name = "pause"

    def targets(self, stage: Stage) -> list[str]:
        return [p.name for p in stage.cluster.procs]

    def why_skipped(self) -> str:
        return "the cluster has no processes"

    def inject(self, stage: Stage, target: str) -> None:
        _signal_group(stage.cluster, target, signal.SIGSTOP)

    def heal(self, stage: Stage, target: str) -> None:
        _signal_group(stage.cluster, target, signal.SIGCONT)
        wait_healthy(stage.cluster)


class Link:
    """A gateway's link to its store or bus through the fault proxies: cut (``latency_s``
    0: a partition) or slowed by ``latency_s`` per chunk each way. Only gateways the run
    started behind proxies (a cluster it brought up itself) are targets."""

    def __init__(self, name: str, link: str, latency_s: float = 0.0) -> None:
        self.name = name
        self.link = link
        self.latency_s = latency_s

    def targets(self, stage: Stage) -> list[str]:
        return sorted(gateway for gateway, link in stage.links if link == self.link)

    def why_skipped(self) -> str:
        return (
            f"no gateway reaches its {self.link} through a fault proxy (only in a cluster "
            "the run starts itself)"
        )

    def _set(self, stage: Stage, target: str, faulty: bool) -> None:
        proxies = stage.links[(target, self.link)]

        def apply() -> None:
            for proxy in proxies:
                if not faulty:
                    proxy.heal()
                elif self.latency_s:
                    proxy.latency_s = self.latency_s
                else:
                    proxy.partition()

        stage.on_loop(apply)

    def inject(self, stage: Stage, target: str) -> None:
        self._set(stage, target, True)

    def heal(self, stage: Stage, target: str) -> None:
        self._set(stage, target, False)
        wait_healthy(stage.cluster)


# Debian's libfaketime (package faketime): a gateway started with it preloaded reads its wall
# clock's offset from a file (FAKETIME_TIMESTAMP_FILE) at every call.
LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1")


def faketime_env(offset_file: Path) -> dict[str, str]:
    """The environment that puts a process's wall clock under ``offset_file`` ("+0",
    "+120", "-120"), its monotonic clock untouched (asyncio's timers must not jump)."""
    return {
        "LD_PRELOAD": str(LIBFAKETIME),
        "FAKETIME_TIMESTAMP_FILE": str(offset_file),
        "FAKETIME_NO_CACHE": "1",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }


class ClockJump:
    """Step a gateway's wall clock by ``jump_s``, forward and back by turns, and step it back
    to the true time on heal: an NTP step, or a VM resumed with a stale clock."""

    name = "clock_jump"

    def __init__(self, jump_s: int = 120) -> None:
        self.jump_s = jump_s
        self.jumps = 0

    def targets(self, stage: Stage) -> list[str]:
        return sorted(stage.clocks)

    def why_skipped(self) -> str:
        return (
            "no gateway runs under libfaketime (only in a cluster the run starts itself, with "
            f"Debian's faketime installed: {LIBFAKETIME})"
        )

    def inject(self, stage: Stage, target: str) -> None:
        sign = "+" if self.jumps % 2 == 0 else "-"
        self.jumps += 1
        stage.clocks[target].write_text(f"{sign}{self.jump_s}\n")

    def heal(self, stage: Stage, target: str) -> None:
        stage.clocks[target].write_text("+0\n")
        wait_healthy(stage.cluster)


class PostgresMemberKill:
    """SIGKILL a Patroni-managed PostgreSQL member as a lost machine (its Patroni, its
    postmaster and backends), then start it again: the ``primary`` (a failover: Patroni
    promotes the synchronous standby, HAProxy follows) or a ``standby`` (strict synchronous
    mode goes on with the other). The member is picked by its role when the fault starts,
    since a failover changes who is primary. Only a cluster from ``cluster up --ha``."""

    def __init__(self, name: str, role: str) -> None:
        self.name = name
        self.role = role
        self._killed: str | None = None

    def targets(self, stage: Stage) -> list[str]:
        return [self.role] if stage.cluster.ha else []

    def why_skipped(self) -> str:
        return "needs a Patroni-managed store (`pigeon chaos --ha`, `pigeon cluster up --ha`)"

    def inject(self, stage: Stage, target: str) -> None:
        cluster = stage.cluster
        member = cluster.postgres_primary() if self.role == "primary" else None
        if self.role == "standby":
            member = next(iter(cluster.postgres_standbys()), None)
        if member is None:
            raise NemesisError(f"no PostgreSQL {self.role} to kill")
        self._killed = member
        cluster.kill_postgres_member(member)

    def heal(self, stage: Stage, target: str) -> None:
        if self._killed is None:
            return
        killed, self._killed = self._killed, None
        stage.cluster.wait_for_primary(HEAL_TIMEOUT_S, other_than=killed)
        stage.cluster.start_again(killed)  # it rejoins as a standby (pg_rewind if need be)
        wait_healthy(stage.cluster)


class EtcdMemberKill(Kill):
    """SIGKILL one of the three etcd members that hold Patroni's leader key, then start it
    again (it rejoins with its data). The other two keep quorum, so the primary keeps its
    leader lock and writes go on; a member lost for longer than Patroni's ``ttl`` with no
    quorum would demote it (D57). Only a cluster from ``cluster up --ha``."""

    def __init__(self) -> None:
        super().__init__("etcd_kill", "etcd")

    def why_skipped(self) -> str:
        return "needs etcd under Patroni (`pigeon chaos --ha`, `pigeon cluster up --ha`)"


class PowerLoss:
    """Cut the power of a PostgreSQL member whose data directory is on the lossy filesystem
    (D58): SIGKILL the member as a lost machine, then the filesystem's process, losing every
    write it had not fsynced. On heal the machine comes back: the filesystem is mounted again,
    and once a member is primary (a failover if it was) the member starts and rejoins, with
    pg_rewind if Patroni needs it, until it is a synchronous standby again. Only a member
    :meth:`rig` put on such a disk.

    Every other cut, the first included, is of a primary (D62): the run first hands the
    primary role to the member (:meth:`switch_over`, a planned switchover), so that the cut
    loses a primary's unsynced WAL and forces a failover and the old primary's rejoin. A
    cut is recorded as :data:`PRIMARY_CUT` when the member is primary at that moment (a
    store failover may have made it so too)."""

    name = "power_loss"

    def __init__(self) -> None:
        self.cuts = 0

    def targets(self, stage: Stage) -> list[str]:
        return sorted(stage.disks)

    def why_skipped(self) -> str:
        return (
            "needs a Patroni-managed store in a cluster the run starts itself "
            "(`pigeon chaos --ha`), and FUSE (/dev/fuse, root, Debian's fuse)"
        )

    @staticmethod
    def rig(stage: Stage) -> str | None:
        """Put one standby's data directory on a lossy filesystem: stop it, move its data to
        ``disk/``, mount the filesystem over ``data/``, start it again. Returns why it could
        not (and then the kind is skipped)."""
        cluster = stage.cluster
        if not cluster.ha:
            return "not a Patroni-managed store"
        if os.geteuid() != 0 or not os.path.exists("/dev/fuse"):
            return "FUSE needs root and /dev/fuse"
        from pigeon.cluster.packages import PackagesMissing, ensure_debian_packages

        try:
            ensure_debian_packages(["fuse:fusermount"])  # libfuse2 comes with it
        except PackagesMissing as exc:
            return f"cannot install Debian's fuse: {exc}"
        member = next(iter(cluster.postgres_standbys()), None)
        if member is None:
            return "no PostgreSQL standby to put on a lossy disk"
        root = Path(str(cluster.proc(member).extra["root"]))
        cluster.kill_postgres_member(member)
        (root / "data").rename(root / "disk")
        (root / "data").mkdir(mode=0o700)
        disk = LossyMount(root / "disk", root / "data", log=root / "lossyfs.log")
        disk.start()
        stage.disks[member] = disk
        cluster.start_again(member)
        wait_healthy(cluster)
        return None

    def next_cut_of_primary(self) -> bool:
        """Whether the next cut is to hit the member as primary: every other one, the
        first included (a function of the seed's schedule). Counts the cut."""
        self.cuts += 1
        return self.cuts % PRIMARY_CUT_EVERY == 1

    def switch_over(self, stage: Stage, target: str) -> str | None:
        """Make ``target`` the primary by a planned switchover, and wait until the cluster is
        at full strength again. Returns why not (Patroni refused, or the member never became
        a synchronous standby in time): the cut then hits it as a standby."""
        cluster = stage.cluster
        why = None
        if cluster.postgres_primary() != target:
            try:
                cluster.switch_over(target, SWITCHOVER_TIMEOUT_S)
            except ClusterError as exc:
                why = str(exc)
        wait_healthy(cluster)
        return why

    def recorded_as(self, stage: Stage, target: str) -> str:
        """The name the cut goes into the history under: its member's role decides."""
        return PRIMARY_CUT if stage.cluster.postgres_primary() == target else self.name

    def inject(self, stage: Stage, target: str) -> None:
        stage.cluster.kill_postgres_member(target)
        stage.disks[target].power_cut()

    def heal(self, stage: Stage, target: str) -> None:
        stage.disks[target].start()  # the machine comes back
        stage.cluster.wait_for_primary(HEAL_TIMEOUT_S, other_than=target)
        stage.cluster.start_again(target)  # crash recovery, then pg_rewind if it led
        wait_healthy(stage.cluster)


class Unavailable:
    """A kind this cluster cannot take yet, with the reason the report gives."""

    def __init__(self, name: str, why: str) -> None:
        self.name = name
        self.why = why

    def targets(self, stage: Stage) -> list[str]:
        return []

    def why_skipped(self) -> str:
        return self.why

    def inject(self, stage: Stage, target: str) -> None:
        raise NemesisError(f"{self.name}: {self.why}")

    def heal(self, stage: Stage, target: str) -> None:
        raise NemesisError(f"{self.name}: {self.why}")


KINDS: tuple[FaultKind, ...] = (
    Kill("gateway_kill", "gateway"),
    Pause(),
    Kill("nats_kill", "nats"),
    PostgresMemberKill("store_failover", "primary"),
    PostgresMemberKill("standby_kill", "standby"),
    EtcdMemberKill(),
    Link("partition_store", "store"),
    Link("partition_bus", "bus"),
    Link("slow_store", "store", latency_s=0.1),
    ClockJump(),
    PowerLoss(),
)


def kind_named(name: str) -> FaultKind:
    for kind in KINDS:
        if kind.name == name:
            return kind
    raise KeyError(name)


__all__ = [
    "KINDS",
    "PRIMARY_CUT",
    "FaultKind",
    "NemesisError",
    "Stage",
    "kind_named",
    "unhealthy",
    "wait_healthy",
]
