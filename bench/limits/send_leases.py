"""What the shared send bucket (D42) costs a write on one node: the per-node bucket it
replaced against a lease table over the embedded stores' ``take_tokens``.

usage: python bench/limits/send_leases.py [writes]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from pigeon.core import limits
from pigeon.store.base import Store
from pigeon.store.memory import MemoryStore
from pigeon.store.sqlite import SqliteStore

USERS = [f"u{i}" for i in range(100)]
RATE, BURST = 20.0, 50.0
UNLIMITED = 1e12  # the store's bucket never runs dry: this times the path, not refusals


def per_node(writes: int) -> float:
    table = limits.BucketTable(rate_per_s=UNLIMITED, burst=UNLIMITED)
    started = time.perf_counter()
    for i in range(writes):
        table.take_or_raise(USERS[i % len(USERS)], time.monotonic())
    return time.perf_counter() - started


async def leased(store: Store, writes: int) -> tuple[float, int]:
    leases = limits.LeaseTable(rate_per_s=RATE, burst=BURST)
    asks = 0
    started = time.perf_counter()
    for i in range(writes):
        user = USERS[i % len(USERS)]
        if leases.take(user, time.monotonic()):
            continue
        asks += 1
        size = leases.want(user, time.monotonic())
        granted = await store.take_tokens(
            "send:" + user,
            size,
            rate_per_s=UNLIMITED,
            burst=UNLIMITED,
            now_ms=time.time_ns() // 1_000_000,
        )
        leases.add(user, granted - 1, size, time.monotonic())
    return time.perf_counter() - started, asks


async def main(writes: int) -> None:
    print(f"per-node bucket: {per_node(writes) / writes * 1e6:.2f} us/write")
    with tempfile.TemporaryDirectory() as data_dir:
        for name, store in (("sqlite", SqliteStore(Path(data_dir))), ("memory", MemoryStore())):
            await store.open()
            try:
                seconds, asks = await leased(store, writes)
            finally:
                await store.close()
            print(
                f"leases over {name}: {seconds / writes * 1e6:.2f} us/write, "
                f"the store asked once per {writes / asks:.1f} writes"
            )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000))
