"""The browser is a known device: someone guessing a user's password elsewhere cannot lock
the user out of the browser they have logged in from before (docs/DECISIONS.md D19)."""

from __future__ import annotations

import http.client
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.helpers.server import ServerProcess
from tests.web.chat import PASSWORD, ChatPage

pytestmark = pytest.mark.web

# Three attempts per address and three failures per handle a minute: the sprayer below
# uses up the handle's failures with three wrong passwords.
LOGIN_RATE_PER_MIN = 3


@pytest.fixture
def strict_server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(
        tmp_path / "data", env={"PIGEON_LOGIN_RATE_PER_MIN": str(LOGIN_RATE_PER_MIN)}
    ).start()
    try:
        yield proc
    finally:
        proc.kill()


def wrong_login_from(address: str, server: ServerProcess, handle: str) -> int:
    """A login with a wrong password from another client address; its HTTP status."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, source_address=(address, 0))
    try:
        body = json.dumps({"handle": handle, "password": "not the password"})
        conn.request("POST", "/v1/login", body, {"Content-Type": "application/json"})
        return conn.getresponse().status
    finally:
        conn.close()


def test_a_browser_that_logged_in_before_is_not_locked_out_by_a_sprayer(
    strict_server: ServerProcess, new_context: Callable[..., BrowserContext]
) -> None:
    """alice logs out; wrong passwords from 127.0.0.2 lock her handle (the last one is
    refused for rate); her browser logs in again with her password, as a known device."""
    alice = ChatPage(new_context().new_page(), "alice", strict_server.url)
    alice.register()
    alice.page.get_by_role("button", name="Log out").click()
    statuses = [wrong_login_from("127.0.0.2", strict_server, "alice") for _ in range(3)]
    assert statuses == [401, 401, 401]
    assert wrong_login_from("127.0.0.3", strict_server, "alice") == 429  # the handle is locked
    alice.page.get_by_label("Handle", exact=True).fill("alice")
    alice.page.get_by_label("Password", exact=True).fill(PASSWORD)
    alice.page.get_by_role("button", name="Log in").click()
    expect(alice.page.locator("#me")).to_have_text("alice")
    alice.expect_online()
