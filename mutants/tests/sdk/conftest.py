"""Fixtures of the SDK tests: a real server process, and users registered through the SDK."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from pigeon.sdk import Client, Delivery, Event, HttpClient, Resynced
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

PASSWORD = "correct horse battery"
# Most tests send faster than the default per-user rate (20/s, burst 50) on purpose.
FAST = {"PIGEON_SEND_RATE_PER_S": "10000", "PIGEON_SEND_BURST": "10000"}


@pytest.fixture
def fast_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A real server process with a send rate limit high enough not to get in the way."""
    proc = ServerProcess(tmp_path / "data", env=FAST).start()
    try:
        yield proc
    finally:
        proc.kill()


class Users:
    """Registers users on a server and opens SDK clients for them; closes all at the end."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.tokens: dict[str, str] = {}
        self.clients: list[Client] = []
        self.http: list[HttpClient] = []

    async def token(self, handle: str) -> str:
        if handle not in self.tokens:
            async with HttpClient(self.server.url) as http:
                await http.register(handle, PASSWORD)
                self.tokens[handle] = (await http.login(handle, PASSWORD)).token
        return self.tokens[handle]

    async def http_for(self, handle: str) -> HttpClient:
        http = HttpClient(self.server.url, await self.token(handle))
        self.http.append(http)
        return http

    async def client(
        self,
        handle: str,
        *,
        state: Path | None = None,
        page_size: int = 100,
        max_buffered_events: int = 1000,
        backoff_max_s: float = 5.0,
    ) -> Client:
        client = Client(
            self.server.url,
            await self.token(handle),
            state,
            page_size=page_size,
            max_buffered_events=max_buffered_events,
            backoff_max_s=backoff_max_s,
        )
        self.clients.append(client)
        await client.start()
        return client

    async def aclose(self) -> None:
        for client in self.clients:
            await client.close()
        for http in self.http:
            await http.aclose()


@pytest.fixture
async def users(fast_server: ServerProcess) -> AsyncIterator[Users]:
    registry = Users(fast_server)
    try:
        yield registry
    finally:
        await registry.aclose()


async def next_delivery(client: Client) -> Delivery:
    return await asyncio.wait_for(client.next_event(), TIMEOUT_S)


async def take_events(client: Client, count: int) -> list[Event]:
    """The next ``count`` deliveries, which must all be events."""
    out: list[Event] = []
    while len(out) < count:
        item = await next_delivery(client)
        assert not isinstance(item, Resynced), "unexpected resync"
        out.append(item)
    return out


async def take_until(client: Client, conv: str, seq: int) -> list[Delivery]:
    """Deliveries up to and including event ``seq`` of ``conv``."""
    out: list[Delivery] = []
    while True:
        item = await next_delivery(client)
        out.append(item)
        if isinstance(item, Event) and item.conv == conv and item.seq >= seq:
            return out
