"""The simulation's event loop: virtual time, a seeded order of ready callbacks, hangs found."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest

from pigeon.simulation.loop import SimLoop, Stalled
from pigeon.simulation.world import History, SimStore

T = TypeVar("T")


def run(seed: int, main: Coroutine[Any, Any, T]) -> T:
    loop = SimLoop(random.Random(seed))
    try:
        return loop.run_until_complete(main)
    finally:
        loop.close()


async def order_of_ready_tasks() -> list[int]:
    done: list[int] = []

    async def one(i: int) -> None:
        await asyncio.sleep(0)
        done.append(i)

    await asyncio.gather(*(one(i) for i in range(8)))
    return done


def test_time_is_virtual_and_jumps_to_the_next_timer() -> None:
    """An hour of sleeping costs nothing; timers fire in time order; wait_for times out."""

    async def main() -> tuple[list[float], float, bool]:
        loop = asyncio.get_running_loop()
        fired: list[float] = []
        for delay in (3600.0, 1.0, 60.0):
            loop.call_later(delay, lambda: fired.append(loop.time()))
        await asyncio.sleep(3601)
        try:
            await asyncio.wait_for(asyncio.Event().wait(), 5)
        except TimeoutError:
            timed_out = True
        else:
            timed_out = False
        return fired, loop.time(), timed_out

    assert run(0, main()) == ([1.0, 60.0, 3600.0], 3606.0, True)


def test_a_seed_fixes_the_order_of_ready_callbacks() -> None:
    """The same seed runs ready tasks in the same order; other seeds in other orders."""
    orders = {tuple(run(seed, order_of_ready_tasks())) for seed in range(6)}
    assert len(orders) > 1
    assert run(3, order_of_ready_tasks()) == run(3, order_of_ready_tasks())


def test_a_hang_is_reported_not_waited_for() -> None:
    """Every task waiting and no timer set: Stalled, at once."""
    with pytest.raises(Stalled, match="no timer"):
        run(0, asyncio.Event().wait())


def test_a_livelock_is_reported_past_the_callback_budget() -> None:
    """Work that schedules itself without end (virtual time never moves): Stalled."""
    loop = SimLoop(random.Random(0), max_callbacks=1000)

    def again() -> None:
        loop.call_soon(again)

    loop.call_soon(again)
    with pytest.raises(Stalled, match="1000 callbacks"):
        loop.run_until_complete(asyncio.Event().wait())
    loop.close()


def test_the_simulated_stores_rate_buckets_run_on_virtual_time() -> None:
    """A bucket refilled by a virtual second (no real time passes): the store dates
    take_tokens by the loop's clock, so a seed's refusals replay exactly."""
    loop = SimLoop(random.Random(0))
    store = SimStore(random.Random(0), History(loop), error=0.0, unknown=0.0)

    async def take_wait_take() -> list[int]:
        await store.open()
        grants = []
        for _ in range(2):
            grants.append(await store.take_tokens("k", 1, rate_per_s=1.0, burst=1.0))
        await asyncio.sleep(1.0)
        grants.append(await store.take_tokens("k", 1, rate_per_s=1.0, burst=1.0))
        return grants

    try:
        assert loop.run_until_complete(take_wait_take()) == [1, 0, 1]
    finally:
        loop.close()
