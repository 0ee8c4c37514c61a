"""``pigeon cluster up --ha``: PostgreSQL under Patroni (three members, synchronous and strict)
over etcd, behind a TCP HAProxy checking Patroni's REST API. Clients send through the front
while the primary is SIGKILLed (as a lost machine: Patroni and PostgreSQL) and then a standby:
sends are refused with a retryable code while no primary is reachable, acked again within
10 s, and every acked message is read back once, at its seq (D51).

The tests of this module share one cluster and run in order (each builds on the last).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pigeon.chaos import nemesis
from pigeon.chaos.run import RESTART_STANDBY, Nemesis
from pigeon.chaos.workload import History as RunHistory
from pigeon.cluster import LocalCluster, patroni, processes
from pigeon.sdk import ApiError, ErrorCode, HttpClient, PigeonTimeoutError, ServerUnreachable
from pigeon.simulation.history import read_records
from tests.helpers.cluster import loaded, run_pigeon
from tests.helpers.timing import TIMEOUT_S

PASSWORD = "correct horse battery"
CHEAP = {
    "PIGEON_ARGON2_TIME_COST": "1",
    "PIGEON_ARGON2_MEMORY_KIB": "8192",
    # The senders send back to back: on a quiet machine a commit takes a few ms, and the
    # per-user limits (20 writes/s, 200 requests/s) would refuse them `rate_limited`, which
    # is not what these tests measure.
    "PIGEON_SEND_RATE_PER_S": "100000",
    "PIGEON_REQUEST_RATE_PER_S": "100000",
}
# The target: sends refused for at most this long per store failover (issue 12).
FAILOVER_BUDGET_S = 10.0
# A refused send is tried again after this long (a client's backoff, not a wait for an event).
RETRY_PAUSE_S = 0.05
RETRYABLE = (ErrorCode.UNAVAILABLE, ErrorCode.BUSY)
SENDERS = 3
# A short grace for the stuck-standby watchdog (D68; 20 s by default): long enough for
# several of Patroni's loops (loop_wait 1 s) that leave the standby as it is.
TEST_GRACE_S = 5.0


def postmaster_runs(cluster: LocalCluster, name: str) -> bool:
    """Whether member ``name``'s PostgreSQL runs (its Patroni may be dead while it does)."""
    pid = patroni.postmaster_pid(Path(str(cluster.proc(name).extra["root"])) / "data")
    return pid > 0 and processes.pid_runs(pid, "postgres")


def pigeon(*args: str) -> subprocess.CompletedProcess[str]:
    return run_pigeon(*args, env=CHEAP, timeout_s=TIMEOUT_S * 6)


@pytest.fixture(scope="module")
def cluster_dir() -> Iterator[Path]:
    """A cluster started by ``pigeon cluster up --ha`` (outside pytest's 0700 tree:
    PostgreSQL runs as its own user)."""
    base = Path(tempfile.mkdtemp(prefix="pigeon-ha-"))
    base.chmod(0o755)
    directory = base / "c"
    up = pigeon("cluster", "up", "--ha", "--dir", str(directory), "--gateways", "2")
    try:
        assert up.returncode == 0, up.stderr
        yield directory
    finally:
        if (directory / "cluster.json").exists():
            LocalCluster(directory).down()
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class History:
    """What one sender saw: each acked message's seq, and when sends were acked or refused."""

    acked: dict[str, int] = field(default_factory=dict)  # client_msg_id -> seq
    ack_times: list[float] = field(default_factory=list)
    # "code: message" -> count: the message tells a gateway's refusal from a proxy's
    # ("busy: HTTP 503" is HAProxy's own page: no gateway was up in its view).
    refused: dict[str, int] = field(default_factory=dict)
    unknown: int = 0  # no answer (a connection cut): sent again with the same id


def longest_gap_s(histories: list[History], since: float) -> float:
    """The longest time without an ack, from ``since`` to the last ack."""
    times = [since, *sorted(t for h in histories for t in h.ack_times if t > since)]
    return max((b - a for a, b in itertools.pairwise(times)), default=0.0)


async def sender(url: str, token: str, conv: str, name: str, history: History) -> None:
    """Send until cancelled between messages, each message until acked: a refused or
    unanswered send is sent again with the same client_msg_id, which settles an unknown
    outcome (G2)."""
    async with HttpClient(url, token, timeout_s=TIMEOUT_S) as http:
        for n in itertools.count():
            cmid = f"{name}-{n}"
            while True:
                try:
                    ack = await http.send(conv, cmid, client_msg_id=cmid)
                except ApiError as exc:
                    if exc.code not in RETRYABLE:  # never another code during a failover
                        raise
                    history.refused[str(exc)] = history.refused.get(str(exc), 0) + 1
                except (ServerUnreachable, PigeonTimeoutError):
                    history.unknown += 1
                else:
                    assert history.acked.setdefault(cmid, ack.seq) == ack.seq, "two seqs"
                    history.ack_times.append(time.monotonic())
                    break
                await asyncio.sleep(RETRY_PAUSE_S)


async def read_back(url: str, token: str, conv: str) -> dict[str, int]:
    """Every message of ``conv`` as body -> seq, from the start, page by page; a body stored
    twice fails."""
    stored: dict[str, int] = {}
    after = 0
    async with HttpClient(url, token, timeout_s=TIMEOUT_S) as http:
        while True:
            page = await http.history(conv, after=after)
            if not page.events:
                return stored
            for event in page.events:
                if event.kind == "message" and event.body is not None:
                    assert stored.setdefault(event.body, event.seq) == event.seq, event
            after = page.events[-1].seq


async def chats(url: str, prefix: str) -> list[tuple[str, str]]:
    """(token, conv) per sender: each sender writes its own conversation with one peer."""
    out = []
    async with HttpClient(url) as http:
        await http.register(f"{prefix}peer", PASSWORD)
        for n in range(SENDERS):
            await http.register(f"{prefix}{n}", PASSWORD)
            token = (await http.login(f"{prefix}{n}", PASSWORD)).token
            async with HttpClient(url, token) as mine:
                out.append((token, (await mine.direct(f"{prefix}peer")).conv))
    return out


async def sends_across_a_kill(
    cluster: LocalCluster, kill: Callable[[], None], prefix: str
) -> tuple[float, list[History]]:
    """Senders (users named ``prefix``...) run while ``kill`` SIGKILLs a member, until acks
    have flowed for a second after it; every acked message is then read back at its seq.
    Returns the longest time without an ack after the kill, and the senders' histories."""
    url = cluster.url
    convs = await chats(url, prefix)
    histories = [History() for _ in convs]
    tasks = [
        asyncio.create_task(sender(url, token, conv, f"{prefix}{n}", history))
        for n, ((token, conv), history) in enumerate(zip(convs, histories, strict=True))
    ]

    def acks_after(moment: float) -> list[float]:
        return sorted(t for h in histories for t in h.ack_times if t > moment)

    async def until(check: Callable[[], bool], within_s: float, what: str) -> None:
        deadline = time.monotonic() + within_s
        while not check():
            if time.monotonic() >= deadline:
                status = await asyncio.to_thread(
                    pigeon, "cluster", "status", "--dir", str(cluster.directory)
                )
                raise AssertionError(f"{what}: {[h.refused for h in histories]}\n{status.stdout}")
            failed = [t.exception() for t in tasks if t.done()]
            assert not failed, failed
            await asyncio.sleep(RETRY_PAUSE_S)

    try:
        await until(lambda: len(acks_after(0)) >= 20, TIMEOUT_S, "no acks before the kill")
        killed_at = time.monotonic()
        await asyncio.to_thread(kill)
        await until(
            lambda: (after := acks_after(killed_at)) != [] and after[-1] - after[0] >= 1.0,
            FAILOVER_BUDGET_S * 3,
            "no second of acks after the kill",
        )
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    for (token, conv), history in zip(convs, histories, strict=True):
        stored = await read_back(url, token, conv)
        lost = {c: s for c, s in history.acked.items() if stored.get(c) != s}
        assert not lost, f"acked and then lost or moved: {lost}"
    return longest_gap_s(histories, killed_at), histories


def test_up_ha_runs_three_patroni_members_with_one_primary(cluster_dir: Path) -> None:
    cluster = loaded(cluster_dir)
    assert cluster.ha
    kinds = [p.kind for p in cluster.procs]
    assert kinds.count("etcd") == 3 and kinds.count("postgres") == 3
    assert kinds.count("pgproxy") == 1 and kinds.count("gateway") == 2
    roles = cluster.postgres_roles()
    assert sorted(roles.values()) == ["master", "replica", "replica"], roles
    status = pigeon("cluster", "status", "--dir", str(cluster_dir))
    assert status.returncode == 0, status.stdout + status.stderr
    primary = cluster.postgres_primary()
    assert primary is not None
    [row] = [r for r in status.stdout.splitlines() if r.startswith(f"{primary} ")]
    assert "ok: master, running" in row, row
    [row] = [r for r in status.stdout.splitlines() if r.startswith("haproxy-pg ")]
    assert f"routing to {primary}" in row, row
    # Synchronous and strict: the primary waits for a standby at every commit.
    sync = processes.psql(cluster.proc(primary).port, "SHOW synchronous_standby_names")
    assert sync and sync != "''", sync


async def test_a_killed_standby_stops_no_write(cluster_dir: Path) -> None:
    cluster = loaded(cluster_dir)
    # The synchronous one, whose loss blocks commits until the other standby takes its place.
    standby = cluster.postgres_sync_standby()
    assert standby is not None and standby in cluster.postgres_standbys()
    outage, _ = await sends_across_a_kill(
        cluster, lambda: cluster.kill_postgres_member(standby), "standby"
    )
    assert not postmaster_runs(cluster, standby)  # a lost machine: PostgreSQL too
    # Strict mode with three members: the other standby becomes synchronous.
    print(f"standby lost: {outage:.2f} s without acks")
    assert outage <= FAILOVER_BUDGET_S
    # Back as a standby (the next test needs one: strict mode on two members stops commits
    # with the loss of either).
    await asyncio.to_thread(cluster.start_again, standby)
    assert cluster.postgres_roles()[standby] == "replica"


async def test_a_killed_primary_refuses_sends_then_acks_them_within_10_s(
    cluster_dir: Path,
) -> None:
    """Killed as `pigeon chaos` does (its store_failover kind, which picks the member by its
    role when the fault starts), then healed as it does: the old primary rejoins as a
    standby and the cluster is back at full strength."""
    cluster = loaded(cluster_dir)
    old = cluster.postgres_primary()
    assert old is not None
    failover, stage = nemesis.kind_named("store_failover"), nemesis.Stage(cluster)
    assert failover.targets(stage) == ["primary"]
    outage, histories = await sends_across_a_kill(
        cluster, lambda: failover.inject(stage, "primary"), "primary"
    )
    assert not cluster.proc(old).alive() and not postmaster_runs(cluster, old)
    assert cluster.postgres_primary() not in (None, old)
    print(
        f"failover: {outage:.2f} s without acks; refused {[h.refused for h in histories]}, "
        f"{sum(h.unknown for h in histories)} unanswered"
    )
    assert sum(sum(h.refused.values()) + h.unknown for h in histories) > 0
    assert outage <= FAILOVER_BUDGET_S
    await asyncio.to_thread(failover.heal, stage, "primary")
    assert cluster.postgres_roles()[old] == "replica"
    assert nemesis.unhealthy(cluster) == []


def leave_without_primary_conninfo(cluster: LocalCluster, name: str) -> None:
    """Put standby ``name`` in the state Patroni 3.0.2's bug leaves (patroni/patroni#3686,
    D68): its PostgreSQL reloaded without ``primary_conninfo`` (so without a WAL receiver)
    while its Patroni believes it follows the leader. Patroni checks its recovery settings
    again only when postgresql.conf's mtime changes, so the file is replaced by one without
    those lines and with the same mtime, owner and mode; then PostgreSQL reloads it."""
    conf = Path(str(cluster.proc(name).extra["root"])) / "data" / "postgresql.conf"
    kept = [
        line
        for line in conf.read_text().splitlines(keepends=True)
        if not line.lstrip().startswith(("primary_conninfo", "primary_slot_name"))
    ]
    assert len(kept) < len(conf.read_text().splitlines()), "no primary_conninfo to remove"
    before = conf.stat()
    edited = conf.with_name("postgresql.conf.pigeon-test")
    edited.write_text("".join(kept))
    os.chown(edited, before.st_uid, before.st_gid)
    os.chmod(edited, before.st_mode & 0o7777)
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    edited.replace(conf)  # at once: Patroni never sees another mtime
    processes.psql(cluster.proc(name).port, "SELECT pg_reload_conf()")


def wait_left_synchronous_set(cluster: LocalCluster, name: str) -> None:
    if not processes.wait_until(lambda: not cluster.postgres_is_synchronous(name), TIMEOUT_S):
        raise AssertionError(f"{name} still synchronous {TIMEOUT_S:g} s without streaming")


async def test_a_standby_left_without_primary_conninfo_is_restarted_by_the_heal(
    cluster_dir: Path, tmp_path: Path
) -> None:
    """The stuck standby of RELIABILITY.md's run E, made on purpose: Patroni keeps calling
    it a replica that follows, the primary drops it from the synchronous set, and the
    cluster's health calls it not streaming; the chaos heal's wait restarts it through
    Patroni once the grace is over, records that as a remedy (not a fault), and returns
    once it streams and is synchronous again."""
    cluster = loaded(cluster_dir)
    cluster.stuck_grace_s = TEST_GRACE_S
    [standby, *_] = cluster.postgres_standbys()
    await asyncio.to_thread(cluster.wait_synchronous, standby, TIMEOUT_S)
    await asyncio.to_thread(leave_without_primary_conninfo, cluster, standby)
    await asyncio.to_thread(wait_left_synchronous_set, cluster, standby)
    role, state = patroni.member_state(int(cluster.proc(standby).extra["rest_port"]))
    assert (role, state) == ("replica", "running")  # Patroni sees nothing wrong
    receiver = patroni.wal_receiver(cluster.proc(standby).port)
    assert receiver is not None and receiver.status == "", receiver
    health = cluster.health(cluster.proc(standby))
    assert not health.healthy and "not streaming (WAL receiver: none)" in health.detail, health
    assert standby in cluster.stalls
    assert cluster.stuck_standbys() == {}  # not before the grace
    status = await asyncio.to_thread(pigeon, "cluster", "status", "--dir", str(cluster_dir))
    assert status.returncode == 1
    [row] = [r for r in status.stdout.splitlines() if r.startswith(f"{standby} ")]
    assert "FAILING: replica, running, not streaming" in row, row

    history = RunHistory(tmp_path / "history.jsonl")
    mayhem = Nemesis(nemesis.Stage(cluster, loop=asyncio.get_running_loop()), history)
    cluster.on_restart = mayhem.remedy
    started = time.monotonic()
    await asyncio.to_thread(nemesis.wait_healthy, cluster)
    print(f"stuck standby back at full strength in {time.monotonic() - started:.1f} s")
    history.close()
    assert [r["member"] for r in mayhem.remedies] == [standby]
    assert "no WAL streamed for" in mayhem.remedies[0]["why"]
    remedies = [r for r in read_records(history.path) if r.type == "remedy"]
    assert [(r.op, r.target) for r in remedies] == [(RESTART_STANDBY, standby)]
    assert cluster.postgres_is_synchronous(standby)
    receiver = patroni.wal_receiver(cluster.proc(standby).port)
    assert receiver is not None and receiver.streaming, receiver
    conninfo = processes.psql(cluster.proc(standby).port, "SHOW primary_conninfo")
    assert f"port={cluster.proc(cluster.postgres_primary() or '').port}" in conninfo
    assert nemesis.unhealthy(cluster) == []


def test_cluster_repair_restarts_a_standby_that_does_not_stream(cluster_dir: Path) -> None:
    """`pigeon cluster repair`, the operator's way to the same remedy: it does nothing while
    every standby streams, and restarts one stuck past ``--grace``."""
    idle = pigeon("cluster", "repair", "--dir", str(cluster_dir), "--grace", "1")
    assert idle.returncode == 0 and idle.stdout.strip() == "every standby streams", idle
    cluster = loaded(cluster_dir)
    [*_, standby] = cluster.postgres_standbys()
    leave_without_primary_conninfo(cluster, standby)
    wait_left_synchronous_set(cluster, standby)
    repair = pigeon("cluster", "repair", "--dir", str(cluster_dir), "--grace", str(TEST_GRACE_S))
    assert repair.returncode == 0, repair.stderr
    assert repair.stdout.strip() == f"restarted {standby}", repair.stdout
    assert f"{standby}: no WAL streamed for" in repair.stderr, repair.stderr
    cluster.wait_synchronous(standby, TIMEOUT_S)
    assert nemesis.unhealthy(cluster) == []


async def test_a_killed_etcd_member_keeps_the_primary_and_the_acks(cluster_dir: Path) -> None:
    """Killed and started again as `pigeon chaos` does (its etcd_kill kind, D57): the two
    other members keep quorum, Patroni keeps its primary, and sends go on being acked."""
    cluster = loaded(cluster_dir)
    primary = cluster.postgres_primary()
    assert primary is not None
    etcd_kill, stage = nemesis.kind_named("etcd_kill"), nemesis.Stage(cluster)
    [member, *_] = etcd_kill.targets(stage)
    outage, _ = await sends_across_a_kill(cluster, lambda: etcd_kill.inject(stage, member), "etcd")
    assert not cluster.proc(member).alive()
    assert cluster.postgres_primary() == primary
    print(f"etcd member lost: {outage:.2f} s without acks")
    assert outage <= 2.0  # no failover: the acks never wait on etcd
    await asyncio.to_thread(etcd_kill.heal, stage, member)
    assert cluster.postgres_primary() == primary
    assert nemesis.unhealthy(cluster) == []


def test_down_leaves_nothing_running(cluster_dir: Path) -> None:
    cluster = loaded(cluster_dir)
    down = pigeon("cluster", "down", "--dir", str(cluster_dir))
    assert down.returncode == 0, down.stderr
    assert [p.name for p in cluster.procs if p.alive()] == []
    for proc in cluster.procs:
        assert processes.group_members(proc.pid) == []
    for n in range(1, 4):  # nor a PostgreSQL Patroni started in a session of its own
        data = cluster_dir / f"pg-{n}" / "data"
        assert not (data / "postmaster.pid").exists(), n
