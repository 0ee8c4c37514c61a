"""The admin HTTP routes (``/v1/admin/...``), authenticated by the cluster's admin token.

The store holds the token's SHA-256, so every node of a store takes the one token (D42). The
first node to start on a store without one makes it and writes it to
``<data_dir>/admin.token`` (mode 0600, written atomically and fsync'd): whoever can read that
data directory administers the cluster. ``pigeon admin`` reads it. A token an operator wrote
there before the store held one is taken into the store at start (so existing installs keep
theirs).
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
from pathlib import Path

from aiohttp import web

from pigeon.application.control import Control
from pigeon.application.service import Service
from pigeon.core import http_api as api
from pigeon.durable_files import write_file_atomically
from pigeon.errors import DataDirRefused
from pigeon.transport.http import bearer_token, int_param, json_response, read_body, text_param
from pigeon.transport.ws import WsEndpoint

ADMIN_TOKEN_FILE = "admin.token"

log = logging.getLogger("pigeon.admin")

# What settle_admin_token makes (secrets.token_urlsafe(32): 43 characters), or an operator's
# own token in the same alphabet and long enough not to be guessed.
_ADMIN_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,512}")


def read_admin_token(data_dir: Path) -> str | None:
    """The token in ``<data_dir>/admin.token``; None if there is no such file.

    Raises :class:`DataDirRefused` if the file is empty or malformed (as a crash while it was
    being written without fsync could leave it): an empty token must never open the API."""
    path = data_dir / ADMIN_TOKEN_FILE
    try:
        text = path.read_bytes().decode("ascii", "replace").strip()
    except FileNotFoundError:
        return None
    if not _ADMIN_TOKEN_SHAPE.fullmatch(text):
        raise DataDirRefused(
            f"{path} is empty or malformed; delete it and start again to have a new one made"
        )
    return text


async def settle_admin_token(service: Service, data_dir: Path) -> None:
    """Agree with the store on the admin token at start (D42).

    A token in the data directory is claimed for the store; if the store holds another, the
    file is stale (another node's token rules) and a warning says so. With no file: if the
    store holds a token, it is in the data directory of the node that made it; else this node
    makes one, writes it (first, so a crash cannot leave the store holding a token nobody
    has), and claims it, deleting the file again if another node claimed one first."""
    path = data_dir / ADMIN_TOKEN_FILE
    given = read_admin_token(data_dir)
    if given is not None:
        if not await service.claim_admin_token(given):
            log.warning(
                "admin token file stale: the store holds another node's token; this file "
                "opens nothing: replace it with the cluster's token or delete it",
                extra={"path": str(path)},
            )
        return
    if await service.has_admin_token():
        log.info("admin token in the store: made by another node, in its data directory")
        return
    token = secrets.token_urlsafe(32)
    write_file_atomically(path, f"{token}\n".encode(), mode=0o600)
    if not await service.claim_admin_token(token):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # another node made one at the same moment: theirs rules


class AdminApi:
    def __init__(self, service: Service, ws: WsEndpoint, control: Control) -> None:
        self.service = service
        self.ws = ws
        self.control = control  # closes sockets on every node, not only this one's

    async def _check(self, request: web.Request) -> None:
        await self.service.check_admin_token(bearer_token(request))

    def add_routes(self, app: web.Application) -> None:
        r = app.router
        r.add_get("/v1/admin/connections", self.connections)
        r.add_post("/v1/admin/users/{handle}/disable", self.disable)
        r.add_post("/v1/admin/users/{handle}/enable", self.enable)
        r.add_post("/v1/admin/users/{handle}/revoke-tokens", self.revoke_tokens)
        r.add_get("/v1/admin/webhook-deliveries", self.deliveries)
        r.add_post("/v1/admin/webhook-deliveries/replay", self.replay)

    async def connections(self, request: web.Request) -> web.Response:
        await self._check(request)
        rows = [
            api.ConnectionInfo(
                conn=conn.conn_id, user=conn.user, device=conn.device,
                connected_at_ms=int(conn.connected_at * 1000), queued=conn.session.queued(),
            )
            for conn in sorted(self.ws.connections, key=lambda c: c.connected_at)
        ]  # fmt: skip
        return json_response(api.AdminConnections(connections=rows))

    async def _set_disabled(self, request: web.Request, disabled: bool) -> web.Response:
        await self._check(request)
        handle = request.match_info["handle"]
        await self.service.set_disabled(handle, disabled)
        closed = self.control.close_user(handle, "account_disabled") if disabled else 0
        return json_response(
            api.AdminUserResult(handle=handle, disabled=disabled, connections_closed=closed)
        )

    async def disable(self, request: web.Request) -> web.Response:
        return await self._set_disabled(request, True)

    async def enable(self, request: web.Request) -> web.Response:
        return await self._set_disabled(request, False)

    async def revoke_tokens(self, request: web.Request) -> web.Response:
        await self._check(request)
        handle = request.match_info["handle"]
        revoked = await self.service.revoke_tokens(handle)
        closed = self.control.close_user(handle, "tokens_revoked")
        return json_response(
            api.AdminUserResult(handle=handle, tokens_revoked=revoked, connections_closed=closed)
        )

    async def deliveries(self, request: web.Request) -> web.Response:
        await self._check(request)
        limit = int_param(request, api.DELIVERIES_LIMIT)
        assert limit is not None  # it has a default
        state = text_param(request, api.DELIVERY_STATE)
        return json_response(await self.service.deliveries(state, limit))

    async def replay(self, request: web.Request) -> web.Response:
        await self._check(request)
        body = await read_body(request, api.ReplayRequest)
        replayed = await self.service.replay_deliveries(body.ids)
        return json_response(api.ReplayResponse(replayed=replayed))


__all__ = ["ADMIN_TOKEN_FILE", "AdminApi", "read_admin_token", "settle_admin_token"]
