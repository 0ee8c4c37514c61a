"""Rate and size limits as pure functions of their inputs and of ``now`` (seconds, monotonic).

Nothing here reads a clock: the caller passes ``now``, so tests drive time by hand.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import msgspec

from pigeon.core.records import MessageMeta
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited

_meta_encoder = msgspec.json.Encoder()


class TokenBucket:
    """``rate_per_s`` tokens per second, holding at most ``burst``; starts full."""

    __slots__ = ("_tokens", "_updated", "burst", "rate_per_s")

    def __init__(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def try_take(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def take_or_raise(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = self.try_take(now, cost)
        if retry_after_ms:
            raise RateLimited(retry_after_ms)


class BucketTable:
    """Token buckets by key (a user, an address), bounded: least recently used keys are dropped.

    Dropping a bucket forgets its debt, which errs toward admitting; ``max_keys`` is set far
    above the number of active senders, so in practice only idle buckets (full anyway) go.
    """

    def __init__(self, *, rate_per_s: float, burst: float, max_keys: int = 100_000) -> None:
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def take_or_raise(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def __len__(self) -> int:
        return len(self._buckets)


def check_body(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, or a body plus metadata over ``max_body_bytes`` of UTF-8."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")


def check_text(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc
