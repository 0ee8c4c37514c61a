"""The shape of a run, shared by the coordinator and its worker processes (all picklable)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pigeon.bench.provision import ClientSpec

INTERVAL_S = 1  # the width of one time-series bucket


@dataclass(frozen=True)
class Phase:
    """``duration_s`` whole seconds at ``rate`` sends/s in total; ``measure`` says whether it
    counts in the run's summary figures (a warm-up does not)."""

    name: str
    duration_s: int
    rate: float
    measure: bool = True


@dataclass
class WorkerConfig:
    worker_id: int
    ws_url: str
    epoch: str
    clients: list[ClientSpec]
    phases: list[Phase]
    run_tag: str
    rate_share: float  # this worker's share of the total send rate
    schedule: str = "poisson"  # or "fixed"
    client_lib: str = "picows"  # or "aiohttp"
    body_bytes: int = 64
    connect_concurrency: int = 200
    drain_grace_s: float = 1.0
    drain_timeout_s: float = 30.0
    reconnect_timeout_s: float = 60.0
    cursors: dict[int, dict[str, int]] = field(default_factory=dict)  # client idx -> cursors
    # S4: requests of the other priority classes (D53) fired beside the sends, as a number
    # per send of each kind (typing, history, read, hello); empty: sends only.
    mix: dict[str, float] = field(default_factory=dict)
