"""The configurations `pigeon cluster up --ha` writes (pigeon.cluster.patroni), without
starting anything: the numbers D51 argues for, and the rules they must keep."""

from __future__ import annotations

import json
from pathlib import Path

from pigeon.cluster import haproxy, patroni


def test_patroni_is_synchronous_strict_and_within_its_timing_rule() -> None:
    config = json.loads(
        patroni.patroni_config(
            name="pg-1", root=Path("/x/pg-1"), port=5001, rest_port=8001, etcd_ports=[1, 2, 3]
        )
    )
    dcs = config["bootstrap"]["dcs"]
    assert dcs["synchronous_mode"] is True and dcs["synchronous_mode_strict"] is True
    # Patroni's rule, and a failover well under 10 s.
    assert dcs["loop_wait"] + 2 * dcs["retry_timeout"] <= dcs["ttl"] <= 6
    assert config["etcd3"]["hosts"] == ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"]
    assert config["postgresql"]["listen"] == "127.0.0.1:5001"
    assert config["restapi"]["listen"] == "127.0.0.1:8001"
    assert config["postgresql"]["data_dir"] == "/x/pg-1/data"
    # Three members: strict mode keeps writing with any one lost.
    assert patroni.PATRONI_MEMBERS >= 3


def test_the_postgres_proxy_routes_to_the_primary_alone_and_cuts_the_others() -> None:
    text = patroni.pgproxy_config(
        front_port=6000, stats_port=6001, members=[("pg-1", 5001, 8001), ("pg-2", 5002, 8002)]
    )
    assert "mode tcp" in text and "bind 127.0.0.1:6000" in text
    assert "option httpchk GET /primary" in text
    assert "on-marked-down shutdown-sessions" in text
    assert "server pg-2 127.0.0.1:5002 check port 8002" in text
    stats = (
        "# pxname,svname,status\npostgres,pg-1,UP\npostgres,pg-2,DOWN\n"
        "postgres,BACKEND,UP\ngateways,gateway-0,UP\n"
    )
    assert haproxy.parse_stats_csv(stats, "postgres") == {"pg-1": "UP", "pg-2": "DOWN"}
    assert haproxy.parse_stats_csv(stats) == {"gateway-0": "UP"}


def test_a_postmaster_pid_is_read_from_its_data_directory(tmp_path: Path) -> None:
    assert patroni.postmaster_pid(tmp_path) == 0
    (tmp_path / "postmaster.pid").write_text("4242\n/x/data\n")
    assert patroni.postmaster_pid(tmp_path) == 4242


def test_the_repair_command_defaults_to_the_watchdogs_grace() -> None:
    from pigeon.cli import cluster as cli

    assert cli.STUCK_GRACE_S == patroni.STUCK_GRACE_S
    # The grace outlasts a legitimate pause: several of Patroni's loops and a promotion's
    # slot creation (D68), and stays within a chaos heal's wait for full strength.
    assert patroni.STUCK_GRACE_S >= 5 * patroni.LOOP_WAIT_S + patroni.TTL_S


def test_a_wal_receiver_streams_only_in_the_streaming_status() -> None:
    assert patroni.Receiver("streaming", "0/3000000").streaming
    assert not patroni.Receiver("", "0/3000000").streaming
    assert not patroni.Receiver("starting", "0/3000000").streaming
