"""The HTTP adapter: JSON bodies in and out, errors as ``{"code", "message"}`` with the status of
their :class:`~pigeon.errors.ErrorCode`. Routes and bodies are declared in
:mod:`pigeon.core.http_api`; this module only binds them to the service.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any, TypeVar

import msgspec
from aiohttp import hdrs, web
from aiohttp.typedefs import Middleware

from pigeon.application.limiters import Limiters
from pigeon.application.service import Service
from pigeon.core import http_api as api
from pigeon.core import limits, origins, shedding
from pigeon.core.notifications import is_subscription_id
from pigeon.core.records import AppendResult, Device, EventKind, is_conv_id, is_handle
from pigeon.core.webhooks import is_webhook_id
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited, StoreUnavailable
from pigeon.ops.logging import bind
from pigeon.ops.metrics import CLIENT_CLOSED, Metrics

log = logging.getLogger(__name__)

B = TypeVar("B", bound=msgspec.Struct)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_encoder = msgspec.json.Encoder()
_decoders: dict[type, msgspec.json.Decoder[Any]] = {}


def json_response(
    body: object, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    return web.Response(
        body=_encoder.encode(body), status=status, headers=headers, content_type="application/json"
    )


# Where the answer leaves its error code for the middleware's metrics.
_ERROR_KEY = web.RequestKey("pigeon_error_code", ErrorCode)
# Set when the client left before its request was answered (nginx's 499 in the counters).
_CLIENT_CLOSED_KEY = web.RequestKey("pigeon_client_closed", bool)
CLIENT_CLOSED_STATUS = 499


def error_parts(exc: ProtocolViolation) -> tuple[api.ErrorResponse, dict[str, str]]:
    """The JSON body every refusal carries, and its Retry-After header when it has one (an
    HTTP answer here, a refused WebSocket upgrade in :mod:`pigeon.transport.ws`)."""
    retry = exc.retry_after_ms if isinstance(exc, RateLimited) else None
    headers = {"Retry-After": str(max(1, -(-retry // 1000)))} if retry is not None else {}
    body = api.ErrorResponse(code=exc.code.value, message=exc.message, retry_after_ms=retry)
    return body, headers


def error_response(exc: ProtocolViolation) -> web.Response:
    body, headers = error_parts(exc)
    return json_response(body, exc.code.status, headers or None)


def errors_middleware(
    metrics: Metrics, draining: Callable[[], bool], *, body_timeout_s: float
) -> Middleware:
    """Every failure becomes a documented error body; unknown ones are logged, never shown.
    Counts every request by route and status, and refuses writes while the node drains.
    A body that does not arrive in full within ``body_timeout_s`` is refused."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        started = time.perf_counter()
        bind(request=secrets.token_hex(6))  # every log line of this request's work names it
        response = await _answer(request, handler, draining, body_timeout_s, metrics)
        info = request.match_info.route.resource
        route = info.canonical if info is not None else "unmatched"
        if response.status != HTTPStatus.SWITCHING_PROTOCOLS:
            # A 101 here is an upgrade handed over to picows, which counts every one (D63).
            metrics.http_requests.labels(route, request.method, str(response.status)).inc()
        code: ErrorCode | None = request.get(_ERROR_KEY)
        if request.get(_CLIENT_CLOSED_KEY):
            metrics.errors.labels(CLIENT_CLOSED, "http").inc()
        elif code is not None:
            metrics.errors.labels(code.value, "http").inc()
            if code is ErrorCode.UNAVAILABLE:
                metrics.store_errors.inc()
        elif (
            response.status == 200
            and route.endswith(("/messages", "/edit", "/delete"))
            and (request.method == "POST")
        ):
            metrics.send_latency.labels("http").observe(time.perf_counter() - started)
        return response

    return middleware


def host_and_origin_middleware(
    allowed_hosts: frozenset[str], allowed_origins: frozenset[str], ws_path: str
) -> Middleware:
    """Refuses a ``Host`` this node does not answer for (``misdirected``: DNS rebinding) and a
    WebSocket upgrade at ``ws_path`` from another site's page (``forbidden``); see
    :mod:`pigeon.core.origins`. Goes inside :func:`errors_middleware`, which answers them."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        host = request.headers.get(hdrs.HOST)
        if not origins.host_allowed(host, allowed_hosts):
            raise ProtocolViolation(ErrorCode.MISDIRECTED, detail=f"Host {host!r}")
        origin = request.headers.get(hdrs.ORIGIN)
        if request.path == ws_path and not origins.origin_allowed(origin, host, allowed_origins):
            raise ProtocolViolation(ErrorCode.FORBIDDEN, detail=f"Origin {origin!r}")
        return await handler(request)

    return middleware


# The web client loads only its own scripts and styles and talks only to its own node; nothing
# may frame it (clickjacking). JSON answers get the same policy: they are never documents.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers without CSP level 2
    "Referrer-Policy": "no-referrer",
}


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """``on_response_prepare``: every answer, error pages and static files included, carries
    SECURITY_HEADERS; API answers (tokens, messages) are never stored by a cache."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith("/v1/"):
        response.headers[hdrs.CACHE_CONTROL] = "no-store"


async def _answer(
    request: web.Request,
    handler: Handler,
    draining: Callable[[], bool],
    body_timeout_s: float,
    metrics: Metrics,
) -> web.StreamResponse:
    try:
        if draining() and request.method != "GET":
            raise RateLimited(1000, ErrorCode.BUSY)
        if request.body_exists:
            # aiohttp sets no deadline on a body: a client trickling it would hold the
            # connection forever. Read it whole here (aiohttp keeps it for the handler).
            try:
                async with asyncio.timeout(body_timeout_s):
                    await request.read()
            except TimeoutError:
                metrics.request_timeouts.labels("body").inc()
                raise ProtocolViolation(
                    ErrorCode.BAD_REQUEST,
                    "the request body did not arrive in time",
                    detail="body_timeout",
                ) from None
        return await handler(request)
    except ProtocolViolation as exc:
        if exc.detail:
            log.info(
                "refused",
                extra={"path": request.path, "code": exc.code.value, "detail": exc.detail},
            )
        refusal = exc
    except StoreUnavailable as exc:
        log.warning("store unavailable", extra={"path": request.path, "error": str(exc)})
        refusal = ProtocolViolation(ErrorCode.UNAVAILABLE)
    except web.HTTPRequestEntityTooLarge:
        refusal = ProtocolViolation(ErrorCode.TOO_LARGE)
    except web.HTTPNotFound:
        refusal = ProtocolViolation(ErrorCode.NOT_FOUND)
    except web.HTTPMethodNotAllowed:
        refusal = ProtocolViolation(ErrorCode.UNKNOWN_TYPE)
    except web.HTTPException:
        raise
    except ConnectionResetError:
        # The client left mid-request (mid-body, usually): its doing, not a server error, so
        # no traceback, no `internal`, and nothing to answer (docs/OPERATIONS.md).
        log.info("client closed the connection", extra={"path": request.path})
        request[_CLIENT_CLOSED_KEY] = True
        return web.Response(status=CLIENT_CLOSED_STATUS, reason="Client Closed Request")
    except Exception:
        log.exception("internal error", extra={"path": request.path})
        refusal = ProtocolViolation(ErrorCode.INTERNAL)
    request[_ERROR_KEY] = refusal.code
    return error_response(refusal)


async def read_body(request: web.Request, kind: type[B]) -> B:
    data = await request.read()
    decoder = _decoders.get(kind)
    if decoder is None:
        decoder = _decoders[kind] = msgspec.json.Decoder(kind)
    try:
        body: B = decoder.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeError) as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=repr(exc)) from exc
    return body


def client_address(request: web.Request, trusted_proxies: frozenset[str]) -> str:
    """Who is asking: the peer, or the address a trusted proxy says it forwarded for
    (the last of X-Forwarded-For: the one the proxy itself appended)."""
    return forwarded_client(
        request.remote or "unknown",
        request.headers.getall(hdrs.X_FORWARDED_FOR, []),
        trusted_proxies,
    )


def forwarded_client(peer: str, forwarded: list[str], trusted_proxies: frozenset[str]) -> str:
    """:func:`client_address` from the peer and its X-Forwarded-For headers."""
    if peer in trusted_proxies:
        last = forwarded[-1].rsplit(",", 1)[-1].strip() if forwarded else ""
        if last:
            return last
    return peer


# The user whose per-user limits a request holds (set once it is authenticated).
_LIMITED_USER_KEY = web.RequestKey("pigeon_limited_user", str)
# Not limited per request: the operator's routes (which must work under load) and the
# WebSocket upgrade (its frames are the requests; connections have their own caps, D26).
_UNLIMITED_PREFIXES = ("/v1/admin/", "/v1/ws")


def limiters_middleware(limiters: Limiters, trusted_proxies: frozenset[str]) -> Middleware:
    """Stripe's four limiters (D53) for the API's routes: the client network's rate and the
    shedders before the handler runs, the user's rate and concurrency once it has
    authenticated the request (HttpApi._device). Goes inside :func:`errors_middleware`."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        path = request.path
        if not path.startswith("/v1/") or path.startswith(_UNLIMITED_PREFIXES):
            return await handler(request)
        network = limits.client_network(client_address(request, trusted_proxies))
        limiters.admit(shedding.http_priority(request.method, path), user="", network=network)
        try:
            return await handler(request)
        finally:
            limiters.release(request.get(_LIMITED_USER_KEY, ""))

    return middleware


def bearer_token(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def int_param(request: web.Request, spec: api.IntParam) -> int | None:
    """The integer named by ``spec`` in the query or the path, within its bounds (else
    ``bad_request``); its default when absent."""
    name = spec.name
    raw = request.query.get(name) if name in request.query else request.match_info.get(name)
    if raw is None:
        return spec.default
    return limits.parse_decimal(raw, name=name, low=spec.low, high=spec.high)


def text_param(request: web.Request, spec: api.TextParam) -> str | None:
    """The query's text named by ``spec``, of its length and pattern (else ``bad_request``);
    None when absent."""
    raw = request.query.get(spec.name)
    if raw is None:
        return None
    if (
        not raw
        or len(raw) > spec.max_length
        or (spec.pattern is not None and re.fullmatch(spec.pattern, raw) is None)
    ):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{spec.name} is malformed")
    return raw


def _ack(result: AppendResult) -> web.Response:
    return json_response(
        api.AckResponse(
            conv=result.conv,
            seq=result.seq,
            ts=result.ts,
            client_msg_id=result.client_msg_id,
            duplicate=result.duplicate,
        )
    )


class HttpApi:
    def __init__(self, service: Service) -> None:
        self.service = service

    def client_address(self, request: web.Request) -> str:
        return client_address(request, self.service.config.trusted_proxy_set)

    async def _device(self, request: web.Request) -> Device:
        device = await self.service.authenticate(bearer_token(request))
        # The per-user limiters (D53), once per request: limiters_middleware releases it.
        self.service.limiters.admit_user(device.handle)
        request[_LIMITED_USER_KEY] = device.handle
        return device

    def _conv(self, request: web.Request) -> str:
        conv = request.match_info["conv"]
        if not is_conv_id(conv):
            raise ProtocolViolation(ErrorCode.NOT_FOUND)
        return conv

    def _webhook(self, request: web.Request) -> str:
        webhook = request.match_info["webhook"]
        if not is_webhook_id(webhook):
            raise ProtocolViolation(ErrorCode.NOT_FOUND)
        return webhook

    def _subscription(self, request: web.Request) -> str:
        subscription = request.match_info["subscription"]
        if not is_subscription_id(subscription):
            raise ProtocolViolation(ErrorCode.NOT_FOUND)
        return subscription

    def _handle(self, request: web.Request) -> str:
        handle = request.match_info["handle"]
        if not is_handle(handle):  # the same rule as a handle in a body
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="malformed handle in path")
        return handle

    def add_routes(self, app: web.Application) -> None:
        r = app.router
        r.add_post("/v1/register", self.register)
        r.add_post("/v1/login", self.login)
        r.add_post("/v1/logout", self.logout)
        r.add_get("/v1/conversations", self.conversations)
        r.add_post("/v1/conversations/direct", self.direct)
        r.add_post("/v1/conversations/group", self.group)
        r.add_post("/v1/conversations/{conv}/members", self.add_member)
        r.add_delete("/v1/conversations/{conv}/members/{handle}", self.remove_member)
        r.add_post("/v1/conversations/{conv}/messages", self.send)
        r.add_get("/v1/conversations/{conv}/messages", self.history)
        r.add_post("/v1/conversations/{conv}/messages/{seq}/edit", self.edit)
        r.add_post("/v1/conversations/{conv}/messages/{seq}/delete", self.delete)
        r.add_post("/v1/conversations/{conv}/read", self.read)
        r.add_post("/v1/blocks", self.block)
        r.add_get("/v1/blocks", self.blocks)
        r.add_delete("/v1/blocks/{handle}", self.unblock)
        r.add_get("/v1/limits", self.limits)
        r.add_post("/v1/webhooks", self.create_webhook)
        r.add_get("/v1/webhooks", self.list_webhooks)
        r.add_delete("/v1/webhooks/{webhook}", self.delete_webhook)
        r.add_post("/v1/webhooks/{webhook}/rotate-secret", self.rotate_webhook_secret)
        r.add_get("/v1/push/key", self.push_key)
        r.add_post("/v1/push/subscriptions", self.create_push_subscription)
        r.add_get("/v1/push/subscriptions", self.list_push_subscriptions)
        r.add_delete("/v1/push/subscriptions/{subscription}", self.delete_push_subscription)

    async def register(self, request: web.Request) -> web.Response:
        body = await read_body(request, api.RegisterRequest)
        await self.service.register(body, self.client_address(request))
        return json_response(api.RegisterResponse(handle=body.handle), api.REGISTER.status)

    async def login(self, request: web.Request) -> web.Response:
        body = await read_body(request, api.LoginRequest)
        return json_response(await self.service.login(body, self.client_address(request)))

    async def logout(self, request: web.Request) -> web.Response:
        await self._device(request)
        token = bearer_token(request)
        assert token is not None
        await self.service.logout(token)
        return web.Response(status=api.LOGOUT.status)

    async def conversations(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        epoch = self.service.check_epoch(text_param(request, api.EPOCH))
        limit = int_param(request, api.CONVERSATIONS_LIMIT)
        assert limit is not None  # it has a default
        page = await self.service.conversations(
            device.handle, after=text_param(request, api.CONVERSATIONS_CURSOR), limit=limit
        )
        return json_response(
            api.ConversationListResponse(
                conversations=page.conversations, epoch=epoch, next_cursor=page.next_cursor
            )
        )

    async def direct(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        body = await read_body(request, api.DirectRequest)
        conv, created = await self.service.create_direct(device.handle, body.peer)
        status = api.DIRECT.status if created else api.DIRECT.also[0]
        return json_response(api.ConversationCreated(conv=conv, created=created), status)

    async def group(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        body = await read_body(request, api.GroupRequest)
        conv = await self.service.create_group(device.handle, body.title, body.members)
        return json_response(api.ConversationCreated(conv=conv, created=True), api.GROUP.status)

    async def add_member(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        conv = self._conv(request)
        body = await read_body(request, api.MemberRequest)
        appended = await self.service.change_member(device.handle, conv, body.handle, adding=True)
        return _ack(appended.result)

    async def remove_member(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        conv = self._conv(request)
        handle = self._handle(request)
        appended = await self.service.change_member(device.handle, conv, handle, adding=False)
        return _ack(appended.result)

    async def send(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        conv = self._conv(request)
        body = await read_body(request, api.SendRequest)
        result = await self.service.append(
            device.handle,
            conv,
            EventKind.MESSAGE,
            client_msg_id=body.client_msg_id,
            body=body.body,
            meta=body.meta,
        )
        return _ack(result)

    async def edit(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        conv = self._conv(request)
        seq = int_param(request, api.TARGET_SEQ)
        body = await read_body(request, api.EditRequest)
        result = await self.service.append(
            device.handle,
            conv,
            EventKind.EDIT,
            client_msg_id=body.client_msg_id,
            body=body.body,
            target_seq=seq,
        )
        return _ack(result)

    async def delete(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        conv = self._conv(request)
        seq = int_param(request, api.TARGET_SEQ)
        body = await read_body(request, api.DeleteRequest)
        result = await self.service.append(
            device.handle, conv, EventKind.DELETE, client_msg_id=body.client_msg_id, target_seq=seq
        )
        return _ack(result)

    async def history(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        conv = self._conv(request)
        epoch = self.service.check_epoch(text_param(request, api.EPOCH))
        limit = int_param(request, api.HISTORY_LIMIT)
        assert limit is not None  # it has a default
        page = await self.service.history(
            device.handle,
            conv,
            after=int_param(request, api.HISTORY_AFTER),
            before=int_param(request, api.HISTORY_BEFORE),
            limit=limit,
        )
        return json_response(
            api.PageResponse(
                conv=conv, events=page.events, more=page.more, last_seq=page.last_seq, epoch=epoch
            )
        )

    async def read(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        conv = self._conv(request)
        body = await read_body(request, api.ReadRequest)
        position = await self.service.mark_read(device.handle, conv, body.seq)
        return json_response(api.ReadResponse(conv=conv, read_seq=position))

    async def block(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        body = await read_body(request, api.BlockRequest)
        await self.service.block(device.handle, body.handle)
        return web.Response(status=204)

    async def blocks(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        return json_response(api.BlocksResponse(blocks=await self.service.blocks(device.handle)))

    async def unblock(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        await self.service.unblock(device.handle, self._handle(request))
        return web.Response(status=204)

    async def create_webhook(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        body = await read_body(request, api.WebhookRequest)
        created = await self.service.create_webhook(device.handle, body.url, body.conv)
        return json_response(created, api.WEBHOOK_CREATE.status)

    async def list_webhooks(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        return json_response(await self.service.webhooks(device.handle))

    async def delete_webhook(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        await self.service.delete_webhook(device.handle, self._webhook(request))
        return web.Response(status=204)

    async def limits(self, request: web.Request) -> web.Response:
        return json_response(self.service.limits())

    async def push_key(self, request: web.Request) -> web.Response:
        return json_response(self.service.push_key())

    async def create_push_subscription(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        body = await read_body(request, api.PushSubscriptionRequest)
        created = await self.service.create_push_subscription(device, body)
        return json_response(created, api.PUSH_SUBSCRIBE.status)

    async def list_push_subscriptions(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        return json_response(await self.service.push_subscriptions(device.handle))

    async def delete_push_subscription(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        await self.service.delete_push_subscription(device.handle, self._subscription(request))
        return web.Response(status=204)

    async def rotate_webhook_secret(self, request: web.Request) -> web.Response:
        device = await self._device(request)
        webhook = self._webhook(request)
        previous_valid_s = int_param(request, api.PREVIOUS_SECRET_S)
        assert previous_valid_s is not None  # it has a default
        rotated = await self.service.rotate_webhook_secret(
            device.handle, webhook, previous_valid_s=previous_valid_s
        )
        return json_response(rotated)
