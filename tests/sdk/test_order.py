"""Per-conversation send order through the outbox (issue 15, item 4).

A person expects their messages to appear in the order they sent them. Concurrent sends of
one client into one conversation are committed in call order even when the rate limiter
refuses some of them, while another conversation's sends go on.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from pigeon.core.frames import Send
from pigeon.sdk import AppendResult, Client, EventKind, HttpClient
from pigeon.sdk.outbox import Outbox
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S
from tests.sdk.conftest import Users

SENDS = 40


@pytest.fixture
def slow_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server whose per-user bucket holds one write and refills 100 times a second: most of
    a burst of concurrent sends is refused for rate at first."""
    env = {"PIGEON_SEND_RATE_PER_S": "100", "PIGEON_SEND_BURST": "1"}
    proc = ServerProcess(tmp_path / "data", env=env).start()
    try:
        yield proc
    finally:
        proc.kill()


@pytest.fixture
async def slow_users(slow_server: ServerProcess) -> AsyncIterator[Users]:
    registry = Users(slow_server)
    try:
        yield registry
    finally:
        await registry.aclose()


async def test_rate_limited_concurrent_sends_keep_call_order(slow_users: Users) -> None:
    """40 concurrent sends into each of two conversations, against a bucket of one write:
    each conversation's log has them in call order, and both conversations got through."""
    await slow_users.token("alice")
    # Bob and Carol open the conversations: alice's bucket is for the sends under test.
    first = (await (await slow_users.http_for("bob")).direct("alice")).conv
    second = (await (await slow_users.http_for("carol")).direct("alice")).conv
    http: HttpClient = await slow_users.http_for("alice")
    alice: Client = await slow_users.client("alice")
    sends = [alice.send(conv, f"{conv}-{i}") for i in range(SENDS) for conv in (first, second)]
    acks = await asyncio.wait_for(asyncio.gather(*sends), TIMEOUT_S)
    assert len({(a.conv, a.seq) for a in acks}) == 2 * SENDS
    for conv in (first, second):
        page = await http.history(conv, after=0, limit=SENDS + 1)
        bodies = [e.body for e in page.events if e.kind is EventKind.MESSAGE]
        assert bodies == [f"{conv}-{i}" for i in range(SENDS)]


class TestOutboxDue:
    """Outbox.due without a network: which writes go on the wire now."""

    @staticmethod
    def send(conv: str, n: int) -> Send:
        return Send(id=0, conv=conv, client_msg_id=f"{conv}-{n}", body=str(n))

    async def test_one_write_per_conversation_in_put_order(self) -> None:
        outbox = Outbox(10)
        a1, a2, b1 = (
            outbox.put_nowait(f) for f in (self.send("a", 1), self.send("a", 2), self.send("b", 1))
        )
        due, wake_at = outbox.due(1, 100.0, timeout_s=10.0, max_in_flight=64)
        assert due == [a1, b1] and wake_at is None
        a1.sent_on, a1.sent_at = 1, 100.0
        b1.sent_on, b1.sent_at = 1, 100.0
        due, wake_at = outbox.due(1, 101.0, timeout_s=10.0, max_in_flight=64)
        assert due == [] and wake_at == 110.0  # a2 waits for a1's ack
        assert a2.sent_on is None

    async def test_a_refused_write_holds_back_only_its_conversation(self) -> None:
        outbox = Outbox(10)
        a1, a2, b1 = (
            outbox.put_nowait(f) for f in (self.send("a", 1), self.send("a", 2), self.send("b", 1))
        )
        a1.retry_at = 100.5  # refused for rate: not before then
        due, wake_at = outbox.due(1, 100.0, timeout_s=10.0, max_in_flight=64)
        assert due == [b1] and wake_at == 100.5
        due, _ = outbox.due(1, 100.5, timeout_s=10.0, max_in_flight=64)
        assert due == [a1, b1]
        outbox.resolve(a1, _ack("a", 2))
        due, _ = outbox.due(1, 100.5, timeout_s=10.0, max_in_flight=64)
        assert due == [a2, b1]

    async def test_a_write_lost_with_its_connection_goes_again(self) -> None:
        outbox = Outbox(10)
        a1 = outbox.put_nowait(self.send("a", 1))
        a1.sent_on, a1.sent_at = 1, 100.0
        due, _ = outbox.due(2, 100.0, timeout_s=10.0, max_in_flight=64)
        assert due == [a1]
        due, _ = outbox.due(1, 111.0, timeout_s=10.0, max_in_flight=64)
        assert due == [a1]  # no answer within the timeout: resent with the same id

    async def test_in_flight_is_bounded(self) -> None:
        outbox = Outbox(10)
        entries = [outbox.put_nowait(self.send(f"c{n}", 1)) for n in range(5)]
        due, _ = outbox.due(1, 0.0, timeout_s=10.0, max_in_flight=3)
        assert due == entries[:3]


def _ack(conv: str, seq: int) -> AppendResult:
    return AppendResult(conv=conv, seq=seq, ts=0, client_msg_id=None)
