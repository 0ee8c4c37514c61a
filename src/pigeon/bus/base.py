"""The Bus interface: a doorbell between the node that commits an event and the nodes holding
the connections that should hear of it.

A bus may lose or repeat a notification; it is never the record (the store is). Clients detect
gaps by seq and pull what they missed, which is how G4 holds when a bus drops something.

Topics: ``conv.<id>`` carries every committed event of a conversation; ``user.<handle>``
carries the membership events that concern that user (how a gateway learns that one of its
connected users joined a conversation it must now listen to).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

# Called with (topic, payload) for every message on a subscribed topic.
BusHandler = Callable[[str, bytes], None]


def conv_topic(conv: str) -> str:
    return f"conv.{conv}"


def user_topic(handle: str) -> str:
    return f"user.{handle}"


class Bus(Protocol):
    async def open(self, handler: BusHandler) -> None:
        """Connect; from now on ``handler`` receives messages of subscribed topics."""

    async def close(self) -> None: ...

    def publish(self, topic: str, payload: bytes) -> None:
        """Fire and forget: never blocks, may drop."""

    def subscribe(self, topic: str) -> None: ...

    def unsubscribe(self, topic: str) -> None: ...
