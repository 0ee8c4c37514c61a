"""The bus repair counters on a real server: a loss the bus reported counts in
``pigeon_bus_gaps_total``, one the backstop found in ``pigeon_bus_repairs_total``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.test_lossy_bus import LOSES_ALL, lossy_server
from tests.helpers.metrics import scrape
from tests.helpers.server import ServerProcess
from tests.sdk.conftest import Users, take_events

# Every message lost, each with a reported gap (a bus that reconnects at every message).
GAP_EVERY_TIME = "memory:?gap_every=1"


@pytest.fixture(
    params=[(LOSES_ALL, "pigeon_bus_repairs_total"), (GAP_EVERY_TIME, "pigeon_bus_gaps_total")],
    ids=["silent-loss", "reported-gap"],
)
def lossy(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[ServerProcess, str]]:
    bus, counter = request.param
    proc = lossy_server(tmp_path, bus)
    try:
        yield proc, counter
    finally:
        proc.kill()


async def test_a_repaired_loss_is_counted(lossy: tuple[ServerProcess, str]) -> None:
    """Bob follows the conversation before Alice sends: with every push lost, the message
    reaches him only through a repair, which is counted before he is told to pull."""
    server, counter = lossy
    users = Users(server)
    try:
        await users.token("bob")
        conv = (await (await users.http_for("alice")).direct("bob")).conv
        bob = await users.client("bob")
        await take_events(bob, 1)  # the conversation's creation, pulled at the welcome
        await (await users.http_for("alice")).send(conv, "hello", client_msg_id="m1")
        assert [e.body for e in await take_events(bob, 1)] == ["hello"]
        async with aiohttp.ClientSession() as session:
            got = await scrape(session, server)
    finally:
        await users.aclose()
    assert got[counter + "{}"] >= 1
    assert {"pigeon_bus_gaps_total{}", "pigeon_bus_repairs_total{}"} <= set(got)
