"""What a simulated run did, in order, and the checker that reads it.

The history is a list of :class:`Record`: every write a client attempted (``invoke``), its
outcome (``ok`` with the seq it was acked at, ``fail`` with a code when it certainly did not
happen, ``info`` when the outcome is unknown: the store failed after or during the commit, or
the connection dropped), every event a client's app took from the SDK's :class:`~pigeon.sdk.
sync.Sync` (``deliver``), every conversation a welcome called gone, and every fault. Its bytes
(:func:`encode_history`) are the same at every run of a seed: that is what "a failing seed
replays exactly" is checked against.

The checker (:func:`check`) judges a history and the store's logs after the final drain in
Jepsen's terms plus Pigeon's, per device and conversation, over each stretch of membership
("stint": the SDK reads a conversation from seq 1 when its user joins it again after leaving;
a stint ends where the device delivered its user's removal and then seq 1, or where a welcome
called the conversation gone):

- lost: acked, yet not in the log at its seq, or never delivered to a device whose user is a
  member at the end;
- duplicated: one message (sender, client id) at two seqs of a log, or one seq delivered twice
  within a stint;
- reordered: a stint's seqs going backwards;
- gap: a stint applying a seq past a hole (seqs run 1, 2, 3, ... or there is a hole);
- phantom: a message delivered that nobody sent (sender, client id, body);
- divergent: a device delivered, at a seq, another event than the log holds there (so two
  members saw different orders);
- double ack: one client id acked at two seqs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import msgspec

from pigeon.core.records import Event, EventKind


class Record(msgspec.Struct, frozen=True, omit_defaults=True, kw_only=True):
    """One line of the history. ``t_ms``: virtual time; ``who``: the device (or fault source)."""

    t_ms: int
    type: str  # invoke, ok, fail, info, deliver, gone, connect, disconnect, fault
    who: str
    op: str | None = None  # send, edit, delete, create_group, add, remove, connect
    conv: str | None = None
    seq: int | None = None
    client_msg_id: str | None = None
    body: str | None = None
    target: str | None = None
    code: str | None = None
    event: Event | None = None


def encode_history(records: list[Record]) -> bytes:
    """The history as JSON lines: the bytes two runs of one seed must agree on."""
    return b"".join(msgspec.json.encode(record) + b"\n" for record in records)


ANOMALIES = ("lost", "duplicated", "reordered", "gap", "phantom", "divergent", "double_ack")


@dataclass
class Verdict:
    """Anomalies found, by kind (each a list of one-line descriptions), and what was checked."""

    anomalies: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in ANOMALIES})
    acked: int = 0
    delivered: int = 0

    @property
    def ok(self) -> bool:
        return not any(self.anomalies.values())

    def counts(self) -> dict[str, int]:
        return {kind: len(found) for kind, found in self.anomalies.items()}

    def add(self, kind: str, what: str) -> None:
        self.anomalies[kind].append(what)


def _removes(event: Event, user: str) -> bool:
    return event.kind is EventKind.MEMBER_REMOVED and user in (event.members or ())


def _same(a: Event, b: Event) -> bool:
    return msgspec.json.encode(a) == msgspec.json.encode(b)


def check(
    records: list[Record],
    logs: dict[str, list[Event]],
    members_at_end: dict[str, set[str]],
    user_of: dict[str, str],
) -> Verdict:
    """Judge a history. ``logs``: every conversation's log after the final drain;
    ``members_at_end``: conv -> its members then; ``user_of``: device -> its user."""
    verdict = Verdict()
    # What was sent: (sender, client id) -> bodies attempted; acks: (conv, sender, id) -> seqs.
    attempted: dict[tuple[str, str], set[str | None]] = defaultdict(set)
    acks: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    invoked: dict[tuple[str, str], Record] = {}
    # (device, conv) -> stints, each the seqs delivered in order.
    stints: dict[tuple[str, str], list[list[Event]]] = defaultdict(lambda: [[]])
    for record in records:
        if record.type == "invoke" and record.client_msg_id is not None:
            user = user_of[record.who]
            attempted[(user, record.client_msg_id)].add(record.body)
            invoked[(record.who, record.client_msg_id)] = record
        elif record.type == "ok" and record.client_msg_id is not None and record.seq is not None:
            assert record.conv is not None
            acks[(record.conv, user_of[record.who], record.client_msg_id)].add(record.seq)
        elif record.type == "deliver" and record.event is not None:
            event = record.event
            verdict.delivered += 1
            mine = stints[(record.who, event.conv)]
            if event.seq == 1 and mine[-1] and _removes(mine[-1][-1], user_of[record.who]):
                mine.append([])  # the SDK forgets a conversation it left: a rejoin reads seq 1
            mine[-1].append(event)
        elif record.type == "gone" and record.conv is not None:
            mine = stints[(record.who, record.conv)]
            if mine[-1]:
                mine.append([])

    verdict.acked = sum(len(seqs) for seqs in acks.values())
    for (conv, sender, client_msg_id), seqs in sorted(acks.items()):
        what = f"{sender}/{client_msg_id} in {conv}"
        if len(seqs) > 1:
            verdict.add("double_ack", f"{what} acked at seqs {sorted(seqs)}")
        log = logs.get(conv, [])
        for seq in sorted(seqs):
            held = log[seq - 1] if 0 < seq <= len(log) else None
            if held is None or (held.sender, held.client_msg_id) != (sender, client_msg_id):
                verdict.add("lost", f"{what} acked at seq {seq}, the log holds another event")

    for conv, log in sorted(logs.items()):
        seen: dict[tuple[str, str], int] = {}
        for event in log:
            if event.client_msg_id is None:
                continue
            key = (event.sender, event.client_msg_id)
            if key in seen:
                verdict.add(
                    "duplicated", f"{key[0]}/{key[1]} at seqs {seen[key]} and {event.seq} in {conv}"
                )
            seen[key] = event.seq

    for (device, conv), runs in sorted(stints.items()):
        log = logs.get(conv, [])
        for run in runs:
            _check_stint(verdict, device, conv, run, log, attempted)
        user = user_of[device]
        last_run = runs[-1]
        if user in members_at_end.get(conv, ()) and log:
            reached = max((e.seq for e in last_run), default=0)
            missed = [e for e in log[reached:] if e.kind is EventKind.MESSAGE]
            if missed:
                verdict.add(
                    "lost",
                    f"{device} never got {len(missed)} messages of {conv} from "
                    f"#{missed[0].seq} ({missed[0].sender}/{missed[0].client_msg_id}); "
                    f"it reached #{reached} of {len(log)}",
                )
    # A member at the end that never delivered anything of the conversation at all.
    for conv, members in sorted(members_at_end.items()):
        for device, user in sorted(user_of.items()):
            if user in members and (device, conv) not in stints and logs.get(conv):
                verdict.add("lost", f"{device} never got anything of {conv}")
    return verdict


def _check_stint(
    verdict: Verdict,
    device: str,
    conv: str,
    run: list[Event],
    log: list[Event],
    attempted: dict[tuple[str, str], set[str | None]],
) -> None:
    delivered: set[int] = set()
    previous = 0
    for event in run:
        where = f"{device} {conv}#{event.seq}"
        if event.seq in delivered:
            verdict.add("duplicated", f"{where} delivered twice")
        elif event.seq < previous:
            verdict.add("reordered", f"{where} after #{previous}")
        elif event.seq > previous + 1:
            verdict.add("gap", f"{where} applied after #{previous}: a hole")
        delivered.add(event.seq)
        previous = max(previous, event.seq)
        if event.client_msg_id is not None and event.body not in attempted.get(
            (event.sender, event.client_msg_id), ()
        ):
            verdict.add("phantom", f"{where}: {event.sender}/{event.client_msg_id} never sent so")
        held = log[event.seq - 1] if 0 < event.seq <= len(log) else None
        if held is None or not _same(held, event):
            verdict.add("divergent", f"{where} differs from the log's #{event.seq}")
