"""CPU per thread of a process, from ``/proc/<pid>/task/<tid>/stat``.

``threads.py snap PID FILE`` writes every thread's user and system seconds to FILE;
``threads.py diff BEFORE AFTER COUNT`` prints what each thread used between two snapshots,
in seconds and in µs per COUNT (the messages of the window), busiest first; the
process's main thread (its event loop, in a node) is marked. Used by
``bench/profile/run.sh`` (docs/BENCHMARKS.md, "Where a message's CPU goes"; D72).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TICKS_PER_S = os.sysconf("SC_CLK_TCK")


def snapshot(pid: int) -> dict[str, tuple[float, float]]:
    """``pid/tid`` -> (user s, system s) of every thread of ``pid`` (a node starts no child
    processes; pigeon.bench.server.cpu_seconds sums a process tree, threads together)."""
    times: dict[str, tuple[float, float]] = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
        except OSError:
            continue  # the thread ended
        fields = stat[stat.rindex(")") + 2 :].split()
        times[f"{pid}/{tid}"] = (int(fields[11]) / TICKS_PER_S, int(fields[12]) / TICKS_PER_S)
    return times


def difference(before_file: str, after_file: str, count: float) -> str:
    before = json.loads(Path(before_file).read_text())
    after = json.loads(Path(after_file).read_text())
    used = {
        key: (user - before.get(key, (0.0, 0.0))[0], system - before.get(key, (0.0, 0.0))[1])
        for key, (user, system) in after.items()
    }
    lines = []
    total_user = total_system = 0.0
    for key, (user, system) in sorted(used.items(), key=lambda item: -sum(item[1])):
        total_user += user
        total_system += system
        if user + system >= 0.005:
            process, tid = key.split("/")
            lines.append(_line(key + (" (main)" if tid == process else ""), user, system, count))
    lines.append(_line("total", total_user, total_system, count))
    return "\n".join(lines)


def _line(name: str, user: float, system: float, count: float) -> str:
    per = 1e6 / count
    return (
        f"{name:24s} user {user:7.2f} s  sys {system:7.2f} s  "
        f"{user * per:8.1f} + {system * per:7.1f} µs per message"
    )


def main() -> None:
    match sys.argv[1:]:
        case ["snap", pid, out]:
            Path(out).write_text(json.dumps(snapshot(int(pid))))
        case ["diff", before, after, count]:
            print(difference(before, after, float(count)))
        case _:
            sys.exit(__doc__)


if __name__ == "__main__":
    main()
