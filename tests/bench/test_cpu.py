"""The bench's server CPU: a process with everything below it (live descendants and the
children it reaped, as a PostgreSQL postmaster's backends), kept for a process killed mid-run.

Each process here burns a fixed amount of its own CPU time (``time.process_time``), so the
figures asserted are amounts of work, not speeds."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from pigeon.bench.server import CpuMeter, cpu_seconds
from tests.helpers.timing import TIMEOUT_S

# A parent that has a child burn 0.3 s and exit (reaped: it lands in the parent's cutime),
# starts a second child that burns 0.2 s and stays (a live descendant), burns 0.1 s itself,
# then says so; burns 0.2 s more when asked, and waits to be killed.
TREE = """
import os, subprocess, sys, time

def burn(seconds):
    while time.process_time() < seconds:
        pass

if sys.argv[1:] == ["reaped"]:
    burn(0.3)
elif sys.argv[1:] == ["live"]:
    burn(0.2)
    print("burnt", flush=True)
    time.sleep(60)
else:
    subprocess.run([sys.executable, "-c", os.environ["TREE"], "reaped"], check=True)
    live = subprocess.Popen(
        [sys.executable, "-c", os.environ["TREE"], "live"], stdout=subprocess.PIPE, text=True
    )
    live.stdout.readline()
    burn(0.1)
    print("burnt", live.pid, flush=True)
    sys.stdin.readline()  # then 0.2 s more on request
    burn(0.3)
    print("more", flush=True)
    time.sleep(60)
"""
# /proc accounts CPU in clock ticks and splits it by sampling: each process's figure may be
# off by a few ticks from its own process_time(). The bounds below still tell 0.6 s from the
# 0.3 or 0.4 s a meter missing the reaped or the live child would read.
SLACK_S = 0.05


@pytest.fixture
def tree() -> Iterator[subprocess.Popen[str]]:
    """The parent process; its live child is killed with it at the end."""
    env = {**os.environ, "TREE": TREE}
    proc = subprocess.Popen(
        [sys.executable, "-c", TREE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    live_pid = None
    try:
        said, live_pid = proc.stdout.readline().split()
        assert said == "burnt"
        yield proc
    finally:
        for pid in (proc.pid, int(live_pid) if live_pid else None):
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        proc.wait(TIMEOUT_S)
        proc.stdin.close()
        proc.stdout.close()


def test_a_process_counts_its_reaped_children_and_its_live_descendants(
    tree: subprocess.Popen[str],
) -> None:
    assert cpu_seconds(tree.pid) >= 0.6 - 2 * SLACK_S


def test_the_meter_keeps_a_killed_process_cpu_up_to_its_last_sample(
    tree: subprocess.Popen[str],
) -> None:
    assert tree.stdin is not None and tree.stdout is not None
    meter = CpuMeter((tree.pid,))
    tree.stdin.write("more\n")
    tree.stdin.flush()
    assert tree.stdout.readline().strip() == "more"
    meter.sample()
    used = meter.seconds
    assert 0.2 - SLACK_S <= used <= 0.2 + SLACK_S
    tree.send_signal(signal.SIGKILL)
    tree.wait(TIMEOUT_S)
    with pytest.raises(FileNotFoundError):
        cpu_seconds(tree.pid)
    meter.sample()  # the process is gone: its last reading stands
    assert meter.seconds == used
