"""Rate and size limits, and the checks of what clients write, as pure functions of their
inputs and of ``now`` (seconds, monotonic).

Nothing here reads a clock: the caller passes ``now``, so tests drive time by hand.
"""

from __future__ import annotations

import ipaddress
import math
import unicodedata
from collections import OrderedDict, deque
from typing import Generic, TypeVar

import msgspec

from pigeon.core.records import MessageMeta
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited

_meta_encoder = msgspec.json.Encoder()
# The largest integer every common JSON decoder holds exactly (JavaScript's
# Number.MAX_SAFE_INTEGER); Matrix's canonical JSON has the same bound.
MAX_META_INT = 2**53 - 1


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_xǁTokenBucketǁ__init____mutmut: MutantDict = {}  # type: ignore
mutants_xǁTokenBucketǁtry_take__mutmut: MutantDict = {}  # type: ignore
mutants_xǁTokenBucketǁtake_or_raise__mutmut: MutantDict = {}  # type: ignore
mutants_xǁTokenBucketǁgive_back__mutmut: MutantDict = {}  # type: ignore


class TokenBucket:
    """``rate_per_s`` tokens per second, holding at most ``burst``; starts full."""

    __slots__ = ("_tokens", "_updated", "burst", "rate_per_s")

    @_mutmut_mutated(mutants_xǁTokenBucketǁ__init____mutmut)
    def __init__(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_orig(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_1(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 and burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_2(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s < 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_3(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 1 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_4(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst <= 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_5(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 2:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_6(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError(None)
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_7(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("XXrate_per_s must be > 0 and burst >= 1XX")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_8(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("RATE_PER_S MUST BE > 0 AND BURST >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_9(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = None
        self.burst = burst
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_10(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = None
        self._tokens = burst
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_11(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = None
        self._updated = now

    def xǁTokenBucketǁ__init____mutmut_12(self, *, rate_per_s: float, burst: float, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate_per_s must be > 0 and burst >= 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._tokens = burst
        self._updated = None

    @_mutmut_mutated(mutants_xǁTokenBucketǁtry_take__mutmut)
    def try_take(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_orig(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_1(self, now: float, cost: float = 2.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_2(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = None
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_3(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(None, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_4(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, None)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_5(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_6(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, )
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_7(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(1.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_8(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now + self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_9(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = None
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_10(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(None, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_11(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, None)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_12(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_13(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, )
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_14(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens - elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_15(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed / self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_16(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = None  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_17(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(None, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_18(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, None)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_19(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_20(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, )  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_21(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens > cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_22(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens = cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_23(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens += cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_24(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 1
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_25(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(None, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_26(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, None)

    def xǁTokenBucketǁtry_take__mutmut_27(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_28(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, )

    def xǁTokenBucketǁtry_take__mutmut_29(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(2, math.ceil((cost - self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_30(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil(None))

    def xǁTokenBucketǁtry_take__mutmut_31(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s / 1000))

    def xǁTokenBucketǁtry_take__mutmut_32(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) * self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_33(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost + self._tokens) / self.rate_per_s * 1000))

    def xǁTokenBucketǁtry_take__mutmut_34(self, now: float, cost: float = 1.0) -> int:
        """Take ``cost`` tokens. Returns 0 on success, else the milliseconds until it would pass."""
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate_per_s)
        self._updated = max(self._updated, now)  # a stale `now` must not mint tokens later
        if self._tokens >= cost:
            self._tokens -= cost
            return 0
        return max(1, math.ceil((cost - self._tokens) / self.rate_per_s * 1001))

    @_mutmut_mutated(mutants_xǁTokenBucketǁtake_or_raise__mutmut)
    def take_or_raise(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = self.try_take(now, cost)
        if retry_after_ms:
            raise RateLimited(retry_after_ms)

    def xǁTokenBucketǁtake_or_raise__mutmut_orig(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = self.try_take(now, cost)
        if retry_after_ms:
            raise RateLimited(retry_after_ms)

    def xǁTokenBucketǁtake_or_raise__mutmut_1(self, now: float, cost: float = 2.0) -> None:
        retry_after_ms = self.try_take(now, cost)
        if retry_after_ms:
            raise RateLimited(retry_after_ms)

    def xǁTokenBucketǁtake_or_raise__mutmut_2(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = None
        if retry_after_ms:
            raise RateLimited(retry_after_ms)

    def xǁTokenBucketǁtake_or_raise__mutmut_3(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = self.try_take(None, cost)
        if retry_after_ms:
            raise RateLimited(retry_after_ms)

    def xǁTokenBucketǁtake_or_raise__mutmut_4(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = self.try_take(now, None)
        if retry_after_ms:
            raise RateLimited(retry_after_ms)

    def xǁTokenBucketǁtake_or_raise__mutmut_5(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = self.try_take(cost)
        if retry_after_ms:
            raise RateLimited(retry_after_ms)

    def xǁTokenBucketǁtake_or_raise__mutmut_6(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = self.try_take(now, )
        if retry_after_ms:
            raise RateLimited(retry_after_ms)

    def xǁTokenBucketǁtake_or_raise__mutmut_7(self, now: float, cost: float = 1.0) -> None:
        retry_after_ms = self.try_take(now, cost)
        if retry_after_ms:
            raise RateLimited(None)

    @_mutmut_mutated(mutants_xǁTokenBucketǁgive_back__mutmut)
    def give_back(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(self.burst, self._tokens + cost)

    def xǁTokenBucketǁgive_back__mutmut_orig(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(self.burst, self._tokens + cost)

    def xǁTokenBucketǁgive_back__mutmut_1(self, cost: float = 2.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(self.burst, self._tokens + cost)

    def xǁTokenBucketǁgive_back__mutmut_2(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = None

    def xǁTokenBucketǁgive_back__mutmut_3(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(None, self._tokens + cost)

    def xǁTokenBucketǁgive_back__mutmut_4(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(self.burst, None)

    def xǁTokenBucketǁgive_back__mutmut_5(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(self._tokens + cost)

    def xǁTokenBucketǁgive_back__mutmut_6(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(self.burst, )

    def xǁTokenBucketǁgive_back__mutmut_7(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(self.burst, self._tokens - cost)

mutants_xǁTokenBucketǁ__init____mutmut['_mutmut_orig'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_orig # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_1'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_1 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_2'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_2 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_3'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_3 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_4'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_4 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_5'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_5 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_6'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_6 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_7'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_7 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_8'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_8 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_9'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_9 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_10'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_10 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_11'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_11 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁ__init____mutmut['xǁTokenBucketǁ__init____mutmut_12'] = TokenBucket.xǁTokenBucketǁ__init____mutmut_12 # type: ignore # mutmut generated

mutants_xǁTokenBucketǁtry_take__mutmut['_mutmut_orig'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_1'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_1 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_2'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_2 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_3'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_3 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_4'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_4 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_5'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_5 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_6'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_6 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_7'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_7 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_8'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_8 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_9'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_9 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_10'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_10 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_11'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_11 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_12'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_12 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_13'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_13 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_14'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_14 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_15'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_15 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_16'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_16 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_17'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_17 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_18'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_18 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_19'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_19 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_20'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_20 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_21'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_21 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_22'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_22 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_23'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_23 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_24'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_24 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_25'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_25 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_26'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_26 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_27'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_27 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_28'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_28 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_29'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_29 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_30'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_30 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_31'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_31 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_32'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_32 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_33'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_33 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtry_take__mutmut['xǁTokenBucketǁtry_take__mutmut_34'] = TokenBucket.xǁTokenBucketǁtry_take__mutmut_34 # type: ignore # mutmut generated

mutants_xǁTokenBucketǁtake_or_raise__mutmut['_mutmut_orig'] = TokenBucket.xǁTokenBucketǁtake_or_raise__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtake_or_raise__mutmut['xǁTokenBucketǁtake_or_raise__mutmut_1'] = TokenBucket.xǁTokenBucketǁtake_or_raise__mutmut_1 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtake_or_raise__mutmut['xǁTokenBucketǁtake_or_raise__mutmut_2'] = TokenBucket.xǁTokenBucketǁtake_or_raise__mutmut_2 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtake_or_raise__mutmut['xǁTokenBucketǁtake_or_raise__mutmut_3'] = TokenBucket.xǁTokenBucketǁtake_or_raise__mutmut_3 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtake_or_raise__mutmut['xǁTokenBucketǁtake_or_raise__mutmut_4'] = TokenBucket.xǁTokenBucketǁtake_or_raise__mutmut_4 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtake_or_raise__mutmut['xǁTokenBucketǁtake_or_raise__mutmut_5'] = TokenBucket.xǁTokenBucketǁtake_or_raise__mutmut_5 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtake_or_raise__mutmut['xǁTokenBucketǁtake_or_raise__mutmut_6'] = TokenBucket.xǁTokenBucketǁtake_or_raise__mutmut_6 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁtake_or_raise__mutmut['xǁTokenBucketǁtake_or_raise__mutmut_7'] = TokenBucket.xǁTokenBucketǁtake_or_raise__mutmut_7 # type: ignore # mutmut generated

mutants_xǁTokenBucketǁgive_back__mutmut['_mutmut_orig'] = TokenBucket.xǁTokenBucketǁgive_back__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTokenBucketǁgive_back__mutmut['xǁTokenBucketǁgive_back__mutmut_1'] = TokenBucket.xǁTokenBucketǁgive_back__mutmut_1 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁgive_back__mutmut['xǁTokenBucketǁgive_back__mutmut_2'] = TokenBucket.xǁTokenBucketǁgive_back__mutmut_2 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁgive_back__mutmut['xǁTokenBucketǁgive_back__mutmut_3'] = TokenBucket.xǁTokenBucketǁgive_back__mutmut_3 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁgive_back__mutmut['xǁTokenBucketǁgive_back__mutmut_4'] = TokenBucket.xǁTokenBucketǁgive_back__mutmut_4 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁgive_back__mutmut['xǁTokenBucketǁgive_back__mutmut_5'] = TokenBucket.xǁTokenBucketǁgive_back__mutmut_5 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁgive_back__mutmut['xǁTokenBucketǁgive_back__mutmut_6'] = TokenBucket.xǁTokenBucketǁgive_back__mutmut_6 # type: ignore # mutmut generated
mutants_xǁTokenBucketǁgive_back__mutmut['xǁTokenBucketǁgive_back__mutmut_7'] = TokenBucket.xǁTokenBucketǁgive_back__mutmut_7 # type: ignore # mutmut generated
mutants_xǁBucketTableǁ__init____mutmut: MutantDict = {}  # type: ignore
mutants_xǁBucketTableǁtake_or_raise__mutmut: MutantDict = {}  # type: ignore
mutants_xǁBucketTableǁgive_back__mutmut: MutantDict = {}  # type: ignore


class BucketTable:
    """Token buckets by key (a user, an address), bounded: least recently used keys are dropped.

    Dropping a bucket forgets its debt, which errs toward admitting; ``max_keys`` is set far
    above the number of active senders, so in practice only idle buckets (full anyway) go.
    """

    @_mutmut_mutated(mutants_xǁBucketTableǁ__init____mutmut)
    def __init__(self, *, rate_per_s: float, burst: float, max_keys: int = 100_000) -> None:
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def xǁBucketTableǁ__init____mutmut_orig(self, *, rate_per_s: float, burst: float, max_keys: int = 100_000) -> None:
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def xǁBucketTableǁ__init____mutmut_1(self, *, rate_per_s: float, burst: float, max_keys: int = 100001) -> None:
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def xǁBucketTableǁ__init____mutmut_2(self, *, rate_per_s: float, burst: float, max_keys: int = 100_000) -> None:
        self.rate_per_s = None
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def xǁBucketTableǁ__init____mutmut_3(self, *, rate_per_s: float, burst: float, max_keys: int = 100_000) -> None:
        self.rate_per_s = rate_per_s
        self.burst = None
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def xǁBucketTableǁ__init____mutmut_4(self, *, rate_per_s: float, burst: float, max_keys: int = 100_000) -> None:
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.max_keys = None
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def xǁBucketTableǁ__init____mutmut_5(self, *, rate_per_s: float, burst: float, max_keys: int = 100_000) -> None:
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, TokenBucket] = None

    @_mutmut_mutated(mutants_xǁBucketTableǁtake_or_raise__mutmut)
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

    def xǁBucketTableǁtake_or_raise__mutmut_orig(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_1(self, key: str, now: float, cost: float = 2.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_2(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = None
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_3(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(None)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_4(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is not None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_5(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = None
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_6(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=None, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_7(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=None, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_8(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=None)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_9(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_10(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_11(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, )
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_12(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = None
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_13(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) >= self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_14(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=None)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_15(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=True)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_16(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(None)
        bucket.take_or_raise(now, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_17(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(None, cost)

    def xǁBucketTableǁtake_or_raise__mutmut_18(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, None)

    def xǁBucketTableǁtake_or_raise__mutmut_19(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(cost)

    def xǁBucketTableǁtake_or_raise__mutmut_20(self, key: str, now: float, cost: float = 1.0) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=self.rate_per_s, burst=self.burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        bucket.take_or_raise(now, )

    @_mutmut_mutated(mutants_xǁBucketTableǁgive_back__mutmut)
    def give_back(self, key: str, cost: float = 1.0) -> None:
        """Undo a take: for limits that count failures, take before trying, give back after
        success, so concurrent failing attempts cannot overrun the limit."""
        bucket = self._buckets.get(key)
        if bucket is not None:
            bucket.give_back(cost)

    def xǁBucketTableǁgive_back__mutmut_orig(self, key: str, cost: float = 1.0) -> None:
        """Undo a take: for limits that count failures, take before trying, give back after
        success, so concurrent failing attempts cannot overrun the limit."""
        bucket = self._buckets.get(key)
        if bucket is not None:
            bucket.give_back(cost)

    def xǁBucketTableǁgive_back__mutmut_1(self, key: str, cost: float = 2.0) -> None:
        """Undo a take: for limits that count failures, take before trying, give back after
        success, so concurrent failing attempts cannot overrun the limit."""
        bucket = self._buckets.get(key)
        if bucket is not None:
            bucket.give_back(cost)

    def xǁBucketTableǁgive_back__mutmut_2(self, key: str, cost: float = 1.0) -> None:
        """Undo a take: for limits that count failures, take before trying, give back after
        success, so concurrent failing attempts cannot overrun the limit."""
        bucket = None
        if bucket is not None:
            bucket.give_back(cost)

    def xǁBucketTableǁgive_back__mutmut_3(self, key: str, cost: float = 1.0) -> None:
        """Undo a take: for limits that count failures, take before trying, give back after
        success, so concurrent failing attempts cannot overrun the limit."""
        bucket = self._buckets.get(None)
        if bucket is not None:
            bucket.give_back(cost)

    def xǁBucketTableǁgive_back__mutmut_4(self, key: str, cost: float = 1.0) -> None:
        """Undo a take: for limits that count failures, take before trying, give back after
        success, so concurrent failing attempts cannot overrun the limit."""
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket.give_back(cost)

    def xǁBucketTableǁgive_back__mutmut_5(self, key: str, cost: float = 1.0) -> None:
        """Undo a take: for limits that count failures, take before trying, give back after
        success, so concurrent failing attempts cannot overrun the limit."""
        bucket = self._buckets.get(key)
        if bucket is not None:
            bucket.give_back(None)

    def __len__(self) -> int:
        return len(self._buckets)

mutants_xǁBucketTableǁ__init____mutmut['_mutmut_orig'] = BucketTable.xǁBucketTableǁ__init____mutmut_orig # type: ignore # mutmut generated
mutants_xǁBucketTableǁ__init____mutmut['xǁBucketTableǁ__init____mutmut_1'] = BucketTable.xǁBucketTableǁ__init____mutmut_1 # type: ignore # mutmut generated
mutants_xǁBucketTableǁ__init____mutmut['xǁBucketTableǁ__init____mutmut_2'] = BucketTable.xǁBucketTableǁ__init____mutmut_2 # type: ignore # mutmut generated
mutants_xǁBucketTableǁ__init____mutmut['xǁBucketTableǁ__init____mutmut_3'] = BucketTable.xǁBucketTableǁ__init____mutmut_3 # type: ignore # mutmut generated
mutants_xǁBucketTableǁ__init____mutmut['xǁBucketTableǁ__init____mutmut_4'] = BucketTable.xǁBucketTableǁ__init____mutmut_4 # type: ignore # mutmut generated
mutants_xǁBucketTableǁ__init____mutmut['xǁBucketTableǁ__init____mutmut_5'] = BucketTable.xǁBucketTableǁ__init____mutmut_5 # type: ignore # mutmut generated

mutants_xǁBucketTableǁtake_or_raise__mutmut['_mutmut_orig'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_orig # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_1'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_1 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_2'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_2 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_3'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_3 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_4'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_4 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_5'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_5 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_6'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_6 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_7'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_7 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_8'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_8 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_9'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_9 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_10'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_10 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_11'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_11 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_12'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_12 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_13'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_13 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_14'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_14 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_15'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_15 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_16'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_16 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_17'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_17 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_18'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_18 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_19'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_19 # type: ignore # mutmut generated
mutants_xǁBucketTableǁtake_or_raise__mutmut['xǁBucketTableǁtake_or_raise__mutmut_20'] = BucketTable.xǁBucketTableǁtake_or_raise__mutmut_20 # type: ignore # mutmut generated

mutants_xǁBucketTableǁgive_back__mutmut['_mutmut_orig'] = BucketTable.xǁBucketTableǁgive_back__mutmut_orig # type: ignore # mutmut generated
mutants_xǁBucketTableǁgive_back__mutmut['xǁBucketTableǁgive_back__mutmut_1'] = BucketTable.xǁBucketTableǁgive_back__mutmut_1 # type: ignore # mutmut generated
mutants_xǁBucketTableǁgive_back__mutmut['xǁBucketTableǁgive_back__mutmut_2'] = BucketTable.xǁBucketTableǁgive_back__mutmut_2 # type: ignore # mutmut generated
mutants_xǁBucketTableǁgive_back__mutmut['xǁBucketTableǁgive_back__mutmut_3'] = BucketTable.xǁBucketTableǁgive_back__mutmut_3 # type: ignore # mutmut generated
mutants_xǁBucketTableǁgive_back__mutmut['xǁBucketTableǁgive_back__mutmut_4'] = BucketTable.xǁBucketTableǁgive_back__mutmut_4 # type: ignore # mutmut generated
mutants_xǁBucketTableǁgive_back__mutmut['xǁBucketTableǁgive_back__mutmut_5'] = BucketTable.xǁBucketTableǁgive_back__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_body__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_body__mutmut)
def check_body(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_orig(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_1(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() or not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_2(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_3(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_4(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(None, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_5(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, None)
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_6(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation("the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_7(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, )
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_8(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "XXthe body is emptyXX")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_9(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "THE BODY IS EMPTY")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_10(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(None)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_11(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = None
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_12(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = None
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_13(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b"XXXX"
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_14(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = None
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_15(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(None)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_16(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode(None)
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_17(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("XXutf-8XX")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_18(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("UTF-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_19(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(None, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_20(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=None) from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_21(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_22(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, ) from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_23(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="XXinvalid utf-8 in metaXX") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_24(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="INVALID UTF-8 IN META") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_25(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size = len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_26(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size -= len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_27(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size >= max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_28(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(None, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_29(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=None)
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_30(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_31(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, )
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(encoded)


def x_check_body__mutmut_32(body: str, meta: MessageMeta | None, *, max_body_bytes: int) -> None:
    """Refuse an empty body, a body plus metadata over ``max_body_bytes`` of UTF-8, and text or
    metadata that :func:`check_text` and :func:`check_meta_values` refuse."""
    if not body.strip() and not meta:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, "the body is empty")
    check_text(body)
    size = len(body.encode("utf-8"))
    encoded = b""
    if meta:
        encoded = _meta_encoder.encode(meta)
        try:  # meta values are kept raw, so their bytes were never checked as text
            encoded.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid utf-8 in meta") from exc
        size += len(encoded)
    if size > max_body_bytes:
        raise ProtocolViolation(ErrorCode.TOO_LARGE, detail=f"{size} > {max_body_bytes} bytes")
    if encoded:  # after the size check, which bounds the work of decoding it again
        check_meta_values(None)

mutants_x_check_body__mutmut['_mutmut_orig'] = x_check_body__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_1'] = x_check_body__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_2'] = x_check_body__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_3'] = x_check_body__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_4'] = x_check_body__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_5'] = x_check_body__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_6'] = x_check_body__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_7'] = x_check_body__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_8'] = x_check_body__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_9'] = x_check_body__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_10'] = x_check_body__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_11'] = x_check_body__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_12'] = x_check_body__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_13'] = x_check_body__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_14'] = x_check_body__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_15'] = x_check_body__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_16'] = x_check_body__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_17'] = x_check_body__mutmut_17 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_18'] = x_check_body__mutmut_18 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_19'] = x_check_body__mutmut_19 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_20'] = x_check_body__mutmut_20 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_21'] = x_check_body__mutmut_21 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_22'] = x_check_body__mutmut_22 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_23'] = x_check_body__mutmut_23 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_24'] = x_check_body__mutmut_24 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_25'] = x_check_body__mutmut_25 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_26'] = x_check_body__mutmut_26 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_27'] = x_check_body__mutmut_27 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_28'] = x_check_body__mutmut_28 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_29'] = x_check_body__mutmut_29 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_30'] = x_check_body__mutmut_30 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_31'] = x_check_body__mutmut_31 # type: ignore # mutmut generated
mutants_x_check_body__mutmut['x_check_body__mutmut_32'] = x_check_body__mutmut_32 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_meta_values__mutmut)
def check_meta_values(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_orig(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_1(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = None
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_2(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(None)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_3(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(None, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_4(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=None) from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_5(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_6(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, ) from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_7(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = None
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_8(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(None)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_9(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(None)
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_10(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(None)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_11(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) or not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_12(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_13(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not +MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_14(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT < value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_15(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value < MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_16(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(None, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_17(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=None)
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_18(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_19(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, )
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_20(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="XXmeta: integer beyond 2**53-1XX")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_21(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="META: INTEGER BEYOND 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_22(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) or "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_23(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "XX\x00XX" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_24(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" not in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_25(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(None, detail="meta: NUL in a string")


def x_check_meta_values__mutmut_26(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=None)


def x_check_meta_values__mutmut_27(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(detail="meta: NUL in a string")


def x_check_meta_values__mutmut_28(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, )


def x_check_meta_values__mutmut_29(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="XXmeta: NUL in a stringXX")


def x_check_meta_values__mutmut_30(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: nul in a string")


def x_check_meta_values__mutmut_31(encoded: bytes) -> None:
    """Refuse metadata (its JSON bytes) holding an integer beyond +-(2**53 - 1), a number no
    float holds, or a NUL in a key or string.

    Meta is returned verbatim to every member; a value that common JSON decoders (JavaScript's,
    and others that parse numbers as doubles or 64-bit integers) cannot read exactly would make
    every page holding it unreadable, or silently wrong, for those clients.
    """
    try:
        pending: list[object] = [msgspec.json.decode(encoded)]
    except (msgspec.DecodeError, RecursionError, UnicodeError) as exc:
        # msgspec.ValidationError ("Number out of range") is a DecodeError: 1e400 lands here.
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=f"meta: {exc!r}") from exc
    while pending:  # iterative: nesting as deep as the decoder allows costs no stack
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not -MAX_META_INT <= value <= MAX_META_INT:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="meta: integer beyond 2**53-1")
        elif isinstance(value, str) and "\x00" in value:
            raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="META: NUL IN A STRING")

mutants_x_check_meta_values__mutmut['_mutmut_orig'] = x_check_meta_values__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_1'] = x_check_meta_values__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_2'] = x_check_meta_values__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_3'] = x_check_meta_values__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_4'] = x_check_meta_values__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_5'] = x_check_meta_values__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_6'] = x_check_meta_values__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_7'] = x_check_meta_values__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_8'] = x_check_meta_values__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_9'] = x_check_meta_values__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_10'] = x_check_meta_values__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_11'] = x_check_meta_values__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_12'] = x_check_meta_values__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_13'] = x_check_meta_values__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_14'] = x_check_meta_values__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_15'] = x_check_meta_values__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_16'] = x_check_meta_values__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_17'] = x_check_meta_values__mutmut_17 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_18'] = x_check_meta_values__mutmut_18 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_19'] = x_check_meta_values__mutmut_19 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_20'] = x_check_meta_values__mutmut_20 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_21'] = x_check_meta_values__mutmut_21 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_22'] = x_check_meta_values__mutmut_22 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_23'] = x_check_meta_values__mutmut_23 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_24'] = x_check_meta_values__mutmut_24 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_25'] = x_check_meta_values__mutmut_25 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_26'] = x_check_meta_values__mutmut_26 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_27'] = x_check_meta_values__mutmut_27 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_28'] = x_check_meta_values__mutmut_28 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_29'] = x_check_meta_values__mutmut_29 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_30'] = x_check_meta_values__mutmut_30 # type: ignore # mutmut generated
mutants_x_check_meta_values__mutmut['x_check_meta_values__mutmut_31'] = x_check_meta_values__mutmut_31 # type: ignore # mutmut generated
mutants_x_check_text__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_text__mutmut)
def check_text(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_orig(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_1(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "XX\x00XX" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_2(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" not in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_3(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(None, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_4(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=None)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_5(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_6(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_7(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="XXNUL in textXX")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_8(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="nul in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_9(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL IN TEXT")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_10(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode(None)
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_11(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("XXutf-8XX")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_12(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("UTF-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


def x_check_text__mutmut_13(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(None, detail="invalid unicode") from exc


def x_check_text__mutmut_14(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail=None) from exc


def x_check_text__mutmut_15(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(detail="invalid unicode") from exc


def x_check_text__mutmut_16(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, ) from exc


def x_check_text__mutmut_17(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="XXinvalid unicodeXX") from exc


def x_check_text__mutmut_18(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="INVALID UNICODE") from exc

mutants_x_check_text__mutmut['_mutmut_orig'] = x_check_text__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_1'] = x_check_text__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_2'] = x_check_text__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_3'] = x_check_text__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_4'] = x_check_text__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_5'] = x_check_text__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_6'] = x_check_text__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_7'] = x_check_text__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_8'] = x_check_text__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_9'] = x_check_text__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_10'] = x_check_text__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_11'] = x_check_text__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_12'] = x_check_text__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_13'] = x_check_text__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_14'] = x_check_text__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_15'] = x_check_text__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_16'] = x_check_text__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_17'] = x_check_text__mutmut_17 # type: ignore # mutmut generated
mutants_x_check_text__mutmut['x_check_text__mutmut_18'] = x_check_text__mutmut_18 # type: ignore # mutmut generated


# Control and format characters (zero-width space and joiners, U+FEFF, bidi marks), separators
# of every kind, and combining marks with nothing to combine with.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn"})
# Letters by category that render as blank space: Hangul fillers and the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
mutants_x_is_blank__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_is_blank__mutmut)
def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only whitespace and invisible characters."""
    return all(
        unicodedata.category(char) in _INVISIBLE_CATEGORIES or char in _BLANK_LETTERS
        for char in text
    )


def x_is_blank__mutmut_orig(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only whitespace and invisible characters."""
    return all(
        unicodedata.category(char) in _INVISIBLE_CATEGORIES or char in _BLANK_LETTERS
        for char in text
    )


def x_is_blank__mutmut_1(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only whitespace and invisible characters."""
    return all(
        None
    )


def x_is_blank__mutmut_2(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only whitespace and invisible characters."""
    return all(
        unicodedata.category(char) in _INVISIBLE_CATEGORIES and char in _BLANK_LETTERS
        for char in text
    )


def x_is_blank__mutmut_3(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only whitespace and invisible characters."""
    return all(
        unicodedata.category(None) in _INVISIBLE_CATEGORIES or char in _BLANK_LETTERS
        for char in text
    )


def x_is_blank__mutmut_4(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only whitespace and invisible characters."""
    return all(
        unicodedata.category(char) not in _INVISIBLE_CATEGORIES or char in _BLANK_LETTERS
        for char in text
    )


def x_is_blank__mutmut_5(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only whitespace and invisible characters."""
    return all(
        unicodedata.category(char) in _INVISIBLE_CATEGORIES or char not in _BLANK_LETTERS
        for char in text
    )

mutants_x_is_blank__mutmut['_mutmut_orig'] = x_is_blank__mutmut_orig # type: ignore # mutmut generated
mutants_x_is_blank__mutmut['x_is_blank__mutmut_1'] = x_is_blank__mutmut_1 # type: ignore # mutmut generated
mutants_x_is_blank__mutmut['x_is_blank__mutmut_2'] = x_is_blank__mutmut_2 # type: ignore # mutmut generated
mutants_x_is_blank__mutmut['x_is_blank__mutmut_3'] = x_is_blank__mutmut_3 # type: ignore # mutmut generated
mutants_x_is_blank__mutmut['x_is_blank__mutmut_4'] = x_is_blank__mutmut_4 # type: ignore # mutmut generated
mutants_x_is_blank__mutmut['x_is_blank__mutmut_5'] = x_is_blank__mutmut_5 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_parse_decimal__mutmut)
def parse_decimal(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_orig(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_1(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_2(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() or text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_3(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(None, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_4(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, None)
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_5(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_6(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, )
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_7(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 and not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_8(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) >= 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_9(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 21 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_10(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_11(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low < int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_12(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(None) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_13(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) < high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_14(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(None, f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_15(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, None)
    return int(text)


def x_parse_decimal__mutmut_16(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(f"{name} is out of range")
    return int(text)


def x_parse_decimal__mutmut_17(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, )
    return int(text)


def x_parse_decimal__mutmut_18(text: str, *, name: str, low: int, high: int) -> int:
    """An integer written in ASCII digits only, from ``low`` to ``high``, else bad_request.

    ``int()`` also takes ``+1``, `` 1``, ``1_0`` and the digits of other scripts: several
    spellings of one value, which caches, logs and proxies in front of the server would see as
    different requests.
    """
    if not (text.isascii() and text.isdigit()):
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} must be an integer")
    # Past 20 digits it is out of any range we use; int() of 5,000 digits would even raise.
    if len(text) > 20 or not low <= int(text) <= high:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, f"{name} is out of range")
    return int(None)

mutants_x_parse_decimal__mutmut['_mutmut_orig'] = x_parse_decimal__mutmut_orig # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_1'] = x_parse_decimal__mutmut_1 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_2'] = x_parse_decimal__mutmut_2 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_3'] = x_parse_decimal__mutmut_3 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_4'] = x_parse_decimal__mutmut_4 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_5'] = x_parse_decimal__mutmut_5 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_6'] = x_parse_decimal__mutmut_6 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_7'] = x_parse_decimal__mutmut_7 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_8'] = x_parse_decimal__mutmut_8 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_9'] = x_parse_decimal__mutmut_9 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_10'] = x_parse_decimal__mutmut_10 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_11'] = x_parse_decimal__mutmut_11 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_12'] = x_parse_decimal__mutmut_12 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_13'] = x_parse_decimal__mutmut_13 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_14'] = x_parse_decimal__mutmut_14 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_15'] = x_parse_decimal__mutmut_15 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_16'] = x_parse_decimal__mutmut_16 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_17'] = x_parse_decimal__mutmut_17 # type: ignore # mutmut generated
mutants_x_parse_decimal__mutmut['x_parse_decimal__mutmut_18'] = x_parse_decimal__mutmut_18 # type: ignore # mutmut generated
mutants_x_check_handle_free__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_handle_free__mutmut)
def check_handle_free(handle: str, reserved: frozenset[str]) -> None:
    """Refuse a reserved name at registration as if it were taken: names like ``admin`` or
    ``support`` would let anyone pose as the operator."""
    if handle in reserved:
        raise ProtocolViolation(ErrorCode.CONFLICT, detail=f"reserved handle {handle!r}")


def x_check_handle_free__mutmut_orig(handle: str, reserved: frozenset[str]) -> None:
    """Refuse a reserved name at registration as if it were taken: names like ``admin`` or
    ``support`` would let anyone pose as the operator."""
    if handle in reserved:
        raise ProtocolViolation(ErrorCode.CONFLICT, detail=f"reserved handle {handle!r}")


def x_check_handle_free__mutmut_1(handle: str, reserved: frozenset[str]) -> None:
    """Refuse a reserved name at registration as if it were taken: names like ``admin`` or
    ``support`` would let anyone pose as the operator."""
    if handle not in reserved:
        raise ProtocolViolation(ErrorCode.CONFLICT, detail=f"reserved handle {handle!r}")


def x_check_handle_free__mutmut_2(handle: str, reserved: frozenset[str]) -> None:
    """Refuse a reserved name at registration as if it were taken: names like ``admin`` or
    ``support`` would let anyone pose as the operator."""
    if handle in reserved:
        raise ProtocolViolation(None, detail=f"reserved handle {handle!r}")


def x_check_handle_free__mutmut_3(handle: str, reserved: frozenset[str]) -> None:
    """Refuse a reserved name at registration as if it were taken: names like ``admin`` or
    ``support`` would let anyone pose as the operator."""
    if handle in reserved:
        raise ProtocolViolation(ErrorCode.CONFLICT, detail=None)


def x_check_handle_free__mutmut_4(handle: str, reserved: frozenset[str]) -> None:
    """Refuse a reserved name at registration as if it were taken: names like ``admin`` or
    ``support`` would let anyone pose as the operator."""
    if handle in reserved:
        raise ProtocolViolation(detail=f"reserved handle {handle!r}")


def x_check_handle_free__mutmut_5(handle: str, reserved: frozenset[str]) -> None:
    """Refuse a reserved name at registration as if it were taken: names like ``admin`` or
    ``support`` would let anyone pose as the operator."""
    if handle in reserved:
        raise ProtocolViolation(ErrorCode.CONFLICT, )

mutants_x_check_handle_free__mutmut['_mutmut_orig'] = x_check_handle_free__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_handle_free__mutmut['x_check_handle_free__mutmut_1'] = x_check_handle_free__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_handle_free__mutmut['x_check_handle_free__mutmut_2'] = x_check_handle_free__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_handle_free__mutmut['x_check_handle_free__mutmut_3'] = x_check_handle_free__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_handle_free__mutmut['x_check_handle_free__mutmut_4'] = x_check_handle_free__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_handle_free__mutmut['x_check_handle_free__mutmut_5'] = x_check_handle_free__mutmut_5 # type: ignore # mutmut generated


# -- fair admission by client network --------------------------------------------------------

# One customer's allocation (RFC 6177): a host can use any address in its /64, so counting
# single addresses would give it a share, or a connection cap, per address it picks.
IPV6_NETWORK_PREFIX = 64

T = TypeVar("T")
mutants_x_client_network__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_client_network__mutmut)
def client_network(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_orig(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_1(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = None  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_2(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(None)  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_3(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition(None)[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_4(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.rpartition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_5(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("XX%XX")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_6(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[1])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_7(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_8(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(None)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(ip)


def x_client_network__mutmut_9(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(None)
    return str(ip)


def x_client_network__mutmut_10(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(None, strict=False))
    return str(ip)


def x_client_network__mutmut_11(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=None))
    return str(ip)


def x_client_network__mutmut_12(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(strict=False))
    return str(ip)


def x_client_network__mutmut_13(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), ))
    return str(ip)


def x_client_network__mutmut_14(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=True))
    return str(ip)


def x_client_network__mutmut_15(address: str) -> str:
    """The network a client address stands for when sharing: an IPv4 address itself, an IPv6
    address's /64 (an IPv4-mapped IPv6 address is its IPv4 address), anything else (a Unix
    socket's empty name) as given. Rate shares and connection caps both count by it."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False))
    return str(None)

mutants_x_client_network__mutmut['_mutmut_orig'] = x_client_network__mutmut_orig # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_1'] = x_client_network__mutmut_1 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_2'] = x_client_network__mutmut_2 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_3'] = x_client_network__mutmut_3 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_4'] = x_client_network__mutmut_4 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_5'] = x_client_network__mutmut_5 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_6'] = x_client_network__mutmut_6 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_7'] = x_client_network__mutmut_7 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_8'] = x_client_network__mutmut_8 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_9'] = x_client_network__mutmut_9 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_10'] = x_client_network__mutmut_10 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_11'] = x_client_network__mutmut_11 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_12'] = x_client_network__mutmut_12 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_13'] = x_client_network__mutmut_13 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_14'] = x_client_network__mutmut_14 # type: ignore # mutmut generated
mutants_x_client_network__mutmut['x_client_network__mutmut_15'] = x_client_network__mutmut_15 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut: MutantDict = {}  # type: ignore
mutants_xǁFairQueueǁpush__mutmut: MutantDict = {}  # type: ignore
mutants_xǁFairQueueǁ_evict_greediest__mutmut: MutantDict = {}  # type: ignore
mutants_xǁFairQueueǁpop__mutmut: MutantDict = {}  # type: ignore
mutants_xǁFairQueueǁdiscard__mutmut: MutantDict = {}  # type: ignore
mutants_xǁFairQueueǁdone__mutmut: MutantDict = {}  # type: ignore
mutants_xǁFairQueueǁ_release__mutmut: MutantDict = {}  # type: ignore
mutants_xǁFairQueueǁheld__mutmut: MutantDict = {}  # type: ignore


class FairQueue(Generic[T]):
    """Work waiting for a few workers, shared fairly between keys (client networks).

    At most ``capacity`` items are held in all (waiting or running) and at most ``per_key``
    by one key. Waiting items are taken round-robin across keys, so a key with one item waits
    behind at most one item of each other key, however many that key has queued. When full,
    a key holding fewer items than the greediest one still gets in: the greediest key's newest
    waiting item is pushed out (its caller told busy). So a flood from a few networks cannot
    keep a login from another network out; many networks each holding one item can, and
    the per-address rate limit is what stops them.
    """

    @_mutmut_mutated(mutants_xǁFairQueueǁ__init____mutmut)
    def __init__(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_orig(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_1(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 and per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_2(self, *, capacity: int, per_key: int) -> None:
        if capacity <= 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_3(self, *, capacity: int, per_key: int) -> None:
        if capacity < 2 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_4(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key <= 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_5(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 2:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_6(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError(None)
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_7(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("XXcapacity and per_key must be >= 1XX")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_8(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("CAPACITY AND PER_KEY MUST BE >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_9(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = None
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_10(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = None
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_11(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = None  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_12(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = None  # round-robin order of keys
        self._total = 0

    def xǁFairQueueǁ__init____mutmut_13(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = None

    def xǁFairQueueǁ__init____mutmut_14(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 1

    @_mutmut_mutated(mutants_xǁFairQueueǁpush__mutmut)
    def push(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_orig(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_1(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = None
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_2(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(None, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_3(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, None)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_4(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_5(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, )
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_6(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 1)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_7(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held > self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_8(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(None, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_9(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, None)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_10(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_11(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, )
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_12(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1001, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_13(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = ""
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_14(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total > self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_15(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = None
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_16(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=None)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_17(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held - 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_18(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 2)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_19(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is not None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_20(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(None, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_21(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, None)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_22(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_23(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, )
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_24(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1001, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_25(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = None
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_26(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held - 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_27(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 2
        self._total += 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_28(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total = 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_29(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total -= 1
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_30(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 2
        self._waiting.setdefault(key, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_31(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, deque()).append(None)
        return evicted

    def xǁFairQueueǁpush__mutmut_32(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(None, deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_33(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, None).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_34(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(deque()).append(item)
        return evicted

    def xǁFairQueueǁpush__mutmut_35(self, key: str, item: T) -> T | None:
        """Admit ``item``; returns the item pushed out to make room, if any. Raises busy when
        ``key`` holds ``per_key`` items already, or when full and no key holds more than it."""
        held = self._held.get(key, 0)
        if held >= self.per_key:
            raise RateLimited(1000, ErrorCode.BUSY)
        evicted: T | None = None
        if self._total >= self.capacity:
            evicted = self._evict_greediest(more_than=held + 1)
            if evicted is None:
                raise RateLimited(1000, ErrorCode.BUSY)
        self._held[key] = held + 1
        self._total += 1
        self._waiting.setdefault(key, ).append(item)
        return evicted

    @_mutmut_mutated(mutants_xǁFairQueueǁ_evict_greediest__mutmut)
    def _evict_greediest(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_orig(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_1(self, *, more_than: int) -> T | None:
        candidates = None
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_2(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] >= more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_3(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_4(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = None
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_5(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(None, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_6(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=None)
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_7(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_8(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, )
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_9(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: None)
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_10(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = None
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_11(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = None  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_12(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if waiting:
            del self._waiting[greediest]
        self._release(greediest)
        return evicted

    def xǁFairQueueǁ_evict_greediest__mutmut_13(self, *, more_than: int) -> T | None:
        candidates = [k for k in self._waiting if self._held[k] > more_than]
        if not candidates:
            return None
        greediest = max(candidates, key=lambda k: self._held[k])
        waiting = self._waiting[greediest]
        evicted = waiting.pop()  # its newest: the one whose caller waited least
        if not waiting:
            del self._waiting[greediest]
        self._release(None)
        return evicted

    @_mutmut_mutated(mutants_xǁFairQueueǁpop__mutmut)
    def pop(self) -> tuple[str, T] | None:
        """The next item to run, round-robin across keys; it stays held until :meth:`done`."""
        if not self._waiting:
            return None
        key, waiting = next(iter(self._waiting.items()))
        item = waiting.popleft()
        if waiting:
            self._waiting.move_to_end(key)
        else:
            del self._waiting[key]
        return key, item

    def xǁFairQueueǁpop__mutmut_orig(self) -> tuple[str, T] | None:
        """The next item to run, round-robin across keys; it stays held until :meth:`done`."""
        if not self._waiting:
            return None
        key, waiting = next(iter(self._waiting.items()))
        item = waiting.popleft()
        if waiting:
            self._waiting.move_to_end(key)
        else:
            del self._waiting[key]
        return key, item

    def xǁFairQueueǁpop__mutmut_1(self) -> tuple[str, T] | None:
        """The next item to run, round-robin across keys; it stays held until :meth:`done`."""
        if self._waiting:
            return None
        key, waiting = next(iter(self._waiting.items()))
        item = waiting.popleft()
        if waiting:
            self._waiting.move_to_end(key)
        else:
            del self._waiting[key]
        return key, item

    def xǁFairQueueǁpop__mutmut_2(self) -> tuple[str, T] | None:
        """The next item to run, round-robin across keys; it stays held until :meth:`done`."""
        if not self._waiting:
            return None
        key, waiting = None
        item = waiting.popleft()
        if waiting:
            self._waiting.move_to_end(key)
        else:
            del self._waiting[key]
        return key, item

    def xǁFairQueueǁpop__mutmut_3(self) -> tuple[str, T] | None:
        """The next item to run, round-robin across keys; it stays held until :meth:`done`."""
        if not self._waiting:
            return None
        key, waiting = next(None)
        item = waiting.popleft()
        if waiting:
            self._waiting.move_to_end(key)
        else:
            del self._waiting[key]
        return key, item

    def xǁFairQueueǁpop__mutmut_4(self) -> tuple[str, T] | None:
        """The next item to run, round-robin across keys; it stays held until :meth:`done`."""
        if not self._waiting:
            return None
        key, waiting = next(iter(None))
        item = waiting.popleft()
        if waiting:
            self._waiting.move_to_end(key)
        else:
            del self._waiting[key]
        return key, item

    def xǁFairQueueǁpop__mutmut_5(self) -> tuple[str, T] | None:
        """The next item to run, round-robin across keys; it stays held until :meth:`done`."""
        if not self._waiting:
            return None
        key, waiting = next(iter(self._waiting.items()))
        item = None
        if waiting:
            self._waiting.move_to_end(key)
        else:
            del self._waiting[key]
        return key, item

    def xǁFairQueueǁpop__mutmut_6(self) -> tuple[str, T] | None:
        """The next item to run, round-robin across keys; it stays held until :meth:`done`."""
        if not self._waiting:
            return None
        key, waiting = next(iter(self._waiting.items()))
        item = waiting.popleft()
        if waiting:
            self._waiting.move_to_end(None)
        else:
            del self._waiting[key]
        return key, item

    @_mutmut_mutated(mutants_xǁFairQueueǁdiscard__mutmut)
    def discard(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None or item not in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_orig(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None or item not in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_1(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = None
        if waiting is None or item not in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_2(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(None)
        if waiting is None or item not in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_3(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None and item not in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_4(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is not None or item not in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_5(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None or item in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_6(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None or item not in waiting:
            return True
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_7(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None or item not in waiting:
            return False
        waiting.remove(None)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_8(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None or item not in waiting:
            return False
        waiting.remove(item)
        if waiting:
            del self._waiting[key]
        self._release(key)
        return True

    def xǁFairQueueǁdiscard__mutmut_9(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None or item not in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(None)
        return True

    def xǁFairQueueǁdiscard__mutmut_10(self, key: str, item: T) -> bool:
        """Withdraw a waiting item (its caller gave up). False if it is not waiting."""
        waiting = self._waiting.get(key)
        if waiting is None or item not in waiting:
            return False
        waiting.remove(item)
        if not waiting:
            del self._waiting[key]
        self._release(key)
        return False

    @_mutmut_mutated(mutants_xǁFairQueueǁdone__mutmut)
    def done(self, key: str) -> None:
        """A popped item has finished running."""
        self._release(key)

    def xǁFairQueueǁdone__mutmut_orig(self, key: str) -> None:
        """A popped item has finished running."""
        self._release(key)

    def xǁFairQueueǁdone__mutmut_1(self, key: str) -> None:
        """A popped item has finished running."""
        self._release(None)

    @_mutmut_mutated(mutants_xǁFairQueueǁ_release__mutmut)
    def _release(self, key: str) -> None:
        self._total -= 1
        held = self._held[key] - 1
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def xǁFairQueueǁ_release__mutmut_orig(self, key: str) -> None:
        self._total -= 1
        held = self._held[key] - 1
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def xǁFairQueueǁ_release__mutmut_1(self, key: str) -> None:
        self._total = 1
        held = self._held[key] - 1
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def xǁFairQueueǁ_release__mutmut_2(self, key: str) -> None:
        self._total += 1
        held = self._held[key] - 1
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def xǁFairQueueǁ_release__mutmut_3(self, key: str) -> None:
        self._total -= 2
        held = self._held[key] - 1
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def xǁFairQueueǁ_release__mutmut_4(self, key: str) -> None:
        self._total -= 1
        held = None
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def xǁFairQueueǁ_release__mutmut_5(self, key: str) -> None:
        self._total -= 1
        held = self._held[key] + 1
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def xǁFairQueueǁ_release__mutmut_6(self, key: str) -> None:
        self._total -= 1
        held = self._held[key] - 2
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def xǁFairQueueǁ_release__mutmut_7(self, key: str) -> None:
        self._total -= 1
        held = self._held[key] - 1
        if held:
            self._held[key] = None
        else:
            del self._held[key]

    @_mutmut_mutated(mutants_xǁFairQueueǁheld__mutmut)
    def held(self, key: str) -> int:
        return self._held.get(key, 0)

    def xǁFairQueueǁheld__mutmut_orig(self, key: str) -> int:
        return self._held.get(key, 0)

    def xǁFairQueueǁheld__mutmut_1(self, key: str) -> int:
        return self._held.get(None, 0)

    def xǁFairQueueǁheld__mutmut_2(self, key: str) -> int:
        return self._held.get(key, None)

    def xǁFairQueueǁheld__mutmut_3(self, key: str) -> int:
        return self._held.get(0)

    def xǁFairQueueǁheld__mutmut_4(self, key: str) -> int:
        return self._held.get(key, )

    def xǁFairQueueǁheld__mutmut_5(self, key: str) -> int:
        return self._held.get(key, 1)

    def __len__(self) -> int:
        """Items held: waiting and running."""
        return self._total

mutants_xǁFairQueueǁ__init____mutmut['_mutmut_orig'] = FairQueue.xǁFairQueueǁ__init____mutmut_orig # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_1'] = FairQueue.xǁFairQueueǁ__init____mutmut_1 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_2'] = FairQueue.xǁFairQueueǁ__init____mutmut_2 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_3'] = FairQueue.xǁFairQueueǁ__init____mutmut_3 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_4'] = FairQueue.xǁFairQueueǁ__init____mutmut_4 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_5'] = FairQueue.xǁFairQueueǁ__init____mutmut_5 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_6'] = FairQueue.xǁFairQueueǁ__init____mutmut_6 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_7'] = FairQueue.xǁFairQueueǁ__init____mutmut_7 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_8'] = FairQueue.xǁFairQueueǁ__init____mutmut_8 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_9'] = FairQueue.xǁFairQueueǁ__init____mutmut_9 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_10'] = FairQueue.xǁFairQueueǁ__init____mutmut_10 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_11'] = FairQueue.xǁFairQueueǁ__init____mutmut_11 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_12'] = FairQueue.xǁFairQueueǁ__init____mutmut_12 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_13'] = FairQueue.xǁFairQueueǁ__init____mutmut_13 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ__init____mutmut['xǁFairQueueǁ__init____mutmut_14'] = FairQueue.xǁFairQueueǁ__init____mutmut_14 # type: ignore # mutmut generated

mutants_xǁFairQueueǁpush__mutmut['_mutmut_orig'] = FairQueue.xǁFairQueueǁpush__mutmut_orig # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_1'] = FairQueue.xǁFairQueueǁpush__mutmut_1 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_2'] = FairQueue.xǁFairQueueǁpush__mutmut_2 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_3'] = FairQueue.xǁFairQueueǁpush__mutmut_3 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_4'] = FairQueue.xǁFairQueueǁpush__mutmut_4 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_5'] = FairQueue.xǁFairQueueǁpush__mutmut_5 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_6'] = FairQueue.xǁFairQueueǁpush__mutmut_6 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_7'] = FairQueue.xǁFairQueueǁpush__mutmut_7 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_8'] = FairQueue.xǁFairQueueǁpush__mutmut_8 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_9'] = FairQueue.xǁFairQueueǁpush__mutmut_9 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_10'] = FairQueue.xǁFairQueueǁpush__mutmut_10 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_11'] = FairQueue.xǁFairQueueǁpush__mutmut_11 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_12'] = FairQueue.xǁFairQueueǁpush__mutmut_12 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_13'] = FairQueue.xǁFairQueueǁpush__mutmut_13 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_14'] = FairQueue.xǁFairQueueǁpush__mutmut_14 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_15'] = FairQueue.xǁFairQueueǁpush__mutmut_15 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_16'] = FairQueue.xǁFairQueueǁpush__mutmut_16 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_17'] = FairQueue.xǁFairQueueǁpush__mutmut_17 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_18'] = FairQueue.xǁFairQueueǁpush__mutmut_18 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_19'] = FairQueue.xǁFairQueueǁpush__mutmut_19 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_20'] = FairQueue.xǁFairQueueǁpush__mutmut_20 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_21'] = FairQueue.xǁFairQueueǁpush__mutmut_21 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_22'] = FairQueue.xǁFairQueueǁpush__mutmut_22 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_23'] = FairQueue.xǁFairQueueǁpush__mutmut_23 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_24'] = FairQueue.xǁFairQueueǁpush__mutmut_24 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_25'] = FairQueue.xǁFairQueueǁpush__mutmut_25 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_26'] = FairQueue.xǁFairQueueǁpush__mutmut_26 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_27'] = FairQueue.xǁFairQueueǁpush__mutmut_27 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_28'] = FairQueue.xǁFairQueueǁpush__mutmut_28 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_29'] = FairQueue.xǁFairQueueǁpush__mutmut_29 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_30'] = FairQueue.xǁFairQueueǁpush__mutmut_30 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_31'] = FairQueue.xǁFairQueueǁpush__mutmut_31 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_32'] = FairQueue.xǁFairQueueǁpush__mutmut_32 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_33'] = FairQueue.xǁFairQueueǁpush__mutmut_33 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_34'] = FairQueue.xǁFairQueueǁpush__mutmut_34 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpush__mutmut['xǁFairQueueǁpush__mutmut_35'] = FairQueue.xǁFairQueueǁpush__mutmut_35 # type: ignore # mutmut generated

mutants_xǁFairQueueǁ_evict_greediest__mutmut['_mutmut_orig'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_orig # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_1'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_1 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_2'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_2 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_3'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_3 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_4'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_4 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_5'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_5 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_6'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_6 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_7'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_7 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_8'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_8 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_9'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_9 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_10'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_10 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_11'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_11 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_12'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_12 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_evict_greediest__mutmut['xǁFairQueueǁ_evict_greediest__mutmut_13'] = FairQueue.xǁFairQueueǁ_evict_greediest__mutmut_13 # type: ignore # mutmut generated

mutants_xǁFairQueueǁpop__mutmut['_mutmut_orig'] = FairQueue.xǁFairQueueǁpop__mutmut_orig # type: ignore # mutmut generated
mutants_xǁFairQueueǁpop__mutmut['xǁFairQueueǁpop__mutmut_1'] = FairQueue.xǁFairQueueǁpop__mutmut_1 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpop__mutmut['xǁFairQueueǁpop__mutmut_2'] = FairQueue.xǁFairQueueǁpop__mutmut_2 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpop__mutmut['xǁFairQueueǁpop__mutmut_3'] = FairQueue.xǁFairQueueǁpop__mutmut_3 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpop__mutmut['xǁFairQueueǁpop__mutmut_4'] = FairQueue.xǁFairQueueǁpop__mutmut_4 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpop__mutmut['xǁFairQueueǁpop__mutmut_5'] = FairQueue.xǁFairQueueǁpop__mutmut_5 # type: ignore # mutmut generated
mutants_xǁFairQueueǁpop__mutmut['xǁFairQueueǁpop__mutmut_6'] = FairQueue.xǁFairQueueǁpop__mutmut_6 # type: ignore # mutmut generated

mutants_xǁFairQueueǁdiscard__mutmut['_mutmut_orig'] = FairQueue.xǁFairQueueǁdiscard__mutmut_orig # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_1'] = FairQueue.xǁFairQueueǁdiscard__mutmut_1 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_2'] = FairQueue.xǁFairQueueǁdiscard__mutmut_2 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_3'] = FairQueue.xǁFairQueueǁdiscard__mutmut_3 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_4'] = FairQueue.xǁFairQueueǁdiscard__mutmut_4 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_5'] = FairQueue.xǁFairQueueǁdiscard__mutmut_5 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_6'] = FairQueue.xǁFairQueueǁdiscard__mutmut_6 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_7'] = FairQueue.xǁFairQueueǁdiscard__mutmut_7 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_8'] = FairQueue.xǁFairQueueǁdiscard__mutmut_8 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_9'] = FairQueue.xǁFairQueueǁdiscard__mutmut_9 # type: ignore # mutmut generated
mutants_xǁFairQueueǁdiscard__mutmut['xǁFairQueueǁdiscard__mutmut_10'] = FairQueue.xǁFairQueueǁdiscard__mutmut_10 # type: ignore # mutmut generated

mutants_xǁFairQueueǁdone__mutmut['_mutmut_orig'] = FairQueue.xǁFairQueueǁdone__mutmut_orig # type: ignore # mutmut generated
mutants_xǁFairQueueǁdone__mutmut['xǁFairQueueǁdone__mutmut_1'] = FairQueue.xǁFairQueueǁdone__mutmut_1 # type: ignore # mutmut generated

mutants_xǁFairQueueǁ_release__mutmut['_mutmut_orig'] = FairQueue.xǁFairQueueǁ_release__mutmut_orig # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_release__mutmut['xǁFairQueueǁ_release__mutmut_1'] = FairQueue.xǁFairQueueǁ_release__mutmut_1 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_release__mutmut['xǁFairQueueǁ_release__mutmut_2'] = FairQueue.xǁFairQueueǁ_release__mutmut_2 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_release__mutmut['xǁFairQueueǁ_release__mutmut_3'] = FairQueue.xǁFairQueueǁ_release__mutmut_3 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_release__mutmut['xǁFairQueueǁ_release__mutmut_4'] = FairQueue.xǁFairQueueǁ_release__mutmut_4 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_release__mutmut['xǁFairQueueǁ_release__mutmut_5'] = FairQueue.xǁFairQueueǁ_release__mutmut_5 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_release__mutmut['xǁFairQueueǁ_release__mutmut_6'] = FairQueue.xǁFairQueueǁ_release__mutmut_6 # type: ignore # mutmut generated
mutants_xǁFairQueueǁ_release__mutmut['xǁFairQueueǁ_release__mutmut_7'] = FairQueue.xǁFairQueueǁ_release__mutmut_7 # type: ignore # mutmut generated

mutants_xǁFairQueueǁheld__mutmut['_mutmut_orig'] = FairQueue.xǁFairQueueǁheld__mutmut_orig # type: ignore # mutmut generated
mutants_xǁFairQueueǁheld__mutmut['xǁFairQueueǁheld__mutmut_1'] = FairQueue.xǁFairQueueǁheld__mutmut_1 # type: ignore # mutmut generated
mutants_xǁFairQueueǁheld__mutmut['xǁFairQueueǁheld__mutmut_2'] = FairQueue.xǁFairQueueǁheld__mutmut_2 # type: ignore # mutmut generated
mutants_xǁFairQueueǁheld__mutmut['xǁFairQueueǁheld__mutmut_3'] = FairQueue.xǁFairQueueǁheld__mutmut_3 # type: ignore # mutmut generated
mutants_xǁFairQueueǁheld__mutmut['xǁFairQueueǁheld__mutmut_4'] = FairQueue.xǁFairQueueǁheld__mutmut_4 # type: ignore # mutmut generated
mutants_xǁFairQueueǁheld__mutmut['xǁFairQueueǁheld__mutmut_5'] = FairQueue.xǁFairQueueǁheld__mutmut_5 # type: ignore # mutmut generated
