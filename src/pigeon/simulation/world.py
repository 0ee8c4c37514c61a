"""One simulated deployment: gateways sharing a store and a lossy bus, and devices using them.

Each gateway is what ``pigeon serve`` wires (pigeon.server.app): a :class:`Service` and a
:class:`Hub` over one :class:`~pigeon.bus.memory.MemoryBus`, all the gateways' buses joined by
one network, and one :class:`SimStore` (the memory store, with injected failures) shared by
all, as a cluster's gateways share PostgreSQL. What the transports do is done by
:class:`Device`: a connection is a hub :class:`~pigeon.application.hub.Listener` whose pushes
reach the SDK's sans-I/O :class:`~pigeon.sdk.sync.Sync` in order, a hello is
:meth:`Service.resume`, a pull is :meth:`Service.history`.

Every choice is drawn from a ``random.Random`` seeded from the run's seed and a name (the
schedule, the store's faults, each bus, each device), and every id is counted, never random:
so a seed gives one history, byte for byte (history.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import random
from collections import deque
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TypeVar

from pigeon.application.hub import Hub
from pigeon.application.service import Service, hash_token
from pigeon.bus.memory import Faults, MemoryBus, MemoryNetwork
from pigeon.config import Config
from pigeon.core.acks import OwnWrites
from pigeon.core.frames import Delete, Edit, Hello, Pushed, Send, Write, decode_server_frame
from pigeon.core.records import AppendResult, Event, EventKind, MessageMeta
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited, StoreUnavailable
from pigeon.ops.metrics import Metrics
from pigeon.sdk.sync import Sync
from pigeon.simulation.history import Record
from pigeon.store.base import Appended
from pigeon.store.memory import MemoryStore

T = TypeVar("T")

# The wall clock at virtual time 0 (2027-01-15): only differences matter.
WALL_MS_AT_ZERO = 1_800_000_000_000

# The gateway whose call is running: the store rings that gateway's hub after a commit, as
# each gateway's store connection tells its own commit listener.
CURRENT_GATEWAY: ContextVar[Gateway | None] = ContextVar("CURRENT_GATEWAY", default=None)


@dataclass(frozen=True)
class Options:
    """The size of a run and the most of each fault; each seed draws its own rates below these
    (so that some seeds are calm and some stormy)."""

    gateways: int = 3
    users: int = 4
    devices_per_user: int = 2
    steps_per_device: int = 25
    page_size: int = 8  # small, so that pulls take several pages
    max_bus_drop: float = 0.3
    max_bus_dup: float = 0.2
    max_bus_reorder: float = 0.3
    max_store_error: float = 0.1  # a call fails before it does anything
    max_store_unknown: float = 0.1  # a write fails after it committed: outcome unknown
    max_store_latency_ms: float = 5.0  # each call waits up to this long (virtual) first
    max_bus_delay_ms: float = 5.0  # every doorbell arrives this late
    max_disconnect: float = 0.15  # per device step
    max_gateway_restarts_per_s: float = 2.0  # a gateway killed and started anew (virtual time)
    backstop_s: float = 1.0
    # A device's step takes about 24 callbacks (D47); more than this many a step is a livelock.
    max_callbacks_per_step: int = 250


class History:
    """The records of a run, stamped with virtual time."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.records: list[Record] = []
        self._loop = loop

    def now_s(self) -> float:
        """Virtual seconds: what the records are stamped with, and the store's clock."""
        return self._loop.time()

    def add(self, type_: str, who: str, **fields: object) -> None:
        t_ms = round(self._loop.time() * 1000)
        self.records.append(Record(t_ms=t_ms, type=type_, who=who, **fields))  # type: ignore[arg-type]


class SimStore(MemoryStore):
    """The memory store with counted ids, a commit listener per gateway, and failures: any call
    may fail before it does anything, and a write may fail after it committed (its outcome is
    unknown to the caller, as when a connection drops during COMMIT)."""

    def __init__(
        self,
        rng: random.Random,
        history: History,
        *,
        error: float,
        unknown: float,
        latency_s: float = 0.0,
    ):
        self._ids = 0
        super().__init__(
            epoch="e0",
            new_conversation_id=self._next_conversation_id,
            clock=history.now_s,  # rate buckets dated in virtual time: a seed replays exactly
        )
        self.rng = rng
        self.history = history
        self.error = error
        self.unknown = unknown
        self.latency_s = latency_s
        self.faulty = True

    def _next_conversation_id(self) -> str:
        self._ids += 1
        return f"c{self._ids}"

    def calm(self) -> None:
        self.faulty = False

    async def _enter(self) -> None:
        # A round trip of its own length per call, so that calls overtake one another.
        await asyncio.sleep(self.rng.random() * self.latency_s)
        await super()._enter()
        if self.faulty and self.rng.random() < self.error:
            self.history.add("fault", "store", op="error")
            raise StoreUnavailable("simulated store failure")

    def _commit(self, events: list[Event]) -> None:
        gateway = CURRENT_GATEWAY.get()
        if gateway is not None:
            gateway.hub.ring(events)

    def _after_commit(self) -> None:
        if self.faulty and self.rng.random() < self.unknown:
            self.history.add("fault", "store", op="unknown_outcome")
            raise StoreUnavailable("simulated failure after commit")

    async def append(
        self,
        sender: str,
        conv: str,
        kind: EventKind,
        *,
        client_msg_id: str,
        body: str | None,
        meta: MessageMeta | None,
        target_seq: int | None,
        now_ms: int,
    ) -> Appended:
        appended = await super().append(
            sender,
            conv,
            kind,
            client_msg_id=client_msg_id,
            body=body,
            meta=meta,
            target_seq=target_seq,
            now_ms=now_ms,
        )
        self._after_commit()
        return appended

    def conversation_ids(self) -> list[str]:
        """Every conversation created, in order (the ids are counted)."""
        return [f"c{i}" for i in range(1, self._ids + 1)]

    async def create_group(
        self, owner: str, title: str, members: list[str], now_ms: int
    ) -> Appended:
        appended = await super().create_group(owner, title, members, now_ms)
        self._after_commit()
        return appended

    async def change_member(
        self, actor: str, conv: str, target: str, *, adding: bool, now_ms: int
    ) -> Appended:
        appended = await super().change_member(actor, conv, target, adding=adding, now_ms=now_ms)
        self._after_commit()
        return appended


class Gateway:
    """One node: service, hub and bus, with the hub's reader and backstop tasks."""

    def __init__(self, world: World, index: int, faults: Faults) -> None:
        self.name = f"g{index}"
        self.world = world
        self.bus = MemoryBus(faults, world.network)
        self.hub = Hub(self.bus, world.store.events_after)
        self.service = Service(
            world.config,
            world.store,
            self.hub,
            world.metrics,
            monotonic=world.loop.time,
            wall_ms=world.wall_ms,
        )
        self.tasks: list[asyncio.Task[None]] = []
        self.alive = True

    async def start(self) -> None:
        await self.bus.open(self.hub.on_bus, self.hub.on_gap)
        self.tasks = [
            asyncio.create_task(self.hub.run()),
            asyncio.create_task(self._backstop()),
        ]

    async def _backstop(self) -> None:
        # As the server's watch_bus (pigeon.server.app): a pass every bus_backstop_s.
        while True:
            await asyncio.sleep(self.world.options.backstop_s)
            with contextlib.suppress(StoreUnavailable, RateLimited):
                await self.hub.backstop(self.world.store.last_seqs)

    async def stop(self) -> None:
        self.alive = False
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.bus.close()
        self.service.close()

    async def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """Run a service call as this gateway's (its commits ring this gateway's hub)."""
        # Set, never reset: each task has a context of its own, and every call sets it again.
        CURRENT_GATEWAY.set(self)
        return await fn()


# Pushes a connection holds for its device (flushed a callback later): past either bound,
# they are dropped and the device told it lagged, as core.session does for a slow reader.
INBOX_MAX_ITEMS = 256
INBOX_MAX_BYTES = 256 * 1024


class Connection:
    """A device's socket on a gateway, as the hub sees it. Pushes reach the device in order,
    a callback later (as bytes on a socket would); those queued while the hello is answered
    follow the welcome (core.session queues them behind it)."""

    def __init__(self, device: Device, serial: int, gateway: Gateway) -> None:
        self.device = device
        self.serial = serial
        self.gateway = gateway
        self.open = True
        self.welcomed = False
        self._inbox: deque[bytes | None] = deque()  # None: lagged
        self._inbox_bytes = 0
        self._flushing = False
        # Its hello says ack_delivers, as the SDK's does: its own writes are not pushed to it.
        self.own_writes = OwnWrites(INBOX_MAX_ITEMS)

    # Hashed by a counted serial, not by address: the hub keeps listeners in sets, and a set
    # of objects iterates in address order, which differs from run to run.
    def __hash__(self) -> int:
        return self.serial

    def __eq__(self, other: object) -> bool:
        return self is other

    @property
    def user(self) -> str:
        return self.device.user

    def push(self, data: bytes) -> None:
        self._queue(data)

    def lag(self) -> None:
        self._queue(None)

    def delivered_by_ack(self, event: Event) -> bool:
        # The gateway acks an unanswered write here, in the push's place; the simulation's
        # acks come when the service call returns, after the pushes queued before it (a
        # later ack than a gateway's: it exercises the client's gap path more).
        delivered, _ = self.own_writes.take(event, self.user)
        return delivered

    def _queue(self, item: bytes | None) -> None:
        if not self.open:
            return
        size = len(item or b"")
        if len(self._inbox) >= INBOX_MAX_ITEMS or self._inbox_bytes + size > INBOX_MAX_BYTES:
            # As core.session does for a slow reader: drop what waits, tell it to pull.
            self._inbox.clear()
            self._inbox_bytes = 0
            item, size = None, 0
        self._inbox.append(item)
        self._inbox_bytes += size
        self.flush_soon()

    def flush_soon(self) -> None:
        if self.welcomed and self._inbox and not self._flushing:
            self._flushing = True
            asyncio.get_running_loop().call_soon(self._flush)

    def _flush(self) -> None:
        self._flushing = False
        while self._inbox and self.open:
            item = self._inbox.popleft()
            self._inbox_bytes -= len(item or b"")
            if item is None:
                self.device.lagged(self)
                continue
            frame = decode_server_frame(item)
            if isinstance(frame, Pushed):
                self.device.pushed(self, frame.event)

    def acked(self, write: Write, result: AppendResult) -> None:
        """The ack of the device's write: the delivery of its event here (D60), after the
        pushes queued before it, as an ack frame follows them on a socket."""
        self._flush()
        if self.open:
            self.device.sync.acked(write, result)
            self.device.after_sync()

    def identify(self, device: object, token_hash: bytes) -> None:
        return None


@dataclass
class Pending:
    """A write whose outcome is unknown, to be sent again with the same client id."""

    op: str
    conv: str
    client_msg_id: str
    body: str | None
    kind: EventKind
    target_seq: int | None

    def frame(self) -> Write:
        """The write as its WebSocket frame says it."""
        if self.kind is EventKind.EDIT:
            assert self.target_seq is not None
            return Edit(
                id=0,
                conv=self.conv,
                client_msg_id=self.client_msg_id,
                target_seq=self.target_seq,
                body=self.body or "",
            )
        if self.kind is EventKind.DELETE:
            assert self.target_seq is not None
            return Delete(
                id=0, conv=self.conv, client_msg_id=self.client_msg_id, target_seq=self.target_seq
            )
        return Send(id=0, conv=self.conv, client_msg_id=self.client_msg_id, body=self.body or "")


SyncFactory = Callable[[int], Sync]


class Device:
    """One client device: the SDK's Sync, a connection now and then, and a seeded will."""

    def __init__(self, world: World, user: str, name: str, sync: Sync) -> None:
        self.world = world
        self.user = user
        self.name = name
        self.token = f"token-{name}"
        self.rng = random.Random(f"{world.seed}:{name}")
        self.sync = sync
        self.connection: Connection | None = None
        self.pending: dict[str, Pending] = {}
        self.sent = 0
        self.acked: list[tuple[str, int]] = []  # (conv, seq) of own messages
        self.tasks: set[asyncio.Task[None]] = set()

    # -- connection -------------------------------------------------------------------------

    async def connect(self) -> None:
        self.disconnect()
        world = self.world
        gateway = world.gateways[self.rng.randrange(len(world.gateways))]
        world.serials += 1
        conn = Connection(self, world.serials, gateway)
        epoch, cursors = self.sync.hello_position()
        hello = Hello(token=self.token, epoch=epoch, cursors=cursors, ack_delivers=True)
        self.history("invoke", op="connect", target=gateway.name)
        try:
            resumed = await gateway.call(lambda: gateway.service.resume(conn, hello))
        except StoreUnavailable:
            self.history("fail", op="connect", code=ErrorCode.UNAVAILABLE.value)
            return
        except ProtocolViolation as exc:
            self.history("fail", op="connect", code=exc.code.value)
            if exc.code is ErrorCode.RESYNC_REQUIRED:
                self.sync.resync()
            return
        if not gateway.alive:  # it died while answering: the socket is gone
            gateway.hub.detach(conn)
            self.history("fail", op="connect", code="gateway_died")
            return
        welcome = resumed.welcome
        self.history("ok", op="connect", target=gateway.name)
        self.connection = conn
        for conv in welcome.gone:
            self.history("gone", conv=conv)
        self.sync.welcome(welcome.epoch, welcome.behind, welcome.user, welcome.gone)
        conn.welcomed = True
        conn.flush_soon()
        self.after_sync()

    def disconnect(self) -> None:
        conn, self.connection = self.connection, None
        if conn is None:
            return
        conn.open = False
        conn.gateway.hub.detach(conn)
        self.sync.connection_lost()
        self.history("disconnect", target=conn.gateway.name)

    # -- what the connection hears ----------------------------------------------------------

    def pushed(self, conn: Connection, event: Event) -> None:
        if conn is self.connection:
            self.sync.pushed(event)
            self.after_sync()

    def lagged(self, conn: Connection) -> None:
        if conn is self.connection:
            self.spawn(self._list(conn))

    async def _list(self, conn: Connection) -> None:
        """After ``lagged``: learn every log end from the conversation list, then pull."""
        after: str | None = None
        while True:
            try:
                page = await conn.gateway.call(
                    functools.partial(
                        conn.gateway.service.conversations, self.user, after=after, limit=50
                    )
                )
            except StoreUnavailable:
                if conn is self.connection:
                    self.disconnect()  # the SDK reconnects; its welcome says where logs end
                return
            if conn is not self.connection:
                return
            self.sync.note_last_seqs({c.conv: c.last_seq for c in page.conversations})
            if page.next_cursor is None:
                break
            after = page.next_cursor
        self.after_sync()

    def after_sync(self) -> None:
        """Start the pulls the Sync asks for, and let the app take what it delivers."""
        conn = self.connection
        if conn is not None:
            for conv, after in self.sync.pulls_to_start():
                self.spawn(self._pull(conn, conv, after))
        while (item := self.sync.take_nowait()) is not None:
            if isinstance(item, Event):
                self.history("deliver", event=item)
            else:
                self.history("resynced")

    async def _pull(self, conn: Connection, conv: str, after: int) -> None:
        service = conn.gateway.service
        limit = self.world.options.page_size
        try:
            page = await conn.gateway.call(
                lambda: service.history(self.user, conv, after=after, before=None, limit=limit)
            )
        except StoreUnavailable:
            if conn is self.connection:
                self.sync.pull_failed(conv, gone=False)
                self.disconnect()  # as the SDK does on unavailable: its reconnect pulls again
            return
        except ProtocolViolation as exc:
            if conn is self.connection:
                self.sync.pull_failed(conv, gone=exc.code is ErrorCode.NOT_FOUND)
                self.after_sync()
            return
        if conn is self.connection:
            self.sync.pulled(conv, page.events, page.last_seq)
            self.after_sync()

    def spawn(self, coro: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def history(self, type_: str, **fields: object) -> None:
        self.world.history.add(type_, self.name, **fields)

    # -- the will ---------------------------------------------------------------------------

    async def live(self, steps: int) -> None:
        for _ in range(steps):
            await asyncio.sleep(self.rng.expovariate(20.0))
            await self.step()

    def known_convs(self) -> list[str]:
        mine = sorted(self.sync.timeline.cursors())
        return mine or sorted(self.world.conversations)

    async def step(self) -> None:
        rng, world = self.rng, self.world
        if self.connection is None:
            await self.connect()
            return
        if rng.random() < world.disconnect:
            self.disconnect()
            return
        if self.pending and rng.random() < 0.5:
            await self.retry(rng.choice(sorted(self.pending)))
            return
        convs = self.known_convs()
        roll = rng.random()
        other = world.users[rng.randrange(len(world.users))]
        if roll < 0.08 or not convs:
            others = sorted({u for u in world.users if u != self.user and rng.random() < 0.5})
            await self.write("create_group", "", title=f"t{self.sent}", members=others)
        elif roll < 0.16:
            await self.write("add", rng.choice(convs), target=other)
        elif roll < 0.22:
            target = self.user if rng.random() < 0.5 else other
            await self.write("remove", rng.choice(convs), target=target)
        elif roll < 0.30 and self.acked:
            conv, seq = rng.choice(self.acked)
            kind = EventKind.EDIT if rng.random() < 0.7 else EventKind.DELETE
            body = f"edit {self.sent}" if kind is EventKind.EDIT else None
            await self.write(kind.value, conv, kind=kind, body=body, target_seq=seq)
        elif roll < 0.34:
            await self.read(rng.choice(convs))
        else:
            await self.write("send", rng.choice(convs), body=f"msg {self.sent}")

    async def read(self, conv: str) -> None:
        """Mark a conversation read up to where this device stands (max-merge, no history)."""
        conn = self.connection
        assert conn is not None
        seq = self.sync.timeline.cursor(conv)
        with contextlib.suppress(StoreUnavailable, ProtocolViolation):
            await conn.gateway.call(lambda: conn.gateway.service.mark_read(self.user, conv, seq))

    async def write(
        self,
        op: str,
        conv: str,
        *,
        kind: EventKind = EventKind.MESSAGE,
        body: str | None = None,
        target_seq: int | None = None,
        target: str | None = None,
        title: str = "",
        members: list[str] | None = None,
    ) -> None:
        self.sent += 1
        if op in ("send", "edit", "delete"):
            cmid = f"{self.name}-{self.sent}"
            pending = Pending(op, conv, cmid, body, kind, target_seq)
            await self._append(pending)
            return
        conn = self.connection
        assert conn is not None
        service = conn.gateway.service
        call: Callable[[], Awaitable[object]]
        if op == "create_group":
            call = lambda: service.create_group(self.user, title, members or [])  # noqa: E731
        else:
            assert target is not None
            adding = op == "add"
            call = lambda: service.change_member(  # noqa: E731
                self.user, conv, target, adding=adding
            )
        self.history("invoke", op=op, conv=conv or None, target=target)
        try:
            result = await conn.gateway.call(call)
        except StoreUnavailable:
            self.history("info", op=op, conv=conv or None, code=ErrorCode.UNAVAILABLE.value)
            return
        except ProtocolViolation as exc:
            self.history("fail", op=op, conv=conv or None, code=exc.code.value)
            return
        if isinstance(result, str):
            self.world.conversations.add(result)
            self.history("ok", op=op, conv=result)
        elif isinstance(result, Appended):
            self.history("ok", op=op, conv=conv, seq=result.result.seq, target=target)

    async def retry(self, cmid: str) -> None:
        await self._append(self.pending[cmid])

    async def _append(self, p: Pending) -> None:
        conn = self.connection
        assert conn is not None
        service = conn.gateway.service
        self.history("invoke", op=p.op, conv=p.conv, client_msg_id=p.client_msg_id, body=p.body)
        write = p.frame()
        conn.own_writes.started(write)
        try:
            result = await conn.gateway.call(
                lambda: service.append(
                    self.user,
                    p.conv,
                    p.kind,
                    client_msg_id=p.client_msg_id,
                    body=p.body,
                    target_seq=p.target_seq,
                )
            )
        except StoreUnavailable:
            conn.own_writes.answered(write, delivered=False)
            self.pending[p.client_msg_id] = p
            self.history("info", op=p.op, conv=p.conv, client_msg_id=p.client_msg_id)
            return
        except ProtocolViolation as exc:
            conn.own_writes.answered(write, delivered=False)
            self.pending.pop(p.client_msg_id, None)
            self.history(
                "fail", op=p.op, conv=p.conv, client_msg_id=p.client_msg_id, code=exc.code.value
            )
            return
        self.pending.pop(p.client_msg_id, None)
        if conn is not self.connection:
            # The ack came back on a socket that is gone: the client never saw it.
            self.pending[p.client_msg_id] = p
            self.history("info", op=p.op, conv=p.conv, client_msg_id=p.client_msg_id)
            return
        conn.own_writes.answered(write, delivered=not result.duplicate)
        if p.kind is EventKind.MESSAGE:
            self.acked.append((p.conv, result.seq))
        self.history("ok", op=p.op, conv=p.conv, seq=result.seq, client_msg_id=p.client_msg_id)
        conn.acked(write, result)


class World:
    """Everything one seed runs: build it, then :meth:`run` it on a :class:`SimLoop`."""

    def __init__(
        self,
        seed: int,
        options: Options,
        loop: asyncio.AbstractEventLoop,
        *,
        store_class: type[SimStore] = SimStore,
        make_sync: SyncFactory | None = None,
    ) -> None:
        self.seed = seed
        self.options = options
        self.loop = loop
        self.history = History(loop)
        rates = random.Random(f"{seed}:rates")
        self.disconnect = rates.uniform(0, options.max_disconnect)
        self.store = store_class(
            random.Random(f"{seed}:store"),
            self.history,
            error=rates.uniform(0, options.max_store_error),
            unknown=rates.uniform(0, options.max_store_unknown),
            latency_s=rates.uniform(0, options.max_store_latency_ms) / 1000,
        )
        self.config = Config(
            argon2_time_cost=1,
            argon2_memory_kib=8,
            send_rate_per_s=1e6,
            send_burst=1e6,
            bus_backstop_s=options.backstop_s,
        )
        self.metrics = Metrics()
        self.network = MemoryNetwork()
        self.serials = 0
        self.conversations: set[str] = set()
        faults = Faults(
            drop=rates.uniform(0, options.max_bus_drop),
            dup=rates.uniform(0, options.max_bus_dup),
            reorder=rates.uniform(0, options.max_bus_reorder),
            # A reconnect of the bus: a message lost, and a gap reported on every topic.
            gap_every=rates.choice((0, 0, 37, 101)),
            delay_ms=rates.uniform(0, options.max_bus_delay_ms),
        )
        self.restarts_per_s = rates.uniform(0, options.max_gateway_restarts_per_s)
        self.gateways = [
            Gateway(self, i, Faults(**{**faults.__dict__, "seed": rates.randrange(2**32)}))
            for i in range(options.gateways)
        ]
        self.users = [f"u{i}" for i in range(options.users)]
        make_sync = make_sync or (lambda page_size: Sync(page_size=page_size))
        self.devices = [
            Device(self, user, f"{user}d{d}", make_sync(options.page_size))
            for user in self.users
            for d in range(options.devices_per_user)
        ]

    def faults(self) -> dict[str, int]:
        """The faults injected so far, by kind."""
        records = self.history.records
        buses = [gateway.bus for gateway in self.gateways]
        return {
            "doorbells_lost": sum(bus.dropped for bus in buses),
            "doorbells_repeated": sum(bus.duplicated for bus in buses),
            "doorbells_reordered": sum(bus.reordered for bus in buses),
            "store_errors": sum(1 for r in records if r.type == "fault" and r.op == "error"),
            "unknown_outcomes": sum(
                1 for r in records if r.type == "fault" and r.op == "unknown_outcome"
            ),
            "disconnects": sum(1 for r in records if r.type == "disconnect"),
            "gateway_restarts": sum(1 for r in records if r.type == "fault" and r.op == "restart"),
        }

    async def nemesis(self, rate_per_s: float) -> None:
        """Restart a gateway now and then: its connections drop (requests in flight end
        unknown to their clients) and its hub starts empty; the store and the others go on."""
        rng = random.Random(f"{self.seed}:nemesis")
        while rate_per_s > 0:
            await asyncio.sleep(rng.expovariate(rate_per_s))
            index = rng.randrange(len(self.gateways))
            old = self.gateways[index]
            self.history.add("fault", "nemesis", op="restart", target=old.name)
            for device in self.devices:
                if device.connection is not None and device.connection.gateway is old:
                    device.disconnect()
            await old.stop()
            fresh = Gateway(self, index, replace(old.bus.faults, seed=rng.randrange(2**32)))
            self.gateways[index] = fresh
            await fresh.start()

    def wall_ms(self) -> int:
        return WALL_MS_AT_ZERO + round(self.loop.time() * 1000)

    async def run(self) -> None:
        store = self.store
        await store.open()
        faulty, store.faulty = store.faulty, False  # accounts and tokens are not under test
        for user in self.users:
            await store.create_account(user, "not a hash", self.wall_ms())
        for device in self.devices:
            expiry = self.wall_ms() + 10 * 365 * 86_400_000
            await store.create_token(
                hash_token(device.token), device.user, device.name, self.wall_ms(), expiry
            )
        store.faulty = faulty
        for gateway in self.gateways:
            await gateway.start()
        nemesis = asyncio.create_task(self.nemesis(self.restarts_per_s))
        await asyncio.gather(*(d.live(self.options.steps_per_device) for d in self.devices))
        nemesis.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await nemesis
        await self.drain()
        for gateway in self.gateways:
            await gateway.stop()

    async def drain(self) -> None:
        """Stop the faults, settle every unknown write, reconnect everyone, and wait until
        every device has pulled every log to its end (or made no progress for a while)."""
        self.history.add("fault", "nemesis", op="calm")
        self.store.calm()
        for gateway in self.gateways:
            gateway.bus.faults = Faults()
        self.disconnect = 0.0
        for device in self.devices:
            await device.connect()
            while device.pending:
                await device.retry(min(device.pending))
        for device in self.devices:
            device.disconnect()
            await device.connect()
        # Two backstop passes (a lost doorbell is repaired at the second) and then quiet.
        for _ in range(8):
            await asyncio.sleep(self.options.backstop_s)
            for gateway in self.gateways:
                # Bounded: a hub whose reader died never settles (stop() then reports why).
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(gateway.hub.settled(), self.options.backstop_s)
            busy = [d for d in self.devices if d.tasks or d.sync.timeline.wanted()]
            if not busy:
                break
            for device in busy:
                if device.connection is None:
                    await device.connect()
                else:
                    device.after_sync()

    async def final_logs(self) -> tuple[dict[str, list[Event]], dict[str, set[str]]]:
        logs = {
            conv: await self.store.events_after(conv, 0, 1_000_000)
            for conv in self.store.conversation_ids()
        }
        members: dict[str, set[str]] = {conv: set() for conv in logs}
        for user in self.users:
            for conv in await self.store.last_seqs(user):
                members.setdefault(conv, set()).add(user)
        return logs, members
