"""Sessions against a real server: logout and expiry end live WebSockets (G5)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp

from tests.e2e.conftest import Connector
from tests.helpers.raw import Http, RawWs
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


async def test_logout_closes_the_sockets_of_that_token_only(http: Http, connect: Connector) -> None:
    """A WebSocket opened with a token gets goodbye logged_out when that token logs out; the
    same user's other device stays connected and working."""
    laptop = await http.user("alice")
    phone = await http.user("alice")
    laptop_ws = await connect(laptop)
    phone_ws = await connect(phone)
    assert (await http.call("POST", "/v1/logout", token=laptop))[0] == 204
    assert await laptop_ws.next_other() == {"type": "goodbye", "reason": "logged_out"}
    await asyncio.wait_for(laptop_ws.closed.wait(), TIMEOUT_S)
    reply = await phone_ws.request({"type": "conversations"})
    assert reply["type"] == "conversation_list"
    assert phone_ws.other.empty()


async def test_a_socket_is_closed_when_its_token_expires(tmp_path: Path) -> None:
    """Expiry is checked on the open socket, not only at hello: goodbye token_expired."""
    server = ServerProcess(tmp_path / "data", env={"PIGEON_TOKEN_TTL_S": "1"}).start()
    try:
        async with aiohttp.ClientSession() as session:
            http = Http(session, server.url)
            token = await http.user("alice")
            ws = await RawWs.connect(session, server.url)
            try:
                welcome = await ws.hello(token)
                if welcome["type"] == "welcome":  # a slow machine may let it expire before
                    assert await ws.next_other() == {
                        "type": "goodbye",
                        "reason": "token_expired",
                    }
                    await asyncio.wait_for(ws.closed.wait(), TIMEOUT_S)
                else:
                    assert welcome["code"] == "unauthenticated"
                status, _ = await http.call("GET", "/v1/conversations", token=token)
                assert status == 401
            finally:
                await ws.close()
    finally:
        server.kill()

