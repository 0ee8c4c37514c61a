"""``python -m pigeon.simulation``: run many seeds, or replay one (``make simulate SEEDS=N``).

    python -m pigeon.simulation --seeds 1000 --start 0     # seeds 0..999, a line per failure
    python -m pigeon.simulation --seed 17 --history h.jsonl  # one seed, its history written out

Exits 1 when any seed fails (an anomaly, a hang or a crash), printing each failing seed, so
that ``--seed`` replays it exactly.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

from pigeon.simulation import Options, simulate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pigeon.simulation")
    parser.add_argument("--seeds", type=int, default=100, help="how many seeds to run")
    parser.add_argument("--start", type=int, default=0, help="the first seed")
    parser.add_argument("--seed", type=int, help="run this one seed only")
    parser.add_argument("--history", type=Path, help="with --seed: write its history here")
    parser.add_argument("--steps", type=int, default=Options.steps_per_device)
    args = parser.parse_args(argv)
    options = Options(steps_per_device=args.steps)
    seeds = [args.seed] if args.seed is not None else range(args.start, args.start + args.seeds)
    started = time.process_time()
    failed = callbacks = acked = delivered = 0
    faults: Counter[str] = Counter()
    for seed in seeds:
        outcome = simulate(seed, options)
        callbacks += outcome.callbacks
        acked += outcome.verdict.acked
        delivered += outcome.verdict.delivered
        faults.update(outcome.faults)
        history = outcome.history_bytes()
        if args.seed is not None:
            digest = hashlib.sha256(history).hexdigest()
            print(f"{outcome.summary()}; history sha256 {digest}")
            if args.history is not None:
                args.history.write_bytes(history)
        if not outcome.ok:
            failed += 1
            if args.seed is None:
                print(outcome.summary(), flush=True)
            for kind, found in outcome.verdict.anomalies.items():
                for what in found[:5]:
                    print(f"  {kind}: {what}")
            for failure in outcome.failures:
                print(f"  {failure}")
    cpu_s = time.process_time() - started
    count = len(seeds)
    print(
        f"{count} seeds, {failed} failed; {acked} acks and {delivered} deliveries checked; "
        f"{callbacks // max(count, 1)} callbacks a seed; {count / max(cpu_s, 1e-9):.1f} seeds/s "
        f"({cpu_s:.1f} s CPU)"
    )
    print("faults: " + ", ".join(f"{kind} {n}" for kind, n in sorted(faults.items())))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
