"""Idempotent sends (G2): the cases of ``pigeon.core.idempotency`` decided by the core.

Cases 1, 3 and 5-8 of that module's table (first append, persistence across restarts, keys per
sender and per conversation, group commit, refused sends) depend on what the store holds and
are tested by the store conformance suite; here are cases 2 and 4: given the stored original,
a retry gets its ack back, or a conflict.
"""

from __future__ import annotations

import msgspec
import pytest

from pigeon.core.idempotency import original_ack
from pigeon.core.records import AppendResult, Event, EventKind, MessageMeta
from pigeon.errors import ErrorCode, ProtocolViolation
from tests.core.harness import CONV

META: MessageMeta = {"link": msgspec.Raw(b'{"url":"https://example.org"}')}
MESSAGE = Event(
    conv=CONV,
    seq=7,
    kind=EventKind.MESSAGE,
    sender="alice",
    ts=1_700_000_000_123,
    client_msg_id="m-1",
    body="hello",
    meta=META,
)
EDIT = Event(
    conv=CONV,
    seq=9,
    kind=EventKind.EDIT,
    sender="alice",
    ts=1_700_000_000_456,
    client_msg_id="e-1",
    body="hello!",
    target_seq=7,
)
DELETE = Event(
    conv=CONV,
    seq=10,
    kind=EventKind.DELETE,
    sender="alice",
    ts=1_700_000_000_789,
    client_msg_id="d-1",
    target_seq=7,
)


def retry(existing: Event, **changes: object) -> AppendResult:
    args: dict[str, object] = {
        "kind": existing.kind,
        "body": existing.body,
        "meta": existing.meta,
        "target_seq": existing.target_seq,
    }
    args.update(changes)
    return original_ack(existing, **args)  # type: ignore[arg-type]


class TestRetrySameContent:
    """G2 case 2: a retry with the same content gets the original ack, not a second message."""

    @pytest.mark.parametrize("existing", [MESSAGE, EDIT, DELETE], ids=lambda e: e.kind.value)
    def test_retry_returns_the_original_ack(self, existing: Event) -> None:
        """Same seq, same ts, same client id, marked duplicate."""
        assert retry(existing) == AppendResult(
            conv=CONV,
            seq=existing.seq,
            ts=existing.ts,
            client_msg_id=existing.client_msg_id,
            duplicate=True,
        )

    def test_meta_is_compared_by_value(self) -> None:
        """Metadata decoded again from the retried frame equals the stored metadata."""
        fresh: MessageMeta = {"link": msgspec.Raw(b'{"url":"https://example.org"}')}
        assert retry(MESSAGE, meta=fresh).seq == MESSAGE.seq

    def test_message_without_meta(self) -> None:
        """A message stored without meta matches a retry without meta."""
        plain = msgspec.structs.replace(MESSAGE, meta=None)
        assert retry(plain, meta=None).duplicate


class TestRetryDifferentContent:
    """G2 case 4: the same client id with other content is a conflict, never a new message."""

    @pytest.mark.parametrize(
        ("existing", "changes"),
        [
            (MESSAGE, {"body": "hello?"}),
            (MESSAGE, {"body": None}),
            (MESSAGE, {"kind": EventKind.EDIT}),
            (MESSAGE, {"target_seq": 3}),
            (MESSAGE, {"meta": None}),
            (MESSAGE, {"meta": {}}),
            (MESSAGE, {"meta": {"link": msgspec.Raw(b'{"url":"https://example.com"}')}}),
            (MESSAGE, {"meta": {"other": msgspec.Raw(b'{"url":"https://example.org"}')}}),
            (EDIT, {"body": "hello!!"}),
            (EDIT, {"target_seq": 8}),
            (EDIT, {"kind": EventKind.MESSAGE, "target_seq": None}),
            (DELETE, {"target_seq": 8}),
            (DELETE, {"kind": EventKind.EDIT, "body": ""}),
        ],
        # Ids from the values' JSON, not their repr: a Raw's repr holds its address, and
        # pytest-xdist's workers must collect the same ids.
        ids=lambda value: (
            value.kind.value if isinstance(value, Event) else msgspec.json.encode(value).decode()
        ),
    )
    def test_different_content_is_conflict(
        self, existing: Event, changes: dict[str, object]
    ) -> None:
        """Any change of body, kind, target or meta is refused with conflict."""
        with pytest.raises(ProtocolViolation) as info:
            retry(existing, **changes)
        assert info.value.code is ErrorCode.CONFLICT
        assert info.value.code.status == 409
