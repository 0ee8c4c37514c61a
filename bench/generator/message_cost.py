"""The generator's own Python cost per S1 message, without sockets (D56).

One worker's clients, in direct conversations, each connected to a link that keeps what it
is given; every message is fired on the schedule's path (``Client.fire``), then answered
the way a node answers it: an ack to the sender, the event pushed to the sender and to the
peer (three frames in, as in S1), each fed through ``Client.on_frame``. The figure is this
thread's CPU per message, beside the machine-speed probe's reading (pigeon.bench.probe):
compare builds by alternating them, at reference speed.

usage: python bench/generator/message_cost.py [messages] [rounds]
"""

from __future__ import annotations

import sys
import time

from pigeon.bench import probe
from pigeon.bench.plan import Phase, WorkerConfig
from pigeon.bench.provision import ClientSpec
from pigeon.bench.worker import Client, Link, Worker, now_us

USERS = 1000
BODY = "x" * 64


class KeepLast(Link):
    def __init__(self) -> None:
        self.last = b""

    def send(self, data: bytes) -> None:
        self.last = data

    def abort(self) -> None:
        pass


def event_frame(conv: str, seq: int, sender: str, sent: bytes) -> bytes:
    """The push of a message, as a node sends it, carrying the send's client_msg_id and meta."""
    text = sent.decode()
    cmid = text.split('"client_msg_id":"', 1)[1].split('"', 1)[0]
    meta = text.split('"meta":', 1)[1][:-1]
    return (
        f'{{"type":"event","event":{{"conv":"{conv}","seq":{seq},"kind":"message",'
        f'"sender":"{sender}","ts":1795525231002,"client_msg_id":"{cmid}","body":"{BODY}",'
        f'"meta":{meta}}}}}'
    ).encode()


def setup() -> tuple[Worker, list[tuple[Client, Client, str]]]:
    specs = [
        ClientSpec(idx=i, handle=f"u{i}", token=f"u{i}", convs=[f"c{i // 2}"]) for i in range(USERS)
    ]
    cfg = WorkerConfig(
        worker_id=0,
        ws_url="ws://127.0.0.1:1/v1/ws",
        epoch="e",
        clients=specs,
        phases=[Phase("steady", 1, 1000.0)],
        run_tag="abc123",
        rate_share=1.0,
    )
    worker = Worker(cfg, None, [0] * 6)  # type: ignore[arg-type]
    worker.start_us = now_us()
    worker.started = True
    for c in worker.clients:
        c.link = KeepLast()
        c.open = True
    pairs = [(worker.clients[i], worker.clients[i + 1], f"c{i // 2}") for i in range(0, USERS, 2)]
    return worker, pairs


def frames(messages: int) -> list[tuple[int, bytes, bytes]]:
    """Each message's intended time, its ack and its push, made by a first pass through the
    same code, so that the timed pass does nothing but the generator's own work."""
    _, pairs = setup()
    seqs = dict.fromkeys((conv for _, _, conv in pairs), 0)
    out = []
    for i in range(messages):
        sender, _, conv = route(pairs, i)
        t = now_us()
        sender.fire(t)
        assert isinstance(sender.link, KeepLast)
        sent = sender.link.last
        rid = int(sent.split(b'"id":', 1)[1].split(b",", 1)[0])
        seqs[conv] += 1
        ack = b'{"type":"ack","id":%d,"conv":"%s","seq":%d,"ts":1}' % (
            rid,
            conv.encode(),
            seqs[conv],
        )
        out.append((t, ack, event_frame(conv, seqs[conv], sender.token, sent)))
    return out


def route(pairs: list[tuple[Client, Client, str]], i: int) -> tuple[Client, Client, str]:
    """The sender, the peer and the conversation of message ``i``."""
    sender, peer, conv = pairs[i % len(pairs)]
    return (peer, sender, conv) if i % 2 else (sender, peer, conv)


def one_round(messages: int) -> float:
    """CPU µs per message of ``messages`` messages through the generator's code."""
    made = frames(messages)
    worker, pairs = setup()
    began = time.thread_time_ns()
    for i, (t, ack, push) in enumerate(made):
        sender, peer, _ = route(pairs, i)
        sender.fire(t)
        sender.on_frame(ack)
        sender.on_frame(push)
        peer.on_frame(push)
    used = (time.thread_time_ns() - began) / 1000
    counts = worker.counts
    assert not any(counts[k] for k in ("duplicated", "reordered", "phantom", "unknown_replies"))
    assert sum(iv.acked for iv in worker.intervals.values()) == messages
    assert sum(iv.delivered for iv in worker.intervals.values()) == messages
    return used / messages


def main() -> None:
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    for _ in range(rounds):
        before = probe.probe_us()
        per_msg = one_round(messages)
        after = probe.probe_us()
        speed = probe.speed(before, after)
        print(
            f"{per_msg:6.1f} µs/msg  at reference {probe.at_reference(per_msg, speed):6.1f}  "
            f"(probe {before:.0f} → {after:.0f} µs)"
        )


if __name__ == "__main__":
    main()
