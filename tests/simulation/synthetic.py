"""A synthetic chaos history of any length, for the checker's memory and speed (D57).

Users, each its own device (as ``pigeon chaos`` runs them), send into their 1:1, their group
of three and a group of everyone, one message at a time; each member delivers every event of
its conversations in order, some at once and some a while later, and one member sleeps for
long stretches and then catches up, more than the checker's window behind. Then, conversation
by conversation, its members and its log: the file ``pigeon chaos`` writes, with no anomaly
unless one is planted. ``python -m tests.simulation.synthetic --acked 1000000 out.jsonl``
writes one and checks it (``make check-history``).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
import tracemalloc
from pathlib import Path
from typing import BinaryIO

import msgspec

from pigeon.core.records import Event, EventKind
from pigeon.simulation.history import Record, check_file

ENCODE = msgspec.json.encode


def write_history(
    path: Path, *, acked: int, users: int = 12, sleep_every: int = 5000, seed: int = 0
) -> None:
    """Write a clean history of ``acked`` acked sends to ``path``; the sleeper sleeps and
    wakes every ``sleep_every`` sends."""
    rng = random.Random(seed)
    handles = [f"u{n}" for n in range(users)]
    convs: dict[str, list[str]] = {}
    for n, handle in enumerate(handles):
        convs[f"d{n}"] = [handle, handles[(n + 1) % users]]
    for start in range(0, users - 1, 3):
        convs[f"g{start}"] = handles[start : start + 3]
    convs["all"] = list(handles)
    mine = {h: [c for c, members in convs.items() if h in members] for h in handles}
    sleeper = handles[-1]
    logs_dir = path.parent / f"{path.name}.logs"
    logs_dir.mkdir(exist_ok=True)
    logs: dict[str, BinaryIO] = {c: (logs_dir / c).open("wb") for c in convs}
    seqs = dict.fromkeys(convs, 0)
    # (device, conv) -> events not yet delivered, in order.
    waiting: dict[tuple[str, str], list[Event]] = {(h, c): [] for c in convs for h in convs[c]}
    with path.open("wb") as out:

        def line(record: Record) -> None:
            out.write(ENCODE(record) + b"\n")

        def append(conv: str, event: Event) -> None:
            logs[conv].write(ENCODE(Record(t_ms=0, type="log", who="store", event=event)) + b"\n")
            for member in convs[conv]:
                waiting[(member, conv)].append(event)

        def deliver(device: str, conv: str, t_ms: int) -> None:
            for event in waiting[(device, conv)]:
                line(Record(t_ms=t_ms, type="deliver", who=device, event=event))
            waiting[(device, conv)] = []

        for conv, members in convs.items():
            seqs[conv] = 1
            append(
                conv,
                Event(
                    conv=conv,
                    seq=1,
                    kind=EventKind.CREATED,
                    sender=members[0],
                    ts=0,
                    members=tuple(members),
                ),
            )
        sent = dict.fromkeys(handles, 0)
        asleep = False
        for n in range(acked):
            t_ms = n
            sender = handles[n % users]
            conv = rng.choice(mine[sender])
            sent[sender] += 1
            cmid = f"{sender}-{sent[sender]}"
            body = f"{cmid} {rng.getrandbits(32):08x}"
            line(
                Record(
                    t_ms=t_ms,
                    type="invoke",
                    who=sender,
                    op="send",
                    conv=conv,
                    client_msg_id=cmid,
                    body=body,
                )
            )
            seqs[conv] += 1
            seq = seqs[conv]
            append(
                conv,
                Event(
                    conv=conv,
                    seq=seq,
                    kind=EventKind.MESSAGE,
                    sender=sender,
                    ts=t_ms,
                    client_msg_id=cmid,
                    body=body,
                ),
            )
            line(
                Record(
                    t_ms=t_ms,
                    type="ok",
                    who=sender,
                    op="send",
                    conv=conv,
                    seq=seq,
                    client_msg_id=cmid,
                )
            )
            if n % sleep_every == 0:
                asleep = not asleep and n > 0
            for member in convs[conv]:
                if member == sleeper and asleep:
                    continue
                if rng.random() < 0.8:  # most deliver at once, the others a few sends later
                    deliver(member, conv, t_ms)
            if not asleep:
                for sleeper_conv in mine[sleeper]:
                    deliver(sleeper, sleeper_conv, t_ms)
        for device, conv in sorted(waiting):
            deliver(device, conv, acked)
        for conv in sorted(convs):
            logs[conv].close()
            for member in sorted(convs[conv]):
                line(Record(t_ms=acked, type="member", who=member, conv=conv))
            out.flush()
            with (logs_dir / conv).open("rb") as log:
                shutil.copyfileobj(log, out)
    shutil.rmtree(logs_dir)


def measure(path: Path, **limits: int) -> tuple[int, int, float]:
    """Check ``path`` (``limits``: the checker's window and horizon): (acked checked, peak
    memory in bytes traced while checking, seconds); raises AssertionError on an anomaly."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        verdict = check_file(path, None, **limits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert verdict.ok, {k: v[:3] for k, v in verdict.anomalies.items() if v}
    return verdict.acked, peak, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--acked", type=int, default=1_000_000)
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    write_history(args.path, acked=args.acked)
    wrote_s = time.perf_counter() - started
    size = args.path.stat().st_size
    acked, peak, check_s = measure(args.path)
    print(
        f"{acked:,} acked, {size / 1e6:,.0f} MB of history written in {wrote_s:.0f} s, "
        f"checked in {check_s:.0f} s (traced), peak {peak / 1e6:.1f} MB traced"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
