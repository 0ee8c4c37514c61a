"""The HAProxy configuration ``pigeon cluster up`` writes, against a real haproxy and two
stand-in gateways (small aiohttp servers whose ``/readyz`` and answers the test controls):
a gateway answering 503 on ``/readyz`` leaves the rotation, a 503 or a refused connect is
retried on the other, X-Forwarded-For names the client. Fast: no PostgreSQL, no NATS."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from pigeon.cluster import haproxy, patroni, processes
from tests.helpers.timing import TIMEOUT_S

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"


@dataclass
class StandIn:
    """A gateway's stand-in: ``ready`` drives /readyz (answered after ``check_delay_s``, and
    counted in ``checks``), ``refuse`` answers 503 to the rest."""

    name: str
    ready: bool = True
    refuse: bool = False
    check_delay_s: float = 0.0
    checks: int = 0
    hits: int = 0
    forwarded_for: list[str] = field(default_factory=list)
    port: int = 0

    async def readyz(self, request: web.Request) -> web.Response:
        self.checks += 1
        await asyncio.sleep(self.check_delay_s)  # a gateway busy with a burst of hellos
        return web.json_response(
            {"status": "ready" if self.ready else "draining"}, status=200 if self.ready else 503
        )

    async def who(self, request: web.Request) -> web.Response:
        self.hits += 1
        self.forwarded_for.append(request.headers.get("X-Forwarded-For", ""))
        if self.refuse:
            return web.json_response({"code": "busy"}, status=503)
        return web.Response(text=self.name)


@dataclass
class Front:
    url: str
    stats_port: int
    gateways: list[StandIn]


@pytest.fixture
async def front(tmp_path: Path) -> AsyncIterator[Front]:
    standins = [StandIn("gateway-0"), StandIn("gateway-1")]
    runners = []
    for standin in standins:
        app = web.Application()
        app.router.add_get("/readyz", standin.readyz)
        app.router.add_get("/who", standin.who)
        app.router.add_post("/who", standin.who)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        standin.port = runner.addresses[0][1]
        runners.append(runner)
    front_port, stats_port = processes.free_port(), processes.free_port()
    config = tmp_path / "haproxy.cfg"
    config.write_text(
        haproxy.haproxy_config(
            front_port=front_port,
            stats_port=stats_port,
            gateways=[(s.name, s.port) for s in standins],
            max_connections_per_address=256,
        )
    )
    proc = await asyncio.create_subprocess_exec(
        HAPROXY, "-f", str(config), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    result = Front(f"http://127.0.0.1:{front_port}", stats_port, standins)
    try:
        await until(lambda: seen(result) == {"gateway-0": "UP", "gateway-1": "UP"}, "both up")
        yield result
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), TIMEOUT_S)
        for runner in runners:
            await runner.cleanup()


def seen(front: Front) -> dict[str, str]:
    status, body = processes.http_status(f"http://127.0.0.1:{front.stats_port}/stats;csv")
    return haproxy.parse_stats_csv(body) if status == 200 else {}


async def until(check: Callable[[], bool], what: str) -> None:
    """Wait (bounded) for haproxy's view, which it signals nowhere but in its stats page."""
    deadline = asyncio.get_running_loop().time() + TIMEOUT_S
    while not await asyncio.to_thread(check):
        assert asyncio.get_running_loop().time() < deadline, f"never {what}"
        await asyncio.sleep(0.05)


async def answers(front: Front, count: int, method: str = "GET") -> list[tuple[int, str]]:
    """``count`` requests through the front, each on a new connection."""
    out = []
    for _ in range(count):
        async with (
            aiohttp.ClientSession() as session,
            session.request(method, front.url + "/who") as r,
        ):
            out.append((r.status, await r.text()))
    return out


def test_the_generated_configuration_is_valid_and_caps_each_client_address(
    tmp_path: Path,
) -> None:
    """The gateways' max_connections_per_address is enforced at the front, where the client
    address is still known."""
    config = tmp_path / "haproxy.cfg"
    text = haproxy.haproxy_config(
        front_port=1, stats_port=2, gateways=[("gateway-0", 3)], max_connections_per_address=77
    )
    config.write_text(text)
    done = subprocess.run([HAPROXY, "-c", "-f", str(config)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "tcp-request connection reject if { sc0_conn_cur gt 77 }" in text


@pytest.mark.parametrize("front", ["gateways", "postgres"])
def test_a_front_port_another_listener_holds_is_refused_not_shared(
    tmp_path: Path, front: str
) -> None:
    """HAProxy binds with SO_REUSEPORT unless told not to: on a port another program (a
    second cluster's HAProxy) listens on with it, both would listen and split the clients.
    Both generated fronts refuse to start instead, so the part shows as not starting."""
    with socket.socket() as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken, stats_port = holder.getsockname()[1], processes.free_port()
        if front == "gateways":
            text = haproxy.haproxy_config(
                front_port=taken,
                stats_port=stats_port,
                gateways=[("gateway-0", 1)],
                max_connections_per_address=256,
            )
        else:
            text = patroni.pgproxy_config(
                front_port=taken, stats_port=stats_port, members=[("pg-1", 1, 2)]
            )
        config = tmp_path / "haproxy.cfg"
        config.write_text(text)
        done = subprocess.run(
            [HAPROXY, "-f", str(config)], capture_output=True, text=True, timeout=TIMEOUT_S
        )
    assert done.returncode != 0
    assert "cannot bind socket (Address already in use)" in done.stderr


async def test_a_gateway_whose_readyz_is_503_leaves_the_rotation(front: Front) -> None:
    draining = front.gateways[1]
    draining.ready = False
    await until(lambda: seen(front).get("gateway-1", "").startswith("DOWN"), "gateway-1 down")
    before = draining.hits
    assert await answers(front, 6) == [(200, "gateway-0")] * 6
    assert draining.hits == before  # not even tried
    draining.ready = True
    await until(lambda: seen(front).get("gateway-1") == "UP", "gateway-1 back")


async def test_a_gateway_answering_its_checks_late_stays_in_the_rotation(front: Front) -> None:
    """Checks answered in 0.8 s (past the 0.5 s interval, within the 2 s check timeout) do not
    take a gateway out: with one gateway, one slow check was an outage for every client."""
    busy = front.gateways[1]
    busy.check_delay_s = 0.8
    first = busy.checks
    await until(lambda: busy.checks >= first + 4, "four slow checks")
    assert seen(front).get("gateway-1") == "UP"
    assert sorted(await answers(front, 6)) == [(200, "gateway-0")] * 3 + [(200, "gateway-1")] * 3


async def test_a_503_or_a_refused_connect_is_retried_on_the_other_gateway(front: Front) -> None:
    # gateway-1 passes its checks but refuses every request, as a draining gateway does in
    # the moment before its next check: the client never sees it.
    front.gateways[1].refuse = True
    assert await answers(front, 6) == [(200, "gateway-0")] * 6
    assert front.gateways[1].hits > 0  # it was tried, and the request went elsewhere


async def test_a_post_is_not_sent_again_after_a_gateway_answered(front: Front) -> None:
    # A POST that reached a gateway may have been acted on: its answer goes back as is.
    refusing = front.gateways[1]
    refusing.refuse = True
    got = await answers(front, 6, "POST")
    assert {a for a in got if a[0] != 200} == {(503, '{"code": "busy"}')}
    assert [a for a in got if a[0] == 503] == [(503, '{"code": "busy"}')] * refusing.hits


async def test_the_gateways_see_the_client_in_x_forwarded_for(front: Front) -> None:
    await answers(front, 2)
    assert {f for g in front.gateways for f in g.forwarded_for} == {"127.0.0.1"}
