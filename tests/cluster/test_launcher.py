"""The launcher's parts that need no engine: package checks, pids stopped by pid (a whole
process group, never a pid that runs another program), the state file's refusals, and the
command line's one-line errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pigeon.cluster import ClusterError, LocalCluster, haproxy, processes
from pigeon.cluster.launcher import STATE_FILE
from pigeon.cluster.packages import ensure_debian_packages, missing_packages
from pigeon.cluster.processes import Proc
from tests.helpers.timing import TIMEOUT_S


def test_missing_packages_are_those_whose_program_is_missing() -> None:
    wanted = ["coreutils:ls", "nope:/nonexistent/a", "nope:/nonexistent/b", "other:/no/c"]
    assert missing_packages(wanted) == ["nope", "other"]
    assert ensure_debian_packages(["coreutils:ls", f"python3:{sys.executable}"]) == []
    with pytest.raises(ValueError, match="is not PACKAGE:PROGRAM"):
        missing_packages(["coreutils"])


def test_ports_handed_out_are_outside_the_ephemeral_range_and_never_twice() -> None:
    # The ephemeral range is where the kernel picks outgoing connections' local ports: a
    # port from there, checked free and released, can be taken by any connection before the
    # server binds it (a local cluster's NATS node failed to start so under the test suite).
    ephemeral = processes.ephemeral_ports()
    ports = [processes.free_port() for _ in range(50)]
    assert len(set(ports)) == len(ports)
    assert not [port for port in ports if port in ephemeral]


def test_ports_are_handed_out_within_the_range_the_environment_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Two clusters (or two test workers) on one machine, each in a range of its own, never
    # pick the same port between one's check and its bind.
    monkeypatch.setenv(processes.PORT_RANGE_VARIABLE, "20000-20019")
    ports = [processes.free_port() for _ in range(5)]
    assert all(20000 <= port <= 20019 for port in ports)
    assert len(set(ports)) == len(ports)


@pytest.mark.parametrize("value", ["20000", "20000-", "x-y", "30000-20000", "80-90", "1-99999"])
def test_up_refuses_a_malformed_port_range_touching_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(processes.PORT_RANGE_VARIABLE, value)
    with pytest.raises(ClusterError, match=f"PIGEON_CLUSTER_PORTS='{value}': expected LOW-HIGH"):
        LocalCluster(tmp_path / "cluster").up(install=False)
    assert not (tmp_path / "cluster").exists()


@pytest.fixture
def stubborn(tmp_path: Path) -> Iterator[Proc]:
    """A shell ignoring SIGTERM, with a child in its process group."""
    log = tmp_path / "sh.log"
    pid = processes.spawn(["sh", "-c", 'trap "" TERM; sleep 60 & wait'], log)
    proc = Proc("stubborn", "test", 0, str(log), pid=pid, program="sh")
    try:
        yield proc
    finally:
        if proc.alive():
            os.killpg(proc.pid, signal.SIGKILL)


def test_the_package_script_runs_on_the_system_python_alone() -> None:
    """scripts/ensure-debian-packages.sh (the Makefile's first step of the tests) runs
    pigeon.cluster.packages with the system's python3, which has none of Pigeon's
    dependencies: importing the cluster package must need the standard library only."""
    script = Path(__file__).parents[2] / "scripts" / "ensure-debian-packages.sh"
    done = subprocess.run(
        [str(script), "coreutils:ls"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env={"PATH": os.environ["PATH"]},
    )
    assert done.returncode == 0, done.stderr


def test_stop_kills_the_whole_group_of_a_process_that_ignores_its_signal(
    stubborn: Proc,
) -> None:
    assert stubborn.alive()
    assert processes.stop(stubborn, timeout_s=0.5)
    assert not stubborn.alive()
    assert processes.group_members(stubborn.pid) == []


def test_a_pid_running_another_program_is_not_ours(stubborn: Proc) -> None:
    impostor = Proc("pg-1", "postgres", 0, "", pid=stubborn.pid, program="postgres")
    assert not impostor.alive()
    assert not processes.stop(impostor)
    assert stubborn.alive()


def test_up_refuses_a_directory_with_a_running_cluster_touching_nothing(
    tmp_path: Path, stubborn: Proc
) -> None:
    write_state(tmp_path, [stubborn])
    before = sorted(tmp_path.iterdir())
    with pytest.raises(ClusterError, match=f"already holds a running cluster .pids {stubborn.pid}"):
        LocalCluster(tmp_path).up(install=False)
    assert sorted(tmp_path.iterdir()) == before and stubborn.alive()


def test_up_refuses_a_failed_up_s_leftovers_and_a_non_empty_directory(tmp_path: Path) -> None:
    write_state(tmp_path / "failed", [Proc("pg-1", "postgres", 1, "", pid=2**22 + 1)])
    with pytest.raises(ClusterError, match="holds what a failed `up` left"):
        LocalCluster(tmp_path / "failed").up(install=False)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    with pytest.raises(ClusterError, match="is not empty"):
        LocalCluster(tmp_path / "full").up(install=False)
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("command", ["status", "down"])
def test_status_and_down_without_a_cluster_say_so_in_one_line(tmp_path: Path, command: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pigeon", "cluster", command, "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert done.returncode == 1
    assert done.stderr == f"pigeon cluster {command}: no cluster in {tmp_path} (no {STATE_FILE})\n"


def test_haproxy_stats_name_each_gateway_s_state() -> None:
    csv = (
        "# pxname,svname,qcur,status,x\n"
        "pigeon,FRONTEND,,OPEN,\n"
        "gateways,gateway-0,0,UP,\n"
        "gateways,gateway-1,0,DOWN 1/2,\n"
        "gateways,BACKEND,0,UP,\n"
    )
    assert haproxy.parse_stats_csv(csv) == {"gateway-0": "UP", "gateway-1": "DOWN 1/2"}
    assert haproxy.parse_stats_csv("<html>") == {}


def write_state(directory: Path, procs: list[Proc]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    state = {"version": 1, "processes": [vars(p) for p in procs]}
    (directory / STATE_FILE).write_text(json.dumps(state))


def test_one_up_or_down_at_a_time_on_a_directory(tmp_path: Path) -> None:
    busy = LocalCluster(tmp_path)
    with busy._lock(), pytest.raises(ClusterError, match="another `pigeon cluster` command"):
        LocalCluster(tmp_path).up(install=False)
    assert list(tmp_path.iterdir()) == []
