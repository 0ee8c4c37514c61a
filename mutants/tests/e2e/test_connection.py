"""The WebSocket connection's own rules: the authentication deadline and the goodbye."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.raw import Http, RawWs
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

pytestmark = pytest.mark.transport_only("the hello deadline of a socket that never says hello")


async def test_unauthenticated_connection_gets_goodbye_at_the_deadline(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """A connection still unauthenticated at hello_timeout_s, however busy, is said goodbye."""
    server = ServerProcess(tmp_path / "d", env={"PIGEON_HELLO_TIMEOUT_S": "1"}).start()
    try:
        await Http(client_session, server.url).user("alice")
        ws = await RawWs.connect(client_session, server.url)
        refused = await ws.hello("wrong-token")  # a first frame, but no authentication
        assert refused["code"] == "unauthenticated"
        goodbye = await ws.next_other()
        assert goodbye == {"type": "goodbye", "reason": "hello_timeout"}
        await asyncio.wait_for(ws.closed.wait(), TIMEOUT_S)
        await ws.close()
    finally:
        server.kill()
