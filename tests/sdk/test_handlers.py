"""Callbacks as well as the iterator (issue 15, item 7), against a real server."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from pigeon.sdk import Client, Event, EventKind, Resynced
from pigeon.sdk.handlers import Handlers
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S
from tests.sdk.conftest import Users
from tests.sdk.test_recovery import pigeon


@contextlib.asynccontextmanager
async def running(client: Client) -> AsyncIterator[None]:
    """``client.run()`` in a task for the body; cancelled and awaited at the end."""
    runner = asyncio.create_task(client.run())
    try:
        yield
    finally:
        runner.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await runner


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
    async with running(alice):
        sent = await alice.send(conv, "helo")
        await http.add_member(conv, "carol")
        await alice.edit(conv, sent.seq, "hello")
        await alice.delete(conv, sent.seq)
        await asyncio.wait_for(done.wait(), TIMEOUT_S)
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


async def test_on_resync_runs_after_a_restore(
    fast_server: ServerProcess, users: Users, tmp_path: Path
) -> None:
    """After the server is restored from a backup, run() calls on_resync once, then the
    message handler with the restored log from seq 2 on."""
    http = await users.http_for("alice")
    await users.token("bob")
    conv = (await http.direct("bob")).conv
    await http.send(conv, "kept")
    bob = await users.client("bob", backoff_max_s=0.2)
    seen: list[str] = []
    lost_seen, kept_twice = asyncio.Event(), asyncio.Event()

    def on_message(event: Event) -> None:
        seen.append(f"{event.seq} {event.body}")
        if event.body == "lost":
            lost_seen.set()
        if seen.count("2 kept") == 2:
            kept_twice.set()

    bob.on_message(on_message)
    bob.on_resync(lambda notice: seen.append(notice.reason))
    async with running(bob):
        backup = tmp_path / "backup.db"
        pigeon("backup", str(backup), "--data", str(fast_server.data_dir))
        await http.send(conv, "lost")
        await asyncio.wait_for(lost_seen.wait(), TIMEOUT_S)  # bob holds the old epoch's cursors
        fast_server.kill()
        pigeon("restore", str(backup), "--data", str(fast_server.data_dir))
        fast_server.restart()
        await asyncio.wait_for(kept_twice.wait(), TIMEOUT_S)
    assert seen == ["2 kept", "3 lost", "resync_required", "2 kept"]
