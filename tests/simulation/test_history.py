"""The simulation's checker on hand-made histories: each anomaly found, and none invented."""

from __future__ import annotations

from pigeon.core.records import Event, EventKind
from pigeon.simulation.history import Record, check

C = "c1"
USERS = {"ad0": "a", "bd0": "b"}


def msg(seq: int, cmid: str, body: str, sender: str = "a") -> Event:
    return Event(
        conv=C,
        seq=seq,
        kind=EventKind.MESSAGE,
        sender=sender,
        ts=seq,
        client_msg_id=cmid,
        body=body,
    )


CREATED = Event(conv=C, seq=1, kind=EventKind.CREATED, sender="a", ts=1, members=("a", "b"))
M2, M3 = msg(2, "ad0-1", "hi"), msg(3, "ad0-2", "there")
LOG = [CREATED, M2, M3]


def sent(cmid: str, body: str, seq: int | None) -> list[Record]:
    out = [
        Record(t_ms=0, type="invoke", who="ad0", op="send", conv=C, client_msg_id=cmid, body=body)
    ]
    if seq is not None:
        out.append(
            Record(t_ms=0, type="ok", who="ad0", op="send", conv=C, seq=seq, client_msg_id=cmid)
        )
    return out


def delivered(who: str, *events: Event) -> list[Record]:
    return [Record(t_ms=0, type="deliver", who=who, event=e) for e in events]


SENDS = sent("ad0-1", "hi", 2) + sent("ad0-2", "there", 3)
MEMBERS = {C: {"a", "b"}}


def found(records: list[Record], log: list[Event] = LOG) -> dict[str, int]:
    counts = check(records, {C: log}, MEMBERS, USERS).counts()
    return {kind: n for kind, n in counts.items() if n}


def test_a_clean_history_has_no_anomaly() -> None:
    records = SENDS + delivered("ad0", *LOG) + delivered("bd0", *LOG)
    verdict = check(records, {C: LOG}, MEMBERS, USERS)
    assert verdict.ok and verdict.acked == 2 and verdict.delivered == 6


def test_each_anomaly_is_named() -> None:
    full = delivered("ad0", *LOG)
    assert found(SENDS + full + delivered("bd0", CREATED, M2)) == {"lost": 1}
    assert found(SENDS + full + delivered("bd0", CREATED, M2, M2, M3)) == {"duplicated": 1}
    assert found(SENDS + full + delivered("bd0", CREATED, M3, M2)) == {"gap": 1, "reordered": 1}
    assert found(SENDS + full + delivered("bd0", CREATED, M3)) == {"gap": 1}
    forged = msg(3, "ad0-9", "forged")
    assert found(SENDS + full + delivered("bd0", CREATED, M2, forged)) == {
        "phantom": 1,
        "divergent": 1,
    }
    assert found(SENDS + sent("ad0-1", "hi", 3) + full + delivered("bd0", *LOG)) == {
        "double_ack": 1,
        "lost": 1,  # seq 3 holds another message
    }
    twice = [CREATED, M2, msg(3, "ad0-1", "hi")]
    assert found(
        sent("ad0-1", "hi", 2) + delivered("ad0", *twice) + delivered("bd0", *twice), twice
    ) == {"duplicated": 1}


def test_an_acked_message_the_log_lost_is_lost() -> None:
    log = [CREATED, M2]
    assert found(SENDS + delivered("ad0", *log) + delivered("bd0", *log), log) == {"lost": 1}


def test_a_rejoin_reads_from_seq_1_again_without_a_false_alarm() -> None:
    """Removed, then added again: the device reads seq 1 onwards anew (a new stint)."""
    removed = Event(conv=C, seq=3, kind=EventKind.MEMBER_REMOVED, sender="a", ts=3, members=("b",))
    added = Event(conv=C, seq=4, kind=EventKind.MEMBER_ADDED, sender="a", ts=4, members=("b",))
    log = [CREATED, M2, removed, added]
    records = (
        sent("ad0-1", "hi", 2) + delivered("ad0", *log) + delivered("bd0", CREATED, M2, removed)
    )
    records += delivered("bd0", *log)
    assert found(records, log) == {}
    # Without the removal in between, reading seq 1 again is a duplicate.
    again = delivered("bd0", CREATED, M2) + delivered("bd0", *log)
    assert "duplicated" in found(sent("ad0-1", "hi", 2) + delivered("ad0", *log) + again, log)


def test_a_message_delivered_after_the_users_removal_leaked() -> None:
    """The membership windows, as the device's deliveries draw them: nothing after its
    user's removal, until a member_added of it (then it reads the log from seq 1 again)."""
    removed = Event(conv=C, seq=3, kind=EventKind.MEMBER_REMOVED, sender="a", ts=3, members=("b",))
    after = msg(4, "ad0-2", "after")
    log = [CREATED, M2, removed, after]
    records = sent("ad0-1", "hi", 2) + sent("ad0-2", "after", 4) + delivered("ad0", *log)

    def judged(records: list[Record], log: list[Event]) -> dict[str, int]:
        counts = check(records, {C: log}, {C: {"a"}}, USERS).counts()
        return {kind: n for kind, n in counts.items() if n}

    assert judged(records + delivered("bd0", CREATED, M2, removed), log) == {}
    assert judged(records + delivered("bd0", *log), log) == {"leaked": 1}
    # Added again: the member reads the whole log from seq 1, what came after included.
    added = Event(conv=C, seq=5, kind=EventKind.MEMBER_ADDED, sender="a", ts=5, members=("b",))
    log = [*log, added]
    records = records + delivered("ad0", added) + delivered("bd0", CREATED, M2, removed)
    assert found(records + delivered("bd0", *log), log) == {}


def test_messages_read_before_a_join_the_device_never_delivered() -> None:
    """A device reads from seq 1 when its user joins; removed again before its pull got as
    far as the join, it delivered only what came before it (the ack of a write may change
    when its pulls run, D60). That is no leak when the log adds the user after them; it is
    one when the log never does."""
    created = Event(conv=C, seq=1, kind=EventKind.CREATED, sender="a", ts=1, members=("a",))
    added = Event(conv=C, seq=3, kind=EventKind.MEMBER_ADDED, sender="a", ts=3, members=("b",))
    removed = Event(conv=C, seq=4, kind=EventKind.MEMBER_REMOVED, sender="a", ts=4, members=("b",))
    records = [
        *sent("ad0-1", "hi", 2),
        *delivered("ad0", created, M2, added, removed),
        *delivered("bd0", created, M2),
        Record(t_ms=9, type="gone", who="bd0", conv=C),
    ]

    def judged(log: list[Event]) -> dict[str, int]:
        counts = check(records, {C: log}, {C: {"a"}}, USERS).counts()
        return {kind: n for kind, n in counts.items() if n}

    assert judged([created, M2, added, removed]) == {}
    never_added = Event(conv=C, seq=3, kind=EventKind.MEMBER_ADDED, sender="a", ts=3, members=())
    assert judged([created, M2, never_added, removed])["leaked"] == 1
