"""Wiring: the store, the bus, the hub, the service and both transports, in one process.

``run(config)`` serves until SIGTERM or SIGINT, then stops taking connections, says goodbye
to the connected clients, lets queued writes commit, and exits.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from pigeon import __version__
from pigeon.bus.local import LocalBus
from pigeon.core.http_api import Health
from pigeon.server.config import Config
from pigeon.server.hub import Hub
from pigeon.server.openapi import openapi_document
from pigeon.server.service import Service
from pigeon.store.sqlite import SqliteStore
from pigeon.transport.http import HttpApi, errors_middleware, json_response
from pigeon.transport.ws import WsEndpoint

log = logging.getLogger("pigeon.server")


@dataclass
class Node:
    """A running Pigeon node: everything ``run`` started, for tests and tools to reach."""

    config: Config
    store: SqliteStore
    bus: LocalBus
    hub: Hub
    service: Service
    ws: WsEndpoint
    runner: web.AppRunner
    port: int

    async def stop(self) -> None:
        self.ws.close_all("shutdown")
        await self.ws.wait_closed(self.config.drain_timeout_s)
        await self.runner.cleanup()
        await self.store.close()
        await self.bus.close()
        self.service.close()


async def start(config: Config) -> Node:
    store = SqliteStore(
        config.data_path,
        max_batch=config.group_commit_max_batch,
        max_write_queue=config.write_queue_max,
    )
    await store.open()
    bus = LocalBus()
    hub = Hub(bus)
    await bus.open(hub.on_bus)
    store.on_commit = hub.publish_events
    service = Service(config, store, hub)
    ws = WsEndpoint(service, hub, config)
    http = HttpApi(service)
    openapi = openapi_document()

    async def healthz(request: web.Request) -> web.Response:
        return json_response(Health(status="ok", epoch=store.epoch))

    async def openapi_json(request: web.Request) -> web.Response:
        return json_response(openapi)

    app = web.Application(
        middlewares=[errors_middleware], client_max_size=config.max_http_body_bytes
    )
    http.add_routes(app)
    app.router.add_get("/v1/ws", ws.handle)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/openapi.json", openapi_json)
    web_root = Path(__file__).resolve().parent.parent / "web"

    async def index(request: web.Request) -> web.FileResponse:
        return web.FileResponse(web_root / "index.html")

    app.router.add_get("/", index)  # the web client: static files, the public API only
    app.router.add_static("/web/", web_root, follow_symlinks=False)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, config.host, config.port, backlog=1024, reuse_address=True)
    await site.start()
    server = site._server  # aiohttp exposes no public accessor for the bound port
    assert server is not None
    port = int(server.sockets[0].getsockname()[1])  # type: ignore[attr-defined]
    log.info(
        "listening",
        extra={
            "host": config.host,
            "port": port,
            "version": __version__,
            "data_dir": str(config.data_path),
            "epoch": store.epoch,
        },
    )
    return Node(config, store, bus, hub, service, ws, runner, port)


async def run(config: Config) -> None:
    node = await start(config)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("stopping")
    await node.stop()
    log.info("stopped")
