"""Who may hold a connection, before anything is parsed: per-address counts at accept, and
whether a request head has arrived yet. Pure functions and counters; the listener in
:mod:`pigeon.transport.listener` drives them.
"""

from __future__ import annotations


class ConnectionCounts:
    """Open connections per key, each key capped at ``limit``. Holds only keys with at
    least one connection, so its size is bounded by the connections themselves."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._counts: dict[str, int] = {}

    def try_add(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def remove(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def count(self, key: str) -> int:
        return self._counts.get(key, 0)

    def total(self) -> int:
        return sum(self._counts.values())


class HeadWatch:
    """Whether the bytes received so far end a request head (its blank line), however the
    stream was split. HTTP parsers also take a bare LF as a line end, so both count."""

    def __init__(self) -> None:
        self._tail = b""
        self.complete = False

    def feed(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = window[-2:]
        return self.complete


def asks_for(request_line: bytes, path: bytes) -> bool:
    """Whether a request line (the bytes up to its line end, or more) is a GET of ``path``,
    with or without a query: how the listener tells a WebSocket upgrade from the rest."""
    if not request_line.startswith(b"GET " + path):
        return False
    return request_line[4 + len(path) : 5 + len(path)] in (b" ", b"?")
