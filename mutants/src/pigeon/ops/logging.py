"""Structured logs: one JSON object per line on stderr.

Fields passed with ``extra=`` become keys of the object. Never pass a password, a token or a
message body: logs are for operators, and bodies are the users' business.
"""

from __future__ import annotations

import logging
import sys
import time
from contextvars import ContextVar
from typing import Any

import msgspec

_encoder = msgspec.json.Encoder()

# Fields added to every log line of the current request or connection (``conn``, ``request``):
# set once where the work starts, inherited by every task it creates.
log_context: ContextVar[dict[str, str]] = ContextVar("log_context", default={})  # noqa: B039


def bind(**fields: str) -> None:
    """Add ``fields`` to every log line of the current context from now on."""
    log_context.set({**log_context.get(), **fields})


# Fields of every log line of the process, whatever its context (the node's id).
_process_fields: dict[str, str] = {}


def bind_process(**fields: str) -> None:
    """Add ``fields`` to every log line of this process from now on."""
    _process_fields.update(fields)


_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
            **_process_fields,
            **log_context.get(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD:
                entry[key] = value if isinstance(value, str | int | float | bool) else repr(value)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return _encoder.encode(entry).decode()


def configure(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.Formatter.converter = time.gmtime
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
