"""Reading a node's metrics in tests: a scrape of its own listener, as samples by name."""

from __future__ import annotations

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from tests.helpers.server import ServerProcess


def samples(text: str) -> dict[str, float]:
    """Every sample of a scrape as "name{k=v,...}" -> value."""
    out: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()))
            out[f"{s.name}{{{labels}}}"] = s.value
    return out


async def scrape(session: aiohttp.ClientSession, server: ServerProcess) -> dict[str, float]:
    """The samples of the node's metrics listener."""
    async with session.get(server.metrics_url + "/metrics") as response:
        assert response.status == 200
        return samples(await response.text())
