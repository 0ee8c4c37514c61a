"""The session of an outgoing HTTP client, bounded: at most ``connections`` open at once and
``per_host`` to one host, each request within ``timeout_s``. Webhook deliveries and Web Push
notifications each hold one (:mod:`pigeon.transport.webhook_client`,
:mod:`pigeon.transport.webpush`)."""

from __future__ import annotations

import aiohttp


class OutboundSession:
    def __init__(self, timeout_s: float, *, connections: int, per_host: int) -> None:
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._connections = connections
        self._per_host = per_host
        self._session: aiohttp.ClientSession | None = None

    async def open(self) -> None:
        connector = aiohttp.TCPConnector(limit=self._connections, limit_per_host=self._per_host)
        self._session = aiohttp.ClientSession(timeout=self._timeout, connector=connector)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
