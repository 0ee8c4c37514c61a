"""Where committed events are pushed: which local connections hear which conversations.

The store calls :meth:`Hub.publish_events` after each commit; the hub publishes each event on
the bus (``conv.<id>``, and ``user.<handle>`` for membership changes). Messages arriving from
the bus are pushed to the local connections subscribed to the topic. Each event is encoded
once and the same bytes are queued on every connection (fan-out without re-encoding).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Protocol

from pigeon.bus.base import Bus, conv_topic, user_topic
from pigeon.core.frames import Pushed, TypingNotice, decode_server_frame, encode
from pigeon.core.records import Event, EventKind

log = logging.getLogger(__name__)

_CONV = "conv."
_USER = "user."


class Listener(Protocol):
    """A connection as the hub sees it: whose it is, and a way to queue bytes on it."""

    @property
    def user(self) -> str: ...

    def push(self, data: bytes) -> None: ...


class Hub:
    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self._by_user: dict[str, set[Listener]] = defaultdict(set)
        self._by_conv: dict[str, set[Listener]] = defaultdict(set)
        self._convs_of: dict[Listener, set[str]] = {}
        self.pushes = 0

    # -- connections ------------------------------------------------------------------------

    def attach(self, listener: Listener) -> None:
        """Listen to the user's membership changes. Call before reading their conversations."""
        self._convs_of[listener] = set()
        users = self._by_user[listener.user]
        if not users:
            self.bus.subscribe(user_topic(listener.user))
        users.add(listener)

    def follow(self, listener: Listener, convs: list[str]) -> None:
        """Push the events of ``convs`` to ``listener`` from now on."""
        mine = self._convs_of.get(listener)
        if mine is None:
            return
        for conv in convs:
            if conv in mine:
                continue
            mine.add(conv)
            listeners = self._by_conv[conv]
            if not listeners:
                self.bus.subscribe(conv_topic(conv))
            listeners.add(listener)

    def detach(self, listener: Listener) -> None:
        for conv in self._convs_of.pop(listener, set()):
            self._unfollow(listener, conv)
        users = self._by_user.get(listener.user)
        if users is not None:
            users.discard(listener)
            if not users:
                del self._by_user[listener.user]
                self.bus.unsubscribe(user_topic(listener.user))

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
            skip = self._typist(payload)
            for listener in tuple(self._by_conv.get(topic[len(_CONV) :], ())):
                if listener.user != skip:
                    listener.push(payload)
                    self.pushes += 1
        elif topic.startswith(_USER):
            self._on_membership(topic[len(_USER) :], payload)

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
                self.follow(listener, [event.conv])
                listener.push(payload)
                self.pushes += 1

    def _unfollow(self, listener: Listener, conv: str) -> None:
        listeners = self._by_conv.get(conv)
        if listeners is None:
            return
        listeners.discard(listener)
        if not listeners:
            del self._by_conv[conv]
            self.bus.unsubscribe(conv_topic(conv))


_TYPING_PREFIX = b'{"type":"typing"'
_MEMBERSHIP = frozenset({EventKind.CREATED, EventKind.MEMBER_ADDED, EventKind.MEMBER_REMOVED})
