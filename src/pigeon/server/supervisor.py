"""Background tasks under supervision: each failure is logged, then the task is restarted
after a growing pause; past ``max_restarts`` failures in a row the node is stopped loudly.
No background task is ever fire-and-forget."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

# How long a stop waits for cancelled tasks to end before leaving them behind.
STOP_TIMEOUT_S = 5.0


class Supervisor:
    def __init__(self, on_fatal: Callable[[str], None]) -> None:
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._on_fatal = on_fatal

    def start(
        self, name: str, make: Callable[[], Awaitable[None]], *, max_restarts: int = 5
    ) -> None:
        """Run ``make()`` until it returns; restart it when it raises."""
        self._tasks[name] = asyncio.create_task(self._watch(name, make, max_restarts), name=name)

    def names(self) -> list[str]:
        """The tasks started and not stopped, by name."""
        return sorted(self._tasks)

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

    async def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> None:
        """Cancel every task and wait for them, at most ``timeout_s``. One still running then
        (stuck in a cancelled call that does not return) is logged with its stack and left
        behind, so that a drain never hangs on it; closing the store next cuts its
        connection."""
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
        if not tasks:
            return
        _, stuck = await asyncio.wait(tasks, timeout=timeout_s)
        for task in stuck:
            stack = io.StringIO()
            task.print_stack(file=stack)
            log.error(
                "background task did not stop when cancelled",
                extra={"task": task.get_name(), "stack": stack.getvalue()[-2000:]},
            )
