"""``trusted_proxies``: behind HAProxy every request comes from the proxy's address, so a
node counts login attempts per address on the client that X-Forwarded-For names, and only
when the request comes from a proxy it trusts (a real ``pigeon serve`` process)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.server import ServerProcess

# Two attempts per address per minute, so the third from one address is refused.
LIMITED = {"PIGEON_LOGIN_RATE_PER_MIN": "2"}
_handles = count()


@pytest.fixture
def trusting(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(
        tmp_path / "data", env={**LIMITED, "PIGEON_TRUSTED_PROXIES": "127.0.0.1"}
    ).start()
    try:
        yield proc
    finally:
        proc.kill()


@pytest.fixture
def untrusting(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(tmp_path / "data", env=LIMITED).start()
    try:
        yield proc
    finally:
        proc.kill()


async def login_status(server: ServerProcess, forwarded_for: str) -> int:
    """A login attempt (for a new handle each time: only the per-address count grows)."""
    body = {"handle": f"nobody{next(_handles)}", "password": "wrong password"}
    headers = {"X-Forwarded-For": forwarded_for}
    async with (
        aiohttp.ClientSession() as session,
        session.post(server.url + "/v1/login", json=body, headers=headers) as response,
    ):
        return response.status


async def test_a_trusted_proxy_s_x_forwarded_for_names_the_client(
    trusting: ServerProcess,
) -> None:
    assert [await login_status(trusting, "10.0.0.1") for _ in range(2)] == [401, 401]
    assert await login_status(trusting, "10.0.0.1") == 429
    # Another client behind the same proxy has its own count; the last entry is the one
    # the proxy appended, whatever the client wrote before it.
    assert await login_status(trusting, "10.0.0.1, 10.0.0.2") == 401


async def test_without_trust_the_header_is_ignored(untrusting: ServerProcess) -> None:
    assert [await login_status(untrusting, "10.0.0.1") for _ in range(2)] == [401, 401]
    assert await login_status(untrusting, "10.0.0.2") == 429
