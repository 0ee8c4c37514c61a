"""The Bus interface: a doorbell between the node that commits an event and the nodes holding
the connections that should hear of it.

A bus may lose, repeat, delay or reorder a notification; it is never the record (the store
is). A doorbell that follows a lost one makes the gateway read everything since, which is how
G4 holds when a bus drops something. A bus that knows it lost something (a reconnect, an
overflow) says so through the ``on_gap`` callback, and the hub reads the affected conversations
again; a loss without any sign is repaired by the hub's periodic backstop, which a node runs
unless its bus is ``lossless``.

The bus is a doorbell (docs/DECISIONS.md D34): it carries positions, never message bodies.
Topics: ``conv.<id>`` carries a conversation's last seq after each commit (and typing notices,
which are never stored); ``user.<handle>`` carries ``<conv> <seq>`` when that user joins a
conversation (how a gateway learns that one of its connected users must now follow it). A
gateway that hears a doorbell reads the events from the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

# Called with (topic, payload) for every message on a subscribed topic.
BusHandler = Callable[[str, bytes], None]

# Called when messages may have been lost: with the topic, or None when any subscribed topic
# may have lost some (a reconnect, an unknown loss).
GapHandler = Callable[[str | None], None]


def conv_topic(conv: str) -> str:
    return f"conv.{conv}"


def user_topic(handle: str) -> str:
    return f"user.{handle}"


class Bus(Protocol):
    # True for a bus that cannot lose a doorbell published on a subscribed topic, nor report
    # a gap (the in-process bus): the hub's backstop for silent loss then has nothing to
    # repair, and a node does not run it (D73).
    lossless: bool

    async def open(self, handler: BusHandler, on_gap: GapHandler) -> None:
        """Connect; from now on ``handler`` receives messages of subscribed topics, and
        ``on_gap`` hears of every loss the bus knows of."""

    async def close(self) -> None:
        """Disconnect; neither callback is called after this returns."""

    def publish(self, topic: str, payload: bytes) -> None:
        """Fire and forget: never blocks, never raises, may drop; what waits is bounded."""

    async def subscribe(self, topic: str) -> None:
        """Returns once the subscription is live: a message published after it is delivered
        (unless lost, and then reported as a gap where the bus can tell). Idempotent."""

    def unsubscribe(self, topic: str) -> None:
        """Stop delivering ``topic``. Idempotent."""


@runtime_checkable
class BusCounters(Protocol):
    """What a network bus counts of itself, exported as ``pigeon_bus_*`` metrics where a bus
    has them (the NATS bus): doorbells handed to the network, doorbells dropped before
    reaching it, and clients started anew after the library gave up reconnecting."""

    published: int
    dropped: int
    restarts: int
