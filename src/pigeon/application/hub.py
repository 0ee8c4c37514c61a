"""Where committed events are pushed from: which local connections follow which conversations,
and the reads that bring them the events a doorbell announced.

The bus is a doorbell, never the record (docs/DECISIONS.md D34). After each commit the store
calls :meth:`Hub.ring`, which publishes positions only: ``conv.<id>`` gets the conversation's
new last seq, and ``user.<handle>`` gets ``<conv> <seq>`` for each user the commit made a
member. A hub that hears a doorbell reads the new events from the store
(:meth:`~pigeon.store.base.Store.events_after`) and pushes them: one read per conversation per
burst of doorbells, however many local connections follow it, each event encoded once. The
node that committed needs no read: the commit listener handed it the events, and it keeps them
(bounded) for its own followers.

Every follower has a position, the last seq it was pushed or read itself (its welcome); a read
starts from the lowest, and each follower gets only what lies beyond its own. G5 is applied to
what the store returned, in log order: a member's removal is pushed to them and is the last
thing they get, whatever the bus lost or repeated.

The bus may lose doorbells. When it says so (:meth:`Hub.on_gap`) the hub reads the affected
conversations again; a loss without a sign is found by :meth:`Hub.backstop`, run every
``bus_backstop_s``: a conversation whose log the store showed longer at the previous pass than
anything read since is read again, and a conversation a user joined without this node hearing
it is followed, the user's connections told they ``lagged`` so that they pull it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

from pigeon.bus.base import Bus, conv_topic, user_topic
from pigeon.core.frames import Pushed, TypingNotice, decode_server_frame, encode
from pigeon.core.records import Event, EventKind
from pigeon.errors import RateLimited, StoreUnavailable

log = logging.getLogger(__name__)

# Users whose log ends one backstop pass reads at most: about 0.25 ms of CPU each on SQLite
# (docs/DECISIONS.md D30), so a pass costs at most about 0.25 s.
BACKSTOP_READS_PER_PASS = 1000

# Events one read after a doorbell asks for; a longer way to go takes more reads.
READ_PAGE = 256

# Conversations read at once: enough to keep the store's read threads busy, few enough that a
# burst of doorbells (a gap on every topic) queues here rather than in the store.
READERS = 4

# Events this node committed, kept for the push their doorbell causes here: the committing
# node pushes its own commits without reading them back (other nodes read). Bounded in events
# and in bytes (a body counted at 4 bytes a character, its worst in UTF-8); beyond, it reads.
RECENT_MAX_EVENTS = 10_000
RECENT_MAX_BYTES = 16 * 1024 * 1024
_EVENT_OVERHEAD = 256

_CONV = "conv."
_USER = "user."

# (conv, after, limit) -> up to ``limit`` events of the log after seq ``after``, ascending.
LogReader = Callable[[str, int, int], Awaitable[list[Event]]]


class Listener(Protocol):
    """A connection as the hub sees it: whose it is, and a way to queue bytes on it."""

    @property
    def user(self) -> str: ...

    def push(self, data: bytes) -> None: ...

    def lag(self) -> None:
        """Tell the client that pushes were lost, so that it pulls (a ``lagged`` frame)."""

    def delivered_by_ack(self, event: Event) -> bool:
        """Whether the ack of this connection's own write delivers ``event`` (its hello said
        ``ack_delivers``, D60): then it is not pushed. Asked once per event."""


class Hub:
    def __init__(self, bus: Bus, read_log: LogReader) -> None:
        self.bus = bus
        self._read_log = read_log
        self._by_user: dict[str, set[Listener]] = defaultdict(set)
        # Conv -> its local followers, each with its position (the last seq it has).
        self._followers: dict[str, dict[Listener, int]] = {}
        # Listener -> the conversations it follows, as the keys of a dict: they iterate in the
        # order followed, the same at every run (a set of strings does not; D47).
        self._convs_of: dict[Listener, dict[str, None]] = {}
        # Topic -> its subscription, done once live; shared by every listener awaiting it.
        self._subscriptions: dict[str, asyncio.Future[None]] = {}
        # Conv -> the highest seq read from the store (or, before the first read, the position
        # its first follower started from).
        self._heard: dict[str, int] = {}
        # Conversations to push for, oldest first, each with whether the store must be read
        # (False: this node's own commits, kept in _recent, are all there is to push); those
        # being read now.
        self._dirty: dict[str, bool] = {}
        self._reading: set[str] = set()
        self._work = asyncio.Event()
        self._idle = asyncio.Event()  # nothing to read, nothing being read
        self._idle.set()
        self._recent: dict[str, list[Event]] = {}
        self._recent_events = 0
        self._recent_bytes = 0
        # Conv -> the store's last seq at the previous backstop pass, where more than heard;
        # (user, conv) -> seq for conversations a user is in and none of their listeners follow.
        self._suspects: dict[str, int] = {}
        self._strays: dict[tuple[str, str], int] = {}
        self._backstop_turn: deque[str] = deque()  # users whose log ends the backstop reads next
        self.gaps = 0  # gaps the bus reported
        self.repairs = 0  # losses the backstop found

    # -- connections ------------------------------------------------------------------------

    async def attach(self, listener: Listener) -> None:
        """Listen to the user's membership changes; returns once that is live. Call before
        reading their conversations."""
        self._convs_of[listener] = {}
        self._by_user[listener.user].add(listener)
        await asyncio.shield(self._subscribe(user_topic(listener.user)))

    async def follow(self, listener: Listener, positions: Mapping[str, int]) -> None:
        """Push the events of these conversations after these seqs to ``listener`` from now on;
        returns once the doorbells are live."""
        for live in self._follow(listener, positions):
            await asyncio.shield(live)

    def settle(self, listener: Listener, positions: Mapping[str, int]) -> None:
        """The log ends the listener's welcome states, read once following was live: follow
        exactly these conversations from there. One left since the first read is dropped (G5),
        one joined since is followed without waiting for its doorbells to be live (its join
        is in this read; what follows it is read when it rings)."""
        mine = self._convs_of.get(listener)
        if mine is None:
            return
        for conv in [c for c in mine if c not in positions]:
            self._unfollow(listener, conv)
        self._follow(listener, positions)

    def _follow(
        self, listener: Listener, positions: Mapping[str, int]
    ) -> list[asyncio.Future[None]]:
        mine = self._convs_of.get(listener)
        if mine is None:
            return []
        pending = []
        for conv, seq in positions.items():
            followers = self._followers.get(conv)
            if followers is None:
                followers = self._followers[conv] = {}
                self._heard[conv] = seq
            elif seq > self._heard[conv]:
                self._heard[conv] = seq  # this follower read further; the others catch up
            if listener in followers:
                followers[listener] = max(followers[listener], seq)
            else:
                mine[conv] = None
                followers[listener] = seq
                live = self._subscribe(conv_topic(conv))
                if not live.done():
                    pending.append(live)
            if followers[listener] != self._heard[conv]:
                self._mark(conv)  # behind the others, or ahead of anything read: read
        return pending

    def _subscribe(self, topic: str) -> asyncio.Future[None]:
        live = self._subscriptions.get(topic)
        if live is None:
            live = asyncio.ensure_future(self.bus.subscribe(topic))
            self._subscriptions[topic] = live

            def settled(done: asyncio.Future[None]) -> None:
                failed = done.cancelled() or done.exception() is not None
                if failed and self._subscriptions.get(topic) is done:
                    del self._subscriptions[topic]  # the next follower tries again

            live.add_done_callback(settled)
        return live

    def _unsubscribe(self, topic: str) -> None:
        live = self._subscriptions.pop(topic, None)
        if live is None:
            return
        if live.done():
            self.bus.unsubscribe(topic)
            return

        def settled(done: asyncio.Future[None]) -> None:
            if topic not in self._subscriptions:  # nobody subscribed again meanwhile
                self.bus.unsubscribe(topic)

        live.add_done_callback(settled)

    def detach(self, listener: Listener) -> None:
        for conv in tuple(self._convs_of.pop(listener, ())):
            self._unfollow(listener, conv)
        users = self._by_user.get(listener.user)
        if users is not None:
            users.discard(listener)
            if not users:
                del self._by_user[listener.user]
                self._unsubscribe(user_topic(listener.user))

    def follows(self, listener: Listener, conv: str) -> bool:
        return conv in self._convs_of.get(listener, ())

    def connections(self) -> int:
        return len(self._convs_of)

    def users(self) -> frozenset[str]:
        """The users with a listener attached here (this node's presence, D50)."""
        return frozenset(self._by_user)

    def connections_of(self, user: str) -> int:
        """How many listeners ``user`` has attached (their open WebSockets)."""
        return len(self._by_user.get(user, ()))

    def _unfollow(self, listener: Listener, conv: str) -> None:
        mine = self._convs_of.get(listener)
        if mine is not None:
            mine.pop(conv, None)
        followers = self._followers.get(conv)
        if followers is None:
            return
        followers.pop(listener, None)
        if not followers:
            del self._followers[conv]
            self._forget(conv)
            self._heard.pop(conv, None)
            self._suspects.pop(conv, None)
            if conv in self._dirty:
                del self._dirty[conv]
                if not self._dirty and not self._reading:
                    self._idle.set()
            self._unsubscribe(conv_topic(conv))

    # -- outgoing ---------------------------------------------------------------------------

    def ring(self, events: list[Event]) -> None:
        """Ring the doorbells of committed events (the store's commit listener): each
        conversation's new last seq, and each new member's join. Never blocks."""
        last: dict[str, int] = {}
        for event in events:
            last[event.conv] = max(last.get(event.conv, 0), event.seq)
            if event.kind in _JOINS and event.members:
                doorbell = f"{event.conv} {event.seq}".encode()
                for member in event.members:
                    self.bus.publish(user_topic(member), doorbell)
        for event in events:
            if event.conv in self._followers:
                self._remember(event)
        for conv, seq in last.items():
            # Through the bus even here, so that one node meets every fault a cluster does;
            # its own doorbell then finds the events kept and reads nothing.
            self.bus.publish(conv_topic(conv), str(seq).encode())

    def publish_typing(self, conv: str, user: str) -> None:
        self.bus.publish(conv_topic(conv), encode(TypingNotice(conv=conv, user=user)))

    # -- incoming from the bus --------------------------------------------------------------

    def on_bus(self, topic: str, payload: bytes) -> None:
        try:
            if topic.startswith(_CONV):
                self._on_conv(topic[len(_CONV) :], payload)
            elif topic.startswith(_USER):
                self._on_join(topic[len(_USER) :], payload)
        except ValueError:  # another node's bug must not stop this one's pushes
            log.warning("unreadable doorbell", extra={"topic": topic, "payload": payload[:80]})

    def _on_conv(self, conv: str, payload: bytes) -> None:
        followers = self._followers.get(conv)
        if followers is None:
            return
        if payload.startswith(_TYPING_PREFIX):
            frame = decode_server_frame(payload)
            typist = frame.user if isinstance(frame, TypingNotice) else None
            for listener in tuple(followers):
                if listener.user != typist:  # their own connections know they type
                    listener.push(payload)
            return
        seq = int(payload)
        if seq > self._heard.get(conv, 0):
            kept = self._recent.get(conv)
            self._mark(conv, read=not kept or kept[-1].seq < seq)

    def _on_join(self, user: str, payload: bytes) -> None:
        conv, _, seq_text = payload.decode().partition(" ")
        seq = int(seq_text)
        for listener in tuple(self._by_user.get(user, ())):
            if not self.follows(listener, conv):
                # From just before the join: the read pushes the join first. A stale doorbell
                # (the user left again since) is harmless: the read finds the leave too.
                for live in self._follow(listener, {conv: seq - 1}):
                    # Read once more when the conversation's doorbells are live: what rang
                    # before was not heard (subscribe, then read).
                    live.add_done_callback(functools.partial(self._mark_if_followed, conv))

    def on_gap(self, topic: str | None) -> None:
        """The bus lost doorbells of ``topic`` (None: of any topic): read again what it may
        have announced."""
        self.gaps += 1
        log.warning("bus reported a gap", extra={"topic": topic or "*"})
        if topic is None:
            for conv in self._followers:
                self._mark(conv)
            self._backstop_turn = deque(self._by_user)  # and look for joins at the next pass
        elif topic.startswith(_CONV):
            if topic[len(_CONV) :] in self._followers:
                self._mark(topic[len(_CONV) :])
        elif topic.startswith(_USER):
            self._backstop_turn.appendleft(topic[len(_USER) :])

    # -- reading the store ------------------------------------------------------------------

    def _mark_if_followed(self, conv: str, _: object = None) -> None:
        if conv in self._followers:
            self._mark(conv)

    def _mark(self, conv: str, *, read: bool = True) -> None:
        """Push what is new in ``conv`` soon, reading the store unless ``read`` is False; a
        conversation already waiting keeps its place (coalescing)."""
        self._dirty[conv] = self._dirty.get(conv, False) or read
        self._work.set()
        self._idle.clear()

    async def settled(self) -> None:
        """Returns once every doorbell heard so far is read and pushed (for drains and tests)."""
        await self._idle.wait()

    async def run(self) -> None:
        """Read what doorbells announced and push it, until cancelled (a supervised task)."""
        async with asyncio.TaskGroup() as readers:
            for _ in range(READERS):
                readers.create_task(self._reader())

    async def _reader(self) -> None:
        while True:
            picked = self._next_dirty()
            if picked is None:
                if not self._dirty and not self._reading:
                    self._idle.set()
                self._work.clear()
                await self._work.wait()
                continue
            conv, read = picked
            self._reading.add(conv)
            try:
                await self._catch_up(conv, read=read)
            except (StoreUnavailable, RateLimited) as exc:
                # The followers pull when they can; the next doorbell or backstop pass reads.
                log.warning("could not read after a doorbell", extra={"conv": conv, "error": exc})
                for listener in tuple(self._followers.get(conv, ())):
                    listener.lag()
            finally:
                self._reading.discard(conv)
                if self._dirty:
                    self._work.set()  # a doorbell that rang during the read

    def _next_dirty(self) -> tuple[str, bool] | None:
        for conv, read in self._dirty.items():
            if conv not in self._reading:  # one read per conversation at a time: in order
                del self._dirty[conv]
                return conv, read
        return None

    async def _catch_up(self, conv: str, *, read: bool) -> None:
        followers = self._followers.get(conv)
        if followers is None:
            return
        kept = self._take_recent(conv, min(followers.values()))
        if kept is None:
            read = True  # not this node's commits, or not all of them
        elif kept:
            self._heard[conv] = max(self._heard[conv], kept[-1].seq)
            self._push(conv, kept)
        if not read:
            return
        while (followers := self._followers.get(conv)) is not None:
            start = min(followers.values())
            events = await self._read_log(conv, start, READ_PAGE)
            if events and conv in self._followers:
                self._heard[conv] = max(self._heard[conv], events[-1].seq)
                self._push(conv, events)
            if len(events) < READ_PAGE:
                return

    def _remember(self, event: Event) -> None:
        size = _kept_size(event)
        if self._recent_events >= RECENT_MAX_EVENTS or self._recent_bytes + size > RECENT_MAX_BYTES:
            self._forget(event.conv)  # its next push reads the store
            return
        kept = self._recent.setdefault(event.conv, [])
        if kept and kept[-1].seq + 1 != event.seq:
            self._forget(event.conv)  # kept events run without gaps, or not at all
            kept = self._recent[event.conv] = []
        kept.append(event)
        self._recent_events += 1
        self._recent_bytes += size

    def _forget(self, conv: str) -> list[Event]:
        kept = self._recent.pop(conv, [])
        self._recent_events -= len(kept)
        self._recent_bytes -= sum(_kept_size(event) for event in kept)
        return kept

    def _take_recent(self, conv: str, start: int) -> list[Event] | None:
        """This node's kept commits of ``conv`` after ``start``; None unless they follow on
        from ``start`` without a gap (then the store is read)."""
        kept = self._forget(conv)
        if not kept or kept[0].seq > start + 1:
            return None
        return [event for event in kept if event.seq > start]

    def _push(self, conv: str, events: list[Event]) -> None:
        payloads = [(event, encode(Pushed(event=event))) for event in events]
        # G5: a member's removal is the last event pushed to them.
        removals: dict[str, list[int]] = {}
        for event in events:
            if event.kind is EventKind.MEMBER_REMOVED and event.members:
                for member in event.members:
                    removals.setdefault(member, []).append(event.seq)
        followers = self._followers[conv]
        for listener, position in tuple(followers.items()):
            user = listener.user
            stop = min((s for s in removals.get(user, ()) if s > position), default=None)
            for event, payload in payloads:
                seq = event.seq
                if seq <= position:
                    continue
                if stop is not None and seq > stop:
                    break
                # The writer's own connection has its ack for it, when it asked so (D60).
                if event.sender != user or not listener.delivered_by_ack(event):
                    listener.push(payload)
                position = seq
            if position == stop:
                self._unfollow(listener, conv)
            elif listener in followers:
                followers[listener] = position

    # -- the backstop -----------------------------------------------------------------------

    async def backstop(
        self,
        last_seqs: Callable[[str], Awaitable[Mapping[str, int]]],
        *,
        max_reads: int = BACKSTOP_READS_PER_PASS,
    ) -> None:
        """One pass of the repair of doorbells lost without a sign, from the log ends of the
        attached users. A followed conversation whose log the store showed longer at the
        previous pass than anything read since lost a doorbell: it is read. A conversation a
        user was in at the previous pass, and still none of their listeners follow, lost its
        join: it is followed, and the listeners told ``lagged``. A followed conversation the
        user is no longer in is read (its leave is there). Comparing with the previous pass
        leaves a doorbell one whole interval to arrive, so a slow bus is not mistaken for a
        lossy one. A pass reads the log ends of at most ``max_reads`` users, taking them in
        turn: more users take more passes, not more work per pass."""
        for conv, seq in self._suspects.items():
            if conv in self._followers and self._heard[conv] < seq:
                self.repairs += 1
                log.warning("bus lost a doorbell; reading the log", extra={"conv": conv})
                self._mark(conv)
        for (user, conv), seq in self._strays.items():
            for listener in tuple(self._by_user.get(user, ())):
                if listener in self._convs_of and not self.follows(listener, conv):
                    self.repairs += 1
                    log.warning("bus lost a join; told to pull", extra={"conv": conv})
                    self._follow(listener, {conv: seq})
                    listener.lag()
        if not self._backstop_turn:
            self._backstop_turn.extend(self._by_user)
        store_seqs: dict[str, int] = {}
        strays: dict[tuple[str, str], int] = {}
        for _ in range(min(max_reads, len(self._backstop_turn))):
            user = self._backstop_turn.popleft()
            listeners = self._by_user.get(user)
            if not listeners:
                continue
            seqs = await last_seqs(user)
            store_seqs.update(seqs)
            for listener in listeners:
                for conv, seq in seqs.items():
                    if not self.follows(listener, conv):
                        strays[(user, conv)] = seq
                for conv in self._convs_of.get(listener, ()):
                    if conv not in seqs:
                        self._mark(conv)  # left, and the leave not read yet
        self._suspects = {
            conv: seq
            for conv, seq in store_seqs.items()
            if conv in self._followers and seq > self._heard[conv]
        }
        self._strays = strays


def _kept_size(event: Event) -> int:
    return _EVENT_OVERHEAD + 4 * (len(event.body or "") + len(event.title or ""))


_TYPING_PREFIX = b'{"type":"typing"'
_JOINS = frozenset({EventKind.CREATED, EventKind.MEMBER_ADDED})
