"""How long ``pigeon chaos`` runs (``run_length``): its duration, unless the nemesis fails
first, which stops the run at once with the reason (a fault that could not be healed)."""

from __future__ import annotations

import asyncio
import time

from pigeon.chaos import nemesis
from pigeon.chaos.run import run_length


async def test_a_fault_that_cannot_be_healed_cuts_the_run_short() -> None:
    async def fails_to_heal() -> None:
        await asyncio.sleep(0.05)
        raise nemesis.NemesisError("not healthy 60 s after healing: pg-2 not streaming")

    started = time.monotonic()
    why = await run_length(asyncio.create_task(fails_to_heal()), duration_s=600.0)
    assert why == "not healthy 60 s after healing: pg-2 not streaming"
    assert time.monotonic() - started < 60.0  # not the run's 600 s


async def test_a_nemesis_done_early_still_leaves_the_whole_duration() -> None:
    async def plans_no_more() -> None:
        await asyncio.sleep(0.01)

    started = time.monotonic()
    assert await run_length(asyncio.create_task(plans_no_more()), duration_s=0.5) is None
    assert time.monotonic() - started >= 0.5


async def test_a_fault_still_healing_at_the_end_is_waited_for() -> None:
    healed = asyncio.Event()

    async def heals_late() -> None:
        await asyncio.sleep(0.3)
        healed.set()

    assert await run_length(asyncio.create_task(heals_late()), duration_s=0.05) is None
    assert healed.is_set()
