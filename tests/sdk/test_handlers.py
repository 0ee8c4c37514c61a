"""Callbacks as well as the iterator (issue 15, item 7), against a real server."""

from __future__ import annotations

import asyncio
import contextlib

from pigeon.sdk import Event, EventKind, Resynced
from pigeon.sdk.handlers import Handlers
from tests.helpers.timing import TIMEOUT_S
from tests.sdk.conftest import Users


async def test_handlers_get_each_kind_once_in_order(users: Users) -> None:
    """Handlers for messages (a coroutine), edits, deletes and members (plain functions) see
    their events of a group's log, each once and in seq order; run() stops when cancelled."""
    await users.token("bob")
    await users.token("carol")
    http = await users.http_for("alice")
    conv = (await http.group("trip", ["bob"])).conv
    alice = await users.client("alice")
    seen: list[tuple[str, int]] = []
    done = asyncio.Event()

    @alice.on_message
    async def on_message(event: Event) -> None:
        seen.append(("message", event.seq))

    alice.on_edit(lambda event: seen.append(("edit", event.seq)))

    def on_delete(event: Event) -> None:
        seen.append(("delete", event.seq))
        done.set()

    alice.on_delete(on_delete)
    alice.on_member(lambda event: seen.append((event.kind.value, event.seq)))
    runner = asyncio.create_task(alice.run())
    sent = await alice.send(conv, "helo")
    await http.add_member(conv, "carol")
    await alice.edit(conv, sent.seq, "hello")
    await alice.delete(conv, sent.seq)
    await asyncio.wait_for(done.wait(), TIMEOUT_S)
    runner.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await runner
    assert seen == [("created", 1), ("message", 2), ("member_added", 3), ("edit", 4), ("delete", 5)]


async def test_resync_handler_gets_the_notice() -> None:
    """A Resynced notice goes to on_resync handlers only; events of a kind nobody handles
    are skipped (a pure dispatch, no server needed)."""
    handlers = Handlers()
    notices: list[Resynced] = []
    handlers.resync.append(notices.append)
    await handlers.dispatch(Resynced())
    event = Event(conv="c1", seq=2, ts=0, kind=EventKind.MESSAGE, sender="bob", body="x")
    await handlers.dispatch(event)
    assert notices == [Resynced()]
