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
from urllib.parse import quote

import aiohttp
import msgspec

from pigeon.core import http_api as api
from pigeon.core.records import ConversationSummary, MessageMeta
from pigeon.errors import ErrorCode, PigeonTimeoutError
from pigeon.sdk.errors import ApiError, ServerUnreachable, code_of

T = TypeVar("T")

_encoder = msgspec.json.Encoder()
_error_decoder = msgspec.json.Decoder(api.ErrorResponse)


def new_client_msg_id() -> str:
    """A fresh client message id: 128 random bits, as 32 hex digits."""
    return uuid.uuid4().hex


class HttpClient:
    """Pigeon's HTTP API. Set ``token`` (or pass it) before calling authenticated routes.

    Use it as an async context manager, or call :meth:`aclose` when done.
    """

    def __init__(self, base_url: str, token: str | None = None, *, timeout_s: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
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
        if self._session is not None:
            await self._session.close()
            self._session = None

    # -- accounts ---------------------------------------------------------------------------

    async def register(self, handle: str, password: str) -> api.RegisterResponse:
        body = api.RegisterRequest(handle=handle, password=password)
        return await self._call("POST", "/v1/register", body, api.RegisterResponse, auth=False)

    async def login(
        self, handle: str, password: str, device: str = "default", device_key: str | None = None
    ) -> api.LoginResponse:
        """Log in; returns a token for this device (it does not set :attr:`token` itself).
        Keep the reply's ``device_key`` and pass it at this device's next login: a known
        device is not locked out by someone else's failed logins to the handle."""
        body = api.LoginRequest(
            handle=handle, password=password, device=device, device_key=device_key
        )
        return await self._call("POST", "/v1/login", body, api.LoginResponse, auth=False)

    async def logout(self) -> None:
        """Revoke this client's token."""
        await self._request("POST", "/v1/logout", None)

    # -- conversations ----------------------------------------------------------------------

    async def conversations(
        self, *, cursor: str | None = None, limit: int | None = None, epoch: str | None = None
    ) -> api.ConversationListResponse:
        """One page of my conversations, in id order: pass the page's ``next_cursor`` as
        ``cursor`` for the next. :meth:`all_conversations` fetches every page."""
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
        """Every conversation of mine, page by page. Raises resync_required if the store
        is restored from a backup meanwhile: the pages would be from two histories."""
        page = await self.conversations(limit=api.CONVERSATIONS_LIMIT.high)
        rows = list(page.conversations)
        while page.next_cursor is not None:
            page = await self.conversations(
                cursor=page.next_cursor, limit=api.CONVERSATIONS_LIMIT.high, epoch=page.epoch
            )
            rows.extend(page.conversations)
        return rows

    async def direct(self, peer: str) -> api.ConversationCreated:
        """Open the direct conversation with ``peer`` (idempotent: ``created`` says if new)."""
        body = api.DirectRequest(peer=peer)
        path = "/v1/conversations/direct"
        return await self._call("POST", path, body, api.ConversationCreated, idempotent=True)

    async def group(self, title: str, members: list[str] | None = None) -> api.ConversationCreated:
        body = api.GroupRequest(title=title, members=list(members or []))
        return await self._call("POST", "/v1/conversations/group", body, api.ConversationCreated)

    async def add_member(self, conv: str, handle: str) -> api.AckResponse:
        body = api.MemberRequest(handle=handle)
        return await self._call("POST", f"{_conv(conv)}/members", body, api.AckResponse)

    async def remove_member(self, conv: str, handle: str) -> api.AckResponse:
        """Remove ``handle`` (owners), or leave when it is my own handle."""
        path = f"{_conv(conv)}/members/{quote(handle, safe='')}"
        return await self._call("DELETE", path, None, api.AckResponse)

    # -- blocks -----------------------------------------------------------------------------

    async def block(self, handle: str) -> None:
        """Stop ``handle`` from adding me to groups or opening a direct conversation with me."""
        body = api.BlockRequest(handle=handle)
        await self._request("POST", "/v1/blocks", body, idempotent=True)

    async def unblock(self, handle: str) -> None:
        path = f"/v1/blocks/{quote(handle, safe='')}"
        await self._request("DELETE", path, None, idempotent=True)

    async def blocks(self) -> list[str]:
        """The handles I block, sorted."""
        return (await self._call("GET", "/v1/blocks", None, api.BlocksResponse)).blocks

    # -- the log ----------------------------------------------------------------------------

    async def send(
        self,
        conv: str,
        body: str,
        meta: MessageMeta | None = None,
        client_msg_id: str | None = None,
    ) -> api.AckResponse:
        """Send a message. Retrying with the same ``client_msg_id`` returns the original ack
        (``duplicate`` is then true), never a second message (G2)."""
        request = api.SendRequest(
            client_msg_id=client_msg_id or new_client_msg_id(), body=body, meta=meta
        )
        path = f"{_conv(conv)}/messages"
        return await self._call("POST", path, request, api.AckResponse, idempotent=True)

    async def edit(
        self, conv: str, seq: int, body: str, client_msg_id: str | None = None
    ) -> api.AckResponse:
        request = api.EditRequest(client_msg_id=client_msg_id or new_client_msg_id(), body=body)
        path = f"{_conv(conv)}/messages/{int(seq)}/edit"
        return await self._call("POST", path, request, api.AckResponse, idempotent=True)

    async def delete(
        self, conv: str, seq: int, client_msg_id: str | None = None
    ) -> api.AckResponse:
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
        store was restored from a backup since, this raises resync_required instead of paging
        on through another history."""
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
        """Move my read position forward to ``seq`` (it never moves back)."""
        body = api.ReadRequest(seq=seq)
        path = f"{_conv(conv)}/read"
        return await self._call("POST", path, body, api.ReadResponse, idempotent=True)

    async def health(self) -> api.Health:
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
        by_status = {
            400: ErrorCode.BAD_REQUEST,
            401: ErrorCode.UNAUTHENTICATED,
            403: ErrorCode.FORBIDDEN,
            404: ErrorCode.NOT_FOUND,
            409: ErrorCode.CONFLICT,
            413: ErrorCode.TOO_LARGE,
            429: ErrorCode.RATE_LIMITED,
            503: ErrorCode.BUSY,
        }
        return ApiError(by_status.get(status, ErrorCode.INTERNAL), f"HTTP {status}")
    return ApiError(code_of(err.code), err.message, err.retry_after_ms)
