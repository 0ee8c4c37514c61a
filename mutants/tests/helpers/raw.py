"""A protocol-level client for server tests: raw HTTP and WebSocket frames, no SDK logic.

It keeps replies by request id and pushes in arrival order, so a test can assert on exactly
what the server sent. Pushes are hints (a bus may lose, repeat or reorder them, and the
server then says ``lagged``): a test of what a client is guaranteed to see takes a
conversation's events with :meth:`RawWs.events`, which pulls what the pushes missed.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

import aiohttp

from tests.helpers.timing import TIMEOUT_S

PASSWORD = "correct horse battery"
Frame = dict[str, Any]


class Http:
    def __init__(self, session: aiohttp.ClientSession, base: str) -> None:
        self.session = session
        self.base = base

    async def call(
        self,
        method: str,
        path: str,
        body: object = None,
        token: str | None = None,
        *,
        raw: bytes | None = None,
    ) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        async with self.session.request(
            method,
            self.base + path,
            data=data,
            headers=headers,
            timeout=aiohttp.ClientTimeout(total=TIMEOUT_S),
        ) as r:
            text = await r.text()
            if r.content_type != "application/json":
                return r.status, text
            return r.status, (json.loads(text) if text else None)

    async def user(self, handle: str) -> str:
        """Register ``handle`` (if needed) and log in; returns a token."""
        await self.call("POST", "/v1/register", {"handle": handle, "password": PASSWORD})
        status, body = await self.call(
            "POST", "/v1/login", {"handle": handle, "password": PASSWORD}
        )
        assert status == 200, body
        return str(body["token"])

    async def direct(self, token: str, peer: str) -> str:
        status, body = await self.call("POST", "/v1/conversations/direct", {"peer": peer}, token)
        assert status in (200, 201), body
        return str(body["conv"])


class RawWs:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse, *, lossy_bus: bool = False) -> None:
        self.ws = ws
        # On a bus that loses nothing, a pull in :meth:`events` means a push went missing: a
        # bug, not a repair.
        self.lossy_bus = lossy_bus
        self.ids = itertools.count(1)
        self.replies: dict[int, asyncio.Future[Frame]] = {}
        self.pushes: asyncio.Queue[Frame] = asyncio.Queue()  # event and lagged frames
        self.other: asyncio.Queue[Frame] = asyncio.Queue()
        self.closed = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def connect(
        cls, session: aiohttp.ClientSession, base: str, *, lossy_bus: bool = False
    ) -> RawWs:
        ws = await session.ws_connect(
            base + "/v1/ws",
            timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=TIMEOUT_S),
            max_msg_size=0,
        )
        return cls(ws, lossy_bus=lossy_bus)

    async def _read(self) -> None:
        try:
            async for msg in self.ws:
                if msg.type is not aiohttp.WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                fid = frame.get("id")
                if fid is not None and fid in self.replies and frame["type"] != "event":
                    self.replies.pop(fid).set_result(frame)
                elif frame["type"] in ("event", "lagged"):
                    self.pushes.put_nowait(frame)
                else:
                    self.other.put_nowait(frame)
        finally:
            self.closed.set()

    async def request(self, frame: Frame) -> Frame:
        fid = next(self.ids)
        fut: asyncio.Future[Frame] = asyncio.get_running_loop().create_future()
        self.replies[fid] = fut
        await self.ws.send_str(json.dumps({**frame, "id": fid}))
        return await asyncio.wait_for(fut, TIMEOUT_S)

    async def hello(self, token: str, **extra: Any) -> Frame:
        return await self.request({"type": "hello", "token": token, **extra})

    async def send(self, conv: str, cmid: str, body: str = "hi") -> Frame:
        return await self.request(
            {"type": "send", "conv": conv, "client_msg_id": cmid, "body": body}
        )

    async def next_push(self) -> Frame:
        return await asyncio.wait_for(self.pushes.get(), TIMEOUT_S)

    async def events(self, conv: str, after: int, count: int) -> list[Frame]:
        """The ``count`` events of ``conv`` after seq ``after``, each once and in order (G4),
        as a client following the protocol gets them: from pushes, skipping repeats, and
        pulled with ``history`` when a push reveals a gap or the server says ``lagged``
        (unless the bus is lossless: there every event must come as a push). Pushes of
        other conversations are dropped."""
        got: list[Frame] = []
        cursor = after
        while len(got) < count:
            push = await self.next_push()
            if push["type"] == "event":
                event = push["event"]
                if event["conv"] != conv or event["seq"] <= cursor:
                    continue  # another conversation's, or a repeat of what is here
                if event["seq"] == cursor + 1:
                    got.append(event)
                    cursor = event["seq"]
                    continue
            assert self.lossy_bus, f"a push was lost on a lossless bus: {push}, after {cursor}"
            # A gap, or lagged: pull what is missing (then skip its pushes as repeats).
            page = await self.request({"type": "history", "conv": conv, "after": cursor})
            assert page["type"] == "page", page
            for event in page["events"][: count - len(got)]:
                got.append(event)
                cursor = event["seq"]
        return got

    async def next_other(self) -> Frame:
        return await asyncio.wait_for(self.other.get(), TIMEOUT_S)

    async def close(self) -> None:
        await self.ws.close()
        self._reader.cancel()
        await asyncio.gather(self._reader, return_exceptions=True)


async def open_unread_socket(
    host: str, port: int, token: str
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A WebSocket that says hello and then stops reading: the slowest possible consumer.
    ``writer.transport.resume_reading()`` makes it read again (see :func:`read_frame`).

    Built on a bare TCP stream with a tiny receive buffer, since a WebSocket library would
    keep reading into its own buffer and hide the backpressure from the server.
    """
    import base64
    import os
    import socket
    import struct

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, (host, port))
    reader, writer = await asyncio.open_connection(sock=sock, limit=2**16)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /v1/ws HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    writer.write(request.encode())
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT_S)
    assert b" 101 " in head.split(b"\r\n", 1)[0], head
    payload = json.dumps({"type": "hello", "id": 1, "token": token}).encode()
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    assert len(payload) < 126
    writer.write(struct.pack("!BB", 0x81, 0x80 | len(payload)) + mask + masked)
    await writer.drain()
    # Stop reading: the transport is paused, so the kernel buffer fills and stays full.
    writer.transport.pause_reading()  # type: ignore[attr-defined]
    return reader, writer


PING_OPCODE = 0x9
PONG_OPCODE = 0xA


async def read_frame(reader: asyncio.StreamReader) -> dict[str, Any]:
    """The next server text frame from a bare stream (servers send unmasked frames).

    Pings and pongs are skipped: the server pings every ``heartbeat_s``, so a test that
    reads a bare socket for longer than that meets one among its frames."""
    import struct

    while True:
        head = await reader.readexactly(2)
        size = head[1] & 0x7F
        if size == 126:
            (size,) = struct.unpack("!H", await reader.readexactly(2))
        elif size == 127:
            (size,) = struct.unpack("!Q", await reader.readexactly(8))
        payload = await reader.readexactly(size)
        if head[0] & 0x0F not in (PING_OPCODE, PONG_OPCODE):
            break
    frame: dict[str, Any] = json.loads(payload)
    return frame
