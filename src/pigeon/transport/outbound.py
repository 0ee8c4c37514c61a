"""The session of an outgoing HTTP client, bounded: at most ``connections`` open at once and
``per_host`` to one host, each request within ``timeout_s``, and only to the addresses
:func:`pigeon.core.destinations.destination_allowed` allows, checked on the address being
connected to, after name resolution. Webhook deliveries and Web Push notifications each
hold one (:mod:`pigeon.transport.webhook_client`, :mod:`pigeon.transport.webpush`)."""

from __future__ import annotations

import errno
import socket

import aiohttp
from aiohappyeyeballs import AddrInfoType

from pigeon.core.destinations import Network, destination_allowed


class DestinationRefused(OSError):
    """The address a request would connect to is not one the node may reach."""


class OutboundSession:
    per_host = 4  # connections kept to one host: each subclass says how many it needs

    def __init__(
        self,
        timeout_s: float,
        *,
        connections: int,
        allowed_networks: tuple[Network, ...] = (),
    ) -> None:
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._connections = connections
        self._allowed_networks = allowed_networks
        self._session: aiohttp.ClientSession | None = None

    def _socket(self, addr_info: AddrInfoType) -> socket.socket:
        """The connector's socket factory: called with each address it is about to connect
        to, literal or resolved, so nothing reaches a refused address."""
        family, type_, proto, _, address = addr_info
        if not destination_allowed(str(address[0]), self._allowed_networks):
            # One text for every address of a name, so that the connector reports this
            # error itself rather than "Multiple exceptions" (the host is in its message).
            raise DestinationRefused(
                errno.EACCES, "destination not allowed (outbound_allowed_networks)"
            )
        return socket.socket(family, type_, proto)

    async def open(self) -> None:
        connector = aiohttp.TCPConnector(
            limit=self._connections, limit_per_host=self.per_host, socket_factory=self._socket
        )
        self._session = aiohttp.ClientSession(timeout=self._timeout, connector=connector)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
