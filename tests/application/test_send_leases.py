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
from tests.helpers.timing import TIMEOUT_S


class CountingStore(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.takes = 0

    async def take_tokens(
        self,
        key: str,
        want: int,
        *,
        rate_per_s: float,
        burst: float,
        now_ms: int | None = None,
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


class GatedStore(MemoryStore):
    """Each lease the store grants waits for the test to let it through; ``on_grant`` runs
    as the grant returns (a write arriving at that moment)."""

    def __init__(self) -> None:
        super().__init__()
        self.let_through: asyncio.Queue[None] = asyncio.Queue()
        self.asking = asyncio.Event()
        self.on_grant: list[object] = []

    async def take_tokens(
        self,
        key: str,
        want: int,
        *,
        rate_per_s: float,
        burst: float,
        now_ms: int | None = None,
    ) -> int:
        self.asking.set()
        await self.let_through.get()
        self.asking.clear()
        granted = await super().take_tokens(
            key, want, rate_per_s=rate_per_s, burst=burst, now_ms=now_ms
        )
        for start in self.on_grant:
            assert callable(start)
            start()
        self.on_grant.clear()
        return granted


async def test_writes_take_their_tokens_in_arrival_order() -> None:
    """Write 1 asks the store for a lease of two while write 2 waits; write 3 arrives just as
    the lease comes back. Write 2 gets the spare token, and write 3 queues behind it: a
    connection's sends reach the store in the order sent (PROTOCOL.md, Order)."""
    store = GatedStore()
    await store.open()
    service = Service(
        Config(send_rate_per_s=0.001, send_burst=50),
        store,
        Hub(MemoryBus(), store.events_after),
        Metrics(),
        monotonic=lambda: 0.0,
        wall_ms=lambda: 1_000_000,
    )
    admitted: list[int] = []
    tasks: list[asyncio.Task[None]] = []

    async def write(n: int) -> None:
        await service._limit_sends("alice")
        admitted.append(n)

    def start(n: int) -> None:
        tasks.append(asyncio.ensure_future(write(n)))

    try:
        start(0)
        await store.asking.wait()
        store.let_through.put_nowait(None)  # a lease of one: write 0's own token
        await tasks[0]
        start(1)  # asks for two
        await store.asking.wait()
        start(2)  # waits for write 1's ask
        store.on_grant.append(lambda: start(3))
        for _ in range(3):  # write 1's ask, and any later one
            store.let_through.put_nowait(None)
        await asyncio.wait_for(asyncio.gather(*tasks), TIMEOUT_S)
        assert admitted == [0, 1, 2, 3]
    finally:
        service.close()
        await store.close()


async def test_a_gateway_whose_clock_steps_back_keeps_admitting_at_the_rate() -> None:
    """The shared bucket is dated by the store's clock, not the gateway's: a gateway whose
    wall clock steps back two minutes (an NTP step, a VM restored) refills as time passes
    instead of refusing its users until its clock catches up (found by `pigeon chaos`)."""
    store_s = [0.0]
    store = MemoryStore(clock=lambda: store_s[0])
    await store.open()
    wall_ms = [1_000_000_000]
    service = Service(
        Config(send_rate_per_s=10, send_burst=2),
        store,
        Hub(MemoryBus(), store.events_after),
        Metrics(),
        monotonic=lambda: store_s[0],  # this gateway's own monotonic clock runs on too
        wall_ms=lambda: wall_ms[0],
    )
    try:
        for _ in range(2):
            await service._limit_sends("alice")
        with pytest.raises(RateLimited):  # the burst is spent
            await service._limit_sends("alice")
        wall_ms[0] -= 120_000  # the clock steps back two minutes
        store_s[0] += 1.0  # and a second passes: ten tokens at 10 a second, two held
        for _ in range(2):
            await service._limit_sends("alice")
    finally:
        service.close()
        await store.close()
