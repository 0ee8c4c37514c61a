"""``pigeon cluster up|status|down``: a real local cluster (two PostgreSQL instances, three
NATS nodes, two gateways, HAProxy) started by the command line, clients chatting through
HAProxy on different gateways, a gateway drained, and nothing left running at the end.

The tests of this module share one cluster and run in order (each builds on the last).
"""

from __future__ import annotations

import asyncio
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from pigeon.cluster import LocalCluster, haproxy, processes
from pigeon.sdk import Client, Event, HttpClient
from tests.helpers.cluster import loaded, run_pigeon
from tests.helpers.metrics import samples
from tests.helpers.timing import TIMEOUT_S

PASSWORD = "correct horse battery"
CHEAP = {
    "PIGEON_ARGON2_TIME_COST": "1",
    "PIGEON_ARGON2_MEMORY_KIB": "8192",
    # Every client here, the bench's too, comes from 127.0.0.1.
    "PIGEON_LOGIN_RATE_PER_MIN": "1000",
}


def pigeon(*args: str) -> subprocess.CompletedProcess[str]:
    return run_pigeon(*args, env=CHEAP, timeout_s=TIMEOUT_S * 4)


@pytest.fixture(scope="module")
def cluster_dir() -> Iterator[Path]:
    """A cluster started by ``pigeon cluster up`` (which has exited: its processes live on).
    The directory is outside pytest's (mode 0700) tree: PostgreSQL runs as its own user."""
    base = Path(tempfile.mkdtemp(prefix="pigeon-cluster-"))
    base.chmod(0o755)
    directory = base / "c"
    up = pigeon("cluster", "up", "--dir", str(directory), "--gateways", "2")
    try:
        assert up.returncode == 0, up.stderr
        assert up.stdout.strip() == loaded(directory).url  # the one line on stdout
        yield directory
    finally:
        if (directory / "cluster.json").exists():
            LocalCluster(directory).down()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


async def connections(session: aiohttp.ClientSession, metrics_url: str) -> float:
    async with session.get(metrics_url + "/metrics") as response:
        assert response.status == 200
        return samples(await response.text())["pigeon_connections{}"]


async def token(url: str, handle: str) -> str:
    async with HttpClient(url) as http:
        await http.register(handle, PASSWORD)
        return (await http.login(handle, PASSWORD)).token


async def next_message_from(client: Client, sender: str) -> str:
    """The body of the next message ``sender`` sent, as ``client`` receives it."""
    while True:
        item = await asyncio.wait_for(client.next_event(), TIMEOUT_S)
        if isinstance(item, Event) and item.sender == sender and item.body is not None:
            return item.body


def haproxy_sees(cluster: LocalCluster, gateway: str, state: str) -> bool:
    stats = f"http://127.0.0.1:{cluster.proc('haproxy').extra['stats_port']}/stats;csv"
    status, body = processes.http_status(stats)
    return status == 200 and haproxy.parse_stats_csv(body).get(gateway, "").startswith(state)


async def until(check: Callable[[], bool], what: str) -> None:
    """Wait (bounded) for another process's state that it signals nowhere but in answers to
    probes (HAProxy's view of a gateway): probe every 50 ms."""
    deadline = asyncio.get_running_loop().time() + TIMEOUT_S
    while not await asyncio.to_thread(check):
        assert asyncio.get_running_loop().time() < deadline, f"never {what}"
        await asyncio.sleep(0.05)


async def process_exit(pid: int) -> None:
    """Wait (bounded) for a process that is not our child to exit: its pidfd turns readable."""
    fd = os.pidfd_open(pid)
    try:
        readable, _, _ = await asyncio.to_thread(select.select, [fd], [], [], TIMEOUT_S)
        assert readable, f"pid {pid} did not exit"
    finally:
        os.close(fd)


def test_up_prints_the_haproxy_url_and_status_shows_every_part_healthy(
    cluster_dir: Path,
) -> None:
    cluster = loaded(cluster_dir)
    assert [p.name for p in cluster.procs] == [
        "pg-1",
        "pg-2",
        "nats-0",
        "nats-1",
        "nats-2",
        "gateway-0",
        "gateway-1",
        "haproxy",
    ]
    status = pigeon("cluster", "status", "--dir", str(cluster_dir))
    assert status.returncode == 0, status.stdout + status.stderr
    rows = status.stdout.splitlines()[1:]
    assert len(rows) == len(cluster.procs)
    for proc, row in zip(cluster.procs, rows, strict=True):
        assert row.split()[:3] == [proc.name, str(proc.pid), str(proc.port)]
        assert " ok: " in row, row
    assert "routing to gateway-0, gateway-1" in rows[-1]
    # The same admin token on every gateway: `pigeon admin --url` works against any.
    tokens = {
        (Path(str(p.extra["data"])) / "admin.token").read_text()
        for p in cluster.procs
        if p.kind == "gateway"
    }
    assert tokens == {(cluster_dir / "admin.token").read_text()}


def test_up_on_a_directory_with_a_running_cluster_is_refused(cluster_dir: Path) -> None:
    before = (cluster_dir / "cluster.json").read_bytes()
    again = pigeon("cluster", "up", "--dir", str(cluster_dir), "--gateways", "2")
    assert again.returncode == 1
    assert (
        again.stderr.startswith("pigeon cluster up: ")
        and "already holds a running cluster" in again.stderr
    )
    assert len(again.stderr.splitlines()) == 1
    assert (cluster_dir / "cluster.json").read_bytes() == before
    assert all(p.alive() for p in loaded(cluster_dir).procs)


async def test_clients_on_different_gateways_chat_through_haproxy_and_a_drained_one_leaves(
    cluster_dir: Path, session: aiohttp.ClientSession
) -> None:
    cluster = loaded(cluster_dir)
    url = cluster.url
    metrics = cluster.gateway_metrics_urls
    alice_token, bob_token = await token(url, "alice"), await token(url, "bob")
    async with HttpClient(url, alice_token) as http:
        conv = (await http.direct("bob")).conv
    alice = Client(url, alice_token, backoff_max_s=0.5)
    bob = Client(url, bob_token, backoff_max_s=0.5)
    try:
        await alice.start()
        await alice.wait_connected(TIMEOUT_S)
        # leastconn: the next socket goes to the gateway that holds none.
        assert sorted([await connections(session, m) for m in metrics]) == [0, 1]
        alice_gateway = [await connections(session, m) for m in metrics].index(1)
        await bob.start()
        await bob.wait_connected(TIMEOUT_S)
        assert [await connections(session, m) for m in metrics] == [1, 1]

        # In real time both ways, across the bus.
        await alice.send(conv, "hi bob")
        assert await next_message_from(bob, "alice") == "hi bob"
        await bob.send(conv, "hi alice")
        assert await next_message_from(alice, "bob") == "hi alice"

        # SIGTERM drains alice's gateway: it says goodbye, alice reconnects through HAProxy
        # to the other gateway and misses nothing.
        drained = cluster.of_kind("gateway")[alice_gateway]
        other = metrics[1 - alice_gateway]
        # (How HAProxy treats a gateway whose /readyz is 503 while it drains is in
        # test_haproxy.py: a drain with nothing in flight ends too fast to watch here.)
        os.kill(drained.pid, signal.SIGTERM)
        await process_exit(drained.pid)
        await until(lambda: haproxy_sees(cluster, drained.name, "DOWN"), "marked down")
        # Alice was told goodbye and reconnected through HAProxy to the other gateway.
        await bob.send(conv, "still there?")
        assert await next_message_from(alice, "bob") == "still there?"
        assert await connections(session, other) == 2
        # A new connection goes to the gateway left.
        carol = Client(url, await token(url, "carol"), backoff_max_s=0.5)
        try:
            await carol.start()
            await carol.wait_connected(TIMEOUT_S)
            assert await connections(session, other) == 3
        finally:
            await carol.close()
    finally:
        await alice.close()
        await bob.close()
    status = pigeon("cluster", "status", "--dir", str(cluster_dir))
    assert status.returncode == 1
    [row] = [r for r in status.stdout.splitlines() if r.startswith(drained.name)]
    assert "FAILING: not running" in row
    # Back on its port, and in the rotation again once its checks pass.
    await asyncio.to_thread(cluster.start_again, drained.name)
    await until(lambda: haproxy_sees(cluster, drained.name, "UP"), "back in the rotation")


@pytest.mark.parametrize("victim", ["gateway-1", "nats-1"])
async def test_a_bench_run_that_loses_a_gateway_or_a_nats_node_loses_nothing_acked(
    cluster_dir: Path, tmp_path: Path, victim: str
) -> None:
    """``pigeon bench --cluster DIR --kill NAME`` SIGKILLs one process mid-run; the clients
    on a killed gateway reconnect through HAProxy, and the run's correctness counts (every
    acked message delivered once, in order, nothing invented) stay at zero."""
    cluster = loaded(cluster_dir)
    out = tmp_path / "bench.json"
    try:
        run = await asyncio.to_thread(
            pigeon,
            *("bench", "S1", "--cluster", str(cluster_dir), "--kill", victim, "--kill-at", "1.5"),
            *("--users", "10", "--rate", "40", "--duration", "4", "--warmup", "0"),
            *("--workers", "1", "--json", str(out), "--no-plot", "--quiet"),
        )
        # The counts by kind (reordered pushes apart from reordered sends, errors) say which
        # guarantee broke: read them first.
        result = json.loads(out.read_text()) if out.exists() else {}
        shown = {k: result.get(k) for k in ("correctness", "errors", "killed")}
        assert run.returncode == 0, f"{run.stdout}{run.stderr}\n{shown}"
        assert result["killed"]["pid"] == cluster.proc(victim).pid
        assert not cluster.proc(victim).alive()
        assert result["correct"] is True, result["correctness"]
        assert result["acked"] > 0 and result["lost"] == result["duplicated"] == 0
    finally:
        # Whole again for the next test, whatever this one found.
        if not cluster.proc(victim).alive():
            await asyncio.to_thread(cluster.start_again, victim)
        if victim.startswith("gateway"):
            await until(lambda: haproxy_sees(cluster, victim, "UP"), "back in the rotation")


def test_s4_on_the_cluster_reports_what_every_gateway_counted(
    cluster_dir: Path, tmp_path: Path
) -> None:
    """``pigeon bench S4 --cluster DIR`` reads each gateway's own counts (shedding, critical
    latency inside the node) and sums them: HAProxy spreads the clients over both gateways,
    so one gateway's count would fall short of the read markers and sends served."""
    cluster = loaded(cluster_dir)
    out = tmp_path / "s4.json"
    run = pigeon(
        *("bench", "S4", "--cluster", str(cluster_dir), "--users", "10", "--rate", "10"),
        *("--spike-factor", "4", "--baseline-s", "1", "--spike-s", "2", "--after-s", "1"),
        *("--workers", "1", "--json", str(out), "--no-plot", "--quiet"),
    )
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(out.read_text())
    assert result["correct"] is True, result["correctness"]
    assert sorted(result["server_metrics_urls"]) == sorted(cluster.gateway_metrics_urls)
    served = {
        kind: sum(phase[kind]["served"] for phase in result["spike"]["by_kind"].values())
        for kind in ("send", "read")
    }
    assert served["read"] > 0
    assert result["server_critical_latency_read"]["count"] >= served["read"]
    assert result["server_send_latency"]["count"] >= served["send"]
    assert isinstance(result["server_refusals"], dict)


def test_bench_s4_refuses_to_set_a_running_cluster_s_shedder(cluster_dir: Path) -> None:
    """The loop's shedding target is the started node's; a running cluster's gateways took
    theirs when they started, so asking for it is a usage error, not ignored."""
    run = pigeon(
        *("bench", "S4", "--cluster", str(cluster_dir), "--shed-loop-lag-s", "0.05"),
        *("--users", "2", "--no-plot", "--quiet"),
    )
    assert run.returncode == 2
    assert "--shed-loop-lag-s" in run.stderr


def test_down_stops_every_process_by_pid_and_up_starts_them_again(cluster_dir: Path) -> None:
    cluster = loaded(cluster_dir)
    # An account of this test's own: under two xdist workers the module's other tests may
    # run on the other worker's cluster.
    asyncio.run(token(cluster.url, "dora"))
    down = pigeon("cluster", "down", "--dir", str(cluster_dir))
    assert down.returncode == 0, down.stderr
    assert down.stdout.startswith("stopped haproxy, gateway-")
    assert [p.name for p in cluster.procs if p.alive()] == []
    for proc in cluster.procs:  # nor any child (PostgreSQL's backends) in its group
        assert processes.group_members(proc.pid) == []

    # The same cluster again: same ports, same data (dora's account is in PostgreSQL).
    again = pigeon("cluster", "up", "--dir", str(cluster_dir))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == cluster.url
    restarted = loaded(cluster_dir)
    assert [(p.name, p.port) for p in restarted.procs] == [(p.name, p.port) for p in cluster.procs]
    assert all(p.alive() for p in restarted.procs)
    status = pigeon("cluster", "status", "--dir", str(cluster_dir))
    assert status.returncode == 0, status.stdout
    asyncio.run(login(cluster.url, "dora"))
    assert pigeon("cluster", "down", "--dir", str(cluster_dir)).returncode == 0
    assert [p.name for p in restarted.procs if p.alive()] == []


async def login(url: str, handle: str) -> None:
    async with HttpClient(url) as http:
        await http.login(handle, PASSWORD)
