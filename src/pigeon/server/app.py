"""Wiring: the store, the bus, the hub, the service and the transports, in one process.

``run(config)`` serves until SIGTERM or SIGINT, then drains: it stops taking connections and
writes, lets requests in flight finish and send their replies, says goodbye to every client
(they reconnect and resume), commits what is queued, and exits 0 within
``drain_timeout_s``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aiohttp import hdrs, web

from pigeon import __version__
from pigeon.application.control import CONTROL_TOPIC, Control, new_node_id
from pigeon.application.hub import Hub
from pigeon.application.limiters import Limiters
from pigeon.application.notify import NotificationRelay, NotifySettings
from pigeon.application.presence import Presence
from pigeon.application.relay import Relay, RelaySettings
from pigeon.application.service import Service
from pigeon.bus.base import Bus, BusCounters
from pigeon.bus.factory import bus_from_url
from pigeon.config import Config
from pigeon.core.http_api import Health
from pigeon.core.origins import host_allowed
from pigeon.core.records import Event
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited, StoreUnavailable
from pigeon.ops.logging import bind_process
from pigeon.ops.metrics import CONTENT_TYPE, Metrics
from pigeon.server.openapi import openapi_document
from pigeon.server.supervisor import Supervisor
from pigeon.store.base import Restored, Store
from pigeon.store.factory import StoreOptions, open_store
from pigeon.transport.admin_http import AdminApi, settle_admin_token
from pigeon.transport.http import (
    HttpApi,
    add_security_headers,
    error_response,
    errors_middleware,
    host_and_origin_middleware,
    json_response,
    limiters_middleware,
)
from pigeon.transport.listener import Admission, AdmittingSite, upgrade_on_reused_connection
from pigeon.transport.webhook_client import WebhookClient
from pigeon.transport.webpush import Vapid, WebPushNotifier, new_private_key
from pigeon.transport.ws import WS_PATH, WsEndpoint

log = logging.getLogger("pigeon.server")

# How often the event loop's lag is sampled: often enough that a loop late by tens of
# milliseconds for half a second is seen standing (ten samples), at 20 wake-ups a second (D61).
LOOP_LAG_INTERVAL_S = 0.05
# /readyz answers within this, 503 if the store has not answered: before a load balancer's
# check gives up (HAProxy's here: 2 s).
READY_CHECK_TIMEOUT_S = 1.5
WEB_ROOT = Path(__file__).resolve().parent.parent / "web"


@dataclass
class Node:
    """A running Pigeon node: everything ``start`` built, for ``run`` and tools to reach."""

    config: Config
    node_id: str
    store: Store
    bus: Bus
    hub: Hub
    control: Control
    service: Service
    ws: WsEndpoint
    metrics: Metrics
    supervisor: Supervisor
    runner: web.AppRunner
    port: int
    stopped: asyncio.Event
    metrics_runner: web.AppRunner
    metrics_port: int
    relay: Relay
    webhook_client: WebhookClient
    notifier: WebPushNotifier
    presence: Presence

    async def stop(self) -> None:
        """Drain, then release everything. Bounded by drain_timeout_s (plus the store's close)."""
        self.service.draining = True
        self.metrics.draining.set(1)
        log.info("draining", extra={"connections": len(self.ws.connections)})
        await self.ws.drain(self.config.drain_timeout_s)
        await self.runner.cleanup()
        await self.supervisor.stop()  # the relay too: leases of work in flight lapse
        await self.webhook_client.close()
        await self.notifier.close()
        await self.presence.leave()
        await self.store.close()  # the writer commits what is queued before it stops
        await self.bus.close()
        self.service.close()
        await self.metrics_runner.cleanup()  # last: a drain can be watched to its end


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


async def watch_loop_lag(metrics: Metrics, limiters: Limiters | None = None) -> None:
    """How long work waits for the event loop, every 50 ms: how late a timer fires, plus how
    long the task then waits at the back of the loop's queue of ready callbacks, as every
    frame read, every task started and every commit's answer does (D61). Into one
    histogram, and to the worker-utilisation shedder (D53)."""
    while True:
        due = time.monotonic() + LOOP_LAG_INTERVAL_S
        await asyncio.sleep(LOOP_LAG_INTERVAL_S)
        await asyncio.sleep(0)  # to the back of the queue
        lag_s = max(0.0, time.monotonic() - due)
        metrics.loop_lag.observe(lag_s)
        if limiters is not None:
            limiters.observe_loop_lag(lag_s)


async def watch_store(store: Store, metrics: Metrics, interval_s: float) -> None:
    """Every ``interval_s``, commit a probe write and check the store: readiness and
    ``pigeon_store_up`` follow whether writes commit, not only whether reads answer (a full
    disk or a corrupt page fails every write while reads go on)."""
    healthy = True
    while True:
        try:
            with contextlib.suppress(RateLimited):  # a full write queue is busy, not broken
                await store.probe_write(int(time.time() * 1000))
            await store.check()
        except StoreUnavailable as exc:
            if healthy:  # log the transition, not every failed check
                log.error("store check failed", extra={"error": str(exc)})
            healthy = False
        else:
            if not healthy:
                log.info("store check passed again")
            healthy = True
        metrics.store_up.set(1 if healthy else 0)
        await asyncio.sleep(interval_s)


class ReadinessCheck:
    """/readyz's store check, one at a time, waited for at most READY_CHECK_TIMEOUT_S. A store
    that hangs (a partition that delivers nothing, a commit waiting for a synchronous
    standby) answers 503 then, and the next requests wait for the check still running
    instead of starting one each: a hung store call may not end when cancelled (the
    PostgreSQL driver's cancel request goes through the same dead path)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._running: asyncio.Task[None] | None = None

    async def passes(self) -> bool:
        if self._running is None or self._running.done():
            self._running = asyncio.create_task(self._store.check(), name="readiness-check")
            # Read by whoever waits, or by nobody if it ends after they gave up.
            self._running.add_done_callback(lambda task: task.cancelled() or task.exception())
        running = self._running
        done, _ = await asyncio.wait({running}, timeout=READY_CHECK_TIMEOUT_S)
        if not done:
            return False
        try:
            running.result()
        except StoreUnavailable:
            return False
        return True


async def watch_bus(hub: Hub, store: Store, interval_s: float) -> None:
    """Every ``interval_s``, the hub's backstop: repair doorbells the bus lost without a sign."""
    while True:
        await asyncio.sleep(interval_s)
        # An unhealthy store is the store check's to report; the next pass tries again.
        with contextlib.suppress(StoreUnavailable, RateLimited):
            await hub.backstop(store.last_seqs)


def relay_settings(config: Config) -> RelaySettings:
    return RelaySettings(
        interval_s=config.relay_interval_s,
        lease_ms=int(config.relay_lease_s * 1000),
        timeout_s=config.webhook_timeout_s,
        concurrency=config.webhook_concurrency,
        retry_base_ms=int(config.webhook_retry_base_s * 1000),
        retry_cap_ms=int(config.webhook_retry_cap_s * 1000),
        retry_for_ms=int(config.webhook_retry_for_s * 1000),
        notify_collapse_ms=int(config.notify_collapse_s * 1000),
    )


def notify_settings(config: Config) -> NotifySettings:
    return NotifySettings(
        interval_s=min(config.relay_interval_s, config.notify_collapse_s),
        lease_ms=int(config.relay_lease_s * 1000),
        concurrency=config.push_concurrency,
        retry_base_ms=int(config.push_retry_base_s * 1000),
        retry_cap_ms=int(config.webhook_retry_cap_s * 1000),
    )


def store_of(config: Config, metrics: Metrics | None = None) -> Store:
    """The (unopened) store ``config`` names, whatever its backend."""
    return open_store(
        config.store,
        StoreOptions(
            config.data_path,
            max_batch=config.group_commit_max_batch,
            max_write_queue=config.write_queue_max,
            max_read_queue=config.read_queue_max,
            on_batch=metrics.observe_commit if metrics is not None else None,
            write_batch_cut_s=config.write_batch_cut_s,
        ),
    )


async def backup(config: Config, file: Path) -> None:
    """``pigeon backup``: copy the store ``config`` names (a node may be serving it)."""
    await store_of(config).backup(file)


async def restore(config: Config, file: Path) -> Restored:
    """``pigeon restore``: install ``file`` as the store ``config`` names (no node serving)."""
    return await store_of(config).restore(file)


async def migrate(config: Config) -> None:
    """``pigeon migrate``: bring the store ``config`` names to this version's schema. Every
    store migrates when it opens, so this opens it and closes it again: run it before
    starting new gateways on a shared store, so none of them waits on the migration."""
    store = store_of(config)
    await store.open()
    await store.close()


async def start(config: Config) -> Node:
    node_id = new_node_id()  # names this run in logs and connection ids (D33)
    bind_process(node=node_id)
    metrics = Metrics()
    store = store_of(config, metrics)
    await store.open()  # the embedded store locks its directory first: one node per directory
    bus = bus_from_url(config.bus)  # checked when the configuration was loaded
    hub = Hub(bus, store.events_after)
    service = Service(config, store, hub, metrics)
    try:
        # The store holds the admin token's hash; the node that made it, its data directory
        # the token itself, whatever the store (memory: too).
        config.data_path.mkdir(parents=True, exist_ok=True)
        await settle_admin_token(service, config.data_path)
    except BaseException:
        service.close()
        await store.close()
        raise
    ws = WsEndpoint(service, hub, config, node_id)
    control = Control(bus, ws)

    def on_bus(topic: str, payload: bytes) -> None:
        if topic == CONTROL_TOPIC:
            control.on_bus(payload)
        else:
            hub.on_bus(topic, payload)

    await bus.open(on_bus, hub.on_gap)
    await control.open()
    webhook_client = WebhookClient(
        config.webhook_timeout_s,
        connections=config.webhook_concurrency,
        allowed_networks=config.outbound_networks,
    )
    await webhook_client.open()
    relay = Relay(store, webhook_client.post, relay_settings(config))
    # One VAPID key for the cluster, kept in the store: the first node to start makes it.
    vapid = Vapid(await store.claim_push_key(new_private_key()), config.push_subject)
    notifier = WebPushNotifier(
        vapid,
        config.push_timeout_s,
        connections=config.push_concurrency,
        allowed_networks=config.outbound_networks,
    )
    await notifier.open()
    notification_relay = NotificationRelay(store, notifier, notify_settings(config))
    presence = Presence(store, node_id, hub.users, ttl_ms=int(config.presence_ttl_s * 1000))
    service.push_public_key = vapid.public_key
    service.presence = presence

    def on_commit(events: list[Event]) -> None:
        hub.ring(events)
        relay.wake()

    store.on_commit = on_commit
    service.on_token_revoked = control.close_token
    metrics.watch(
        connections=lambda: len(ws.connections),
        outgoing_queue_max=ws.outgoing_queue_max,
        held_bytes=ws.held_bytes,
        write_queue_depth=lambda: store.statistics().write_queue_depth,
        read_queue_depth=lambda: store.statistics().read_queue_depth,
        unreachable_databases=lambda: store.statistics().unreachable_databases,
        data_dir=config.data_path,
        write_delay_s=store.write_delay_s,
    )
    metrics.watch_bus(gaps=lambda: hub.gaps, repairs=lambda: hub.repairs)
    if isinstance(bus, BusCounters):
        counted = bus
        metrics.watch_bus_client(
            published=lambda: counted.published,
            dropped=lambda: counted.dropped,
            restarts=lambda: counted.restarts,
        )
    stopped = asyncio.Event()
    supervisor = Supervisor(on_fatal=lambda name: stopped.set())
    supervisor.start("loop-lag", lambda: watch_loop_lag(metrics, service.limiters))
    metrics.watch_limiters(
        in_flight=lambda: service.limiters.in_flight,
        utilisation=service.limiters.utilisation,
    )
    supervisor.start(
        "store-check", lambda: watch_store(store, metrics, config.store_probe_interval_s)
    )
    supervisor.start("hub-readers", hub.run)
    if not bus.lossless:  # the in-process bus loses nothing the backstop could repair (D73)
        supervisor.start("bus-backstop", lambda: watch_bus(hub, store, config.bus_backstop_s))
    supervisor.start("outbox-relay", relay.run_outbox)
    supervisor.start("webhook-deliveries", relay.run_deliveries)
    supervisor.start("webhook-pruning", relay.run_pruning)
    supervisor.start("notifications", notification_relay.run)
    supervisor.start("presence", presence.run)
    counters = relay.counters
    metrics.watch_relay(
        lag_s=relay.lag_s,
        queued=lambda: counters.queued,
        delivered=lambda: counters.delivered,
        retried=lambda: counters.retried,
        dead=lambda: counters.dead,
    )
    notified = notification_relay.counters
    metrics.watch_notifications(lambda: dataclasses.asdict(notified))
    openapi = openapi_document()

    async def healthz(request: web.Request) -> web.Response:
        return json_response(Health(status="ok", epoch=store.epoch))

    readiness = ReadinessCheck(store)

    async def readyz(request: web.Request) -> web.Response:
        if service.draining:
            return json_response(Health(status="draining", epoch=store.epoch), 503)
        if not await readiness.passes():
            return json_response(Health(status="store_unavailable", epoch=store.epoch), 503)
        return json_response(Health(status="ready", epoch=store.epoch))

    async def openapi_json(request: web.Request) -> web.Response:
        return json_response(openapi)

    web_root = WEB_ROOT

    async def index(request: web.Request) -> web.FileResponse:
        return web.FileResponse(web_root / "index.html")

    allowed_hosts = config.allowed_host_set
    app = web.Application(
        middlewares=[
            errors_middleware(
                metrics,
                lambda: service.draining,
                body_timeout_s=config.request_body_timeout_s,
            ),
            host_and_origin_middleware(allowed_hosts, config.allowed_origin_set, WS_PATH),
            limiters_middleware(service.limiters, config.trusted_proxy_set),
        ],
        client_max_size=config.max_http_body_bytes,
    )
    app.on_response_prepare.append(add_security_headers)
    HttpApi(service).add_routes(app)
    AdminApi(service, ws, control).add_routes(app)
    app.router.add_get(WS_PATH, upgrade_on_reused_connection)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/openapi.json", openapi_json)
    app.router.add_get("/", index)  # the web client: static files, the public API only
    app.router.add_static("/web/", web_root, follow_symlinks=False)
    metrics_runner, metrics_port = await _listen(
        metrics_app(metrics, allowed_hosts), config.metrics_host, config.metrics_port, backlog=128
    )
    admission = Admission(
        per_address=config.max_connections_per_address,
        head_timeout_s=config.request_head_timeout_s,
        metrics=metrics,
    )
    admission.ws_path = WS_PATH.encode()
    admission.ws_protocol = ws.protocol
    runner, port = await _listen(
        app,
        config.host,
        config.port,
        backlog=config.listen_backlog,
        admission=admission,
        keepalive_timeout_s=config.request_head_timeout_s,
    )
    log.info(
        "listening",
        extra={
            "host": config.host,
            "port": port,
            "metrics_host": config.metrics_host,
            "metrics_port": metrics_port,
            "version": __version__,
            "data_dir": str(config.data_path),
            "epoch": store.epoch,
        },
    )
    return Node(
        config,
        node_id,
        store,
        bus,
        hub,
        control,
        service,
        ws,
        metrics,
        supervisor,
        runner,
        port,
        stopped,
        metrics_runner,
        metrics_port,
        relay,
        webhook_client,
        notifier,
        presence,
    )


def metrics_app(metrics: Metrics, allowed_hosts: frozenset[str]) -> web.Application:
    """``GET /metrics`` alone, for its own listener: the public one never shows it (as
    Synapse and Mattermost keep metrics off the client port). The Host is checked as on the
    public port: on the loopback, DNS rebinding is the way a web page could read it."""

    async def metrics_text(request: web.Request) -> web.Response:
        if not host_allowed(request.headers.get(hdrs.HOST), allowed_hosts):
            return error_response(ProtocolViolation(ErrorCode.MISDIRECTED))
        return web.Response(body=metrics.render(), headers={"Content-Type": CONTENT_TYPE})

    app = web.Application()
    app.router.add_get("/metrics", metrics_text)
    return app


# After answering a request whose body was not read in full (refused too large, or timed
# out), aiohttp reads and drops what still comes before closing, so the client is not reset
# before it reads the answer: 10 s by default, which let a trickling body hold its
# connection 10 s past request_body_timeout_s. 2 s is plenty for an answer to be read.
LINGERING_S = 2.0


async def _listen(
    app: web.Application,
    host: str,
    port: int,
    *,
    backlog: int,
    admission: Admission | None = None,
    keepalive_timeout_s: float = 75.0,
) -> tuple[web.AppRunner, int]:
    """Serve ``app`` on ``host:port``; returns its runner and the bound port (port 0: any).
    With ``admission``, every accepted connection passes through it (caps, head deadline)."""
    # aiohttp's keep-alive timer also bounds the wait for each later request head.
    runner = web.AppRunner(
        app,
        access_log=None,
        handle_signals=False,
        shutdown_timeout=2.0,
        keepalive_timeout=keepalive_timeout_s,
        lingering_time=LINGERING_S,
    )
    await runner.setup()
    site: web.TCPSite
    if admission is not None:
        site = AdmittingSite(runner, host, port, admission=admission, backlog=backlog)
    else:
        site = web.TCPSite(runner, host, port, backlog=backlog, reuse_address=True)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    if isinstance(site, AdmittingSite):
        return runner, site.bound_port
    server = site._server  # aiohttp exposes no public accessor for the bound port
    assert server is not None
    bound = int(server.sockets[0].getsockname()[1])  # type: ignore[attr-defined]
    return runner, bound


# Young collections every 20,000 net allocations of tracked objects, not 700. perf put the
# collector at 4% of the node's CPU under S1 at 500/s, and at 24% once the node had fallen
# behind: a backlog keeps many objects alive, and every young collection walks them (D54).
# Garbage in cycles waits a little longer to go.
GC_THRESHOLDS = (20_000, 10, 10)


def tune_gc() -> None:
    """Once the node has started: what exists now (modules, the app, the store) lives as long
    as the process, so it is frozen out of every full collection, whose pause is the p99.9 of
    S1 (D16); and collections run less often (D54)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


async def run(config: Config, *, stop_requested: Callable[[], bool] = lambda: False) -> None:
    """Serve until SIGTERM or SIGINT, then drain. ``stop_requested`` says whether one came
    before this was called (``pigeon serve`` handles them from its first line)."""
    loop = asyncio.get_running_loop()
    # Handle signals before starting: a SIGTERM that comes while the node starts, or just
    # after it said "listening", must drain it, not kill it with the default action.
    requested = asyncio.Event()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, requested.set)
    if stop_requested():
        requested.set()
    node = await start(config)
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, node.stopped.set)
    if requested.is_set():
        node.stopped.set()
    tune_gc()
    await node.stopped.wait()
    started = time.monotonic()
    log.info("stopping")
    await node.stop()
    log.info("stopped", extra={"drain_s": round(time.monotonic() - started, 3)})
