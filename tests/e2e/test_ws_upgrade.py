"""The WebSocket upgrade's way through the listener (D63): a fresh connection's upgrade goes
to picows as its request line arrives, however it is split; one that follows other requests
on a keep-alive connection is parsed by aiohttp and handed over; either way the connection
stays counted against its address until it is gone."""

from __future__ import annotations

import asyncio
import base64
import json
import os
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.test_hostile_clients import client_text_frame
from tests.helpers.metrics import scrape
from tests.helpers.raw import Http, read_frame
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

pytestmark = pytest.mark.transport_only("the upgrade is settled before the store is reached")


def upgrade_head(port: int) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    return (
        f"GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    ).encode()


async def read_head(reader: asyncio.StreamReader) -> bytes:
    return await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT_S)


async def say_hello(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, token: str
) -> dict[str, object]:
    writer.write(client_text_frame(json.dumps({"type": "hello", "id": 1, "token": token}).encode()))
    await writer.drain()
    return await asyncio.wait_for(read_frame(reader), TIMEOUT_S)


async def test_an_upgrade_sent_a_byte_at_a_time_is_served(
    server: ServerProcess, http: Http
) -> None:
    """The listener waits for the whole request line before it chooses a protocol."""
    token = await http.user("alice")
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    try:
        for byte in upgrade_head(server.port):
            writer.write(bytes((byte,)))
            await writer.drain()
        assert (await read_head(reader)).startswith(b"HTTP/1.1 101 ")
        assert (await say_hello(reader, writer, token))["type"] == "welcome"
    finally:
        writer.close()


async def test_an_upgrade_after_requests_on_a_keep_alive_connection_is_served_and_uncounted(
    tmp_path: Path,
) -> None:
    """With one connection allowed per address: HTTP requests, then the upgrade, on the same
    socket; once that socket is closed, its slot is free for the next connection."""
    server = ServerProcess(tmp_path / "d", env={"PIGEON_MAX_CONNECTIONS_PER_ADDRESS": "1"})
    server.start()
    try:
        async with aiohttp.ClientSession() as session:
            token = await Http(session, server.url).user("alice")
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        for _ in range(2):
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            head = await read_head(reader)
            assert head.startswith(b"HTTP/1.1 200 "), head
            length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            await reader.readexactly(length)
        writer.write(upgrade_head(server.port))
        assert (await read_head(reader)).startswith(b"HTTP/1.1 101 ")
        assert (await say_hello(reader, writer, token))["type"] == "welcome"
        writer.close()
        for _ in range(100):  # the server may see the close after the next connect
            reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(upgrade_head(server.port))
            try:
                head = await asyncio.wait_for(reader.read(4096), TIMEOUT_S)
            except ConnectionResetError:
                head = b""  # refused, and reset as the upgrade reached a closed socket
            writer.close()
            if head.startswith(b"HTTP/1.1 101 "):
                break
            assert head.startswith(b"HTTP/1.1 429 ") or not head, head
        else:
            raise AssertionError("the keep-alive connection's slot never came back")
    finally:
        server.kill()


async def test_an_upgrade_head_that_never_ends_is_closed_at_the_head_deadline(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """The request line names the WebSocket path, the blank line never comes: the listener's
    head deadline closes it, as any other connection's, and counts it."""
    server = ServerProcess(tmp_path / "d", env={"PIGEON_REQUEST_HEAD_TIMEOUT_S": "1"}).start()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n")
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), TIMEOUT_S) == b""
        writer.close()
        server.wait_for_log(event="request head timed out")
        got = await scrape(client_session, server)
        assert got["pigeon_request_timeouts_total{phase=head}"] == 1
    finally:
        server.kill()


async def test_upgrades_answered_by_picows_are_counted_like_every_route(
    server: ServerProcess, client_session: aiohttp.ClientSession
) -> None:
    """A fresh upgrade's 101, and an upgrade refused for its Origin, are in
    pigeon_http_requests_total under /v1/ws; the refusal in pigeon_errors_total too."""
    route = "method=GET,route=/v1/ws"
    before = await scrape(client_session, server)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(upgrade_head(server.port))
    assert (await read_head(reader)).startswith(b"HTTP/1.1 101 ")
    writer.close()
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    head = upgrade_head(server.port).replace(b"\r\n\r\n", b"\r\nOrigin: https://evil.test\r\n\r\n")
    writer.write(head)
    assert (await read_head(reader)).startswith(b"HTTP/1.1 403 ")
    writer.close()
    after = await scrape(client_session, server)

    def grew(sample: str) -> float:
        return after.get(sample, 0.0) - before.get(sample, 0.0)

    assert grew(f"pigeon_http_requests_total{{{route},status=101}}") == 1
    assert grew(f"pigeon_http_requests_total{{{route},status=403}}") == 1
    assert grew("pigeon_errors_total{code=forbidden,transport=http}") == 1

    # An upgrade after a request on a keep-alive connection (aiohttp's route hands it over
    # to picows) is one upgrade too.
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    head = await read_head(reader)
    await reader.readexactly(int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0]))
    writer.write(upgrade_head(server.port))
    assert (await read_head(reader)).startswith(b"HTTP/1.1 101 ")
    writer.close()
    again = await scrape(client_session, server)
    upgrades = f"pigeon_http_requests_total{{{route},status=101}}"
    assert again[upgrades] - after[upgrades] == 1
