"""The workload: real SDK clients (outbox, resume, gap fill) in this process, each a user
sending into its 1:1 and group conversations through HAProxy, and the history they write.

Every user sends one message at a time (a closed loop, paced to ``rate_per_s``), so a fault
shows as sends waiting, and each send's ack time is its latency. A send is never given up:
the SDK keeps it in its outbox and resends it with its client id across reconnects (G2); the
run counts it as available if its ack came within ``ack_timeout_s``.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import secrets
import shutil
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import msgspec

from pigeon.core.records import Event
from pigeon.errors import ErrorCode
from pigeon.sdk import ApiError, Client, ClientClosed, HttpClient
from pigeon.simulation.history import Record

PASSWORD = "chaos monkey's password"
# Seconds a setup request (register, login, create, history page) may take, retries included.
SETUP_TIMEOUT_S = 60.0
MAX_LOG_EVENTS = 1_000_000
# Final codes after which a write may have been carried out: a membership change retries them.
UNKNOWN_OUTCOME = frozenset({ErrorCode.INTERNAL})

T = TypeVar("T")


class History:
    """The run's records, stamped with milliseconds since the run started (monotonic) and
    written to ``path`` as JSON lines as they happen: a long run's history (1.5 KB an acked
    send) does not fit in memory; the checker and the figures read the file in one pass."""

    def __init__(self, path: Path) -> None:
        self.started = time.monotonic()
        self.path = path
        self.counts: Counter[str] = Counter()  # records by type
        path.parent.mkdir(parents=True, exist_ok=True)
        self._out = path.open("wb")

    def now_ms(self) -> int:
        return int((time.monotonic() - self.started) * 1000)

    def add(self, type_: str, who: str, **fields: object) -> Record:
        record = Record(t_ms=self.now_ms(), type=type_, who=who, **fields)  # type: ignore[arg-type]
        self.write(record)
        return record

    def write(self, record: Record) -> None:
        self._out.write(msgspec.json.encode(record) + b"\n")  # buffered: 8 KiB a write
        self.counts[record.type] += 1

    def flush(self) -> None:
        """Write out what is buffered: a run killed from outside keeps its history so far."""
        self._out.flush()

    def append_file(self, path: Path) -> None:
        """Append another file of records (the logs, read before the last deliveries)."""
        self._out.flush()
        with path.open("rb") as part:
            shutil.copyfileobj(part, self._out)

    def close(self) -> None:
        self._out.close()


@dataclass
class User:
    handle: str
    token: str
    convs: list[str] = field(default_factory=list)
    client: Client | None = None
    sent: int = 0
    # conv -> the highest seq this user's client delivered (the drain waits on it).
    reached: dict[str, int] = field(default_factory=dict)


async def _retrying(
    call: Callable[[], Awaitable[T]], *, unknown: frozenset[ErrorCode] = frozenset()
) -> T:
    """Await ``call()`` until it succeeds or a final error; retryable refusals (busy,
    rate limited, a gateway restarting) wait their ``retry_after_ms``, and so do the codes
    in ``unknown``, after which the call may have been carried out (for a call whose repeat
    finds its own effect). Bounded."""
    deadline = time.monotonic() + SETUP_TIMEOUT_S
    delay_s = 0.1
    while True:
        try:
            return await call()
        except ApiError as exc:
            if not (exc.retryable or exc.code in unknown) or time.monotonic() >= deadline:
                raise
            wait_s = (exc.retry_after_ms or 100) / 1000
        except (OSError, TimeoutError, ClientClosed):
            if time.monotonic() >= deadline:
                raise
            wait_s = delay_s
        delay_s = min(delay_s * 2, 2.0)
        await asyncio.sleep(wait_s)  # a retry's back-off, not a wait for an event


class Workload:
    """``users`` users on ``url``: a 1:1 conversation between neighbours and groups of
    ``group_size``; :meth:`start` connects them, :meth:`run_until` sends until told to stop."""

    def __init__(
        self,
        url: str,
        history: History,
        *,
        seed: int,
        users: int = 6,
        group_size: int = 3,
        rate_per_s: float = 10.0,
    ) -> None:
        self.url = url
        self.history = history
        self.rng = random.Random(seed)
        self.user_count = users
        self.group_size = group_size
        self.pause_s = 1.0 / rate_per_s
        self.users: list[User] = []
        self.members: dict[str, set[str]] = {}
        self.groups: list[tuple[str, User]] = []  # (conv, owner): the groups that change
        self.pending: dict[str, int] = {}  # client id -> invoke time ms, while unacked
        self.progress = asyncio.Event()  # set on every delivery: the drain waits on it
        self._tasks: list[asyncio.Task[None]] = []
        self._stop_sending = asyncio.Event()

    async def provision(self) -> None:
        """Register and log in the users, create their conversations (over HTTP)."""
        tag = secrets.token_hex(3)
        async with HttpClient(self.url) as http:
            for n in range(self.user_count):
                handle = f"chaos{tag}u{n}"
                await _retrying(partial(http.register, handle, PASSWORD))
                login = await _retrying(partial(http.login, handle, PASSWORD))
                self.users.append(User(handle, login.token))
        for n, user in enumerate(self.users):
            peer = self.users[(n + 1) % len(self.users)]
            async with HttpClient(self.url, user.token) as http:
                made = await _retrying(partial(http.direct, peer.handle))
            self._join(made.conv, [user, peer])
        for start in range(0, len(self.users), self.group_size):
            group = self.users[start : start + self.group_size]
            if len(group) < 2:
                break
            owner, *others = group
            async with HttpClient(self.url, owner.token) as http:
                made = await _retrying(partial(http.group, "chaos", [u.handle for u in others]))
            self._join(made.conv, group)
            self.groups.append((made.conv, owner))
        # Every user in one big group too: one conversation every user reads.
        owner, *others = self.users
        async with HttpClient(self.url, owner.token) as http:
            made = await _retrying(partial(http.group, "all", [u.handle for u in others]))
        self._join(made.conv, self.users)

    def _join(self, conv: str, users: list[User]) -> None:
        if conv in self.members:
            return
        self.members[conv] = {u.handle for u in users}
        for user in users:
            user.convs.append(conv)
            user.reached[conv] = 0

    async def start(self) -> None:
        """Connect every user's client and start reading its events."""
        for user in self.users:
            user.client = Client(self.url, user.token, wait_connected_s=SETUP_TIMEOUT_S)
            await user.client.start()
            self._tasks.append(asyncio.create_task(self._read(user), name=f"read-{user.handle}"))
        for user in self.users:
            assert user.client is not None
            await user.client.wait_connected()

    async def _read(self, user: User) -> None:
        assert user.client is not None
        with contextlib.suppress(ClientClosed):
            async for item in user.client.events():
                if isinstance(item, Event):
                    self.history.add("deliver", user.handle, event=item)
                    user.reached[item.conv] = max(user.reached.get(item.conv, 0), item.seq)
                else:  # a resync: every conversation again from seq 1 (not expected here)
                    self.history.add("resync", user.handle)
                self.progress.set()

    async def send_until_stopped(self) -> None:
        """Every user sends until :meth:`stop_sending`; returns when each last send is acked."""
        await asyncio.gather(*(self._send_loop(user) for user in self.users))

    def stop_sending(self) -> None:
        self._stop_sending.set()

    async def change_members_until_stopped(self, every_s: float) -> None:
        """Every ``every_s`` seconds (0: never), until :meth:`stop_sending`, the owner of a
        group adds a user from outside it or removes a member: the membership windows the
        checker judges deliveries by (a removed member gets nothing after its removal, an
        added one the whole log). Each change is recorded (``invoke``, then ``ok`` with the
        event's seq, or ``fail``)."""
        if every_s <= 0 or not self.groups:
            return
        rng = random.Random(self.rng.random())
        by_handle = {u.handle: u for u in self.users}
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(every_s):
                    await self._stop_sending.wait()  # the pace, ended at once by the drain
            if self._stop_sending.is_set():
                return
            conv, owner = rng.choice(self.groups)
            members = self.members[conv]
            outside = sorted(u.handle for u in self.users if u.handle not in members)
            inside = sorted(members - {owner.handle})
            add = bool(outside) and (not inside or rng.random() < 0.5)
            await self._change(conv, owner, by_handle[rng.choice(outside if add else inside)], add)

    async def _change(self, conv: str, owner: User, user: User, add: bool) -> None:
        """Add or remove ``user``, retried until settled. A retry after an unknown outcome (a
        lost connection, ``unavailable``, ``internal``: PROTOCOL.md says retry) that meets
        ``conflict`` (already added) or ``not_found`` (already removed) finds the change made.
        Another refusal is recorded as ``fail``, and so is ``internal`` still after
        :data:`SETUP_TIMEOUT_S` (a server bug; the drain then reports whoever it left
        behind); a connection still lost then raises: the run stops rather than guess."""
        op = "add" if add else "remove"
        self.history.add("invoke", owner.handle, op=op, conv=conv, target=user.handle)
        async with HttpClient(self.url, owner.token) as http:
            change = http.add_member if add else http.remove_member
            try:
                ack = await _retrying(partial(change, conv, user.handle), unknown=UNKNOWN_OUTCOME)
            except ApiError as exc:
                if exc.code != ("conflict" if add else "not_found"):
                    self.history.add(
                        "fail", owner.handle, op=op, conv=conv, target=user.handle, code=exc.code
                    )
                    return
                self.history.add(
                    "ok", owner.handle, op=op, conv=conv, target=user.handle, code=exc.code
                )
            else:
                self.history.add(
                    "ok", owner.handle, op=op, conv=conv, target=user.handle, seq=ack.seq
                )
        if add:
            self.members[conv].add(user.handle)
            user.convs.append(conv)
        else:
            self.members[conv].discard(user.handle)
            user.convs.remove(conv)

    async def _send_loop(self, user: User) -> None:
        assert user.client is not None
        rng = random.Random(self.rng.random())
        while not self._stop_sending.is_set():
            conv = rng.choice(user.convs)
            user.sent += 1
            cmid = f"{user.handle}-{user.sent}"
            body = f"{cmid} {secrets.token_hex(4)}"
            invoked = self.history.add(
                "invoke", user.handle, op="send", conv=conv, client_msg_id=cmid, body=body
            )
            self.pending[cmid] = invoked.t_ms
            try:
                ack = await user.client.send(conv, body, client_msg_id=cmid)
            except ClientClosed:
                self.history.add("info", user.handle, op="send", conv=conv, client_msg_id=cmid)
                return
            except ApiError as exc:  # a final refusal: certainly not stored
                self.history.add(
                    "fail", user.handle, op="send", conv=conv, client_msg_id=cmid, code=exc.code
                )
            else:
                self.history.add(
                    "ok", user.handle, op="send", conv=conv, client_msg_id=cmid, seq=ack.seq
                )
            del self.pending[cmid]
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.pause_s):
                    await self._stop_sending.wait()  # pacing that ends at once on stop

    async def read_logs(self, path: Path) -> dict[str, int]:
        """Every conversation's whole log, paged over HTTP by one of its members, written to
        ``path`` as the checker reads it (per conversation its ``member`` records, then its
        ``log`` records in seq order); returns each log's length."""
        by_handle = {u.handle: u for u in self.users}
        lengths: dict[str, int] = {}
        with path.open("wb") as out:
            for conv, members in sorted(self.members.items()):
                for handle in sorted(members):
                    out.write(
                        msgspec.json.encode(Record(t_ms=0, type="member", who=handle, conv=conv))
                        + b"\n"
                    )
                reader = by_handle[min(members)]
                length = 0
                async with HttpClient(self.url, reader.token) as http:
                    while length < MAX_LOG_EVENTS:
                        page = await _retrying(
                            partial(http.history, conv, after=length, limit=1000)
                        )
                        for event in page.events:
                            out.write(
                                msgspec.json.encode(
                                    Record(t_ms=0, type="log", who="store", event=event)
                                )
                                + b"\n"
                            )
                        length += len(page.events)
                        if not page.more:
                            break
                lengths[conv] = length
        return lengths

    def behind(self, lengths: dict[str, int]) -> list[str]:
        """Who has not yet delivered a conversation's whole log: ``user conv reached/last``."""
        return [
            f"{user.handle} {conv} {user.reached.get(conv, 0)}/{lengths[conv]}"
            for user in self.users
            for conv in user.convs
            if user.reached.get(conv, 0) < lengths[conv]
        ]

    async def wait_caught_up(self, lengths: dict[str, int], timeout_s: float) -> list[str]:
        """Wait until every client delivered its conversations' logs; returns who has not
        within ``timeout_s`` (empty when all have)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout_s):
                while self.behind(lengths):
                    self.progress.clear()
                    await self.progress.wait()
        return self.behind(lengths)

    async def close(self) -> None:
        for user in self.users:
            if user.client is not None:
                await user.client.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
