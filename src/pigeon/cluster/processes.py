"""The processes of a local cluster: how each is started detached, probed and stopped.

Every process runs in a new session and is nobody's child here (it survives the command that
started it, and its process group holds its children: PostgreSQL's backends), writes its log
to a file, and is stopped by its pid: its stop signal, a bounded wait, then SIGKILL to its
group. A pid is
signalled only while ``/proc/<pid>/cmdline`` still names the program that was started, so a
reused pid is never hit.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_SUPERUSER = "pigeon"
# PostgreSQL refuses to run as root: as root its processes run as this user.
PG_OS_USER = "postgres"
# One probe's bound; a health wait is a loop of these under its own deadline.
PROBE_TIMEOUT_S = 2.0
# How long a process gets to exit after its stop signal before SIGKILL.
STOP_TIMEOUT_S = 15.0
POLL_S = 0.1


# Ports already handed out by this process: a port is released after its check, so without
# this record two parts of one cluster could be given the same one.
_HANDED_OUT: set[int] = set()
# The lowest port handed out: below it sit the ports services commonly claim.
_LOWEST_PORT = 10000
# "LOW-HIGH": where free_port looks instead, so that clusters (or test workers) running side
# by side on one machine never pick the same port between one's check and its bind.
PORT_RANGE_VARIABLE = "PIGEON_CLUSTER_PORTS"


def ephemeral_ports() -> range:
    """The kernel's range for outgoing connections' local ports."""
    try:
        low, high = map(int, Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split())
    except (OSError, ValueError):
        low, high = 32768, 60999  # Linux's default
    return range(low, high + 1)


def port_range() -> range:
    """Where :func:`free_port` looks: ``$PIGEON_CLUSTER_PORTS`` (``LOW-HIGH``, both included)
    or every port from 10000 up. A malformed value raises ValueError naming it."""
    text = os.environ.get(PORT_RANGE_VARIABLE, "").strip()
    if not text:
        return range(_LOWEST_PORT, 65536)
    low_text, dash, high_text = text.partition("-")
    low_text, high_text = low_text.strip(), high_text.strip()
    if dash and all(part.isascii() and part.isdigit() for part in (low_text, high_text)):
        low, high = int(low_text), int(high_text)
        if 1024 <= low <= high <= 65535:
            return range(low, high + 1)
    raise ValueError(
        f"{PORT_RANGE_VARIABLE}={text!r}: expected LOW-HIGH, two ports from 1024 to 65535"
    )


def free_port() -> int:
    """A loopback port free now, for a server that must be told its port before it starts.

    Chosen outside the kernel's ephemeral range: a port the kernel hands out for a bind to
    port 0 can be taken, between our check and the server's bind, as the local port of any
    outgoing connection on the machine (a test suite makes thousands), and the server then
    fails to listen. Outside that range only another listener can take it, and every part
    started here is checked for health, which reports that as a part not starting.
    """
    ephemeral = ephemeral_ports()
    candidates = [
        port for port in port_range() if port not in ephemeral and port not in _HANDED_OUT
    ]
    for port in random.sample(candidates, min(len(candidates), 200)):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _HANDED_OUT.add(port)
        return port
    raise OSError(
        f"no free loopback port outside the ephemeral range (looked in {PORT_RANGE_VARIABLE}"
        " if set, else from 10000 up)"
    )


@dataclass
class Proc:
    """One process of the cluster, as the state file records it."""

    name: str  # pg-1, nats-0, gateway-0, haproxy
    kind: str  # postgres, nats, gateway, haproxy
    port: int  # the port clients use
    log: str  # its log file
    pid: int = 0
    program: str = ""  # the executable's base name, checked before signalling
    stop_signal: int = signal.SIGTERM
    extra: dict[str, int | str] = field(default_factory=dict)  # other ports and URLs
    args: list[str] = field(default_factory=list)  # what it runs, to start it again
    env: dict[str, str] = field(default_factory=dict)  # added to the launcher's environment
    user: str | None = None  # the OS user it runs as (PostgreSQL's, as root)

    def alive(self) -> bool:
        return self.pid > 0 and pid_runs(self.pid, self.program)


def pid_runs(pid: int, program: str) -> bool:
    """Whether ``pid`` is a live (not zombie) process running ``program``."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    if stat.rsplit(")", 1)[1].split()[0] in ("Z", "X"):
        return False
    return any(Path(arg.decode(errors="replace")).name == program for arg in cmdline[:3])


# Run by an intermediate interpreter: start the program in a new session, write its pid to
# the pipe named by argv[1], and exit without waiting, so the program is nobody's child here.
# It unblocks the stop signals (see stops_held) for the program.
_DETACH = """
import os, signal, subprocess, sys
fd, user, args = int(sys.argv[1]), sys.argv[2] or None, sys.argv[3:]
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
child = subprocess.Popen(args, stdin=subprocess.DEVNULL, start_new_session=True, user=user)
os.write(fd, str(child.pid).encode())
os._exit(0)
"""


@contextlib.contextmanager
def stops_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (delivered at the end) while a process is started and its
    pid recorded: a Ctrl-C in between would leave a process no state file names."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def spawn(
    args: Sequence[str],
    log: Path,
    *,
    env: Mapping[str, str] | None = None,
    user: str | None = None,
) -> int:
    """Start ``args`` detached: in a new session, stdout and stderr appended to ``log``, and
    not our child (an intermediate process starts it and exits), so it outlives us, we never
    hold it as a zombie, and it is stopped by pid like any other. Returns its pid."""
    read_end, write_end = os.pipe()
    try:
        with log.open("ab") as out:
            done = subprocess.run(
                [sys.executable, "-c", _DETACH, str(write_end), user or "", *args],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=dict(env) if env is not None else None,
                pass_fds=(write_end,),
                timeout=PROBE_TIMEOUT_S * 15,
            )
        os.close(write_end)
        write_end = -1
        pid = os.read(read_end, 32).decode()
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)
    if done.returncode != 0 or not pid.isdigit():
        raise RuntimeError(f"could not start {args[0]}: see {log}")
    return int(pid)


def stop(proc: Proc, timeout_s: float = STOP_TIMEOUT_S) -> bool:
    """Stop one process by pid; True if it was running. Its stop signal, then after
    ``timeout_s``, or if it left children behind, SIGKILL to its whole process group (a
    postmaster's backends too)."""
    if not proc.alive():
        return False
    os.kill(proc.pid, proc.stop_signal)
    if wait_until(lambda: not proc.alive(), timeout_s) and not group_members(proc.pid):
        return True
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # its own session: the group id is its pid
    except ProcessLookupError:
        return True
    wait_until(lambda: not proc.alive() and not group_members(proc.pid), timeout_s)
    return True


def group_members(pgid: int) -> list[int]:
    """The live processes of process group ``pgid``."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        if fields[0] not in ("Z", "X") and fields[2] == str(pgid):
            members.append(int(entry))
    return members


def wait_until(check: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while True:
        if check():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_S)


def http_status(
    url: str, *, post_json: object = None, timeout_s: float = PROBE_TIMEOUT_S
) -> tuple[int, str]:
    """The status and body of a GET (a POST of ``post_json`` as JSON, if given), or
    ``(0, reason)`` when there is no answer within ``timeout_s``."""
    request = urllib.request.Request(url)
    if post_json is not None:
        request.data = json.dumps(post_json).encode()
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            return int(response.status), response.read().decode(errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")
    except (OSError, ValueError) as exc:
        return 0, str(getattr(exc, "reason", exc))


def pg_ready(port: int) -> tuple[bool, str]:
    """Whether PostgreSQL on ``port`` accepts a connection (pg_isready connects)."""
    try:
        done = subprocess.run(
            [
                str(PG_BIN / "pg_isready"),
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                PG_SUPERUSER,
                "-d",
                "postgres",
                "-t",
                str(int(PROBE_TIMEOUT_S)),
            ],
            capture_output=True,
            timeout=PROBE_TIMEOUT_S * 2,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return done.returncode == 0, "accepting connections" if done.returncode == 0 else "no answer"


def psql(port: int, sql: str, database: str = "postgres", *, timeout_s: float = 30.0) -> str:
    """Run ``sql``; its output. Raises RuntimeError with psql's message, and
    subprocess.TimeoutExpired after ``timeout_s``."""
    done = subprocess.run(
        [
            str(PG_BIN / "psql"),
            "-X",
            "-q",
            "-t",
            "-A",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            PG_SUPERUSER,
            "-d",
            database,
            "-c",
            sql,
        ],
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )
    if done.returncode != 0:
        raise RuntimeError(f"psql on port {port}: {done.stderr.strip()}")
    return done.stdout.strip()


def pg_os_user() -> str | None:
    """The user PostgreSQL runs as: ``postgres`` when we are root, else ourselves."""
    return PG_OS_USER if os.geteuid() == 0 else None


def give_to_pg_user(path: Path) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam(PG_OS_USER)
        os.chown(path, entry.pw_uid, entry.pw_gid)


def initdb(data_dir: Path) -> None:
    """A new PostgreSQL data directory, superuser ``pigeon`` trusted on loopback only."""
    done = subprocess.run(
        [
            str(PG_BIN / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            PG_SUPERUSER,
            "-A",
            "trust",
            "--no-instructions",
            # Not its final fsync of the new files (seconds on a busy disk): a crash within
            # the first seconds of a local cluster costs a new `up`. The server fsyncs.
            "--no-sync",
            "-E",
            "UTF8",
            "--locale",
            "C",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        user=pg_os_user(),
    )
    if done.returncode != 0:
        raise RuntimeError(f"initdb {data_dir}: {done.stderr.strip() or done.stdout.strip()}")


def postgres_args(data_dir: Path, port: int) -> list[str]:
    return [
        str(PG_BIN / "postgres"),
        "-D",
        str(data_dir),
        "-p",
        str(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",  # TCP on loopback only: no socket path length limits
        "-c",
        "max_connections=200",
    ]


def nats_server_program() -> str:
    """nats-server's path; Debian installs it in /usr/sbin, which a user's PATH may lack."""
    return shutil.which("nats-server") or "/usr/sbin/nats-server"


def nats_args(
    name: str, port: int, cluster_port: int, monitor_port: int, routes: list[int]
) -> list[str]:
    return [
        nats_server_program(),
        "-a",
        "127.0.0.1",
        "-p",
        str(port),
        "-m",
        str(monitor_port),
        "-n",
        name,
        "--cluster_name",
        "pigeon",
        "--cluster",
        f"nats://127.0.0.1:{cluster_port}",
        "--routes",
        ",".join(f"nats://127.0.0.1:{p}" for p in routes),
        # Clients know the nodes from their URL alone: a gateway that reaches the bus through
        # pigeon chaos's fault proxies must not learn the nodes' own ports and go around them.
        "--no_advertise",
    ]
