"""The background tasks' supervisor: a stop is bounded, whatever a task does with its
cancellation."""

from __future__ import annotations

import asyncio
import logging

import pytest

from pigeon.server.supervisor import Supervisor


async def test_a_stop_leaves_behind_a_task_that_will_not_stop_and_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    release = asyncio.Event()

    async def stubborn() -> None:
        while not release.is_set():
            try:
                await release.wait()
            except asyncio.CancelledError:
                continue  # a cancelled call that does not return, as seen in a drain

    async def polite() -> None:
        await asyncio.Event().wait()

    supervisor = Supervisor(on_fatal=lambda name: None)
    supervisor.start("stubborn", stubborn)
    supervisor.start("polite", polite)
    await asyncio.sleep(0)
    with caplog.at_level(logging.ERROR, logger="pigeon.server.supervisor"):
        await asyncio.wait_for(supervisor.stop(timeout_s=0.2), 5)
    [record] = [r for r in caplog.records if r.getMessage().startswith("background task")]
    assert record.task == "stubborn"  # type: ignore[attr-defined]
    assert "stubborn" in record.stack  # type: ignore[attr-defined]
    release.set()  # now it ends, on the loop's next turns
    for _ in range(3):
        await asyncio.sleep(0)
