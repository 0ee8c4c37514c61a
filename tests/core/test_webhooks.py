"""Webhook rules without I/O: recipients, signatures, the retry schedule."""

from __future__ import annotations

import hashlib
import hmac

import msgspec
import pytest

from pigeon.core.records import Event, EventKind
from pigeon.core.webhooks import (
    SignatureError,
    WebhookEvent,
    event_id,
    gives_up,
    is_webhook_id,
    is_webhook_url,
    new_secret,
    new_webhook_id,
    payload,
    recipients,
    retry_delay_ms,
    sign,
    signature_header,
    verify_signature,
)

NOW_S = 1_700_000_000
BODY = b'{"id":"evt_1"}'


def test_only_members_endpoints_receive_a_conversations_events() -> None:
    """G5: an endpoint receives an event only while its owner is in the conversation; one
    bound to another conversation receives nothing from this one."""
    hooks = [
        ("wh_all", "alice", None),
        ("wh_here", "bob", "c1"),
        ("wh_there", "alice", "c2"),
        ("wh_outsider", "mallory", None),
        ("wh_outsider_here", "mallory", "c1"),
    ]
    assert recipients(hooks, "c1", ["alice", "bob"]) == ["wh_all", "wh_here"]
    assert recipients(hooks, "c1", ["bob"]) == ["wh_here"]


def test_the_signature_is_an_hmac_of_the_timestamp_and_raw_body() -> None:
    expected = hmac.new(b"whsec_x", b"%d.%s" % (NOW_S, BODY), hashlib.sha256).hexdigest()
    assert sign("whsec_x", NOW_S, BODY) == expected
    assert signature_header(["whsec_x"], NOW_S, BODY) == f"t={NOW_S},v1={expected}"


def test_a_receiver_verifies_either_secret_during_a_rotation() -> None:
    header = signature_header(["whsec_new", "whsec_old"], NOW_S, BODY)
    assert verify_signature(header, BODY, "whsec_new", now_s=NOW_S) == NOW_S
    assert verify_signature(header, BODY, "whsec_old", now_s=NOW_S + 300) == NOW_S


@pytest.mark.parametrize(
    ("header", "body", "now_s"),
    [
        (signature_header(["whsec_new"], NOW_S, BODY), BODY + b" ", NOW_S),  # body changed
        (signature_header(["whsec_other"], NOW_S, BODY), BODY, NOW_S),  # another secret
        (signature_header(["whsec_new"], NOW_S, BODY), BODY, NOW_S + 301),  # replayed late
        (signature_header(["whsec_new"], NOW_S, BODY), BODY, NOW_S - 301),  # from the future
        (f"v1={sign('whsec_new', NOW_S, BODY)}", BODY, NOW_S),  # no timestamp
        (f"t={NOW_S}", BODY, NOW_S),  # no signature
        ("garbage", BODY, NOW_S),
    ],
)
def test_a_receiver_refuses_what_does_not_verify(header: str, body: bytes, now_s: int) -> None:
    with pytest.raises(SignatureError):
        verify_signature(header, body, "whsec_new", now_s=now_s)


def test_a_receiver_ignores_other_schemes_in_the_header() -> None:
    """Only ``t`` and ``v1`` count: a scheme added later (a digit value included) is skipped,
    not read as the timestamp."""
    header = signature_header(["whsec_new"], NOW_S, BODY) + ",v0=12345,v2=abc"
    assert verify_signature(header, BODY, "whsec_new", now_s=NOW_S) == NOW_S


def test_retries_back_off_exponentially_with_jitter_up_to_a_cap() -> None:
    """base * 2**(n-1), capped, times a factor in [0.5, 1]."""
    assert [retry_delay_ms(n, base_ms=1000, cap_ms=10_000, jitter=0.999999) for n in (1, 2, 3)] == [
        999,
        1999,
        3999,
    ]
    assert retry_delay_ms(1, base_ms=1000, cap_ms=10_000, jitter=0.0) == 500
    assert retry_delay_ms(10, base_ms=1000, cap_ms=10_000, jitter=0.0) == 5000
    assert retry_delay_ms(10_000, base_ms=1000, cap_ms=10_000, jitter=0.5) == 7500
    assert retry_delay_ms(1, base_ms=1, cap_ms=10_000, jitter=0.0) == 1  # never 0, no more


def test_a_delivery_gives_up_after_its_retry_window() -> None:
    three_days = 3 * 86_400_000
    assert not gives_up(0, three_days, retry_for_ms=three_days)
    assert gives_up(0, three_days + 1, retry_for_ms=three_days)
    first = NOW_S * 1000  # on real clocks, the window counts from the first attempt
    assert not gives_up(first, first + three_days, retry_for_ms=three_days)
    assert gives_up(first, first + three_days + 1, retry_for_ms=three_days)


def test_the_event_id_is_stable_and_differs_across_epochs() -> None:
    assert event_id("e1", "c1", 5) == event_id("e1", "c1", 5)
    assert len({event_id("e1", "c1", 5), event_id("e2", "c1", 5), event_id("e1", "c1", 6)}) == 3
    assert len(event_id("e1", "c1", 5)) == len("evt_") + 32  # PROTOCOL.md: evt_ + 32 hex


def test_webhook_ids_and_secrets_have_their_documented_shape() -> None:
    """``wh_`` + 16 hex characters (what the routes accept), ``whsec_`` + 64 (256 bits)."""
    webhook = new_webhook_id()
    assert len(webhook) == 19 and is_webhook_id(webhook)
    assert not is_webhook_id("wh_../../etc") and not is_webhook_id("wh_" + "0" * 17)
    secret = new_secret()
    assert secret.startswith("whsec_") and len(secret) == 70
    assert int(secret[6:], 16) >= 0  # hex


def test_the_payload_carries_the_event_and_its_id() -> None:
    event = Event(conv="c1", seq=2, kind=EventKind.MESSAGE, sender="alice", ts=5, body="hi")
    decoded = msgspec.json.decode(payload("evt_1", "wh_1", event), type=WebhookEvent)
    assert (decoded.id, decoded.type, decoded.webhook) == ("evt_1", "event.message", "wh_1")
    assert decoded.event == event and decoded.created_ms == 5


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/hook", True),
        ("http://127.0.0.1:8080/h?x=1", True),
        ("ftp://example.com/", False),
        ("https://", False),
        ("https://exa mple.com/", False),
        ("https://example.com/\n", False),
        ("https://example.com/" + "a" * 2048, False),
        ("https://example.com/" + "a" * (2048 - 20), True),  # 2,048 characters: the most
    ],
)
def test_webhook_urls_are_http_or_https(url: str, ok: bool) -> None:
    assert is_webhook_url(url) is ok
