"""CPU per durable append on the embedded store, by batch size: the writer's per-message
and per-batch cost without the transport (D15, D54).

Appends go straight into ``SqliteStore.append`` in waves of ``wave`` concurrent calls (a
wave is about one group-commit batch) over 500 direct conversations; the figure is the
whole process's CPU (event loop, writer thread, kernel) per append. ``--no-outbox`` runs
the same with the outbox insert taken out of the append job, to weigh D48's row.

usage: python bench/store/append_cost.py [--no-outbox] [appends] [wave ...]
"""

from __future__ import annotations

import asyncio
import inspect
import resource
import sys
import tempfile
import time
from pathlib import Path

import pigeon.store.sqlite as sqlite_module
from pigeon.core.records import EventKind
from pigeon.store.sqlite import SqliteStore

CONVERSATIONS = 500


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def drop_outbox_row() -> None:
    """Redefine the append helper without its outbox insert (measurement only)."""
    source = inspect.getsource(sqlite_module._append_event)
    patched = source.replace(
        'conn.execute("INSERT INTO outbox', 'None and conn.execute("INSERT INTO outbox'
    )
    assert patched != source, "the outbox insert moved: update this script"
    exec(patched, sqlite_module.__dict__)


async def run(appends: int, wave: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp))
        await store.open()
        try:
            convs: list[tuple[str, str]] = []
            for i in range(CONVERSATIONS):
                for who in (f"a{i}", f"b{i}"):
                    await store.create_account(who, "x", 0)
                created, _ = await store.create_direct(f"a{i}", f"b{i}", 0)
                assert created.event is not None
                convs.append((created.event.conv, f"a{i}"))
            before = cpu_s()
            for start in range(0, appends, wave):
                await asyncio.gather(
                    *(
                        store.append(
                            convs[n % CONVERSATIONS][1],
                            convs[n % CONVERSATIONS][0],
                            EventKind.MESSAGE,
                            client_msg_id=f"m{n}",
                            body="x" * 64,
                            meta=None,
                            target_seq=None,
                            now_ms=int(time.time() * 1000),
                        )
                        for n in range(start, min(start + wave, appends))
                    )
                )
            return (cpu_s() - before) / appends * 1e6
        finally:
            await store.close()


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--no-outbox":
        args = args[1:]
        drop_outbox_row()
    appends = int(args[0]) if args else 20_000
    waves = [int(a) for a in args[1:]] or [1, 16, 256]
    for wave in waves:
        us = asyncio.run(run(appends if wave > 1 else appends // 10, wave))
        print(f"wave {wave:4d}: {us:6.1f} µs of CPU per append")


if __name__ == "__main__":
    main()
