"""The notification relay: sends the pending notifications the outbox relay queued (one per
member and conversation, a burst merged into it) once due, through a pluggable
:class:`Notifier`, unless the member has read them or is online (docs/DECISIONS.md D50).

Like the webhook relay it claims under a lease (a relay that dies lets it lapse: another
sends the notification then, at least once) and makes no request with a transaction open.
A subscription the push service calls gone (404, 410) is dropped; 429, 5xx and timeouts are
retried with backoff, a few times (a notification hours late is noise).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from pigeon.core import notifications, webhooks
from pigeon.core.notifications import PushResult, Settle, Verdict
from pigeon.errors import ProtocolViolation, RateLimited, StoreUnavailable
from pigeon.store.base import PendingNotification, PushSubscription, Store

log = logging.getLogger(__name__)

BATCH = 256  # notifications claimed at once
MAX_ATTEMPTS = 8  # then the notification is dropped (counted as failed)


class Notifier(Protocol):
    """Sends one notification to one subscription: Web Push ships (``pigeon.transport.
    webpush``); another service (a mobile platform's) would be another implementation."""

    async def push(
        self, endpoint: str, p256dh: str, auth: str, payload: bytes, *, topic: str
    ) -> PushResult: ...


@dataclass(frozen=True, slots=True)
class NotifySettings:
    interval_s: float  # how often due notifications are looked for
    lease_ms: int
    concurrency: int  # pushes in flight at once on this node
    retry_base_ms: int
    retry_cap_ms: int


@dataclass(slots=True)
class NotifyCounters:
    sent: int = 0  # notifications a device's push service took
    read: int = 0  # suppressed: read before they were due
    online: int = 0  # suppressed: the member was connected
    gone: int = 0  # subscriptions dropped on a 404/410
    retried: int = 0
    failed: int = 0  # dropped after MAX_ATTEMPTS or a refusal


def now_ms() -> int:
    return int(time.time() * 1000)


class NotificationRelay:
    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        settings: NotifySettings,
        *,
        clock_ms: Callable[[], int] = now_ms,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._store = store
        self._notifier = notifier
        self._settings = settings
        self._clock_ms = clock_ms
        self._jitter = jitter
        self._slots = asyncio.Semaphore(settings.concurrency)
        self.counters = NotifyCounters()

    async def run(self) -> None:
        """Send due notifications until cancelled (a supervised task)."""
        while True:
            try:
                claimed = await self.notify_once()
            except (StoreUnavailable, RateLimited) as exc:
                log.warning("notification relay: store unavailable", extra={"error": str(exc)})
                claimed = 0
            if claimed < BATCH:
                await asyncio.sleep(self._settings.interval_s)

    async def notify_once(self) -> int:
        """Claim one batch of due notifications and settle each; returns how many."""
        now = self._clock_ms()
        due = await self._store.claim_notifications(
            now, lease_ms=self._settings.lease_ms, limit=BATCH
        )
        if not due:
            return 0
        users = sorted({n.user for n in due})
        online = await self._store.online(users, now)
        subscriptions: dict[str, list[PushSubscription]] = {}
        for found in await self._store.push_subscriptions_of(users):
            subscriptions.setdefault(found.owner, []).append(found)
        outcomes = await asyncio.gather(
            *(self._settle(n, n.user in online, subscriptions.get(n.user, [])) for n in due)
        )
        done = [n for n, retry_ms in zip(due, outcomes, strict=True) if retry_ms is None]
        retry = [(n, r) for n, r in zip(due, outcomes, strict=True) if r is not None]
        await self._store.finish_notifications(done, retry)
        return len(due)

    async def _settle(
        self, note: PendingNotification, online: bool, subscriptions: list[PushSubscription]
    ) -> int | None:
        """Suppress or send one notification; returns when to try it again (None: done)."""
        outcome, retry_ms = await self._outcome(note, online, subscriptions)
        setattr(self.counters, outcome, getattr(self.counters, outcome) + 1)
        # One line per notification settled: what operators (and the tests) look for.
        log.info(
            "notification",
            extra={
                "user": note.user,
                "conv": note.conv,
                "seq": note.seq,
                "attempt": note.attempts + 1,
                "outcome": outcome,
            },
        )
        return retry_ms

    async def _outcome(
        self, note: PendingNotification, online: bool, subscriptions: list[PushSubscription]
    ) -> tuple[str, int | None]:
        verdict = notifications.verdict(note.seq, note.read_seq, online=online)
        if verdict is not Verdict.SEND:
            return verdict.value, None  # "read" or "online"
        payload = notifications.payload(note.conv, note.seq, note.read_seq)
        topic = notifications.topic(note.conv)
        results = await asyncio.gather(*(self._push(s, payload, topic) for s in subscriptions))
        if notifications.settle(results) is Settle.DONE:
            return ("sent" if PushResult.DELIVERED in results else "failed"), None
        if note.attempts + 1 >= MAX_ATTEMPTS:
            return "failed", None
        return "retried", self._clock_ms() + webhooks.retry_delay_ms(
            note.attempts + 1,
            base_ms=self._settings.retry_base_ms,
            cap_ms=self._settings.retry_cap_ms,
            jitter=self._jitter(),
        )

    async def _push(self, subscription: PushSubscription, payload: bytes, topic: str) -> PushResult:
        async with self._slots:
            result = await self._notifier.push(
                subscription.endpoint, subscription.p256dh, subscription.auth, payload, topic=topic
            )
        log.info(
            "push attempt",
            extra={"subscription": subscription.id, "user": subscription.owner, "result": result},
        )
        if result is PushResult.GONE:
            self.counters.gone += 1
            with contextlib.suppress(ProtocolViolation):  # deleted meanwhile
                await self._store.delete_push_subscription(subscription.owner, subscription.id)
        return result
