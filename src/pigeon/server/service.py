"""The operations of Pigeon, shared by the HTTP and WebSocket transports.

Each method authenticates nothing itself: the transport resolves the token to a user first
(:meth:`Service.authenticate`) and passes the user in. Rules live in the core and in the
store's transactions; this layer adds what needs the server's clock and resources: rate
limits, password hashing, token minting.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import argon2

from pigeon.core import limits
from pigeon.core.http_api import LoginRequest, LoginResponse, RegisterRequest
from pigeon.core.records import (
    AppendResult,
    ConversationSummary,
    Device,
    EventKind,
    MessageMeta,
)
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited
from pigeon.server.config import Config
from pigeon.server.hub import Hub
from pigeon.server.metrics import Metrics
from pigeon.store.base import Appended, LogPage, Store


def hash_token(token: str) -> bytes:
    """Tokens are 256 random bits, so a fast hash is enough to make a stolen table useless."""
    return hashlib.sha256(token.encode()).digest()


# Told a token's hash and a goodbye reason when the token dies before its expiry (logout), so
# the live sessions it opened end too. The service tells; whoever holds sessions listens: on one
# node the WebSocket endpoint, on a cluster a bus message that reaches every node's endpoint.
TokenRevokedListener = Callable[[bytes, str], object]


class Service:
    def __init__(
        self,
        config: Config,
        store: Store,
        hub: Hub,
        metrics: Metrics,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ) -> None:
        self.config = config
        self.store = store
        self.hub = hub
        self.metrics = metrics
        self.draining = False  # set when the node drains: writes are refused with busy
        self.on_token_revoked: TokenRevokedListener | None = None
        self._monotonic = monotonic
        self._wall_ms = wall_ms
        self._send_buckets = limits.BucketTable(
            rate_per_s=config.send_rate_per_s, burst=config.send_burst
        )  # every write a user makes to a log: sends, edits, deletes, conversations, members
        self._typing_buckets = limits.BucketTable(rate_per_s=2.0, burst=5.0)
        self._login_buckets = limits.BucketTable(
            rate_per_s=config.login_rate_per_min / 60.0, burst=max(1.0, config.login_rate_per_min)
        )
        self._hasher = argon2.PasswordHasher(
            time_cost=config.argon2_time_cost, memory_cost=config.argon2_memory_kib, parallelism=1
        )
        # Hashing is CPU- and memory-hard on purpose: bound how many run at once, and how many
        # wait, so a login storm cannot take the event loop's CPU or the machine's memory.
        self._hash_pool = ThreadPoolExecutor(2, thread_name_prefix="pigeon-argon2")
        self._hash_slots = asyncio.Semaphore(64)
        # A fixed hash to verify against for unknown handles, so timing does not tell whether
        # a handle exists.
        self._dummy_hash = self._hasher.hash(secrets.token_hex(16))
        self._reserved_handles = config.reserved_handle_set

    def close(self) -> None:
        self._hash_pool.shutdown(wait=False, cancel_futures=True)

    def _limit(self, table: limits.BucketTable, name: str, *keys: str) -> None:
        now = self._monotonic()
        try:
            for key in keys:
                table.take_or_raise(key, now)
        except RateLimited:
            self.metrics.rate_limited.labels(name).inc()
            raise

    # -- accounts ---------------------------------------------------------------------------

    async def _run_hasher(self, fn: Callable[[], object]) -> object:
        if self._hash_slots.locked():
            raise RateLimited(1000, ErrorCode.BUSY)
        async with self._hash_slots:
            return await asyncio.get_running_loop().run_in_executor(self._hash_pool, fn)

    async def register(self, req: RegisterRequest, client: str) -> None:
        self._limit(self._login_buckets, "login", client)
        limits.check_handle_free(req.handle, self._reserved_handles)
        limits.check_text(req.password)
        password_hash = await self._run_hasher(lambda: self._hasher.hash(req.password))
        assert isinstance(password_hash, str)
        await self.store.create_account(req.handle, password_hash, self._wall_ms())

    async def login(self, req: LoginRequest, client: str) -> LoginResponse:
        self._limit(self._login_buckets, "login", client, "handle:" + req.handle)
        found = await self.store.password_hash(req.handle)
        stored = found[0] if found is not None else self._dummy_hash

        def verify() -> bool:
            try:
                return bool(self._hasher.verify(stored, req.password))
            except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
                return False

        ok = await self._run_hasher(verify)
        if not ok or found is None:
            raise ProtocolViolation(ErrorCode.UNAUTHENTICATED, "wrong handle or password")
        if found[1].disabled:  # told only to someone who knows the password
            raise ProtocolViolation(ErrorCode.ACCOUNT_DISABLED)
        token = secrets.token_urlsafe(32)
        now_ms = self._wall_ms()
        expires = now_ms + self.config.token_ttl_s * 1000
        await self.store.create_token(hash_token(token), req.handle, req.device, now_ms, expires)
        return LoginResponse(
            token=token, handle=req.handle, device=req.device, expires_at_ms=expires
        )

    async def logout(self, token: str) -> None:
        """Revoke the token, then end every live session it opened with goodbye logged_out."""
        token_hash = hash_token(token)
        await self.store.revoke_token(token_hash)
        if self.on_token_revoked is not None:
            self.on_token_revoked(token_hash, "logged_out")

    async def authenticate(self, token: str | None) -> Device:
        if not token:
            raise ProtocolViolation(ErrorCode.UNAUTHENTICATED)
        device = await self.store.device_for_token(hash_token(token), self._wall_ms())
        if device is None:
            raise ProtocolViolation(ErrorCode.UNAUTHENTICATED)
        if device.disabled:
            raise ProtocolViolation(ErrorCode.ACCOUNT_DISABLED)
        return device

    # -- conversations ----------------------------------------------------------------------

    async def create_direct(self, user: str, peer: str) -> tuple[str, bool]:
        self._limit(self._send_buckets, "send", user)
        appended, created = await self.store.create_direct(user, peer, self._wall_ms())
        return appended.result.conv, created

    async def create_group(self, user: str, title: str, members: list[str]) -> str:
        limits.check_text(title)
        self._limit(self._send_buckets, "send", user)
        appended = await self.store.create_group(user, title, members, self._wall_ms())
        return appended.result.conv

    async def change_member(self, user: str, conv: str, target: str, *, adding: bool) -> Appended:
        self._limit(self._send_buckets, "send", user)
        return await self.store.change_member(
            user, conv, target, adding=adding, now_ms=self._wall_ms()
        )

    async def conversations(self, user: str) -> list[ConversationSummary]:
        return await self.store.conversations(user)

    # -- the log ----------------------------------------------------------------------------

    async def append(
        self,
        user: str,
        conv: str,
        kind: EventKind,
        *,
        client_msg_id: str,
        body: str | None = None,
        meta: MessageMeta | None = None,
        target_seq: int | None = None,
    ) -> AppendResult:
        """Send (kind message), edit or delete. Returns once durable (G1)."""
        if body is not None:
            limits.check_body(body, meta, max_body_bytes=self.config.max_body_bytes)
        self._limit(self._send_buckets, "send", user)
        appended = await self.store.append(
            user,
            conv,
            kind,
            client_msg_id=client_msg_id,
            body=body,
            meta=meta,
            target_seq=target_seq,
            now_ms=self._wall_ms(),
        )
        return appended.result

    async def history(
        self, user: str, conv: str, *, after: int | None, before: int | None, limit: int
    ) -> LogPage:
        return await self.store.read_page(user, conv, after=after, before=before, limit=limit)

    async def mark_read(self, user: str, conv: str, seq: int) -> int:
        return await self.store.mark_read(user, conv, seq)

    def typing(self, user: str, conv: str) -> None:
        """Ephemeral; silently dropped when too frequent (it is only a hint)."""
        try:
            self._typing_buckets.take_or_raise(f"{user}\x00{conv}", self._monotonic())
        except RateLimited:
            return
        self.hub.publish_typing(conv, user)
