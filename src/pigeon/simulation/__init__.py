"""Deterministic simulation of Pigeon's core and application layer (issue 12, item 3).

:func:`simulate` runs one seed: a few gateways (service, hub, lossy memory bus) sharing one
memory store that fails now and then, devices using the SDK's Sync that send, edit, delete,
create groups, add and remove members, read, drop their connection and resume, all on
:class:`~pigeon.simulation.loop.SimLoop` (virtual time, a seeded choice of the next ready
callback); then a final drain without faults and the checker (history.py). The same seed
gives the same history, byte for byte. ``python -m pigeon.simulation`` runs many seeds
(``make simulate SEEDS=N``); docs/DECISIONS.md D47 says why it is built this way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pigeon.simulation.history import ANOMALIES, Record, Verdict, check, encode_history
from pigeon.simulation.loop import SimLoop, Stalled
from pigeon.simulation.world import Options, SimStore, SyncFactory, World

__all__ = [
    "ANOMALIES",
    "Options",
    "Outcome",
    "Record",
    "SimStore",
    "Verdict",
    "encode_history",
    "simulate",
]


@dataclass
class Outcome:
    """One seed's run: its history, the checker's verdict, and a hang or crash if any."""

    seed: int
    records: list[Record]
    verdict: Verdict
    callbacks: int  # callbacks the loop ran: the run's size
    virtual_s: float
    failures: list[str] = field(default_factory=list)  # hangs, crashes, unhandled errors
    faults: dict[str, int] = field(default_factory=dict)  # injected, by kind

    @property
    def ok(self) -> bool:
        return self.verdict.ok and not self.failures

    def history_bytes(self) -> bytes:
        return encode_history(self.records)

    def summary(self) -> str:
        found = {k: v for k, v in self.verdict.counts().items() if v}
        state = "ok" if self.ok else f"FAILED {found or ''} {self.failures[:1] or ''}".strip()
        return (
            f"seed {self.seed}: {state}; {self.verdict.acked} acked, "
            f"{self.verdict.delivered} delivered, {self.callbacks} callbacks, "
            f"{self.virtual_s:.1f} virtual s"
        )


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The hub warns at every lost doorbell: thousands a run, by design here."""
    logger = logging.getLogger("pigeon")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _cancel_all(loop: SimLoop) -> None:
    """Cancel what a failed run left waiting, and let it unwind."""
    loop.max_callbacks = loop.callbacks_run + 10**6
    tasks = asyncio.all_tasks(loop)
    if not tasks:
        # gather() of nothing would ask for the thread's default loop, making one (with a
        # socket pair) that nobody closes.
        return
    for task in tasks:
        task.cancel()
    with contextlib.suppress(Exception):
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))


def simulate(
    seed: int,
    options: Options | None = None,
    *,
    store_class: type[SimStore] = SimStore,
    make_sync: SyncFactory | None = None,
) -> Outcome:
    """Run one seed and check its history. ``store_class`` and ``make_sync`` let the tests
    plant bugs (tests/simulation) to show that the checker finds them."""
    options = options or Options()
    steps = options.steps_per_device * options.users * options.devices_per_user
    loop = SimLoop(
        random.Random(f"{seed}:schedule"), max_callbacks=steps * options.max_callbacks_per_step
    )
    failures: list[str] = []

    def on_error(_: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        failures.append(f"unhandled: {context.get('message')} {exc!r}")

    loop.set_exception_handler(on_error)
    world = World(seed, options, loop, store_class=store_class, make_sync=make_sync)
    records = world.history.records
    verdict = Verdict()
    with _quiet():
        try:
            loop.run_until_complete(world.run())
            logs, members = loop.run_until_complete(world.final_logs())
            user_of = {device.name: device.user for device in world.devices}
            verdict = check(records, logs, members, user_of)
        except Stalled as exc:
            failures.append(f"hang: {exc}")
        except Exception as exc:  # a crash of the code under test: report it, with its seed
            failures.append(f"crash: {exc!r} " + "".join(traceback.format_exception(exc)))
        finally:
            _cancel_all(loop)
            loop.close()
    return Outcome(seed, records, verdict, loop.callbacks_run, loop.now_s, failures, world.faults())
