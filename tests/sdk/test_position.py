"""The app's saved position (issue 15, item 5): batched by default, exact on request."""

from __future__ import annotations

import json
from pathlib import Path

from pigeon.sdk import Event
from tests.sdk.conftest import Users, take_until


def saved_cursor(state: Path, conv: str) -> int | None:
    if not state.exists():
        return None
    cursor: int | None = json.loads(state.read_text())["cursors"].get(conv)
    return cursor


async def test_save_position_writes_the_event_in_hand(users: Users, tmp_path: Path) -> None:
    """The event the app holds is not saved until it asks for the next one (so a crash
    repeats it); save_position() counts it as finished and saves it at once, and a client
    started from that file resumes after it."""
    state = tmp_path / "alice.json"
    http = await users.http_for("alice")
    await users.token("bob")
    conv = (await http.direct("bob")).conv
    for i in range(3):
        await http.send(conv, f"m{i}")
    alice = await users.client("alice", state=state)
    await take_until(alice, conv, 4)
    assert saved_cursor(state, conv) != 4  # seq 4 is in hand, not finished
    alice.save_position()
    assert saved_cursor(state, conv) == 4
    await http.send(conv, "after")
    again = await users.client("alice", state=state)
    [first, *_] = await take_until(again, conv, 5)
    assert isinstance(first, Event) and (first.conv, first.seq) == (conv, 5)
