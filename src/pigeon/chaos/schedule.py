"""The nemesis's schedule: which fault, on which process, when and for how long.

A pure function of the seed, the run's length and what the cluster can take (kind -> targets),
so one seed gives one schedule (a test checks) and a failing run can be repeated with its
faults at the same offsets. Faults do not overlap: each one starts after the previous one has
healed, which keeps every fault a loss of one machine at a time (what the cluster is built to
survive, docs/PRODUCT.md) and its recovery time its own.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

# Seconds between one fault's heal and the next fault's start, and how long a fault holds.
GAP_S = (1.0, 4.0)
HOLD_S = (0.5, 4.0)
# No fault starts this close to the end: the last one heals before the drain.
TAIL_S = 3.0


@dataclass(frozen=True)
class PlannedFault:
    at_s: float  # seconds after the workload starts, at the earliest (after the last heal)
    kind: str
    target: str  # a process name of the cluster (gateway-0, nats-1, pg-1, haproxy)
    hold_s: float  # how long the fault lasts before the nemesis heals it


def plan(
    seed: int,
    duration_s: float,
    targets: Mapping[str, list[str]],
    *,
    gap_s: tuple[float, float] = GAP_S,
    hold_s: tuple[float, float] = HOLD_S,
) -> list[PlannedFault]:
    """Faults for a run of ``duration_s`` seconds: kinds drawn evenly among those with
    targets, each with a seeded target, start and hold. Empty when no kind has a target."""
    rng = random.Random(seed)
    kinds = sorted(kind for kind, names in targets.items() if names)
    faults: list[PlannedFault] = []
    at_s = rng.uniform(*gap_s)
    while kinds and at_s + TAIL_S < duration_s:
        kind = rng.choice(kinds)
        target = rng.choice(sorted(targets[kind]))
        hold = round(rng.uniform(*hold_s), 3)
        faults.append(PlannedFault(round(at_s, 3), kind, target, hold))
        at_s += hold + rng.uniform(*gap_s)
    return faults
