"""``pigeon chaos --ha`` with the power_loss kind (D58, D62): one PostgreSQL standby's data
directory on the lossy filesystem; before the first cut a planned switchover makes that
member the primary, then its power is cut (the member SIGKILLed, every write it had not
fsynced dropped), another member is promoted, and the member comes back and rejoins as a
synchronous standby (pg_rewind if its WAL went past the new primary's). The checker finds
nothing lost, doubled or out of order. Needs root and /dev/fuse, as the layer does.
77-106 s at a load average of 2-5: the HA cluster's start and stop, rigging the standby,
the switchover, the cut, the failover and the rejoin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pigeon.chaos.nemesis import PRIMARY_CUT
from tests.helpers.lossyfs import skip_without_fuse
from tests.helpers.timing import TIMEOUT_S

CHEAP = {"PIGEON_ARGON2_TIME_COST": "1", "PIGEON_ARGON2_MEMORY_KIB": "8192"}
DURATION_S = 20
SEED = 1  # the first cut 1.4 s in


@pytest.mark.timeout(DURATION_S + 600)
def test_a_store_member_loses_power_and_rejoins_with_nothing_lost(tmp_path: Path) -> None:
    skip_without_fuse()
    args = [sys.executable, "-m", "pigeon", "chaos", "--ha", "--kinds", "power_loss"]
    args += ["--duration", str(DURATION_S), "--seed", str(SEED), "--users", "4"]
    args += ["--json", str(tmp_path / "run.json")]
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=DURATION_S + TIMEOUT_S * 18,  # cluster up, heals, drain and down
        env={**os.environ, **CHEAP},
    )
    assert done.returncode == 0, done.stderr[-4000:]
    report = json.loads((tmp_path / "run.json").read_text())
    assert report["ok"] and set(report["anomalies"].values()) == {0}, report["anomaly_examples"]
    assert "power_loss" not in report["skipped_kinds"], report["skipped_kinds"]
    cuts = [f for f in report["faults"] if f["kind"] in ("power_loss", PRIMARY_CUT)]
    assert cuts and all(f["end_s"] > f["start_s"] for f in cuts), report["faults"]
    # The first cut is of a primary: Patroni accepted the switchover to the member first.
    assert cuts[0]["kind"] == PRIMARY_CUT, report["faults"]
    assert report["switchovers"][0]["refused"] is None, report["switchovers"]
    assert report["sends"]["acked"] == report["checked"]["acked"] > 0
