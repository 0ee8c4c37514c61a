"""A generator worker process: many WebSocket clients on one uvloop, speaking raw frames.

Each client keeps, per conversation, the cursor of what it has applied (events are applied
strictly in seq order, gaps are filled by ``history`` pulls, as the protocol's Timeline does),
checks every message it applies (per sender connection, the sender's counter ``n`` must grow:
otherwise duplicated or reordered; a message the generator never sent is a phantom), and
records the end-to-end latency from the send's *intended* time (open loop: the schedule never
waits for replies, so a slow server cannot hide its latency).

The coordinator talks to the worker over a pipe: ``ready`` → ``go`` → (``drop``) →
``sent_done`` → ``targets`` → ``result``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import resource
import time
from collections import deque
from multiprocessing.connection import Connection
from typing import Any, Protocol

import msgspec

from pigeon.bench import stats
from pigeon.bench.plan import INTERVAL_S, WorkerConfig
from pigeon.bench.provision import ClientSpec

# Progress counters shared with the coordinator, per worker.
P_CONNECTED, P_SENT, P_ACKED, P_DELIVERED, P_REFUSED, P_CAUGHT_UP = range(6)
N_PROGRESS = 6

HELD_MAX = 10_000
OUTBOX_MAX = 100_000
HISTORY_LIMIT = 1000
HELLO_TIMEOUT_S = 30.0
REFUSALS = ("rate_limited", "busy")
# S4's requests beside the sends (WorkerConfig.mix): history pages of this many events, and
# at most this many hello probes (each a new connection) open at once per worker.
PROBE_HISTORY_LIMIT = 20
HELLO_PROBES_MAX = 100


def now_us() -> int:
    return time.monotonic_ns() // 1000


class Meta(msgspec.Struct):
    t: int = 0
    c: int = -1
    n: int = -1
    r: str = ""


class Event(msgspec.Struct):
    conv: str
    seq: int
    kind: str
    meta: Meta | None = None


class Frame(msgspec.Struct):
    type: str
    id: int | None = None
    seq: int = 0
    duplicate: bool = False
    event: Event | None = None
    events: list[Event] | None = None
    more: bool = False
    last_seq: int = 0
    behind: dict[str, int] | None = None
    epoch: str | None = None
    code: str | None = None


DECODE = msgspec.json.Decoder(Frame).decode
ENCODE = msgspec.json.encode


class Interval:
    """Counts and histograms of the sends whose intended time falls in one interval."""

    __slots__ = (
        "ack",
        "acked",
        "busy",
        "delivered",
        "e2e",
        "errors",
        "pulled",
        "rate_limited",
        "refusal",
        "sent",
    )

    def __init__(self) -> None:
        self.sent = self.acked = self.delivered = self.pulled = 0
        self.rate_limited = self.busy = self.errors = 0
        self.e2e = stats.Recorder()
        self.ack = stats.Recorder()
        self.refusal = stats.Recorder()

    def export(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "acked": self.acked,
            "delivered": self.delivered,
            "pulled": self.pulled,
            "rate_limited": self.rate_limited,
            "busy": self.busy,
            "errors": self.errors,
            "e2e": self.e2e.encode(),
            "ack": self.ack.encode(),
            "refusal": self.refusal.encode(),
        }


class ClassStats:
    """S4: requests of one kind whose intended time falls in one interval, and how they fared."""

    __slots__ = ("busy", "errors", "latency", "rate_limited", "refusal", "sent", "served")

    def __init__(self) -> None:
        self.sent = self.served = self.busy = self.rate_limited = self.errors = 0
        self.latency = stats.new_hist()
        self.refusal = stats.new_hist()

    def answered(self, code: str | None, t: int) -> None:
        """The answer to a request of intended time ``t``: ``code`` None when served."""
        if code is None:
            self.served += 1
            stats.record(self.latency, now_us() - t)
        elif code in REFUSALS:
            if code == "busy":
                self.busy += 1
            else:
                self.rate_limited += 1
            stats.record(self.refusal, now_us() - t)
        else:
            self.errors += 1

    def export(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "served": self.served,
            "busy": self.busy,
            "rate_limited": self.rate_limited,
            "errors": self.errors,
            "latency": stats.encode(self.latency),
            "refusal": stats.encode(self.refusal),
        }


class Receiver(Protocol):
    """What a link reports to: a client, or a hello probe."""

    def on_frame(self, data: bytes | str) -> None: ...

    def on_closed(self) -> None: ...


class HelloProbe:
    """S4: a connection opened only to time its hello's answer."""

    def __init__(self) -> None:
        self.answer: asyncio.Future[Frame] = asyncio.get_running_loop().create_future()

    def on_frame(self, data: bytes | str) -> None:
        with contextlib.suppress(msgspec.DecodeError):
            f = DECODE(data)
            if f.type in ("welcome", "error") and not self.answer.done():
                self.answer.set_result(f)

    def on_closed(self) -> None:
        if not self.answer.done():
            self.answer.set_exception(ConnectionError("closed before the welcome"))


class Link:
    """A connection's send side, whatever the library."""

    def send(self, data: bytes) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError


async def open_picows(url: str, client: Receiver) -> Link:
    from picows import WSFrame, WSListener, WSMsgType, WSTransport, ws_connect

    class Listener(WSListener):
        def on_ws_frame(self, transport: WSTransport, frame: WSFrame) -> None:
            kind = frame.msg_type
            if kind is WSMsgType.TEXT or kind is WSMsgType.BINARY:
                client.on_frame(frame.get_payload_as_bytes())
            elif kind is WSMsgType.CLOSE:
                transport.send_close(frame.get_close_code())
                transport.disconnect()

        def on_ws_disconnected(self, transport: WSTransport) -> None:
            client.on_closed()

    class PicowsLink(Link):
        def __init__(self, transport: WSTransport) -> None:
            self.transport = transport

        def send(self, data: bytes) -> None:
            self.transport.send(WSMsgType.TEXT, data)

        def abort(self) -> None:
            self.transport.disconnect(graceful=False)

    transport, _ = await ws_connect(Listener, url, read_buffer_init_size=4096)
    if transport.is_disconnected:
        # picows 2.3 returns normally, and never calls on_ws_disconnected, when the connection
        # is lost during the handshake (a server being killed): without this check the client
        # would send its hello into a dead socket and wait out HELLO_TIMEOUT_S.
        raise ConnectionError("connection lost during the websocket handshake")
    return PicowsLink(transport)


async def open_aiohttp(url: str, client: Receiver, session: Any) -> Link:
    import aiohttp

    ws = await session.ws_connect(url, autoclose=False, autoping=True, max_msg_size=0)

    class AiohttpLink(Link):
        def __init__(self) -> None:
            self.queue: deque[bytes] = deque()
            self.flushing = False
            self.reader = asyncio.get_running_loop().create_task(self.read())

        async def read(self) -> None:
            try:
                async for msg in ws:
                    if msg.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                        client.on_frame(msg.data)
                    elif msg.type is aiohttp.WSMsgType.CLOSE:
                        await ws.close()
            finally:
                client.on_closed()

        def send(self, data: bytes) -> None:
            self.queue.append(data)
            if not self.flushing:
                self.flushing = True
                asyncio.get_running_loop().create_task(self.flush())

        async def flush(self) -> None:
            try:
                while self.queue and not ws.closed:
                    await ws.send_bytes(self.queue.popleft())
            except (ConnectionError, RuntimeError):
                pass
            finally:
                self.flushing = False

        def abort(self) -> None:
            transport = ws._response.connection and ws._response.connection.transport
            if transport is not None:
                transport.abort()

    return AiohttpLink()


class Client:
    """One generator connection and everything it has seen."""

    def __init__(self, w: Worker, spec: ClientSpec, cursors: dict[str, int]) -> None:
        self.w = w
        self.idx = spec.idx
        self.token = spec.token
        self.convs = spec.convs
        self.sends = spec.sends and bool(spec.convs)
        self.cursor: dict[str, int] = {c: cursors.get(c, 0) for c in spec.convs}
        self.last_push: dict[str, int] = dict(self.cursor)
        self.held: dict[str, dict[int, Event]] = {c: {} for c in spec.convs}
        self.need: dict[str, int] = {}
        self.pulling: set[str] = set()
        self.repull: set[str] = set()
        self.page_req: dict[int, str] = {}
        self.lastn: dict[tuple[str, int], int] = {}
        self.pending: dict[int, tuple[str, int, int, bytes]] = {}  # id -> (conv, t, n, frame)
        self.probes: dict[int, tuple[str, int]] = {}  # S4: id -> (kind, t)
        self.outbox: deque[tuple[str, int, int]] = deque()  # (conv, t, n) while offline
        self.link: Link | None = None
        self.open = False
        self.hello_id = -1
        self.next_id = 1
        self.next_n = 0
        self.conv_rr = 0
        self.connects = 0
        self.dropped_at = 0
        self.drops: list[tuple[int, int]] = []  # (dropped_at, caught_up_at)
        self.waiter: asyncio.Future[None] | None = None
        self.reconnecting = False

    # -- connection --------------------------------------------------------------------

    async def connect(self) -> None:
        w = self.w
        loop = asyncio.get_running_loop()
        self.waiter = loop.create_future()
        self.link = await w.open_link(self)
        self.connects += 1
        self.hello_id = self.next_id
        self.next_id += 1
        # Pushes are in seq order per connection, and a new one starts after the cursors
        # its hello sends: a push the last connection saw past them (held behind a gap) may
        # come again, in order, on this one.
        self.last_push = dict(self.cursor)
        # ack_delivers: our sends' acks are their delivery here; the server pushes them to
        # everyone else (docs/DECISIONS.md D60), one frame fewer per message.
        hello: dict[str, Any] = {
            "type": "hello",
            "id": self.hello_id,
            "token": self.token,
            "ack_delivers": True,
        }
        if w.epoch:
            hello["epoch"] = w.epoch
            hello["cursors"] = self.cursor
        self.link.send(ENCODE(hello))
        try:
            await asyncio.wait_for(self.waiter, HELLO_TIMEOUT_S)
        except TimeoutError:
            # Say which answer never came: the welcome, or a history page while catching up.
            w.counts["resume_stuck_pulling" if self.open else "resume_stuck_no_welcome"] += 1
            raise

    def on_closed(self) -> None:
        self.link = None
        self.open = False
        self.w.counts["probes_unanswered"] += len(self.probes)
        self.probes.clear()
        self.pulling.clear()
        self.repull.clear()
        self.page_req.clear()
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("closed before caught up"))
        w = self.w
        if w.closing or not w.started or self.reconnecting:
            return
        if not self.dropped_at:
            self.dropped_at = now_us()
        w.counts["drops"] += 1
        self.reconnecting = True
        w.spawn(self.reconnect())

    async def reconnect(self) -> None:
        w = self.w
        deadline = time.monotonic() + w.cfg.reconnect_timeout_s
        backoff = 0.1
        try:
            while not w.closing and time.monotonic() < deadline:
                await asyncio.sleep(random.uniform(0, backoff))
                try:
                    await self.connect()
                    return
                except (TimeoutError, OSError, ConnectionError, RuntimeError) as exc:
                    w.counts["reconnect_failures"] += 1
                    w.last_error = repr(exc)
                    if self.link is not None:
                        self.link.abort()
                        self.link = None
                backoff = min(backoff * 2, 2.0)
        finally:
            self.reconnecting = False

    def on_frame(self, data: bytes | str) -> None:
        try:
            f = DECODE(data)
        except msgspec.DecodeError:
            self.w.counts["undecodable"] += 1
            return
        kind = f.type
        if kind == "event":
            if f.event is not None:
                self.on_event(f.event, True)
        elif kind == "ack":
            self.on_ack(f)
        elif f.id in self.probes:
            kind_sent, t = self.probes.pop(f.id)
            self.w.class_stats(t, kind_sent).answered(f.code if kind == "error" else None, t)
        elif kind == "error":
            self.on_error(f)
        elif kind == "page":
            self.on_page(f)
        elif kind == "welcome":
            self.on_welcome(f)
        elif kind == "lagged":
            self.w.counts["lagged"] += 1
            for conv in self.convs:
                self.pull(conv)
        elif kind == "goodbye":
            self.w.counts["goodbyes"] += 1

    def on_welcome(self, f: Frame) -> None:
        w = self.w
        self.open = True
        if f.epoch and w.epoch and f.epoch != w.epoch:
            w.counts["epoch_changed"] += 1
        w.epoch = f.epoch or w.epoch
        for conv, last in (f.behind or {}).items():
            if conv in self.cursor:
                self.need[conv] = max(self.need.get(conv, 0), last)
                self.pull(conv)
            else:
                w.counts["unknown_conv"] += 1
        assert self.link is not None
        # The outbox: unanswered sends first (same ids, same client_msg_id), then queued ones.
        for rid in sorted(self.pending):
            self.link.send(self.pending[rid][3])
            w.counts["resent"] += 1
        while self.outbox:
            conv, t, n = self.outbox.popleft()
            self.send_message(conv, t, n)
        self.check_caught_up()

    def check_caught_up(self) -> None:
        if not self.open or self.pulling:
            return
        for conv, last in self.need.items():
            if self.cursor[conv] < last:
                return
        self.need.clear()
        if self.dropped_at:
            self.drops.append((self.dropped_at, now_us()))
            self.dropped_at = 0
            self.w.progress[self.w.base + P_CAUGHT_UP] += 1
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    # -- receiving ---------------------------------------------------------------------

    def on_event(self, e: Event, pushed: bool, *, acked: bool = False) -> None:
        """Apply an event, pushed, pulled, or ``acked`` (the ack of our own send, D60: not a
        push, so outside the pushes' order check, but a gap it opens is pulled as a push's)."""
        conv = e.conv
        seq = e.seq
        cur = self.cursor.get(conv)
        if cur is None:
            self.w.counts["unknown_conv"] += 1
            return
        if pushed:
            last = self.last_push[conv]
            if seq <= last:
                # Pushes on one node come in seq order, each once (PROTOCOL.md section 3).
                self.w.counts["push_duplicated" if seq == last else "push_reordered"] += 1
            else:
                self.last_push[conv] = seq
        if seq <= cur:
            return
        if seq == cur + 1:
            self.apply(e, pushed)
            held = self.held[conv]
            while held:
                nxt = held.pop(self.cursor[conv] + 1, None)
                if nxt is None:
                    break
                self.apply(nxt, False)
            if self.need:
                self.check_caught_up()
            return
        held = self.held[conv]
        if len(held) < HELD_MAX:
            held[seq] = e
        else:
            self.w.counts["held_overflow"] += 1
        if pushed or acked:
            self.w.counts["ack_gaps" if acked else "push_gaps"] += 1
            self.pull(conv)

    def apply(self, e: Event, pushed: bool) -> None:
        w = self.w
        conv = e.conv
        self.cursor[conv] = e.seq
        if e.kind != "message":
            return
        m = e.meta
        if m is None or m.r != w.cfg.run_tag:
            if m is None or not m.r:
                w.counts["phantom"] += 1
            return
        key = (conv, m.c)
        last = self.lastn.get(key, -1)
        if m.n == last:
            w.counts["duplicated"] += 1
        elif m.n < last:
            w.counts["reordered"] += 1
        else:
            self.lastn[key] = m.n
        if m.n > w.maxn_seen.get(m.c, -1):
            w.maxn_seen[m.c] = m.n
        if m.c == self.idx:
            return
        iv = w.interval(m.t)
        iv.delivered += 1
        if not pushed:
            iv.pulled += 1
        iv.e2e.add(now_us() - m.t)

    def pull(self, conv: str) -> None:
        if self.link is None or not self.open:
            return
        if conv in self.pulling:
            self.repull.add(conv)
            return
        self.pulling.add(conv)
        rid = self.next_id
        self.next_id += 1
        self.page_req[rid] = conv
        frame = {
            "type": "history",
            "id": rid,
            "conv": conv,
            "after": self.cursor[conv],
            "limit": HISTORY_LIMIT,
        }
        self.link.send(ENCODE(frame))
        self.w.counts["pulls"] += 1

    def on_page(self, f: Frame) -> None:
        conv = self.page_req.pop(f.id or 0, None)
        if conv is None:
            self.w.counts["unknown_replies"] += 1
            return
        self.pulling.discard(conv)
        for e in f.events or ():
            self.on_event(e, False)
        if f.last_seq > self.need.get(conv, 0) and conv in self.need:
            self.need[conv] = f.last_seq
        if f.more or conv in self.repull or self.held[conv]:
            self.repull.discard(conv)
            if f.more or self.cursor[conv] < f.last_seq:
                self.pull(conv)
        self.check_caught_up()

    # -- sending -----------------------------------------------------------------------

    def fire(self, t: int) -> None:
        """One scheduled send at intended time ``t`` (µs)."""
        convs = self.convs
        conv = convs[self.conv_rr % len(convs)]
        self.conv_rr += 1
        n = self.next_n
        self.next_n += 1
        self.w.interval(t).sent += 1
        if self.open and self.link is not None:
            self.send_message(conv, t, n)
        elif len(self.outbox) < OUTBOX_MAX:
            self.outbox.append((conv, t, n))
            self.w.counts["queued_offline"] += 1
        else:
            self.w.counts["dropped_offline"] += 1
        if self.w.cfg.mix:
            self.w.fire_mix(self, conv, t)

    def probe(self, kind: str, conv: str, t: int) -> None:
        """S4: one request of ``kind`` beside a send, timed from the send's intended time."""
        w = self.w
        if kind == "hello":
            if w.hello_probes >= HELLO_PROBES_MAX:
                w.counts["probes_skipped"] += 1
                return
            w.class_stats(t, kind).sent += 1
            w.spawn(w.hello_probe(self.token, t))
            return
        if not self.open or self.link is None:
            w.counts["probes_skipped"] += 1
            return
        w.class_stats(t, kind).sent += 1
        if kind == "typing":
            self.link.send(ENCODE({"type": "typing", "conv": conv}))
            return
        rid = self.next_id
        self.next_id += 1
        self.probes[rid] = (kind, t)
        if kind == "history":
            frame: dict[str, Any] = {"limit": PROBE_HISTORY_LIMIT}
        else:
            frame = {"seq": self.cursor[conv]}
        self.link.send(ENCODE({"type": kind, "id": rid, "conv": conv, **frame}))

    def send_message(self, conv: str, t: int, n: int) -> None:
        w = self.w
        rid = self.next_id
        self.next_id += 1
        frame = w.send_template % (rid, conv, w.cfg.run_tag, self.idx, n, t, self.idx, n)
        data = frame.encode()
        self.pending[rid] = (conv, t, n, data)
        assert self.link is not None
        self.link.send(data)

    def on_ack(self, f: Frame) -> None:
        p = self.pending.pop(f.id or 0, None)
        if p is None:
            self.w.counts["unknown_replies"] += 1
            return
        conv, t, n, _ = p
        w = self.w
        iv = w.interval(t)
        iv.acked += 1
        iv.ack.add(now_us() - t)
        w.acked.setdefault(conv, []).append(f.seq)
        if f.duplicate:
            # Stored by an earlier attempt, whose ack was lost: pulled if not applied yet.
            w.counts["ack_duplicate"] += 1
            if conv in self.cursor and f.seq > self.cursor[conv]:
                self.pull(conv)
            return
        meta = Meta(t=t, c=self.idx, n=n, r=w.cfg.run_tag)
        self.on_event(Event(conv=conv, seq=f.seq, kind="message", meta=meta), False, acked=True)

    def on_error(self, f: Frame) -> None:
        w = self.w
        code = f.code or "?"
        rid = f.id
        if rid is not None and rid == self.hello_id:
            w.errors[f"hello:{code}"] = w.errors.get(f"hello:{code}", 0) + 1
            if self.waiter is not None and not self.waiter.done():
                self.waiter.set_exception(ConnectionError(f"hello refused: {code}"))
            return
        if rid is not None and rid in self.page_req:
            conv = self.page_req.pop(rid)
            self.pulling.discard(conv)
            w.errors[f"history:{code}"] = w.errors.get(f"history:{code}", 0) + 1
            asyncio.get_running_loop().call_later(0.1, self.pull, conv)
            return
        p = self.pending.pop(rid, None) if rid is not None else None
        if p is None:
            w.errors[code] = w.errors.get(code, 0) + 1
            return
        iv = w.interval(p[1])
        if code in REFUSALS:
            if code == "busy":
                iv.busy += 1
            else:
                iv.rate_limited += 1
            iv.refusal.add(now_us() - p[1])
        else:
            iv.errors += 1
            w.errors[f"send:{code}"] = w.errors.get(f"send:{code}", 0) + 1


class Worker:
    def __init__(self, cfg: WorkerConfig, conn: Connection, progress: Any) -> None:
        self.cfg = cfg
        self.conn = conn
        self.progress = progress
        self.base = cfg.worker_id * N_PROGRESS
        self.epoch = cfg.epoch
        self.clients = [Client(self, s, cfg.cursors.get(s.idx, {})) for s in cfg.clients]
        self.senders = [c for c in self.clients if c.sends]
        self.intervals: dict[int, Interval] = {}
        self.classes: dict[int, dict[str, ClassStats]] = {}  # S4: interval -> kind -> stats
        self.mix_credit: dict[str, float] = {}
        self.hello_probes = 0
        self.acked: dict[str, list[int]] = {}
        self.maxn_seen: dict[int, int] = {}
        self.errors: dict[str, int] = {}
        self.counts: dict[str, int] = dict.fromkeys(
            (
                "duplicated",
                "reordered",
                "phantom",
                "push_duplicated",
                "push_reordered",
                "push_gaps",
                "ack_gaps",
                "held_overflow",
                "lagged",
                "goodbyes",
                "pulls",
                "unknown_replies",
                "unknown_conv",
                "undecodable",
                "ack_duplicate",
                "resent",
                "queued_offline",
                "dropped_offline",
                "drops",
                "reconnect_failures",
                "resume_stuck_no_welcome",
                "resume_stuck_pulling",
                "epoch_changed",
                "probes_skipped",
                "probes_unanswered",
            ),
            0,
        )
        self.last_error = ""
        self.start_us = 0
        self.started = False
        self.closing = False
        self.tasks: set[asyncio.Task[None]] = set()
        self.control: asyncio.Queue[tuple[Any, ...]] = asyncio.Queue()
        self.session: Any = None
        pad = "x" * max(cfg.body_bytes, 1)
        # %-formatting one template is the cheapest way to build a send frame.
        self.send_template = (
            '{"type":"send","id":%d,"conv":"%s","client_msg_id":"%s.%d.%d",'
            '"body":"' + pad + '","meta":{"t":%d,"c":%d,"n":%d,"r":"' + cfg.run_tag + '"}}'
        )

    def class_stats(self, t: int, kind: str) -> ClassStats:
        k = (t - self.start_us) // (INTERVAL_S * 1_000_000)
        by_kind = self.classes.get(k)
        if by_kind is None:
            by_kind = self.classes[k] = {}
        found = by_kind.get(kind)
        if found is None:
            found = by_kind[kind] = ClassStats()
        return found

    def fire_mix(self, client: Client, conv: str, t: int) -> None:
        """S4: the requests of each other kind due with one send (``cfg.mix`` per send)."""
        for kind, per_send in self.cfg.mix.items():
            credit = self.mix_credit.get(kind, 0.0) + per_send
            while credit >= 1.0:
                credit -= 1.0
                client.probe(kind, conv, t)
            self.mix_credit[kind] = credit

    async def hello_probe(self, token: str, t: int) -> None:
        """S4: open a connection, say hello, time the answer, close."""
        self.hello_probes += 1
        probe = HelloProbe()
        link: Link | None = None
        try:
            link = await self.open_link(probe)
            link.send(ENCODE({"type": "hello", "id": 1, "token": token}))
            answer = await asyncio.wait_for(probe.answer, HELLO_TIMEOUT_S)
            self.class_stats(t, "hello").answered(
                answer.code if answer.type == "error" else None, t
            )
        except (TimeoutError, OSError, ConnectionError, RuntimeError) as exc:
            self.class_stats(t, "hello").errors += 1
            self.last_error = repr(exc)
        finally:
            self.hello_probes -= 1
            if link is not None:
                link.abort()

    def interval(self, t: int) -> Interval:
        k = (t - self.start_us) // (INTERVAL_S * 1_000_000)
        iv = self.intervals.get(k)
        if iv is None:
            iv = self.intervals[k] = Interval()
        return iv

    def spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def open_link(self, client: Receiver) -> Link:
        if self.cfg.client_lib == "aiohttp":
            return await open_aiohttp(self.cfg.ws_url, client, self.session)
        return await open_picows(self.cfg.ws_url, client)

    def _send(self, msg: tuple[Any, ...]) -> None:
        # uvloop's add_reader made the pipe non-blocking; a large result must block instead.
        os.set_blocking(self.conn.fileno(), True)
        self.conn.send(msg)

    def _on_control(self) -> None:
        while self.conn.poll():
            msg = self.conn.recv()
            if msg[0] == "drop":
                for c in self.clients:
                    if c.link is not None:
                        c.link.abort()
            else:
                self.control.put_nowait(msg)

    def publish(self) -> None:
        sent = acked = delivered = refused = 0
        for iv in self.intervals.values():
            sent += iv.sent
            acked += iv.acked
            delivered += iv.delivered
            refused += iv.rate_limited + iv.busy
        p, b = self.progress, self.base
        p[b + P_SENT] = sent
        p[b + P_ACKED] = acked
        p[b + P_DELIVERED] = delivered
        p[b + P_REFUSED] = refused
        p[b + P_CONNECTED] = sum(1 for c in self.clients if c.open)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        loop.add_reader(self.conn.fileno(), self._on_control)
        if self.cfg.client_lib == "aiohttp":
            import aiohttp

            self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        try:
            await self._run()
        finally:
            self.closing = True
            for c in self.clients:
                if c.link is not None:
                    c.link.abort()
            if self.session is not None:
                await self.session.close()
            loop.remove_reader(self.conn.fileno())

    async def _connect_all(self) -> float:
        began = time.monotonic()
        sem = asyncio.Semaphore(self.cfg.connect_concurrency)

        async def one(c: Client) -> None:
            async with sem:
                for attempt in range(5):
                    try:
                        await c.connect()
                        self.progress[self.base + P_CONNECTED] += 1
                        return
                    except (TimeoutError, OSError, ConnectionError) as exc:
                        self.last_error = repr(exc)
                        if c.link is not None:
                            c.link.abort()
                            c.link = None
                        await asyncio.sleep(0.2 * (attempt + 1))
                raise ConnectionError(f"client {c.idx} could not connect: {self.last_error}")

        await asyncio.gather(*(one(c) for c in self.clients))
        return time.monotonic() - began

    async def _schedule(self) -> int:
        """Fire sends on the open-loop schedule; returns the largest lateness seen (µs)."""
        cfg = self.cfg
        senders = self.senders
        max_lag = 0
        if not senders:
            end = self.start_us + sum(p.duration_s for p in cfg.phases) * 1_000_000
            await asyncio.sleep(max(0, end - now_us()) / 1e6)
            return 0
        poisson = cfg.schedule == "poisson"
        phase_start = self.start_us
        rr = 0
        for phase in cfg.phases:
            phase_end = phase_start + phase.duration_s * 1_000_000
            rate = phase.rate * cfg.rate_share
            if rate <= 0:
                await asyncio.sleep(max(0, phase_end - now_us()) / 1e6)
                phase_start = phase_end
                continue
            gap_us = 1e6 / rate
            t = float(phase_start)
            t += random.expovariate(rate) * 1e6 if poisson else gap_us / 2
            while t < phase_end:
                now = now_us()
                while t <= now and t < phase_end:
                    ti = int(t)
                    if now - ti > max_lag:
                        max_lag = now - ti
                    if poisson:
                        random.choice(senders).fire(ti)
                        t += random.expovariate(rate) * 1e6
                    else:
                        senders[rr % len(senders)].fire(ti)
                        rr += 1
                        t += gap_us
                # Sleep to the next send, but at least 0.5 ms: sends falling due within that
                # slack go out together (their latency still counts from their intended time).
                await asyncio.sleep(max(t - now_us(), 500) / 1e6)
            phase_start = phase_end
        return max_lag

    async def _until(self, done: Any, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while not done():
            if time.monotonic() > deadline:
                return False
            self.publish()
            await asyncio.sleep(0.05)
        return True

    async def _publisher(self) -> None:
        while True:
            self.publish()
            await asyncio.sleep(0.25)

    async def _run(self) -> None:
        cfg = self.cfg
        connect_s = await self._connect_all()
        self.publish()
        self._send(("ready", {"connect_s": connect_s}))
        msg = await self.control.get()
        assert msg[0] == "go"
        self.start_us = int(msg[1])
        await asyncio.sleep(max(0, self.start_us - now_us()) / 1e6)
        self.started = True
        publisher = asyncio.get_running_loop().create_task(self._publisher())
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        max_lag = await self._schedule()
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        end_us = now_us()

        def settled() -> bool:
            # S4's hellos in flight are part of the run: counted when answered or timed out,
            # never left out because the schedule ended first (a slow node answers late).
            return self.hello_probes == 0 and all(
                c.open and not c.pending and not c.outbox for c in self.clients
            )

        settled_in_time = await self._until(settled, cfg.drain_timeout_s + cfg.reconnect_timeout_s)
        cpu_answered = resource.getrusage(resource.RUSAGE_SELF)
        self._send(("sent_done", {conv: max(seqs) for conv, seqs in self.acked.items() if seqs}))
        msg = await self.control.get()
        assert msg[0] == "targets"
        targets: dict[str, int] = msg[1]

        def lagging() -> list[tuple[Client, str]]:
            return [
                (c, conv)
                for c in self.clients
                for conv in c.convs
                if c.cursor[conv] < targets.get(conv, 0)
            ]

        # Give pushes a moment, then pull whatever is still missing.
        await self._until(lambda: not lagging(), cfg.drain_grace_s)
        drain_pulls = 0
        for c, conv in lagging():
            c.need[conv] = max(c.need.get(conv, 0), targets[conv])
            c.pull(conv)
            drain_pulls += 1
        await self._until(lambda: not lagging(), cfg.drain_timeout_s)
        publisher.cancel()
        self.publish()
        unverified = len(lagging())
        self.closing = True
        result = {
            "worker": cfg.worker_id,
            "clients": len(self.clients),
            "connect_s": connect_s,
            "cpu_s": (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime),
            # Until every send was answered: the messages of the run cost this much.
            "cpu_s_answered": (cpu_answered.ru_utime - cpu0.ru_utime)
            + (cpu_answered.ru_stime - cpu0.ru_stime),
            "wall_s": (end_us - self.start_us) / 1e6,
            "max_schedule_lag_us": max_lag,
            "settled": settled_in_time,
            "intervals": {k: iv.export() for k, iv in self.intervals.items()},
            "classes": {
                k: {kind: st.export() for kind, st in by_kind.items()}
                for k, by_kind in self.classes.items()
            },
            "errors": self.errors,
            "counts": {**self.counts, "drain_pulls": drain_pulls},
            "acked": self.acked,
            "cursors": {c.idx: c.cursor for c in self.clients},
            "maxn_seen": self.maxn_seen,
            "issued": {c.idx: c.next_n for c in self.clients},
            "unanswered": sum(len(c.pending) for c in self.clients),
            "unverified": unverified,
            "drops": [d for c in self.clients for d in c.drops],
            "still_dropped": sum(1 for c in self.clients if c.dropped_at),
            "last_error": self.last_error,
        }
        self._send(("result", result))


def worker_main(cfg: WorkerConfig, conn: Connection, progress: Any) -> None:
    """Entry point of a worker process (multiprocessing, spawn)."""
    import uvloop

    try:
        uvloop.run(Worker(cfg, conn, progress).run())
    except BaseException as exc:
        with contextlib.suppress(OSError, ValueError):
            conn.send(("failed", repr(exc)))
        raise
