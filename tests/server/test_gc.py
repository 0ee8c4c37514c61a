"""The node's garbage collector settings (D16, D54), applied in a process of their own: they
change the collector of the whole interpreter."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers.timing import TIMEOUT_S

PROBE = """
import gc
from pigeon.server.app import GC_THRESHOLDS, tune_gc
before = gc.get_threshold()
tune_gc()
print(before, gc.get_threshold(), gc.get_freeze_count() > 0, GC_THRESHOLDS)
"""


def test_a_started_node_freezes_its_objects_and_collects_less_often() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=TIMEOUT_S, check=True
    ).stdout
    assert out.split(") ") == ["(700, 10, 10", "(20000, 10, 10", "True (20000, 10, 10)\n"]
