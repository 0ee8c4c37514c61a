"""Clients that try to hold the server's resources or trip its alerts from outside: a client
that drops mid-body, idle and slow connections, too many connections from one address, one
account or not yet authenticated, and a socket that asks for replies without reading them."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import struct
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from pigeon.server.app import LINGERING_S
from tests.helpers.metrics import scrape
from tests.helpers.raw import Http, RawWs, open_unread_socket, read_frame
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


class RawConnections:
    """Bare TCP connections to a server, all closed at teardown."""

    def __init__(self) -> None:
        self.writers: list[asyncio.StreamWriter] = []

    async def __call__(
        self, server: ServerProcess
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        self.writers.append(writer)
        return reader, writer

    async def close_all(self) -> None:
        for writer in self.writers:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()


@pytest.fixture
async def open_raw() -> AsyncIterator[RawConnections]:
    connections = RawConnections()
    yield connections
    await connections.close_all()


async def closed_by_server(reader: asyncio.StreamReader) -> bytes:
    """Everything the server sends until it closes the connection (bounded wait)."""
    return await asyncio.wait_for(reader.read(), TIMEOUT_S)


async def test_a_client_dropping_mid_body_is_counted_as_its_own_not_internal(
    server: ServerProcess, http: Http, open_raw: RawConnections
) -> None:
    """A client that sends 10 bytes of a 1000-byte body and leaves: no traceback, no
    `internal`; counted as `client_closed`, which the error-rate alert does not include."""
    token = await http.user("alice")
    _, writer = await open_raw(server)
    writer.write(
        b"POST /v1/conversations/direct HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\n"
        b"Authorization: Bearer " + token.encode() + b"\r\nContent-Length: 1000\r\n\r\n"
        b'{"peer": "'
    )
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    server.wait_for_log(event="client closed the connection", path="/v1/conversations/direct")
    got = await scrape(http.session, server)
    assert got.get("pigeon_errors_total{code=client_closed,transport=http}") == 1
    assert "pigeon_errors_total{code=internal,transport=http}" not in got
    assert not [line for line in server.raw_lines if "Traceback" in line]


@pytest.mark.transport_only("an HTTP framing deadline, before any route runs")
async def test_a_connection_without_a_complete_request_head_is_closed(
    tmp_path: Path, client_session: aiohttp.ClientSession, open_raw: RawConnections
) -> None:
    """Slowloris: half a head, then a header line now and then, never the blank line. The
    server closes it at request_head_timeout_s, without an answer. A WebSocket opened
    before it outlives the deadline."""
    server = ServerProcess(tmp_path / "d", env={"PIGEON_REQUEST_HEAD_TIMEOUT_S": "1"}).start()
    try:
        async with aiohttp.ClientSession() as setup:
            token = await Http(setup, server.url).user("alice")
        ws = await RawWs.connect(client_session, server.url)
        assert (await ws.hello(token))["type"] == "welcome"
        idle_reader, _idle = await open_raw(server)  # sends nothing at all
        reader, writer = await open_raw(server)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        await writer.drain()
        writer.write(b"X-Slow: 1\r\n")
        await writer.drain()
        assert await closed_by_server(reader) == b""
        assert await closed_by_server(idle_reader) == b""
        server.wait_for_log(event="request head timed out")
        # The WebSocket is older than both, and still served.
        assert (await ws.request({"type": "conversations"}))["type"] == "conversation_list"
        await ws.close()
        # A client that sends its head in time is answered as usual.
        reader, writer = await open_raw(server)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        assert (await closed_by_server(reader)).startswith(b"HTTP/1.1 200 ")
    finally:
        server.kill()


@pytest.mark.transport_only("an HTTP framing deadline, before any route runs")
async def test_a_request_body_that_does_not_arrive_in_time_is_refused(
    tmp_path: Path, client_session: aiohttp.ClientSession, open_raw: RawConnections
) -> None:
    """A slow body: the head promptly, then 10 of 1000 bytes and nothing more. The server
    answers 400 bad_request at request_body_timeout_s and closes, within the lingering
    bound for an answer to be read, not aiohttp's 10 s."""
    server = ServerProcess(tmp_path / "d", env={"PIGEON_REQUEST_BODY_TIMEOUT_S": "1"}).start()
    try:
        http = Http(client_session, server.url)
        token = await http.user("alice")
        reader, writer = await open_raw(server)
        writer.write(
            b"POST /v1/conversations/direct HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Authorization: Bearer " + token.encode() + b"\r\nContent-Length: 1000\r\n\r\n"
            b'{"peer": "'
        )
        await writer.drain()
        sent = time.monotonic()
        answer = await closed_by_server(reader)
        assert time.monotonic() - sent < 1 + LINGERING_S + 2  # the body timeout, then slack
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400 "), answer
        assert json.loads(body)["code"] == "bad_request"
        got = await scrape(http.session, server)
        assert got["pigeon_request_timeouts_total{phase=body}"] == 1
    finally:
        server.kill()


async def until_admitted(
    server: ServerProcess, open_raw: RawConnections
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A connection that the server admits (its refusal of earlier ones may still be in
    flight when a slot frees): each try is a full exchange, bounded in number."""
    for _ in range(100):
        reader, writer = await open_raw(server)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT_S)
        if head.startswith(b"HTTP/1.1 200 "):
            return reader, writer
    raise AssertionError("never admitted")


async def test_connections_are_capped_per_address_unwelcomed_and_per_account(
    tmp_path: Path, client_session: aiohttp.ClientSession, open_raw: RawConnections
) -> None:
    env = {
        "PIGEON_MAX_CONNECTIONS_PER_ADDRESS": "4",
        "PIGEON_MAX_UNAUTHENTICATED": "2",
        "PIGEON_MAX_CONNECTIONS_PER_USER": "2",
    }
    server = ServerProcess(tmp_path / "d", env=env).start()
    try:
        # Tokens first, over connections that are then closed (a fresh session's pool).
        async with aiohttp.ClientSession() as setup:
            http = Http(setup, server.url)
            alice, bob = await http.user("alice"), await http.user("bob")

        # Two WebSockets that never say hello fill the pool of unwelcomed ones: a third
        # upgrade is refused busy, until one of the two is welcomed.
        silent = await RawWs.connect(client_session, server.url)
        second = await RawWs.connect(client_session, server.url)
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await RawWs.connect(client_session, server.url)
        assert refused.value.status == 503
        assert (await second.hello(alice))["type"] == "welcome"
        third = await RawWs.connect(client_session, server.url)

        # Per account: alice's second WebSocket is welcomed, her third refused at hello.
        assert (await third.hello(alice))["type"] == "welcome"
        await silent.close()
        extra = await RawWs.connect(client_session, server.url)
        over = await extra.hello(alice)
        assert over["code"] == "rate_limited" and over["retry_after_ms"] > 0, over
        assert (await extra.hello(bob))["type"] == "welcome"  # the socket stays usable

        # Per address: the session holds 3 connections (second, third, extra); one more is
        # admitted, and the one after gets 429 rate_limited before the close.
        _kept = await until_admitted(server, open_raw)
        reader, _ = await open_raw(server)
        answer = await closed_by_server(reader)
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 429 "), (answer, server.raw_lines[-12:])
        assert json.loads(body)["code"] == "rate_limited"
        for ws in (second, third, extra):
            await ws.close()
        await until_admitted(server, open_raw)  # slots come back as connections close
        async with aiohttp.ClientSession() as fresh:
            got = await scrape(fresh, server)
        assert got["pigeon_rate_limited_total{limit=address_connections}"] >= 1
        assert got["pigeon_rate_limited_total{limit=account_connections}"] == 1
        assert "pigeon_rate_limited_total{limit=frames}" not in got
        assert got["pigeon_rate_limited_total{limit=unauthenticated}"] == 1
    finally:
        server.kill()


def client_text_frame(payload: bytes) -> bytes:
    """A masked, final WebSocket text frame, as a client sends it (RFC 6455 5.2)."""
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    size = len(payload)
    if size < 126:
        head = struct.pack("!BB", 0x81, 0x80 | size)
    else:
        head = struct.pack("!BBH", 0x81, 0x80 | 126, size)
    return head + mask + masked


async def test_a_socket_asking_for_pages_without_reading_is_closed_within_its_byte_budget(
    tmp_path: Path, client_session: aiohttp.ClientSession
) -> None:
    """A logged-in socket that asks for large history pages and never reads them: the
    server holds at most about max_queued_bytes for it (plus its socket buffers), closes it
    as a slow consumer, and holds nothing for it once it is gone."""
    env = {
        "PIGEON_MAX_QUEUED_BYTES": str(1024 * 1024),
        "PIGEON_SEND_RATE_PER_S": "100000",
        "PIGEON_SEND_BURST": "100000",
    }
    server = ServerProcess(tmp_path / "d", env=env).start()
    try:
        http = Http(client_session, server.url)
        alice = await http.user("alice")
        await http.user("bob")
        conv = await http.direct(alice, "bob")
        for i in range(60):  # a page of all of them is about 900 KB
            status, body = await http.call(
                "POST",
                f"/v1/conversations/{conv}/messages",
                {"client_msg_id": f"m{i}", "body": "x" * 15_000},
                alice,
            )
            assert status == 200, body
        reader, writer = await open_unread_socket("127.0.0.1", server.port, alice)
        try:
            writer.transport.resume_reading()  # type: ignore[attr-defined]
            assert (await asyncio.wait_for(read_frame(reader), TIMEOUT_S))["type"] == "welcome"
            writer.transport.pause_reading()  # type: ignore[attr-defined]
            for request_id in range(2, 42):  # 40 pages, about 36 MB, never read
                frame = {"type": "history", "id": request_id, "conv": conv, "limit": 1000}
                writer.write(client_text_frame(json.dumps(frame).encode()))
            await writer.drain()
            server.wait_for_log(event="connection closed", reason="slow_consumer")
        finally:
            writer.close()
        got = await scrape(http.session, server)
        assert got["pigeon_connection_held_bytes{}"] == 0
        assert got["pigeon_connections{}"] == 0
    finally:
        server.kill()
