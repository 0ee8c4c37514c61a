"""The outbox relay: turns committed events into webhook deliveries, and delivers them.

Two supervised loops, neither on the send path and neither holding the writer while it waits:

- :meth:`Relay.run_outbox` claims outbox records (written in each event's own transaction,
  docs/DECISIONS.md D48) under a lease, finds the endpoints that may receive each event
  (:func:`pigeon.core.webhooks.recipients`: only members' endpoints, G5), queues one delivery
  per endpoint and drops the records. A relay that dies lets its lease lapse; the records are
  claimed again, and a delivery queued twice is kept once: at least once, never lost.
- :meth:`Relay.run_deliveries` claims due deliveries, at most :data:`PER_WEBHOOK` in flight
  per endpoint on this node, and POSTs each with its signature in a task of its own, so a
  slow or dead endpoint holds only its own slots. A failure is retried with exponential
  backoff and jitter until ``webhook_retry_for_s`` has passed, then the delivery is dead.

Store failures are logged and retried after ``relay_interval_s``: a relay outlives an outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from pigeon.core import webhooks
from pigeon.errors import RateLimited, StoreUnavailable
from pigeon.store.base import Delivery, DeliveryState, NewDelivery, OutboxRecord, Store

log = logging.getLogger(__name__)

# Deliveries one node has in flight to one endpoint; the others wait their turn in the store.
PER_WEBHOOK = 2
OUTBOX_BATCH = 256  # outbox records claimed at once
BATCH_WINDOW_S = 0.1  # how long a woken relay lets commits gather before its pass
# Finished deliveries are listed (and dead ones can be replayed) this long, then forgotten.
PRUNE_AFTER_MS = {DeliveryState.DELIVERED: 7 * 86_400_000, DeliveryState.DEAD: 30 * 86_400_000}
PRUNE_BATCH = 1000

# POST ``body`` to ``url`` with ``headers`` within the timeout: None when the endpoint answered
# 2xx, else what went wrong in a few words (the status, a timeout, a refused connection).
Poster = Callable[[str, bytes, dict[str, str]], Awaitable[str | None]]


@dataclass(frozen=True, slots=True)
class RelaySettings:
    interval_s: float
    lease_ms: int
    timeout_s: float
    concurrency: int
    retry_base_ms: int
    retry_cap_ms: int
    retry_for_ms: int


@dataclass(slots=True)
class RelayCounters:
    """What the relay did since start, for metrics."""

    queued: int = 0  # deliveries queued from outbox records
    delivered: int = 0
    retried: int = 0  # failed attempts that will be tried again
    dead: int = 0
    oldest_ms: int | None = None  # the oldest outbox record at the last look (None: empty)


def now_ms() -> int:
    return int(time.time() * 1000)


class Relay:
    def __init__(
        self,
        store: Store,
        post: Poster,
        settings: RelaySettings,
        *,
        clock_ms: Callable[[], int] = now_ms,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._store = store
        self._post = post
        self._settings = settings
        self._clock_ms = clock_ms
        self._jitter = jitter
        self._outbox_wake = asyncio.Event()
        self._deliveries_wake = asyncio.Event()
        self._slot_freed = asyncio.Event()
        self._in_flight: dict[int, str] = {}  # delivery id -> endpoint id
        self.counters = RelayCounters()

    def wake(self) -> None:
        """A commit on this node: look at the outbox now rather than at the next interval."""
        self._outbox_wake.set()

    def lag_s(self) -> float:
        """The age of the oldest undelivered outbox record at the last look (0: none)."""
        oldest = self.counters.oldest_ms
        return max(0.0, (self._clock_ms() - oldest) / 1000) if oldest is not None else 0.0

    # -- the outbox -------------------------------------------------------------------------

    async def run_outbox(self) -> None:
        """Relay outbox records into deliveries until cancelled (a supervised task)."""
        looked_at = -math.inf  # when the lag was last read
        loop = asyncio.get_running_loop()
        while True:
            self._outbox_wake.clear()
            try:
                relayed = await self.relay_once()
                if loop.time() - looked_at >= self._settings.interval_s:
                    self.counters.oldest_ms = await self._store.outbox_oldest_ms()
                    looked_at = loop.time()
            except (StoreUnavailable, RateLimited) as exc:
                log.warning("outbox relay: store unavailable", extra={"error": str(exc)})
                relayed = 0
            if relayed < OUTBOX_BATCH:  # caught up: wait for a commit, or another node's
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._outbox_wake.wait(), self._settings.interval_s)
                # Let the commits of the next moment gather, so that a pass takes a batch of
                # them: under load, a few relay writes a second, not one per commit.
                await asyncio.sleep(min(BATCH_WINDOW_S, self._settings.interval_s))

    async def relay_once(self) -> int:
        """Claim one batch of outbox records and queue their deliveries; returns how many
        records it claimed."""
        now = self._clock_ms()
        records = await self._store.claim_outbox(
            now, lease_ms=self._settings.lease_ms, limit=OUTBOX_BATCH
        )
        if not records:
            return 0
        # One lookup for the batch: the endpoints of everyone in its conversations.
        owners = sorted({member for record in records for member in record.members})
        found = await self._store.webhooks_of(owners) if owners else []
        endpoints = [(w.id, w.owner, w.conv) for w in found]
        deliveries: list[NewDelivery] = []
        for record in records:
            deliveries.extend(self._deliveries_of(record, endpoints, now))
        await self._store.finish_outbox(records, deliveries)
        self.counters.queued += len(deliveries)
        if deliveries:
            self._deliveries_wake.set()
        return len(records)

    def _deliveries_of(
        self, record: OutboxRecord, endpoints: list[tuple[str, str, str | None]], now: int
    ) -> list[NewDelivery]:
        event = record.event
        event_id = webhooks.event_id(self._store.epoch, event.conv, event.seq)
        return [
            NewDelivery(webhook, event_id, webhooks.payload(event_id, webhook, event), now)
            for webhook in webhooks.recipients(endpoints, event.conv, record.members)
        ]

    # -- deliveries -------------------------------------------------------------------------

    async def run_deliveries(self) -> None:
        """Deliver due deliveries until cancelled (a supervised task); on cancellation the
        deliveries in flight are cancelled too, and their leases lapse into a retry."""
        tasks: set[asyncio.Task[None]] = set()
        try:
            while True:
                self._deliveries_wake.clear()
                self._slot_freed.clear()
                claimed = 0
                free = self._settings.concurrency - len(self._in_flight)
                if free > 0:
                    try:
                        claimed = self._start(await self._claim(free), tasks)
                    except (StoreUnavailable, RateLimited) as exc:
                        log.warning("webhook relay: store unavailable", extra={"error": str(exc)})
                if claimed == 0 or free <= claimed:
                    # Nothing due, or every slot taken: wait for news, a slot, or the interval.
                    waits = [
                        asyncio.ensure_future(self._deliveries_wake.wait()),
                        asyncio.ensure_future(self._slot_freed.wait()),
                    ]
                    try:
                        await asyncio.wait(
                            waits,
                            timeout=self._settings.interval_s,
                            return_when=asyncio.FIRST_COMPLETED,
                        )
                    finally:
                        for wait in waits:
                            wait.cancel()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _claim(self, free: int) -> list[Delivery]:
        counts: dict[str, int] = {}
        for webhook in self._in_flight.values():
            counts[webhook] = counts.get(webhook, 0) + 1
        busy = frozenset(w for w, n in counts.items() if n >= PER_WEBHOOK)
        return await self._store.claim_deliveries(
            self._clock_ms(),
            # In flight for up to the timeout: the lease outlasts it, so no other relay tries
            # a delivery this one is still waiting on.
            lease_ms=self._settings.lease_ms + int(self._settings.timeout_s * 1000),
            limit=free,
            per_webhook=PER_WEBHOOK,
            skip=busy,
        )

    def _start(self, claimed: list[Delivery], tasks: set[asyncio.Task[None]]) -> int:
        for delivery in claimed:
            self._in_flight[delivery.id] = delivery.webhook.id
            task = asyncio.create_task(self._deliver(delivery), name=f"webhook-{delivery.id}")
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        return len(claimed)

    async def _deliver(self, delivery: Delivery) -> None:
        try:
            await self.deliver(delivery)
        except (StoreUnavailable, RateLimited) as exc:
            # The attempt's outcome is not recorded: the lease lapses and it is tried again.
            log.warning("webhook relay: store unavailable", extra={"error": str(exc)})
        except Exception:
            log.exception("webhook delivery failed", extra={"delivery": delivery.id})
        finally:
            self._in_flight.pop(delivery.id, None)
            self._slot_freed.set()

    async def deliver(self, delivery: Delivery) -> DeliveryState:
        """Make one attempt and record it; returns the delivery's state after it."""
        timestamp = self._clock_ms() // 1000
        secrets = delivery.webhook.signing_secrets(self._clock_ms())
        headers = {
            "Content-Type": "application/json",
            webhooks.SIGNATURE_HEADER: webhooks.signature_header(
                secrets, timestamp, delivery.payload
            ),
            webhooks.EVENT_ID_HEADER: delivery.event_id,
        }
        error = await self._post(delivery.webhook.url, delivery.payload, headers)
        now = self._clock_ms()
        if error is None:
            state, next_ms = DeliveryState.DELIVERED, now
            self.counters.delivered += 1
        else:
            next_ms = now + webhooks.retry_delay_ms(
                delivery.attempts + 1,
                base_ms=self._settings.retry_base_ms,
                cap_ms=self._settings.retry_cap_ms,
                jitter=self._jitter(),
            )
            if webhooks.gives_up(
                delivery.created_ms, next_ms, retry_for_ms=self._settings.retry_for_ms
            ):
                state, next_ms = DeliveryState.DEAD, now
                self.counters.dead += 1
            else:
                state = DeliveryState.PENDING
                self.counters.retried += 1
        await self._store.finish_delivery(
            delivery.id, now_ms=now, state=state, next_ms=next_ms, error=error
        )
        # One line per attempt, once recorded: the delivery log operators search by event id.
        log.log(
            logging.WARNING if state is DeliveryState.DEAD else logging.INFO,
            "webhook attempt",
            extra={
                "delivery": delivery.id,
                "webhook": delivery.webhook.id,
                "event_id": delivery.event_id,
                "attempt": delivery.attempts + 1,
                "state": state.value,
                "error": error,
            },
        )
        return state

    async def run_pruning(self) -> None:
        """Forget deliveries delivered a week ago and dead letters a month old, a batch of
        each a minute (a supervised task): the deliveries table stays bounded."""
        while True:
            now = self._clock_ms()
            try:
                for state, age_ms in PRUNE_AFTER_MS.items():
                    await self._store.prune_deliveries(state, now - age_ms, PRUNE_BATCH)
            except (StoreUnavailable, RateLimited) as exc:
                log.warning("webhook pruning: store unavailable", extra={"error": str(exc)})
            await asyncio.sleep(max(60.0, self._settings.interval_s))
