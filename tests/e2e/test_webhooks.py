"""Outgoing webhooks against a real node and a real local receiver (issue 13, items 1, 2, 5):
signed deliveries for the endpoint's conversations only, retries spaced as configured, a
relay SIGKILLed mid-delivery that resumes losing nothing, and dead letters replayed with
``pigeon admin webhooks``. The receiver answers on a schedule the test sets: fail, hang past
the node's timeout, or succeed."""

from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import msgspec
import pytest
from aiohttp import web

from pigeon.sdk import WebhookEvent, verify_webhook
from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

# What the receiver does with a request: answer this status, or hang (None) until the
# node's webhook_timeout_s gives up on it.
Answer = int | None
# Small intervals, so that retries and leases take a fraction of a second (D48's defaults are
# 30 s and 60 s): the base of the backoff, its cap, the timeout, the relay's interval.
FAST = {
    "PIGEON_WEBHOOK_RETRY_BASE_S": "0.4",
    "PIGEON_WEBHOOK_RETRY_CAP_S": "2",
    "PIGEON_WEBHOOK_TIMEOUT_S": "1",
    "PIGEON_RELAY_INTERVAL_S": "0.05",
    "PIGEON_RELAY_LEASE_S": "1",
}


@dataclass
class Received:
    at: float  # time.monotonic() when it arrived
    body: bytes
    signature: str
    event: WebhookEvent


@dataclass
class Receiver:
    """A local HTTP endpoint. ``schedule(path, attempt)`` says how to answer the attempt-th
    request for one event id at ``path`` (1 for the first); every request is recorded."""

    schedule: Callable[[str, int], Answer] = lambda path, attempt: 200
    received: dict[str, list[Received]] = field(default_factory=dict)  # path -> requests
    arrived: asyncio.Condition = field(default_factory=asyncio.Condition)
    url: str = ""
    _release: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        event = msgspec.json.decode(body, type=WebhookEvent)
        seen = self.received.setdefault(request.path, [])
        attempt = 1 + sum(r.event.id == event.id for r in seen)
        async with self.arrived:
            seen.append(
                Received(time.monotonic(), body, request.headers["Pigeon-Signature"], event)
            )
            self.arrived.notify_all()
        answer = self.schedule(request.path, attempt)
        if answer is None:
            await self._release.wait()  # past the node's timeout: it gives up first
            return web.Response(status=200)
        return web.Response(status=answer)

    async def wait_for(self, ready: Callable[[], bool]) -> None:
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(ready), TIMEOUT_S)

    def events(self, path: str) -> list[Received]:
        return self.received.get(path, [])

    def ids(self, path: str) -> set[str]:
        return {r.event.id for r in self.events(path)}


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    found = Receiver()
    app = web.Application()
    app.router.add_post("/{name}", found.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    found.url = f"http://127.0.0.1:{port}"
    yield found
    found._release.set()
    await runner.cleanup()


@pytest.fixture
def fast_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """FAST for every node the test starts (the cluster's gateways too)."""
    for name, value in FAST.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def fast_server(tmp_path: Path) -> Iterator[ServerProcess]:
    node = ServerProcess(tmp_path / "data", env=FAST).start()
    yield node
    node.kill()


async def register(http: Http, token: str, url: str, conv: str | None = None) -> dict[str, Any]:
    body = {"url": url, **({"conv": conv} if conv else {})}
    status, created = await http.call("POST", "/v1/webhooks", body, token)
    assert status == 201, created
    return dict(created)


async def send(http: Http, token: str, conv: str, cmid: str) -> int:
    status, ack = await http.call(
        "POST", f"/v1/conversations/{conv}/messages", {"client_msg_id": cmid, "body": cmid}, token
    )
    assert status == 200, ack
    return int(ack["seq"])


def admin_token(node: ServerProcess) -> str:
    return (node.data_dir / "admin.token").read_text().strip()


async def deliveries(http: Http, node: ServerProcess, query: str = "") -> list[dict[str, Any]]:
    status, body = await http.call(
        "GET", f"/v1/admin/webhook-deliveries{query}", token=admin_token(node)
    )
    assert status == 200, body
    return list(body["deliveries"])


async def logged(node: ServerProcess, **fields: object) -> dict[str, Any]:
    """Await the node's log line with these fields (read on a thread: the receiver answers
    on this loop meanwhile)."""
    return await asyncio.to_thread(node.wait_for_log, **fields)


def check_signature(received: Received, secret: str) -> None:
    verify_webhook(received.signature, received.body, secret, now_s=time.time())


async def test_an_endpoint_gets_signed_events_of_its_conversations_only(
    client_session: aiohttp.ClientSession, fast_server: ServerProcess, receiver: Receiver
) -> None:
    """Alice's endpoint gets her conversations' events, each signed with its secret; Carol's
    endpoint on her own conversation gets that one's; Mallory, in neither, gets nothing, and
    cannot bind an endpoint to a conversation she is not in (G5). Bob's endpoint stops
    receiving a group's events once he left it."""
    http = Http(client_session, fast_server.url)
    alice, bob, carol, mallory = [await http.user(h) for h in ("alice", "bob", "carol", "mal")]
    direct = await http.direct(alice, "bob")
    other = await http.direct(carol, "bob")
    status, created = await http.call(
        "POST", "/v1/conversations/group", {"title": "g", "members": ["bob"]}, alice
    )
    assert status == 201, created
    group = created["conv"]
    hook_a = await register(http, alice, receiver.url + "/alice")
    hook_c = await register(http, carol, receiver.url + "/carol", conv=other)
    hook_b = await register(http, bob, receiver.url + "/bob", conv=group)
    hook_m = await register(http, mallory, receiver.url + "/mallory")
    status, refused = await http.call(
        "POST", "/v1/webhooks", {"url": receiver.url + "/m2", "conv": direct}, mallory
    )
    assert (status, refused["code"]) == (404, "not_found")

    await send(http, alice, group, "bob-in")
    await receiver.wait_for(
        lambda: any(r.event.event.body == "bob-in" for r in receiver.events("/bob"))
    )
    for received in receiver.events("/bob"):
        check_signature(received, hook_b["secret"])
    status, _ = await http.call("DELETE", f"/v1/conversations/{group}/members/bob", None, bob)
    assert status == 200
    await send(http, alice, direct, "to-bob")
    await send(http, carol, other, "carol-to-bob")
    after_leaving = await send(http, alice, group, "bob-left")
    await receiver.wait_for(
        lambda: (
            any(r.event.event.seq == after_leaving for r in receiver.events("/alice"))
            and any(r.event.event.body == "carol-to-bob" for r in receiver.events("/carol"))
        )
    )
    for received in receiver.events("/alice"):
        check_signature(received, hook_a["secret"])
        assert received.event.event.conv in (direct, group)
        assert received.event.webhook == hook_a["id"]
    for received in receiver.events("/carol"):
        check_signature(received, hook_c["secret"])
        assert received.event.event.conv == other
    assert {r.event.event.body for r in receiver.events("/alice")} >= {"to-bob", "bob-left"}
    # The fan-out of "bob-left" is done (Alice got it): nothing of it was queued for Bob,
    # nothing at all for Mallory.
    queued = await deliveries(http, fast_server)
    bob_got = [d for d in queued if d["webhook"] == hook_b["id"]]
    left_id = next(
        r.event.id for r in receiver.events("/alice") if r.event.event.seq == after_leaving
    )
    assert all(d["event_id"] != left_id for d in bob_got)
    assert not [d for d in queued if d["webhook"] == hook_m["id"]]
    assert receiver.events("/mallory") == []


async def test_endpoints_are_listed_rotated_and_deleted_by_their_owner(
    client_session: aiohttp.ClientSession, fast_server: ServerProcess, receiver: Receiver
) -> None:
    """The list hides secrets; a rotation signs with both secrets until the old one's time
    is up; nobody else can see, rotate or delete an endpoint."""
    http = Http(client_session, fast_server.url)
    alice, bob = await http.user("alice"), await http.user("bob")
    conv = await http.direct(alice, "bob")
    hook = await register(http, alice, receiver.url + "/alice")
    status, listed = await http.call("GET", "/v1/webhooks", None, alice)
    assert status == 200 and [w["id"] for w in listed["webhooks"]] == [hook["id"]]
    assert "secret" not in listed["webhooks"][0]
    assert (await http.call("GET", "/v1/webhooks", None, bob))[1] == {"webhooks": []}
    for method, path in (
        ("DELETE", f"/v1/webhooks/{hook['id']}"),
        ("POST", f"/v1/webhooks/{hook['id']}/rotate-secret"),
    ):
        status, body = await http.call(method, path, None, bob)
        assert (status, body["code"]) == (404, "not_found")
    status, rotated = await http.call(
        "POST", f"/v1/webhooks/{hook['id']}/rotate-secret?previous_valid_s=600", None, alice
    )
    assert status == 200 and rotated["secret"] != hook["secret"]
    assert rotated["previous_secret_expires_ms"] > time.time() * 1000 + 500_000
    await send(http, alice, conv, "after-rotation")
    await receiver.wait_for(
        lambda: any(r.event.event.body == "after-rotation" for r in receiver.events("/alice"))
    )
    latest = next(r for r in receiver.events("/alice") if r.event.event.body == "after-rotation")
    check_signature(latest, rotated["secret"])
    check_signature(latest, hook["secret"])  # both, during the rotation
    assert latest.signature.count("v1=") == 2
    status, _ = await http.call("DELETE", f"/v1/webhooks/{hook['id']}", None, alice)
    assert status == 204
    assert (await http.call("GET", "/v1/webhooks", None, alice))[1] == {"webhooks": []}
    status, body = await http.call("POST", "/v1/webhooks", {"url": "ftp://x/y"}, alice)
    assert (status, body["code"]) == (400, "bad_request")


async def test_failures_are_retried_with_exponential_backoff_until_delivered(
    client_session: aiohttp.ClientSession, fast_server: ServerProcess, receiver: Receiver
) -> None:
    """The receiver answers 500, then hangs past the timeout, then 503, then 200: four
    attempts of one event, the same id and a valid signature each time, the n-th wait at
    least half of base * 2**(n-1) (jitter) and the delivery recorded as delivered."""
    plan: list[Answer] = [500, None, 503, 200]
    receiver.schedule = lambda path, attempt: plan[min(attempt, len(plan)) - 1]
    http = Http(client_session, fast_server.url)
    alice = await http.user("alice")
    await http.user("bob")
    hook = await register(http, alice, receiver.url + "/alice")
    conv = await http.direct(alice, "bob")

    def by_id() -> dict[str, list[Received]]:
        found: dict[str, list[Received]] = {}
        for r in receiver.events("/alice"):
            found.setdefault(r.event.id, []).append(r)
        return found

    await send(http, alice, conv, "m1")
    await receiver.wait_for(lambda: any(len(attempts) >= 4 for attempts in by_id().values()))

    attempts = next(a for a in by_id().values() if len(a) >= 4)
    for received in attempts:
        check_signature(received, hook["secret"])
    base = float(FAST["PIGEON_WEBHOOK_RETRY_BASE_S"])
    timeout = float(FAST["PIGEON_WEBHOOK_TIMEOUT_S"])
    gaps = [b.at - a.at for a, b in itertools.pairwise(attempts)]
    # The wait after failure n is at least base * 2**(n-1) / 2; the hung attempt also took
    # the timeout before it counted as failed.
    assert gaps[0] >= 0.5 * base * 0.95
    assert gaps[1] >= timeout * 0.95 + 0.5 * base * 2 * 0.95
    assert gaps[2] >= 0.5 * base * 4 * 0.95
    event_id = attempts[0].event.id
    await logged(fast_server, event="webhook attempt", event_id=event_id, state="delivered")
    (row,) = [d for d in await deliveries(http, fast_server) if d["event_id"] == event_id]
    assert (row["state"], row["attempts"], row.get("last_error")) == ("delivered", 4, None)


@pytest.mark.durable("the node is SIGKILLed and restarted on its data")
async def test_a_relay_killed_mid_delivery_resumes_and_loses_nothing(
    client_session: aiohttp.ClientSession, fast_server: ServerProcess, receiver: Receiver
) -> None:
    """SIGKILL while a delivery is in flight (the receiver holds it) and more events wait
    in the outbox and the queue: after a restart every event reaches the endpoint, with the
    ids it had, and events sent after the restart too."""
    hold_first = asyncio.Event()

    def schedule(path: str, attempt: int) -> Answer:
        if not hold_first.is_set():
            hold_first.set()
            return None  # the first request hangs: the node dies mid-delivery
        return 200

    receiver.schedule = schedule
    http = Http(client_session, fast_server.url)
    alice = await http.user("alice")
    await http.user("bob")
    hook = await register(http, alice, receiver.url + "/alice")
    conv = await http.direct(alice, "bob")
    before = [await send(http, alice, conv, f"before-{i}") for i in range(20)]
    await receiver.wait_for(lambda: hold_first.is_set())
    fast_server.kill()
    fast_server.restart()
    async with aiohttp.ClientSession() as fresh:  # the old one's connections died with it
        http = Http(fresh, fast_server.url)
        after = [await send(http, alice, conv, f"after-{i}") for i in range(5)]
    wanted = {1, *before, *after}  # the created event, and every message
    await receiver.wait_for(
        lambda: {r.event.event.seq for r in receiver.events("/alice")} >= wanted
    )
    for received in receiver.events("/alice"):
        check_signature(received, hook["secret"])
    ids_by_seq: dict[int, set[str]] = {}
    for received in receiver.events("/alice"):
        ids_by_seq.setdefault(received.event.event.seq, set()).add(received.event.id)
    assert all(len(ids) == 1 for ids in ids_by_seq.values())  # a duplicate has its id


@pytest.mark.durable("dead letters are kept in the store and replayed by another process")
async def test_dead_letters_are_listed_and_replayed(
    client_session: aiohttp.ClientSession, tmp_path: Path, receiver: Receiver
) -> None:
    """Past webhook_retry_for_s of failures a delivery is dead; ``pigeon admin webhooks``
    lists it among the failures, and ``--replay`` delivers it once the receiver is back."""
    receiver_up = False
    receiver.schedule = lambda path, attempt: 200 if receiver_up else 500
    env = {**FAST, "PIGEON_WEBHOOK_RETRY_FOR_S": "1", "PIGEON_WEBHOOK_RETRY_BASE_S": "0.2"}
    node = ServerProcess(tmp_path / "data", env=env).start()
    try:
        http = Http(client_session, node.url)
        alice = await http.user("alice")
        await http.user("bob")
        await register(http, alice, receiver.url + "/alice")
        conv = await http.direct(alice, "bob")
        await send(http, alice, conv, "m1")
        await receiver.wait_for(lambda: len(receiver.ids("/alice")) == 2)  # created, m1
        for event_id in receiver.ids("/alice"):
            await logged(node, event="webhook attempt", event_id=event_id, state="dead")
        listing = admin(node, "webhooks", "--state", "dead")
        assert "dead" in listing and "HTTP 500" in listing, listing
        assert "HTTP 500" in admin(node, "webhooks", "--failures")
        dead = await deliveries(http, node, "?state=dead")
        receiver_up = True
        assert admin(node, "webhooks", "--replay").startswith(f"{len(dead)} deliveries replayed")
        assert {d["event_id"] for d in dead} == receiver.ids("/alice")
        for event_id in receiver.ids("/alice"):
            await logged(node, event="webhook attempt", event_id=event_id, state="delivered")
        assert await deliveries(http, node, "?state=dead") == []
        assert len(await deliveries(http, node, "?state=delivered")) == 2
    finally:
        node.kill()


def admin(node: ServerProcess, *args: str) -> str:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pigeon",
            "admin",
            *args,
            "--url",
            node.url,
            "--data",
            str(node.data_dir),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env=os.environ,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


async def test_every_gateway_relays_and_a_killed_ones_work_is_taken_over(
    fast_env: None,
    gateways: list[ServerProcess],
    client_session: aiohttp.ClientSession,
    receiver: Receiver,
) -> None:
    """Events sent through every gateway reach the endpoint, each with one id. On the
    cluster both gateways' relays claim from the one PostgreSQL store at once (FOR UPDATE
    SKIP LOCKED), and the first gateway is SIGKILLed while a delivery hangs: the other's
    relay takes its leased work over, and nothing is lost."""
    hold_first = asyncio.Event()

    def schedule(path: str, attempt: int) -> Answer:
        if not hold_first.is_set():
            hold_first.set()
            return None
        return 200

    receiver.schedule = schedule
    nodes = [Http(client_session, node.url) for node in gateways]
    alice = await nodes[0].user("alice")
    await nodes[0].user("bob")
    hook = await register(nodes[0], alice, receiver.url + "/alice")
    conv = await nodes[0].direct(alice, "bob")
    sent = [await send(nodes[i % len(nodes)], alice, conv, f"m{i}") for i in range(30)]
    await receiver.wait_for(lambda: hold_first.is_set())
    if len(gateways) > 1:
        gateways[0].kill()
        sent += [await send(nodes[1], alice, conv, f"after-{i}") for i in range(5)]
    wanted = {1, *sent}
    await receiver.wait_for(
        lambda: {r.event.event.seq for r in receiver.events("/alice")} >= wanted
    )
    ids_by_seq: dict[int, set[str]] = {}
    for received in receiver.events("/alice"):
        check_signature(received, hook["secret"])
        ids_by_seq.setdefault(received.event.event.seq, set()).add(received.event.id)
    assert all(len(ids) == 1 for ids in ids_by_seq.values())


@pytest.mark.transport_only("the outgoing connection is refused whatever the store")
async def test_an_endpoint_on_an_internal_address_is_never_reached(
    client_session: aiohttp.ClientSession, tmp_path: Path, receiver: Receiver
) -> None:
    """A webhook URL is a user's choice: with outbound_allowed_networks empty (the default),
    an endpoint on loopback, named by its address or by a name that resolves to it, gets
    no request; each attempt fails with `destination not allowed` and is retried as any
    failure (D59). The tests' own nodes allow loopback, so their receivers work."""
    node = ServerProcess(
        tmp_path / "data", env={**FAST, "PIGEON_OUTBOUND_ALLOWED_NETWORKS": ""}
    ).start()
    try:
        http = Http(client_session, node.url)
        alice = await http.user("alice")
        await http.user("bob")
        by_address = await register(http, alice, receiver.url + "/address")
        named = receiver.url.replace("127.0.0.1", "localhost")
        by_name = await register(http, alice, named + "/name")
        conv = await http.direct(alice, "bob")
        await send(http, alice, conv, "m1")
        for hook in (by_address, by_name):
            attempt = await logged(node, event="webhook attempt", webhook=hook["id"])
            assert attempt["state"] == "pending", attempt  # to be tried again
            assert "destination not allowed" in attempt["error"], attempt
        assert receiver.received == {}
    finally:
        node.kill()
