"""Offline notifications against real nodes and a local Web Push service stand-in that
speaks the protocol (issue 13, item 3; tests/helpers/push_service.py checks each request's
VAPID signature and decrypts it as the browser would): an offline member is notified, once
per burst; a connected one is not; reading first suppresses it; a gone subscription is
dropped, a failing push service retried; a relay killed mid-push loses nothing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from tests.helpers.push_service import PushService, push_service
from tests.helpers.raw import PASSWORD, Http, RawWs
from tests.helpers.server import Backends, ServerProcess
from tests.helpers.timing import TIMEOUT_S

# Small intervals (the defaults are seconds to minutes): a burst's window, the relays'
# interval and lease, the push retries' base.
FAST = {
    # A burst's sends must all commit within it: the cluster's take up to a second or so
    # on this loaded machine.
    "PIGEON_NOTIFY_COLLAPSE_S": "3",
    "PIGEON_RELAY_INTERVAL_S": "0.05",
    "PIGEON_RELAY_LEASE_S": "1",
    "PIGEON_PUSH_RETRY_BASE_S": "0.2",
    "PIGEON_PUSH_TIMEOUT_S": "5",
}


@pytest.fixture
def fast_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in FAST.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
async def push() -> AsyncIterator[PushService]:
    async with push_service() as service:
        yield service
    assert service.refused == []  # every request was a valid Web Push request


async def subscribe(http: Http, token: str, push: PushService, name: str) -> dict[str, Any]:
    status, created = await http.call("POST", "/v1/push/subscriptions", push.subscribe(name), token)
    assert status == 201, created
    return dict(created)


async def login(http: Http, handle: str, device: str) -> str:
    await http.call("POST", "/v1/register", {"handle": handle, "password": PASSWORD})
    status, body = await http.call(
        "POST", "/v1/login", {"handle": handle, "password": PASSWORD, "device": device}
    )
    assert status == 200, body
    return str(body["token"])


async def send(http: Http, token: str, conv: str, text: str) -> int:
    status, ack = await http.call(
        "POST", f"/v1/conversations/{conv}/messages", {"client_msg_id": text, "body": text}, token
    )
    assert status == 200, ack
    return int(ack["seq"])


async def group(http: Http, owner: str, *members: str) -> str:
    status, created = await http.call(
        "POST", "/v1/conversations/group", {"title": "g", "members": list(members)}, owner
    )
    assert status == 201, created
    return str(created["conv"])


async def settled(nodes: list[ServerProcess], **fields: object) -> dict[str, Any]:
    """The ``notification`` log line with ``fields``, from whichever node's relay settled it
    (on the cluster either gateway may have claimed it)."""
    wanted = {"event": "notification", **fields}

    def found() -> dict[str, Any] | None:
        for node in nodes:
            for entry in list(node.logs):
                if all(entry.get(k) == v for k, v in wanted.items()):
                    return dict(entry)
        return None

    def wait() -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT_S
        while (entry := found()) is None:
            seen = [e for n in nodes for e in list(n.logs) if e.get("event") == "notification"]
            assert time.monotonic() < deadline, f"no log entry with {wanted} in {seen}"
            for node in nodes:  # woken by each node's next line, looking at all of them
                with node._logged:
                    node._logged.wait(0.05)
        return entry

    return await asyncio.to_thread(wait)


async def test_an_offline_member_is_notified_once_per_burst_and_an_online_one_not(
    fast_env: None,
    gateways: list[ServerProcess],
    client_session: aiohttp.ClientSession,
    push: PushService,
) -> None:
    """Alice sends a burst of five to a group: Bob (offline) gets one notification for all
    five, carrying the last seq, encrypted to his browser and signed with the server's VAPID
    key; Carol, connected to another gateway, gets none; Alice, the sender, none."""
    http = Http(client_session, gateways[0].url)
    alice, bob, carol = [await http.user(h) for h in ("alice", "bob", "carol")]
    for token, name in ((alice, "alice"), (bob, "bob"), (carol, "carol")):
        await subscribe(http, token, push, name)
    conv = await group(http, alice, "bob", "carol")
    status, key = await http.call("GET", "/v1/push/key")
    assert status == 200 and len(key["public_key"]) == 87, key
    ws = await RawWs.connect(client_session, gateways[-1].url)
    try:
        assert (await ws.hello(carol))["type"] == "welcome"
        seqs = sorted(await asyncio.gather(*(send(http, alice, conv, f"m{i}") for i in range(5))))
        await push.wait_for(lambda: bool(push.to("bob")))
        await settled(gateways, user="carol", conv=conv, outcome="online")
        await settled(gateways, user="bob", conv=conv, seq=seqs[-1], outcome="sent")
    finally:
        await ws.close()
    [pushed] = push.to("bob")
    assert pushed.payload == {"type": "messages", "conv": conv, "seq": seqs[-1], "read_seq": 0}
    assert pushed.ttl > 0 and pushed.topic
    assert push.to("carol") == [] and push.to("alice") == []


async def test_reading_first_suppresses_the_notification(
    fast_env: None,
    gateways: list[ServerProcess],
    client_session: aiohttp.ClientSession,
    push: PushService,
) -> None:
    """Bob reads Alice's messages (POST .../read) before the burst's window ends: no
    notification. A later message notifies him, saying where he had read to."""
    http = Http(client_session, gateways[0].url)
    alice, bob = await http.user("alice"), await http.user("bob")
    await subscribe(http, bob, push, "bob")
    conv = await http.direct(alice, "bob")
    read = await send(http, alice, conv, "hello")
    other = Http(client_session, gateways[-1].url)
    status, body = await other.call("POST", f"/v1/conversations/{conv}/read", {"seq": read}, bob)
    assert status == 200, body
    await settled(gateways, user="bob", conv=conv, seq=read, outcome="read")
    later = await send(http, alice, conv, "are you there?")
    await push.wait_for(lambda: bool(push.to("bob")))
    [pushed] = push.to("bob")
    assert (pushed.payload["seq"], pushed.payload["read_seq"]) == (later, read)


async def test_a_gone_subscription_is_dropped_and_a_failing_service_retried(
    fast_env: None,
    gateways: list[ServerProcess],
    client_session: aiohttp.ClientSession,
    push: PushService,
) -> None:
    """Bob has two devices. The push service says the first's subscription is gone (410):
    the node drops it. It answers the second 503, then 429, then takes it: retried until
    delivered, and the device that was gone is not tried again."""
    answers = {"gone": [410], "flaky": [503, 429, 201]}
    push.schedule = lambda name, attempt: answers[name][min(attempt, len(answers[name])) - 1]
    http = Http(client_session, gateways[0].url)
    alice = await http.user("alice")
    phone, laptop = await login(http, "bob", "phone"), await login(http, "bob", "laptop")
    gone = await subscribe(http, phone, push, "gone")
    kept = await subscribe(http, laptop, push, "flaky")
    conv = await http.direct(alice, "bob")
    seq = await send(http, alice, conv, "m")
    await settled(gateways, user="bob", conv=conv, seq=seq, outcome="sent")
    assert push.attempts == {"gone": 1, "flaky": 3}
    status, listed = await http.call("GET", "/v1/push/subscriptions", token=phone)
    assert status == 200
    assert [s["id"] for s in listed["subscriptions"]] == [kept["id"]]
    assert gone["device"] == "phone" and kept["device"] == "laptop"


async def test_subscriptions_are_their_owners_and_end_with_the_device(
    fast_env: None, gateways: list[ServerProcess], client_session: aiohttp.ClientSession
) -> None:
    """Listed and deleted by their owner only (G5); refused with bad_request when the keys
    are not a browser's; a device's logout deletes its subscription, and an admin's
    revocation of every token all of them."""
    async with push_service() as push:
        http = Http(client_session, gateways[0].url)
        mallory = await http.user("mallory")
        phone, laptop = await login(http, "bob", "phone"), await login(http, "bob", "laptop")
        mine = await subscribe(http, phone, push, "phone")
        await subscribe(http, laptop, push, "laptop")
        path = f"/v1/push/subscriptions/{mine['id']}"
        status, refused = await http.call("DELETE", path, None, mallory)
        assert (status, refused["code"]) == (404, "not_found")
        status, listed = await http.call("GET", "/v1/push/subscriptions", token=mallory)
        assert (status, listed) == (200, {"subscriptions": []})
        bad = push.subscribe("bad")
        bad["keys"]["p256dh"] = "short"
        status, refused = await http.call("POST", "/v1/push/subscriptions", bad, mallory)
        assert (status, refused["code"]) == (400, "bad_request"), refused
        assert (await http.call("POST", "/v1/logout", token=phone))[0] == 204
        status, listed = await http.call("GET", "/v1/push/subscriptions", token=laptop)
        assert [s["device"] for s in listed["subscriptions"]] == ["laptop"]
        status, _ = await http.call("DELETE", path, None, laptop)
        assert status == 404  # went with the phone's logout


async def test_a_relay_killed_mid_push_sends_the_notification_after_restart(
    fast_env: None,
    backends: Backends,
    gateways: list[ServerProcess],
    client_session: aiohttp.ClientSession,
    push: PushService,
) -> None:
    """SIGKILL every node while the push service holds the first push (whichever gateway
    claimed it): after a restart the claim's lease lapses and the notification is sent
    again (at least once), with the same seq."""
    if backends.store.startswith("memory:"):
        pytest.skip("the memory store dies with its node: nothing durable to resume")
    held = asyncio.Event()

    def schedule(name: str, attempt: int) -> int | None:
        if not held.is_set():
            held.set()
            return None  # hangs: the node dies mid-push
        return 201

    push.schedule = schedule
    http = Http(client_session, gateways[0].url)
    alice, bob = await http.user("alice"), await http.user("bob")
    await subscribe(http, bob, push, "bob")
    conv = await http.direct(alice, "bob")
    seq = await send(http, alice, conv, "m")
    await push.wait_for(held.is_set)
    for node in gateways:
        node.kill()
    for node in gateways:
        node.restart()
    await push.wait_for(lambda: len(push.to("bob")) == 2)
    assert [p.payload["seq"] for p in push.to("bob")] == [seq, seq]
    await settled(gateways, user="bob", conv=conv, seq=seq, outcome="sent")
