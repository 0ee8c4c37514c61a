"""The TCP listener: every connection passes here before aiohttp sees a byte.

aiohttp bounds the wait for a request head only through its keep-alive timer (on a fresh
connection only in its latest releases) and never bounds the connections of one client, so
this site wraps each connection's protocol in :class:`_Admitted`, which

- counts the connection against its address (an IPv6 client's /64) and refuses it at
  ``max_connections_per_address`` with a ``429 rate_limited`` written before closing, and
- closes a connection that has not sent a complete request head within
  ``request_head_timeout_s`` of connecting, slowloris-style trickles included.

Later heads on a keep-alive connection are bounded by aiohttp's keep-alive timer (set to the
same timeout in :mod:`pigeon.server.app`), request bodies by ``request_body_timeout_s`` in
:func:`pigeon.transport.http.errors_middleware`, and WebSockets by their hello deadline and
pings.

The first request's line chooses the protocol (D63): an upgrade to the WebSocket path goes
to picows, with the bytes read so far; anything else to aiohttp, created only then. An
upgrade that follows other requests on a keep-alive connection reaches aiohttp's handler
:func:`upgrade_on_reused_connection`, which hands the socket over the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Protocol, cast

import msgspec
from aiohttp import web

from pigeon.core.admission import ConnectionCounts, HeadWatch, asks_for
from pigeon.core.http_api import ErrorResponse
from pigeon.core.limits import client_network
from pigeon.errors import ErrorCode, ProtocolViolation
from pigeon.ops.metrics import Metrics

log = logging.getLogger(__name__)

# How long a refused client is told to wait before it tries again.
REFUSED_RETRY_AFTER_MS = 1000


def _refusal() -> bytes:
    """The whole HTTP response a connection over its address's cap gets, then the close."""
    body = msgspec.json.encode(
        ErrorResponse(
            code=ErrorCode.RATE_LIMITED.value,
            message="too many connections from your address",
            retry_after_ms=REFUSED_RETRY_AFTER_MS,
        )
    )
    head = (
        "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nRetry-After: {REFUSED_RETRY_AFTER_MS // 1000}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


# A request line this long without its end goes to aiohttp, which refuses it.
MAX_REQUEST_LINE_BYTES = 8192


class Admission:
    """The per-address counts and the head deadline shared by every connection."""

    def __init__(self, *, per_address: int, head_timeout_s: float, metrics: Metrics) -> None:
        self.counts = ConnectionCounts(per_address)
        self.head_timeout_s = head_timeout_s
        self.metrics = metrics
        self.refusal = _refusal()
        # The WebSocket path and the protocol its upgrades are handed to (picows: D63);
        # None: every request goes to aiohttp.
        self.ws_path = b""
        self.ws_protocol: Callable[[HandedOver], asyncio.BaseProtocol] | None = None

    def is_upgrade(self, request_line: bytes) -> bool:
        """Whether a request line asks for the WebSocket path (aiohttp answers the rest)."""
        return self.ws_protocol is not None and asks_for(request_line, self.ws_path)


class HandedOver(Protocol):
    """What the WebSocket protocol tells the admission of a connection handed to it."""

    def upgraded(self) -> None:
        """The upgrade's head is in and answered: its deadline is over."""

    def connection_lost(self, exc: Exception | None) -> None:
        """The connection is gone: it no longer counts against its address."""


class _Admitted(asyncio.Protocol):
    """aiohttp's protocol for one connection, behind the admission check and head deadline.
    Everything the transport reports is handed on unchanged."""

    def __init__(self, make_inner: Callable[[], asyncio.Protocol], admission: Admission) -> None:
        self._make_inner = make_inner
        # aiohttp's protocol, made once the request line shows the request is not an upgrade.
        self._inner: asyncio.Protocol | None = None
        self._line = b""  # the start of the first request, until its line is complete
        self._admission = admission
        self._key: str | None = None  # set once admitted: what to uncount at the end
        self._head = HeadWatch()
        self._deadline: asyncio.TimerHandle | None = None
        self._transport: asyncio.BaseTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        admission = self._admission
        peer = transport.get_extra_info("peername")
        key = client_network(peer[0] if isinstance(peer, tuple) else "")
        if not admission.counts.try_add(key):
            admission.metrics.rate_limited.labels("address_connections").inc()
            log.info("connection refused", extra={"address": key, "limit": "per_address"})
            # A stream transport (uvloop's is not an asyncio.WriteTransport subclass).
            cast(asyncio.Transport, transport).write(admission.refusal)
            transport.close()
            return
        self._key = key
        self._transport = transport
        self._deadline = asyncio.get_running_loop().call_later(
            admission.head_timeout_s, self._head_timed_out
        )

    def _head_timed_out(self) -> None:
        self._deadline = None
        if self._transport is not None and not self._transport.is_closing():
            self._admission.metrics.request_timeouts.labels("head").inc()
            log.info("request head timed out", extra={"address": self._key})
            self._transport.close()

    def data_received(self, data: bytes) -> None:
        if self._key is None:
            return  # refused: closing, nothing to parse
        inner = self._inner
        if inner is None:
            # The first request's line says whether it is a WebSocket upgrade.
            self._line += data
            if b"\n" not in self._line and len(self._line) < MAX_REQUEST_LINE_BYTES:
                return
            data, self._line = self._line, b""
            if self._admission.is_upgrade(data):
                self._upgrade(data)
                return
            assert self._transport is not None  # admitted
            inner = self._inner = self._make_inner()
            inner.connection_made(self._transport)
        if self._deadline is not None and self._head.feed(data):
            self._deadline.cancel()
            self._deadline = None
        inner.data_received(data)

    def _upgrade(self, data: bytes) -> None:
        """Hand the connection, and what it sent so far, to the WebSocket protocol, which
        reports back here when its head is answered and when it is gone (:class:`HandedOver`):
        the head deadline and the count stay this object's."""
        assert self._admission.ws_protocol is not None and self._transport is not None
        protocol = self._admission.ws_protocol(self)
        self._transport.set_protocol(protocol)
        protocol.connection_made(self._transport)
        buffered = cast(asyncio.BufferedProtocol, protocol)
        view = memoryview(data)
        while view:
            into = memoryview(buffered.get_buffer(len(view)))
            taken = min(len(into), len(view))
            into[:taken] = view[:taken]
            buffered.buffer_updated(taken)
            view = view[taken:]

    def upgraded(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def hand_over(self, request: web.BaseRequest) -> None:
        """A WebSocket upgrade that came after other requests on a keep-alive connection,
        which aiohttp has parsed: aiohttp lets go of the socket (what it would still write
        goes nowhere), and the WebSocket protocol gets the head again with what followed."""
        inner = self._inner
        assert inner is not None and self._key is not None
        version = request.version
        head = b"%s %s HTTP/%d.%d\r\n" % (
            request.method.encode(),
            request.raw_path.encode(),
            version.major,
            version.minor,
        )
        head += b"".join(b"%s: %s\r\n" % pair for pair in request.raw_headers) + b"\r\n"
        # Bytes after an upgrade's head are kept by aiohttp for the upgraded protocol.
        tail: bytes = getattr(inner, "_message_tail", b"")
        inner.transport = None  # type: ignore[attr-defined]
        self._inner = None
        # Once the handler has returned: aiohttp forgets the connection, which it now thinks
        # lost, and no longer counts it as its own.
        asyncio.get_running_loop().call_soon(inner.connection_lost, None)
        self._upgrade(head + tail)

    def eof_received(self) -> bool | None:
        if self._key is None or self._inner is None:
            return None
        return self._inner.eof_received()

    def pause_writing(self) -> None:
        if self._inner is not None:
            self._inner.pause_writing()

    def resume_writing(self) -> None:
        if self._inner is not None:
            self._inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._key is None:
            return
        self._admission.counts.remove(self._key)
        self._key = None
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self._transport = None
        if self._inner is not None:
            self._inner.connection_lost(exc)


class AdmittingSite(web.TCPSite):
    """``web.TCPSite`` with every accepted connection passed through :class:`Admission`."""

    def __init__(
        self,
        runner: web.BaseRunner,
        host: str,
        port: int,
        *,
        admission: Admission,
        backlog: int,
    ) -> None:
        super().__init__(runner, host, port, backlog=backlog, reuse_address=True)
        self.admission = admission
        self._listening: asyncio.Server

    async def start(self) -> None:
        # As TCPSite.start, with the protocol factory wrapped: BaseSite.start registers the
        # site with its runner, then the listening socket is created here.
        await web.BaseSite.start(self)
        server = self._runner.server
        assert server is not None
        make_inner: Callable[[], asyncio.Protocol] = server
        self._listening = await asyncio.get_running_loop().create_server(
            lambda: _Admitted(make_inner, self.admission),
            self._host,
            self._port,
            backlog=self._backlog,
            reuse_address=self._reuse_address,
        )
        self._server = self._listening  # what BaseSite.stop closes

    @property
    def bound_port(self) -> int:
        """The port listened on (the one the OS chose for port 0)."""
        return int(self._listening.sockets[0].getsockname()[1])


async def upgrade_on_reused_connection(request: web.Request) -> web.StreamResponse:
    """aiohttp's handler of the WebSocket path: reached by an upgrade on a keep-alive
    connection that served other requests first (a fresh connection's upgrade never gets to
    aiohttp), or by a plain GET."""
    transport = request.transport
    admitted = transport.get_protocol() if transport is not None else None
    if request.headers.get("Upgrade", "").lower() != "websocket" or not isinstance(
        admitted, _Admitted
    ):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "expected a websocket upgrade")
    admitted.hand_over(request)
    # Written nowhere (the socket is the WebSocket's now), and not counted here: picows
    # answers the upgrade again and counts it.
    return web.Response(status=101)
