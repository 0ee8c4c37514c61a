"""The in-process bus of the embedded server: publish calls the handler directly.

Delivery is synchronous and in publish order, so on one node pushes arrive in seq order. It
never loses a message, so it never reports a gap.
"""

from __future__ import annotations

from pigeon.bus.base import BusHandler, GapHandler


class LocalBus:
    lossless = True  # delivery is a call: nothing to lose, so no backstop (D73)

    def __init__(self) -> None:
        self._handler: BusHandler | None = None
        self._topics: set[str] = set()
        self.published = 0

    async def open(self, handler: BusHandler, on_gap: GapHandler) -> None:
        self._handler = handler

    async def close(self) -> None:
        self._handler = None
        self._topics.clear()

    def publish(self, topic: str, payload: bytes) -> None:
        self.published += 1
        if self._handler is not None and topic in self._topics:
            self._handler(topic, payload)

    async def subscribe(self, topic: str) -> None:
        self._topics.add(topic)

    def unsubscribe(self, topic: str) -> None:
        self._topics.discard(topic)
