"""The crash test: SDK clients send into shared conversations while the server is killed with
SIGKILL (or drained with SIGTERM) at random moments and restarted, several times (G1–G4).

Afterwards: every acked message is stored exactly once with its acked seq, every
conversation's seqs are gapless, and every client's view equals the store's log.
"""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from pathlib import Path

import pytest

from pigeon.core.records import Event, EventKind
from pigeon.sdk import Client, HttpClient
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

USERS = ("ann", "ben", "cat", "dan")
MESSAGES_PER_USER = 60
IN_FLIGHT_PER_USER = 3
KILLS = 5
PASSWORD = "crash test password"

pytestmark = pytest.mark.durable("restarts the node and checks every acked message is kept")


async def read_log(http: HttpClient, conv: str) -> list[Event]:
    events: list[Event] = []
    while True:
        page = await http.history(conv, after=len(events), limit=1000)
        events.extend(page.events)
        if not page.more:
            return events


class View:
    """What one client's app has seen, per conversation, and a way to await completeness."""

    def __init__(self) -> None:
        self.events: dict[str, list[Event]] = defaultdict(list)
        self.changed = asyncio.Condition()

    async def consume(self, client: Client) -> None:
        async for event in client.events():
            assert isinstance(event, Event), f"unexpected {event!r}: no restore happened here"
            async with self.changed:
                self.events[event.conv].append(event)
                self.changed.notify_all()

    async def wait_for(self, ends: dict[str, int]) -> None:
        def complete() -> bool:
            return all(
                (self.events[conv][-1].seq if self.events[conv] else 0) >= end
                for conv, end in ends.items()
            )

        async with self.changed:
            await asyncio.wait_for(self.changed.wait_for(complete), TIMEOUT_S)


@pytest.mark.crash
@pytest.mark.timeout(300)
@pytest.mark.parametrize("stop", ["kill-1", "kill-2", "kill-3", "terminate"])
async def test_acked_messages_survive_repeated_restarts(tmp_path: Path, stop: str) -> None:
    """Kill -9 (or SIGTERM: a drain) the server 5 times while 4 SDK clients send: nothing
    acked is lost or doubled, logs stay gapless, and every client's view equals the store.
    Three independent random runs with SIGKILL, one with graceful drains."""
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    server = ServerProcess(
        tmp_path / "data", env={"PIGEON_SEND_RATE_PER_S": "100000", "PIGEON_SEND_BURST": "100000"}
    ).start()
    clients: list[Client] = []
    consumers: list[asyncio.Task[None]] = []
    try:
        tokens: dict[str, str] = {}
        async with HttpClient(server.url) as http:
            for handle in USERS:
                await http.register(handle, PASSWORD)
                tokens[handle] = (await http.login(handle, PASSWORD)).token
            http.token = tokens["ann"]
            group = (await http.group("all", list(USERS[1:]))).conv
            direct_ab = (await http.direct("ben")).conv
            http.token = tokens["cat"]
            direct_cd = (await http.direct("dan")).conv
        convs_of = {
            "ann": [group, direct_ab],
            "ben": [group, direct_ab],
            "cat": [group, direct_cd],
            "dan": [group, direct_cd],
        }

        views = {handle: View() for handle in USERS}
        for handle in USERS:
            client = Client(server.url, tokens[handle])
            await client.__aenter__()
            clients.append(client)
            consumers.append(asyncio.create_task(views[handle].consume(client)))

        acked: dict[tuple[str, str, str], int] = {}  # (conv, sender, client_msg_id) -> seq
        progress = asyncio.Condition()

        async def sender(handle: str, client: Client) -> None:
            slots = asyncio.Semaphore(IN_FLIGHT_PER_USER)

            async def one(i: int) -> None:
                conv = convs_of[handle][i % 2]
                cmid = f"{handle}-{i}"
                async with slots:
                    result = await client.send(conv, f"{handle} says {i}", client_msg_id=cmid)
                async with progress:
                    acked[(conv, handle, cmid)] = result.seq
                    progress.notify_all()

            await asyncio.gather(*(one(i) for i in range(MESSAGES_PER_USER)))

        total = len(USERS) * MESSAGES_PER_USER
        exit_codes: list[int] = []
        kill_points = sorted(rng.sample(range(5, total - 5), KILLS))

        async def chaos() -> None:
            for point in kill_points:
                async with progress:
                    await progress.wait_for(lambda p=point: len(acked) >= p)  # type: ignore[misc]
                if stop == "terminate":
                    exit_codes.append(await asyncio.to_thread(server.terminate))
                else:
                    await asyncio.to_thread(server.kill)
                await asyncio.to_thread(server.restart)

        try:
            await asyncio.wait_for(
                asyncio.gather(
                    chaos(), *(sender(h, c) for h, c in zip(USERS, clients, strict=True))
                ),
                TIMEOUT_S * 4,
            )
        except TimeoutError:
            stats = [c.statistics() for c in clients]
            raise AssertionError(
                f"stuck: seed={seed} kill_points={kill_points} acked={len(acked)} {stats} "
                f"server log tail: {server.raw_lines[-15:]}"
            ) from None

        # The store's log, read fresh from the server.
        logs: dict[str, list[Event]] = {}
        async with HttpClient(server.url, tokens["ann"]) as http:
            logs[group] = await read_log(http, group)
            logs[direct_ab] = await read_log(http, direct_ab)
            http.token = tokens["cat"]
            logs[direct_cd] = await read_log(http, direct_cd)

        context = f"seed={seed} kill_points={kill_points}"
        # The server really died and came back each time, and every client reconnected (two
        # kills close together may fall inside one reconnect, so not necessarily each time).
        assert sum(e.get("event") == "listening" for e in server.logs) == KILLS + 1, context
        if stop == "terminate":  # every drain finished in time and exited cleanly
            assert exit_codes == [0] * KILLS, context
            drained = [e for e in server.logs if e.get("event") == "stopped"]
            assert len(drained) == KILLS, context
        for client in clients:
            assert client.statistics().connections >= 2, context
        for events in logs.values():
            assert [e.seq for e in events] == list(range(1, len(events) + 1)), context
        stored: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for conv, events in logs.items():
            for e in events:
                if e.kind is EventKind.MESSAGE:
                    assert e.client_msg_id is not None
                    stored[(conv, e.sender, e.client_msg_id)].append(e.seq)
        assert len(acked) == total, context
        for key, seq in acked.items():
            assert stored[key] == [seq], f"{key}: acked {seq}, stored {stored[key]} ({context})"
        assert set(stored) == set(acked), context  # nothing stored that was never sent

        for handle in USERS:
            ends = {conv: len(logs[conv]) for conv in convs_of[handle]}
            await views[handle].wait_for(ends)
            for conv in convs_of[handle]:
                assert views[handle].events[conv] == logs[conv], f"{handle} {conv} {context}"
    finally:
        for task in consumers:
            task.cancel()
        await asyncio.gather(*consumers, return_exceptions=True)
        for client in clients:
            await client.__aexit__(None, None, None)
        server.kill()
