"""The web client in a real browser (Debian's chromium, headless) against a real server.

Each user is a fresh browser context, so each has its own localStorage, as separate devices.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, WebSocketRoute, expect

from tests.helpers.timing import TIMEOUT_S
from tests.web.chat import PASSWORD, ChatPage

pytestmark = pytest.mark.web

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_two_users_chat_both_ways_live_in_order(user: Callable[..., ChatPage]) -> None:
    """Alice and Bob, in two browsers, see each other's messages live and in one order."""
    alice, bob = user("alice"), user("bob")
    alice.start_direct(bob.handle)
    alice.send("hi bob")
    bob.open_conv(alice.handle)
    bob.expect_messages(["hi bob"])
    bob.send("hi alice")
    bob.send("how are you?")
    alice.send("fine thanks")
    expected = ["hi bob", "hi alice", "how are you?", "fine thanks"]
    alice.expect_messages(expected)
    bob.expect_messages(expected)
    alice.expect_all_sent()
    bob.expect_all_sent()


def test_a_row_updated_between_press_and_release_still_opens(
    user: Callable[..., ChatPage],
) -> None:
    """A message arriving while a conversation's row is being clicked changes the row
    between the press and the release: the click still opens the conversation (a row
    replaced instead of updated in place lost such a click)."""
    alice, bob = user("alice"), user("bob")
    alice.start_direct(bob.handle)
    alice.send("first")
    row = bob.conv_row(alice.handle)
    expect(row).to_contain_text("first")
    bob.hold_mouse_on(row.locator(".conv-name"))
    alice.send("second")
    expect(row).to_contain_text("second")
    bob.page.mouse.up()
    expect(bob.page.locator("#conv-title")).to_have_text(alice.handle)
    bob.expect_messages(["first", "second"])


def pressed_as_the_next_is_sent(user: Callable[..., ChatPage], button: str) -> ChatPage:
    """Alice holds the mouse down on ``button`` of her message "first" while her next one is
    sent, until "Sent ✓" has moved from "first" to "second"; she has not let go yet."""
    alice, bob = user("alice"), user("bob")
    alice.start_direct(bob.handle)
    alice.send("first")
    first = alice.message("first")
    expect(first.locator(".status")).to_have_text("Sent ✓")
    alice.hold_mouse_on(first.get_by_role("button", name=button))
    alice.send_by_script("second")
    expect(alice.message("second").locator(".status")).to_have_text("Sent ✓")
    expect(first.locator(".status")).to_have_count(0)
    return alice


def test_edit_pressed_as_my_next_message_is_sent_still_opens(
    user: Callable[..., ChatPage],
) -> None:
    """My next message is sent while I press Edit on this one, so "Sent ✓" moves from this
    message to the next: the release still opens the edit (a message replaced instead of
    updated in place lost such a click, and so did an Edit button that moved)."""
    alice = pressed_as_the_next_is_sent(user, "Edit")
    alice.page.mouse.up()
    expect(alice.page.locator("#editing")).to_be_visible()
    expect(alice.composer).to_have_value("first")


def test_edit_pressed_as_an_edit_arrives_opens_with_the_new_text(
    user: Callable[..., ChatPage],
) -> None:
    """My other tab edits a message while I press its Edit button here: the release opens
    the edit with the text as it is now, not as it was when the button was drawn."""
    alice, bob = user("alice"), user("bob")
    alice.start_direct(bob.handle)
    alice.send("first")
    other_tab = alice.open_tab()
    other_tab.expect_messages(["first"])
    alice.hold_mouse_on(alice.message("first").get_by_role("button", name="Edit"))
    other_tab.edit("first", "first, fixed")
    expect(alice.message("first, fixed").locator(".edited")).to_have_text("(edited)")
    alice.page.mouse.up()
    expect(alice.page.locator("#editing")).to_be_visible()
    expect(alice.composer).to_have_value("first, fixed")


def test_delete_pressed_as_my_next_message_is_sent_still_deletes(
    user: Callable[..., ChatPage],
) -> None:
    """My next message is sent while I press Delete on this one ("Sent ✓" moves on): the
    release still asks, and the message is deleted once I confirm."""
    alice = pressed_as_the_next_is_sent(user, "Delete")
    asked: list[str] = []

    def confirm(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    alice.page.once("dialog", confirm)
    alice.page.mouse.up()
    alice.expect_messages(["message deleted", "second"])
    assert asked == ["Delete this message for everyone?"]


def test_offline_device_catches_up_and_flushes_its_outbox(user: Callable[..., ChatPage]) -> None:
    """Bob goes offline; both write; back online, both see every message once, in one order."""
    alice, bob = user("alice"), user("bob")
    alice.start_direct(bob.handle)
    alice.send("before the tunnel")
    bob.open_conv(alice.handle)
    bob.expect_messages(["before the tunnel"])

    bob.page.context.set_offline(True)
    expect(bob.page.get_by_role("status")).not_to_have_text("Online")
    missed = [f"while you were away {i}" for i in range(1, 6)]
    for text in missed:
        alice.send(text)
    alice.expect_messages(["before the tunnel", *missed])
    queued = ["typed in the tunnel", "and again"]
    for text in queued:
        bob.send(text)
    pending = bob.page.locator("#messages li.msg.out-pending")
    expect(pending).to_have_count(2)
    expect(pending.first.locator(".status")).to_have_text("Waiting for connection…")
    bob.expect_messages(["before the tunnel", *queued])

    bob.page.context.set_offline(False)
    bob.expect_online()
    expected = ["before the tunnel", *missed, *queued]
    bob.expect_messages(expected)
    alice.expect_messages(expected)
    bob.expect_all_sent()
    # Every message exactly once, with consecutive seqs in both browsers.
    for chat in (alice, bob):
        seqs = chat.page.locator("#messages li.msg").evaluate_all(
            "nodes => nodes.map(n => Number(n.dataset.seq))"
        )
        assert seqs == list(range(2, 2 + len(expected)))


def test_group_of_three_with_a_late_member(user: Callable[..., ChatPage]) -> None:
    """Carol, added after the first messages, sees the whole log; then all three chat live."""
    alice = user("alice", viewport={"width": 980, "height": 620})
    bob, carol = user("bob"), user("carol")
    alice.create_group("Lunch plans", [bob.handle])
    alice.send("Pizza or ramen today?")
    bob.open_conv("Lunch plans")
    bob.send("Ramen, s’il vous plaît")
    alice.expect_messages(["Pizza or ramen today?", "Ramen, s’il vous plaît"])

    alice.add_member(carol.handle)
    carol.open_conv("Lunch plans")  # appears live in her list: no reload
    carol.expect_messages(["Pizza or ramen today?", "Ramen, s’il vous plaît"])
    expect(carol.page.locator("#messages li.sys").last).to_have_text(f"{alice.handle} added you")
    expect(bob.page.locator("#conv-members")).to_contain_text(carol.handle)
    carol.send("Count me in! 12:30 at the usual place?")
    bob.send("See you there")
    alice.send("Perfect, booking a table for three.")
    expected = [
        "Pizza or ramen today?",
        "Ramen, s’il vous plaît",
        "Count me in! 12:30 at the usual place?",
        "See you there",
        "Perfect, booking a table for three.",
    ]
    for chat in (alice, bob, carol):
        chat.expect_messages(expected)
        chat.expect_all_sent()

    # Typing notices reach the others (and not the typist), then the screenshot for the README.
    bob.page.get_by_label("Message", exact=True).press_sequentially("on my way")
    expect(alice.page.locator("#typing")).to_have_text(f"{bob.handle} is typing…")
    expect(bob.page.locator("#typing")).to_have_text("")
    alice.page.screenshot(path=str(DOCS / "screenshot.png"))


def test_reload_mid_conversation_loses_nothing(user: Callable[..., ChatPage]) -> None:
    """A reload restores the session and the conversation; a send queued offline survives."""
    alice, bob = user("alice"), user("bob")
    alice.start_direct(bob.handle)
    alice.send("one")
    bob.open_conv(alice.handle)
    bob.send("two")
    alice.send("three")
    bob.expect_messages(["one", "two", "three"])

    bob.page.reload()
    # Restored from localStorage (token, cursors, messages), reopened from the URL.
    expect(bob.page.locator("#conv-title")).to_have_text(alice.handle)
    bob.expect_messages(["one", "two", "three"])
    bob.expect_online()
    alice.send("four")
    bob.expect_messages(["one", "two", "three", "four"])

    # Written offline, then the tab is reloaded before the network comes back.
    bob.page.context.set_offline(True)
    expect(bob.page.get_by_role("status")).not_to_have_text("Online")
    bob.send("five, from the tunnel")
    alice.send("six")
    url = bob.page.url
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        bob.page.reload()
    bob.page.context.set_offline(False)
    bob.page.goto(url)
    bob.expect_online()
    expected = ["one", "two", "three", "four", "five, from the tunnel", "six"]
    # "six" was committed before "five" reached the server, so it comes first in the log.
    expected_order = ["one", "two", "three", "four", "six", "five, from the tunnel"]
    bob.expect_messages(expected_order)
    alice.expect_messages(expected_order)
    bob.expect_all_sent()
    assert sorted(expected) == sorted(expected_order)

    # Saved cursors from another history (as after a restore from backup): the server answers
    # resync_required, and the client drops its copy and pulls every log again from seq 1.
    bob.page.evaluate("() => { window.pigeon.epoch = '0000000000000000'; }")
    resync_seen: list[str] = []
    bob.page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived",
            lambda payload: resync_seen.append("x") if "resync_required" in str(payload) else None,
        ),
    )
    bob.page.reload()
    bob.expect_online()
    bob.expect_messages(expected_order)
    assert resync_seen, "the server should have asked for a resync"


SEED_JS = """
async ({conv, count}) => {
  const {token} = JSON.parse(localStorage.getItem("pigeon.v1.session"));
  const post = (path, body) => fetch(path, {
    method: "POST",
    headers: {"Authorization": `Bearer ${token}`, "Content-Type": "application/json"},
    body: JSON.stringify(body),
  }).then((r) => r.json());
  const at = `/v1/conversations/${conv}/messages`;
  let last;
  for (let i = 1; i <= count; i++) {
    last = await post(at, {client_msg_id: `seed-${i}`, body: `m${i}`});
  }
  await post(`${at}/2/edit`, {client_msg_id: "e1", body: "m1 (fixed)"});
  await post(`${at}/${last.seq}/delete`, {client_msg_id: "d1"});
}
"""


def test_history_pages_back_at_phone_width(user: Callable[..., ChatPage]) -> None:
    """At 375 px, a long history loads in pages going back; edits and deletes show."""
    alice = user("alice")
    bob = user("bob", viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    alice.start_direct(bob.handle)
    conv = alice.page.url.rsplit("#", 1)[1]
    count = 260
    alice.page.evaluate(SEED_JS, {"conv": conv, "count": count})

    bob.open_conv(alice.handle)
    expect(bob.page.locator("nav.sidebar")).to_be_hidden()  # one pane at a time
    items = bob.page.locator("#messages li.msg")
    expect(items).to_have_count(count)
    expect(bob.bodies.first).to_have_text("m1 (fixed)")
    expect(bob.page.locator("#messages li.msg").first.locator(".edited")).to_have_text("(edited)")
    expect(bob.bodies.last).to_have_text("message deleted")
    assert bob.page.evaluate("document.documentElement.scrollWidth") <= 375

    # After a reload only the latest 200 events are kept (198 messages, then the edit and the
    # delete); older ones come back 50 events at a time. The reload's connection is held until
    # Bob has scrolled to the top: a page asked for before the welcome comes once connected.
    held: list[WebSocketRoute] = []
    let_through: list[bool] = []

    def hold_until_let_through(ws: WebSocketRoute) -> None:
        if let_through:
            ws.connect_to_server()
        else:
            held.append(ws)

    bob.page.route_web_socket(re.compile(r"/v1/ws$"), hold_until_let_through)
    bob.page.reload()
    expect(items).to_have_count(198)
    bob.expect_offline()
    scroller = bob.page.locator("#scroller")
    scroller.evaluate("el => { el.scrollTop = 0; }")  # scrolled to the top while connecting
    expect(bob.page.get_by_role("button", name="Load earlier messages")).to_be_in_viewport()
    let_through.append(True)
    held[-1].close()  # the client reconnects, to the server this time
    bob.expect_online()
    expect(items).to_have_count(248)
    # Online, scrolling to the top again brings the rest.
    scroller.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    scroller.evaluate("el => { el.scrollTop = 0; }")
    expect(items).to_have_count(count)
    expect(bob.page.get_by_text("Start of the conversation")).to_be_visible()
    expect(bob.bodies.first).to_have_text("m1 (fixed)")
    expect(bob.bodies.nth(1)).to_have_text("m2")

    bob.page.get_by_role("link", name="Back to conversations").click()
    expect(bob.conv_row(alice.handle)).to_be_visible()
    expect(bob.conv_row(alice.handle).locator(".conv-last")).to_have_text("alice: message deleted")


def test_a_member_removed_and_added_again_reads_on(user: Callable[..., ChatPage]) -> None:
    """Bob is removed from a group and added back: his client reads the log from seq 1 again,
    meets his old removal, and must read on past it to what was said after (the simulation
    found the SDK stuck on it, D47; the web client was too)."""
    alice, bob = user("alice"), user("bob")
    alice.create_group("Book club", [bob.handle])
    alice.send("first chapter tonight")
    bob.open_conv("Book club")
    bob.expect_messages(["first chapter tonight"])

    token = str(
        _call(alice.base_url, "POST", "/v1/login", {"handle": "alice", "password": PASSWORD})[
            "token"
        ]
    )
    rows = _call(alice.base_url, "GET", "/v1/conversations", token=token)["conversations"]
    assert isinstance(rows, list)
    [conv] = [row["conv"] for row in rows if row.get("title") == "Book club"]
    _call(alice.base_url, "DELETE", f"/v1/conversations/{conv}/members/bob", token=token)
    expect(bob.conv_row("Book club")).to_have_count(0)
    _call(alice.base_url, "POST", f"/v1/conversations/{conv}/members", {"handle": "bob"}, token)
    alice.send("welcome back, bob")
    bob.open_conv("Book club")
    bob.expect_messages(["first chapter tonight", "welcome back, bob"])


def _call(
    base_url: str, method: str, path: str, body: object = None, token: str | None = None
) -> dict[str, object]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base_url + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:
        decoded: dict[str, object] = json.loads(answer.read() or b"{}")
    return decoded
