"""A page object for the web client: what a person does, in the words of the UI.

Locators use roles and labels where the page has them (the same ones a screen reader
announces), so these tests also check that the controls are labelled.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

PASSWORD = "correct horse battery"


class ChatPage:
    def __init__(self, page: Page, handle: str, base_url: str) -> None:
        self.page = page
        self.handle = handle
        self.base_url = base_url

    # ---- session -------------------------------------------------------------------

    def register(self) -> None:
        self.page.goto(self.base_url + "/")
        self.page.get_by_label("Handle", exact=True).fill(self.handle)
        self.page.get_by_label("Password", exact=True).fill(PASSWORD)
        self.page.get_by_role("button", name="Create account").click()
        expect(self.page.locator("#me")).to_have_text(self.handle)
        self.expect_online()

    def expect_online(self) -> None:
        expect(self.page.get_by_role("status")).to_have_text("Online")

    def expect_offline(self) -> None:
        expect(self.page.get_by_role("status")).not_to_have_text("Online")

    def open_tab(self) -> ChatPage:
        """Another tab of this browser (same storage, so same session) on the same URL."""
        tab = ChatPage(self.page.context.new_page(), self.handle, self.base_url)
        tab.page.goto(self.page.url)
        expect(tab.page.locator("#me")).to_have_text(self.handle)
        return tab

    def close_tab(self) -> None:
        """Close this tab as a person does (unload handlers run) and wait until it is gone."""
        with self.page.expect_event("close"):
            self.page.close(run_before_unload=True)

    def saved_outbox_keys(self) -> list[str]:
        """The outbox keys in this browser's localStorage (one per tab with unsent messages)."""
        keys: list[str] = self.page.evaluate(
            "() => Object.keys(localStorage).filter((k) => k.startsWith('pigeon.v1.outbox.'))"
        )
        return keys

    def wait_outboxes_empty(self) -> None:
        """Wait until no tab of this browser has an unsent message saved."""
        self.page.wait_for_function(
            "() => !Object.keys(localStorage).some((k) => k.startsWith('pigeon.v1.outbox.'))"
        )

    # ---- conversations -------------------------------------------------------------

    def open_new_panel(self) -> None:
        panel = self.page.locator("details.new")
        if panel.get_attribute("open") is None:
            panel.locator("summary").click()

    def start_direct(self, peer: str) -> None:
        self.open_new_panel()
        self.page.get_by_label("Chat with (handle)").fill(peer)
        self.page.get_by_role("button", name="Start chat").click()
        expect(self.page.locator("#conv-title")).to_have_text(peer)

    def create_group(self, title: str, members: list[str]) -> None:
        self.open_new_panel()
        self.page.get_by_label("Group name").fill(title)
        self.page.get_by_label("Members (handles, separated by commas)").fill(", ".join(members))
        self.page.get_by_role("button", name="Create group").click()
        expect(self.page.locator("#conv-title")).to_have_text(title)

    def add_member(self, handle: str) -> None:
        self.page.locator("#members-panel summary").click()
        self.page.get_by_label("Handle to add").fill(handle)
        self.page.get_by_role("button", name="Add", exact=True).click()
        expect(self.page.locator("#conv-members")).to_contain_text(handle)

    def conv_row(self, name: str) -> Locator:
        return self.page.locator("#conv-list .conv-row").filter(
            has=self.page.locator(".conv-name", has_text=re.compile(f"^{re.escape(name)}$"))
        )

    def open_conv(self, name: str) -> None:
        self.conv_row(name).click()
        expect(self.page.locator("#conv-title")).to_have_text(name)

    # ---- messages ------------------------------------------------------------------

    @property
    def bodies(self) -> Locator:
        """The text of every message in the open conversation, in display order."""
        return self.page.locator("#messages li.msg .body")

    def message(self, text: str) -> Locator:
        """The message in the open conversation whose text is exactly `text`."""
        return self.page.locator("#messages li.msg").filter(
            has=self.page.locator(".body", has_text=re.compile(f"^{re.escape(text)}$"))
        )

    @property
    def composer(self) -> Locator:
        """The message box."""
        return self.page.get_by_label("Message", exact=True)

    def send(self, text: str) -> None:
        box = self.composer
        box.fill(text)
        box.press("Enter")
        expect(box).to_have_value("")

    def send_by_script(self, text: str) -> None:
        """Send `text` into the open conversation through the client, as the composer does,
        without touching the page: the mouse and the focus stay where they are."""
        conv = self.page.url.rsplit("#", 1)[1]
        self.page.evaluate("([conv, text]) => { window.pigeon.send(conv, text); }", [conv, text])

    def edit(self, old: str, new: str) -> None:
        """Change my message `old` to `new` with its Edit button, and wait until it is saved."""
        self.message(old).get_by_role("button", name="Edit").click()
        expect(self.composer).to_have_value(old)
        self.composer.fill(new)
        self.composer.press("Enter")
        expect(self.page.locator("#editing")).to_be_hidden()
        expect(self.message(new)).to_be_visible()

    def hold_mouse_on(self, target: Locator) -> None:
        """Press the mouse button on the middle of `target` and keep it down."""
        box = target.bounding_box()
        assert box is not None
        self.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        self.page.mouse.down()

    def expect_messages(self, texts: list[str]) -> None:
        """Exactly these messages, in this order (no duplicates, nothing missing)."""
        expect(self.bodies).to_have_text(texts)

    def expect_all_sent(self) -> None:
        """No message of mine is still pending or failed."""
        expect(self.page.locator("#messages li.msg[class*='out-']")).to_have_count(0)
