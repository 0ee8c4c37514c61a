"""The offline-notification rules, without I/O (docs/DECISIONS.md D50): who a message owes
a notification, when a due one is suppressed, what a push service's answer means, when a
notification is retried, and what the browser receives."""

from __future__ import annotations

import json

import pytest

from pigeon.core import notifications
from pigeon.core.notifications import PushResult, Settle, Verdict
from pigeon.core.records import Event, EventKind


def event(kind: EventKind = EventKind.MESSAGE, sender: str = "alice") -> Event:
    return Event(conv="c0123456789abcdef", seq=7, kind=kind, sender=sender, ts=1)


def test_a_message_owes_every_subscribed_member_but_its_sender() -> None:
    members = ("alice", "bob", "carol", "dave")
    subscribed = frozenset({"alice", "bob", "carol", "mallory"})
    assert notifications.owed(event(), members, subscribed) == ["bob", "carol"]


@pytest.mark.parametrize(
    "kind", [k for k in EventKind if k is not EventKind.MESSAGE], ids=lambda k: k.value
)
def test_only_messages_notify(kind: EventKind) -> None:
    assert notifications.owed(event(kind), ("alice", "bob"), frozenset({"bob"})) == []


@pytest.mark.parametrize(
    ("seq", "read_seq", "online", "expected"),
    [
        (9, 3, False, Verdict.SEND),
        (9, 9, False, Verdict.READ),  # read up to the burst's last message
        (9, 12, True, Verdict.READ),  # read beyond it: read wins over online
        (9, 8, True, Verdict.ONLINE),
        (9, 8, False, Verdict.SEND),  # read all but the last: still news
    ],
)
def test_a_due_notification_is_suppressed_when_read_or_online(
    seq: int, read_seq: int, online: bool, expected: Verdict
) -> None:
    assert notifications.verdict(seq, read_seq, online=online) is expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (201, PushResult.DELIVERED),
        (200, PushResult.DELIVERED),
        (404, PushResult.GONE),
        (410, PushResult.GONE),
        (429, PushResult.RETRY),
        (500, PushResult.RETRY),
        (503, PushResult.RETRY),
        (None, PushResult.RETRY),  # a timeout, a refused connection
        (400, PushResult.REFUSED),
        (300, PushResult.REFUSED),  # a redirect is not a delivery
        (413, PushResult.REFUSED),
        (403, PushResult.REFUSED),
    ],
)
def test_push_service_answers(status: int | None, expected: PushResult) -> None:
    assert notifications.push_result(status) is expected


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        ([PushResult.DELIVERED, PushResult.RETRY], Settle.DONE),  # a device has it
        ([PushResult.GONE, PushResult.RETRY], Settle.RETRY),
        ([PushResult.RETRY], Settle.RETRY),
        ([PushResult.GONE, PushResult.REFUSED], Settle.DONE),  # none ever will
        ([], Settle.DONE),  # no subscription left
    ],
)
def test_a_notification_is_retried_only_if_no_device_took_it(
    results: list[PushResult], expected: Settle
) -> None:
    assert notifications.settle(results) is expected


def test_the_payload_names_the_conversation_not_the_text() -> None:
    body = json.loads(notifications.payload("c0123456789abcdef", 9, 4))
    assert body == {"type": "messages", "conv": "c0123456789abcdef", "seq": 9, "read_seq": 4}


def test_vapid_claims_name_the_push_services_origin() -> None:
    claims = notifications.vapid_claims(
        "https://push.example.net:8443/wpush/v2/abc?x=1", "mailto:ops@example.org", 1000
    )
    assert claims == {
        "aud": "https://push.example.net:8443",
        "exp": 1000 + notifications.VAPID_TOKEN_S,
        "sub": "mailto:ops@example.org",
    }
    assert notifications.VAPID_TOKEN_S <= 24 * 3600  # RFC 8292 section 2


def test_topic_is_at_most_32_url_safe_characters() -> None:
    assert notifications.topic("c0123456789abcdef") == "c0123456789abcdef"
    long = notifications.topic("x" * 50 + "/+")
    assert len(long) == 32 and set(long) <= set("x_")


def test_subscription_ids_and_endpoints() -> None:
    assert notifications.is_subscription_id(notifications.new_subscription_id())
    assert not notifications.is_subscription_id("ps_../../etc")
    assert notifications.is_endpoint("https://fcm.googleapis.com/fcm/send/abc")
    assert not notifications.is_endpoint("https://push.example.net/a\n")
    assert not notifications.is_endpoint("ftp://push.example.net/")
    at_most = "https://push.example.net/"  # 2,048 characters at most
    assert notifications.is_endpoint(at_most + "a" * (2048 - len(at_most)))
    assert not notifications.is_endpoint(at_most + "a" * (2049 - len(at_most)))
