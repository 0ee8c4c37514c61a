"""Errors the SDK raises. All derive from :class:`pigeon.errors.PigeonError`::

PigeonError
├── ApiError              the server refused a request: ``code`` is its ErrorCode
├── ServerUnreachable     no connection to the server (also a builtin ConnectionError)
├── ClientClosed          the Client was closed while the call waited
└── PigeonTimeoutError    a bounded wait ran out (from pigeon.errors)
"""

from __future__ import annotations

from pigeon.errors import DEFAULT_MESSAGES, ErrorCode, PigeonError

RETRYABLE = frozenset({ErrorCode.RATE_LIMITED, ErrorCode.BUSY, ErrorCode.UNAVAILABLE})


class ApiError(PigeonError):
    """The server answered with an error. ``retry_after_ms`` is set for rate_limited/busy."""

    def __init__(
        self, code: ErrorCode, message: str | None = None, retry_after_ms: int | None = None
    ) -> None:
        self.code = code
        self.message = message if message is not None else DEFAULT_MESSAGES[code]
        self.retry_after_ms = retry_after_ms
        super().__init__(f"{code.value}: {self.message}")

    @property
    def retryable(self) -> bool:
        """True when the same request may succeed later (rate_limited, busy, unavailable)."""
        return self.code in RETRYABLE


class ServerUnreachable(PigeonError, ConnectionError):
    """The server could not be reached (refused, reset, DNS, TLS). Retrying later may work."""

    def __init__(self, url: str, detail: str = "") -> None:
        self.url = url
        self.detail = detail
        super().__init__(f"cannot reach the server at {url}" + (f" ({detail})" if detail else ""))


class ClientClosed(PigeonError):
    """The :class:`~pigeon.sdk.Client` was closed (or failed for good) while a call waited."""


def code_of(raw: str) -> ErrorCode:
    """The ErrorCode for a wire code; an unknown one (a newer server) counts as internal."""
    try:
        return ErrorCode(raw)
    except ValueError:
        return ErrorCode.INTERNAL
