"""G4 through a bus that loses, repeats and reorders pushes: a real server on the memory bus.

The bus carries doorbells. A gateway that hears one reads the log from where its followers
are, so a lost doorbell is repaired by the next one; the last doorbell lost is repaired by the
hub's backstop, which reads a conversation the store shows longer than anything read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from pigeon.sdk import Client, Event
from tests.helpers.server import ServerProcess
from tests.sdk.conftest import FAST, Users, take_events

# Low so that a test waits fractions of a second for a repair, not the default 5 s.
BACKSTOP_S = "0.2"


def lossy_server(tmp_path: Path, bus: str) -> ServerProcess:
    env = {**FAST, "PIGEON_BUS": bus, "PIGEON_BUS_BACKSTOP_S": BACKSTOP_S}
    return ServerProcess(tmp_path / "data", env=env).start()


LOSSY = "memory:?drop=0.3&dup=0.1&reorder=0.2&seed=1"
LOSES_ALL = "memory:?drop=1.0"


@pytest.fixture(params=[LOSSY, LOSES_ALL])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    proc = lossy_server(tmp_path, request.param)
    try:
        yield proc
    finally:
        proc.kill()


@pytest.fixture
async def users(server: ServerProcess) -> AsyncIterator[Users]:
    registry = Users(server)
    try:
        yield registry
    finally:
        await registry.aclose()


def positions(events: list[Event]) -> list[tuple[str, int]]:
    return [(event.conv, event.seq) for event in events]


class TestDeliveryThroughALossyBus:
    async def test_two_clients_get_every_message_once_and_in_order(
        self, users: Users, server: ServerProcess
    ) -> None:
        """Alice and Bob take turns sending 20 messages each; each client yields the whole
        log, 1 to 41, once and in order, though doorbells were lost, repeated or reordered. With
        every push lost, only the backstop makes anything arrive."""
        await users.token("bob")
        conv = (await (await users.http_for("alice")).direct("bob")).conv
        alice = await users.client("alice")
        bob = await users.client("bob")
        talkers: list[Client] = [alice, bob]
        for n in range(40):
            await talkers[n % 2].send(conv, f"message {n}")
        expected = [(conv, seq) for seq in range(1, 42)]
        for client in talkers:
            got = await take_events(client, 41)
            assert positions(got) == expected
            assert [e.body for e in got[1:]] == [f"message {n}" for n in range(40)]
        if server.env["PIGEON_BUS"] == LOSES_ALL:
            server.wait_for_log(event="bus lost a doorbell; reading the log", conv=conv)
