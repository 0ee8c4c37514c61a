"""The ack as the delivery of one's own write (D60), both halves, with no I/O: the server's
record of which events a connection's acks deliver, and the event a client builds from its
write and the ack."""

from __future__ import annotations

import msgspec
import pytest

from pigeon.core.acks import OwnWrites, acked_event
from pigeon.core.frames import Delete, Edit, Send
from pigeon.core.records import AppendResult, Event, EventKind
from tests.core.harness import CONV

OTHER = "c00000000000000ff"


def send(cmid: str = "m1", conv: str = CONV) -> Send:
    return Send(id=1, conv=conv, client_msg_id=cmid, body="hi")


def message(cmid: str = "m1", sender: str = "alice", seq: int = 2, conv: str = CONV) -> Event:
    return Event(
        conv=conv,
        seq=seq,
        kind=EventKind.MESSAGE,
        sender=sender,
        ts=7,
        client_msg_id=cmid,
        body="hi",
    )


def delivered(own: OwnWrites, event: Event) -> bool:
    return own.take(event, "alice")[0]


def result(seq: int = 2, *, duplicate: bool = False) -> AppendResult:
    return AppendResult(conv=CONV, seq=seq, ts=7, client_msg_id="m1", duplicate=duplicate)


class TestOwnWrites:
    """G4 on the sending connection: an event is withheld only when its ack delivers it."""

    def test_a_started_write_is_taken_once_for_its_sender(self) -> None:
        """The hub asks once per event: the first answer is yes, and the record is gone."""
        own = OwnWrites(8)
        own.started(send())
        assert own.take(message(), "alice") == (True, send())
        assert own.take(message(), "alice") == (False, None)
        assert len(own) == 0

    def test_another_senders_event_with_the_same_key_is_pushed(self) -> None:
        """Client ids are chosen by clients: bob's m1 in the same group is not alice's."""
        own = OwnWrites(8)
        own.started(send())
        assert not delivered(own, message(sender="bob"))
        assert not delivered(own, message(conv=OTHER))
        assert delivered(own, message())

    def test_an_event_without_a_client_id_is_pushed(self) -> None:
        """Membership events carry no client id; they are never withheld."""
        own = OwnWrites(8)
        own.started(send())
        joined = Event(conv=CONV, seq=3, kind=EventKind.MEMBER_ADDED, sender="alice", ts=1)
        assert not delivered(own, joined)

    @pytest.mark.parametrize("fresh", [False, True])
    def test_only_a_fresh_ack_keeps_the_record(self, fresh: bool) -> None:
        """After an error or a duplicate ack the event, if any, is pushed: that ack
        delivered nothing. After a fresh ack the push is withheld, and the write is not
        handed back: its ack is out already."""
        own = OwnWrites(8)
        own.started(send())
        own.answered(send(), delivered=fresh)
        assert own.take(message(), "alice") == (fresh, None)

    def test_a_retry_after_a_fresh_ack_is_not_answered_by_the_late_push(self) -> None:
        """The first attempt's fresh ack is out, its push not yet (the hub reads the log
        after the commit); the client sends the same id again. The push is still withheld
        (the ack delivered it) and is not handed back as the retry's answer: the retry's own
        ack, a duplicate, answers it (a fresh one from the push said duplicate false)."""
        own = OwnWrites(8)
        own.started(send())
        own.answered(send(), delivered=True)
        own.started(send())  # the retry
        assert own.take(message(), "alice") == (True, None)

    def test_past_its_bound_the_oldest_write_is_forgotten(self) -> None:
        """Bounded in items: the forgotten write's push goes out, a duplicate the client's
        Timeline drops."""
        own = OwnWrites(2)
        for cmid in ("m1", "m2", "m3"):
            own.started(send(cmid))
        assert len(own) == 2
        assert not delivered(own, message("m1"))
        assert delivered(own, message("m2")) and delivered(own, message("m3"))

    def test_a_write_sent_again_is_kept_once(self) -> None:
        own = OwnWrites(2)
        own.started(send("m1"))
        own.started(send("m2"))
        own.started(send("m1"))
        own.started(send("m3"))  # forgets m2, the oldest now
        assert delivered(own, message("m1")) and not delivered(own, message("m2"))

    def test_a_bound_below_one_is_refused(self) -> None:
        with pytest.raises(ValueError, match="max_items"):
            OwnWrites(0)


class TestAckedEvent:
    """The event a fresh ack delivers equals the one the push would have carried."""

    def test_a_send_with_meta(self) -> None:
        meta = {"n": msgspec.Raw(b"1")}
        write = Send(id=4, conv=CONV, client_msg_id="m1", body="hi", meta=meta)
        assert acked_event(write, result(), "alice") == Event(
            conv=CONV,
            seq=2,
            kind=EventKind.MESSAGE,
            sender="alice",
            ts=7,
            client_msg_id="m1",
            body="hi",
            meta=meta,
        )

    def test_an_edit_and_a_delete(self) -> None:
        edit = Edit(id=4, conv=CONV, client_msg_id="m1", target_seq=2, body="new")
        delete = Delete(id=5, conv=CONV, client_msg_id="m1", target_seq=2)
        edited = msgspec.structs.replace(message(), kind=EventKind.EDIT, body="new", target_seq=2)
        deleted = msgspec.structs.replace(message(), kind=EventKind.DELETE, body=None, target_seq=2)
        assert acked_event(edit, result(), "alice") == edited
        assert acked_event(delete, result(), "alice") == deleted

    def test_a_duplicate_ack_delivers_nothing(self) -> None:
        """Its event was stored by an earlier attempt, and may differ: the client pulls it."""
        assert acked_event(send(), result(duplicate=True), "alice") is None
