"""Fixtures for the browser tests: Debian's chromium driven by Playwright, a real server.

Chromium comes from Debian's packages (``scripts/ensure-debian-packages.sh``, run by
``make pytest``), never from Playwright's download. One browser process serves the whole
session; every test gets fresh browser contexts (separate storage, as separate devices) and
its own server.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, sync_playwright

from tests.helpers.server import ServerProcess
from tests.web.chat import ChatPage

CHROMIUM = os.environ.get("PIGEON_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The browser tests register many users and send bursts from one address.
SERVER_ENV = {
    "PIGEON_LOGIN_RATE_PER_MIN": "6000",
    "PIGEON_SEND_RATE_PER_S": "1000",
    "PIGEON_SEND_BURST": "1000",
}


# Package scope, not session: Playwright's sync API keeps an event loop running in this
# thread while it lives, and every async test collected after these would fail to start.
@pytest.fixture(scope="package")
def playwright_driver() -> Iterator[Playwright]:
    """The Playwright driver process, shared by the web tests."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run make pytest, which installs it")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="package")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """One headless chromium for the web tests; they isolate themselves with contexts."""
    browser = playwright_driver.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def web_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A real Pigeon server serving the web client, on a fresh data directory per test."""
    proc = ServerProcess(tmp_path / "data", env=SERVER_ENV).start()
    try:
        yield proc
    finally:
        proc.kill()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Makes fresh browser contexts (one per device), all closed at the end of the test."""
    contexts: list[BrowserContext] = []

    def make(**options: object) -> BrowserContext:
        context = browser.new_context(**options)  # type: ignore[arg-type]
        contexts.append(context)
        return context

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def user_at(new_context: Callable[..., BrowserContext]) -> Iterator[Callable[..., ChatPage]]:
    """Registers a new user in a fresh context on the server at a base URL, and returns their
    signed-in page: ``user_at(handle, url, **context_options)``.

    Fails the test if any page (a later tab too) threw an uncaught JavaScript error.
    """
    errors: list[str] = []

    def make(handle: str, base_url: str, **options: object) -> ChatPage:
        context = new_context(**options)
        context.on("weberror", lambda err: errors.append(f"{handle}: {err.error}"))
        page = context.new_page()
        chat = ChatPage(page, handle, base_url)
        chat.register()
        return chat

    yield make
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def user(web_server: ServerProcess, user_at: Callable[..., ChatPage]) -> Callable[..., ChatPage]:
    """Registers a new user on the test's server: ``user(handle, **context_options)``."""

    def make(handle: str, **options: object) -> ChatPage:
        return user_at(handle, web_server.url, **options)

    return make
