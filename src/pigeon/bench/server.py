"""A Pigeon node for a benchmark run: started as ``python -m pigeon serve --port 0`` on a
fresh data directory, its ``listening`` log line parsed from stderr, stopped by its pid."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 15.0

# Limits raised so that the generator, not a per-user quota, decides the load; argon2 made
# cheap because users are registered over HTTP before each run.
BENCH_ENV: dict[str, str] = {
    "PIGEON_LOG_LEVEL": "warning",
    "PIGEON_SEND_RATE_PER_S": "1000000",
    "PIGEON_SEND_BURST": "1000000",
    "PIGEON_LOGIN_RATE_PER_MIN": "100000000",
    "PIGEON_ARGON2_TIME_COST": "1",
    "PIGEON_ARGON2_MEMORY_KIB": "8192",
}


class EmbeddedServer:
    """One server process; ``restart`` reuses the port and the data directory."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.env = {**BENCH_ENV, **(env or {})}
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.tail: list[str] = []
        self._listening = threading.Event()
        self._reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> EmbeddedServer:
        assert self.proc is None, "already running"
        env = {**os.environ, **self.env}
        # The listening line is logged at info; everything else stays at the chosen level.
        env["PIGEON_LOG_LEVEL"] = "info"
        self._listening.clear()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pigeon",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--data",
                str(self.data_dir),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        self._reader = threading.Thread(target=self._read, args=(self.proc,), daemon=True)
        self._reader.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._listening.wait(0.05):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop(signal.SIGKILL)
                raise RuntimeError(f"pigeon serve did not start: {self.tail[-10:]}")
        return self

    def _read(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.tail = [*self.tail[-49:], line]
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and entry.get("event") == "listening":
                self.port = int(entry["port"])
                self._listening.set()

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> int:
        """Signal the process by its pid and wait (bounded) for it to exit."""
        proc, self.proc = self.proc, None
        if proc is None:
            return 0
        if proc.poll() is None:
            proc.send_signal(sig)
        try:
            code = proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait(STOP_TIMEOUT_S)
        if self._reader is not None:
            self._reader.join(STOP_TIMEOUT_S)
        if proc.stderr is not None:
            proc.stderr.close()
        return code

    def restart_hard(self) -> float:
        """SIGKILL, then start again on the same port; returns the seconds it was down."""
        began = time.monotonic()
        self.stop(signal.SIGKILL)
        self.start()
        return time.monotonic() - began


def rss_bytes(pid: int) -> int:
    """Resident set size of a process (VmRSS in /proc/<pid>/status)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of a process so far (/proc/<pid>/stat)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks
