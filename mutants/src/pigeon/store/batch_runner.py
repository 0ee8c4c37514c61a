"""Threads that take database jobs off one bounded queue in batches.

A job is a function of a ``sqlite3.Connection``. Each thread owns one connection, takes
whatever is queued (up to ``max_batch``) and runs it as one batch; the outcomes of a batch
reach the event loop in one ``call_soon_threadsafe``. Per job, that is one queue put and a
share of one wake-up on each side, instead of a thread-pool future per job: the reason this
exists (docs/DECISIONS.md, D13).

The queue is bounded: past ``max_queue`` waiting jobs, :meth:`BatchRunner.submit` refuses at
once with ``busy`` instead of queueing without limit (G6). Subclasses say what a batch is:
:class:`~pigeon.store.group_commit.GroupCommitWriter` (one transaction, one fsync) and
:class:`~pigeon.store.snapshot_reader.SnapshotReader` (one read snapshot).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pigeon.errors import ErrorCode, RateLimited, StoreUnavailable

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[sqlite3.Connection], T]


@dataclass(slots=True)
class Pending(Generic[T]):
    """A queued job; ``outcome`` is (True, value) or (False, exception) once it ran."""

    name: str
    job: Job[T]
    future: asyncio.Future[T]
    after_commit: Callable[[T], None] | None = None
    outcome: tuple[bool, object] = field(default=(False, None))


_STOP = object()


class BatchRunner:
    """``threads`` threads, each with a connection from ``connect``, sharing one queue."""

    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        *,
        name: str,
        threads: int = 1,
        max_batch: int = 512,
        max_queue: int = 20_000,
    ) -> None:
        self._connect = connect
        self._name = name
        self._thread_count = threads
        self.max_batch = max_batch
        self._queue: queue.Queue[Pending[object] | object] = queue.Queue(maxsize=max_queue)
        self._threads: list[threading.Thread] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._failed: BaseException | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        for i in range(self._thread_count):
            conn = self._connect()
            thread = threading.Thread(
                target=self._run, args=(conn,), name=f"pigeon-{self._name}-{i}", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    async def stop(self) -> None:
        """Let queued jobs finish, then stop the threads."""
        if not self._threads:
            return
        for _ in self._threads:
            self._queue.put(_STOP)
        for thread in self._threads:
            await asyncio.to_thread(thread.join)
        self._threads.clear()

    def submit(
        self, name: str, job: Job[T], after_commit: Callable[[T], None] | None = None
    ) -> asyncio.Future[T]:
        """Queue ``job`` for a coming batch. The future resolves once its batch is done;
        ``after_commit`` then runs on the loop, in batch order, before the future resolves."""
        if self._failed is not None or not self._threads or self._loop is None:
            raise StoreUnavailable(f"the {self._name} is not running") from self._failed
        fut: asyncio.Future[T] = self._loop.create_future()
        pending = Pending(name, job, fut, after_commit)
        try:
            self._queue.put_nowait(pending)
        except queue.Full:
            raise RateLimited(100, ErrorCode.BUSY) from None
        return fut

    def running(self) -> bool:
        threads = self._threads
        return self._failed is None and bool(threads) and all(t.is_alive() for t in threads)

    def queued(self) -> int:
        return self._queue.qsize()

    def run_batch(self, conn: sqlite3.Connection, batch: list[Pending[object]]) -> None:
        """Run every job of ``batch`` and set its outcome (called on a runner thread)."""
        raise NotImplementedError

    # -- the threads ------------------------------------------------------------------------

    def _run(self, conn: sqlite3.Connection) -> None:
        try:
            while True:
                first = self._queue.get()
                if first is _STOP:
                    return
                batch: list[Pending[object]] = [first]  # type: ignore[list-item]
                stop = False
                while len(batch) < self.max_batch:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is _STOP:
                        stop = True
                        break
                    batch.append(item)  # type: ignore[arg-type]
                try:
                    self.run_batch(conn, batch)
                finally:
                    self.deliver(batch)
                if stop:
                    return
        except BaseException as exc:  # a thread must never die silently
            log.exception("%s thread failed", self._name)
            self._failed = exc
            self._fail_queued(exc)
        finally:
            conn.close()

    def deliver(self, batch: list[Pending[object]]) -> None:
        assert self._loop is not None
        # A closed loop (RuntimeError) means nobody is waiting any more.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(_resolve, batch)

    def _fail_queued(self, exc: BaseException) -> None:
        batch: list[Pending[object]] = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not _STOP:
                pending: Pending[object] = item  # type: ignore[assignment]
                pending.outcome = (False, StoreUnavailable(f"{self._name} failed: {exc!r}"))
                batch.append(pending)
        if batch:
            self.deliver(batch)


def _resolve(batch: list[Pending[object]]) -> None:
    for pending in batch:
        ok, value = pending.outcome
        if ok and pending.after_commit is not None:
            try:
                pending.after_commit(value)
            except Exception:
                log.exception("after_commit of %s failed", pending.name)
        if pending.future.done():
            continue
        if ok:
            pending.future.set_result(value)
        else:
            assert isinstance(value, BaseException)
            pending.future.set_exception(value)
