"""The admin HTTP routes (``/v1/admin/...``), authenticated by the node's admin token.

The token is created at the first start in ``<data_dir>/admin.token`` (mode 0600, written
atomically and fsync'd): whoever can read the data directory administers the node, and
nobody else. ``pigeon admin`` reads it.
"""

from __future__ import annotations

import hmac
import re
import secrets
from pathlib import Path

from aiohttp import web

from pigeon.application.control import Control
from pigeon.application.service import Service
from pigeon.core import http_api as api
from pigeon.durable_files import write_file_atomically
from pigeon.errors import DataDirRefused, ErrorCode, ProtocolViolation
from pigeon.transport.http import bearer_token, json_response
from pigeon.transport.ws import WsEndpoint

ADMIN_TOKEN_FILE = "admin.token"


# What load_admin_token makes (secrets.token_urlsafe(32): 43 characters), or an operator's own
# token in the same alphabet and long enough not to be guessed.
_ADMIN_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,512}")


def load_admin_token(data_dir: Path) -> str:
    """The node's admin token, created (readable by the owner only) if there is none yet.

    Raises :class:`DataDirRefused` if the file is empty or malformed (as a crash while it was
    being written without fsync could leave it): an empty token must never open the API."""
    path = data_dir / ADMIN_TOKEN_FILE
    try:
        text = path.read_bytes().decode("ascii", "replace").strip()
    except FileNotFoundError:
        token = secrets.token_urlsafe(32)
        write_file_atomically(path, f"{token}\n".encode(), mode=0o600)
        return token
    if not _ADMIN_TOKEN_SHAPE.fullmatch(text):
        raise DataDirRefused(
            f"{path} is empty or malformed; delete it and start again to have a new one made"
        )
    return text


class AdminApi:
    def __init__(
        self, service: Service, ws: WsEndpoint, control: Control, admin_token: str
    ) -> None:
        self.service = service
        self.ws = ws
        self.control = control  # closes sockets on every node, not only this one's
        self._token = admin_token.encode()

    def _check(self, request: web.Request) -> None:
        given = (bearer_token(request) or "").encode()
        # An empty secret would match an empty credential: refuse rather than compare.
        if not self._token or not hmac.compare_digest(given, self._token):
            raise ProtocolViolation(ErrorCode.UNAUTHENTICATED)

    def add_routes(self, app: web.Application) -> None:
        r = app.router
        r.add_get("/v1/admin/connections", self.connections)
        r.add_post("/v1/admin/users/{handle}/disable", self.disable)
        r.add_post("/v1/admin/users/{handle}/enable", self.enable)
        r.add_post("/v1/admin/users/{handle}/revoke-tokens", self.revoke_tokens)

    async def connections(self, request: web.Request) -> web.Response:
        self._check(request)
        rows = [
            api.ConnectionInfo(
                conn=conn.conn_id, user=conn.user, device=conn.device,
                connected_at_ms=int(conn.connected_at * 1000), queued=conn.session.queued(),
            )
            for conn in sorted(self.ws.connections, key=lambda c: c.connected_at)
        ]  # fmt: skip
        return json_response(api.AdminConnections(connections=rows))

    async def _set_disabled(self, request: web.Request, disabled: bool) -> web.Response:
        self._check(request)
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
        self._check(request)
        handle = request.match_info["handle"]
        revoked = await self.service.revoke_tokens(handle)
        closed = self.control.close_user(handle, "tokens_revoked")
        return json_response(
            api.AdminUserResult(handle=handle, tokens_revoked=revoked, connections_closed=closed)
        )


__all__ = ["ADMIN_TOKEN_FILE", "AdminApi", "load_admin_token"]
