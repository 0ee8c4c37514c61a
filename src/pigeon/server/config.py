"""The server's configuration: one frozen value, built once at start-up from defaults, the
environment (``PIGEON_<NAME>``) and the command line, in that order, and handed down.
No other module reads the environment.

``docs/OPTIONS.md`` is generated from :data:`OPTION_HELP`; a test keeps the two in step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec


class Config(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    host: str = "127.0.0.1"
    port: int = 8700
    data_dir: str = "./pigeon-data"
    log_level: str = "info"
    max_body_bytes: int = 16 * 1024
    max_frame_bytes: int = 64 * 1024
    max_http_body_bytes: int = 64 * 1024
    send_rate_per_s: float = 20.0
    send_burst: float = 50.0
    login_rate_per_min: float = 30.0
    max_queued_pushes: int = 1024
    max_queued_replies: int = 1024
    max_inflight: int = 256
    frames_per_s: float = 500.0
    max_connections: int = 15_000
    token_ttl_s: int = 30 * 24 * 3600
    group_commit_max_batch: int = 512
    write_queue_max: int = 20_000
    argon2_time_cost: int = 2
    argon2_memory_kib: int = 19 * 1024
    hello_timeout_s: float = 10.0
    heartbeat_s: float = 20.0
    drain_timeout_s: float = 10.0

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)


OPTION_HELP: dict[str, str] = {
    "host": "address to listen on",
    "port": "TCP port to listen on (0: any free port, logged at start)",
    "data_dir": "directory of the embedded store",
    "log_level": "debug, info, warning or error",
    "max_body_bytes": "largest message body plus metadata, in UTF-8 bytes",
    "max_frame_bytes": "largest WebSocket frame accepted",
    "max_http_body_bytes": "largest HTTP request body accepted",
    "send_rate_per_s": "per-user sustained send rate (token bucket)",
    "send_burst": "per-user send burst (token bucket size)",
    "login_rate_per_min": "login and register attempts per client address per minute",
    "max_queued_pushes": "pushes queued per connection before it is told it lagged",
    "max_queued_replies": "replies queued per connection before it is closed as a slow consumer",
    "max_inflight": "requests per connection being worked on at once",
    "frames_per_s": "frames per second per connection, all kinds",
    "max_connections": "WebSocket connections per process (the open-files limit is 20,000)",
    "token_ttl_s": "lifetime of a device token",
    "group_commit_max_batch": "most writes committed in one transaction",
    "write_queue_max": "writes waiting for the writer before sends are refused as busy",
    "argon2_time_cost": "argon2id passes",
    "argon2_memory_kib": "argon2id memory per hash, KiB",
    "hello_timeout_s": "seconds a new WebSocket has to authenticate",
    "heartbeat_s": "seconds between WebSocket pings",
    "drain_timeout_s": "seconds a shutdown waits for in-flight work",
}


def load(env: Mapping[str, str] | None = None, **overrides: Any) -> Config:
    """Defaults, then ``PIGEON_*`` variables of ``env``, then ``overrides`` (None is ignored)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for name in Config.__struct_fields__:
        raw = env.get(f"PIGEON_{name.upper()}")
        if raw is not None:
            values[name] = raw
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return msgspec.convert(values, Config, strict=False)
    except msgspec.ValidationError as exc:
        raise ValueError(f"invalid configuration: {exc}") from exc
