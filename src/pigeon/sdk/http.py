"""An async client for Pigeon's HTTP API (``/v1``), one method per route.

Bodies are the msgspec Structs of :mod:`pigeon.core.http_api`. A refused request raises
:class:`~pigeon.sdk.ApiError` with the wire code; an unreachable server raises
:class:`~pigeon.sdk.ServerUnreachable`; every request is bounded by ``timeout_s`` and raises
:class:`~pigeon.errors.PigeonTimeoutError` when it runs out.

    async with HttpClient("http://127.0.0.1:8700") as http:
        login = await http.login("alice", "correct horse battery")
        http.token = login.token
        conv = (await http.direct("bob")).conv
        ack = await http.send(conv, "hello")
"""

from __future__ import annotations

import uuid
from types import TracebackType
from typing import TypeVar
from urllib.parse import quote, urlsplit

import aiohttp
import msgspec

from pigeon.core import http_api as api
from pigeon.core.records import ConversationSummary, MessageMeta
from pigeon.errors import ErrorCode, PigeonTimeoutError
from pigeon.sdk.errors import ApiError, InvalidServerUrl, ServerUnreachable, code_of

T = TypeVar("T")

_encoder = msgspec.json.Encoder()
_error_decoder = msgspec.json.Decoder(api.ErrorResponse)


def checked_base_url(base_url: str) -> str:
    """``base_url`` without a trailing slash, if it is ``http(s)://host[:port][/prefix]``.

    Raises :class:`~pigeon.sdk.InvalidServerUrl` (a ValueError) otherwise: a URL without a
    scheme (``127.0.0.1:8700``) or with a bad port would otherwise fail on every connection
    attempt, with nothing to tell the app why."""
    try:
        parts = urlsplit(base_url)
        port = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError as exc:
        raise InvalidServerUrl(f"bad server URL {base_url!r}: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidServerUrl(
            f"bad server URL {base_url!r}: expected http://host:port or https://host:port"
        )
    if parts.query or parts.fragment:
        raise InvalidServerUrl(f"bad server URL {base_url!r}: no query or fragment expected")
    del port
    return base_url.rstrip("/")


def new_client_msg_id() -> str:
    """A fresh client message id: 128 random bits, as 32 hex digits."""
    return uuid.uuid4().hex


class HttpClient:
    """Pigeon's HTTP API, one method per route. Set ``token`` (or pass it) before calling
    authenticated routes.

    Use it as an async context manager, or call :meth:`aclose` when done. Every request
    raises :class:`~pigeon.sdk.ApiError` when the server refuses it (look at ``code``: for
    ``rate_limited`` wait ``retry_after_ms``; ``unauthenticated``: log in again),
    :class:`~pigeon.sdk.ServerUnreachable` when the server cannot be reached (retry later),
    and :class:`~pigeon.errors.PigeonTimeoutError` after ``timeout_s`` (retry: writes with
    the same ``client_msg_id`` are never applied twice). The SDK retries a write once itself
    after a dropped connection, with the same id. A proxy's own error page in front of the
    server counts by its status: 502 and 504 (the server behind it died or stalled during
    the request, which may have been carried out) as ``unavailable``, 503 as ``busy``.
    """

    def __init__(self, base_url: str, token: str | None = None, *, timeout_s: float = 10.0) -> None:
        """Raises InvalidServerUrl (a ValueError) if ``base_url`` is not
        ``http(s)://host[:port]``. Opens no connection yet: the first request does."""
        self.base_url = checked_base_url(base_url)
        self.token = token
        self.timeout_s = timeout_s
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool. The client may be used again afterwards (a new pool
        opens on the next request). Never raises."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    # -- accounts ---------------------------------------------------------------------------

    async def register(self, handle: str, password: str) -> api.RegisterResponse:
        """Create an account; then :meth:`login`. ``handle``: 2-32 of ``a-z 0-9 _``;
        ``password``: 8-256 characters. Raises ApiError ``conflict`` (handle
        taken), ``bad_request`` (a rule broken: show it to the person) or ``rate_limited``."""
        body = api.RegisterRequest(handle=handle, password=password)
        return await self._call("POST", "/v1/register", body, api.RegisterResponse, auth=False)

    async def login(
        self, handle: str, password: str, device: str = "default", device_key: str | None = None
    ) -> api.LoginResponse:
        """Log in; returns a token for this device (it does not set :attr:`token` itself).
        Keep the reply's ``device_key`` and pass it at this device's next login: a known
        device is not locked out by someone else's failed logins to the handle. Raises
        ApiError ``unauthenticated`` for a wrong handle or password (ask again), or
        ``rate_limited`` (wait ``retry_after_ms``)."""
        body = api.LoginRequest(
            handle=handle, password=password, device=device, device_key=device_key
        )
        return await self._call("POST", "/v1/login", body, api.LoginResponse, auth=False)

    async def logout(self) -> None:
        """Revoke this client's token; its WebSockets are closed. Log in again to get a new
        one. Raises ApiError ``unauthenticated`` if the token was already invalid."""
        await self._request("POST", "/v1/logout", None)

    # -- conversations ----------------------------------------------------------------------

    async def conversations(
        self, *, cursor: str | None = None, limit: int | None = None, epoch: str | None = None
    ) -> api.ConversationListResponse:
        """One page of my conversations, in id order: pass the page's ``next_cursor`` as
        ``cursor`` for the next, with the first page's ``epoch``. :meth:`all_conversations`
        fetches every page. Raises ApiError ``resync_required`` when ``epoch`` names a store
        since restored from a backup: start again from the first page without it."""
        query: dict[str, str] = {}
        if cursor is not None:
            query["cursor"] = cursor
        if limit is not None:
            query["limit"] = str(int(limit))
        if epoch is not None:
            query["epoch"] = epoch
        return await self._call(
            "GET", "/v1/conversations", None, api.ConversationListResponse, query=query
        )

    async def all_conversations(self) -> list[ConversationSummary]:
        """Every conversation of mine, page by page. Raises ApiError ``resync_required`` if
        the store is restored from a backup meanwhile (the pages would be from two histories):
        call it again."""
        page = await self.conversations(limit=api.CONVERSATIONS_LIMIT.high)
        rows = list(page.conversations)
        while page.next_cursor is not None:
            page = await self.conversations(
                cursor=page.next_cursor, limit=api.CONVERSATIONS_LIMIT.high, epoch=page.epoch
            )
            rows.extend(page.conversations)
        return rows

    async def direct(self, peer: str) -> api.ConversationCreated:
        """Open the direct conversation with ``peer``, or return the existing one (``created``
        says which). Raises ApiError ``not_found`` for an unknown handle or a peer who blocks
        me (the same answer, on purpose)."""
        body = api.DirectRequest(peer=peer)
        path = "/v1/conversations/direct"
        return await self._call("POST", path, body, api.ConversationCreated, idempotent=True)

    async def group(self, title: str, members: list[str] | None = None) -> api.ConversationCreated:
        """Create a group titled ``title`` with me as owner and ``members`` added. Raises
        ApiError ``bad_request`` (title or size out of bounds) or ``not_found`` (a member
        unknown, or blocking me)."""
        body = api.GroupRequest(title=title, members=list(members or []))
        return await self._call("POST", "/v1/conversations/group", body, api.ConversationCreated)

    async def add_member(self, conv: str, handle: str) -> api.AckResponse:
        """Add ``handle`` to group ``conv`` (a ``member_added`` event at the ack's seq).
        Raises ApiError ``forbidden`` (not an owner, or a direct conversation), ``not_found``
        or ``conflict`` (already a member)."""
        body = api.MemberRequest(handle=handle)
        return await self._call("POST", f"{_conv(conv)}/members", body, api.AckResponse)

    async def remove_member(self, conv: str, handle: str) -> api.AckResponse:
        """Remove ``handle`` (owners), or leave when it is my own handle (a
        ``member_removed`` event). Raises ApiError ``forbidden`` or ``not_found``."""
        path = f"{_conv(conv)}/members/{quote(handle, safe='')}"
        return await self._call("DELETE", path, None, api.AckResponse)

    # -- blocks -----------------------------------------------------------------------------

    async def block(self, handle: str) -> None:
        """Stop ``handle`` from adding me to groups or opening a direct conversation with me.
        Idempotent. Raises ApiError ``not_found`` for an unknown handle."""
        body = api.BlockRequest(handle=handle)
        await self._request("POST", "/v1/blocks", body, idempotent=True)

    async def unblock(self, handle: str) -> None:
        """Undo :meth:`block` (idempotent). Raises ApiError ``not_found`` for an unknown
        handle."""
        path = f"/v1/blocks/{quote(handle, safe='')}"
        await self._request("DELETE", path, None, idempotent=True)

    async def blocks(self) -> list[str]:
        """The handles I block, sorted. Raises only what every request raises."""
        return (await self._call("GET", "/v1/blocks", None, api.BlocksResponse)).blocks

    async def limits(self) -> api.LimitsResponse:
        """The sizes this server accepts (message body in UTF-8 bytes, group title, group
        members), to check input before acting on it. Needs no login. Raises only what every
        request raises."""
        return await self._call("GET", "/v1/limits", None, api.LimitsResponse, auth=False)

    # -- the log ----------------------------------------------------------------------------

    async def send(
        self,
        conv: str,
        body: str,
        meta: MessageMeta | None = None,
        client_msg_id: str | None = None,
    ) -> api.AckResponse:
        """Send a message. Retrying with the same ``client_msg_id`` returns the original ack
        (``duplicate`` is then true), never a second message (G2): after a timeout or a lost
        connection, call again with the same id. Raises ApiError ``not_found`` (not a
        member), ``too_large`` (body too large) or ``rate_limited``."""
        request = api.SendRequest(
            client_msg_id=client_msg_id or new_client_msg_id(), body=body, meta=meta
        )
        path = f"{_conv(conv)}/messages"
        return await self._call("POST", path, request, api.AckResponse, idempotent=True)

    async def edit(
        self, conv: str, seq: int, body: str, client_msg_id: str | None = None
    ) -> api.AckResponse:
        """Replace the text of my message ``seq`` (an ``edit`` event). Retry with the same
        ``client_msg_id``. Raises ApiError ``forbidden`` (not my message, or deleted) or
        ``not_found``."""
        request = api.EditRequest(client_msg_id=client_msg_id or new_client_msg_id(), body=body)
        path = f"{_conv(conv)}/messages/{int(seq)}/edit"
        return await self._call("POST", path, request, api.AckResponse, idempotent=True)

    async def delete(
        self, conv: str, seq: int, client_msg_id: str | None = None
    ) -> api.AckResponse:
        """Delete my message ``seq`` (a ``delete`` event). Retry with the same
        ``client_msg_id``. Raises ApiError ``forbidden`` (not my message) or ``not_found``."""
        request = api.DeleteRequest(client_msg_id=client_msg_id or new_client_msg_id())
        path = f"{_conv(conv)}/messages/{int(seq)}/delete"
        return await self._call("POST", path, request, api.AckResponse, idempotent=True)

    async def history(
        self,
        conv: str,
        *,
        after: int | None = None,
        before: int | None = None,
        limit: int = 100,
        epoch: str | None = None,
    ) -> api.PageResponse:
        """The first ``limit`` events after ``after``, or the last ``limit`` before ``before``
        (the latest, with neither). Pass the ``epoch`` of the page the seqs came from: if the
        store was restored from a backup since, this raises ApiError ``resync_required``
        instead of paging on through another history: start again from seq 1 without it.
        Raises ApiError ``not_found`` when I am not a member."""
        query: dict[str, str] = {"limit": str(int(limit))}
        if epoch is not None:
            query["epoch"] = epoch
        if after is not None:
            query["after"] = str(int(after))
        if before is not None:
            query["before"] = str(int(before))
        path = f"{_conv(conv)}/messages"
        return await self._call("GET", path, None, api.PageResponse, query=query)

    async def mark_read(self, conv: str, seq: int) -> api.ReadResponse:
        """Move my read position forward to ``seq`` (it never moves back). Raises ApiError
        ``not_found`` when I am not a member."""
        body = api.ReadRequest(seq=seq)
        path = f"{_conv(conv)}/read"
        return await self._call("POST", path, body, api.ReadResponse, idempotent=True)

    async def health(self) -> api.Health:
        """The node's liveness (``/healthz``); needs no token. Raises ServerUnreachable when
        the node is down."""
        return await self._call("GET", "/healthz", None, api.Health, auth=False)

    # -- plumbing ---------------------------------------------------------------------------

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout_s)
            )
        return self._session

    async def _call(
        self,
        method: str,
        path: str,
        body: msgspec.Struct | None,
        response: type[T],
        *,
        auth: bool = True,
        query: dict[str, str] | None = None,
        idempotent: bool = False,
    ) -> T:
        raw = await self._request(
            method, path, body, auth=auth, query=query, idempotent=idempotent or method == "GET"
        )
        try:
            return msgspec.json.decode(raw, type=response)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise ApiError(ErrorCode.INTERNAL, f"unexpected reply to {method} {path}") from exc

    async def _request(
        self,
        method: str,
        path: str,
        body: msgspec.Struct | None,
        *,
        auth: bool = True,
        query: dict[str, str] | None = None,
        idempotent: bool = False,
    ) -> bytes:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if auth:
            if not self.token:
                raise ApiError(ErrorCode.UNAUTHENTICATED)
            headers["Authorization"] = f"Bearer {self.token}"
        data = _encoder.encode(body) if body is not None else None
        # A kept-alive connection the server closed (it restarted) fails at once; a request
        # that is safe to repeat gets one more try on a fresh connection.
        attempts = 2 if idempotent else 1
        for attempt in range(attempts):
            try:
                async with self._client().request(
                    method, self.base_url + path, data=data, headers=headers, params=query
                ) as reply:
                    raw = await reply.read()
                    status = reply.status
                break
            except TimeoutError as exc:
                raise PigeonTimeoutError(
                    f"{method} {path}: no answer in {self.timeout_s}s"
                ) from exc
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as exc:
                if attempt + 1 < attempts:
                    continue
                raise ServerUnreachable(self.base_url, type(exc).__name__) from exc
            except aiohttp.ClientError as exc:
                raise ServerUnreachable(self.base_url, type(exc).__name__) from exc
        if status >= 400:
            raise _api_error(status, raw)
        return raw


def _conv(conv: str) -> str:
    return f"/v1/conversations/{quote(conv, safe='')}"


def _api_error(status: int, raw: bytes) -> ApiError:
    try:
        err = _error_decoder.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError):
        # Not one of ours (a proxy's error page): keep the status's meaning, hide the body.
        # A proxy's 502 or 504 says the gateway behind it died or stalled mid-request: the
        # request may or may not have been carried out, and may succeed on another gateway.
        by_status = {
            400: ErrorCode.BAD_REQUEST,
            401: ErrorCode.UNAUTHENTICATED,
            403: ErrorCode.FORBIDDEN,
            404: ErrorCode.NOT_FOUND,
            409: ErrorCode.CONFLICT,
            413: ErrorCode.TOO_LARGE,
            429: ErrorCode.RATE_LIMITED,
            502: ErrorCode.UNAVAILABLE,
            503: ErrorCode.BUSY,
            504: ErrorCode.UNAVAILABLE,
        }
        return ApiError(by_status.get(status, ErrorCode.INTERNAL), f"HTTP {status}")
    return ApiError(code_of(err.code), err.message, err.retry_after_ms)
