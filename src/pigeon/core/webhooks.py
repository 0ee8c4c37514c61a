"""Outgoing webhooks, sans I/O: who receives an event, what the POST carries, how it is signed
and verified, and when a failed delivery is tried again (docs/PROTOCOL.md, "Webhooks";
docs/DECISIONS.md D48).

The signature follows the contract developers know from Stripe: the header
``Pigeon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>``, with
one ``v1`` per live secret (two during a rotation). A receiver recomputes it over the raw
bytes it received, compares in constant time, and refuses a ``t`` older than its tolerance
(300 s): :func:`verify_signature`, which the SDK ships.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable

import msgspec

from pigeon.core.records import Event, whole_string

SIGNATURE_HEADER = "Pigeon-Signature"
EVENT_ID_HEADER = "Pigeon-Event-Id"
SIGNATURE_TOLERANCE_S = 300
SECRET_PREFIX = "whsec_"
WEBHOOK_ID_PREFIX = "wh_"
EVENT_ID_PREFIX = "evt_"
MAX_URL_CHARS = 2048
# Endpoints one user may register: each costs a fan-out lookup per event of their conversations.
MAX_WEBHOOKS_PER_USER = 10
# A delivery's response body is read up to this much, for the failure's record only.
MAX_ERROR_CHARS = 200
# http(s), a host, no whitespace; whole_string: "$" alone would let a trailing newline in.
URL_PATTERN = whole_string(r"https?://[^\s/?#]+[^\s]*")
_url_re = re.compile(URL_PATTERN)


_webhook_id_re = re.compile(r"^wh_[0-9a-f]{16}$")


def is_webhook_id(text: str) -> bool:
    return _webhook_id_re.match(text) is not None


def new_webhook_id() -> str:
    return WEBHOOK_ID_PREFIX + secrets.token_hex(8)


def new_secret() -> str:
    """A signing secret: 32 random bytes, shown to its owner once (at creation or rotation)."""
    return SECRET_PREFIX + secrets.token_hex(32)


def is_webhook_url(url: str) -> bool:
    return len(url) <= MAX_URL_CHARS and _url_re.match(url) is not None


def event_id(epoch: str, conv: str, seq: int) -> str:
    """The event's id, the same for every endpoint and every attempt (duplicates share it), and
    unique across restores: a restored store has a new epoch, and may reuse seqs."""
    digest = hashlib.sha256(f"{epoch}:{conv}:{seq}".encode()).hexdigest()
    return EVENT_ID_PREFIX + digest[:32]


class WebhookEvent(msgspec.Struct, kw_only=True):
    """The JSON body of a delivery."""

    id: str
    type: str  # "event.<kind>": event.message, event.edit, event.member_added, ...
    created_ms: int  # when the event was committed
    webhook: str  # the endpoint it was sent to
    event: Event


_encoder = msgspec.json.Encoder()


def payload(event_id: str, webhook: str, event: Event) -> bytes:
    return _encoder.encode(
        WebhookEvent(
            id=event_id,
            type=f"event.{event.kind.value}",
            created_ms=event.ts,
            webhook=webhook,
            event=event,
        )
    )


def recipients(
    webhooks: Iterable[tuple[str, str, str | None]], conv: str, members: Iterable[str]
) -> list[str]:
    """The ids of the endpoints, given as ``(id, owner, conv or None)``, that receive an event
    of ``conv`` whose members are ``members``: an owner's own endpoints and their endpoints on
    ``conv``, and only while the owner is a member (G5: nobody receives a conversation's
    events unless they are in it)."""
    present = set(members)
    return [
        webhook
        for webhook, owner, scope in webhooks
        if owner in present and (scope is None or scope == conv)
    ]


def sign(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secrets_: Iterable[str], timestamp: int, body: bytes) -> str:
    """``t=<timestamp>,v1=<sig>[,v1=<sig>]``: one signature per live secret, newest first."""
    parts = [f"t={timestamp}"]
    parts.extend(f"v1={sign(secret, timestamp, body)}" for secret in secrets_)
    return ",".join(parts)


class SignatureError(ValueError):
    """A webhook's signature did not verify: malformed, stale, or made with another secret."""


def verify_signature(
    header: str,
    body: bytes,
    secret: str,
    *,
    now_s: float,
    tolerance_s: int = SIGNATURE_TOLERANCE_S,
) -> int:
    """Check a ``Pigeon-Signature`` header against the raw body received and the endpoint's
    secret; returns its timestamp. Raises :class:`SignatureError` unless one ``v1`` matches
    (compared in constant time) and the timestamp is within ``tolerance_s`` of ``now_s``
    (a replayed old delivery is refused)."""
    timestamp: int | None = None
    candidates: list[str] = []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        raise SignatureError("no timestamp or no v1 signature in the header")
    if abs(now_s - timestamp) > tolerance_s:
        raise SignatureError(f"the timestamp is more than {tolerance_s} s away")
    expected = sign(secret, timestamp, body)
    # Every candidate is compared, so the time taken says nothing about which one matched.
    matched = [hmac.compare_digest(expected, candidate) for candidate in candidates]
    if not any(matched):
        raise SignatureError("no signature matches the secret")
    return timestamp


def retry_delay_ms(attempt: int, *, base_ms: int, cap_ms: int, jitter: float) -> int:
    """The wait after the ``attempt``-th failed attempt (1 for the first): ``base * 2**(n-1)``,
    at most ``cap``, times a jitter factor in [0.5, 1] (``jitter`` is a random number in
    [0, 1), passed in): failures that came together spread out instead of retrying in step."""
    exponential = min(cap_ms, base_ms * 2 ** min(attempt - 1, 40))
    return max(1, int(exponential * (0.5 + 0.5 * jitter)))


def gives_up(first_attempt_ms: int, next_attempt_ms: int, *, retry_for_ms: int) -> bool:
    """Whether a delivery first tried at ``first_attempt_ms`` is dead instead of being tried
    again at ``next_attempt_ms``: past ``retry_for_ms`` (3 days by default) it is."""
    return next_attempt_ms - first_attempt_ms > retry_for_ms
