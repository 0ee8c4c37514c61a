"""A Client that cannot get in says so: a bad URL at construction, a WARNING per failed
attempt, and an exception from wait_connected() after its timeout (issue 15, item 2)."""

from __future__ import annotations

import asyncio
import logging
import socket

import pytest

from pigeon.sdk import Client, HttpClient, InvalidServerUrl, PigeonError, ServerUnreachable
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S
from tests.sdk.conftest import PASSWORD


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (it was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize(
    "url",
    ["127.0.0.1:8700", "localhost", "ws://127.0.0.1:8700", "http://127.0.0.1:port", "http://"],
)
def test_a_url_without_scheme_or_host_is_refused_at_construction(url: str) -> None:
    """Not an endless reconnect loop later: InvalidServerUrl (a ValueError and a PigeonError,
    so the CLI prints it as one line) now, naming the URL."""
    with pytest.raises(InvalidServerUrl, match="bad server URL"):
        Client(url, "token")
    with pytest.raises(ValueError, match="bad server URL"):
        HttpClient(url)
    assert issubclass(InvalidServerUrl, PigeonError)


async def test_wrong_port_raises_from_wait_connected_and_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Nothing listens: wait_connected() raises ServerUnreachable with the reason after its
    timeout, and every failed attempt is a WARNING naming the URL."""
    url = f"http://127.0.0.1:{closed_port()}"
    caplog.set_level(logging.WARNING, logger="pigeon.sdk")
    async with Client(url, "token", wait_connected_s=0.5, backoff_max_s=0.05) as client:
        with pytest.raises(ServerUnreachable) as caught:
            await asyncio.wait_for(client.wait_connected(), TIMEOUT_S)
        assert caught.value.url == url
        assert "not connected after 0.5s" in str(caught.value)
        with pytest.raises(ServerUnreachable):
            await asyncio.wait_for(client.wait_connected(timeout_s=0.1), TIMEOUT_S)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings and all("cannot connect to " + url in r.getMessage() for r in warnings)


class _Records(logging.Handler):
    """Keeps pigeon.sdk's records and wakes a waiter on the first failed attempt."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.failed_attempt = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        if "cannot connect" in record.getMessage():
            self.failed_attempt.set()


async def test_an_outage_after_connecting_is_not_a_warning(fast_server: ServerProcess) -> None:
    """Once connected, a server outage is expected: its failed attempts are INFO, not one
    WARNING per attempt on the app's terminal (the app sees statistics().connected)."""
    async with HttpClient(fast_server.url) as http:
        await http.register("alice", PASSWORD)
        token = (await http.login("alice", PASSWORD)).token
    records = _Records()
    logger = logging.getLogger("pigeon.sdk")
    logger.addHandler(records)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        async with Client(fast_server.url, token, backoff_max_s=0.05) as client:
            await client.wait_connected(TIMEOUT_S)
            fast_server.kill()
            await asyncio.wait_for(records.failed_attempt.wait(), TIMEOUT_S)
    finally:
        logger.removeHandler(records)
        logger.setLevel(level)
    failed = [r for r in records.records if "cannot connect" in r.getMessage()]
    assert failed and all(r.levelno == logging.INFO for r in failed)
