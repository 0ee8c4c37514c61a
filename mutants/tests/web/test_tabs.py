"""Two tabs of one account in one browser: they share localStorage, and so the outbox.

A message typed in one tab must be sent exactly once, even if that tab is closed before it
could send it (the other tab adopts its outbox), and two open tabs must not both send it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from tests.web.chat import ChatPage

pytestmark = pytest.mark.web

# Run before the page's scripts: a browser without Web Locks, as on a page served over
# plain HTTP from another host (not a secure context).
NO_WEB_LOCKS = "Object.defineProperty(Navigator.prototype, 'locks', { value: undefined });"


def record_sends(page: Page) -> list[str]:
    """The body of every send frame this page writes from now on (a resend repeats it)."""
    bodies: list[str] = []

    def on_frame(payload: str | bytes) -> None:
        frame = json.loads(payload)
        if frame["type"] == "send":
            bodies.append(frame["body"])

    page.on("websocket", lambda ws: ws.on("framesent", on_frame))
    return bodies


def expect_delivered(chat: ChatPage, texts: list[str]) -> None:
    """Exactly these messages, none still on its way, with consecutive seqs from 2."""
    chat.expect_messages(texts)
    chat.expect_all_sent()  # a message on its way has no seq yet
    seqs = chat.page.locator("#messages li.msg").evaluate_all(
        "nodes => nodes.map(n => Number(n.dataset.seq))"
    )
    assert seqs == list(range(2, 2 + len(texts)))


def close_offline_tab_and_send_from_the_other(
    alice: ChatPage, bob: ChatPage, *, web_locks: bool
) -> None:
    """Alice types offline in one tab and closes it; her other tab sends it when online.

    With Web Locks the other tab adopts the message as soon as the tab closes (it shows it
    as waiting); without, when the network comes back.
    """
    alice.start_direct(bob.handle)
    alice.send("before the tunnel")
    bob.open_conv(alice.handle)
    bob.expect_messages(["before the tunnel"])
    other_tab = alice.open_tab()
    other_tab.expect_online()
    other_tab.expect_messages(["before the tunnel"])

    alice.page.context.set_offline(True)
    alice.expect_offline()
    other_tab.expect_offline()
    alice.send("typed in the tunnel, tab closed")
    alice.close_tab()

    if web_locks:
        other_tab.expect_messages(["before the tunnel", "typed in the tunnel, tab closed"])
        # Adopted: copied into the other tab's own outbox, and the closed tab's key removed.
        assert len(other_tab.saved_outbox_keys()) == 1
    other_tab.page.context.set_offline(False)
    other_tab.expect_online()
    expected = ["before the tunnel", "typed in the tunnel, tab closed"]
    for chat in (bob, other_tab):
        expect_delivered(chat, expected)
    other_tab.wait_outboxes_empty()


def test_closed_tab_outbox_is_sent_by_the_other_tab(user: Callable[..., ChatPage]) -> None:
    """A message typed offline in a tab closed before the network came back is sent once."""
    close_offline_tab_and_send_from_the_other(user("alice"), user("bob"), web_locks=True)


def test_closed_tab_outbox_is_sent_without_web_locks(user: Callable[..., ChatPage]) -> None:
    """Without Web Locks the other tab adopts the outbox when the network comes back."""
    alice, bob = user("alice"), user("bob")
    alice.page.context.add_init_script(NO_WEB_LOCKS)
    alice.page.reload()
    alice.expect_online()
    assert alice.page.evaluate("() => navigator.locks === undefined")
    close_offline_tab_and_send_from_the_other(alice, bob, web_locks=False)


def test_two_open_tabs_send_a_message_once(user: Callable[..., ChatPage]) -> None:
    """Typed in one of two open tabs, a message is sent by that tab only and shown once."""
    alice, bob = user("alice"), user("bob")
    alice.start_direct(bob.handle)
    bob.open_conv(alice.handle)
    other_tab = alice.open_tab()
    other_tab.expect_online()
    sent_by_alice, sent_by_other_tab = record_sends(alice.page), record_sends(other_tab.page)

    alice.page.context.set_offline(True)
    alice.expect_offline()
    other_tab.expect_offline()
    alice.send("queued while both tabs are open")
    other_tab.page.context.set_offline(False)
    alice.expect_online()
    other_tab.expect_online()
    alice.send("typed online")
    expected = ["queued while both tabs are open", "typed online"]
    for chat in (bob, alice, other_tab):
        expect_delivered(chat, expected)
    alice.wait_outboxes_empty()
    assert set(sent_by_alice) == set(expected)
    assert sent_by_other_tab == []

    # Closing the tab that sent them leaves nothing for the other to send again.
    alice.close_tab()
    other_tab.send("from the tab that stayed")
    bob.expect_messages([*expected, "from the tab that stayed"])
    expect_delivered(other_tab, [*expected, "from the tab that stayed"])
    assert set(sent_by_other_tab) == {"from the tab that stayed"}


# What a client from before per-tab outboxes saved: the outbox inside the state.
LEGACY_STATE_JS = """
({handle, conv}) => {
  window.pigeon.stop();  // no more saves from this page
  const key = `pigeon.v1.state.${handle}`;
  const state = JSON.parse(localStorage.getItem(key));
  state.outbox = [{cmid: "0123456789abcdef0123456789abcdef", conv, body: "saved by an old client",
                   state: "pending", error: null, created: Date.now()}];
  localStorage.setItem(key, JSON.stringify(state));
}
"""


def test_outbox_saved_by_an_older_client_is_sent(user: Callable[..., ChatPage]) -> None:
    """An outbox kept in the state by a client from before per-tab outboxes is still sent."""
    alice, bob = user("alice"), user("bob")
    alice.start_direct(bob.handle)
    alice.send("hello")
    bob.open_conv(alice.handle)
    bob.expect_messages(["hello"])
    conv = alice.page.url.rsplit("#", 1)[1]
    alice.page.evaluate(LEGACY_STATE_JS, {"handle": alice.handle, "conv": conv})
    alice.page.reload()
    expected = ["hello", "saved by an old client"]
    bob.expect_messages(expected)
    alice.expect_messages(expected)
    alice.expect_all_sent()
    alice.wait_outboxes_empty()
