"""High availability for a local cluster's PostgreSQL: etcd, Patroni, and HAProxy on Patroni.

``pigeon cluster up --ha`` runs, instead of two plain PostgreSQL instances, a 3-member etcd
cluster, three PostgreSQL servers each managed by a Patroni process (one primary, two
standbys, synchronous replication in strict mode), and a TCP HAProxy whose only server in
rotation is the one Patroni's REST API calls the primary. Why each number: docs/DECISIONS.md
D51. This module holds the command lines, configurations and probes; the launcher runs them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pigeon.cluster import processes

ETCD_MEMBERS = 3
# Three PostgreSQL members: with synchronous_mode_strict a primary commits only once its
# synchronous standbys have the WAL, so with two members the loss of the standby would stop
# every commit; with three (both standbys synchronous), Patroni drops a lost one from the
# synchronous set and writes go on.
PATRONI_MEMBERS = 3
SCOPE = "pigeon"
REPLICATION_USER = "replicator"
# The failover clock (Patroni's rule: loop_wait + 2 * retry_timeout <= ttl). The leader key
# of a dead primary expires after TTL_S; a standby takes it at its next loop, at most
# LOOP_WAIT_S later. RETRY_TIMEOUT_S bounds how long a primary that cannot reach etcd keeps
# its role: on a loaded 2-core machine one etcd write can take a second, so not less.
TTL_S = 5
LOOP_WAIT_S = 1
RETRY_TIMEOUT_S = 2
# HAProxy's checks of Patroni's /primary: a dead primary's REST API stops answering, or a
# demoted one answers 503, and FALL failed checks INTERVAL_MS apart take it out of rotation
# (cutting its sessions); one good check puts the new primary in.
CHECK_INTERVAL_MS = 250
CHECK_TIMEOUT_MS = 1000
CHECK_FALL = 2
# A member taken out of rotation has its sessions cut: a gateway's pooled connection to a
# demoted primary (read-only now) or to a hung one would otherwise linger.
CUT_ON_DOWN = "on-marked-down shutdown-sessions"
# Patroni's roles as its REST API names them (3.0 says "master" for the primary).
PRIMARY_ROLES = ("master", "primary")
# A standby whose PostgreSQL has not streamed, nor replayed anything, for this long while
# another member is primary is stuck: Patroni 3.0.2 can reload it without primary_conninfo
# and then believe it follows (patroni/patroni#3686, #3717; D68). Longer than a legitimate
# pause in streaming: the new primary creates the standbys' slots at its next loop (about
# 2 s after a promotion), and a member started again replays its own WAL first (its replay
# position moves, which restarts the count).
STUCK_GRACE_S = 20.0
# Patroni's REST API answers POST /restart once PostgreSQL is up again (a standby's
# shutdown is a restartpoint: seconds on a slow disk).
RESTART_TIMEOUT_S = 30.0
# PostgreSQL's WAL receiver status when it streams (pg_stat_wal_receiver.status).
STREAMING = "streaming"


def etcd_program() -> str:
    return shutil.which("etcd") or "/usr/bin/etcd"


def patroni_program() -> str:
    return shutil.which("patroni") or "/usr/bin/patroni"


def etcd_args(
    name: str, data_dir: Path, client_port: int, peer_port: int, cluster: dict[str, int], token: str
) -> list[str]:
    """One etcd member; ``cluster`` maps every member's name to its peer port."""
    initial = ",".join(f"{n}=http://127.0.0.1:{p}" for n, p in cluster.items())
    client, peer = f"http://127.0.0.1:{client_port}", f"http://127.0.0.1:{peer_port}"
    return [
        etcd_program(),
        "--name",
        name,
        "--data-dir",
        str(data_dir),
        "--listen-client-urls",
        client,
        "--advertise-client-urls",
        client,
        "--listen-peer-urls",
        peer,
        "--initial-advertise-peer-urls",
        peer,
        "--initial-cluster",
        initial,
        "--initial-cluster-state",
        "new",
        "--initial-cluster-token",
        token,
    ]


def patroni_config(
    *,
    name: str,
    root: Path,
    port: int,
    rest_port: int,
    etcd_ports: list[int],
    max_connections: int = 200,
) -> str:
    """A Patroni member's configuration (JSON, which is YAML), data under ``root``."""
    config = {
        "scope": SCOPE,
        "name": name,
        "log": {"level": "INFO"},
        "restapi": {
            "listen": f"127.0.0.1:{rest_port}",
            "connect_address": f"127.0.0.1:{rest_port}",
        },
        "etcd3": {"hosts": [f"127.0.0.1:{p}" for p in etcd_ports]},
        "watchdog": {"mode": "off"},  # these machines have no /dev/watchdog (CLUSTER-NOTES §3)
        "bootstrap": {
            "dcs": {
                "ttl": TTL_S,
                "loop_wait": LOOP_WAIT_S,
                "retry_timeout": RETRY_TIMEOUT_S,
                "synchronous_mode": True,
                "synchronous_mode_strict": True,
                # Both standbys synchronous: either may take over. With one, Patroni 3.0's
                # election deadlocks when the asynchronous standby has received WAL the
                # synchronous one has not: the synchronous one yields to it as "healthier",
                # and it may not be promoted (D51).
                "synchronous_node_count": 2,
                "postgresql": {
                    "use_pg_rewind": True,
                    "use_slots": True,
                    "parameters": {
                        "max_connections": max_connections,
                        "wal_level": "replica",
                        "hot_standby": "on",
                        "wal_log_hints": "on",
                        "max_wal_senders": 10,
                        "max_replication_slots": 10,
                        "wal_keep_size": "128MB",
                        # A standby whose primary died tries the new one this soon (the
                        # default, 5 s, held every commit that long in strict mode).
                        "wal_retrieve_retry_interval": "250ms",
                    },
                },
            },
            # --no-sync as in the plain mode (processes.initdb); the server fsyncs.
            "initdb": ["no-sync", {"encoding": "UTF8"}, {"locale": "C"}],
        },
        "postgresql": {
            "listen": f"127.0.0.1:{port}",
            "connect_address": f"127.0.0.1:{port}",
            "data_dir": str(root / "data"),
            "bin_dir": str(processes.PG_BIN),
            "pgpass": str(root / "pgpass"),
            "remove_data_directory_on_rewind_failure": True,
            "remove_data_directory_on_diverged_timelines": True,
            "authentication": {
                # Trusted on loopback (pg_hba below), as the plain mode's initdb -A trust.
                "superuser": {"username": processes.PG_SUPERUSER, "password": "pigeon"},
                "replication": {"username": REPLICATION_USER, "password": "pigeon"},
            },
            # TCP on loopback only: no socket path length limits (as the plain mode).
            "parameters": {"unix_socket_directories": ""},
            "pg_hba": [
                "host all all 127.0.0.1/32 trust",
                "host replication all 127.0.0.1/32 trust",
            ],
        },
    }
    return json.dumps(config, indent=2) + "\n"


def member_state(rest_port: int) -> tuple[str, str]:
    """A Patroni member's (role, state) from its REST API, e.g. ("master", "running");
    ("", reason) when it does not answer."""
    status, body = processes.http_status(f"http://127.0.0.1:{rest_port}/patroni")
    if status == 0:
        return "", body
    try:
        answer = json.loads(body)
    except ValueError:
        return "", f"/patroni {status}"
    return str(answer.get("role", "")), str(answer.get("state", ""))


@dataclass(frozen=True)
class Receiver:
    """A standby's WAL receiver as its PostgreSQL reports it: ``status`` is
    ``pg_stat_wal_receiver.status`` ("streaming", "starting", ...), "" when it runs none;
    ``replayed`` the last WAL position it replayed (``pg_last_wal_replay_lsn()``)."""

    status: str
    replayed: str

    @property
    def streaming(self) -> bool:
        return self.status == STREAMING


def wal_receiver(port: int) -> Receiver | None:
    """The WAL receiver of the standby PostgreSQL on ``port``; None when it does not answer
    within a probe's bound."""
    sql = (
        "SELECT coalesce((SELECT status FROM pg_stat_wal_receiver), '') || '|' || "
        "coalesce(pg_last_wal_replay_lsn()::text, '')"
    )
    try:
        out = processes.psql(port, sql, timeout_s=processes.PROBE_TIMEOUT_S)
    except (RuntimeError, subprocess.TimeoutExpired):
        return None
    status, _, replayed = out.partition("|")  # not a space: psql's output is stripped
    return Receiver(status, replayed)


def restart_member(rest_port: int) -> tuple[bool, str]:
    """Restart a member's PostgreSQL through its Patroni (``POST /restart``): Patroni stops
    it, writes its configuration and recovery settings again and starts it. Whether Patroni
    answered that it restarted, and its answer."""
    status, body = processes.http_status(
        f"http://127.0.0.1:{rest_port}/restart", post_json={}, timeout_s=RESTART_TIMEOUT_S
    )
    return status == 200, f"{status or 'no answer'} {body.strip()}"[:200]


def is_primary_role(role: str) -> bool:
    return role in PRIMARY_ROLES


def postmaster_pid(data_dir: Path) -> int:
    """The pid in a data directory's postmaster.pid, or 0."""
    try:
        first = (data_dir / "postmaster.pid").read_text().split("\n", 1)[0].strip()
    except OSError:
        return 0
    return int(first) if first.isdigit() else 0


def pgproxy_config(*, front_port: int, stats_port: int, members: list[tuple[str, int, int]]) -> str:
    """HAProxy in TCP mode in front of the Patroni members, ``(name, port, rest_port)``:
    only the member whose REST API answers 200 to ``/primary`` is in rotation, and a member
    marked down has its sessions cut, so no gateway keeps writing to a demoted or dead one."""
    servers = "\n".join(
        f"    server {name} 127.0.0.1:{port} check port {rest}" for name, port, rest in members
    )
    return f"""\
# Generated by `pigeon cluster up --ha`. Why each setting: docs/DECISIONS.md D51.
global
    log stderr format raw local0 info
    # Fail on a port another program listens on: with SO_REUSEPORT (HAProxy's default) a
    # second HAProxy on the port would silently take half of its connections.
    noreuseport
    maxconn 2000

defaults
    mode tcp
    log global
    timeout connect 2s
    # Pool connections idle for minutes; the gateways' pools close idle ones first.
    timeout client 1h
    timeout server 1h

listen postgres
    bind 127.0.0.1:{front_port}
    option httpchk GET /primary
    http-check expect status 200
    timeout check {CHECK_TIMEOUT_MS}ms
    default-server inter {CHECK_INTERVAL_MS}ms fall {CHECK_FALL} rise 1 {CUT_ON_DOWN}
{servers}

listen stats
    mode http
    bind 127.0.0.1:{stats_port}
    stats enable
    stats uri /stats
"""
