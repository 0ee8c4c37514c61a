"""Records shared by every layer: the log event and its companions (G3)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import msgspec
import pytest

from pigeon.core import frames, http_api
from pigeon.core.records import (
    Account,
    AppendResult,
    ClientMsgId,
    ConvId,
    Device,
    Event,
    EventKind,
    Handle,
    is_conv_id,
    is_handle,
)
from tests.core.harness import CONV


class TestEvent:
    """G3: messages, edits, deletions and membership changes are all events of one log."""

    def test_every_change_of_history_is_an_event_kind(self) -> None:
        """The log holds creation, messages, edits, deletions, membership and owner changes."""
        assert {k.value for k in EventKind} == {
            "created", "message", "edit", "delete", "member_added", "member_removed",
            "owner_changed",
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
            (Handle, "alice_01", ["A", "a", "al ice", "x" * 33, "ALICE", "bob\n", "\nbob"]),
            (ConvId, CONV, ["c123", "d0123456789abcdef", CONV.upper(), CONV + "\n"]),
            (ClientMsgId, "m", ["", "x" * 65, "a\x00b", "\x00"]),
        ],
        ids=["handle", "conv", "client_msg_id"],
    )
    def test_identifier_patterns(self, kind: object, good: str, bad: list[str]) -> None:
        """Each identifier type accepts its valid form and refuses others."""
        assert msgspec.convert(good, type=kind) == good
        for value in bad:
            with pytest.raises(msgspec.ValidationError):
                msgspec.convert(value, type=kind)

    @pytest.mark.parametrize(
        ("check", "good", "bad"),
        [
            (is_handle, "alice_01", ["bob\n", "bob\r\n", "Bob", "b", "bob ", "x" * 33]),
            (is_conv_id, CONV, [CONV + "\n", CONV[:-1], CONV.upper(), "c" + "g" * 16]),
        ],
        ids=["handle", "conv"],
    )
    def test_path_checks_match_the_whole_string(
        self, check: Callable[[str], bool], good: str, bad: list[str]
    ) -> None:
        """The checks of identifiers that arrive in URL paths follow the same patterns."""
        assert check(good)
        assert not any(check(value) for value in bad)

    def test_every_pattern_of_the_wire_matches_the_whole_string(self) -> None:
        """msgspec matches patterns with re.search, where $ also matches before a final newline:
        every pattern of a body or frame must be anchored at both ends, newline excluded."""
        kinds = {k for r in http_api.ROUTES for k in (r.request, r.response) if k is not None}
        _, schemas = msgspec.json.schema_components([*kinds, frames.ClientFrame])
        patterns = set(patterns_in(schemas))
        assert len(patterns) >= 3  # handle, conversation id, NUL-free text at least
        for pattern in patterns:
            assert pattern.startswith("^(?:") and pattern.endswith("$(?!\\n)"), pattern


def patterns_in(schema: object) -> Iterator[str]:
    """Every ``pattern`` in a JSON schema, at any depth."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from patterns_in(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from patterns_in(item)
