from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.helpers.raw import Http, RawWs
from tests.helpers.server import ServerProcess


@pytest.fixture
async def client_session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def http(client_session: aiohttp.ClientSession, server: ServerProcess) -> Http:
    return Http(client_session, server.url)


class Connector:
    """Opens WebSockets to the test server and closes them all at teardown."""

    def __init__(self, session: aiohttp.ClientSession, server: ServerProcess) -> None:
        self.session = session
        self.server = server
        self.opened: list[RawWs] = []

    async def __call__(self, token: str | None = None, **hello: object) -> RawWs:
        ws = await RawWs.connect(self.session, self.server.url)
        self.opened.append(ws)
        if token is not None:
            welcome = await ws.hello(token, **hello)
            assert welcome["type"] == "welcome", welcome
        return ws


@pytest.fixture
async def connect(
    client_session: aiohttp.ClientSession, server: ServerProcess
) -> AsyncIterator[Connector]:
    connector = Connector(client_session, server)
    yield connector
    for ws in connector.opened:
        await ws.close()
