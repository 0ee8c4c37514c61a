"""A small asyncio TCP proxy the nemesis puts between one gateway and its store or bus, to
partition that link or slow it down (``tc netem`` is not available on these machines, and
toxiproxy is not packaged: docs/DECISIONS.md D52).

While partitioned, the proxy stops moving bytes both ways and holds new connections
unanswered, as a network that drops every packet does; on heal it moves them on, as TCP's
retransmissions would after a short partition (each direction holds at most one read of
``CHUNK`` bytes meanwhile; the rest waits in the kernel's socket buffers). Latency delays each
chunk, in order within a connection; connections are delayed independently, so requests on
two connections may overtake one another (reordering between connections; TCP itself never
reorders within one).
"""

from __future__ import annotations

import asyncio
import contextlib

CHUNK = 64 * 1024
MAX_CONNECTIONS = 256
CONNECT_TIMEOUT_S = 10.0


# A connection accepted as its listener closes reaches its handler a few loop turns later
# (the accept, the transport's creation, connection_made, the handler's task): a close lets
# that many pass, so no handler first runs after it, on a loop that may be ending.
ACCEPT_TURNS = 8


async def drain_accepts() -> None:
    """Let connections a just-closed listener had accepted reach their handlers."""
    for _ in range(ACCEPT_TURNS):
        await asyncio.sleep(0)


class FaultProxy:
    """Listens on 127.0.0.1 (a free port: :attr:`port` after :meth:`start`) and forwards each
    connection to ``upstream_port`` on 127.0.0.1. Its methods run on the event loop."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = 0
        self.latency_s = 0.0
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[object]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._closing = False
        self.held = 0  # chunks a partition has held, so far
        self._holding = asyncio.Event()  # set once a partition holds a chunk

    async def start(self) -> FaultProxy:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def partition(self) -> None:
        self._flowing.clear()
        self._holding.clear()

    async def wait_held(self) -> None:
        """Return once the partition holds bytes that were on their way (a test's sign that
        its request reached this link and stopped there)."""
        await self._holding.wait()

    def heal(self) -> None:
        self._flowing.set()
        self.latency_s = 0.0

    @property
    def partitioned(self) -> bool:
        return not self._flowing.is_set()

    async def close(self) -> None:
        """Stop listening and end every connection; waits (bounded) until each has ended:
        a connection task left to the loop's end leaks its sockets (a ResourceWarning that
        a later test is blamed for). A connection accepted just before the listener closed
        has its task started only at the next loop turn: it must find the proxy closing,
        not dial the upstream after this returned."""
        self._closing = True
        if self._server is not None:
            self._server.close()
        self._flowing.set()
        for writer in list(self._writers):
            writer.close()
        await drain_accepts()  # let such tasks start, see _closing and end
        if self._connections:
            _, left = await asyncio.wait(self._connections, timeout=CONNECT_TIMEOUT_S)
            for task in left:
                task.cancel()
            if left:
                await asyncio.wait(left, timeout=CONNECT_TIMEOUT_S)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._closing or len(self._writers) >= 2 * MAX_CONNECTIONS:
            writer.close()
            return
        self._writers.add(writer)
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        upstream_writer: asyncio.StreamWriter | None = None
        try:
            await self._flowing.wait()  # a partition holds a new connection until it heals
            if self._closing:
                return
            async with asyncio.timeout(CONNECT_TIMEOUT_S):
                upstream_reader, upstream_writer = await asyncio.open_connection(
                    "127.0.0.1", self.upstream_port
                )
            self._writers.add(upstream_writer)
            if self._closing:  # closed while this dialled: its writers are not closed yet
                return
            pipes = [
                asyncio.ensure_future(self._pipe(reader, upstream_writer)),
                asyncio.ensure_future(self._pipe(upstream_reader, writer)),
            ]
            try:
                await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for pipe in pipes:
                    pipe.cancel()
                await asyncio.gather(*pipes, return_exceptions=True)
        except (OSError, TimeoutError):
            pass  # the upstream is down: the client sees its connection close
        finally:
            self._connections.discard(task)
            ends = [end for end in (writer, upstream_writer) if end is not None]
            for end in ends:
                self._writers.discard(end)
                end.close()
            # A close only schedules the socket's release: wait for it, so that none is left
            # to a loop that ends next (a ResourceWarning a later test is blamed for).
            await asyncio.gather(*(end.wait_closed() for end in ends), return_exceptions=True)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await reader.read(CHUNK):
                if not self._flowing.is_set():
                    self.held += 1
                    self._holding.set()
                    await self._flowing.wait()  # partitioned: hold this chunk until the heal
                if self.latency_s:
                    await asyncio.sleep(self.latency_s)  # the injected latency itself
                writer.write(data)
                await writer.drain()
            if writer.can_write_eof():
                writer.write_eof()
