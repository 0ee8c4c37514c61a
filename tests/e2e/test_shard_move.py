"""``pigeon shard move`` under load: two ``pigeon serve`` gateways on one PostgreSQL store take
sends over HTTP to conversations of the moving shard and of others while the command runs
(docs/DECISIONS.md D43)."""

from __future__ import annotations

import asyncio
import itertools
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from pigeon.store.postgres import shard_of
from tests.helpers.postgres import PostgresInstance
from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


@dataclass
class HttpSender:
    """Sends to one conversation through one gateway until stopped, retrying a 503 ``busy``
    with the same client id after its ``retry_after_ms``, as a client does."""

    http: Http
    token: str
    conv: str
    name: str
    acked: dict[str, int] = field(default_factory=dict)
    refusals: list[tuple[float, str, int | None]] = field(default_factory=list)
    want: int = 3
    reached: asyncio.Event = field(default_factory=asyncio.Event)

    def expect(self, more: int) -> None:
        self.want = len(self.acked) + more
        self.reached.clear()

    async def run(self, stop: asyncio.Event) -> None:
        for n in itertools.count():
            if stop.is_set():
                return
            cmid = f"{self.name}-{n}"
            while True:
                status, body = await self.http.call(
                    "POST",
                    f"/v1/conversations/{self.conv}/messages",
                    {"client_msg_id": cmid, "body": cmid},
                    self.token,
                )
                if status == 200:
                    self.acked[cmid] = int(body["seq"])
                    break
                self.refusals.append((time.monotonic(), body["code"], body.get("retry_after_ms")))
                await asyncio.sleep((body.get("retry_after_ms") or 100) / 1000)  # back-off
            if len(self.acked) >= self.want:
                self.reached.set()


async def whole_log(http: Http, token: str, conv: str) -> list[dict[str, object]]:
    events: list[dict[str, object]] = []
    while True:
        status, page = await http.call(
            "GET", f"/v1/conversations/{conv}/messages?after={len(events)}&limit=500", None, token
        )
        assert status == 200, page
        events.extend(page["events"])
        if not page["more"]:
            return events


async def pigeon(*args: str) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "pigeon",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), TIMEOUT_S)
    assert proc.returncode is not None
    return proc.returncode, out.decode()


@pytest.mark.durable("runs its own store: PostgreSQL, a catalog and two shard databases")
async def test_a_shard_moves_under_load_through_two_gateways(
    postgres: PostgresInstance, client_session: aiohttp.ClientSession, tmp_path: Path
) -> None:
    """While `pigeon shard move` runs, 2 gateways x 3 conversations keep sending; then every
    ack is in the log once, at its seq, with no gap, read through either gateway (neither was
    told of the move); the only refusals were `busy` on the moving shard, for well under 10 s."""
    catalog, *shards = postgres.create_databases(3)
    url = postgres.url(catalog) + "?shards=" + ",".join(shards)
    # One user sends from six loops: the shared send bucket (D42) must not be what refuses.
    unlimited = {"PIGEON_SEND_RATE_PER_S": "100000", "PIGEON_SEND_BURST": "100000"}
    gateways = [
        ServerProcess(tmp_path / f"gw{i}", env={"PIGEON_STORE": url, **unlimited}).start()
        for i in range(2)
    ]
    try:
        https = [Http(client_session, gw.url) for gw in gateways]
        token = await https[0].user("alice")
        await https[0].user("bob")
        convs = []
        for i in range(3):
            status, body = await https[0].call(
                "POST", "/v1/conversations/group", {"title": f"g{i}", "members": ["bob"]}, token
            )
            assert status == 201, body
            convs.append(str(body["conv"]))
        moving = shard_of(convs[0])
        [target] = set(shards) - {shards[moving % 2]}  # the seeded map is round robin
        senders = [
            HttpSender(http, token, conv, f"gw{g}-{conv}")
            for g, http in enumerate(https)
            for conv in convs
        ]
        stop = asyncio.Event()
        tasks = [asyncio.create_task(s.run(stop)) for s in senders]
        async with asyncio.timeout(TIMEOUT_S * 2):
            await asyncio.gather(*(s.reached.wait() for s in senders))
            code, out = await pigeon("shard", "move", str(moving), "--to", target, "--store", url)
            assert code == 0, out
            assert f"shard {moving} is on {target}" in out and "writes refused for" in out, out
            for sender in senders:
                sender.expect(3)
            await asyncio.gather(*(s.reached.wait() for s in senders))
            stop.set()
            await asyncio.gather(*tasks)
        refusals = [r for s in senders for r in s.refusals]
        assert {(code, after) for _, code, after in refusals} <= {("busy", 200)}
        assert all(shard_of(s.conv) == moving for s in senders if s.refusals)
        if refusals:
            times = sorted(t for t, _, _ in refusals)
            assert times[-1] - times[0] < 10
        for conv in convs:
            acked = {k: v for s in senders if s.conv == conv for k, v in s.acked.items()}
            for http in https:
                log = await whole_log(http, token, conv)
                assert [e["seq"] for e in log] == list(range(1, len(log) + 1))
                ids = [e.get("client_msg_id") for e in log if e["kind"] == "message"]
                assert len(ids) == len(set(ids))
                assert {
                    e.get("client_msg_id"): e["seq"] for e in log if e["kind"] == "message"
                } == acked
        code, out = await pigeon("shard", "list", "--store", url)
        assert code == 0, out
        assert "unfinished" not in out and f"{target:<24}    513" in out, out
    finally:
        for gw in gateways:
            gw.kill()
