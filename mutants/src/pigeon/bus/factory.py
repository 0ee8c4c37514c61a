"""The one place that names the concrete buses: a bus chosen by the scheme of its URL.

``local:`` is the in-process bus of a single node; ``memory:`` (with optional faults) is the
test double (pigeon.bus.memory). NATS joins here.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pigeon.bus.base import Bus
from pigeon.bus.local import LocalBus
from pigeon.bus.memory import SCHEME as MEMORY_SCHEME
from pigeon.bus.memory import MemoryBus, parse_url

LOCAL_SCHEME = "local"


def bus_from_url(url: str) -> Bus:
    """A new, unopened bus for ``url``. Raises ValueError for an unknown scheme or a bad URL."""
    scheme = urlsplit(url).scheme
    if scheme == LOCAL_SCHEME:
        if url != f"{LOCAL_SCHEME}:":
            raise ValueError(f"the local bus takes no parameters: {url!r}")
        return LocalBus()
    if scheme == MEMORY_SCHEME:
        return MemoryBus(parse_url(url))
    raise ValueError(f"unknown bus {url!r}: use local: or memory:")
