"""Which users this node holds connections of, kept in the store for the whole cluster, so
that a notification relay on any gateway knows a member is online (docs/DECISIONS.md D50).

One supervised task writes changes in batches: arrivals at once (a welcomed connection waits
for the batch holding its user, so from its welcome on no notification is sent for what it
sees live), departures within :data:`CHECK_S`, and every live row renewed each third of the
TTL. A node that dies without a goodbye lets its rows lapse after ``ttl_ms``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from pigeon.errors import RateLimited, StoreUnavailable
from pigeon.store.base import Store

log = logging.getLogger(__name__)

CHECK_S = 1.0  # how often departures are looked for (a set difference in memory)


def now_ms() -> int:
    return int(time.time() * 1000)


class Presence:
    def __init__(
        self,
        store: Store,
        node: str,
        users: Callable[[], frozenset[str]],
        *,
        ttl_ms: int,
        clock_ms: Callable[[], int] = now_ms,
    ) -> None:
        self._store = store
        self._node = node
        self._users = users
        self._ttl_ms = ttl_ms
        self._clock_ms = clock_ms
        self._written: frozenset[str] = frozenset()
        self._renewed_ms = 0
        self._wake = asyncio.Event()
        self._flushed: asyncio.Future[None] | None = None

    async def arrived(self) -> None:
        """Return once a batch written after this call holds every user attached now; a
        store that fails is not waited for longer than a renewal."""
        if self._flushed is None or self._flushed.done():
            self._flushed = asyncio.get_running_loop().create_future()
        flushed = self._flushed
        self._wake.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(flushed), self._ttl_ms / 3000)

    async def run(self) -> None:
        """Write presence changes until cancelled (a supervised task)."""
        while True:
            self._wake.clear()
            waiting, self._flushed = self._flushed, None
            try:
                await self.flush()
            except (StoreUnavailable, RateLimited) as exc:
                log.warning("presence: store unavailable", extra={"error": str(exc)})
            if waiting is not None and not waiting.done():
                waiting.set_result(None)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), min(CHECK_S, self._ttl_ms / 3000))

    async def flush(self) -> None:
        now = self._clock_ms()
        current = self._users()
        renew = now - self._renewed_ms >= self._ttl_ms // 3
        online = sorted(current if renew else current - self._written)
        offline = sorted(self._written - current)
        if online or offline:
            await self._store.update_presence(self._node, online, offline, now + self._ttl_ms)
        self._written = current
        if renew:
            self._renewed_ms = now

    async def leave(self) -> None:
        """A goodbye (after the drain, the task stopped): this node holds nobody any more,
        without waiting for its rows to lapse. A store that fails lets them lapse."""
        with contextlib.suppress(StoreUnavailable, RateLimited):
            await self._store.update_presence(self._node, [], sorted(self._written), 0)
        self._written = frozenset()
