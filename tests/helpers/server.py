"""A real Pigeon server process for tests: the project's one child-process runner
(:class:`pigeon.bench.server.ServerProcess`) with every log line kept, so tests can assert
on structured logs, and argon2 made cheap."""

from __future__ import annotations

from pathlib import Path

from pigeon.bench.server import ServerProcess as _ServerProcess
from tests.helpers.timing import TIMEOUT_S


class ServerProcess(_ServerProcess):
    def __init__(self, data_dir: Path, *, port: int = 0, env: dict[str, str] | None = None) -> None:
        super().__init__(
            data_dir,
            port=port,
            env={"PIGEON_ARGON2_TIME_COST": "1", "PIGEON_ARGON2_MEMORY_KIB": "8192", **(env or {})},
            timeout_s=TIMEOUT_S,
        )
