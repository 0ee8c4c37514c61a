"""What a simulated run did, in order, and the checker that reads it.

The history is a list of :class:`Record`: every write a client attempted (``invoke``), its
outcome (``ok`` with the seq it was acked at, ``fail`` with a code when it certainly did not
happen, ``info`` when the outcome is unknown: the store failed after or during the commit, or
the connection dropped), every event a client's app took from the SDK's :class:`~pigeon.sdk.
sync.Sync` (``deliver``), every conversation a welcome called gone, and every fault. Its bytes
(:func:`encode_history`) are the same at every run of a seed: that is what "a failing seed
replays exactly" is checked against.

The checker (:class:`Checker`, fed one record at a time, or :func:`check` for a history in
memory) judges a history and the store's logs after the final drain in Jepsen's terms plus
Pigeon's, per device and conversation, over each stretch of membership
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
- double ack: one client id acked at two seqs;
- leaked: a message delivered to a device after its user's removal (and before any
  member_added of it): the membership windows, as the device's own deliveries draw them;
  or before any join it delivered, unless the log adds the user after that message (its
  device read from seq 1 on joining, and was removed before its pull reached the join).

It reads the history in one pass, the logs last (a conversation's members, then its log in
seq order), and its memory is bounded by what is open, not by the messages checked (D57): per
conversation, the first delivery of its last :data:`WINDOW_SEQS` seqs (every later delivery
and ack of those seqs is compared with it exactly; a variant is kept until the log judges
it); per device and conversation, its position, the seqs it skipped and a running digest of
what it delivered, which the log's own running digest judges at the end (how a reader that
lags more than the window, or reads the log again from seq 1, is checked); sends whose
bodies no delivery has yet confirmed; the last :data:`ACK_MEMORY` acks of each device; and,
while a log streams, the keys of its last :data:`DUPLICATE_HORIZON` events. What that costs
in verdicts: a device whose lagging reads differ from the log is one ``divergent`` for the
whole stretch instead of one per event; a double ack further apart than the ack memory, or a
duplicate further apart than the horizon, is still an anomaly, named ``lost``, ``phantom``
or ``duplicated`` by what else it broke.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

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


ANOMALIES = (
    "lost",
    "duplicated",
    "reordered",
    "gap",
    "phantom",
    "divergent",
    "double_ack",
    "leaked",
)


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


# Seqs of a conversation whose first delivery the checker keeps whole: every later delivery
# and ack of those seqs is compared with it exactly. Readers lag a few dozen seqs behind the
# first in a chaos run (a reconnect); 512 events of about 400 bytes is 200 KB a conversation.
WINDOW_SEQS = 512
# Acks of each device remembered for a double ack: a second ack comes from a retry of a send
# the client still had open, a few sends later at most.
ACK_MEMORY = 1024
# Events of a log whose keys are remembered while it streams, for a duplicate: a retry lands
# while its send is open, so within the seqs appended meanwhile (about 10 MB of keys).
DUPLICATE_HORIZON = 65_536
# Seqs of one hole a device's position remembers (a longer jump is one gap all the same).
MAX_HOLE = 4096


def _removes(event: Event, user: str) -> bool:
    return event.kind is EventKind.MEMBER_REMOVED and user in (event.members or ())


def _digest() -> hashlib.blake2b:
    return hashlib.blake2b(digest_size=16)


@dataclass
class _Stint:
    """A device's stretch of membership in a conversation, as far as it delivered."""

    pos: int = 0  # the highest seq delivered
    holes: set[int] = field(default_factory=set)  # seqs below pos it skipped (a gap)
    last: Event | None = None
    digest: hashlib.blake2b = field(default_factory=_digest)  # of what it delivered, in order
    clean: bool = True  # 1, 2, ..., pos with no gap, repeat or reorder: the digest is a prefix's
    disputed: bool = False  # a delivery differed from another device's, and the log judges it
    # Membership as its own deliveries tell it: seq 1 names the first members, then each
    # member_added or member_removed of its user.
    member: bool = False
    removed_at: int = 0  # the seq of its user's latest removal
    leaked: int = 0  # messages delivered since, with no member_added of its user yet
    leaked_from: int = 0


@dataclass
class _Variant:
    """An event delivered at a seq, who delivered it, and whether nobody sent it so."""

    event: Event
    devices: list[str]
    phantom: bool


@dataclass
class _Seen:
    """The first delivery of a seq in the window, and the acks that matched it."""

    encoded: bytes
    first: _Variant
    acks: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Conv:
    window: dict[int, _Seen] = field(default_factory=dict)  # seq -> first delivery, ascending
    top: int = 0  # the highest seq anyone delivered
    # seq -> the acks (sender, client id) the log judges: seqs nobody delivered yet, or out of
    # the window when the ack came.
    acks_open: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # seq -> each variant delivered there (encoded -> it), for the log to judge.
    disputes: dict[int, dict[bytes, _Variant]] = field(default_factory=dict)
    # seq -> the clean stints that ended there: (device, digest of seqs 1..seq).
    ends: dict[int, list[tuple[str, bytes]]] = field(default_factory=dict)


@dataclass
class _LogCursor:
    """A conversation's log as it streams in: position, digest, recent keys, who is behind."""

    conv: str
    seq: int = 0
    digest: hashlib.blake2b = field(default_factory=_digest)
    keys: dict[tuple[str, str], int] = field(default_factory=dict)
    order: deque[tuple[str, str]] = field(default_factory=deque)
    behind: dict[str, _Behind] = field(default_factory=dict)  # member devices at the end
    diverged: set[str] = field(default_factory=set)  # devices found divergent at a seq


@dataclass
class _Behind:
    """A member's device at the end, against its conversation's log."""

    reached: int  # the seq its last stint reached
    missed: int = 0  # messages of the log after that
    first: Event | None = None  # the first of them


class Checker:
    """The checker, fed in one pass: the run's records (:meth:`feed`), then, conversation by
    conversation, its members at the end and its log in seq order (``member`` and ``log``
    records, or :meth:`feed_member` and :meth:`feed_log`); :meth:`finish` gives the verdict.

    ``user_of``: device -> its user; None when each device is its own user, named by its
    handle (``pigeon chaos``). ``window_seqs``, ``ack_memory`` and ``duplicate_horizon``:
    :data:`WINDOW_SEQS`, :data:`ACK_MEMORY` and :data:`DUPLICATE_HORIZON` (the tests make
    them small, to reach past them)."""

    def __init__(
        self,
        user_of: Mapping[str, str] | None = None,
        *,
        window_seqs: int = WINDOW_SEQS,
        ack_memory: int = ACK_MEMORY,
        duplicate_horizon: int = DUPLICATE_HORIZON,
    ) -> None:
        self.verdict = Verdict()
        self._window_seqs = window_seqs
        self._ack_memory = ack_memory
        self._duplicate_horizon = duplicate_horizon
        self._user_of = user_of
        self._devices: set[str] = set(user_of or ())
        # (user, client id) -> bodies attempted, until a delivery of it leaves the window.
        self._attempted: dict[tuple[str, str], set[str | None]] = defaultdict(set)
        # device -> (conv, client id) -> the seqs it was acked at, its latest ACK_MEMORY acks.
        self._acked: dict[str, OrderedDict[tuple[str, str], set[int]]] = defaultdict(OrderedDict)
        self._stints: dict[tuple[str, str], _Stint] = {}
        self._convs: dict[str, _Conv] = defaultdict(_Conv)
        self._members: dict[str, set[str]] = defaultdict(set)
        self._in_logs = False
        self._log: _LogCursor | None = None
        self._logs_done: set[str] = set()
        # Conv -> (device, first seq, count) of messages a device delivered before any join of
        # its user it delivered: a leak unless the log adds the user after the first of them.
        self._prejoin: defaultdict[str, list[tuple[str, int, int]]] = defaultdict(list)

    def _user(self, device: str) -> str:
        self._devices.add(device)
        return device if self._user_of is None else self._user_of[device]

    def feed(self, record: Record) -> None:
        """One record of the history, in order."""
        if record.type == "invoke" and record.client_msg_id is not None:
            self._attempted[(self._user(record.who), record.client_msg_id)].add(record.body)
        elif record.type == "ok" and record.client_msg_id is not None and record.seq is not None:
            assert record.conv is not None
            self._ack(record.who, record.conv, record.client_msg_id, record.seq)
        elif record.type == "deliver" and record.event is not None:
            self._deliver(record.who, record.event)
        elif record.type == "gone" and record.conv is not None:
            stint = self._stints.setdefault((record.who, record.conv), _Stint())
            if stint.last is not None:
                self._end_stint(record.who, record.conv, stint)
                self._stints[(record.who, record.conv)] = _Stint()
        elif record.type == "member" and record.conv is not None:
            self.feed_member(record.conv, self._user(record.who))
        elif record.type == "log" and record.event is not None:
            self.feed_log(record.event)

    def feed_records(self, records: Iterable[Record]) -> None:
        for record in records:
            self.feed(record)

    def _ack(self, device: str, conv: str, client_msg_id: str, seq: int) -> None:
        user = self._user(device)
        recent = self._acked[device]
        seqs = recent.get((conv, client_msg_id))
        if seqs is not None and seq in seqs:
            return  # the same ack again (a retry answered with the original)
        self.verdict.acked += 1
        if seqs is None:
            seqs = recent[(conv, client_msg_id)] = set()
            if len(recent) > self._ack_memory:
                recent.popitem(last=False)
        seqs.add(seq)
        if len(seqs) == 2:
            self.verdict.add(
                "double_ack", f"{user}/{client_msg_id} in {conv} acked at seqs {sorted(seqs)}"
            )
        state = self._convs[conv]
        seen = state.window.get(seq)
        held = None if seen is None else (seen.first.event.sender, seen.first.event.client_msg_id)
        if seen is None or seq in state.disputes or held != (user, client_msg_id):
            state.acks_open.setdefault(seq, []).append((user, client_msg_id))  # the log judges
        else:
            seen.acks.append((user, client_msg_id))  # the log judges it while in the window

    def _lost_ack(self, sender: str, client_msg_id: str, conv: str, seq: int) -> None:
        what = f"{sender}/{client_msg_id} in {conv}"
        self.verdict.add("lost", f"{what} acked at seq {seq}, the log holds another event")

    def _deliver(self, device: str, event: Event) -> None:
        self.verdict.delivered += 1
        conv, seq = event.conv, event.seq
        user = self._user(device)
        stint = self._stints.get((device, conv))
        if stint is None:
            stint = self._stints[(device, conv)] = _Stint()
        elif seq == 1 and stint.last is not None and _removes(stint.last, user):
            # The SDK forgets a conversation it left: a rejoin reads seq 1 again.
            self._end_stint(device, conv, stint)
            stint = self._stints[(device, conv)] = _Stint()
        if seq <= stint.pos and seq not in stint.holes:
            self.verdict.add("duplicated", f"{device} {conv}#{seq} delivered twice")
            stint.clean = False
        elif seq < stint.pos:
            self.verdict.add("reordered", f"{device} {conv}#{seq} after #{stint.pos}")
            stint.clean = False
        elif seq > stint.pos + 1:
            self.verdict.add("gap", f"{device} {conv}#{seq} applied after #{stint.pos}: a hole")
            stint.holes.update(range(stint.pos + 1, min(seq, stint.pos + 1 + MAX_HOLE)))
            stint.clean = False
        stint.holes.discard(seq)
        stint.pos = max(stint.pos, seq)
        stint.last = event
        self._membership(stint, user, event)
        encoded = msgspec.json.encode(event)
        if stint.clean:
            stint.digest.update(encoded)
        self._compare(device, stint, event, encoded)

    def _compare(self, device: str, stint: _Stint, event: Event, encoded: bytes) -> None:
        """Compare a delivery with the first delivery of its seq, while that is in the window."""
        state = self._convs[event.conv]
        seq = event.seq
        if seq > state.top:
            fresh = state.window[seq] = _Seen(
                encoded, _Variant(event, [device], not self._sent(device, event))
            )
            state.top = seq
            # The acks that match it go with it; the log judges the others.
            for ack in state.acks_open.pop(seq, ()):
                if (event.sender, event.client_msg_id) == ack:
                    fresh.acks.append(ack)
                else:
                    state.acks_open.setdefault(seq, []).append(ack)
            while len(state.window) > self._window_seqs:
                self._fold(state)
            return
        seen = state.window.get(seq)
        if seen is None:
            return  # out of the window: the stint's digest answers for it at the end
        variants = state.disputes.get(seq)
        if variants is None and encoded == seen.encoded:
            seen.first.devices.append(device)
            if seen.first.phantom:  # unless it was sent so since (as a later invoke says)
                seen.first.phantom = not self._sent(device, event)
            return
        if variants is None:
            # Two devices saw two events at one seq: the log judges which one diverged, and
            # the acks that matched the first.
            variants = state.disputes[seq] = {seen.encoded: seen.first}
            state.acks_open.setdefault(seq, []).extend(seen.acks)
            for other in seen.first.devices:
                if (first := self._stints.get((other, event.conv))) is not None:
                    first.disputed = True
        variant = variants.get(encoded)
        if variant is None:
            variants[encoded] = _Variant(event, [device], not self._sent(device, event))
        else:
            variant.devices.append(device)
            if variant.phantom:
                variant.phantom = not self._sent(device, event)
        stint.disputed = True

    def _sent(self, device: str, event: Event) -> bool:
        """Whether ``event`` is as sent; if not, a phantom (and False)."""
        if event.client_msg_id is not None and event.body not in self._attempted.get(
            (event.sender, event.client_msg_id), ()
        ):
            self._phantom(device, event)
            return False
        return True

    def _phantom(self, device: str, event: Event) -> None:
        self.verdict.add(
            "phantom",
            f"{device} {event.conv}#{event.seq}: {event.sender}/{event.client_msg_id} "
            "never sent so",
        )

    def _fold(self, state: _Conv) -> None:
        """The oldest seq leaves the window; its send's bodies are no longer needed."""
        seq = next(iter(state.window))
        event = state.window.pop(seq).first.event
        if event.client_msg_id is not None:
            self._attempted.pop((event.sender, event.client_msg_id), None)

    @staticmethod
    def _membership(stint: _Stint, user: str, event: Event) -> None:
        """Follow the stint's user in and out of the conversation. A device reads the log
        from seq 1 when its user joins (again), so it passes through stretches where its
        user was not a member: those end at the user's member_added. A message delivered
        after the user's removal with no member_added after it leaked."""
        if event.kind is EventKind.CREATED:
            stint.member = user in (event.members or ())
        elif event.kind is EventKind.MEMBER_ADDED and user in (event.members or ()):
            stint.member, stint.leaked = True, 0
        elif _removes(event, user):
            stint.member, stint.removed_at = False, event.seq
        elif event.kind is EventKind.MESSAGE and not stint.member:
            stint.leaked += 1
            if stint.leaked == 1:
                stint.leaked_from = event.seq

    def _end_stint(self, device: str, conv: str, stint: _Stint) -> None:
        if stint.leaked and not stint.removed_at:
            # Read from seq 1 after a join it never delivered (removed again before its pull
            # got that far): the log, at the end, says whether the user joined after them.
            self._prejoin[conv].append((device, stint.leaked_from, stint.leaked))
        elif stint.leaked:
            self.verdict.add(
                "leaked",
                f"{device} {conv}: {stint.leaked} messages from #{stint.leaked_from} "
                f"delivered after its removal at #{stint.removed_at}",
            )
        if stint.clean and not stint.disputed and stint.pos:
            ends = self._convs[conv].ends.setdefault(stint.pos, [])
            ends.append((device, stint.digest.digest()))

    # The logs, after the run.

    def feed_member(self, conv: str, user: str) -> None:
        """``user`` is a member of ``conv`` at the end; before the conversation's log."""
        self._enter_log(conv)
        self._members[conv].add(user)

    def feed_log(self, event: Event) -> None:
        """The next event of a conversation's log (each conversation's in seq order)."""
        cursor = self._enter_log(event.conv)
        if cursor.seq == 0:
            self._start_behind(cursor)
        cursor.seq += 1
        seq = cursor.seq
        encoded = msgspec.json.encode(event)
        cursor.digest.update(encoded)
        state = self._convs.get(event.conv)
        if state is not None:
            self._judge_seq(state, cursor, seq, event, encoded)
        if event.client_msg_id is not None:
            key = (event.sender, event.client_msg_id)
            if key in cursor.keys:
                self.verdict.add(
                    "duplicated",
                    f"{key[0]}/{key[1]} at seqs {cursor.keys[key]} and {seq} in {event.conv}",
                )
            else:
                cursor.order.append(key)
                if len(cursor.order) > self._duplicate_horizon:
                    del cursor.keys[cursor.order.popleft()]
            cursor.keys[key] = seq
        if event.kind is EventKind.MEMBER_ADDED and self._prejoin.get(event.conv):
            joined = set(event.members or ())
            self._prejoin[event.conv] = [
                (device, first, count)
                for device, first, count in self._prejoin[event.conv]
                if not (self._user(device) in joined and first < seq)
            ]
        if event.kind is EventKind.MESSAGE:
            for behind in cursor.behind.values():
                if seq > behind.reached:
                    behind.missed += 1
                    behind.first = behind.first or event

    def _judge_seq(
        self,
        state: _Conv,
        cursor: _LogCursor,
        seq: int,
        held: Event | None,
        encoded: bytes | None,
    ) -> None:
        """What the log holds at ``seq`` (None: nothing) against the acks, deliveries and
        stints that waited for it: exactly, for a seq still in the window."""
        conv = cursor.conv
        acks = state.acks_open.pop(seq, [])
        variants = state.disputes.pop(seq, None)
        seen = state.window.pop(seq, None)
        if seen is not None and variants is None:
            variants = {seen.encoded: seen.first}
            acks += seen.acks
        for sender, client_msg_id in acks:
            if held is None or (held.sender, held.client_msg_id) != (sender, client_msg_id):
                self._lost_ack(sender, client_msg_id, conv, seq)
        for variant_encoded, variant in (variants or {}).items():
            if variant_encoded != encoded:
                cursor.diverged.update(variant.devices)
                for device in variant.devices:
                    self.verdict.add(
                        "divergent", f"{device} {conv}#{seq} differs from the log's #{seq}"
                    )
        prefix = cursor.digest.digest() if held is not None else None
        for device, digest in state.ends.pop(seq, ()):
            if digest != prefix and device not in cursor.diverged:
                self.verdict.add(
                    "divergent", f"{device} {conv}#1..#{seq} differ from the log's somewhere"
                )

    def _end_run(self) -> None:
        """The run's records are over: every stint ends where it reached."""
        if not self._in_logs:
            self._in_logs = True
            for (device, conv), stint in self._stints.items():
                self._end_stint(device, conv, stint)

    def _enter_log(self, conv: str) -> _LogCursor:
        self._end_run()
        if self._log is None or self._log.conv != conv:
            self._finish_log()
            if conv in self._logs_done:
                raise ValueError(f"the log of {conv} came in two parts")
            self._log = _LogCursor(conv)
        return self._log

    def _start_behind(self, cursor: _LogCursor) -> None:
        members = self._members.get(cursor.conv, set())
        for device in sorted(self._devices):
            if self._user(device) in members:
                stint = self._stints.get((device, cursor.conv))
                if stint is not None:
                    cursor.behind[device] = _Behind(stint.pos)

    def _finish_log(self) -> None:
        cursor, self._log = self._log, None
        if cursor is None:
            return
        conv = cursor.conv
        self._logs_done.add(conv)
        for device, since, count in self._prejoin.pop(conv, ()):
            self.verdict.add(
                "leaked",
                f"{device} {conv}: {count} messages from #{since} delivered before it joined",
            )
        state = self._convs.get(conv)
        if state is not None:
            left = set(state.acks_open) | set(state.disputes) | set(state.ends) | set(state.window)
            for seq in sorted(s for s in left if s > cursor.seq or s < 1):
                self._judge_seq(state, cursor, seq, None, None)
        for device, behind in sorted(cursor.behind.items()):
            if (first := behind.first) is not None:
                self.verdict.add(
                    "lost",
                    f"{device} never got {behind.missed} messages of {conv} from "
                    f"#{first.seq} ({first.sender}/{first.client_msg_id}); "
                    f"it reached #{behind.reached} of {cursor.seq}",
                )
        if cursor.seq:
            members = self._members.get(conv, set())
            for device in sorted(self._devices):
                if self._user(device) in members and (device, conv) not in self._stints:
                    self.verdict.add("lost", f"{device} never got anything of {conv}")

    def finish(self) -> Verdict:
        """The verdict, once every record and log is in; a conversation with no log record
        has an empty log."""
        self._end_run()
        self._finish_log()
        for conv in sorted(set(self._convs) - self._logs_done):
            self._log = _LogCursor(conv)
            self._finish_log()
        return self.verdict


def check(
    records: Iterable[Record],
    logs: Mapping[str, Iterable[Event]],
    members_at_end: Mapping[str, set[str]],
    user_of: Mapping[str, str],
    *,
    window_seqs: int = WINDOW_SEQS,
) -> Verdict:
    """Judge a history in memory. ``logs``: every conversation's log after the final drain;
    ``members_at_end``: conv -> its members then; ``user_of``: device -> its user."""
    checker = Checker(user_of, window_seqs=window_seqs)
    checker.feed_records(records)
    for conv in sorted(set(logs) | set(members_at_end)):
        for user in sorted(members_at_end.get(conv, ())):
            checker.feed_member(conv, user)
        for event in logs.get(conv, ()):
            checker.feed_log(event)
    return checker.finish()


def read_records(path: Path) -> Iterator[Record]:
    """A history file's records, one line at a time."""
    decoder = msgspec.json.Decoder(Record)
    with path.open("rb") as lines:
        for line in lines:
            if line.strip():
                yield decoder.decode(line)


def check_file(
    path: Path,
    user_of: Mapping[str, str] | None = None,
    **limits: int,
) -> Verdict:
    """Judge a history file (with its ``member`` and ``log`` records) in one pass;
    ``limits``: :class:`Checker`'s."""
    checker = Checker(user_of, **limits)
    checker.feed_records(read_records(path))
    return checker.finish()
