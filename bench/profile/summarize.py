"""Summaries of one load's profiles from ``bench/profile/run.sh``, in µs per message.

``summarize.py DIR TAG`` reads DIR/TAG-threads.txt (CPU per thread over the window),
DIR/TAG-perf.data (``perf record``: where the CPU went, by thread and shared object; its
shares scaled to the plain run's CPU per message),
DIR/TAG-syscalls.txt (``perf stat``: system calls by thread) with DIR/TAG-syscalls.count
(messages in that window), and DIR/TAG-pyspy.raw (py-spy, samples holding the GIL), and
prints one text summary. The threads: the node's main thread runs the event loop; of the
others, the busiest is the SQLite writer (under a send load), the rest its readers.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

# Shared objects, grouped by what they are (substring of the name -> group).
WHERE = (
    ("libpython", "interpreter"),
    ("kernel", "kernel"),
    ("sqlite", "SQLite"),
    ("loop.cpython", "uvloop"),
    ("picows", "picows"),
    ("_core.cpython", "msgspec"),
    ("libc.so", "libc"),
    ("_asyncio", "asyncio (C)"),
)
ROLES = ("event loop", "writer", "readers")
QUIET = ("--stdio", "-g", "none")
# perf stat --per-thread: "python-TID  COUNT  syscalls:sys_enter_NAME" (raw_syscalls: all).
STAT_LINE = re.compile(r"^\s*\S+-(\d+)\s+([\d,]+)\s+\S*sys_enter_?(\w*)", re.MULTILINE)


def window_us_per_message(threads_txt: Path) -> float:
    """The whole process's user + system µs per message, from threads.py's total line."""
    total = threads_txt.read_text().splitlines()[-1]
    user, system = re.findall(r"([\d.]+) \+\s+([\d.]+) µs", total)[0]
    return float(user) + float(system)


def roles(pid_of: dict[int, float], main_tid: int) -> dict[int, str]:
    others = sorted((t for t in pid_of if t != main_tid), key=lambda t: -pid_of[t])
    named = {main_tid: "event loop"}
    for i, tid in enumerate(others):
        named[tid] = "writer" if i == 0 else "readers"
    return named


def by_shared_object(perf_data: Path, us_per_message: float) -> list[str]:
    report = subprocess.run(
        ["perf", "report", "-i", str(perf_data), "--no-children", "--sort", "pid,dso", *QUIET],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [
        (float(m[1]), int(m[2]), m[3])
        for m in re.finditer(r"^\s*([\d.]+)%\s+(\d+):\S+\s+(\S+)", report, re.MULTILINE)
    ]
    share_of_thread: Counter[int] = Counter()
    for share, tid, _ in rows:
        share_of_thread[tid] += share
    main_tid = min(share_of_thread)  # the process's first thread: its id is the pid
    role_of = roles(dict(share_of_thread), main_tid)
    table: defaultdict[tuple[str, str], float] = defaultdict(float)
    for share, tid, dso in rows:
        where = next((group for key, group in WHERE if key in dso), "other")
        table[role_of[tid], where] += share
    whole = sum(table.values())
    scale = us_per_message / whole
    lines = [f"CPU per message by thread and where it runs (perf; {us_per_message:.0f} µs in all)"]
    overall: defaultdict[str, float] = defaultdict(float)
    for role in ROLES:
        items = sorted(((w, s) for (r, w), s in table.items() if r == role), key=lambda i: -i[1])
        for where, share in items:
            overall[where] += share
        parts = ", ".join(f"{w} {s * scale:.0f}" for w, s in items if s * scale >= 1)
        lines.append(f"  {role:10s} {sum(s for _, s in items) * scale:5.0f}: {parts}")
    parts = ", ".join(
        f"{w} {s * scale:.0f} ({100 * s / whole:.0f} %)"
        for w, s in sorted(overall.items(), key=lambda i: -i[1])
    )
    lines.append(f"  {'all':10s} {us_per_message:5.0f}: {parts}")
    return lines


def system_calls(stat_txt: Path, count_file: Path) -> list[str]:
    before, after = map(float, count_file.read_text().split())
    messages = after - before
    calls: defaultdict[int, dict[str, int]] = defaultdict(dict)
    for m in STAT_LINE.finditer(stat_txt.read_text()):
        calls[int(m[1])][m[3] or "all"] = int(m[2].replace(",", ""))
    main_tid = min(calls)
    role_of = roles({tid: float(c.get("all", 0)) for tid, c in calls.items()}, main_tid)
    lines = [f"System calls per message by thread (perf stat; {messages:.0f} messages)"]
    for tid, counts in sorted(calls.items(), key=lambda item: -item[1].get("all", 0)):
        if counts.get("all", 0) / messages < 0.05:
            continue
        named = sorted(((k, v) for k, v in counts.items() if k != "all"), key=lambda i: -i[1])
        parts = ", ".join(f"{k} {v / messages:.2f}" for k, v in named if v / messages >= 0.01)
        lines.append(f"  {role_of[tid]:10s} {counts.get('all', 0) / messages:5.1f}: {parts}")
    return lines


def python_leaves(raw: Path, top: int = 15) -> list[str]:
    """py-spy's samples by innermost Python frame (native time below it counts there)."""
    leaves: Counter[str] = Counter()
    files: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, samples = line.rpartition(" ")
        n = int(samples)
        total += n
        leaf = stack.split(";")[-1]
        leaves[leaf] += n
        files[leaf.rsplit("(", 1)[-1].split(":")[0]] += n
    lines = [f"py-spy, samples holding the GIL ({total}), by innermost Python frame"]
    lines += [f"  {100 * n / total:5.1f} %  {leaf}" for leaf, n in leaves.most_common(top)]
    lines.append("  by file:")
    lines += [f"  {100 * n / total:5.1f} %  {name}" for name, n in files.most_common(top)]
    return lines


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    directory, tag = Path(sys.argv[1]), sys.argv[2]
    lines = [f"# {tag}", "CPU per thread over the window (threads.py)"]
    lines += ["  " + line for line in (directory / f"{tag}-threads.txt").read_text().splitlines()]
    us = window_us_per_message(directory / f"{tag}-threads.txt")
    if (directory / f"{tag}-perf.data").exists():
        # perf's shares, scaled to the plain run's CPU: perf's own unwinding of each sample
        # is charged to the process it samples (its run's figure says how much).
        sampled = window_us_per_message(directory / f"{tag}-perf.threads.txt")
        lines.append(f"(the run perf sampled: {sampled:.0f} µs per message)")
        lines += by_shared_object(directory / f"{tag}-perf.data", us)
    if (directory / f"{tag}-syscalls.txt").exists():
        counted = directory / f"{tag}-syscalls.count"
        lines += system_calls(directory / f"{tag}-syscalls.txt", counted)
    if (directory / f"{tag}-pyspy.raw").exists():
        lines += python_leaves(directory / f"{tag}-pyspy.raw")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
