"""The machine's speed, probed: the CPU time of a fixed pure-Python workload.

This machine's CPU speed changes by up to 1.7x from minute to minute (host throttling, and
other work sharing the cores), so CPU-per-message figures taken minutes apart cannot be
compared as they are. Each run times this workload at its start, every few seconds of
its load (in the coordinator, a few ms of CPU each time) and at its end; a figure
divided by the probe's slowdown against :data:`REFERENCE_US` is "at reference speed", which
is how figures from different minutes, or different sittings, are compared.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any

# Repetitions of the workload per probe: the median resists one repetition preempted by
# an interrupt, and the whole probe stays a few milliseconds of CPU.
REPEATS = 5
LOOP = 4000
# The reference speed: about the median CPU time of one repetition on the standard machine
# in a fast minute (2026-11-30: 920 µs while `sum(range(1000))` took 15 µs of CPU; 1,550 to
# 2,060 µs while it took 27-32 µs). A figure "at reference speed" is scaled to it.
REFERENCE_US = 1000.0


def _workload() -> int:
    """Interpreter work of the kind the server and generator do: ints, strings, a dict,
    attribute-free calls; no I/O and no allocation that outlives the call."""
    seen: dict[str, int] = {}
    total = 0
    for i in range(LOOP):
        key = str(i % 512)
        total += seen.get(key, 0) + len(key)
        seen[key] = i
    return total


def probe_us() -> float:
    """The median CPU time (this thread's, µs) of one repetition of the workload."""
    times: list[float] = []
    for _ in range(REPEATS):
        began = time.thread_time_ns()
        _workload()
        times.append((time.thread_time_ns() - began) / 1000)
    return round(statistics.median(times), 1)


def speed(start_us: float, end_us: float, during_us: Sequence[float] = ()) -> dict[str, Any]:
    """The probe's readings at a run's start, during its load and at its end, and the speed
    factor they give: the reference time over their median (1.0 at reference speed, 0.6
    when 1.7x slower)."""
    readings = [start_us, *during_us, end_us]
    middle_us = statistics.median(readings)
    return {
        "probe_us_start": start_us,
        "probe_us_end": end_us,
        "probe_us_during": list(during_us),
        "reference_us": REFERENCE_US,
        "speed_factor": round(REFERENCE_US / middle_us, 3) if middle_us > 0 else None,
    }


def at_reference(cpu_us: float | None, machine_speed: dict[str, Any]) -> float | None:
    """A CPU figure taken at the probed speed, scaled to the reference speed."""
    factor: float | None = machine_speed.get("speed_factor")
    if cpu_us is None or factor is None:
        return None
    return round(cpu_us * factor, 1)
