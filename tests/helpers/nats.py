"""Real nats-server processes for tests (installed by scripts/ensure-debian-packages.sh): one
server, or a cluster of them, each on a free loopback port, stopped by pid.

A server is ready when it logs ``Server is ready``; its ports are read from its own log lines
(it picks them itself: ``-p -1``), so no port is guessed. A restart reuses the same ports, so
clients reconnect to the URL they were given.
"""

from __future__ import annotations

import re
import signal
import subprocess
import threading
from pathlib import Path
from typing import Self

from pigeon.cluster.processes import nats_server_program
from tests.helpers.timing import TIMEOUT_S

_CLIENT_PORT = re.compile(r"Listening for client connections on [\d.]+:(\d+)")
_ROUTE_PORT = re.compile(r"Listening for route connections on [\d.]+:(\d+)")
_READY = "Server is ready"
_ROUTED = "Route connection created"


def nats_server_path() -> str:
    path = nats_server_program()  # found the way `pigeon cluster up` finds it
    if not Path(path).exists():
        raise RuntimeError("nats-server is missing: run make pytest, which installs it")
    return path


class NatsServer:
    """One nats-server child process on 127.0.0.1."""

    def __init__(
        self,
        log_path: Path,
        *,
        port: int = -1,
        cluster_port: int | None = None,
        routes: tuple[str, ...] = (),
        name: str = "nats",
    ) -> None:
        self.log_path = log_path
        self.port = port
        self.cluster_port = cluster_port
        self.routes = routes
        self.name = name
        self.lines: list[str] = []
        self._proc: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._logged = threading.Condition()
        self._ended = False

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    @property
    def route_url(self) -> str:
        return f"nats://127.0.0.1:{self.cluster_port}"

    @property
    def pid(self) -> int:
        assert self._proc is not None
        return self._proc.pid

    def start(self) -> Self:
        """Start, and wait (bounded) until it accepts connections."""
        args = [nats_server_path(), "-a", "127.0.0.1", "-p", str(self.port), "-n", self.name]
        if self.cluster_port is not None:
            args += ["--cluster_name", "pigeon-test", "--cluster"]
            args += [f"nats://127.0.0.1:{self.cluster_port}"]
            if self.routes:
                args += ["--routes", ",".join(self.routes)]
        with self._logged:
            self.lines.clear()
        self._ended = False
        self._proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._reader = threading.Thread(target=self._read_log, args=(self._proc,), daemon=True)
        self._reader.start()

        def ready() -> bool:
            # "Server is ready" comes before the route listener's line: wait for both.
            routes = self.cluster_port is None or any(_ROUTE_PORT.search(x) for x in self.lines)
            return self._ended or (routes and any(_READY in line for line in self.lines))

        with self._logged:
            started = self._logged.wait_for(ready, TIMEOUT_S)
        if not started or self._proc.poll() is not None:
            self.kill()
            raise RuntimeError(f"nats-server did not start: {self.lines[-5:]}")
        return self

    def _read_log(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stderr is not None
        with proc.stderr, self.log_path.open("a", encoding="utf-8") as log:
            for raw in proc.stderr:
                line = raw.decode(errors="replace")
                log.write(line)
                with self._logged:
                    if match := _CLIENT_PORT.search(line):
                        self.port = int(match.group(1))
                    if match := _ROUTE_PORT.search(line):
                        self.cluster_port = int(match.group(1))
                    self.lines.append(line)
                    self._logged.notify_all()
        with self._logged:
            self._ended = True  # EOF: the process is gone; start() sees it exit, not wait
            self._logged.notify_all()

    def wait_for_routes(self, count: int) -> None:
        """Wait (bounded) until this node has logged ``count`` route connections in all."""
        with self._logged:
            routed = self._logged.wait_for(
                lambda: sum(_ROUTED in line for line in self.lines) >= count, TIMEOUT_S
            )
        if not routed:
            raise RuntimeError(f"nats-server {self.name} has not {count} routes: {self.lines}")

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> None:
        """Signal the process by its pid and wait (bounded) for it to exit."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(TIMEOUT_S)
        if self._reader is not None:
            self._reader.join(TIMEOUT_S)  # it closes the pipe at EOF

    def kill(self) -> None:
        self.stop(signal.SIGKILL)

    def restart(self) -> Self:
        """SIGKILL, then start again on the same ports."""
        self.kill()
        return self.start()


class NatsCluster:
    """``size`` nats-servers routed to each other (the first is the seed route)."""

    def __init__(self, log_dir: Path, size: int = 3) -> None:
        self.log_dir = log_dir
        self.size = size
        self.nodes: list[NatsServer] = []

    @property
    def url(self) -> str:
        """One bus URL naming every node."""
        return "nats://" + ",".join(f"127.0.0.1:{node.port}" for node in self.nodes)

    def start(self) -> Self:
        try:
            seed = NatsServer(self.log_dir / "nats-0.log", cluster_port=-1, name="nats-0")
            self.nodes = [seed.start()]
            for n in range(1, self.size):
                node = NatsServer(
                    self.log_dir / f"nats-{n}.log",
                    cluster_port=-1,
                    routes=(seed.route_url,),
                    name=f"nats-{n}",
                )
                self.nodes.append(node)
                node.start()
            for node in self.nodes:  # a full mesh: each node routed to every other
                node.wait_for_routes(self.size - 1)
        except BaseException:
            self.stop()
            raise
        return self

    def node_at(self, port: int) -> NatsServer:
        return next(node for node in self.nodes if node.port == port)

    def stop(self) -> None:
        for node in self.nodes:
            node.kill()
