"""The generator's own checks, without a server: what it counts as an anomaly must be one."""

from __future__ import annotations

import asyncio
from collections import Counter

import msgspec

from pigeon.bench.provision import ClientSpec
from pigeon.bench.worker import Client

ENCODE = msgspec.json.encode


class RecordingLink:
    def __init__(self, sent: list[dict[str, object]]) -> None:
        self.sent = sent

    def send(self, data: bytes) -> None:
        self.sent.append(msgspec.json.decode(data))

    def abort(self) -> None:
        pass


class StandInWorker:
    """What a :class:`Client` uses of its worker; not started, so a drop does not reconnect."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.epoch = "e1"
        self.started = self.closing = False
        self.sent: list[dict[str, object]] = []
        self.linked = asyncio.Event()

    async def open_link(self, client: Client) -> RecordingLink:
        self.linked.set()
        return RecordingLink(self.sent)


async def connected(client: Client, worker: StandInWorker) -> None:
    """Connect, and answer the hello with a welcome."""
    worker.linked.clear()
    connecting = asyncio.ensure_future(client.connect())
    await worker.linked.wait()
    await asyncio.sleep(0)  # connect() sends its hello once open_link returns
    client.on_frame(ENCODE({"type": "welcome", "id": client.hello_id, "epoch": "e1"}))
    await connecting


def pushed(conv: str, seq: int) -> bytes:
    return ENCODE({"type": "event", "event": {"conv": conv, "seq": seq, "kind": "joined"}})


async def test_a_push_held_behind_a_gap_may_come_again_in_order_on_the_next_connection() -> None:
    worker = StandInWorker()
    client = Client(worker, ClientSpec(idx=0, handle="a", convs=["c"], sends=False), {"c": 0})  # type: ignore[arg-type]
    await connected(client, worker)
    client.on_frame(pushed("c", 2))  # seq 1 never came: 2 is held, and 1 pulled
    assert client.cursor["c"] == 0
    client.on_closed()  # dropped before the page came
    await connected(client, worker)
    assert worker.sent[-1]["cursors"] == {"c": 0}
    # The new connection pushes from the cursor its hello sent: 1, then 2 again.
    client.on_frame(pushed("c", 1))
    client.on_frame(pushed("c", 2))
    assert client.cursor["c"] == 2
    assert worker.counts["push_reordered"] == worker.counts["push_duplicated"] == 0
