"""Records shared by every layer: the log event and its companions (G3)."""

from __future__ import annotations

import msgspec
import pytest

from pigeon.core.records import (
    Account,
    AppendResult,
    ClientMsgId,
    ConvId,
    Device,
    Event,
    EventKind,
    Handle,
)
from tests.core.harness import CONV


class TestEvent:
    """G3: messages, edits, deletions and membership changes are all events of one log."""

    def test_every_change_of_history_is_an_event_kind(self) -> None:
        """The log holds creation, messages, edits, deletions and membership changes."""
        assert {k.value for k in EventKind} == {
            "created", "message", "edit", "delete", "member_added", "member_removed"
        }  # fmt: skip

    def test_event_round_trips_without_unset_fields(self) -> None:
        """Unset optional fields are left out of the encoding, and decode back as None."""
        event = Event(conv=CONV, seq=1, kind=EventKind.CREATED, sender="a", ts=5, title="t")
        data = msgspec.json.encode(event)
        assert b"body" not in data
        assert msgspec.json.decode(data, type=Event) == event

    def test_event_is_immutable(self) -> None:
        """Events are frozen: history is never edited in place."""
        event = Event(conv=CONV, seq=1, kind=EventKind.MESSAGE, sender="a", ts=5, body="x")
        with pytest.raises(AttributeError):
            event.seq = 2  # type: ignore[misc]

    def test_append_result_is_not_a_duplicate_by_default(self) -> None:
        """A fresh append is not marked duplicate."""
        assert not AppendResult(conv=CONV, seq=1, ts=1, client_msg_id="m").duplicate

    def test_account_and_device_defaults(self) -> None:
        """Accounts start enabled; a device names its owner and expiry."""
        assert not Account(handle="alice").disabled
        assert Device(handle="alice", device="phone", expires_at_ms=1).device == "phone"


class TestWireConstraints:
    """G5: identifiers are validated by pattern before anything looks them up."""

    @pytest.mark.parametrize(
        ("kind", "good", "bad"),
        [
            (Handle, "alice_01", ["A", "a", "al ice", "x" * 33, "ALICE"]),
            (ConvId, CONV, ["c123", "d0123456789abcdef", CONV.upper()]),
            (ClientMsgId, "m", ["", "x" * 65]),
        ],
        ids=["handle", "conv", "client_msg_id"],
    )
    def test_identifier_patterns(self, kind: object, good: str, bad: list[str]) -> None:
        """Each identifier type accepts its valid form and refuses others."""
        assert msgspec.convert(good, type=kind) == good
        for value in bad:
            with pytest.raises(msgspec.ValidationError):
                msgspec.convert(value, type=kind)
