"""An event as the SQL stores keep it: the column list and the row-to-record decoding that
the SQLite and PostgreSQL stores share (meta and members are stored as JSON text)."""

from __future__ import annotations

import msgspec

from pigeon.core.records import Event, EventKind, MessageMeta

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
