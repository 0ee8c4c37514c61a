"""G1–G6 against a real server process, at the protocol level (no SDK logic in the way)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.e2e.conftest import Connector
from tests.helpers.raw import Http, RawWs, open_unread_socket, read_frame
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


@pytest.mark.durable("restarts the node and expects its data back")
class TestDurableAck:
    """G1: an acked message survives kill -9 of the server."""

    async def test_acked_message_survives_sigkill(
        self, server: ServerProcess, http: Http, connect: Connector
    ) -> None:
        """Every message acked before a SIGKILL is in the log after the restart."""
        alice = await http.user("alice")
        await http.user("bob")
        conv = await http.direct(alice, "bob")
        ws = await connect(alice)
        acks = await asyncio.gather(*(ws.send(conv, f"m{i}", f"body {i}") for i in range(40)))
        assert all(a["type"] == "ack" for a in acks)
        server.kill()
        server.restart()
        status, page = await http.call(
            "GET", f"/v1/conversations/{conv}/messages?after=0", token=alice
        )
        assert status == 200
        stored = {e["client_msg_id"]: e["seq"] for e in page["events"] if e["kind"] == "message"}
        assert stored == {a["client_msg_id"]: a["seq"] for a in acks}


class TestIdempotentSend:
    """G2: retrying a send returns the original ack, across reconnects and restarts."""

    @pytest.mark.durable("restarts the node and expects its data back")
    async def test_retry_after_reconnect_and_restart_returns_original_ack(
        self, server: ServerProcess, http: Http, connect: Connector
    ) -> None:
        """The same client id gives the same seq on a new connection and after a restart."""
        alice = await http.user("alice")
        await http.user("bob")
        conv = await http.direct(alice, "bob")
        first = await (await connect(alice)).send(conv, "same-id", "hello")
        again = await (await connect(alice)).send(conv, "same-id", "hello")
        assert (again["seq"], again["ts"]) == (first["seq"], first["ts"])
        server.kill()
        server.restart()
        status, body = await http.call(
            "POST",
            f"/v1/conversations/{conv}/messages",
            {"client_msg_id": "same-id", "body": "hello"},
            alice,
        )
        assert status == 200 and body["seq"] == first["seq"] and body["duplicate"] is True
        status, page = await http.call(
            "GET", f"/v1/conversations/{conv}/messages?after=0", token=alice
        )
        assert [e["kind"] for e in page["events"]] == ["created", "message"]

    async def test_same_id_different_body_is_a_conflict(
        self, http: Http, connect: Connector
    ) -> None:
        """A client id reused for other content is refused with conflict; nothing is stored."""
        alice = await http.user("alice")
        await http.user("bob")
        conv = await http.direct(alice, "bob")
        ws = await connect(alice)
        await ws.send(conv, "id1", "one")
        reply = await ws.send(conv, "id1", "two")
        assert reply["type"] == "error" and reply["code"] == "conflict"

    async def test_same_id_from_two_devices_at_once_is_one_message(
        self, http: Http, connect: Connector
    ) -> None:
        """The key is per sender, not per device: one entry sent by two tabs is stored once."""
        alice = await http.user("alice")
        alice2 = await http.user("alice")  # a second login: a second device
        await http.user("bob")
        conv = await http.direct(alice, "bob")
        first, second = await connect(alice), await connect(alice2)
        acks = await asyncio.gather(
            first.send(conv, "shared-id", "hello"), second.send(conv, "shared-id", "hello")
        )
        assert {(a["type"], a["seq"], a["ts"]) for a in acks} == {("ack", 2, acks[0]["ts"])}
        status, page = await http.call(
            "GET", f"/v1/conversations/{conv}/messages?after=0", token=alice
        )
        assert status == 200
        assert [e["kind"] for e in page["events"]] == ["created", "message"]


class TestOneOrder:
    """G3: gapless per-conversation seqs under concurrent senders."""

    async def test_concurrent_senders_get_gapless_seqs(
        self, http: Http, connect: Connector
    ) -> None:
        """Four members sending at once on separate connections never skip or repeat a seq."""
        tokens = [await http.user(h) for h in ("ann", "ben", "cat", "dan")]
        status, body = await http.call(
            "POST",
            "/v1/conversations/group",
            {"title": "t", "members": ["ben", "cat", "dan"]},
            tokens[0],
        )
        assert status == 201
        conv = body["conv"]
        sockets = [await connect(t) for t in tokens]
        replies = await asyncio.gather(
            *(ws.send(conv, f"{n}-{i}") for n, ws in enumerate(sockets) for i in range(25))
        )
        assert sorted(r["seq"] for r in replies) == list(range(2, 102))


class TestDelivery:
    """G4: push to every device; resume from cursors; catch up across restarts; epochs."""

    async def test_every_device_of_every_member_gets_the_push(
        self, http: Http, connect: Connector
    ) -> None:
        """A message is pushed to both of bob's devices and to the sender's other device."""
        alice = await http.user("alice")
        bob = await http.user("bob")
        bob2 = await http.user("bob")  # a second login: a second device
        conv = await http.direct(alice, "bob")
        a1, a2, b1, b2 = [await connect(t) for t in (alice, alice, bob, bob2)]
        ack = await a1.send(conv, "m1", "hello bob")
        for ws in (a2, b1, b2):
            [event] = await ws.events(conv, after=1, count=1)
            assert event["seq"] == ack["seq"] and event["body"] == "hello bob"

    async def test_an_ack_stands_in_for_the_push_to_the_connection_that_sent(
        self, http: Http, connect: Connector
    ) -> None:
        """D60: a connection whose hello said ack_delivers gets the ack of its message and no
        push of it; the sender's other connection and the recipient get the push. Bob's
        reply is pushed to it after, so it would have come first: pushes on a connection
        come in seq order, each once."""
        alice = await http.user("alice")
        alice2 = await http.user("alice")
        bob = await http.user("bob")
        conv = await http.direct(alice, "bob")
        a1 = await connect(alice, ack_delivers=True)
        a2, b1 = await connect(alice2, ack_delivers=True), await connect(bob)
        ack = await a1.send(conv, "m1", "hello bob")
        assert (ack["type"], ack["seq"]) == ("ack", 2)
        reply = await b1.send(conv, "r1", "hi alice")
        assert reply["seq"] == 3
        pushed: list[int] = []
        while not pushed or pushed[-1] < 3:
            push = await a1.next_push()
            if push["type"] != "event":
                break  # lagged: a read failed; what came before still counts
            pushed.append(push["event"]["seq"])
        assert 2 not in pushed, pushed
        for ws in (a2, b1):
            got = await ws.events(conv, after=1, count=2)
            assert [(e["seq"], e["sender"]) for e in got] == [(2, "alice"), (3, "bob")]

    async def test_every_connection_gets_every_event_once_and_in_order(
        self, http: Http, connect: Connector
    ) -> None:
        """Three members send 20 messages each at once; each member's connection, and a
        second device, yields the whole log once and in order, as the store holds it, though
        on the lossy bus doorbells were lost, repeated and reordered on the way."""
        tokens = [await http.user(h) for h in ("ann", "ben", "cat")]
        status, body = await http.call(
            "POST", "/v1/conversations/group", {"title": "t", "members": ["ben", "cat"]}, tokens[0]
        )
        assert status == 201
        conv = body["conv"]
        senders = [await connect(t) for t in tokens]
        watchers = [*senders, await connect(await http.user("ann"))]
        replies = await asyncio.gather(
            *(
                ws.send(conv, f"{n}-{i}", f"{n}:{i}")
                for n, ws in enumerate(senders)
                for i in range(20)
            )
        )
        assert all(r["type"] == "ack" for r in replies), replies
        status, page = await http.call(
            "GET", f"/v1/conversations/{conv}/messages?after=1", token=tokens[0]
        )
        assert status == 200 and not page["more"]
        stored = [(e["seq"], e["body"]) for e in page["events"]]
        assert [seq for seq, _ in stored] == list(range(2, 62))
        for ws in watchers:
            got = await ws.events(conv, after=1, count=60)
            assert [(e["seq"], e["body"]) for e in got] == stored

    async def test_reconnect_with_cursors_reports_what_was_missed(
        self, http: Http, connect: Connector
    ) -> None:
        """Hello with cursors lists exactly the conversations that moved past them."""
        alice = await http.user("alice")
        bob = await http.user("bob")
        await http.user("carol")
        c1 = await http.direct(alice, "bob")
        c2 = await http.direct(bob, "carol")
        first = await (await connect()).hello(bob)
        cursors = dict(first["behind"])
        ws = await connect(alice)
        for i in range(3):
            await ws.send(c1, f"m{i}")
        again = await (await connect()).hello(bob, epoch=first["epoch"], cursors=cursors)
        assert again["type"] == "welcome" and again["behind"] == {c1: 4}
        assert c2 not in again["behind"]

    async def test_new_member_starts_receiving_pushes(self, http: Http, connect: Connector) -> None:
        """A user added to a group while connected gets the member_added push, then messages."""
        alice = await http.user("alice")
        bob = await http.user("bob")
        status, body = await http.call(
            "POST", "/v1/conversations/group", {"title": "g", "members": []}, alice
        )
        conv = body["conv"]
        bob_ws = await connect(bob)
        status, _ = await http.call(
            "POST", f"/v1/conversations/{conv}/members", {"handle": "bob"}, alice
        )
        assert status == 200
        [added] = await bob_ws.events(conv, after=1, count=1)
        assert added["kind"] == "member_added" and added["seq"] == 2
        await (await connect(alice)).send(conv, "m1", "welcome bob")
        [message] = await bob_ws.events(conv, after=2, count=1)
        assert message["seq"] == 3

    @pytest.mark.durable("restarts the node and expects its data back")
    async def test_offline_device_catches_up_after_restart(
        self, server: ServerProcess, http: Http, connect: Connector
    ) -> None:
        """Messages sent while a device was offline, across a restart, are all pulled."""
        alice = await http.user("alice")
        bob = await http.user("bob")
        conv = await http.direct(alice, "bob")
        welcome = await (await connect()).hello(bob)
        ws = await connect(alice)
        for i in range(5):
            await ws.send(conv, f"m{i}")
        server.kill()
        server.restart()
        bob_ws = await connect()
        again = await bob_ws.hello(bob, epoch=welcome["epoch"], cursors={conv: 1})
        assert again["behind"] == {conv: 6}
        page = await bob_ws.request({"type": "history", "conv": conv, "after": 1})
        assert [e["seq"] for e in page["events"]] == [2, 3, 4, 5, 6] and not page["more"]

    async def test_cursor_from_another_epoch_must_resync(
        self, http: Http, connect: Connector
    ) -> None:
        """A cursor from another epoch, or past the end of a log, is told resync_required."""
        alice = await http.user("alice")
        await http.user("bob")
        conv = await http.direct(alice, "bob")
        welcome = await (await connect()).hello(alice)
        ws = await connect()
        other = await ws.hello(alice, epoch="0000000000000000", cursors={conv: 1})
        assert other["type"] == "error" and other["code"] == "resync_required"
        future = await ws.hello(alice, epoch=welcome["epoch"], cursors={conv: 99})
        assert future["code"] == "resync_required"
        fresh = await ws.hello(alice)  # the connection is still usable: start over
        assert fresh["type"] == "welcome" and fresh["behind"] == {conv: 1}


class TestIsolation:
    """G5: only members read or write; outsiders learn nothing."""

    async def test_outsider_gets_the_same_answer_as_for_a_missing_conversation(
        self, http: Http, connect: Connector
    ) -> None:
        """Non-member requests and requests for a made-up id get identical not_found errors."""
        alice = await http.user("alice")
        await http.user("bob")
        eve = await http.user("eve")
        conv = await http.direct(alice, "bob")
        fake = "c0123456789abcdef"
        for target in (conv, fake):
            status, body = await http.call("GET", f"/v1/conversations/{target}/messages", token=eve)
            assert (status, body) == (404, {"code": "not_found", "message": "not found"})
        ws = await connect(eve)
        replies = [await ws.send(target, "x") for target in (conv, fake)]
        assert [r["code"] for r in replies] == ["not_found", "not_found"]
        assert replies[0]["message"] == replies[1]["message"]

    async def test_every_endpoint_but_register_login_health_needs_a_token(self, http: Http) -> None:
        """Without a valid token, every authenticated route answers 401 unauthenticated."""
        from pigeon.core.http_api import ROUTES

        for route in ROUTES:
            if not route.auth:
                continue
            path = (
                route.path.replace("{conv}", "c0123456789abcdef")
                .replace("{handle}", "bob")
                .replace("{seq}", "1")
                .replace("{webhook}", "wh_0123456789abcdef")
                .replace("{subscription}", "ps_0123456789abcdef")
            )
            for token in (None, "not-a-token"):
                status, body = await http.call(route.method, path, {}, token)
                assert (status, body["code"]) == (401, "unauthenticated"), route

    async def test_logout_revokes_the_token(self, http: Http) -> None:
        """After logout the device's token is refused."""
        alice = await http.user("alice")
        assert (await http.call("POST", "/v1/logout", token=alice))[0] == 204
        status, _ = await http.call("GET", "/v1/conversations", token=alice)
        assert status == 401


# 12 MB through one node's output queue to one reader: a node's own bound, the same on any
# store; on the cluster's PostgreSQL it took about 30 s a test, against 6 to 15 on SQLite.
SLOW_READER = "one node's output queue to a reader that stops reading"


class TestOverload:
    """G6: refuse clearly past capacity; never buffer without limit."""

    async def test_sends_past_the_rate_limit_get_retry_after(
        self, tmp_path: Path, client_session: aiohttp.ClientSession
    ) -> None:
        """A user over the send rate is refused with rate_limited and a retry_after_ms."""
        server = ServerProcess(
            tmp_path / "rl", env={"PIGEON_SEND_RATE_PER_S": "1", "PIGEON_SEND_BURST": "5"}
        ).start()
        try:
            http = Http(client_session, server.url)
            alice = await http.user("alice")
            await http.user("bob")
            conv = await http.direct(alice, "bob")
            ws = await RawWs.connect(client_session, server.url)
            await ws.hello(alice)
            replies = [await ws.send(conv, f"m{i}") for i in range(8)]
            kinds = [r["type"] for r in replies]
            assert kinds[:4] == ["ack"] * 4  # the burst of 5, less the conversation's creation
            refused = [r for r in replies if r["type"] == "error"]
            assert refused and all(r["code"] == "rate_limited" for r in refused)
            assert all(0 < r["retry_after_ms"] <= 1000 for r in refused)
            status, body = await http.call(
                "POST",
                f"/v1/conversations/{conv}/messages",
                {"client_msg_id": "h", "body": "x"},
                alice,
            )
            assert status == 429 and body["code"] == "rate_limited"
            await ws.close()
        finally:
            server.kill()

    @pytest.mark.single_node(SLOW_READER)
    async def test_slow_reader_is_told_it_lagged_instead_of_buffered(
        self, tmp_path: Path, client_session: aiohttp.ClientSession
    ) -> None:
        """A connection that stops reading costs a bounded queue: its pushes are dropped for a
        lagged notice while the sender goes on at full speed."""
        async with bob_stops_reading(tmp_path / "lag", client_session) as flood:
            assert flood.lagged["user"] == "bob"
            flood.stalled.close()
            closed = await asyncio.to_thread(
                flood.server.wait_for_log, event="connection closed", user="bob"
            )
            assert closed["pushes_dropped"] > 0

    @pytest.mark.single_node(SLOW_READER)
    async def test_a_slow_reader_that_reads_again_is_written_to_again(
        self, tmp_path: Path, client_session: aiohttp.ClientSession
    ) -> None:
        """The server stops writing to a connection whose socket is full, not forever: once
        the client reads again it gets its lagged notice, then new pushes as they happen."""
        async with bob_stops_reading(tmp_path / "resume", client_session) as flood:
            flood.stalled.transport.resume_reading()  # type: ignore[attr-defined]
            seen: list[str] = []
            async with asyncio.timeout(TIMEOUT_S):
                while "lagged" not in seen:
                    seen.append((await read_frame(flood.reader))["type"])
                last = await flood.sender.send(flood.conv, "after", "read again")
                while True:
                    frame = await read_frame(flood.reader)
                    if frame["type"] == "event" and frame["event"]["seq"] == last["seq"]:
                        break
            assert frame["event"]["body"] == "read again"
            assert seen[0] == "welcome"
            flood.stalled.close()

    @pytest.mark.single_node(SLOW_READER)
    async def test_a_reader_that_never_reads_is_cut_off_when_closed(
        self, tmp_path: Path, client_session: aiohttp.ClientSession
    ) -> None:
        """Closing a connection whose socket is full (an admin disables bob) cannot wait for
        him to read his goodbye: after the goodbye's bound the server drops the connection and
        what it buffered for him, instead of holding both until he reads (G6)."""
        async with bob_stops_reading(tmp_path / "cut", client_session) as flood:
            admin = (flood.server.data_dir / "admin.token").read_text().strip()
            http = Http(client_session, flood.server.url)
            status, _ = await http.call("POST", "/v1/admin/users/bob/disable", token=admin)
            assert status == 200
            closed = await asyncio.to_thread(
                flood.server.wait_for_log, event="connection closed", user="bob"
            )
            assert closed["reason"] == "account_disabled"
            flood.stalled.close()


@dataclass
class Flood:
    server: ServerProcess
    sender: RawWs
    conv: str
    reader: asyncio.StreamReader  # bob's bare socket, paused
    stalled: asyncio.StreamWriter
    lagged: dict[str, Any]  # the server's "connection lagged" log line


@contextlib.asynccontextmanager
async def bob_stops_reading(
    data_dir: Path, client_session: aiohttp.ClientSession
) -> AsyncIterator[Flood]:
    """bob connects and stops reading; alice sends 12 MB to him, more than the kernel's
    socket buffers hold (up to 4 MB each way here), until the server says bob lagged."""
    server = ServerProcess(
        data_dir,
        env={
            "PIGEON_MAX_QUEUED_PUSHES": "16",
            "PIGEON_SEND_RATE_PER_S": "10000",
            "PIGEON_SEND_BURST": "10000",
            # bob's paused socket cannot answer a ping: no heartbeat may end it while the
            # flood runs, however slow the machine (the default pings after 20 s).
            "PIGEON_HEARTBEAT_S": "600",
        },
    ).start()
    try:
        http = Http(client_session, server.url)
        alice = await http.user("alice")
        bob = await http.user("bob")
        conv = await http.direct(alice, "bob")
        reader, stalled = await open_unread_socket("127.0.0.1", server.port, bob)
        sender = await RawWs.connect(client_session, server.url)
        await sender.hello(alice)
        big = "x" * 15_000
        for i in range(800):
            reply = await sender.send(conv, f"m{i}", big)
            assert reply["type"] == "ack"
        lagged = await asyncio.to_thread(server.wait_for_log, event="connection lagged")
        yield Flood(server, sender, conv, reader, stalled, lagged)
        await sender.close()
    finally:
        server.kill()
