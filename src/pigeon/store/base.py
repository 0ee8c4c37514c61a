"""The Store interface: the few durable operations Pigeon needs, whatever the database.

Every method is named (its name goes to logs and metrics), may be retried as a whole, and
returns our records, never driver rows. Writes are durable when the awaited call returns
(G1). Membership and conversation rules are checked inside the same transaction as the write
they allow, with the pure functions of :mod:`pigeon.core.conversation`.

Errors: :class:`~pigeon.errors.ProtocolViolation` for rule violations (not_found, forbidden,
conflict), :class:`~pigeon.errors.StoreUnavailable` when the database fails.
"""

from __future__ import annotations

import enum
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pigeon.core.records import (
    Account,
    AppendResult,
    ConversationSummary,
    Device,
    Event,
    EventKind,
    MessageMeta,
)


@dataclass(frozen=True, slots=True)
class Appended:
    """The outcome of a log write: the ack, and the new event (None when it is a retry).
    ``also`` holds events the same transaction appended after it (an owner_changed after the
    last owner's member_removed)."""

    result: AppendResult
    event: Event | None
    also: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class LogPage:
    """A page of a conversation log, ascending; ``more`` when the log goes on that way."""

    events: list[Event]
    more: bool
    last_seq: int


# Device keys kept per account, the most recently used: a client that never sends its key back
# gets a new one at every login, and must not grow the store without bound.
MAX_DEVICE_KEYS = 64


@dataclass(frozen=True, slots=True)
class ConversationPage:
    """A page of a user's conversations in conversation id order; ``next_cursor`` is the id
    to page on from, None on the last page."""

    conversations: list[ConversationSummary]
    next_cursor: str | None


# The key of the row of the stores' ``meta`` table holding the admin token's SHA-256, in hex.
ADMIN_TOKEN_KEY = "admin_token_sha256"
PUSH_KEY_KEY = "vapid_private_key"  # meta key: the cluster's VAPID key, PKCS#8 PEM (D50)

# Members named in a conversation summary; the full list is a members() call away.
SUMMARY_MEMBERS = 50


def new_epoch() -> str:
    """A fresh random epoch: a new store, or one restored from a backup."""
    return secrets.token_hex(8)


@dataclass(frozen=True, slots=True)
class StoreStatistics:
    """What a store reports to metrics, whatever it is: work waiting for it."""

    write_queue_depth: int
    read_queue_depth: int
    # Databases of a store spread over several (PostgreSQL's shards) that the last check
    # could not read; a store of one database is unreachable as a whole (check raises).
    unreachable_databases: int = 0


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did: the store's new epoch, and where the old store was kept (None
    when there was none, or the backend keeps no copy)."""

    epoch: str
    kept: Path | None


@dataclass(frozen=True, slots=True)
class OutboxRecord:
    """An event whose after-commit work (webhook deliveries) is not done yet, with the
    members of its conversation when a relay claimed it."""

    event: Event
    members: tuple[str, ...]
    created_ms: int


@dataclass(frozen=True, slots=True)
class Webhook:
    """An outgoing webhook endpoint: its owner's events (of one conversation when ``conv``
    is set). ``previous_secret`` still signs until ``previous_until_ms`` (a rotation)."""

    id: str
    owner: str
    url: str
    conv: str | None
    secret: str
    created_ms: int
    previous_secret: str | None = None
    previous_until_ms: int = 0

    def signing_secrets(self, now_ms: int) -> list[str]:
        """The secrets a delivery is signed with now: the new first."""
        if self.previous_secret is not None and now_ms < self.previous_until_ms:
            return [self.secret, self.previous_secret]
        return [self.secret]


class DeliveryState(enum.StrEnum):
    PENDING = "pending"  # due at next_ms (a first attempt or a retry)
    DELIVERED = "delivered"  # the endpoint answered 2xx
    DEAD = "dead"  # retried for webhook_retry_for_s without success: replay it by hand


@dataclass(frozen=True, slots=True)
class NewDelivery:
    webhook: str
    event_id: str
    payload: bytes
    due_ms: int


@dataclass(frozen=True, slots=True)
class Delivery:
    """One event for one endpoint, and how its attempts went."""

    id: int
    webhook: Webhook
    event_id: str
    payload: bytes
    state: DeliveryState
    attempts: int
    created_ms: int
    next_ms: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class PushSubscription:
    """A device's Web Push subscription (RFC 8030): where its push service takes
    notifications, and the keys they are encrypted to (RFC 8291)."""

    id: str
    owner: str
    device: str
    endpoint: str
    p256dh: str  # base64url, the browser's P-256 public key
    auth: str  # base64url, the 16-byte auth secret
    created_ms: int


@dataclass(frozen=True, slots=True)
class NewNotification:
    """A message owes ``user`` a notification for ``conv``: merged into a pending one."""

    user: str
    conv: str
    seq: int
    due_ms: int


@dataclass(frozen=True, slots=True)
class PendingNotification:
    """A notification due now, with the member's read position when it was claimed."""

    user: str
    conv: str
    seq: int
    read_seq: int
    attempts: int


# Called on the event loop after each commit with the new events, in commit order: the only
# place events are published from, so nothing uncommitted is ever pushed.
CommitListener = Callable[[list[Event]], None]


class Store(Protocol):
    on_commit: CommitListener | None

    async def open(self) -> None:
        """Create or migrate the schema, and start background work (the writer)."""

    async def close(self) -> None:
        """Finish queued writes, then release every resource."""

    @property
    def epoch(self) -> str:
        """This store's epoch: it changes when the store is restored from a backup."""

    def statistics(self) -> StoreStatistics:
        """The store's queues now, for metrics; cheap, no I/O."""

    def write_delay_s(self) -> float:
        """How long the oldest write not yet answered has waited for its writer (queued, or
        in the batch being committed), seconds; 0 with none waiting. The worker shedder's
        measure of the writer (D55): a queueing delay, as CoDel's, where a queue's length
        says nothing without the writer's speed. Read on every request: one lock at most."""

    # -- backup and restore (pigeon backup / restore; the store need not be open) -----------

    async def backup(self, file: Path) -> None:
        """Copy this store, consistent even while a node serves it, into the new file
        ``file``. Raises :class:`~pigeon.errors.DataDirRefused`, having created nothing, if
        there is no store here (a mistyped location), ``file`` exists, or this backend
        cannot be backed up from the calling process."""

    async def restore(self, file: Path) -> Restored:
        """Check ``file`` completely, then install it as this store under a new epoch (so
        clients holding later cursors resync, G4). Raises
        :class:`~pigeon.errors.DataDirRefused`, with the store untouched, if ``file`` is not a
        sound backup of this backend, is the live store itself, or a node serves the store."""

    # -- accounts ---------------------------------------------------------------------------

    async def create_account(self, handle: str, password_hash: str, now_ms: int) -> None:
        """Raises conflict if the handle is taken."""

    async def password_hash(self, handle: str) -> tuple[str, Account] | None: ...

    async def create_token(
        self, token_hash: bytes, handle: str, device: str, now_ms: int, expires_at_ms: int
    ) -> None: ...

    async def device_for_token(self, token_hash: bytes, now_ms: int) -> Device | None:
        """The device a live token belongs to; None if unknown, expired, or its user disabled."""

    async def revoke_token(self, token_hash: bytes) -> None: ...

    async def revoke_tokens(self, handle: str) -> int:
        """Revoke every token of a user; returns how many there were."""

    async def remember_device(self, key_hash: bytes, handle: str, device: str, now_ms: int) -> None:
        """Record a device key returned at a successful login (the oldest keys beyond a
        bound per account are forgotten)."""

    async def is_known_device(self, handle: str, key_hash: bytes) -> bool:
        """Whether the key was returned by a login to this account (revoked tokens too)."""

    async def set_disabled(self, handle: str, disabled: bool) -> bool:
        """Disable or re-enable an account; False if there is no such account."""

    # -- limits shared by every node, and the admin credential (docs/DECISIONS.md D42) ------

    async def take_tokens(
        self,
        key: str,
        want: int,
        *,
        rate_per_s: float,
        burst: float,
        now_ms: int | None = None,
    ) -> int:
        """Take up to ``want`` whole tokens from the bucket ``key`` (``rate_per_s`` a second,
        holding at most ``burst``, full when first named); returns how many it held. Not
        durable: a lost bucket comes back full.

        Without ``now_ms`` (what gateways pass) the call is dated by the store's own clock,
        the one every gateway of the store shares: PostgreSQL's, or the embedded stores'
        monotonic clock (one process owns them). A gateway whose clock steps back or runs
        behind would otherwise refill nothing until it caught up, refusing its users (D42).
        Tests pass ``now_ms`` to drive time; a call dated before an earlier one refills
        nothing."""

    async def give_back_tokens(self, key: str, count: int, *, burst: float) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""

    async def admin_token_hash(self) -> bytes | None:
        """The SHA-256 of the admin token; None until one is claimed."""

    async def claim_admin_token(self, token_hash: bytes) -> bytes:
        """Make ``token_hash`` the admin token's hash unless the store holds one already;
        returns the one it holds now (this one, or the earlier)."""

    async def set_admin_token(self, token_hash: bytes) -> None:
        """Replace the admin token's hash (rotation)."""

    async def check(self) -> None:
        """Raise StoreUnavailable unless the store answers reads and its last write
        committed."""

    async def probe_write(self, now_ms: int) -> None:
        """Commit a tiny write the way every write goes; raise StoreUnavailable if it fails."""

    async def account_exists(self, handle: str) -> bool: ...

    # -- conversations ----------------------------------------------------------------------

    async def create_direct(self, me: str, peer: str, now_ms: int) -> tuple[Appended, bool]:
        """The direct conversation of two users: (its created event, whether it is new)."""

    async def create_group(
        self, owner: str, title: str, members: list[str], now_ms: int
    ) -> Appended:
        """A new group; unknown member handles are refused with not_found."""

    async def change_member(
        self, actor: str, conv: str, target: str, *, adding: bool, now_ms: int
    ) -> Appended:
        """Add or remove a member, as an event in the conversation's log. When the last owner
        leaves a group that still has members, an owner_changed event follows in the same
        transaction (:func:`pigeon.core.conversation.next_owner`)."""

    async def append(
        self,
        sender: str,
        conv: str,
        kind: EventKind,
        *,
        client_msg_id: str,
        body: str | None,
        meta: MessageMeta | None,
        target_seq: int | None,
        now_ms: int,
    ) -> Appended:
        """Append a message, edit or delete; a retried client_msg_id returns the original."""

    async def read_page(
        self, user: str, conv: str, *, after: int | None, before: int | None, limit: int
    ) -> LogPage:
        """Events after ``after`` (ascending) or before ``before`` (the latest ``limit`` of them,
        ascending). With neither, the latest ``limit`` events."""

    async def events_after(self, conv: str, after: int, limit: int) -> list[Event]:
        """Up to ``limit`` events of ``conv`` with seqs after ``after``, ascending; none for an
        unknown conversation. No membership check: this is the gateways' own read, after a
        doorbell, and the hub applies G5 to what it pushes (:mod:`pigeon.application.hub`)."""

    async def mark_read(self, user: str, conv: str, seq: int) -> int:
        """Move the user's read position forward (max-merge); returns the position now."""

    async def conversations(self, user: str, *, after: str | None, limit: int) -> ConversationPage:
        """Up to ``limit`` of the user's conversations with ids after ``after``, in id order:
        a cursor that stays valid while conversations gain messages, join or leave."""

    async def last_seqs(self, user: str) -> dict[str, int]:
        """``{conv: last_seq}`` for every conversation the user is a member of."""

    async def members(self, user: str, conv: str) -> list[str]:
        """The members of a conversation the user is in (not_found otherwise)."""

    # -- blocks -----------------------------------------------------------------------------

    async def block(self, user: str, target: str, now_ms: int) -> None:
        """From now on ``target`` cannot put ``user`` into a group or a new direct conversation.
        Blocking twice is no change; an unknown target is not_found."""

    async def unblock(self, user: str, target: str) -> None:
        """Lift a block; lifting one that does not exist is no change."""

    async def blocks(self, user: str) -> list[str]:
        """The handles ``user`` blocks, sorted."""

    # -- the outbox and webhooks (docs/DECISIONS.md D48) ------------------------------------
    # Every event appended writes one outbox row in its own transaction; relays claim rows
    # with a lease (a relay that dies lets its claim lapse, and another takes it over), turn
    # them into webhook deliveries and finish them. Nothing here runs on the send path.

    async def claim_outbox(self, now_ms: int, *, lease_ms: int, limit: int) -> list[OutboxRecord]:
        """Up to ``limit`` outbox records no live lease holds, oldest first, each now leased
        until ``now_ms + lease_ms``: no other relay (of any node) claims them before then."""

    async def finish_outbox(
        self,
        records: list[OutboxRecord],
        deliveries: list[NewDelivery],
        notifications: Sequence[NewNotification] = (),
    ) -> None:
        """Queue ``deliveries`` (first due at their ``due_ms``) and ``notifications`` (each
        merged into its member's pending one for the conversation: its seq the greater, its
        due time the earlier's), and drop ``records``. Safe to run again after a crash: a
        delivery queued twice for one event and endpoint is kept once, a notification merges."""

    async def outbox_oldest_ms(self) -> int | None:
        """When the oldest record still in the outbox was written; None when it is empty."""

    async def create_webhook(self, webhook: Webhook) -> None:
        """Register an endpoint. ``not_found`` if it is for a conversation its owner is not in
        (G5), ``too_large`` past MAX_WEBHOOKS_PER_USER of theirs."""

    async def webhooks(self, owner: str) -> list[Webhook]:
        """The owner's endpoints, oldest first."""

    async def delete_webhook(self, owner: str, webhook: str) -> None:
        """Delete one of the owner's endpoints and its queued deliveries; ``not_found`` if it
        is not theirs."""

    async def rotate_webhook_secret(
        self, owner: str, webhook: str, secret: str, *, previous_until_ms: int
    ) -> Webhook:
        """Make ``secret`` the endpoint's secret; the old one still signs until
        ``previous_until_ms``. ``not_found`` if it is not the owner's."""

    async def webhooks_of(self, owners: list[str]) -> list[Webhook]:
        """Every endpoint of these users (one lookup for a relay's whole batch of events);
        :func:`pigeon.core.webhooks.recipients` says which receive each event."""

    async def claim_deliveries(
        self,
        now_ms: int,
        *,
        lease_ms: int,
        limit: int,
        per_webhook: int,
        skip: frozenset[str] = frozenset(),
    ) -> list[Delivery]:
        """Up to ``limit`` pending deliveries due at ``now_ms``, at most ``per_webhook`` per
        endpoint (so one slow endpoint cannot take every slot) and none of the endpoints in
        ``skip`` (those the caller has enough of in flight), each made due again at
        ``now_ms + lease_ms``: if its relay dies, another tries it then."""

    async def finish_delivery(
        self, delivery: int, *, now_ms: int, state: DeliveryState, next_ms: int, error: str | None
    ) -> None:
        """Record an attempt: ``delivered``; ``pending`` again at ``next_ms`` (a retry); or
        ``dead``."""

    async def deliveries(self, state: DeliveryState | None, *, limit: int) -> list[Delivery]:
        """The most recent deliveries (in that state), newest first, for operators."""

    async def replay_deliveries(self, ids: list[int] | None, now_ms: int) -> int:
        """Make the named deliveries (every dead one when ``ids`` is None) pending and due
        now, their attempts counted from zero; returns how many."""

    async def prune_deliveries(self, state: DeliveryState, before_ms: int, limit: int) -> int:
        """Forget up to ``limit`` deliveries in ``state`` (delivered or dead) last tried
        before ``before_ms``."""

    # -- offline notifications (docs/DECISIONS.md D50) -------------------------------------

    async def create_push_subscription(self, subscription: PushSubscription) -> None:
        """Register a device's push subscription, replacing that device's previous one and
        any subscription with the same endpoint; ``too_large`` past
        MAX_SUBSCRIPTIONS_PER_USER of the owner's."""

    async def push_subscriptions(self, owner: str) -> list[PushSubscription]:
        """The owner's subscriptions, oldest first."""

    async def delete_push_subscription(self, owner: str, subscription: str) -> None:
        """Delete one of the owner's subscriptions; ``not_found`` if it is not theirs."""

    async def delete_push_subscriptions(self, owner: str, device: str | None) -> int:
        """Delete the subscriptions of one of the owner's devices (every device's when
        ``device`` is None): on logout and token revocation. Returns how many."""

    async def push_subscriptions_of(self, owners: list[str]) -> list[PushSubscription]:
        """Every subscription of these users (one lookup for a batch)."""

    async def claim_notifications(
        self, now_ms: int, *, lease_ms: int, limit: int
    ) -> list[PendingNotification]:
        """Up to ``limit`` pending notifications due at ``now_ms``, each made due again at
        ``now_ms + lease_ms`` (if its relay dies, another sends it then)."""

    async def finish_notifications(
        self, done: list[PendingNotification], retry: list[tuple[PendingNotification, int]]
    ) -> None:
        """Forget the ``done`` notifications unless a later message merged into one since
        its claim (that one stays, due as the merge made it); make each of ``retry`` due at
        its time, its attempts counted."""

    async def update_presence(
        self, node: str, online: list[str], offline: list[str], until_ms: int
    ) -> None:
        """This node holds a connection of each ``online`` user until ``until_ms`` (unless
        renewed), and none of the ``offline`` ones any more."""

    async def online(self, users: list[str], now_ms: int) -> frozenset[str]:
        """Those of ``users`` with a connection to a node whose presence is live."""

    async def claim_push_key(self, private_key: str) -> str:
        """The cluster's VAPID private key: ``private_key`` if none was kept yet (it is now),
        else the kept one."""
