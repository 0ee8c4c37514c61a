"""The one exception tree of Pigeon, and the wire error codes.

::

    PigeonError
    ├── ProtocolViolation          the peer broke a rule; carries the ErrorCode it receives
    │   └── RateLimited            carries retry_after_ms
    ├── StoreUnavailable           the store cannot be reached or failed; retry later
    ├── DataDirRefused             an operator's command or a start refused on the data directory
    ├── BusUnavailable             the bus cannot be reached
    └── PigeonTimeoutError         a bounded wait ran out (also a builtin TimeoutError)

Every code in :class:`ErrorCode` is documented in ``docs/PROTOCOL.md``; a test fails when
one is missing there. The client only ever sees the code and a generic message; details go
to the server's log (G5: an error never reveals another user's data).
"""

from __future__ import annotations

import enum


class ErrorCode(enum.StrEnum):
    """Wire error codes. The value is what goes on the wire; ``status`` is the HTTP status."""

    BAD_REQUEST = "bad_request"  # malformed JSON, wrong types, missing fields, invalid UTF-8
    UNKNOWN_TYPE = "unknown_type"  # a frame or operation type the server does not know
    TOO_LARGE = "too_large"  # a body or frame over its size limit
    UNAUTHENTICATED = "unauthenticated"  # no token, a wrong, expired or revoked token
    ACCOUNT_DISABLED = "account_disabled"  # the account was disabled by an administrator
    NOT_FOUND = "not_found"  # no such thing, or not yours: the two are never told apart
    FORBIDDEN = "forbidden"  # a member without the role an operation needs; a foreign Origin
    CONFLICT = "conflict"  # already exists (handle taken), or an id reused with other content
    RATE_LIMITED = "rate_limited"  # too many requests; retry after retry_after_ms
    RESYNC_REQUIRED = "resync_required"  # the client's cursors are from another epoch
    BUSY = "busy"  # overloaded or draining; retry after retry_after_ms
    UNAVAILABLE = "unavailable"  # the store failed; retry later
    INTERNAL = "internal"  # a bug; the details are in the server log only
    MISDIRECTED = "misdirected"  # a Host this node does not answer for (DNS rebinding)

    @property
    def status(self) -> int:
        return _STATUS[self]


_STATUS: dict[ErrorCode, int] = {
    ErrorCode.BAD_REQUEST: 400,
    ErrorCode.UNKNOWN_TYPE: 400,
    ErrorCode.TOO_LARGE: 413,
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.ACCOUNT_DISABLED: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.CONFLICT: 409,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.RESYNC_REQUIRED: 409,
    ErrorCode.BUSY: 503,
    ErrorCode.UNAVAILABLE: 503,
    ErrorCode.INTERNAL: 500,
    ErrorCode.MISDIRECTED: 421,
}

# The only text a client sees for each code: generic on purpose (G5).
DEFAULT_MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.BAD_REQUEST: "the request is malformed",
    ErrorCode.UNKNOWN_TYPE: "unknown request type",
    ErrorCode.TOO_LARGE: "the request is too large",
    ErrorCode.UNAUTHENTICATED: "authentication required",
    ErrorCode.ACCOUNT_DISABLED: "this account is disabled",
    ErrorCode.NOT_FOUND: "not found",
    ErrorCode.FORBIDDEN: "not allowed",
    ErrorCode.CONFLICT: "conflict",
    ErrorCode.RATE_LIMITED: "rate limited",
    ErrorCode.RESYNC_REQUIRED: "cursors are from another epoch; resync",
    ErrorCode.BUSY: "busy; retry later",
    ErrorCode.UNAVAILABLE: "temporarily unavailable; retry later",
    ErrorCode.INTERNAL: "internal error",
    ErrorCode.MISDIRECTED: "this server does not answer for that host",
}


class PigeonError(Exception):
    """Root of every error Pigeon raises."""


class ProtocolViolation(PigeonError):
    """The peer broke a rule. ``code`` and ``message`` go on the wire; ``detail`` to logs only."""

    def __init__(self, code: ErrorCode, message: str | None = None, *, detail: str = "") -> None:
        self.code = code
        self.message = message if message is not None else DEFAULT_MESSAGES[code]
        self.detail = detail
        super().__init__(f"{code}: {self.message}" + (f" ({detail})" if detail else ""))


class RateLimited(ProtocolViolation):
    """Refused for rate; the client may retry after ``retry_after_ms``."""

    def __init__(self, retry_after_ms: int, code: ErrorCode = ErrorCode.RATE_LIMITED) -> None:
        super().__init__(code)
        self.retry_after_ms = retry_after_ms


class StoreUnavailable(PigeonError):
    """The store could not complete an operation (I/O error, closed, corrupt)."""


class DataDirRefused(PigeonError):
    """A start, backup or restore refused before changing anything: the data directory is in
    use, holds no store or a bad admin token, or a backup is not one. The message is one line
    telling the operator what to do."""


class BusUnavailable(PigeonError):
    """The bus could not deliver a notification."""


class PigeonTimeoutError(PigeonError, TimeoutError):
    """A bounded wait ran out."""
