"""The embedded store: SQLite in WAL mode with ``synchronous=FULL``, one group-committing writer
thread and a small pool of reader threads.

Durability (G1): a write's future resolves only after the COMMIT of its batch returned, and
with ``synchronous=FULL`` in WAL mode SQLite fsyncs the WAL on every commit.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

from pigeon.core import conversation as rules
from pigeon.core import limits
from pigeon.core.idempotency import original_ack
from pigeon.core.notifications import MAX_SUBSCRIPTIONS_PER_USER
from pigeon.core.records import (
    Account,
    AppendResult,
    ConversationKind,
    ConversationSummary,
    Device,
    Event,
    EventKind,
    MessageMeta,
    Role,
)
from pigeon.core.sequencing import merge_position, page_window
from pigeon.core.webhooks import MAX_WEBHOOKS_PER_USER
from pigeon.errors import ErrorCode, ProtocolViolation, StoreUnavailable
from pigeon.store.base import (
    ADMIN_TOKEN_KEY,
    MAX_DEVICE_KEYS,
    PUSH_KEY_KEY,
    SUMMARY_MEMBERS,
    Appended,
    CommitListener,
    ConversationPage,
    Delivery,
    DeliveryState,
    LogPage,
    NewDelivery,
    NewNotification,
    OutboxRecord,
    PendingNotification,
    PushSubscription,
    Restored,
    StoreStatistics,
    Webhook,
    new_epoch,
)
from pigeon.store.group_commit import GroupCommitWriter, WriterStatistics
from pigeon.store.lock import DataDirLock
from pigeon.store.rows import (
    DELIVERY_COLUMNS,
    EVENT_COLUMNS,
    SUBSCRIPTION_COLUMNS,
    WEBHOOK_COLUMNS,
    encode_json,
    row_to_delivery,
    row_to_event,
    row_to_webhook,
    subscription_row,
    webhook_row,
)
from pigeon.store.snapshot_reader import SnapshotReader

T = TypeVar("T")

DB_FILE = "pigeon.db"


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection configured the way every Pigeon connection must be."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # fsync the WAL at every commit: G1
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA cache_size=-65536")  # 64 MiB
    if readonly:
        conn.execute("PRAGMA query_only=ON")
    return conn


def migration_scripts() -> list[tuple[int, Traversable]]:
    """The numbered migrations, in order: ``user_version`` is the number of the last applied."""
    scripts = (
        p for p in resources.files("pigeon.store.migrations").iterdir() if p.name.endswith(".sql")
    )
    return sorted(((int(p.name.split("_", 1)[0]), p) for p in scripts), key=lambda item: item[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the numbered migrations not yet applied, each in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, script in migration_scripts():
        if number <= version:
            continue
        conn.executescript(f"BEGIN;\n{script.read_text()}\nPRAGMA user_version={number};\nCOMMIT;")


def set_epoch(conn: sqlite3.Connection, epoch: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('epoch', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (epoch,),
    )


class SqliteStore:
    """The :class:`~pigeon.store.base.Store` on one SQLite file under ``data_dir``."""

    def __init__(
        self,
        data_dir: Path,
        *,
        max_batch: int = 512,
        max_write_queue: int = 20_000,
        readers: int = 2,
        max_read_queue: int = 10_000,
        on_batch: Callable[[int, float], None] | None = None,
        write_batch_cut_s: float = 0.0,
    ) -> None:
        self.path = Path(data_dir) / DB_FILE
        self.on_commit: CommitListener | None = None
        self._writer = GroupCommitWriter(
            lambda: connect(self.path),
            max_batch=max_batch,
            max_queue=max_write_queue,
            observe=on_batch,
            cut_s=write_batch_cut_s,
        )
        self._reader = SnapshotReader(
            lambda: connect(self.path, readonly=True),
            name="reader",
            threads=readers,
            max_batch=max_batch,
            max_queue=max_read_queue,
        )
        self._epoch = ""
        self._lock = DataDirLock(Path(data_dir))
        self._buckets = limits.GrantTable()

    # -- lifecycle --------------------------------------------------------------------------

    async def open(self) -> None:
        """Lock the data directory (:class:`DataDirRefused` if another process has it), then
        open, migrate and start the writer and readers."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock.acquire()

        def setup() -> str:
            conn = connect(self.path)
            try:
                migrate(conn)
                row = conn.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()
                if row is not None:
                    return str(row[0])
                epoch = new_epoch()
                set_epoch(conn, epoch)
                return epoch
            finally:
                conn.close()

        try:
            self._epoch = await asyncio.to_thread(setup)
        except sqlite3.Error as exc:
            self._lock.release()
            raise StoreUnavailable(f"cannot open {self.path}: {exc}") from exc
        except BaseException:
            self._lock.release()
            raise
        self._writer.start()
        self._reader.start()

    async def close(self) -> None:
        await self._writer.stop()
        await self._reader.stop()
        self._lock.release()

    @property
    def epoch(self) -> str:
        return self._epoch

    async def backup(self, file: Path) -> None:
        from pigeon.store.backup import write_backup  # it builds on this module

        await asyncio.to_thread(write_backup, self.path.parent, Path(file))

    async def restore(self, file: Path) -> Restored:
        from pigeon.store.backup import restore_backup

        return await asyncio.to_thread(restore_backup, Path(file), self.path.parent)

    def writer_statistics(self) -> WriterStatistics:
        return self._writer.statistics()

    def statistics(self) -> StoreStatistics:
        return StoreStatistics(
            write_queue_depth=self._writer.queued(),
            read_queue_depth=self._reader.queued(),
        )

    def write_delay_s(self) -> float:
        return self._writer.oldest_wait_s()

    # -- plumbing ---------------------------------------------------------------------------

    async def _write(
        self, name: str, job: Callable[[sqlite3.Connection], T], *, critical: bool = False
    ) -> T:
        return await self._writer.submit(name, job, critical=critical)

    async def _write_events(
        self, name: str, job: Callable[[sqlite3.Connection], Appended]
    ) -> Appended:
        def publish(appended: Appended) -> None:
            if appended.event is not None and self.on_commit is not None:
                self.on_commit([appended.event, *appended.also])

        return await self._writer.submit(name, job, publish)

    async def _read(self, name: str, job: Callable[[sqlite3.Connection], T]) -> T:
        return await self._reader.submit(name, job)

    # -- accounts ---------------------------------------------------------------------------

    async def create_account(self, handle: str, password_hash: str, now_ms: int) -> None:
        def job(conn: sqlite3.Connection) -> None:
            try:
                conn.execute(
                    "INSERT INTO accounts(handle, password_hash, created_ms) VALUES (?, ?, ?)",
                    (handle, password_hash, now_ms),
                )
            except sqlite3.IntegrityError:
                raise ProtocolViolation(ErrorCode.CONFLICT, "that handle is taken") from None

        await self._write("create_account", job)

    async def password_hash(self, handle: str) -> tuple[str, Account] | None:
        def job(conn: sqlite3.Connection) -> tuple[str, Account] | None:
            row = conn.execute(
                "SELECT password_hash, disabled FROM accounts WHERE handle = ?", (handle,)
            ).fetchone()
            if row is None:
                return None
            return str(row[0]), Account(handle=handle, disabled=bool(row[1]))

        return await self._read("password_hash", job)

    async def account_exists(self, handle: str) -> bool:
        def job(conn: sqlite3.Connection) -> bool:
            row = conn.execute("SELECT 1 FROM accounts WHERE handle = ?", (handle,)).fetchone()
            return row is not None

        return await self._read("account_exists", job)

    async def create_token(
        self, token_hash: bytes, handle: str, device: str, now_ms: int, expires_at_ms: int
    ) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.execute(
                "DELETE FROM tokens WHERE handle = ? AND expires_ms <= ?", (handle, now_ms)
            )
            conn.execute(
                "INSERT INTO tokens(token_hash, handle, device, created_ms, expires_ms) "
                "VALUES (?, ?, ?, ?, ?)",
                (token_hash, handle, device, now_ms, expires_at_ms),
            )

        await self._write("create_token", job)

    async def device_for_token(self, token_hash: bytes, now_ms: int) -> Device | None:
        def job(conn: sqlite3.Connection) -> Device | None:
            row = conn.execute(
                "SELECT t.handle, t.device, t.expires_ms, a.disabled FROM tokens t "
                "JOIN accounts a ON a.handle = t.handle "
                "WHERE t.token_hash = ? AND t.expires_ms > ?",
                (token_hash, now_ms),
            ).fetchone()
            if row is None:
                return None
            return Device(handle=row[0], device=row[1], expires_at_ms=row[2], disabled=bool(row[3]))

        return await self._read("device_for_token", job)

    async def set_disabled(self, handle: str, disabled: bool) -> bool:
        def job(conn: sqlite3.Connection) -> bool:
            cur = conn.execute(
                "UPDATE accounts SET disabled = ? WHERE handle = ?", (int(disabled), handle)
            )
            return cur.rowcount > 0

        return await self._write("set_disabled", job)

    async def revoke_tokens(self, handle: str) -> int:
        def job(conn: sqlite3.Connection) -> int:
            return conn.execute("DELETE FROM tokens WHERE handle = ?", (handle,)).rowcount

        return await self._write("revoke_tokens", job)

    async def remember_device(self, key_hash: bytes, handle: str, device: str, now_ms: int) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO device_keys(key_hash, handle, device, used_ms) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key_hash) DO UPDATE SET device = excluded.device, "
                "used_ms = excluded.used_ms",
                (key_hash, handle, device, now_ms),
            )
            conn.execute(
                "DELETE FROM device_keys WHERE handle = ? AND key_hash NOT IN ("
                "SELECT key_hash FROM device_keys WHERE handle = ? "
                "ORDER BY used_ms DESC LIMIT ?)",
                (handle, handle, MAX_DEVICE_KEYS),
            )

        await self._write("remember_device", job)

    async def is_known_device(self, handle: str, key_hash: bytes) -> bool:
        def job(conn: sqlite3.Connection) -> bool:
            row = conn.execute(
                "SELECT 1 FROM device_keys WHERE key_hash = ? AND handle = ?", (key_hash, handle)
            ).fetchone()
            return row is not None

        return await self._read("is_known_device", job)

    async def check(self) -> None:
        """Raise StoreUnavailable unless a read answers, the writer is running and its last
        batch committed. Writes that fail while reads work (a full disk, a corrupt page, a lock
        held by another process) show here only once a write was tried: :meth:`probe_write`
        tries one."""
        if not self._writer.running():
            raise StoreUnavailable("the writer is not running")
        last_error = self._writer.statistics().last_error
        if last_error is not None:
            raise StoreUnavailable(f"the last write failed: {last_error}")
        await self._read("check", lambda conn: conn.execute("SELECT 1").fetchone())

    # Buckets live in this process's memory: one process owns the store (its directory
    # lock), so memory is shared by all its users, and sends pay no write for them (D42).

    async def take_tokens(
        self,
        key: str,
        want: int,
        *,
        rate_per_s: float,
        burst: float,
        now_ms: int | None = None,
    ) -> int:
        now = time.monotonic() if now_ms is None else now_ms / 1000
        return self._buckets.grant(key, want, rate_per_s=rate_per_s, burst=burst, now=now)

    async def give_back_tokens(self, key: str, count: int, *, burst: float) -> None:
        self._buckets.give_back(key, count)

    async def admin_token_hash(self) -> bytes | None:
        def job(conn: sqlite3.Connection) -> bytes | None:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (ADMIN_TOKEN_KEY,))
            found = row.fetchone()
            return bytes.fromhex(found[0]) if found is not None else None

        return await self._read("admin_token_hash", job)

    async def claim_admin_token(self, token_hash: bytes) -> bytes:
        def job(conn: sqlite3.Connection) -> bytes:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                (ADMIN_TOKEN_KEY, token_hash.hex()),
            )
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (ADMIN_TOKEN_KEY,))
            return bytes.fromhex(row.fetchone()[0])

        return await self._write("claim_admin_token", job)

    async def set_admin_token(self, token_hash: bytes) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (ADMIN_TOKEN_KEY, token_hash.hex()),
            )

        await self._write("set_admin_token", job)

    async def probe_write(self, now_ms: int) -> None:
        """Commit a tiny write through the writer, as every write goes: the ``probe`` row of
        ``meta`` holds the time of the last one. Raises StoreUnavailable if it fails."""

        def job(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('probe', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(now_ms),),
            )

        await self._write("probe_write", job)

    async def revoke_token(self, token_hash: bytes) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM tokens WHERE token_hash = ?", (token_hash,))

        await self._write("revoke_token", job)

    # -- conversations ----------------------------------------------------------------------

    async def create_direct(self, me: str, peer: str, now_ms: int) -> tuple[Appended, bool]:
        key = rules.direct_key(me, peer)

        def job(conn: sqlite3.Connection) -> tuple[Appended, bool]:
            peer_row = conn.execute("SELECT 1 FROM accounts WHERE handle = ?", (peer,)).fetchone()
            rules.check_direct_peer(me, peer, peer_row is not None)
            row = conn.execute(
                "SELECT id FROM conversations WHERE direct_key = ?", (key,)
            ).fetchone()
            if row is not None:
                created = _event_at(conn, str(row[0]), 1)
                assert created is not None
                return Appended(_result_of(created), None), False
            _check_joiner(conn, me, me)
            _check_joiner(conn, me, peer)
            conv = rules.new_conversation_id()
            conn.execute(
                "INSERT INTO conversations(id, kind, direct_key, created_ms) VALUES (?, ?, ?, ?)",
                (conv, ConversationKind.DIRECT.value, key, now_ms),
            )
            members = tuple(sorted((me, peer)))
            event = _append_event(
                conn, conv, EventKind.CREATED, sender=me, ts=now_ms, members=members
            )
            _add_members(conn, conv, [(m, Role.MEMBER) for m in members], event.seq)
            return Appended(_result_of(event), event), True

        def publish(value: tuple[Appended, bool]) -> None:
            if value[0].event is not None and self.on_commit is not None:
                self.on_commit([value[0].event])

        return await self._writer.submit("create_direct", job, publish)

    async def create_group(
        self, owner: str, title: str, members: list[str], now_ms: int
    ) -> Appended:
        others = sorted(set(members) - {owner})
        rules.check_group(title, others)

        def job(conn: sqlite3.Connection) -> Appended:
            # A member who blocked the owner refuses the whole group, as an unknown one does.
            for handle in (owner, *others):
                _check_joiner(conn, owner, handle)
            conv = rules.new_conversation_id()
            conn.execute(
                "INSERT INTO conversations(id, kind, title, created_ms) VALUES (?, ?, ?, ?)",
                (conv, ConversationKind.GROUP.value, title, now_ms),
            )
            event = _append_event(
                conn,
                conv,
                EventKind.CREATED,
                sender=owner,
                ts=now_ms,
                members=(owner, *others),
                title=title,
            )
            _add_members(
                conn,
                conv,
                [(owner, Role.OWNER)] + [(m, Role.MEMBER) for m in others],
                event.seq,
            )
            return Appended(_result_of(event), event)

        return await self._write_events("create_group", job)

    async def change_member(
        self, actor: str, conv: str, target: str, *, adding: bool, now_ms: int
    ) -> Appended:
        def job(conn: sqlite3.Connection) -> Appended:
            kind_row = conn.execute(
                "SELECT kind FROM conversations WHERE id = ?", (conv,)
            ).fetchone()
            actor_role = _role(conn, conv, actor)
            rules.require_member(actor_role)
            assert kind_row is not None
            target_exists = (
                conn.execute("SELECT 1 FROM accounts WHERE handle = ?", (target,)).fetchone()
                is not None
            )
            count = conn.execute("SELECT COUNT(*) FROM members WHERE conv = ?", (conv,)).fetchone()
            target_role = _role(conn, conv, target)
            rules.check_membership_change(
                ConversationKind(kind_row[0]),
                actor_role,
                actor=actor,
                target=target,
                target_role=target_role,
                target_exists=target_exists,
                adding=adding,
                member_count=count[0],
            )
            if adding:
                _check_joiner(conn, actor, target)
                event = _append_event(
                    conn, conv, EventKind.MEMBER_ADDED, sender=actor, ts=now_ms, members=(target,)
                )
                _add_members(conn, conv, [(target, Role.MEMBER)], event.seq)
                return Appended(_result_of(event), event)
            assert target_role is not None
            conn.execute("DELETE FROM members WHERE conv = ? AND handle = ?", (conv, target))
            conn.execute(
                "UPDATE accounts SET conversations = conversations - 1 WHERE handle = ?", (target,)
            )
            event = _append_event(
                conn, conv, EventKind.MEMBER_REMOVED, sender=actor, ts=now_ms, members=(target,)
            )
            owners_left = conn.execute(
                "SELECT COUNT(*) FROM members WHERE conv = ? AND role = ?",
                (conv, Role.OWNER.value),
            ).fetchone()[0]
            successor = rules.next_owner(
                target_role,
                owners_left,
                conn.execute("SELECT joined_seq, handle FROM members WHERE conv = ?", (conv,)),
            )
            if successor is None:
                return Appended(_result_of(event), event)
            conn.execute(
                "UPDATE members SET role = ? WHERE conv = ? AND handle = ?",
                (Role.OWNER.value, conv, successor),
            )
            promoted = _append_event(
                conn, conv, EventKind.OWNER_CHANGED, sender=actor, ts=now_ms, members=(successor,)
            )
            return Appended(_result_of(event), event, (promoted,))

        return await self._write_events("change_member", job)

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
        def job(conn: sqlite3.Connection) -> Appended:
            rules.require_member(_role(conn, conv, sender))
            row = conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM events "
                "WHERE conv = ? AND sender = ? AND client_msg_id = ?",
                (conv, sender, client_msg_id),
            ).fetchone()
            if row is not None:
                result = original_ack(
                    row_to_event(row), kind=kind, body=body, meta=meta, target_seq=target_seq
                )
                return Appended(result, None)
            if target_seq is not None:
                deleted = conn.execute(
                    "SELECT 1 FROM events WHERE conv = ? AND target_seq = ? AND kind = 'delete'",
                    (conv, target_seq),
                ).fetchone()
                rules.check_edit_target(
                    sender, _event_at(conn, conv, target_seq), kind, deleted=deleted is not None
                )
            event = _append_event(
                conn,
                conv,
                kind,
                sender=sender,
                ts=now_ms,
                client_msg_id=client_msg_id,
                body=body,
                meta=meta,
                target_seq=target_seq,
            )
            return Appended(_result_of(event), event)

        return await self._write_events("append", job)

    async def read_page(
        self, user: str, conv: str, *, after: int | None, before: int | None, limit: int
    ) -> LogPage:
        def job(conn: sqlite3.Connection) -> LogPage:
            rules.require_member(_role(conn, conv, user))
            last_seq = _last_seq(conn, conv)
            first, last, more = page_window(last_seq, after=after, before=before, limit=limit)
            rows = conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE conv = ? AND seq BETWEEN ? AND ? "
                "ORDER BY seq",
                (conv, first, last),
            ).fetchall()
            return LogPage([row_to_event(r) for r in rows], more, last_seq)

        return await self._read("read_page", job)

    async def events_after(self, conv: str, after: int, limit: int) -> list[Event]:
        def job(conn: sqlite3.Connection) -> list[Event]:
            rows = conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE conv = ? AND seq > ? "
                "ORDER BY seq LIMIT ?",
                (conv, after, limit),
            ).fetchall()
            return [row_to_event(r) for r in rows]

        return await self._read("events_after", job)

    async def mark_read(self, user: str, conv: str, seq: int) -> int:
        def job(conn: sqlite3.Connection) -> int:
            row = conn.execute(
                "SELECT m.read_seq, c.last_seq FROM members m "
                "JOIN conversations c ON c.id = m.conv WHERE m.conv = ? AND m.handle = ?",
                (conv, user),
            ).fetchone()
            if row is None:
                raise ProtocolViolation(ErrorCode.NOT_FOUND)
            position = merge_position(row[0], seq, row[1])
            if position != row[0]:
                conn.execute(
                    "UPDATE members SET read_seq = ? WHERE conv = ? AND handle = ?",
                    (position, conv, user),
                )
            return position

        # Critical (D55): a read marker never waits behind a backlog of sends.
        return await self._write("mark_read", job, critical=True)

    async def conversations(self, user: str, *, after: str | None, limit: int) -> ConversationPage:
        def job(conn: sqlite3.Connection) -> ConversationPage:
            # One row past the page tells whether another page follows (members_by_handle
            # serves the range in conv order).
            rows = conn.execute(
                "SELECT c.id, c.kind, c.title, c.last_seq, m.role, m.read_seq "
                "FROM members m JOIN conversations c ON c.id = m.conv "
                "WHERE m.handle = ? AND m.conv > ? ORDER BY m.conv LIMIT ?",
                (user, after or "", limit + 1),
            ).fetchall()
            more = len(rows) > limit
            rows = rows[:limit]
            out = []
            for conv, kind, title, last_seq, role, read_seq in rows:
                members = tuple(
                    r[0]
                    for r in conn.execute(
                        "SELECT handle FROM members WHERE conv = ? ORDER BY handle LIMIT ?",
                        (conv, SUMMARY_MEMBERS),
                    )
                )
                last = conn.execute(
                    f"SELECT {EVENT_COLUMNS} FROM events WHERE conv = ? AND kind = 'message' "
                    "ORDER BY seq DESC LIMIT 1",
                    (conv,),
                ).fetchone()
                unread = conn.execute(
                    "SELECT COUNT(*) FROM events WHERE conv = ? AND seq > ? AND kind = 'message' "
                    "AND sender != ?",
                    (conv, read_seq, user),
                ).fetchone()[0]
                out.append(
                    ConversationSummary(
                        conv=conv,
                        kind=ConversationKind(kind),
                        title=title,
                        members=members,
                        role=Role(role),
                        last_seq=last_seq,
                        read_seq=read_seq,
                        unread=unread,
                        last_message=row_to_event(last) if last is not None else None,
                    )
                )
            return ConversationPage(out, out[-1].conv if more else None)

        return await self._read("conversations", job)

    async def last_seqs(self, user: str) -> dict[str, int]:
        def job(conn: sqlite3.Connection) -> dict[str, int]:
            rows = conn.execute(
                "SELECT c.id, c.last_seq FROM members m JOIN conversations c ON c.id = m.conv "
                "WHERE m.handle = ?",
                (user,),
            )
            return {str(conv): int(last) for conv, last in rows}

        return await self._read("last_seqs", job)

    async def members(self, user: str, conv: str) -> list[str]:
        def job(conn: sqlite3.Connection) -> list[str]:
            rules.require_member(_role(conn, conv, user))
            rows = conn.execute(
                "SELECT handle FROM members WHERE conv = ? ORDER BY handle", (conv,)
            )
            return [str(r[0]) for r in rows]

        return await self._read("members", job)

    # -- the outbox and webhooks (D48) -----------------------------------------------------

    async def claim_outbox(self, now_ms: int, *, lease_ms: int, limit: int) -> list[OutboxRecord]:
        def job(conn: sqlite3.Connection) -> list[OutboxRecord]:
            rows = conn.execute(
                "UPDATE outbox SET leased_until_ms = ? WHERE (conv, seq) IN ("
                "SELECT conv, seq FROM outbox WHERE leased_until_ms <= ? "
                "ORDER BY created_ms LIMIT ?) RETURNING conv, seq, created_ms",
                (now_ms + lease_ms, now_ms, limit),
            ).fetchall()
            records: list[OutboxRecord] = []
            members: dict[str, tuple[str, ...]] = {}
            for conv, seq, created_ms in sorted(rows, key=lambda r: (r[2], r[0], r[1])):
                event = _event_at(conn, conv, seq)
                if event is None:  # never: the row was written with its event
                    continue
                if conv not in members:
                    handles = conn.execute(
                        "SELECT handle FROM members WHERE conv = ? ORDER BY handle", (conv,)
                    )
                    members[conv] = tuple(str(r[0]) for r in handles)
                records.append(OutboxRecord(event, members[conv], int(created_ms)))
            return records

        return await self._write("claim_outbox", job)

    async def finish_outbox(
        self,
        records: list[OutboxRecord],
        deliveries: list[NewDelivery],
        notifications: Sequence[NewNotification] = (),
    ) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT INTO notifications(handle, conv, seq, due_ms) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(handle, conv) DO UPDATE SET seq = max(seq, excluded.seq), "
                "due_ms = min(due_ms, excluded.due_ms)",
                [(n.user, n.conv, n.seq, n.due_ms) for n in notifications],
            )
            conn.executemany(
                "INSERT INTO deliveries(webhook, event_id, payload, state, created_ms, next_ms) "
                "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = ?) "
                "ON CONFLICT(webhook, event_id) DO NOTHING",
                [
                    (
                        d.webhook,
                        d.event_id,
                        d.payload,
                        DeliveryState.PENDING.value,
                        d.due_ms,
                        d.due_ms,
                        d.webhook,
                    )
                    for d in deliveries
                ],
            )
            conn.executemany(
                "DELETE FROM outbox WHERE conv = ? AND seq = ?",
                [(r.event.conv, r.event.seq) for r in records],
            )

        await self._write("finish_outbox", job)

    async def outbox_oldest_ms(self) -> int | None:
        def job(conn: sqlite3.Connection) -> int | None:
            row = conn.execute("SELECT min(created_ms) FROM outbox").fetchone()
            return int(row[0]) if row[0] is not None else None

        return await self._read("outbox_oldest_ms", job)

    async def create_webhook(self, webhook: Webhook) -> None:
        def job(conn: sqlite3.Connection) -> None:
            if webhook.conv is not None and _role(conn, webhook.conv, webhook.owner) is None:
                raise ProtocolViolation(ErrorCode.NOT_FOUND)
            (count,) = conn.execute(
                "SELECT count(*) FROM webhooks WHERE owner = ?", (webhook.owner,)
            ).fetchone()
            if count >= MAX_WEBHOOKS_PER_USER:
                raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many webhooks")
            conn.execute(
                f"INSERT INTO webhooks({WEBHOOK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                webhook_row(webhook),
            )

        await self._write("create_webhook", job)

    async def webhooks(self, owner: str) -> list[Webhook]:
        def job(conn: sqlite3.Connection) -> list[Webhook]:
            rows = conn.execute(
                f"SELECT {WEBHOOK_COLUMNS} FROM webhooks WHERE owner = ? ORDER BY created_ms, id",
                (owner,),
            )
            return [row_to_webhook(r) for r in rows]

        return await self._read("webhooks", job)

    async def delete_webhook(self, owner: str, webhook: str) -> None:
        def job(conn: sqlite3.Connection) -> None:
            cur = conn.execute("DELETE FROM webhooks WHERE id = ? AND owner = ?", (webhook, owner))
            if cur.rowcount == 0:
                raise ProtocolViolation(ErrorCode.NOT_FOUND)

        await self._write("delete_webhook", job)

    async def rotate_webhook_secret(
        self, owner: str, webhook: str, secret: str, *, previous_until_ms: int
    ) -> Webhook:
        def job(conn: sqlite3.Connection) -> Webhook:
            row = conn.execute(
                "UPDATE webhooks SET previous_secret = secret, secret = ?, previous_until_ms = ? "
                f"WHERE id = ? AND owner = ? RETURNING {WEBHOOK_COLUMNS}",
                (secret, previous_until_ms, webhook, owner),
            ).fetchone()
            if row is None:
                raise ProtocolViolation(ErrorCode.NOT_FOUND)
            return row_to_webhook(row)

        return await self._write("rotate_webhook_secret", job)

    async def webhooks_of(self, owners: list[str]) -> list[Webhook]:
        def job(conn: sqlite3.Connection) -> list[Webhook]:
            rows = conn.execute(
                f"SELECT {WEBHOOK_COLUMNS} FROM webhooks "
                "WHERE owner IN (SELECT value FROM json_each(?)) ORDER BY id",
                (encode_json(owners).decode(),),
            )
            return [row_to_webhook(r) for r in rows]

        return await self._read("webhooks_of", job)

    async def claim_deliveries(
        self,
        now_ms: int,
        *,
        lease_ms: int,
        limit: int,
        per_webhook: int,
        skip: frozenset[str] = frozenset(),
    ) -> list[Delivery]:
        def job(conn: sqlite3.Connection) -> list[Delivery]:
            ids = [
                int(r[0])
                for r in conn.execute(
                    "SELECT id FROM (SELECT id, next_ms, row_number() OVER ("
                    "PARTITION BY webhook ORDER BY next_ms, id) AS nth FROM deliveries "
                    "WHERE state = 'pending' AND next_ms <= ? "
                    "AND webhook NOT IN (SELECT value FROM json_each(?))) WHERE nth <= ? "
                    "ORDER BY next_ms, id LIMIT ?",
                    (now_ms, encode_json(sorted(skip)).decode(), per_webhook, limit),
                )
            ]
            found = [_delivery_at(conn, i) for i in ids]
            conn.executemany(
                "UPDATE deliveries SET next_ms = ? WHERE id = ?",
                [(now_ms + lease_ms, i) for i in ids],
            )
            return [d for d in found if d is not None]

        return await self._write("claim_deliveries", job)

    async def finish_delivery(
        self, delivery: int, *, now_ms: int, state: DeliveryState, next_ms: int, error: str | None
    ) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE deliveries SET state = ?, attempts = attempts + 1, next_ms = ?, "
                "last_error = ? WHERE id = ?",
                (state.value, next_ms, error, delivery),
            )

        await self._write("finish_delivery", job)

    async def deliveries(self, state: DeliveryState | None, *, limit: int) -> list[Delivery]:
        def job(conn: sqlite3.Connection) -> list[Delivery]:
            rows = conn.execute(
                f"SELECT {DELIVERY_COLUMNS} FROM deliveries d JOIN webhooks w ON w.id = d.webhook "
                "WHERE ? IS NULL OR d.state = ? ORDER BY d.id DESC LIMIT ?",
                (state, state, limit),
            )
            return [row_to_delivery(r) for r in rows]

        return await self._read("deliveries", job)

    async def replay_deliveries(self, ids: list[int] | None, now_ms: int) -> int:
        def job(conn: sqlite3.Connection) -> int:
            update = (
                "UPDATE deliveries SET state = 'pending', attempts = 0, created_ms = ?, "
                "next_ms = ? WHERE "
            )
            if ids is None:
                return conn.execute(update + "state = 'dead'", (now_ms, now_ms)).rowcount
            return conn.execute(
                update + "id IN (SELECT value FROM json_each(?))",
                (now_ms, now_ms, encode_json(ids).decode()),
            ).rowcount

        return await self._write("replay_deliveries", job)

    # -- offline notifications (D50) --------------------------------------------------------

    async def create_push_subscription(self, subscription: PushSubscription) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.execute(
                "DELETE FROM push_subscriptions WHERE (owner = ? AND device = ?) OR endpoint = ?",
                (subscription.owner, subscription.device, subscription.endpoint),
            )
            (count,) = conn.execute(
                "SELECT count(*) FROM push_subscriptions WHERE owner = ?", (subscription.owner,)
            ).fetchone()
            if count >= MAX_SUBSCRIPTIONS_PER_USER:
                raise ProtocolViolation(ErrorCode.TOO_LARGE, "too many push subscriptions")
            conn.execute(
                f"INSERT INTO push_subscriptions({SUBSCRIPTION_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                subscription_row(subscription),
            )

        await self._write("create_push_subscription", job)

    async def push_subscriptions(self, owner: str) -> list[PushSubscription]:
        def job(conn: sqlite3.Connection) -> list[PushSubscription]:
            rows = conn.execute(
                f"SELECT {SUBSCRIPTION_COLUMNS} FROM push_subscriptions WHERE owner = ? "
                "ORDER BY created_ms, id",
                (owner,),
            )
            return [PushSubscription(*r) for r in rows]

        return await self._read("push_subscriptions", job)

    async def delete_push_subscription(self, owner: str, subscription: str) -> None:
        def job(conn: sqlite3.Connection) -> None:
            cur = conn.execute(
                "DELETE FROM push_subscriptions WHERE id = ? AND owner = ?", (subscription, owner)
            )
            if cur.rowcount == 0:
                raise ProtocolViolation(ErrorCode.NOT_FOUND)

        await self._write("delete_push_subscription", job)

    async def delete_push_subscriptions(self, owner: str, device: str | None) -> int:
        def job(conn: sqlite3.Connection) -> int:
            return conn.execute(
                "DELETE FROM push_subscriptions WHERE owner = ? AND (? IS NULL OR device = ?)",
                (owner, device, device),
            ).rowcount

        return await self._write("delete_push_subscriptions", job)

    async def push_subscriptions_of(self, owners: list[str]) -> list[PushSubscription]:
        def job(conn: sqlite3.Connection) -> list[PushSubscription]:
            rows = conn.execute(
                f"SELECT {SUBSCRIPTION_COLUMNS} FROM push_subscriptions "
                "WHERE owner IN (SELECT value FROM json_each(?)) ORDER BY id",
                (encode_json(owners).decode(),),
            )
            return [PushSubscription(*r) for r in rows]

        return await self._read("push_subscriptions_of", job)

    async def claim_notifications(
        self, now_ms: int, *, lease_ms: int, limit: int
    ) -> list[PendingNotification]:
        def job(conn: sqlite3.Connection) -> list[PendingNotification]:
            rows = conn.execute(
                "UPDATE notifications SET due_ms = ? WHERE (handle, conv) IN ("
                "SELECT handle, conv FROM notifications WHERE due_ms <= ? "
                "ORDER BY due_ms LIMIT ?) RETURNING handle, conv, seq, attempts, "
                "(SELECT read_seq FROM members m "
                "WHERE m.conv = notifications.conv AND m.handle = notifications.handle)",
                (now_ms + lease_ms, now_ms, limit),
            ).fetchall()
            return [
                # A member who left since has no read position: nothing to tell them.
                PendingNotification(str(u), str(c), int(seq), int(seq if r is None else r), int(a))
                for u, c, seq, a, r in sorted(rows, key=lambda r: (r[0], r[1]))
            ]

        return await self._write("claim_notifications", job)

    async def finish_notifications(
        self, done: list[PendingNotification], retry: list[tuple[PendingNotification, int]]
    ) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "DELETE FROM notifications WHERE handle = ? AND conv = ? AND seq <= ?",
                [(n.user, n.conv, n.seq) for n in done],
            )
            conn.executemany(
                "UPDATE notifications SET due_ms = ?, attempts = attempts + 1 "
                "WHERE handle = ? AND conv = ?",
                [(due_ms, n.user, n.conv) for n, due_ms in retry],
            )

        await self._write("finish_notifications", job)

    async def update_presence(
        self, node: str, online: list[str], offline: list[str], until_ms: int
    ) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT INTO presence(handle, node, until_ms) VALUES (?, ?, ?) "
                "ON CONFLICT(handle, node) DO UPDATE SET until_ms = excluded.until_ms",
                [(user, node, until_ms) for user in online],
            )
            conn.executemany(
                "DELETE FROM presence WHERE handle = ? AND node = ?",
                [(user, node) for user in offline],
            )

        # Critical (D55): a hello waits for it (Presence.arrived), and must not wait behind a
        # backlog of sends. One flush at a time, of at most every connected user.
        await self._write("update_presence", job, critical=True)

    async def online(self, users: list[str], now_ms: int) -> frozenset[str]:
        def job(conn: sqlite3.Connection) -> frozenset[str]:
            rows = conn.execute(
                "SELECT DISTINCT handle FROM presence WHERE until_ms > ? "
                "AND handle IN (SELECT value FROM json_each(?))",
                (now_ms, encode_json(users).decode()),
            )
            return frozenset(str(r[0]) for r in rows)

        return await self._read("online", job)

    async def claim_push_key(self, private_key: str) -> str:
        def job(conn: sqlite3.Connection) -> str:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                (PUSH_KEY_KEY, private_key),
            )
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (PUSH_KEY_KEY,))
            return str(row.fetchone()[0])

        return await self._write("claim_push_key", job)

    async def prune_deliveries(self, state: DeliveryState, before_ms: int, limit: int) -> int:
        def job(conn: sqlite3.Connection) -> int:
            return conn.execute(
                "DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries "
                "WHERE state = ? AND next_ms < ? LIMIT ?)",
                (state.value, before_ms, limit),
            ).rowcount

        return await self._write("prune_deliveries", job)

    # -- blocks -----------------------------------------------------------------------------

    async def block(self, user: str, target: str, now_ms: int) -> None:
        def job(conn: sqlite3.Connection) -> None:
            exists = conn.execute("SELECT 1 FROM accounts WHERE handle = ?", (target,)).fetchone()
            (count,) = conn.execute(
                "SELECT COUNT(*) FROM blocks WHERE blocker = ?", (user,)
            ).fetchone()
            already = conn.execute(
                "SELECT 1 FROM blocks WHERE blocker = ? AND blocked = ?", (user, target)
            ).fetchone()
            rules.check_block(
                user, target, target_exists=exists is not None, blocks=count - (already is not None)
            )
            conn.execute(
                "INSERT INTO blocks(blocker, blocked, created_ms) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (user, target, now_ms),
            )

        await self._write("block", job)

    async def unblock(self, user: str, target: str) -> None:
        def job(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM blocks WHERE blocker = ? AND blocked = ?", (user, target))

        await self._write("unblock", job)

    async def blocks(self, user: str) -> list[str]:
        def job(conn: sqlite3.Connection) -> list[str]:
            rows = conn.execute(
                "SELECT blocked FROM blocks WHERE blocker = ? ORDER BY blocked", (user,)
            )
            return [str(r[0]) for r in rows]

        return await self._read("blocks", job)


# -- helpers that run inside a transaction ---------------------------------------------------


def _role(conn: sqlite3.Connection, conv: str, handle: str) -> Role | None:
    row = conn.execute(
        "SELECT role FROM members WHERE conv = ? AND handle = ?", (conv, handle)
    ).fetchone()
    return Role(row[0]) if row is not None else None


def _last_seq(conn: sqlite3.Connection, conv: str) -> int:
    row = conn.execute("SELECT last_seq FROM conversations WHERE id = ?", (conv,)).fetchone()
    return int(row[0]) if row is not None else 0


def _add_members(
    conn: sqlite3.Connection, conv: str, members: Iterable[tuple[str, Role]], joined_seq: int
) -> None:
    """Add members who joined by the event at ``joined_seq``, and count the conversation in
    each one's total (the cap of :func:`_check_joiner`)."""
    rows = [(conv, handle, role.value, joined_seq) for handle, role in members]
    conn.executemany(
        "INSERT INTO members(conv, handle, role, joined_seq) VALUES (?, ?, ?, ?)", rows
    )
    conn.executemany(
        "UPDATE accounts SET conversations = conversations + 1 WHERE handle = ?",
        [(row[1],) for row in rows],
    )


def _check_joiner(conn: sqlite3.Connection, actor: str, joiner: str) -> None:
    """``joiner`` exists and may be put into one more conversation by ``actor``."""
    row = conn.execute("SELECT conversations FROM accounts WHERE handle = ?", (joiner,)).fetchone()
    if row is None:
        raise ProtocolViolation(ErrorCode.NOT_FOUND, "no such user")
    blocks_actor = (
        joiner != actor
        and conn.execute(
            "SELECT 1 FROM blocks WHERE blocker = ? AND blocked = ?", (joiner, actor)
        ).fetchone()
        is not None
    )
    rules.check_joiner(actor, joiner, conversations=int(row[0]), blocks_actor=blocks_actor)


def _event_at(conn: sqlite3.Connection, conv: str, seq: int) -> Event | None:
    row = conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE conv = ? AND seq = ?", (conv, seq)
    ).fetchone()
    return row_to_event(row) if row is not None else None


def _append_event(
    conn: sqlite3.Connection,
    conv: str,
    kind: EventKind,
    *,
    sender: str,
    ts: int,
    client_msg_id: str | None = None,
    body: str | None = None,
    meta: MessageMeta | None = None,
    target_seq: int | None = None,
    members: tuple[str, ...] | None = None,
    title: str | None = None,
) -> Event:
    """The one place a seq is allocated: the next after the conversation's last (G3)."""
    (seq,) = conn.execute(
        "UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq", (conv,)
    ).fetchone()
    event = Event(
        conv=conv,
        seq=seq,
        kind=kind,
        sender=sender,
        ts=ts,
        client_msg_id=client_msg_id,
        body=body,
        meta=meta,
        target_seq=target_seq,
        members=members,
        title=title,
    )
    conn.execute(
        f"INSERT INTO events({EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conv,
            seq,
            kind.value,
            sender,
            ts,
            client_msg_id,
            body,
            encode_json(meta).decode() if meta is not None else None,
            target_seq,
            encode_json(members).decode() if members is not None else None,
            title,
        ),
    )
    # The outbox row of the event, in its transaction: the only outbox cost a send pays (D48).
    conn.execute("INSERT INTO outbox(conv, seq, created_ms) VALUES (?, ?, ?)", (conv, seq, ts))
    return event


def _result_of(event: Event) -> AppendResult:
    return AppendResult(
        conv=event.conv, seq=event.seq, ts=event.ts, client_msg_id=event.client_msg_id
    )


def _delivery_at(conn: sqlite3.Connection, delivery: int) -> Delivery | None:
    row = conn.execute(
        f"SELECT {DELIVERY_COLUMNS} FROM deliveries d JOIN webhooks w ON w.id = d.webhook "
        "WHERE d.id = ?",
        (delivery,),
    ).fetchone()
    return row_to_delivery(row) if row is not None else None
