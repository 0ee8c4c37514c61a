"""The ``memory:`` store: the whole :class:`~pigeon.store.base.Store` contract in this process's
memory, for tests and as the application layer's fast test double.

It holds everything in memory and forgets it all when the process ends: it is not for
production, and nothing bounds its total size. Every per-call limit the SQLite store has
still holds (the rules of :mod:`pigeon.core.conversation`, device keys per account, the
pages callers ask for).

Each method does its checks and its changes without awaiting in between, so a call is one
atomic "transaction" on the event loop: concurrent appends to one conversation get gapless
seqs in the order they reached the store, and :attr:`on_commit` hears each change right after
it is made, in that order.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pigeon.core import conversation as rules
from pigeon.core import limits
from pigeon.core.idempotency import original_ack
from pigeon.core.notifications import MAX_SUBSCRIPTIONS_PER_USER
from pigeon.core.records import (
    Account,
    AppendResult,
    ConversationKind,
    ConversationSummary,
    Device,
    Event,
    EventKind,
    MessageMeta,
    Role,
)
from pigeon.core.sequencing import merge_position, page_window
from pigeon.core.webhooks import MAX_WEBHOOKS_PER_USER
from pigeon.errors import DataDirRefused, ErrorCode, ProtocolViolation, StoreUnavailable
from pigeon.store.base import (
    MAX_DEVICE_KEYS,
    SUMMARY_MEMBERS,
    Appended,
    CommitListener,
    ConversationPage,
    Delivery,
    DeliveryState,
    LogPage,
    NewDelivery,
    NewNotification,
    OutboxRecord,
    PendingNotification,
    PushSubscription,
    Restored,
    StoreStatistics,
    Webhook,
    new_epoch,
)


@dataclass(slots=True)
class _Account:
    password_hash: str
    disabled: bool = False
    conversations: int = 0  # how many conversations the account is in: the cap's count


@dataclass(slots=True)
class _Member:
    role: Role
    joined_seq: int
    read_seq: int = 0


@dataclass(slots=True)
class _Conversation:
    kind: ConversationKind
    title: str | None
    events: list[Event] = field(default_factory=list)  # events[i].seq == i + 1
    members: dict[str, _Member] = field(default_factory=dict)
    sent: dict[tuple[str, str], Event] = field(default_factory=dict)  # (sender, client id)
    deleted: set[int] = field(default_factory=set)  # seqs of deleted messages

    @property
    def last_seq(self) -> int:
        return len(self.events)


class MemoryStore:
    """The :class:`~pigeon.store.base.Store` in memory; a fresh random epoch per instance.
    The simulation (pigeon.simulation) passes ``epoch`` and ``new_conversation_id`` to make a
    seed's history the same at every run."""

    def __init__(
        self,
        *,
        epoch: str | None = None,
        new_conversation_id: Callable[[], str] = rules.new_conversation_id,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock  # seconds, for rate buckets dated by the store (take_tokens)
        self.on_commit: CommitListener | None = None
        self._epoch = epoch if epoch is not None else new_epoch()
        self._new_conversation_id = new_conversation_id
        self._open = False
        self._accounts: dict[str, _Account] = {}
        self._tokens: dict[bytes, tuple[str, str, int]] = {}  # hash -> handle, device, expiry
        self._device_keys: dict[bytes, tuple[str, str, int]] = {}  # hash -> handle, device, used
        self._conversations: dict[str, _Conversation] = {}
        self._direct: dict[str, str] = {}  # direct key -> conversation id
        self._member_of: dict[str, set[str]] = {}  # handle -> conversation ids
        self._blocks: dict[str, set[str]] = {}  # blocker -> blocked
        self._buckets = limits.GrantTable()
        self._admin_token_hash: bytes | None = None
        # The outbox: (conv, seq) -> (written at, leased until), in write order.
        self._outbox: dict[tuple[str, int], tuple[int, int]] = {}
        self._webhooks: dict[str, Webhook] = {}
        self._deliveries: dict[int, Delivery] = {}
        self._delivery_keys: set[tuple[str, str]] = set()  # (webhook, event id) queued
        self._next_delivery = 1
        self._push_subscriptions: dict[str, PushSubscription] = {}
        # (user, conv) -> [seq, due_ms, attempts]: a burst's pending notification.
        self._notifications: dict[tuple[str, str], list[int]] = {}
        self._presence: dict[tuple[str, str], int] = {}  # (user, node) -> live until
        self._push_key: str | None = None

    # -- lifecycle --------------------------------------------------------------------------

    async def open(self) -> None:
        self._open = True

    async def close(self) -> None:
        self._open = False

    @property
    def epoch(self) -> str:
        return self._epoch

    def statistics(self) -> StoreStatistics:
        return StoreStatistics(write_queue_depth=0, read_queue_depth=0)

    def write_delay_s(self) -> float:
        return 0.0  # every write is done when its call returns: none ever waits

    # A memory store lives and dies with its node's process: ``pigeon backup`` (another
    # process) can never reach it, and a snapshot file only tests would read is not worth a
    # second format. So both refuse, before touching anything (docs/DECISIONS.md D32).
    NO_BACKUP = (
        "the memory: store lives only inside its node's process and ends with it: "
        "it cannot be backed up or restored (use an SQLite store for data worth keeping)"
    )

    async def backup(self, file: Path) -> None:
        raise DataDirRefused(self.NO_BACKUP)

    async def restore(self, file: Path) -> Restored:
        raise DataDirRefused(self.NO_BACKUP)

    async def _enter(self) -> None:
        """Every call yields once, as a real store's round trip does, then runs to its end
        without awaiting: the loop runs the calls in the order they arrived."""
        await asyncio.sleep(0)
        if not self._open:
            raise StoreUnavailable("the store is closed")

    def _commit(self, events: list[Event]) -> None:
        if self.on_commit is not None:
            self.on_commit(events)

    # -- accounts ---------------------------------------------------------------------------

    async def create_account(self, handle: str, password_hash: str, now_ms: int) -> None:
        await self._enter()
        if handle in self._accounts:
            raise ProtocolViolation(ErrorCode.CONFLICT, "that handle is taken")
        self._accounts[handle] = _Account(password_hash)

    async def password_hash(self, handle: str) -> tuple[str, Account] | None:
        await self._enter()
        account = self._accounts.get(handle)
        if account is None:
            return None
        return account.password_hash, Account(handle=handle, disabled=account.disabled)

    async def account_exists(self, handle: str) -> bool:
        await self._enter()
        return handle in self._accounts

    async def create_token(
        self, token_hash: bytes, handle: str, device: str, now_ms: int, expires_at_ms: int
    ) -> None:
        await self._enter()
        expired = [
            h
            for h, (owner, _, expiry) in self._tokens.items()
            if owner == handle and expiry <= now_ms
        ]
        for h in expired:
            del self._tokens[h]
        self._tokens[token_hash] = (handle, device, expires_at_ms)

    async def device_for_token(self, token_hash: bytes, now_ms: int) -> Device | None:
        await self._enter()
        token = self._tokens.get(token_hash)
        if token is None or token[2] <= now_ms:
            return None
        handle, device, expiry = token
        account = self._accounts.get(handle)
        if account is None:  # as SQLite's join: a token names an account
            return None
        return Device(handle=handle, device=device, expires_at_ms=expiry, disabled=account.disabled)

    async def revoke_token(self, token_hash: bytes) -> None:
        await self._enter()
        self._tokens.pop(token_hash, None)

    async def revoke_tokens(self, handle: str) -> int:
        await self._enter()
        mine = [h for h, (owner, _, _) in self._tokens.items() if owner == handle]
        for h in mine:
            del self._tokens[h]
        return len(mine)

    async def remember_device(self, key_hash: bytes, handle: str, device: str, now_ms: int) -> None:
        await self._enter()
        # As in SQLite: a key stays with the account it was first returned to.
        owner = self._device_keys.get(key_hash, (handle, device, now_ms))[0]
        self._device_keys[key_hash] = (owner, device, now_ms)
        mine = sorted(
            ((used, h) for h, (o, _, used) in self._device_keys.items() if o == handle),
            reverse=True,
        )
        for _, h in mine[MAX_DEVICE_KEYS:]:
            del self._device_keys[h]

    async def is_known_device(self, handle: str, key_hash: bytes) -> bool:
        await self._enter()
        key = self._device_keys.get(key_hash)
        return key is not None and key[0] == handle

    async def set_disabled(self, handle: str, disabled: bool) -> bool:
        await self._enter()
        account = self._accounts.get(handle)
        if account is None:
            return False
        account.disabled = disabled
        return True

    async def take_tokens(
        self,
        key: str,
        want: int,
        *,
        rate_per_s: float,
        burst: float,
        now_ms: int | None = None,
    ) -> int:
        await self._enter()
        now = self._clock() if now_ms is None else now_ms / 1000
        return self._buckets.grant(key, want, rate_per_s=rate_per_s, burst=burst, now=now)

    async def give_back_tokens(self, key: str, count: int, *, burst: float) -> None:
        await self._enter()
        self._buckets.give_back(key, count)

    async def admin_token_hash(self) -> bytes | None:
        await self._enter()
        return self._admin_token_hash

    async def claim_admin_token(self, token_hash: bytes) -> bytes:
        await self._enter()
        if self._admin_token_hash is None:
            self._admin_token_hash = token_hash
        return self._admin_token_hash

    async def set_admin_token(self, token_hash: bytes) -> None:
        await self._enter()
        self._admin_token_hash = token_hash

    async def check(self) -> None:
        await self._enter()

    async def probe_write(self, now_ms: int) -> None:
        await self._enter()

    # -- conversations ----------------------------------------------------------------------

    async def create_direct(self, me: str, peer: str, now_ms: int) -> tuple[Appended, bool]:
        await self._enter()
        rules.check_direct_peer(me, peer, peer in self._accounts)
        key = rules.direct_key(me, peer)
        existing = self._direct.get(key)
        if existing is not None:
            created = self._conversations[existing].events[0]
            return Appended(_result_of(created), None), False
        self._check_joiner(me, me)
        self._check_joiner(me, peer)
        conv = self._new_conversation(ConversationKind.DIRECT, None)
        self._direct[key] = conv
        members = tuple(sorted((me, peer)))
        event = self._append(conv, EventKind.CREATED, sender=me, ts=now_ms, members=members)
        self._add_members(conv, [(m, Role.MEMBER) for m in members], event.seq)
        self._commit([event])
        return Appended(_result_of(event), event), True

    async def create_group(
        self, owner: str, title: str, members: list[str], now_ms: int
    ) -> Appended:
        others = sorted(set(members) - {owner})
        rules.check_group(title, others)
        await self._enter()
        for handle in (owner, *others):
            self._check_joiner(owner, handle)
        conv = self._new_conversation(ConversationKind.GROUP, title)
        event = self._append(
            conv, EventKind.CREATED, sender=owner, ts=now_ms, members=(owner, *others), title=title
        )
        self._add_members(
            conv, [(owner, Role.OWNER)] + [(m, Role.MEMBER) for m in others], event.seq
        )
        self._commit([event])
        return Appended(_result_of(event), event)

    async def change_member(
        self, actor: str, conv: str, target: str, *, adding: bool, now_ms: int
    ) -> Appended:
        await self._enter()
        actor_role = self._role(conv, actor)
        rules.require_member(actor_role)
        state = self._conversations[conv]
        target_role = self._role(conv, target)
        rules.check_membership_change(
            state.kind,
            actor_role,
            actor=actor,
            target=target,
            target_role=target_role,
            target_exists=target in self._accounts,
            adding=adding,
            member_count=len(state.members),
        )
        if adding:
            self._check_joiner(actor, target)
            event = self._append(
                conv, EventKind.MEMBER_ADDED, sender=actor, ts=now_ms, members=(target,)
            )
            self._add_members(conv, [(target, Role.MEMBER)], event.seq)
            self._commit([event])
            return Appended(_result_of(event), event)
        assert target_role is not None
        del state.members[target]
        self._member_of[target].discard(conv)
        self._accounts[target].conversations -= 1
        event = self._append(
            conv, EventKind.MEMBER_REMOVED, sender=actor, ts=now_ms, members=(target,)
        )
        owners_left = sum(1 for m in state.members.values() if m.role is Role.OWNER)
        successor = rules.next_owner(
            target_role,
            owners_left,
            ((m.joined_seq, handle) for handle, m in state.members.items()),
        )
        if successor is None:
            self._commit([event])
            return Appended(_result_of(event), event)
        state.members[successor].role = Role.OWNER
        promoted = self._append(
            conv, EventKind.OWNER_CHANGED, sender=actor, ts=now_ms, members=(successor,)
        )
        self._commit([event, promoted])
        return Appended(_result_of(event), event, (promoted,))

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
        await self._enter()
        rules.require_member(self._role(conv, sender))
        state = self._conversations[conv]
        original = state.sent.get((sender, client_msg_id))
        if original is not None:
            result = original_ack(original, kind=kind, body=body, meta=meta, target_seq=target_seq)
            return Appended(result, None)
        if target_seq is not None:
            target = state.events[target_seq - 1] if 1 <= target_seq <= state.last_seq else None
            rules.check_edit_target(sender, target, kind, deleted=target_seq in state.deleted)
        event = self._append(
            conv,
            kind,
            sender=sender,
            ts=now_ms,
            client_msg_id=client_msg_id,
            body=body,
            meta=meta,
            target_seq=target_seq,
        )
        state.sent[(sender, client_msg_id)] = event
        if kind is EventKind.DELETE and target_seq is not None:
            state.deleted.add(target_seq)
        self._commit([event])
        return Appended(_result_of(event), event)

    async def read_page(
        self, user: str, conv: str, *, after: int | None, before: int | None, limit: int
    ) -> LogPage:
        await self._enter()
        rules.require_member(self._role(conv, user))
        events = self._conversations[conv].events  # the event of seq s is at index s - 1
        first, last, more = page_window(len(events), after=after, before=before, limit=limit)
        return LogPage(events[first - 1 : last] if first <= last else [], more, len(events))

    async def events_after(self, conv: str, after: int, limit: int) -> list[Event]:
        await self._enter()
        state = self._conversations.get(conv)
        if state is None:
            return []
        first = max(after, 0)  # the event of seq s is at index s - 1
        return state.events[first : first + max(limit, 0)]

    async def mark_read(self, user: str, conv: str, seq: int) -> int:
        await self._enter()
        state = self._conversations.get(conv)
        member = state.members.get(user) if state is not None else None
        if state is None or member is None:
            raise ProtocolViolation(ErrorCode.NOT_FOUND)
        member.read_seq = merge_position(member.read_seq, seq, state.last_seq)
        return member.read_seq

    async def conversations(self, user: str, *, after: str | None, limit: int) -> ConversationPage:
        await self._enter()
        ids = sorted(c for c in self._member_of.get(user, ()) if c > (after or ""))
        more = len(ids) > limit
        out = [self._summary(user, conv) for conv in ids[:limit]]
        return ConversationPage(out, out[-1].conv if more and out else None)

    async def last_seqs(self, user: str) -> dict[str, int]:
        await self._enter()
        # Sorted: a set of strings iterates in an order that differs from process to process.
        return {c: self._conversations[c].last_seq for c in sorted(self._member_of.get(user, ()))}

    async def members(self, user: str, conv: str) -> list[str]:
        await self._enter()
        rules.require_member(self._role(conv, user))
        return sorted(self._conversations[conv].members)

    # -- blocks -----------------------------------------------------------------------------

    async def block(self, user: str, target: str, now_ms: int) -> None:
        await self._enter()
        mine = self._blocks.get(user, set())
        rules.check_block(
            user,
            target,
            target_exists=target in self._accounts,
            blocks=len(mine) - (target in mine),
        )
        self._blocks.setdefault(user, set()).add(target)

    async def unblock(self, user: str, target: str) -> None:
        await self._enter()
        self._blocks.get(user, set()).discard(target)

    async def blocks(self, user: str) -> list[str]:
        await self._enter()
        return sorted(self._blocks.get(user, ()))

    # -- helpers, called between checks and changes with no await ---------------------------

    def _role(self, conv: str, handle: str) -> Role | None:
        state = self._conversations.get(conv)
        member = state.members.get(handle) if state is not None else None
        return member.role if member is not None else None

    def _check_joiner(self, actor: str, joiner: str) -> None:
        account = self._accounts.get(joiner)
        if account is None:
            raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
        blocks_actor = joiner != actor and actor in self._blocks.get(joiner, ())
        rules.check_joiner(
            actor, joiner, conversations=account.conversations, blocks_actor=blocks_actor
        )

    def _new_conversation(self, kind: ConversationKind, title: str | None) -> str:
        conv = self._new_conversation_id()
        self._conversations[conv] = _Conversation(kind, title)
        return conv

    def _add_members(self, conv: str, members: list[tuple[str, Role]], joined_seq: int) -> None:
        state = self._conversations[conv]
        for handle, role in members:
            state.members[handle] = _Member(role, joined_seq)
            self._member_of.setdefault(handle, set()).add(conv)
            self._accounts[handle].conversations += 1

    def _append(
        self,
        conv: str,
        kind: EventKind,
        *,
        sender: str,
        ts: int,
        client_msg_id: str | None = None,
        body: str | None = None,
        meta: MessageMeta | None = None,
        target_seq: int | None = None,
        members: tuple[str, ...] | None = None,
        title: str | None = None,
    ) -> Event:
        """The one place a seq is allocated: the next after the conversation's last (G3)."""
        events = self._conversations[conv].events
        event = Event(
            conv=conv,
            seq=len(events) + 1,
            kind=kind,
            sender=sender,
            ts=ts,
            client_msg_id=client_msg_id,
            body=body,
            meta=meta,
            target_seq=target_seq,
            members=members,
            title=title,
        )
        events.append(event)
        self._outbox[(conv, event.seq)] = (ts, 0)  # in the same "transaction" as the event
        return event

    # -- the outbox and webhooks ------------------------------------------------------------

    async def claim_outbox(self, now_ms: int, *, lease_ms: int, limit: int) -> list[OutboxRecord]:
        await self._enter()
        claimed: list[OutboxRecord] = []
        for (conv, seq), (created_ms, leased_until) in self._outbox.items():
            if len(claimed) >= limit:
                break
            if leased_until > now_ms:
                continue
            self._outbox[(conv, seq)] = (created_ms, now_ms + lease_ms)
            state = self._conversations[conv]
            claimed.append(
                OutboxRecord(state.events[seq - 1], tuple(sorted(state.members)), created_ms)
            )
        return claimed

    async def finish_outbox(
        self,
        records: list[OutboxRecord],
        deliveries: list[NewDelivery],
        notifications: Sequence[NewNotification] = (),
    ) -> None:
        await self._enter()
        for note in notifications:
            pending = self._notifications.get((note.user, note.conv))
            if pending is None:
                self._notifications[(note.user, note.conv)] = [note.seq, note.due_ms, 0]
            else:
                pending[0] = max(pending[0], note.seq)
                pending[1] = min(pending[1], note.due_ms)
        for new in deliveries:
            key = (new.webhook, new.event_id)
            if key in self._delivery_keys or new.webhook not in self._webhooks:
                continue
            self._delivery_keys.add(key)
            self._deliveries[self._next_delivery] = Delivery(
                id=self._next_delivery,
                webhook=self._webhooks[new.webhook],
                event_id=new.event_id,
                payload=new.payload,
                state=DeliveryState.PENDING,
                attempts=0,
                created_ms=new.due_ms,
                next_ms=new.due_ms,
                last_error=None,
            )
            self._next_delivery += 1
        for record in records:
            self._outbox.pop((record.event.conv, record.event.seq), None)

    async def outbox_oldest_ms(self) -> int | None:
        await self._enter()
        return min((created for created, _ in self._outbox.values()), default=None)

    async def create_webhook(self, webhook: Webhook) -> None:
        await self._enter()
        if webhook.conv is not None and self._role(webhook.conv, webhook.owner) is None:
            raise ProtocolViolation(ErrorCode.NOT_FOUND)
        if sum(w.owner == webhook.owner for w in self._webhooks.values()) >= MAX_WEBHOOKS_PER_USER:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many webhooks")
        self._webhooks[webhook.id] = webhook

    async def webhooks(self, owner: str) -> list[Webhook]:
        await self._enter()
        return [w for w in self._webhooks.values() if w.owner == owner]

    async def delete_webhook(self, owner: str, webhook: str) -> None:
        await self._enter()
        self._owned_webhook(owner, webhook)
        del self._webhooks[webhook]
        for delivery in list(self._deliveries.values()):
            if delivery.webhook.id == webhook:
                del self._deliveries[delivery.id]
                self._delivery_keys.discard((webhook, delivery.event_id))

    async def rotate_webhook_secret(
        self, owner: str, webhook: str, secret: str, *, previous_until_ms: int
    ) -> Webhook:
        await self._enter()
        old = self._owned_webhook(owner, webhook)
        rotated = replace(
            old, secret=secret, previous_secret=old.secret, previous_until_ms=previous_until_ms
        )
        self._webhooks[webhook] = rotated
        for delivery in list(self._deliveries.values()):
            if delivery.webhook.id == webhook:
                self._deliveries[delivery.id] = replace(delivery, webhook=rotated)
        return rotated

    async def webhooks_of(self, owners: list[str]) -> list[Webhook]:
        await self._enter()
        wanted = set(owners)
        return [w for w in self._webhooks.values() if w.owner in wanted]

    async def claim_deliveries(
        self,
        now_ms: int,
        *,
        lease_ms: int,
        limit: int,
        per_webhook: int,
        skip: frozenset[str] = frozenset(),
    ) -> list[Delivery]:
        await self._enter()
        due = sorted(
            (
                d
                for d in self._deliveries.values()
                if d.state is DeliveryState.PENDING and d.next_ms <= now_ms
            ),
            key=lambda d: (d.next_ms, d.id),
        )
        claimed: list[Delivery] = []
        taken: dict[str, int] = {}
        for delivery in due:
            if len(claimed) >= limit:
                break
            if delivery.webhook.id in skip or taken.get(delivery.webhook.id, 0) >= per_webhook:
                continue
            taken[delivery.webhook.id] = taken.get(delivery.webhook.id, 0) + 1
            self._deliveries[delivery.id] = replace(delivery, next_ms=now_ms + lease_ms)
            claimed.append(delivery)
        return claimed

    async def finish_delivery(
        self, delivery: int, *, now_ms: int, state: DeliveryState, next_ms: int, error: str | None
    ) -> None:
        await self._enter()
        found = self._deliveries.get(delivery)
        if found is None:  # its endpoint was deleted meanwhile
            return
        self._deliveries[delivery] = replace(
            found, state=state, attempts=found.attempts + 1, next_ms=next_ms, last_error=error
        )

    async def deliveries(self, state: DeliveryState | None, *, limit: int) -> list[Delivery]:
        await self._enter()
        found = [d for d in self._deliveries.values() if state is None or d.state is state]
        return sorted(found, key=lambda d: d.id, reverse=True)[:limit]

    async def replay_deliveries(self, ids: list[int] | None, now_ms: int) -> int:
        await self._enter()
        chosen = [
            d
            for d in self._deliveries.values()
            if (d.state is DeliveryState.DEAD if ids is None else d.id in ids)
        ]
        for d in chosen:
            self._deliveries[d.id] = replace(
                d, state=DeliveryState.PENDING, attempts=0, created_ms=now_ms, next_ms=now_ms
            )
        return len(chosen)

    async def prune_deliveries(self, state: DeliveryState, before_ms: int, limit: int) -> int:
        await self._enter()
        old = [d for d in self._deliveries.values() if d.state is state and d.next_ms < before_ms][
            :limit
        ]
        for d in old:
            del self._deliveries[d.id]
            self._delivery_keys.discard((d.webhook.id, d.event_id))
        return len(old)

    # -- offline notifications (D50) --------------------------------------------------------

    async def create_push_subscription(self, subscription: PushSubscription) -> None:
        await self._enter()
        for old in list(self._push_subscriptions.values()):
            if (old.owner, old.device) == (subscription.owner, subscription.device) or (
                old.endpoint == subscription.endpoint
            ):
                del self._push_subscriptions[old.id]
        mine = sum(s.owner == subscription.owner for s in self._push_subscriptions.values())
        if mine >= MAX_SUBSCRIPTIONS_PER_USER:
            raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many push subscriptions")
        self._push_subscriptions[subscription.id] = subscription

    async def push_subscriptions(self, owner: str) -> list[PushSubscription]:
        await self._enter()
        return [s for s in self._push_subscriptions.values() if s.owner == owner]

    async def delete_push_subscription(self, owner: str, subscription: str) -> None:
        await self._enter()
        found = self._push_subscriptions.get(subscription)
        if found is None or found.owner != owner:
            raise ProtocolViolation(ErrorCode.NOT_FOUND)
        del self._push_subscriptions[subscription]

    async def delete_push_subscriptions(self, owner: str, device: str | None) -> int:
        await self._enter()
        gone = [
            s.id
            for s in self._push_subscriptions.values()
            if s.owner == owner and device in (None, s.device)
        ]
        for subscription in gone:
            del self._push_subscriptions[subscription]
        return len(gone)

    async def push_subscriptions_of(self, owners: list[str]) -> list[PushSubscription]:
        await self._enter()
        wanted = set(owners)
        return sorted(
            (s for s in self._push_subscriptions.values() if s.owner in wanted),
            key=lambda s: s.id,
        )

    async def claim_notifications(
        self, now_ms: int, *, lease_ms: int, limit: int
    ) -> list[PendingNotification]:
        await self._enter()
        due = sorted(
            (pending[1], user, conv)
            for (user, conv), pending in self._notifications.items()
            if pending[1] <= now_ms
        )[:limit]
        claimed: list[PendingNotification] = []
        for _, user, conv in due:
            pending = self._notifications[(user, conv)]
            pending[1] = now_ms + lease_ms
            member = self._conversations[conv].members.get(user)
            read_seq = member.read_seq if member is not None else pending[0]  # left: no news
            claimed.append(PendingNotification(user, conv, pending[0], read_seq, pending[2]))
        return claimed

    async def finish_notifications(
        self, done: list[PendingNotification], retry: list[tuple[PendingNotification, int]]
    ) -> None:
        await self._enter()
        for note in done:
            pending = self._notifications.get((note.user, note.conv))
            if pending is not None and pending[0] <= note.seq:
                del self._notifications[(note.user, note.conv)]
        for note, due_ms in retry:
            pending = self._notifications.get((note.user, note.conv))
            if pending is not None:
                pending[1] = due_ms
                pending[2] += 1

    async def update_presence(
        self, node: str, online: list[str], offline: list[str], until_ms: int
    ) -> None:
        await self._enter()
        for user in online:
            self._presence[(user, node)] = until_ms
        for user in offline:
            self._presence.pop((user, node), None)

    async def online(self, users: list[str], now_ms: int) -> frozenset[str]:
        await self._enter()
        for key in [k for k, until in self._presence.items() if until <= now_ms]:
            del self._presence[key]  # lapsed: a node that died without saying goodbye
        wanted = set(users)
        return frozenset(user for user, _ in self._presence if user in wanted)

    async def claim_push_key(self, private_key: str) -> str:
        await self._enter()
        if self._push_key is None:
            self._push_key = private_key
        return self._push_key

    def _owned_webhook(self, owner: str, webhook: str) -> Webhook:
        found = self._webhooks.get(webhook)
        if found is None or found.owner != owner:
            raise ProtocolViolation(ErrorCode.NOT_FOUND)
        return found

    def _summary(self, user: str, conv: str) -> ConversationSummary:
        state = self._conversations[conv]
        member = state.members[user]
        last_message = next(
            (e for e in reversed(state.events) if e.kind is EventKind.MESSAGE), None
        )
        unread = sum(
            1
            for e in state.events[member.read_seq :]
            if e.kind is EventKind.MESSAGE and e.sender != user
        )
        return ConversationSummary(
            conv=conv,
            kind=state.kind,
            title=state.title,
            members=tuple(sorted(state.members)[:SUMMARY_MEMBERS]),
            role=member.role,
            last_seq=state.last_seq,
            read_seq=member.read_seq,
            unread=unread,
            last_message=last_message,
        )


def _result_of(event: Event) -> AppendResult:
    return AppendResult(
        conv=event.conv, seq=event.seq, ts=event.ts, client_msg_id=event.client_msg_id
    )
