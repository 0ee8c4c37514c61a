"""The background tasks a node starts (server/app.py): the bus backstop only where the bus can
lose a doorbell without a sign (D73). A whole node, in this process, on a port of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from pigeon import config
from pigeon.server import app


@pytest.mark.parametrize(("bus", "backstop"), [("local:", False), ("memory:", True)])
async def test_the_backstop_runs_only_on_a_bus_that_can_lose_a_doorbell(
    tmp_path: Path, bus: str, backstop: bool
) -> None:
    node = await app.start(
        config.load(env={}, data_dir=str(tmp_path), port=0, metrics_port=0, bus=bus)
    )
    try:
        assert node.bus.lossless is not backstop
        assert ("bus-backstop" in node.supervisor.names()) is backstop
        assert "hub-readers" in node.supervisor.names()  # the others start either way
    finally:
        await node.stop()
