"""The operations of Pigeon, shared by the HTTP and WebSocket transports.

Each method authenticates nothing itself: the transport resolves the token to a user first
(:meth:`Service.authenticate`) and passes the user in. Rules live in the core and in the
store's transactions; this layer adds what needs the server's clock and resources: rate
limits, password hashing, token minting, and the hello (:meth:`Service.resume`), whose order
of subscribe and read G4 rests on. Transports reach the store only through this class.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

import argon2

from pigeon.application.control import goodbye_for
from pigeon.application.hub import Hub, Listener
from pigeon.application.limiters import Limiters
from pigeon.application.presence import Presence
from pigeon.config import Config
from pigeon.core import limits, notifications, sequencing, webhooks
from pigeon.core.conversation import MAX_GROUP_MEMBERS, MAX_TITLE_CHARS
from pigeon.core.frames import Hello, Welcome
from pigeon.core.http_api import (
    AdminDeliveries,
    DeliveryInfo,
    LimitsResponse,
    LoginRequest,
    LoginResponse,
    PushKeyResponse,
    PushSubscriptionList,
    PushSubscriptionRequest,
    PushSubscriptionResponse,
    RegisterRequest,
    WebhookList,
    WebhookResponse,
)
from pigeon.core.records import (
    AppendResult,
    Device,
    EventKind,
    MessageMeta,
)
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited
from pigeon.ops.metrics import Metrics
from pigeon.store.base import (
    Appended,
    ConversationPage,
    Delivery,
    DeliveryState,
    LogPage,
    PushSubscription,
    Store,
    Webhook,
)


def hash_token(token: str) -> bytes:
    """Tokens are 256 random bits, so a fast hash is enough to make a stolen table useless."""
    return hashlib.sha256(token.encode()).digest()


# Told a token's hash and a goodbye reason when the token dies before its expiry (logout), so
# the live sessions it opened end too. The service tells; whoever holds sessions listens: on one
# node the WebSocket endpoint, on a cluster a bus message that reaches every node's endpoint.
TokenRevokedListener = Callable[[bytes, str], object]


# How long a device over max_connections_per_user is told to wait: about the time in which
# a dead connection of the account is found by its missed pings and dropped.
ACCOUNT_CAP_RETRY_AFTER_MS = 30_000


class AccountCapReached(RateLimited):
    """A hello refused because the account has max_connections_per_user open already
    (counted under its own rate-limit label, not as a frame rate)."""

    def __init__(self) -> None:
        super().__init__(ACCOUNT_CAP_RETRY_AFTER_MS)


class Resuming(Listener, Protocol):
    """A connection saying hello, as the application layer sees it."""

    def identify(self, device: Device | None, token_hash: bytes) -> None:
        """Whose the connection is from now on; ``None`` when the hello failed after all."""


@dataclass(frozen=True, slots=True)
class Resumed:
    """A hello answered: the welcome to send, and when the token that opened it expires."""

    welcome: Welcome
    expires_at_ms: int


# Threads that hash passwords: each argon2id hash holds argon2_memory_kib (19 MiB by default).
HASH_THREADS = 2


class _HashJob:
    """A password hash waiting for, or running in, the hashing pool; its caller awaits result."""

    __slots__ = ("fn", "result")

    def __init__(self, result: asyncio.Future[object], fn: Callable[[], object]) -> None:
        self.result = result
        self.fn = fn


@dataclass(slots=True)
class _LeaseQueue:
    """One user's writes waiting for their send lease on this node."""

    turn: asyncio.Lock = field(default_factory=asyncio.Lock)  # FIFO: arrival order
    writes: int = 0  # writes of this user waiting or asking; at 0 the queue goes


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
        # Offline notifications (D50), set by the wiring: the VAPID public key, and where a
        # welcomed connection's user is made known to the cluster as online.
        self.push_public_key = ""
        self.presence: Presence | None = None
        self._monotonic = monotonic
        self._wall_ms = wall_ms
        # Stripe's four limiters (D53), which the transports check at each request's arrival.
        self.limiters = Limiters(
            config,
            metrics,
            write_delay_s=store.write_delay_s,
            monotonic=monotonic,
        )
        # Every write a user makes to a log (sends, edits, deletes, conversations, members),
        # from one bucket in the store that every gateway shares, taken in leases (D42).
        self._send_leases = limits.LeaseTable(
            rate_per_s=config.send_rate_per_s, burst=config.send_burst
        )
        # By user: their writes waiting for a lease, in arrival order, while one asks the store.
        self._lease_queues: dict[str, _LeaseQueue] = {}
        # Per node: typing is never stored, and this bucket bounds this node's fan-out (D42).
        self._typing_buckets = limits.BucketTable(rate_per_s=2.0, burst=5.0)
        # Attempts per client address (what stops a sprayer; per node, D42), and failures per
        # handle or per known device, in the store (so a sprayer cannot lock the real user
        # out: D19, nor get a handle's tries once per gateway: D42).
        self._login_rate_per_s = config.login_rate_per_min / 60.0
        self._login_burst = max(1.0, config.login_rate_per_min)
        self._login_buckets = limits.BucketTable(
            rate_per_s=self._login_rate_per_s, burst=self._login_burst
        )
        self._hasher = argon2.PasswordHasher(
            time_cost=config.argon2_time_cost, memory_cost=config.argon2_memory_kib, parallelism=1
        )
        # Hashing is CPU- and memory-hard on purpose: bound how many run at once, and how many
        # wait, so a login storm cannot take the event loop's CPU or the machine's memory; and
        # share the waiting room fairly between client networks, so one flood cannot take it.
        self._hash_pool = ThreadPoolExecutor(HASH_THREADS, thread_name_prefix="pigeon-argon2")
        self._hash_queue: limits.FairQueue[_HashJob] = limits.FairQueue(
            capacity=config.hash_queue_max, per_key=config.hash_queue_per_network
        )
        self._hashing = 0  # jobs running in the pool
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

    async def _limit_sends(self, user: str) -> None:
        """Take a token of the user's shared send bucket: from this node's lease when it holds
        one (no await, so the store is not asked per write), else a new lease from the store.
        A store that cannot answer refuses the write (unavailable), as the write would be.

        A user's writes take their tokens in arrival order: while one asks the store, the
        writes after it queue (FIFO), and a write arriving as the ask completes queues behind
        them rather than take a token first. Each write reaches the store's queue as soon as
        it has its token, so a connection's sends stay in the order sent (PROTOCOL.md, Order)."""
        leases = self._send_leases
        queue = self._lease_queues.get(user)
        if queue is None:
            if leases.take(user, self._monotonic()):
                return
            queue = self._lease_queues[user] = _LeaseQueue()
        queue.writes += 1
        try:
            # One ask per user at a time: concurrent writes asking too would each take a
            # lease, drain the bucket, and be refused while tokens sat in this node's lease.
            async with queue.turn:
                if leases.take(user, self._monotonic()):
                    return
                size = leases.want(user, self._monotonic())
                granted = await self.store.take_tokens(
                    "send:" + user,
                    size,
                    rate_per_s=leases.rate_per_s,
                    burst=leases.burst,
                )  # dated by the store's clock, not this gateway's (D42)
                if not granted:
                    self.metrics.rate_limited.labels("send").inc()
                    raise RateLimited(limits.retry_after_ms(leases.rate_per_s))
                leases.add(user, granted - 1, size, self._monotonic())  # one is this write's
        finally:
            queue.writes -= 1
            if queue.writes == 0:
                del self._lease_queues[user]

    async def _take_login_failure(self, key: str) -> None:
        """Count a login failure against ``key`` in the store, before the password is checked
        (D19): one store call per login, next to a hash that costs far more."""
        granted = await self.store.take_tokens(
            "login_failures:" + key,
            1,
            rate_per_s=self._login_rate_per_s,
            burst=self._login_burst,
        )
        if not granted:
            self.metrics.rate_limited.labels("login_failures").inc()
            raise RateLimited(limits.retry_after_ms(self._login_rate_per_s))

    async def _give_back_login_failure(self, key: str) -> None:
        await self.store.give_back_tokens("login_failures:" + key, 1, burst=self._login_burst)

    # -- accounts ---------------------------------------------------------------------------

    async def _run_hasher(self, fn: Callable[[], object], client: str) -> object:
        """Run ``fn`` in the hashing pool once its turn comes: turns go round-robin across
        client networks (limits.FairQueue). Raises busy when ``client``'s network holds its
        share of the queue already, or when the queue is full of fairer claims."""
        network = limits.client_network(client)
        job = _HashJob(asyncio.get_running_loop().create_future(), fn)
        try:
            evicted = self._hash_queue.push(network, job)
        except RateLimited:
            self.metrics.rate_limited.labels("hashing").inc()
            raise
        if evicted is not None:
            self.metrics.rate_limited.labels("hashing").inc()
            evicted.result.set_exception(RateLimited(1000, ErrorCode.BUSY))
        self._start_hashing()
        try:
            return await job.result
        finally:
            self._hash_queue.discard(network, job)  # gave up while waiting: free its place

    def _start_hashing(self) -> None:
        while self._hashing < HASH_THREADS:
            popped = self._hash_queue.pop()
            if popped is None:
                return
            network, job = popped
            if job.result.done():  # its caller is gone: skip the work
                self._hash_queue.done(network)
                continue
            self._hashing += 1
            running = asyncio.get_running_loop().run_in_executor(self._hash_pool, job.fn)
            running.add_done_callback(functools.partial(self._hash_done, network, job))

    def _hash_done(self, network: str, job: _HashJob, running: asyncio.Future[object]) -> None:
        self._hashing -= 1
        self._hash_queue.done(network)
        if not job.result.done():
            if running.cancelled():
                job.result.cancel()
            elif (exc := running.exception()) is not None:
                job.result.set_exception(exc)
            else:
                job.result.set_result(running.result())
        self._start_hashing()

    async def register(self, req: RegisterRequest, client: str) -> None:
        self._limit(self._login_buckets, "login", client)
        limits.check_handle_free(req.handle, self._reserved_handles)
        limits.check_text(req.password)
        password_hash = await self._run_hasher(lambda: self._hasher.hash(req.password), client)
        assert isinstance(password_hash, str)
        await self.store.create_account(req.handle, password_hash, self._wall_ms())

    async def login(self, req: LoginRequest, client: str) -> LoginResponse:
        """Attempts count per client address and failures per handle; for a login from a known
        device both count per device key instead, so nobody else's attempts or failures, from
        the same network or at the same handle, lock it out (D19)."""
        known_key_hash = None
        if req.device_key is not None:
            key_hash = hash_token(req.device_key)
            if await self.store.is_known_device(req.handle, key_hash):
                known_key_hash = key_hash
        if known_key_hash is not None:
            attempts = failures = "device:" + known_key_hash.hex()
        else:
            attempts, failures = client, "handle:" + req.handle
        self._limit(self._login_buckets, "login", attempts)
        # Taken before verifying, given back on success: concurrent wrong guesses cannot
        # overrun the limit while their hashes are still being checked.
        await self._take_login_failure(failures)
        try:
            found = await self.store.password_hash(req.handle)
            stored = found[0] if found is not None else self._dummy_hash

            def verify() -> bool:
                try:
                    return bool(self._hasher.verify(stored, req.password))
                except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
                    return False

            ok = await self._run_hasher(verify, client)
        except BaseException:  # busy, store down, cancelled: not a failed guess
            with contextlib.suppress(Exception):  # a store down cannot take it back either
                await asyncio.shield(self._give_back_login_failure(failures))
            raise
        if not ok or found is None:
            raise ProtocolViolation(ErrorCode.UNAUTHENTICATED, "wrong handle or password")
        await self._give_back_login_failure(failures)
        if found[1].disabled:  # told only to someone who knows the password
            raise ProtocolViolation(ErrorCode.ACCOUNT_DISABLED)
        token = secrets.token_urlsafe(32)
        # A known device keeps its key; any other gets a new one, to send at its next login.
        device_key = req.device_key if known_key_hash is not None else secrets.token_urlsafe(32)
        assert device_key is not None
        now_ms = self._wall_ms()
        expires = now_ms + self.config.token_ttl_s * 1000
        await self.store.create_token(hash_token(token), req.handle, req.device, now_ms, expires)
        await self.store.remember_device(hash_token(device_key), req.handle, req.device, now_ms)
        return LoginResponse(
            token=token,
            handle=req.handle,
            device=req.device,
            expires_at_ms=expires,
            device_key=device_key,
        )

    async def logout(self, token: str) -> None:
        """Revoke the token, then end every live session it opened with goodbye logged_out."""
        token_hash = hash_token(token)
        device = await self.store.device_for_token(token_hash, self._wall_ms())
        await self.store.revoke_token(token_hash)
        if self.on_token_revoked is not None:
            self.on_token_revoked(token_hash, "logged_out")
        if device is not None:  # a logged-out device is notified no more
            await self.store.delete_push_subscriptions(device.handle, device.device)

    async def recheck(self, token_hash: bytes) -> str | None:
        """The goodbye reason for a socket its token no longer opens (revoked, disabled,
        expired), or None: the bound on a control message the bus lost (control.py)."""
        device = await self.store.device_for_token(token_hash, self._wall_ms())
        return goodbye_for(device, self._wall_ms())

    async def authenticate(self, token: str | None) -> Device:
        if not token:
            raise ProtocolViolation(ErrorCode.UNAUTHENTICATED)
        device = await self.store.device_for_token(hash_token(token), self._wall_ms())
        if device is None:
            raise ProtocolViolation(ErrorCode.UNAUTHENTICATED)
        if device.disabled:
            raise ProtocolViolation(ErrorCode.ACCOUNT_DISABLED)
        return device

    async def resume(self, connection: Resuming, hello: Hello) -> Resumed:
        """Authenticate a hello, follow the user's conversations and say where the client
        stands (G4). On an error the connection is detached and nobody's again.

        Subscribe before read: the user's log ends are read again only once following them
        is live, so whatever commits from then on is pushed and whatever committed before is
        in the read; nothing falls between."""
        device = await self.authenticate(hello.token)
        if self.hub.connections_of(device.handle) >= self.config.max_connections_per_user:
            # No wait between this check and attach below: hellos cannot race past it.
            self.metrics.rate_limited.labels("account_connections").inc()
            raise AccountCapReached
        # Known before the reads below, so a logout racing this hello still finds it.
        connection.identify(device, hash_token(hello.token))
        try:
            await self.hub.attach(connection)
            await self.hub.follow(connection, await self.store.last_seqs(device.handle))
            last_seqs = await self.store.last_seqs(device.handle)
            epoch = self.store.epoch
            behind = sequencing.check_resume(
                store_epoch=epoch,
                client_epoch=hello.epoch,
                cursors=hello.cursors,
                last_seqs=last_seqs,
            )
        except BaseException:
            self.hub.detach(connection)
            connection.identify(None, b"")
            raise
        # Live already for every conversation of the first read; one joined since is in this
        # read, and one left since is dropped.
        self.hub.settle(connection, last_seqs)
        if self.presence is not None:  # from the welcome on, the cluster knows them online
            await self.presence.arrived()
        welcome = Welcome(
            id=hello.id,
            user=device.handle,
            epoch=epoch,
            behind=behind,
            gone=sequencing.stale_cursors(
                client_epoch=hello.epoch, cursors=hello.cursors, last_seqs=last_seqs
            ),
        )
        return Resumed(welcome=welcome, expires_at_ms=device.expires_at_ms)

    # -- administration ---------------------------------------------------------------------

    async def has_admin_token(self) -> bool:
        return await self.store.admin_token_hash() is not None

    async def claim_admin_token(self, token: str) -> bool:
        """Make ``token`` the admin token unless the store holds one already; whether it is
        the one held now."""
        return await self.store.claim_admin_token(hash_token(token)) == hash_token(token)

    async def check_admin_token(self, token: str | None) -> None:
        """Refuse (unauthenticated) unless ``token`` is the admin token whose hash the store
        holds: one store read per admin request, so a rotation holds on every node at once."""
        expected = await self.store.admin_token_hash()
        # An empty secret would match an empty credential: refuse rather than compare.
        if not token or expected is None or not hmac.compare_digest(hash_token(token), expected):
            raise ProtocolViolation(ErrorCode.UNAUTHENTICATED)

    async def set_disabled(self, handle: str, disabled: bool) -> None:
        """Disable or enable an account; not_found when there is none."""
        if not await self.store.set_disabled(handle, disabled):
            raise ProtocolViolation(ErrorCode.NOT_FOUND)

    async def revoke_tokens(self, handle: str) -> int:
        """Revoke every token of an account; returns how many. not_found when there is none."""
        if not await self.store.account_exists(handle):
            raise ProtocolViolation(ErrorCode.NOT_FOUND)
        revoked = await self.store.revoke_tokens(handle)
        await self.store.delete_push_subscriptions(handle, None)
        return revoked

    # -- conversations ----------------------------------------------------------------------

    async def create_direct(self, user: str, peer: str) -> tuple[str, bool]:
        await self._limit_sends(user)
        appended, created = await self.store.create_direct(user, peer, self._wall_ms())
        return appended.result.conv, created

    async def create_group(self, user: str, title: str, members: list[str]) -> str:
        limits.check_text(title)
        await self._limit_sends(user)
        appended = await self.store.create_group(user, title, members, self._wall_ms())
        return appended.result.conv

    async def change_member(self, user: str, conv: str, target: str, *, adding: bool) -> Appended:
        await self._limit_sends(user)
        return await self.store.change_member(
            user, conv, target, adding=adding, now_ms=self._wall_ms()
        )

    async def conversations(self, user: str, *, after: str | None, limit: int) -> ConversationPage:
        return await self.store.conversations(user, after=after, limit=limit)

    @property
    def epoch(self) -> str:
        """The store's epoch: seqs are positions in the history it names."""
        return self.store.epoch

    def check_epoch(self, client_epoch: str | None) -> str:
        """The store's epoch; resync_required when the client names another one."""
        sequencing.check_epoch(self.epoch, client_epoch)
        return self.epoch

    # -- blocks -----------------------------------------------------------------------------

    async def block(self, user: str, target: str) -> None:
        await self._limit_sends(user)
        await self.store.block(user, target, self._wall_ms())

    async def unblock(self, user: str, target: str) -> None:
        await self._limit_sends(user)
        await self.store.unblock(user, target)

    async def blocks(self, user: str) -> list[str]:
        return await self.store.blocks(user)

    # -- webhooks (docs/DECISIONS.md D48) ---------------------------------------------------

    async def create_webhook(self, user: str, url: str, conv: str | None) -> WebhookResponse:
        webhook = Webhook(
            id=webhooks.new_webhook_id(),
            owner=user,
            url=url,
            conv=conv,
            secret=webhooks.new_secret(),
            created_ms=self._wall_ms(),
        )
        await self.store.create_webhook(webhook)
        return webhook_response(webhook, secret=True)

    async def webhooks(self, user: str) -> WebhookList:
        found = await self.store.webhooks(user)
        return WebhookList(webhooks=[webhook_response(w) for w in found])

    async def delete_webhook(self, user: str, webhook: str) -> None:
        await self.store.delete_webhook(user, webhook)

    async def rotate_webhook_secret(
        self, user: str, webhook: str, *, previous_valid_s: int
    ) -> WebhookResponse:
        rotated = await self.store.rotate_webhook_secret(
            user,
            webhook,
            webhooks.new_secret(),
            previous_until_ms=self._wall_ms() + previous_valid_s * 1000,
        )
        return webhook_response(rotated, secret=True)

    # -- push subscriptions (docs/DECISIONS.md D50) -----------------------------------------

    def limits(self) -> LimitsResponse:
        return LimitsResponse(
            max_body_bytes=self.config.max_body_bytes,
            max_title_chars=MAX_TITLE_CHARS,
            max_group_members=MAX_GROUP_MEMBERS,
        )

    def push_key(self) -> PushKeyResponse:
        return PushKeyResponse(public_key=self.push_public_key)

    async def create_push_subscription(
        self, device: Device, request: PushSubscriptionRequest
    ) -> PushSubscriptionResponse:
        subscription = PushSubscription(
            id=notifications.new_subscription_id(),
            owner=device.handle,
            device=device.device,
            endpoint=request.endpoint,
            p256dh=request.keys.p256dh,
            auth=request.keys.auth,
            created_ms=self._wall_ms(),
        )
        await self.store.create_push_subscription(subscription)
        return subscription_response(subscription)

    async def push_subscriptions(self, user: str) -> PushSubscriptionList:
        found = await self.store.push_subscriptions(user)
        return PushSubscriptionList(subscriptions=[subscription_response(s) for s in found])

    async def delete_push_subscription(self, user: str, subscription: str) -> None:
        await self.store.delete_push_subscription(user, subscription)

    async def deliveries(self, state: str | None, limit: int) -> AdminDeliveries:
        chosen = DeliveryState(state) if state is not None else None
        found = await self.store.deliveries(chosen, limit=limit)
        return AdminDeliveries(deliveries=[delivery_info(d) for d in found])

    async def replay_deliveries(self, ids: list[int] | None) -> int:
        return await self.store.replay_deliveries(ids, self._wall_ms())

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
        await self._limit_sends(user)
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


def subscription_response(subscription: PushSubscription) -> PushSubscriptionResponse:
    """A subscription as its owner sees it: not its keys."""
    return PushSubscriptionResponse(
        id=subscription.id,
        device=subscription.device,
        endpoint=subscription.endpoint,
        created_ms=subscription.created_ms,
    )


def webhook_response(webhook: Webhook, *, secret: bool = False) -> WebhookResponse:
    """An endpoint as its owner sees it: its secret only right after it was made."""
    rotating = secret and webhook.previous_secret is not None
    return WebhookResponse(
        id=webhook.id,
        url=webhook.url,
        created_ms=webhook.created_ms,
        conv=webhook.conv,
        secret=webhook.secret if secret else None,
        previous_secret_expires_ms=webhook.previous_until_ms if rotating else None,
    )


def delivery_info(delivery: Delivery) -> DeliveryInfo:
    return DeliveryInfo(
        id=delivery.id,
        webhook=delivery.webhook.id,
        owner=delivery.webhook.owner,
        url=delivery.webhook.url,
        event_id=delivery.event_id,
        state=delivery.state.value,
        attempts=delivery.attempts,
        created_ms=delivery.created_ms,
        next_ms=delivery.next_ms,
        last_error=delivery.last_error,
    )
