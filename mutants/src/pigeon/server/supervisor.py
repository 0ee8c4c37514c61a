"""Background tasks under supervision: each failure is logged, then the task is restarted
after a growing pause; past ``max_restarts`` failures in a row the node is stopped loudly.
No background task is ever fire-and-forget."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Supervisor:
    def __init__(self, on_fatal: Callable[[str], None]) -> None:
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._on_fatal = on_fatal

    def start(
        self, name: str, make: Callable[[], Awaitable[None]], *, max_restarts: int = 5
    ) -> None:
        """Run ``make()`` until it returns; restart it when it raises."""
        self._tasks[name] = asyncio.create_task(self._watch(name, make, max_restarts), name=name)

    async def _watch(
        self, name: str, make: Callable[[], Awaitable[None]], max_restarts: int
    ) -> None:
        failures = 0
        while True:
            try:
                await make()
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                failures += 1
                log.exception("background task failed", extra={"task": name, "failures": failures})
                if failures > max_restarts:
                    log.critical("background task keeps failing; stopping", extra={"task": name})
                    self._on_fatal(name)
                    return
                await asyncio.sleep(min(30.0, 0.1 * 2**failures))

    async def stop(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        await asyncio.gather(*self._tasks.values(), return_exceptions=True)
        self._tasks.clear()
