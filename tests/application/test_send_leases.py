"""The send bucket through Service: writes of one user that arrive together share one store
call at a time, so a burst the bucket holds is admitted whole (D42)."""

from __future__ import annotations

import asyncio

import pytest

from pigeon.application.hub import Hub
from pigeon.application.service import Service
from pigeon.bus.memory import MemoryBus
from pigeon.config import Config
from pigeon.errors import RateLimited
from pigeon.ops.metrics import Metrics
from pigeon.store.memory import MemoryStore


class CountingStore(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.takes = 0

    async def take_tokens(
        self, key: str, want: int, *, rate_per_s: float, burst: float, now_ms: int
    ) -> int:
        self.takes += 1
        return await super().take_tokens(
            key, want, rate_per_s=rate_per_s, burst=burst, now_ms=now_ms
        )


async def test_concurrent_writes_of_a_burst_are_all_admitted() -> None:
    """Forty writes at once, with a burst of 50 held in the store: all pass, on a handful of
    store calls (leases of 1, 2, 4, 8, 13, ...), and the next ten drain the bucket exactly."""
    store = CountingStore()
    await store.open()
    clock = [0.0]
    service = Service(
        Config(send_rate_per_s=0.001, send_burst=50),
        store,
        Hub(MemoryBus(), store.events_after),
        Metrics(),
        monotonic=lambda: clock[0],
        wall_ms=lambda: 1_000_000,
    )
    try:
        results = await asyncio.gather(
            *(service._limit_sends("alice") for _ in range(40)), return_exceptions=True
        )
        assert results == [None] * 40
        assert store.takes <= 6
        for _ in range(10):
            await service._limit_sends("alice")
        with pytest.raises(RateLimited):  # the 51st write of a burst of 50
            await service._limit_sends("alice")
    finally:
        service.close()
        await store.close()
