"""Where committed events are pushed: which local connections hear which conversations.

The store calls :meth:`Hub.publish_events` after each commit; the hub publishes each event on
the bus (``conv.<id>``, and ``user.<handle>`` for membership changes). Messages arriving from
the bus are pushed to the local connections subscribed to the topic. Each event is encoded
once and the same bytes are queued on every connection (fan-out without re-encoding).

The bus may lose pushes. When it says so (:meth:`Hub.on_gap`), every connection that follows
an affected topic is told it ``lagged`` and pulls. A loss without a sign is found by
:meth:`Hub.backstop`, run every ``bus_backstop_s``: a conversation whose log the store showed
longer at the previous pass than anything heard since gets its followers told ``lagged``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Protocol

from pigeon.bus.base import Bus, conv_topic, user_topic
from pigeon.core.frames import Pushed, TypingNotice, decode_server_frame, encode
from pigeon.core.records import Event, EventKind

log = logging.getLogger(__name__)

# Users whose log ends one backstop pass reads at most: about 0.25 ms of CPU each on SQLite
# (docs/DECISIONS.md D30), so a pass costs at most about 0.25 s.
BACKSTOP_READS_PER_PASS = 1000

_CONV = "conv."
_USER = "user."


class Listener(Protocol):
    """A connection as the hub sees it: whose it is, and a way to queue bytes on it."""

    @property
    def user(self) -> str: ...

    def push(self, data: bytes) -> None: ...

    def lag(self) -> None:
        """Tell the client that pushes were lost, so that it pulls (a ``lagged`` frame)."""


class Hub:
    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self._by_user: dict[str, set[Listener]] = defaultdict(set)
        self._by_conv: dict[str, set[Listener]] = defaultdict(set)
        self._convs_of: dict[Listener, set[str]] = {}
        # Topic -> its subscription, done once live; shared by every listener awaiting it.
        self._subscriptions: dict[str, asyncio.Future[None]] = {}
        # Conv -> the highest seq known to have reached its followers (pushed or read).
        self._heard: dict[str, int] = {}
        # Conv -> the store's last seq at the previous backstop pass, where more than heard.
        self._suspects: dict[str, int] = {}
        self._backstop_turn: deque[str] = deque()  # users whose log ends the backstop reads next
        self.pushes = 0
        self.gaps = 0  # gaps the bus reported
        self.repairs = 0  # conversations the backstop found behind

    # -- connections ------------------------------------------------------------------------

    async def attach(self, listener: Listener) -> None:
        """Listen to the user's membership changes; returns once that is live. Call before
        reading their conversations."""
        self._convs_of[listener] = set()
        self._by_user[listener.user].add(listener)
        await asyncio.shield(self._subscribe(user_topic(listener.user)))

    async def follow(self, listener: Listener, convs: Iterable[str]) -> None:
        """Push the events of ``convs`` to ``listener`` from now on; returns once that is live."""
        for live in self._follow(listener, convs):
            await asyncio.shield(live)

    def follow_soon(self, listener: Listener, convs: Iterable[str]) -> None:
        """As :meth:`follow`, without waiting for the subscriptions to be live."""
        self._follow(listener, convs)

    def heard(self, last_seqs: Mapping[str, int]) -> None:
        """A new follower read these log ends itself (its welcome): the backstop's baseline
        for conversations nobody here followed yet. Not beyond: a push lost before this read
        is lost for the followers already here, and must still look lost."""
        for conv, seq in last_seqs.items():
            if conv in self._by_conv and conv not in self._heard:
                self._heard[conv] = seq

    def _follow(self, listener: Listener, convs: Iterable[str]) -> list[asyncio.Future[None]]:
        mine = self._convs_of.get(listener)
        if mine is None:
            return []
        pending = []
        for conv in convs:
            if conv in mine:
                continue
            mine.add(conv)
            self._by_conv[conv].add(listener)
            live = self._subscribe(conv_topic(conv))
            if not live.done():
                pending.append(live)
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
        for conv in self._convs_of.pop(listener, set()):
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

    def connections_of(self, user: str) -> int:
        """How many listeners ``user`` has attached (their open WebSockets)."""
        return len(self._by_user.get(user, ()))

    # -- outgoing ---------------------------------------------------------------------------

    def publish_events(self, events: list[Event]) -> None:
        """Publish committed events (the store's commit listener). Never blocks."""
        for event in events:
            payload = encode(Pushed(event=event))
            self.bus.publish(conv_topic(event.conv), payload)
            if event.kind in _MEMBERSHIP and event.members:
                for member in event.members:
                    self.bus.publish(user_topic(member), payload)

    def publish_typing(self, conv: str, user: str) -> None:
        self.bus.publish(conv_topic(conv), encode(TypingNotice(conv=conv, user=user)))

    # -- incoming from the bus --------------------------------------------------------------

    def on_bus(self, topic: str, payload: bytes) -> None:
        if topic.startswith(_CONV):
            conv = topic[len(_CONV) :]
            skip = self._typist(payload)
            if skip is None:
                self._note_heard(conv, payload)
            for listener in tuple(self._by_conv.get(conv, ())):
                if listener.user != skip:
                    listener.push(payload)
                    self.pushes += 1
        elif topic.startswith(_USER):
            self._on_membership(topic[len(_USER) :], payload)

    def on_gap(self, topic: str | None) -> None:
        """The bus lost messages of ``topic`` (None: of any topic): whoever follows it pulls."""
        self.gaps += 1
        log.warning("bus reported a gap", extra={"topic": topic or "*"})
        listeners: Iterable[Listener]
        if topic is None:
            listeners = self._convs_of
        elif topic.startswith(_CONV):
            listeners = self._by_conv.get(topic[len(_CONV) :], ())
        elif topic.startswith(_USER):
            listeners = self._by_user.get(topic[len(_USER) :], ())
        else:
            return
        for listener in tuple(listeners):
            listener.lag()

    async def backstop(
        self,
        last_seqs: Callable[[str], Awaitable[Mapping[str, int]]],
        *,
        max_reads: int = BACKSTOP_READS_PER_PASS,
    ) -> None:
        """One pass of the repair of doorbells lost without a sign. A conversation whose log
        the store showed longer at the previous pass than anything heard since lost one: its
        followers are told ``lagged``. Comparing with the previous pass, not this one, leaves
        a doorbell one whole interval to arrive, so a slow bus is not mistaken for a lossy one.
        A pass reads the log ends of at most ``max_reads`` attached users, one after another,
        taking them in turn: more users take more passes, not more work per pass."""
        for conv, seq in self._suspects.items():
            if self._heard.get(conv, 0) < seq and conv in self._by_conv:
                self._heard[conv] = seq
                self.repairs += 1
                log.warning("bus lost a push; followers told to pull", extra={"conv": conv})
                for listener in tuple(self._by_conv[conv]):
                    listener.lag()
        self._suspects = {}
        if not self._backstop_turn:
            self._backstop_turn.extend(self._by_user)
        store_seqs: dict[str, int] = {}
        for _ in range(min(max_reads, len(self._backstop_turn))):
            user = self._backstop_turn.popleft()
            if user in self._by_user:
                store_seqs.update(await last_seqs(user))
        self._suspects = {
            conv: seq
            for conv, seq in store_seqs.items()
            if conv in self._by_conv and seq > self._heard.get(conv, 0)
        }

    def _note_heard(self, conv: str, payload: bytes) -> None:
        frame = decode_server_frame(payload)
        if isinstance(frame, Pushed) and frame.event.seq > self._heard.get(conv, 0):
            self._heard[conv] = frame.event.seq

    @staticmethod
    def _typist(payload: bytes) -> str | None:
        """Who a typing notice is from (their own connections skip it); None for events.
        msgspec writes the tag first, so events are told apart without decoding them."""
        if not payload.startswith(_TYPING_PREFIX):
            return None
        frame = decode_server_frame(payload)
        return frame.user if isinstance(frame, TypingNotice) else None

    def _on_membership(self, user: str, payload: bytes) -> None:
        frame = decode_server_frame(payload)
        if not isinstance(frame, Pushed):
            log.warning("unexpected frame on a user topic: %s", type(frame).__name__)
            return
        event = frame.event
        for listener in tuple(self._by_user.get(user, ())):
            if event.kind is EventKind.MEMBER_REMOVED:
                # The conv topic already pushed the removal to this listener; stop here.
                if self.follows(listener, event.conv):
                    self._convs_of[listener].discard(event.conv)
                    self._unfollow(listener, event.conv)
            elif not self.follows(listener, event.conv):
                self._follow(listener, [event.conv])  # live soon; a loss meanwhile is a gap
                self.heard({event.conv: event.seq})
                listener.push(payload)
                self.pushes += 1

    def _unfollow(self, listener: Listener, conv: str) -> None:
        listeners = self._by_conv.get(conv)
        if listeners is None:
            return
        listeners.discard(listener)
        if not listeners:
            del self._by_conv[conv]
            self._heard.pop(conv, None)
            self._suspects.pop(conv, None)
            self._unsubscribe(conv_topic(conv))


_TYPING_PREFIX = b'{"type":"typing"'
_MEMBERSHIP = frozenset({EventKind.CREATED, EventKind.MEMBER_ADDED, EventKind.MEMBER_REMOVED})
