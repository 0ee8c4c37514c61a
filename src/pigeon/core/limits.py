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

    def give_back(self, cost: float = 1.0) -> None:
        """Return tokens taken for an attempt that turned out not to count (up to ``burst``)."""
        self._tokens = min(self.burst, self._tokens + cost)

    def grant(self, now: float, want: int) -> int:
        """Take as many whole tokens as there are, up to ``want``; returns how many."""
        self.try_take(now, 0.0)  # refill only
        granted = max(0, min(want, math.floor(self._tokens)))
        self._tokens -= granted
        return granted


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

    def give_back(self, key: str, cost: float = 1.0) -> None:
        """Undo a take: for limits that count failures, take before trying, give back after
        success, so concurrent failing attempts cannot overrun the limit."""
        bucket = self._buckets.get(key)
        if bucket is not None:
            bucket.give_back(cost)

    def __len__(self) -> int:
        return len(self._buckets)


class GrantTable:
    """Shared token buckets as a store keeps them (:meth:`pigeon.store.base.Store.take_tokens`):
    each call names its rate and burst, and is granted whole tokens up to what it asks.

    The embedded stores hold this in memory: one process owns such a store (its directory
    lock), so memory is shared by every user of the store. Bounded like :class:`BucketTable`.
    """

    def __init__(self, *, max_keys: int = 100_000) -> None:
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def grant(self, key: str, want: int, *, rate_per_s: float, burst: float, now: float) -> int:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(rate_per_s=rate_per_s, burst=burst, now=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
            bucket.rate_per_s, bucket.burst = rate_per_s, burst  # the caller's settings rule
        return bucket.grant(now, want)

    def give_back(self, key: str, count: int) -> None:
        bucket = self._buckets.get(key)
        if bucket is not None:
            bucket.give_back(count)


def lease_size(burst: float) -> int:
    """Tokens a gateway takes from a shared bucket at a time: a quarter of the burst (D42),
    so the store is asked once per that many writes, and no gateway holds much of the burst."""
    return max(1, math.ceil(burst / 4))


def lease_ttl_s(rate_per_s: float, burst: float) -> float:
    """How long an unspent lease is kept: the time the bucket takes to refill two leases.

    Tokens spent in a window were granted at most this long before it, so over any window a
    user is admitted at most ``rate_per_s`` x this (two leases) more than one bucket would let
    through, and never more than one lease per gateway. A lapsed lease's tokens are lost, at
    most one lease per this time per gateway: half the rate, so a user on one gateway is never
    refused below the rate (D42)."""
    return 2 * lease_size(burst) / rate_per_s


def retry_after_ms(rate_per_s: float) -> int:
    """When a bucket that granted nothing holds a whole token again, at the latest."""
    return max(1, math.ceil(1000 / rate_per_s))


class _Lease:
    __slots__ = ("expires", "size", "tokens")

    def __init__(self, tokens: int, expires: float, size: int) -> None:
        self.tokens = tokens
        self.expires = expires
        self.size = size  # what was asked for: the next ask doubles it if this one is spent


class LeaseTable:
    """A gateway's leases on shared buckets (:class:`GrantTable` in a store), by key.

    :meth:`take` spends a local token if a live lease holds one; when it cannot, the caller
    asks the store for :meth:`want` tokens and hands what it got to :meth:`add`. Leases
    start at one token and double while each is spent before it lapses, up to
    :attr:`lease`, so a user writing slowly takes one token per write (nothing to waste)
    and one writing fast asks the store once per :attr:`lease` writes. A lease unspent after
    :attr:`ttl_s` lapses, so leases cannot be banked for a later burst. Bounded: least
    recently used keys are dropped (their tokens lapse early: errs strict).
    """

    def __init__(self, *, rate_per_s: float, burst: float, max_keys: int = 100_000) -> None:
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.lease = lease_size(burst)
        self.ttl_s = lease_ttl_s(rate_per_s, burst)
        self.max_keys = max_keys
        self._leases: OrderedDict[str, _Lease] = OrderedDict()

    def _live(self, key: str, now: float) -> _Lease | None:
        held = self._leases.get(key)
        if held is not None and now >= held.expires:
            del self._leases[key]
            return None
        return held

    def take(self, key: str, now: float) -> bool:
        held = self._live(key, now)
        if held is None or held.tokens < 1:
            return False
        held.tokens -= 1
        self._leases.move_to_end(key)
        return True

    def want(self, key: str, now: float) -> int:
        """How many tokens to ask the store for: twice the last lease if it was spent before
        it lapsed (up to :attr:`lease`), else one."""
        held = self._live(key, now)
        return 1 if held is None else min(self.lease, 2 * held.size)

    def add(self, key: str, tokens: int, size: int, now: float) -> None:
        """Tokens granted by the store at ``now`` (beyond the one its caller spent at once),
        of ``size`` asked for."""
        held = self._live(key, now)
        tokens = max(0, tokens) + (held.tokens if held is not None else 0)
        self._leases[key] = _Lease(tokens, now + self.ttl_s, size)
        self._leases.move_to_end(key)
        if len(self._leases) > self.max_keys:
            self._leases.popitem(last=False)

    def held(self, key: str, now: float) -> int:
        held = self._live(key, now)
        return held.tokens if held is not None else 0

    def __len__(self) -> int:
        return len(self._leases)


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


def check_text(text: str) -> None:
    """Refuse strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)
    and strings holding NUL, which C-based tools and databases read as the end of the text."""
    if "\x00" in text:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="NUL in text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProtocolViolation(ErrorCode.BAD_REQUEST, detail="invalid unicode") from exc


# Control and format characters (zero-width space and joiners, U+FEFF, bidi marks), separators
# of every kind, and combining marks with nothing to combine with.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn"})
# Letters by category that render as blank space: Hangul fillers and the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only whitespace and invisible characters."""
    return all(
        unicodedata.category(char) in _INVISIBLE_CATEGORIES or char in _BLANK_LETTERS
        for char in text
    )


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


def check_handle_free(handle: str, reserved: frozenset[str]) -> None:
    """Refuse a reserved name at registration as if it were taken: names like ``admin`` or
    ``support`` would let anyone pose as the operator."""
    if handle in reserved:
        raise ProtocolViolation(ErrorCode.CONFLICT, detail=f"reserved handle {handle!r}")


# -- fair admission by client network --------------------------------------------------------

# One customer's allocation (RFC 6177): a host can use any address in its /64, so counting
# single addresses would give it a share, or a connection cap, per address it picks.
IPV6_NETWORK_PREFIX = 64

T = TypeVar("T")


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

    def __init__(self, *, capacity: int, per_key: int) -> None:
        if capacity < 1 or per_key < 1:
            raise ValueError("capacity and per_key must be >= 1")
        self.capacity = capacity
        self.per_key = per_key
        self._held: dict[str, int] = {}  # waiting + running, by key
        self._waiting: OrderedDict[str, deque[T]] = OrderedDict()  # round-robin order of keys
        self._total = 0

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

    def done(self, key: str) -> None:
        """A popped item has finished running."""
        self._release(key)

    def _release(self, key: str) -> None:
        self._total -= 1
        held = self._held[key] - 1
        if held:
            self._held[key] = held
        else:
            del self._held[key]

    def held(self, key: str) -> int:
        return self._held.get(key, 0)

    def __len__(self) -> int:
        """Items held: waiting and running."""
        return self._total
