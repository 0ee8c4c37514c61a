"""/readyz's store check (server/app.py ReadinessCheck): bounded, one at a time. The store is
a stand-in whose check hangs until released, as a partition or a commit waiting for a
synchronous standby hangs a real one."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from pigeon.errors import StoreUnavailable
from pigeon.server.app import READY_CHECK_TIMEOUT_S, ReadinessCheck
from pigeon.store.base import Store
from tests.helpers.timing import TIMEOUT_S


class HangingStore:
    """``check`` waits for :attr:`release`, then fails or passes as told; counts calls."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.fail = False
        self.checks = 0

    async def check(self) -> None:
        self.checks += 1
        await self.release.wait()
        if self.fail:
            raise StoreUnavailable("down")


def readiness(store: HangingStore) -> ReadinessCheck:
    return ReadinessCheck(cast(Store, cast(Any, store)))


async def test_a_hanging_check_is_not_ready_within_the_bound_and_is_joined() -> None:
    store = HangingStore()
    check = readiness(store)
    loop = asyncio.get_running_loop()
    started = loop.time()
    answers = list(await asyncio.gather(check.passes(), check.passes(), check.passes()))
    assert answers == [False, False, False]
    assert loop.time() - started < READY_CHECK_TIMEOUT_S + TIMEOUT_S / 10
    assert store.checks == 1  # the requests joined the check still running
    store.release.set()
    assert await check.passes() is True  # it ended: its answer, or a new check's
    assert await check.passes() is True
    assert store.checks == 2


async def test_a_failed_check_is_not_ready() -> None:
    store = HangingStore()
    store.release.set()
    store.fail = True
    assert await readiness(store).passes() is False
