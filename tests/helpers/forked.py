"""Nodes forked from an interpreter that has already imported the server, instead of a new
``python -m pigeon`` each: a start then costs a fork, not a second of imports (aiohttp
alone builds its TLS contexts at import). The tests start nodes by the thousand, and a
cluster test starts two per test.

Each node is still its own process running ``pigeon.cli.main.main`` with its own argv and
environment, its stderr a socket to the test and its stdout /dev/null, as ``Popen`` would
give it. The standard library's fork server does the forking (``multiprocessing``'s
``forkserver`` context, started once per test session with the server's modules preloaded);
it is single-threaded, so a fork copies no lock held by another thread. A test about the
interpreter's own start (a signal while the modules load) runs ``python -m pigeon`` as
before (``ServerProcess(..., preloaded=False)``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import subprocess
import sys
from typing import IO

# What every node imports before it serves (the command line's parser imports every
# subcommand's module): loaded once, in the fork server.
PRELOADED = [
    "pigeon.cli.main",
    "pigeon.cli.admin",
    "pigeon.cli.chat",
    "pigeon.cli.cluster",
    "pigeon.cli.shard",
    "pigeon.bench.cli",
    "pigeon.server.app",
    "pigeon.store.sqlite",
    "pigeon.store.memory",
    "pigeon.store.postgres",
    "pigeon.store.migrations",
    "pigeon.bus.nats",
    "uvloop",
]

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(PRELOADED)


def _run_node(argv: list[str], env: dict[str, str], stderr: socket.socket) -> None:
    """The node's main, in the forked child: the descriptors and environment a new
    interpreter would have had, then ``pigeon <argv>``."""
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.dup2(stderr.fileno(), 2)
    os.close(devnull)
    stderr.close()
    os.environ.clear()
    os.environ.update(env)
    sys.argv = ["pigeon", *argv]
    from pigeon.cli.main import main

    sys.exit(main(argv))


class ForkedNode:
    """A node forked by the fork server, with the calls of ``subprocess.Popen`` that
    :class:`pigeon.bench.server.ServerProcess` uses (its exit code is a signal's negative
    number when a signal ended it, as ``Popen`` reports)."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        ours, theirs = socket.socketpair()
        # Daemonic: a node a failed test left running is stopped when the session ends.
        self._process = _CONTEXT.Process(
            target=_run_node, args=(argv, env, theirs), name="pigeon", daemon=True
        )
        try:
            self._process.start()
        finally:
            theirs.close()
        ours.shutdown(socket.SHUT_WR)
        self._stderr: IO[bytes] = ours.makefile("rb")
        ours.close()  # the file holds the descriptor now
        assert self._process.pid is not None
        self._pid = self._process.pid

    @property
    def pid(self) -> int:
        return self._pid

    @property
    def stderr(self) -> IO[bytes]:
        return self._stderr

    def poll(self) -> int | None:
        return self._process.exitcode

    def wait(self, timeout: float | None = None) -> int:
        self._process.join(timeout)
        code = self._process.exitcode
        if code is None:
            raise subprocess.TimeoutExpired(["pigeon", "serve"], timeout or 0.0)
        return code

    def send_signal(self, sig: int) -> None:
        # The fork server reaps it: once exitcode is set the pid may be another process's.
        if self._process.exitcode is None:
            os.kill(self._pid, sig)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)
