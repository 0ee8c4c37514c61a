"""Records as the SQL stores keep them: the column lists and the row-to-record decoding that
the SQLite and PostgreSQL stores share (an event's meta and members are stored as JSON
text; a webhook delivery is read joined with its webhook)."""

from __future__ import annotations

from typing import Any

import msgspec

from pigeon.core.records import Event, EventKind, MessageMeta
from pigeon.store.base import Delivery, DeliveryState, PushSubscription, Webhook

# The events table's columns, in the order row_to_event reads them.
EVENT_COLUMNS = "conv, seq, kind, sender, ts, client_msg_id, body, meta, target_seq, members, title"

encode_json = msgspec.json.Encoder().encode
_meta_codec = msgspec.json.Decoder(MessageMeta)
_members_codec = msgspec.json.Decoder(tuple[str, ...])


def row_to_event(row: tuple[object, ...]) -> Event:
    conv, seq, kind, sender, ts, cmid, body, meta, target_seq, members, title = row
    return Event(
        conv=str(conv),
        seq=int(seq),  # type: ignore[call-overload]
        kind=EventKind(str(kind)),
        sender=str(sender),
        ts=int(ts),  # type: ignore[call-overload]
        client_msg_id=cmid,  # type: ignore[arg-type]
        body=body,  # type: ignore[arg-type]
        meta=_meta_codec.decode(meta) if meta is not None else None,  # type: ignore[arg-type]
        target_seq=target_seq,  # type: ignore[arg-type]
        members=_members_codec.decode(members) if members is not None else None,  # type: ignore[arg-type]
        title=title,  # type: ignore[arg-type]
    )


WEBHOOK_COLUMNS = "id, owner, url, conv, secret, previous_secret, previous_until_ms, created_ms"
DELIVERY_COLUMNS = (
    "d.id, d.event_id, d.payload, d.state, d.attempts, d.created_ms, d.next_ms, d.last_error, "
    + ", ".join(f"w.{c.strip()}" for c in WEBHOOK_COLUMNS.split(","))
)


SUBSCRIPTION_COLUMNS = "id, owner, device, endpoint, p256dh, auth, created_ms"


def subscription_row(s: PushSubscription) -> tuple[object, ...]:
    return (s.id, s.owner, s.device, s.endpoint, s.p256dh, s.auth, s.created_ms)


def webhook_row(webhook: Webhook) -> tuple[object, ...]:
    return (
        webhook.id,
        webhook.owner,
        webhook.url,
        webhook.conv,
        webhook.secret,
        webhook.previous_secret,
        webhook.previous_until_ms,
        webhook.created_ms,
    )


def row_to_webhook(row: tuple[Any, ...]) -> Webhook:
    wid, owner, url, conv, secret, previous, previous_until, created = row
    return Webhook(
        id=str(wid),
        owner=str(owner),
        url=str(url),
        conv=str(conv) if conv is not None else None,
        secret=str(secret),
        created_ms=int(created),
        previous_secret=str(previous) if previous is not None else None,
        previous_until_ms=int(previous_until),
    )


def row_to_delivery(row: tuple[Any, ...]) -> Delivery:
    did, event_id, payload, state, attempts, created, next_ms, error = row[:8]
    return Delivery(
        id=int(did),
        webhook=row_to_webhook(row[8:]),
        event_id=str(event_id),
        payload=bytes(payload),
        state=DeliveryState(state),
        attempts=int(attempts),
        created_ms=int(created),
        next_ms=int(next_ms),
        last_error=str(error) if error is not None else None,
    )
