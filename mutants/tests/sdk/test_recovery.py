"""The Client through failures of the server: kill -9, graceful restart, restore from backup."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from pigeon.sdk import ApiError, Client, ErrorCode, Event, EventKind, Resynced
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S
from tests.sdk.conftest import Users, next_delivery, take_events, take_until


def pigeon(*args: str) -> None:
    """Run ``python -m pigeon ARGS`` and fail loudly if it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "pigeon", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr


class TestReconnect:
    """G1, G2, G4 across a server crash: the outbox resends, nothing is lost or repeated."""

    async def test_sigkill_and_restart_loses_and_repeats_nothing(
        self, fast_server: ServerProcess, users: Users
    ) -> None:
        """Sends in flight when the server is SIGKILLed, and sends made while it is down, are
        all acked after the restart with one seq each; the receiver gets every event once."""
        http = await users.http_for("alice")
        await users.token("bob")
        conv = (await http.direct("bob")).conv
        alice = await users.client("alice", backoff_max_s=0.2)
        bob = await users.client("bob", backoff_max_s=0.2)
        early = [await alice.send(conv, f"early {i}") for i in range(5)]
        assert [a.seq for a in early] == [2, 3, 4, 5, 6]
        await take_until(bob, conv, 6)
        in_flight = [asyncio.ensure_future(alice.send(conv, f"flight {i}")) for i in range(20)]
        # Kill as soon as the first of the batch is acked: the rest are then acked, committed
        # but not yet acked, or not yet sent.
        await asyncio.wait(in_flight, timeout=TIMEOUT_S, return_when=asyncio.FIRST_COMPLETED)
        fast_server.kill()
        while_down = [asyncio.ensure_future(alice.send(conv, f"down {i}")) for i in range(10)]
        fast_server.restart()
        acks = await asyncio.wait_for(asyncio.gather(*in_flight, *while_down), TIMEOUT_S)
        seqs = sorted(a.seq for a in acks)
        assert seqs == list(range(7, 37)), seqs
        got = await take_until(bob, conv, 36)
        events = [e for e in got if isinstance(e, Event)]
        assert [e.seq for e in events] == list(range(7, 37))
        bodies = sorted(e.body or "" for e in events)
        expected = sorted([f"flight {i}" for i in range(20)] + [f"down {i}" for i in range(10)])
        assert bodies == expected
        page = await http.history(conv, after=0, limit=1000)
        assert page.last_seq == 36 and len(page.events) == 36

    async def test_graceful_restart_goodbye_then_resume(
        self, fast_server: ServerProcess, users: Users
    ) -> None:
        """SIGTERM says goodbye; the client reconnects to the restarted server and resumes
        from its cursors: what was sent meanwhile arrives, nothing twice."""
        http = await users.http_for("alice")
        await users.token("bob")
        conv = (await http.direct("bob")).conv
        bob = await users.client("bob", backoff_max_s=0.2)
        await http.send(conv, "before")
        await take_until(bob, conv, 2)
        assert fast_server.terminate() == 0
        fast_server.restart()
        await http.send(conv, "after")
        [event] = await take_events(bob, 1)
        assert (event.seq, event.body) == (3, "after")
        assert bob.statistics().connections >= 2


class TestResync:
    """G4 with a restored store: cursors from a lost future are refused; the client resyncs."""

    async def test_restore_from_backup_resyncs_from_seq_1(
        self, fast_server: ServerProcess, users: Users, tmp_path: Path
    ) -> None:
        """After a restore, the client yields Resynced, then the restored log from seq 1, then
        new events; its state file starts over under the new epoch."""
        state = tmp_path / "bob-state.json"
        http = await users.http_for("alice")
        await users.token("bob")
        conv = (await http.direct("bob")).conv
        for i in range(3):
            await http.send(conv, f"kept {i}")
        bob = await users.client("bob", state=state, backoff_max_s=0.2)
        await take_until(bob, conv, 4)
        old_epoch = bob.statistics().epoch
        backup = tmp_path / "backup.db"
        pigeon("backup", str(backup), "--data", str(fast_server.data_dir))
        for i in range(2):
            await http.send(conv, f"lost {i}")
        await take_until(bob, conv, 6)
        fast_server.kill()
        pigeon("restore", str(backup), "--data", str(fast_server.data_dir))
        fast_server.restart()
        notice = await next_delivery(bob)
        assert isinstance(notice, Resynced)
        replay = await take_events(bob, 4)
        assert [e.seq for e in replay] == [1, 2, 3, 4]
        assert replay[0].kind is EventKind.CREATED
        assert [e.body for e in replay[1:]] == ["kept 0", "kept 1", "kept 2"]
        await http.send(conv, "new future")
        [new] = await take_events(bob, 1)
        assert (new.seq, new.body) == (5, "new future")
        assert bob.statistics().epoch not in (None, old_epoch)

    async def test_http_reader_naming_the_old_epoch_gets_resync_required(
        self, fast_server: ServerProcess, users: Users, tmp_path: Path
    ) -> None:
        """Pages and conversation lists carry the epoch; after a restore, an HTTP reader that
        names the old one gets resync_required instead of paging on through another history
        (where the seqs after its position are other messages, or none)."""
        http = await users.http_for("alice")
        await users.token("bob")
        conv = (await http.direct("bob")).conv
        for i in range(3):
            await http.send(conv, f"kept {i}")
        first = await http.history(conv, after=0, limit=2)
        listing = await http.conversations(limit=1)
        assert first.epoch == listing.epoch and first.more
        backup = tmp_path / "backup.db"
        pigeon("backup", str(backup), "--data", str(fast_server.data_dir))
        for i in range(3):
            await http.send(conv, f"lost {i}")
        fast_server.kill()
        pigeon("restore", str(backup), "--data", str(fast_server.data_dir))
        fast_server.restart()
        with pytest.raises(ApiError) as caught:
            await http.history(conv, after=2, limit=2, epoch=first.epoch)
        assert caught.value.code is ErrorCode.RESYNC_REQUIRED
        with pytest.raises(ApiError) as caught:
            await http.conversations(cursor=conv, epoch=listing.epoch)
        assert caught.value.code is ErrorCode.RESYNC_REQUIRED
        again = await http.history(conv, after=0)
        assert again.epoch != first.epoch and again.last_seq == 4
        page = await http.history(conv, after=2, epoch=again.epoch)
        assert [e.body for e in page.events] == ["kept 1", "kept 2"]


async def test_refused_token_stops_the_client(fast_server: ServerProcess) -> None:
    """A token the server refuses is fatal (reconnecting cannot help): waiting calls raise
    unauthenticated instead of hanging."""
    async with Client(fast_server.url, "not-a-token") as client:
        with pytest.raises(ApiError) as caught:
            await asyncio.wait_for(client.next_event(), TIMEOUT_S)
        assert caught.value.code is ErrorCode.UNAUTHENTICATED
        with pytest.raises(ApiError) as caught:
            await asyncio.wait_for(client.send("c0000000000000000", "x"), TIMEOUT_S)
        assert caught.value.code is ErrorCode.UNAUTHENTICATED
