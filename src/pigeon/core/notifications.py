"""Offline notifications, sans I/O: who is owed one, when a burst's one is due, when it is
suppressed, what it carries, and what a push service's answer means (docs/PROTOCOL.md,
"Push notifications"; docs/DECISIONS.md D50).

A message queues one *pending notification* per (member, conversation) for every member but
its sender who has a push subscription. Later messages of the same conversation merge into
it (its ``seq`` moves forward, its due time does not): a burst is one notification, sent a
``collapse`` window after its first message. When it is due it is suppressed if the member
has read up to its ``seq`` (the ``read`` frame or ``POST .../read``) or has a device
connected to any gateway (it saw the messages live).
"""

from __future__ import annotations

import enum
import re
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

import msgspec

from pigeon.core.records import Event, EventKind, whole_string

SUBSCRIPTION_ID_PREFIX = "ps_"
# Subscriptions one user may hold (one per device; each costs a POST per notification).
MAX_SUBSCRIPTIONS_PER_USER = 10
MAX_ENDPOINT_CHARS = 2048
# The client's P-256 public key (65 bytes uncompressed) and auth secret (16 bytes), base64url
# without padding as PushSubscription.toJSON() gives them (RFC 8291 section 3).
P256DH_PATTERN = whole_string(r"[A-Za-z0-9_-]{87}")
AUTH_PATTERN = whole_string(r"[A-Za-z0-9_-]{22}")
ENDPOINT_PATTERN = whole_string(r"https?://[^\s/?#]+[^\s]*")
# How long a push service keeps an undelivered notification (the TTL header, RFC 8030 5.2).
PUSH_TTL_S = 24 * 3600
# A VAPID token's lifetime: RFC 8292 allows up to 24 hours; 12 leaves room for clock skew.
VAPID_TOKEN_S = 12 * 3600

_subscription_id_re = re.compile(r"^ps_[0-9a-f]{16}$")
_endpoint_re = re.compile(ENDPOINT_PATTERN)


def new_subscription_id() -> str:
    return SUBSCRIPTION_ID_PREFIX + secrets.token_hex(8)


def is_subscription_id(text: str) -> bool:
    return _subscription_id_re.match(text) is not None


def is_endpoint(url: str) -> bool:
    return len(url) <= MAX_ENDPOINT_CHARS and _endpoint_re.match(url) is not None


def owed(event: Event, members: Iterable[str], subscribed: frozenset[str]) -> list[str]:
    """The members an event may notify: for a message, every member with a subscription
    but its sender. Edits, deletes and membership changes notify nobody."""
    if event.kind is not EventKind.MESSAGE:
        return []
    return sorted(m for m in set(members) if m != event.sender and m in subscribed)


class Verdict(enum.StrEnum):
    SEND = "send"
    READ = "read"  # suppressed: the member has read up to the notification's seq
    ONLINE = "online"  # suppressed: a device of the member's is connected


def verdict(seq: int, read_seq: int, *, online: bool) -> Verdict:
    """What to do with a due notification whose latest message is ``seq``."""
    if read_seq >= seq:
        return Verdict.READ
    if online:
        return Verdict.ONLINE
    return Verdict.SEND


class PushResult(enum.StrEnum):
    DELIVERED = "delivered"  # 2xx: the push service took it
    GONE = "gone"  # 404/410: the subscription expired or was unsubscribed; drop it
    RETRY = "retry"  # 429, 5xx, timeout, no connection: try again later
    REFUSED = "refused"  # any other answer: this notification will never be taken


def push_result(status: int | None) -> PushResult:
    """What a push service's status (None: no answer) means (RFC 8030 sections 5, 7.3, 8.4)."""
    if status is None or status == 429 or status >= 500:
        return PushResult.RETRY
    if 200 <= status < 300:
        return PushResult.DELIVERED
    if status in (404, 410):
        return PushResult.GONE
    return PushResult.REFUSED


class Settle(enum.StrEnum):
    DONE = "done"  # a device has it, or none ever will: forget the notification
    RETRY = "retry"


def settle(results: Iterable[PushResult]) -> Settle:
    """One notification went to each of a member's subscriptions: retry it only if no
    device took it and one still may (a retry to every device would duplicate it on those
    that took it)."""
    seen = set(results)
    if PushResult.DELIVERED in seen or PushResult.RETRY not in seen:
        return Settle.DONE
    return Settle.RETRY


class PushPayload(msgspec.Struct, frozen=True, kw_only=True):
    """What the member's browser receives (encrypted to it): where to look, not the text,
    so nothing of a message sits at a push service even encrypted."""

    type: str = "messages"
    conv: str
    seq: int  # the burst's latest message
    read_seq: int  # the member's read position when it was sent: seq - read_seq is an upper bound


def payload(conv: str, seq: int, read_seq: int) -> bytes:
    return msgspec.json.encode(PushPayload(conv=conv, seq=seq, read_seq=read_seq))


def topic(conv: str) -> str:
    """The Topic header (RFC 8030 5.4): a push service replaces a conversation's undelivered
    notification with the newer one. At most 32 base64url characters."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", conv)[-32:] or "pigeon"


def audience(endpoint: str) -> str:
    """The VAPID token's ``aud`` claim: the push service's origin (RFC 8292 section 2)."""
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


def vapid_claims(endpoint: str, subject: str, now_s: int) -> dict[str, str | int]:
    return {"aud": audience(endpoint), "exp": now_s + VAPID_TOKEN_S, "sub": subject}
