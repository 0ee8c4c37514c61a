"""The bus of a cluster: core NATS (no JetStream) as the doorbell between gateways.

Core NATS delivers at most once and keeps nothing, which is all a doorbell needs: the store is
the record, and every loss this bus can see is reported through ``on_gap`` so that the hub
reads the store again (docs/DECISIONS.md D36):

- a reconnect (the server restarted, the cluster node died, the link dropped): ``on_gap(None)``
  once the connection is back and every subscription is live again;
- a slow-consumer drop on a subscription: ``on_gap(topic)``;
- the client library giving up after its reconnect attempts: a new client is connected (and
  connected again, forever, until :meth:`NatsBus.close`), every topic subscribed again, then
  ``on_gap(None)``; ``restarts`` counts these.

What is published while the connection is down waits in a bounded outbox (items and bytes);
past a bound the oldest doorbell is dropped (the newer one of a conversation carries a later
seq, so it announces the older one's messages too) and counted in ``dropped``. The other
gateways cannot know of such a drop: their backstop repairs it.

URL: ``nats://host:port[,host:port...][?name=value...]`` with the tuning parameters of
:class:`NatsOptions` (tests shorten the waits; the defaults suit production).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import deque
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import nats.errors
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription

from pigeon.bus.base import BusHandler, GapHandler

SCHEME = "nats"

log = logging.getLogger(__name__)

# Doorbells waiting for the connection, per bus: past either bound the oldest is dropped.
MAX_OUTBOX = 10_000
MAX_OUTBOX_BYTES = 8 * 1024 * 1024
# Per subscription, what the client library may hold for our callback before it drops (and
# reports a slow consumer). The callback is synchronous and quick, so this stays near empty.
SUB_PENDING_MSGS = 10_000
SUB_PENDING_BYTES = 4 * 1024 * 1024
# What the client library buffers itself if the link drops under a publish.
CLIENT_PENDING_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class NatsOptions:
    """The waits of one NATS bus; every one bounds a network wait."""

    connect_timeout_s: float = 2.0  # one TCP+TLS+CONNECT attempt
    reconnect_wait_s: float = 1.0  # between attempts on one server
    max_reconnects: int = 60  # then the library gives up and this bus restarts it
    ping_s: float = 5.0  # a dead link is noticed after about 2-3 of these
    flush_timeout_s: float = 2.0  # a subscribe's round trip; a close's flush

    def __post_init__(self) -> None:
        for field in fields(self):
            if getattr(self, field.name) <= 0:
                raise ValueError(f"nats bus parameter {field.name} must be positive")


@dataclass(frozen=True)
class NatsUrl:
    servers: tuple[str, ...]
    options: NatsOptions


def parse_url(url: str) -> NatsUrl:
    """``nats://host:port[,host:port...]?reconnect_wait_s=0.05&...``. Raises ValueError for
    another scheme, a missing host or port, an unknown parameter or a bad value."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME or parts.path or parts.fragment or not parts.netloc:
        raise ValueError(f"not a nats bus URL (nats://host:port[,host:port...]): {url!r}")
    servers = []
    for address in parts.netloc.split(","):
        host, _, port = address.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"nats bus server is not host:port: {address!r}")
        servers.append(f"nats://{address}")
    values: dict[str, Any] = {}
    known = {field.name for field in fields(NatsOptions)}
    for name, raw in parse_qsl(parts.query, keep_blank_values=True):
        if name not in known:
            raise ValueError(f"unknown nats bus parameter {name!r}")
        try:
            values[name] = int(raw) if name == "max_reconnects" else float(raw)
        except ValueError:
            raise ValueError(f"nats bus parameter {name!r} is not a number: {raw!r}") from None
    return NatsUrl(tuple(servers), NatsOptions(**values))


class NatsBus:
    lossless = False  # core NATS is at most once: a loss can go unseen (D36)

    def __init__(self, url: NatsUrl) -> None:
        self.url = url
        self._handler: BusHandler | None = None
        self._on_gap: GapHandler | None = None
        self._client: Client | None = None
        self._subs: dict[str, Subscription | None] = {}  # None: not yet on this client
        self._outbox: deque[tuple[str, bytes]] = deque()
        self._outbox_bytes = 0
        self._wake_sender = asyncio.Event()
        self._connected = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._sender: asyncio.Task[None] | None = None
        self._restarting: asyncio.Task[None] | None = None
        self._closing = False
        # Where this bus's round-trip probes come back to (see _confirm), on every client.
        self._probe_subject = f"_INBOX.pigeon.{secrets.token_hex(12)}"
        self._probes: dict[bytes, asyncio.Future[None]] = {}
        self._probes_sent = 0
        self.published = 0
        self.dropped = 0
        self.gaps = 0
        self.restarts = 0

    # -- the Bus protocol -------------------------------------------------------------------

    async def open(self, handler: BusHandler, on_gap: GapHandler) -> None:
        """Connect (bounded). A NATS that cannot be reached yet does not stop the gateway:
        the bus keeps trying in the background and reports a gap once connected."""
        self._handler = handler
        self._on_gap = on_gap
        self._sender = asyncio.create_task(self._send_outbox())
        try:
            self._client = await self._connect()
        except Exception as exc:  # any failure to connect: retry in the background
            log.warning("nats bus cannot connect yet", extra={"error": repr(exc)})
            self._restart()
            return
        self._connected.set()

    async def close(self) -> None:
        self._closing = True
        self._handler = None
        self._on_gap = None
        tasks = [t for t in (self._sender, self._restarting, *self._tasks) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()
        self._outbox.clear()
        self._outbox_bytes = 0
        client, self._client = self._client, None
        self._subs.clear()
        if client is not None:
            await self._close_client(client)

    def publish(self, topic: str, payload: bytes) -> None:
        if self._closing or self._sender is None or len(payload) > MAX_OUTBOX_BYTES:
            self.dropped += 1
            return
        self._outbox.append((topic, payload))
        self._outbox_bytes += len(payload)
        while len(self._outbox) > MAX_OUTBOX or self._outbox_bytes > MAX_OUTBOX_BYTES:
            _, oldest = self._outbox.popleft()
            self._outbox_bytes -= len(oldest)
            self.dropped += 1
        self._wake_sender.set()

    async def subscribe(self, topic: str) -> None:
        """Returns once the server has the subscription (a probe's round trip), or, when
        the connection is down or too slow, once a gap is sure to be reported for it."""
        if self._closing:
            return
        if topic not in self._subs:
            self._subs[topic] = None
        client = self._client
        if client is None or client.is_closed:
            return  # the restart subscribes every topic, then reports a gap
        try:
            if self._subs.get(topic, False) is None:
                # Also while the library reconnects: it re-sends what it knows of.
                sub = await self._subscribe_on(client, topic)
                if topic in self._subs:
                    self._subs[topic] = sub
                else:  # unsubscribed meanwhile
                    self._spawn(self._unsubscribe_from(sub))
            if client.is_connected:
                await self._confirm(client)
            # else: the reconnect reports a gap once the subscription is live again
        except Exception as exc:  # lost on the way: say so, never raise
            log.warning("nats bus subscribe not confirmed", extra={"error": repr(exc)})
            self._report_gap(topic)

    def unsubscribe(self, topic: str) -> None:
        sub = self._subs.pop(topic, None)
        if sub is not None:
            self._spawn(self._unsubscribe_from(sub))

    # -- connecting -------------------------------------------------------------------------

    async def _connect(self) -> Client:
        opts = self.url.options
        client = Client()
        settings: dict[str, Any] = {
            "servers": list(self.url.servers),
            "connect_timeout": opts.connect_timeout_s,
            "reconnect_time_wait": opts.reconnect_wait_s,
            "max_reconnect_attempts": opts.max_reconnects,
            "ping_interval": opts.ping_s,
            "max_outstanding_pings": 2,
            "pending_size": CLIENT_PENDING_BYTES,
            "flush_timeout": opts.flush_timeout_s,
            "error_cb": self._on_error,
            "disconnected_cb": self._on_disconnected,
            "reconnected_cb": self._on_reconnected,
            "closed_cb": self._on_closed,
        }
        # A stuck CONNECT handshake is bounded too, whatever the library does per attempt.
        async with asyncio.timeout(opts.connect_timeout_s * (len(self.url.servers) + 1)):
            await client.connect(**settings)
            await client.subscribe(self._probe_subject, cb=self._on_probe)
        return client

    async def _confirm(self, client: Client) -> None:
        """Returns once the server has processed everything this client sent before (bounded
        by ``flush_timeout_s``): a probe published to this bus's own subject travels behind
        those commands and comes back. nats-py's ``flush()`` cannot say this: it writes its
        PING straight to the socket, ahead of commands still queued for its flusher, so its
        PONG can come back before the server has a SUB sent just before (D36)."""
        self._probes_sent += 1
        token = str(self._probes_sent).encode()
        came_back = asyncio.get_running_loop().create_future()
        self._probes[token] = came_back
        try:
            async with asyncio.timeout(self.url.options.flush_timeout_s):
                await client.publish(self._probe_subject, token)
                await came_back
        finally:
            del self._probes[token]

    async def _on_probe(self, msg: Msg) -> None:
        came_back = self._probes.get(msg.data)
        if came_back is not None and not came_back.done():
            came_back.set_result(None)

    async def _subscribe_on(self, client: Client, topic: str) -> Subscription:
        return await client.subscribe(
            topic,
            cb=self._on_message,
            pending_msgs_limit=SUB_PENDING_MSGS,
            pending_bytes_limit=SUB_PENDING_BYTES,
        )

    def _restart(self) -> None:
        if not self._closing and (self._restarting is None or self._restarting.done()):
            self._restarting = asyncio.create_task(self._reconnect_forever())

    async def _reconnect_forever(self) -> None:
        """A new client after the library gave up (or the first connect failed): try until
        connected, subscribe every topic again, then report the gap."""
        self._connected.clear()
        while not self._closing:
            client: Client | None = None
            subscribed: dict[str, Subscription] = {}
            try:
                client = await self._connect()
                # Until no topic was added meanwhile: nothing awaits between the last check
                # and the new client taking over, so no subscribe slips between the two.
                while todo := [topic for topic in self._subs if topic not in subscribed]:
                    for topic in todo:
                        subscribed[topic] = await self._subscribe_on(client, topic)
                    await self._confirm(client)
            except Exception as exc:  # unreachable or cut again: try again
                log.warning("nats bus restart failed", extra={"error": repr(exc)})
                if client is not None:
                    await self._close_client(client)
                await asyncio.sleep(self.url.options.reconnect_wait_s)
                continue
            for topic, sub in subscribed.items():
                if topic in self._subs:
                    self._subs[topic] = sub
                else:  # unsubscribed meanwhile
                    self._spawn(self._unsubscribe_from(sub))
            self._client = client
            self.restarts += 1
            log.warning("nats bus restarted its client", extra={"restarts": self.restarts})
            self._connected.set()
            self._wake_sender.set()
            self._report_gap(None)
            return

    # -- the client library's callbacks -----------------------------------------------------

    async def _on_message(self, msg: Msg) -> None:
        if self._handler is not None and msg.subject in self._subs:
            self._handler(msg.subject, msg.data)

    async def _on_error(self, exc: Exception) -> None:
        if isinstance(exc, nats.errors.SlowConsumerError):
            self._report_gap(exc.subject if exc.subject in self._subs else None)
        else:
            log.warning("nats bus error", extra={"error": repr(exc)})

    async def _on_disconnected(self) -> None:
        self._connected.clear()
        if not self._closing:
            log.warning("nats bus disconnected")

    async def _on_reconnected(self) -> None:
        """The library re-sent every SUB on reconnect: once a round trip confirms them, what
        was missed meanwhile is reported."""
        client = self._client
        if client is None:
            return
        try:
            await self._confirm(client)
        except Exception as exc:  # cut again: the next reconnect reports
            log.warning("nats bus reconnect not confirmed", extra={"error": repr(exc)})
            return
        self._connected.set()
        self._wake_sender.set()
        self._report_gap(None)

    async def _on_closed(self) -> None:
        if not self._closing:
            log.warning("nats bus client gave up reconnecting; restarting it")
            self._restart()

    # -- helpers ----------------------------------------------------------------------------

    def _report_gap(self, topic: str | None) -> None:
        if self._on_gap is not None:
            self.gaps += 1
            self._on_gap(topic)

    async def _send_outbox(self) -> None:
        """The one writer: hands doorbells to the client while it is connected."""
        while True:
            await self._wake_sender.wait()
            self._wake_sender.clear()
            while self._outbox:
                await self._connected.wait()
                client = self._client
                if client is None or not client.is_connected:
                    self._connected.clear()
                    continue
                topic, payload = self._outbox.popleft()
                self._outbox_bytes -= len(payload)
                try:
                    await client.publish(topic, payload)
                    self.published += 1
                except Exception as exc:  # lost doorbell: counted, repaired later
                    self.dropped += 1
                    log.warning("nats bus publish failed", extra={"error": repr(exc)})

    async def _unsubscribe_from(self, sub: Subscription) -> None:
        try:
            async with asyncio.timeout(self.url.options.flush_timeout_s):
                await sub.unsubscribe()
        except Exception:  # a closed or new client forgot it anyway
            pass

    async def _close_client(self, client: Client) -> None:
        if client.is_closed:
            return
        try:
            async with asyncio.timeout(self.url.options.flush_timeout_s):
                await client.close()
        except Exception as exc:  # closing: nothing left to protect
            log.warning("nats bus close was cut short", extra={"error": repr(exc)})

    def _spawn(self, coro: Any) -> None:
        task: asyncio.Task[None] = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
