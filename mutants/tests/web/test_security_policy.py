"""The web client works under the node's Content-Security-Policy: it needs no inline script or
style, no other origin and no eval, so the policy can be strict and nothing is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage

from tests.helpers.server import ServerProcess
from tests.web.chat import ChatPage

pytestmark = pytest.mark.web


def test_the_client_runs_under_its_policy_with_nothing_refused(
    web_server: ServerProcess, new_context: Callable[..., BrowserContext]
) -> None:
    """Sign up, start a chat and send over the WebSocket with the CSP in force: the browser
    reports no violation (it logs each one to the console) and the policy is the node's."""
    refused: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    pages = []
    for handle in ("alice", "bob"):
        page = new_context().new_page()
        page.on("console", on_console)
        response = page.goto(web_server.url + "/")
        assert response is not None
        assert "script-src 'self'" in response.headers["content-security-policy"]
        chat = ChatPage(page, handle, web_server.url)
        chat.register()
        pages.append(chat)
    alice, bob = pages
    alice.start_direct(bob.handle)
    alice.send("under policy")
    bob.open_conv(alice.handle)
    bob.expect_messages(["under policy"])
    assert not refused, refused
