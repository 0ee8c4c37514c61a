"""The embedded node under power loss (G1, D58): a real server on SQLite, its data directory
on the lossy filesystem. Messages are acked; the power is cut (the server SIGKILLed, the
unsynced writes dropped); the machine comes back: every acked message is there, once, at its
acked seq. The negative control, on a disk that lies about fsync, loses acked messages: so the
first test can fail, and what it proves is the store's fsync before the ack."""

from __future__ import annotations

from pathlib import Path

import pytest

from pigeon.chaos.lossyfs import LossyMount
from pigeon.core.records import Event, EventKind
from pigeon.errors import ErrorCode
from pigeon.sdk import ApiError, Client, HttpClient
from tests.helpers.lossyfs import lossy_mount
from tests.helpers.server import ServerProcess

MESSAGES = 40
PASSWORD = "power loss test password"

pytestmark = pytest.mark.durable("cuts the power under the store and counts what it kept")


async def _stored_after_power_cut(mount: LossyMount) -> tuple[dict[str, int], list[str] | None]:
    """Set up two users in a conversation and shut down cleanly, then send MESSAGES acked
    messages and cut the power. Returns the acks (client_msg_id -> seq) and the
    client_msg_ids of the messages stored after the machine came back, in seq order (None:
    the account itself is gone)."""
    server = ServerProcess(mount.mountpoint / "data", env={"PIGEON_SEND_RATE_PER_S": "100000"})
    server.start()
    try:
        async with HttpClient(server.url) as http:
            for handle in ("ann", "ben"):
                await http.register(handle, PASSWORD)
            token = (await http.login("ann", PASSWORD)).token
            http.token = token
            conv = (await http.direct("ben")).conv
        server.terminate()
        mount.stop()  # a clean shutdown: the setup is on the disk
        mount.start()
        server.start()

        acked: dict[str, int] = {}
        async with Client(server.url, token) as client:
            for i in range(MESSAGES):
                result = await client.send(conv, f"message {i}", client_msg_id=f"m{i}")
                acked[f"m{i}"] = result.seq

        server.kill()
        mount.power_cut()
        mount.start()  # the machine comes back
        server.start()
        events: list[Event] = []
        async with HttpClient(server.url, token) as http:
            while True:
                try:
                    page = await http.history(conv, after=len(events), limit=1000)
                except ApiError as exc:
                    # On a lying disk SQLite's checkpoint at the restart can be lost while
                    # the WAL's removal is not (names are durable at once): the setup goes.
                    if exc.code is not ErrorCode.UNAUTHENTICATED:
                        raise
                    return acked, None
                events.extend(page.events)
                if not page.more:
                    break
        assert [e.seq for e in events] == list(range(1, len(events) + 1))  # gapless
        return acked, [e.client_msg_id or "" for e in events if e.kind is EventKind.MESSAGE]
    finally:
        server.kill()


async def test_every_acked_message_survives_a_power_cut(tmp_path: Path) -> None:
    with lossy_mount(tmp_path) as mount:
        acked, stored = await _stored_after_power_cut(mount)
    assert len(acked) == MESSAGES
    assert stored == list(acked)  # all there, once each, in the order sent
    seqs = list(acked.values())
    assert seqs == sorted(seqs)


async def test_on_a_disk_that_lies_about_fsync_acked_messages_are_lost(tmp_path: Path) -> None:
    """The negative control: the same run, fsync reaching nothing."""
    with lossy_mount(tmp_path, lie_about_fsync=True) as mount:
        acked, stored = await _stored_after_power_cut(mount)
    assert len(acked) == MESSAGES
    lost = MESSAGES - len(stored or [])
    assert lost > 0, "the layer lost nothing: the power-cut test proves nothing"
