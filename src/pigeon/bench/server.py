"""A real Pigeon node as a child process: ``python -m pigeon serve`` on a data directory,
its ``listening`` log line parsed from stderr for its ports (the API's and the metrics
listener's, both any free one), stopped by its pid.

:class:`ServerProcess` is the one way to run a node as a child; the bench uses it as
:class:`EmbeddedServer` (limits raised, logs bounded) and the tests use it with every log
line kept, to assert on structured logs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any, Protocol, Self

# Seconds to wait for a node to start, for a log line, or for a stop.
TIMEOUT_S = 30.0

# Limits raised so that the generator, not a per-user quota, decides the load; argon2 made
# cheap because users are registered over HTTP before each run.
BENCH_ENV: dict[str, str] = {
    "PIGEON_SEND_RATE_PER_S": "1000000",
    "PIGEON_SEND_BURST": "1000000",
    "PIGEON_LOGIN_RATE_PER_MIN": "100000000",
    "PIGEON_ARGON2_TIME_COST": "1",
    "PIGEON_ARGON2_MEMORY_KIB": "8192",
    # Every bench client connects from 127.0.0.1, and S3 reconnects them all at once.
    "PIGEON_MAX_CONNECTIONS_PER_ADDRESS": "1000000",
    "PIGEON_MAX_UNAUTHENTICATED": "1000000",
}

# A bench run logs a line per connection; it keeps only the recent ones.
BENCH_LOG_LINES = 50


class Child(Protocol):
    """What :class:`ServerProcess` needs of a running node: ``subprocess.Popen``'s calls."""

    @property
    def pid(self) -> int: ...

    @property
    def stderr(self) -> IO[bytes] | None: ...

    def poll(self) -> int | None: ...

    def wait(self, timeout: float | None = None) -> int: ...

    def send_signal(self, sig: int) -> None: ...

    def kill(self) -> None: ...


class ServerProcess:
    """One node process; :meth:`restart` reuses the port and the data directory.

    ``logs`` holds the parsed JSON log lines and ``raw_lines`` every line, the last
    ``max_log_lines`` of each (all when None)."""

    def __init__(
        self,
        data_dir: Path,
        *,
        port: int = 0,
        env: dict[str, str] | None = None,
        timeout_s: float = TIMEOUT_S,
        max_log_lines: int | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.port = port
        self.metrics_port = 0
        self.env = env or {}
        self.timeout_s = timeout_s
        self.max_log_lines = max_log_lines
        self.proc: Child | None = None
        self.logs: list[dict[str, Any]] = []
        self.raw_lines: list[str] = []
        self._listening = threading.Event()
        self._started = False  # this start's "listening" line was seen
        self._logged = threading.Condition()
        self._reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def metrics_url(self) -> str:
        """The metrics listener, ``/metrics`` not included."""
        return f"http://127.0.0.1:{self.metrics_port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> Self:
        """Start, and wait (bounded) for the ``listening`` line. Raises TimeoutError if it
        does not come, RuntimeError if the process exits first."""
        assert self.proc is None, "already running"
        # The listening line is logged at info. The metrics listener takes any free port, so
        # that nodes never collide on its default.
        env = {**os.environ, "PIGEON_LOG_LEVEL": "info", "PIGEON_METRICS_PORT": "0", **self.env}
        self._listening.clear()
        self._started = False
        argv = ["serve", "--host", "127.0.0.1", "--port", str(self.port)]
        self.proc = self._launch([*argv, "--data", str(self.data_dir)], env)
        self._reader = threading.Thread(target=self._read_logs, args=(self.proc,), daemon=True)
        self._reader.start()
        if not self._listening.wait(self.timeout_s):
            self.kill()
            raise TimeoutError(f"pigeon serve did not start: {self.raw_lines[-20:]}")
        if not self._started:
            self.kill()
            raise RuntimeError(f"pigeon serve exited while starting: {self.raw_lines[-20:]}")
        return self

    def _launch(self, argv: list[str], env: dict[str, str]) -> Child:
        """Run ``pigeon <argv>`` in a new interpreter, stderr piped to us."""
        return subprocess.Popen(
            [sys.executable, "-m", "pigeon", *argv],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )

    def _read_logs(self, proc: Child) -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.raw_lines.append(line)
            try:
                entry = json.loads(line)
            except ValueError:
                entry = None
            with self._logged:
                if isinstance(entry, dict):
                    self.logs.append(entry)
                self._trim()
                self._logged.notify_all()
            if isinstance(entry, dict) and entry.get("event") == "listening":
                self.port = int(entry["port"])
                self.metrics_port = int(entry["metrics_port"])
                self._started = True
                self._listening.set()
        self._listening.set()  # EOF: the process is gone; start() sees it exit, not wait

    def _trim(self) -> None:
        keep = self.max_log_lines
        if keep is not None and len(self.raw_lines) > 2 * keep:  # trimmed now and then
            del self.raw_lines[:-keep]
            del self.logs[:-keep]

    def wait_for_log(self, **fields: object) -> dict[str, Any]:
        """The first log entry with all of ``fields``; waits (bounded) for it to appear."""

        def found() -> dict[str, Any] | None:
            for entry in self.logs:
                if all(entry.get(k) == v for k, v in fields.items()):
                    return entry
            return None

        with self._logged:
            if not self._logged.wait_for(lambda: found() is not None, self.timeout_s):
                raise TimeoutError(f"no log entry with {fields}")
            entry = found()
            assert entry is not None
            return entry

    def kill(self) -> None:
        """SIGKILL: no chance to flush or say goodbye."""
        self.stop(signal.SIGKILL)

    def terminate(self) -> int:
        """SIGTERM: the graceful path. Returns the exit code."""
        return self.stop(signal.SIGTERM)

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> int:
        """Signal the process by its pid and wait (bounded) for it to exit."""
        proc, self.proc = self.proc, None
        if proc is None:
            return 0
        if proc.poll() is None:
            proc.send_signal(sig)
        try:
            code = proc.wait(self.timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait(self.timeout_s)
        if self._reader is not None:
            self._reader.join(self.timeout_s)
        if proc.stderr is not None:
            proc.stderr.close()
        return code

    def restart(self) -> Self:
        """Start again on the same port and data directory (after kill or terminate)."""
        return self.start()

    def restart_hard(self) -> float:
        """SIGKILL, then start again on the same port; returns the seconds it was down."""
        began = time.monotonic()
        self.kill()
        self.start()
        return time.monotonic() - began


class EmbeddedServer(ServerProcess):
    """The node a bench run starts when given no ``--url``."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None) -> None:
        super().__init__(
            data_dir,
            env={**BENCH_ENV, **(env or {})},
            max_log_lines=BENCH_LOG_LINES,
        )


def rss_bytes(pid: int) -> int:
    """Resident set size of a process (VmRSS in /proc/<pid>/status)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def _stat(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name (state first)."""
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds so far of a process and everything below it: its live
    descendants, and the children it has reaped (a PostgreSQL postmaster's backends come and
    go; their time lands in its ``cutime``). Raises OSError once the process is gone."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                children.setdefault(int(_stat(int(entry.name))[1]), []).append(int(entry.name))
            except (OSError, IndexError, ValueError):  # exited meanwhile
                continue
    ticks = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            fields = _stat(current)
        except OSError:
            if current == pid:
                raise
            continue  # a descendant exited meanwhile: its parent's cutime has it now
        ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        todo.extend(children.get(current, ()))
    return ticks / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """Server CPU over a run, summed over the processes given (each with its descendants).
    A process killed mid-run keeps what it had used by its last sample."""

    def __init__(self, pids: tuple[int, ...]) -> None:
        self._marks: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self.add(pids)

    def add(self, pids: tuple[int, ...]) -> None:
        """Measure these from now on too (a restarted server's new pid)."""
        for pid in pids:
            try:
                self._marks[pid] = self._last[pid] = cpu_seconds(pid)
            except OSError:
                continue

    def sample(self) -> None:
        for pid in self._marks:
            try:
                self._last[pid] = cpu_seconds(pid)
            except OSError:  # gone: keep its last reading
                continue

    @property
    def seconds_by_pid(self) -> dict[int, float]:
        return {pid: self._last[pid] - mark for pid, mark in self._marks.items()}

    @property
    def seconds(self) -> float:
        return sum(self.seconds_by_pid.values())


def us_per(cpu_s: float, count: int) -> float | None:
    """CPU µs per acked message (or per delivery); None when nothing was counted."""
    return round(cpu_s * 1e6 / count, 1) if count else None
