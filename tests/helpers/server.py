"""A real Pigeon server process for tests: started on a free port, stopped by its pid.

``ServerProcess.start()`` waits (bounded) for the ``listening`` log line; every log line is
kept as a dict in ``logs`` so tests can assert on structured logs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from tests.helpers.timing import TIMEOUT_S


class ServerProcess:
    def __init__(self, data_dir: Path, *, port: int = 0, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.port = port
        self.env = env or {}
        self.proc: subprocess.Popen[bytes] | None = None
        self.logs: list[dict[str, Any]] = []
        self.raw_lines: list[str] = []
        self._listening = threading.Event()
        self._started = False  # this start's "listening" line was seen
        self._logged = threading.Condition()
        self._reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        assert self.proc is None, "already running"
        env = {
            **os.environ,
            "PIGEON_LOG_LEVEL": "info",
            "PIGEON_ARGON2_TIME_COST": "1",
            "PIGEON_ARGON2_MEMORY_KIB": "8192",
            **self.env,
        }
        self._listening.clear()
        self._started = False
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pigeon",
                "serve",
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
        self._reader = threading.Thread(target=self._read_logs, args=(self.proc,), daemon=True)
        self._reader.start()
        if not self._listening.wait(TIMEOUT_S):
            self.kill()
            raise TimeoutError(f"server did not start: {self.raw_lines[-20:]}")
        if not self._started:
            self.kill()
            raise RuntimeError(f"server exited while starting: {self.raw_lines[-20:]}")
        return self

    def _read_logs(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.raw_lines.append(line)
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if not isinstance(entry, dict):
                continue
            with self._logged:
                self.logs.append(entry)
                self._logged.notify_all()
            if entry.get("event") == "listening":
                self.port = int(entry["port"])
                self._started = True
                self._listening.set()
        self._listening.set()  # EOF: the process is gone; start() sees it exit, not wait

    def wait_for_log(self, **fields: object) -> dict[str, Any]:
        """The first log entry with all of ``fields``; waits (bounded) for it to appear."""

        def found() -> dict[str, Any] | None:
            for entry in self.logs:
                if all(entry.get(k) == v for k, v in fields.items()):
                    return entry
            return None

        with self._logged:
            if not self._logged.wait_for(lambda: found() is not None, TIMEOUT_S):
                raise TimeoutError(f"no log entry with {fields}")
            entry = found()
            assert entry is not None
            return entry

    def kill(self) -> None:
        """SIGKILL: no chance to flush or say goodbye."""
        self._stop(signal.SIGKILL)

    def terminate(self) -> int:
        """SIGTERM: the graceful path. Returns the exit code."""
        return self._stop(signal.SIGTERM)

    def _stop(self, sig: signal.Signals) -> int:
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            code = self.proc.wait(TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait(TIMEOUT_S)
        if self._reader is not None:
            self._reader.join(TIMEOUT_S)
        if self.proc.stderr is not None:
            self.proc.stderr.close()
        self.proc = None
        return code

    def restart(self) -> ServerProcess:
        """Start again on the same port and data directory (after kill or terminate)."""
        return self.start()
