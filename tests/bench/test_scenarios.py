"""Every bench scenario, once, at a tiny scale, through the command line.

These keep the generator working; they assert what a run checks (nothing lost, duplicated,
reordered or invented) and the shape of its JSON, never a speed.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

RUN_TIMEOUT_S = 120

HEADLINE_KEYS = ("acked_per_s", "delivered_per_s", "latency_ms", "lost", "duplicated", "reordered")


def bench(tmp_path: Path, *args: str) -> dict[str, Any]:
    """Run ``pigeon bench`` (via ``python -m pigeon.bench.cli``) and return its JSON."""
    out = tmp_path / f"{args[0]}.json"
    proc = subprocess.run(
        [sys.executable, "-m", "pigeon.bench.cli", *args, "--json", str(out), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result: dict[str, Any] = json.loads(out.read_text())
    assert out.with_suffix(".png").stat().st_size > 0
    return result


def assert_correct(result: dict[str, Any]) -> None:
    """The headline keys are present and every correctness count is 0."""
    for key in HEADLINE_KEYS:
        assert key in result, key
    for key in ("p50", "p99", "max"):
        assert key in result["latency_ms"]
    assert result["lost"] == 0
    assert result["duplicated"] == 0
    assert result["reordered"] == 0
    assert result["phantom"] == 0
    assert result["correct"] is True
    for key in ("nproc", "cpu_model", "memory_gib"):
        assert key in result["machine"]
    assert result["pigeon"]["version"]
    assert result["scenario"] in result["plot"] or result["plot"].endswith(".png")


def test_s1_direct_chat(tmp_path: Path) -> None:
    """S1 delivers every acked message to the peer once, in order, and reports latency."""
    r = bench(tmp_path, "S1", "--users", "10", "--rate", "100", "--duration", "2", "--warmup", "1")
    assert_correct(r)
    assert r["acked"] > 0
    assert r["delivered"] == r["acked"]  # one other member per direct conversation
    assert r["latency_ms"]["count"] == r["delivered"]
    assert r["intervals"]
    assert_cpu_per_message(r)
    assert_machine_speed(r)
    assert r["machine_speed"]["probe_us_during"]  # 3 s of load: probed during it too


def assert_machine_speed(result: dict[str, Any]) -> None:
    """The machine's speed was probed at the run's start and end, and every CPU figure per
    message is also given scaled by it to the reference speed (a measurement, not a speed
    asserted)."""
    speed = result["machine_speed"]
    readings = [speed["probe_us_start"], *speed["probe_us_during"], speed["probe_us_end"]]
    assert all(reading > 0 for reading in readings)
    factor = speed["reference_us"] / statistics.median(readings)
    assert speed["speed_factor"] == pytest.approx(factor, rel=0.01)
    for side in ("server", "generator"):
        figures = result[side]
        for key in ("cpu_us_per_msg", "cpu_us_per_delivery"):
            if figures[key] is not None:
                assert figures[f"{key}_at_reference"] == pytest.approx(
                    figures[key] * speed["speed_factor"], rel=0.01, abs=0.2
                ), (side, key)


def assert_cpu_per_message(result: dict[str, Any]) -> None:
    """Both CPU figures per acked message are there, and are the CPU the processes' own
    counters show (/proc for the server, getrusage for the workers) until every send was
    answered, over every message acked in the run, warm-up included."""
    acked = sum(phase["acked"] for phase in result["phases"])
    delivered = sum(phase["delivered"] for phase in result["phases"])
    assert acked > result["acked"]  # the warm-up's count too
    for side in ("server", "generator"):
        figures = result[side]
        assert figures["cpu_s_answered"] >= figures["cpu_s"] - 0.01, side  # rounding
        assert figures["cpu_s_answered"] > 0, side
        assert figures["cpu_us_per_msg"] == pytest.approx(
            figures["cpu_s_answered"] * 1e6 / acked, rel=0.01, abs=0.2
        ), side
        assert figures["cpu_us_per_delivery"] == pytest.approx(
            figures["cpu_s_answered"] * 1e6 / delivered, rel=0.01, abs=0.2
        ), side


def test_s2_group_fan_out(tmp_path: Path) -> None:
    """S2 delivers each acked message to every other member of its group."""
    r = bench(
        tmp_path,
        *("S2", "--users", "12", "--group-size", "6", "--rate", "50"),
        *("--duration", "2", "--warmup", "0"),
    )
    assert_correct(r)
    assert r["delivered"] == 5 * r["acked"]


def test_s3_reconnect_storm(tmp_path: Path) -> None:
    """S3 kills and restarts the server mid-run; every client resumes and misses nothing."""
    r = bench(
        tmp_path, "S3", "--clients", "20", "--rate", "50", "--duration", "4", "--drop-at", "1.5"
    )
    assert_correct(r)
    drop = r["drop"]
    assert drop["mode"] == "restart"
    assert drop["resumed"] == 20
    assert drop["not_resumed"] == 0
    assert drop["all_caught_up_s"] is not None
    assert r["correctness"]["unanswered_sends"] == 0


def test_s4_spike_reports_every_kind_of_request_and_loses_nothing(tmp_path: Path) -> None:
    """S4 sends typing, history reads, read markers and hellos beside its sends, and reports
    each kind per phase (sent, served, refused, latency); acked sends all land. A tiny spike
    sheds nothing on purpose: the shedding itself is tested in tests/e2e/test_limiters.py."""
    r = bench(
        tmp_path,
        *("S4", "--users", "10", "--rate", "50", "--spike-factor", "10"),
        *("--baseline-s", "1", "--spike-s", "2", "--after-s", "1"),
        *("--hello-per-send", "0.1"),
    )
    assert_correct(r)
    by_kind = r["spike"]["by_kind"]
    assert set(by_kind) == {"baseline", "spike", "after"}
    for phase in by_kind.values():
        assert set(phase) == {"send", "typing", "history", "read", "hello"}
        for kind, row in phase.items():
            assert row["sent"] > 0, kind
            assert row["served"] + row["refused"] <= row["sent"], kind
    for kind in ("send", "history", "read", "hello"):
        assert by_kind["spike"][kind]["served"] > 0, kind
    assert r["refusal_latency_ms"]["count"] == r["refused"]
    assert "server_refusals" in r
    # Where requests waited in the node (D55): its loop, its commits, its sends.
    assert r["server_send_latency"]["count"] >= by_kind["spike"]["send"]["served"]
    for name in ("server_loop_lag", "server_commit"):
        assert r[name]["count"] > 0 and 0 <= r[name]["over_0.1_s"] <= 1, name
    # Critical work's own latency in the node (D61), read markers and hellos apart.
    for kind in ("read", "hello"):
        inside = r[f"server_critical_latency_{kind}"]
        assert inside["count"] >= by_kind["spike"][kind]["served"], kind
        assert 0 <= inside["over_0.025_s"] <= 1, kind


def test_s5_idle_connections(tmp_path: Path) -> None:
    """S5 holds idle connections and reports the server's memory per connection."""
    r = bench(tmp_path, "S5", "--clients", "30", "--hold", "1")
    assert_correct(r)
    memory = r["memory"]
    assert memory["connections"] == 30
    assert memory["rss_mib_with_connections"] > 0
    assert r["rss_series"]


@pytest.mark.parametrize("client", ["picows", "aiohttp"])
def test_s6_capacity_search(tmp_path: Path, client: str) -> None:
    """S6 steps the rate up, reports each step and the highest rate that held (both client
    libraries of the generator)."""
    r = bench(
        tmp_path,
        *("S6", "--users", "10", "--start-rate", "50", "--factor", "2"),
        *("--step-s", "1", "--max-steps", "2", "--p99-bound-ms", "10000", "--client", client),
    )
    assert_correct(r)
    # How many steps held depends on the machine's speed; only the shape is checked.
    assert 1 <= len(r["steps"]) <= 2
    for step in r["steps"]:  # a step of 50 sends may burn less than one clock tick
        assert "cpu_us_per_msg" in step["server"] and "cpu_us_per_msg" in step["generator"]
        assert_machine_speed(step)  # each step probes the machine's speed at its start and end
    assert r["machine_speed"] in [step["machine_speed"] for step in r["steps"]]
    assert r["steps"][0]["rate"] == 50.0
    held = [s["rate"] for s in r["steps"] if s["held"]]
    assert r["capacity"]["highest_rate_held"] == (held[-1] if held else None)
    for step in r["steps"]:
        assert step["lost"] == 0
