"""Benchmark of WebSocket server libraries under uvloop on loopback.

Server libraries compared (each running under uvloop, in its own process on CPU 0):

* ``aiohttp``       aiohttp ``WebSocketResponse(compress=False)``. Request/reply uses
                    ``await ws.send_str``. Fan-out builds the server frame (header + payload)
                    once and writes it with ``transport.write`` to each receiver's transport.
                    That is what aiohttp's own writer does for an uncompressed frame, minus the
                    coroutine per receiver.
* ``aiohttp-await`` same server, but fan-out runs ``for ws in subs: await ws.send_str(text)``,
                    the plain API. Only the fan-out workload differs from ``aiohttp``.
* ``websockets``    websockets' asyncio server with ``compression=None``. Request/reply uses
                    ``async for m in ws: await ws.send(m)``. Fan-out uses the library's own
                    synchronous ``broadcast(subs, payload_bytes, text=True)``.
* ``picows``        ``ws_create_server(..., read_buffer_init_size=1024)``. It replies, and fans
                    out, with ``WSTransport.send`` from ``on_ws_frame`` (which is synchronous).

The load client is always picows, the cheapest client, in a separate process on CPU 1, so
what gets measured is the server.

Workloads:

* ``reqrep``: ``--conns`` connections, each with ``--window`` (default 1) ~100-byte JSON text
  frames in flight, in a closed loop. The server echoes each frame. Round-trip time comes
  from a per-connection FIFO of send timestamps.
* ``fanout``: ``--conns`` receivers plus one publisher connection. Each ~150-byte frame the
  publisher sends is sent by the server to every receiver. The publisher keeps ``--window``
  (default 4) publishes in flight: it sends the next publish only when every receiver has
  received an earlier one, so no buffer grows without bound. Latency is measured from the
  publish to the moment the last receiver gets the frame.

Each run has a ``--warmup`` (default 0.7 s), then ``--seconds`` of measurement. Server CPU
seconds are read from ``/proc/PID/stat`` over the measurement window. The script prints
one JSON line.

usage: ws_libs.py --lib {aiohttp,aiohttp-await,websockets,picows} --workload {reqrep,fanout}
                  --conns N [--seconds S] [--window W] [--warmup S]

Every step is bounded: timeouts on server start and on connecting, a drain limit, and
stopping of the server process by its pid.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import importlib.metadata
import json
import multiprocessing as mp
import os
import platform
import signal
import struct
import sys
import time
from collections.abc import Callable
from typing import Any

import uvloop

HOST = "127.0.0.1"
CLK_TCK = os.sysconf("SC_CLK_TCK")
SERVER_CPU = 0
CLIENT_CPU = 1
PICOWS_READ_BUFFER = 1024
LIBS = ("aiohttp", "aiohttp-await", "websockets", "picows")

# ~100-byte JSON text frame, shaped like a "send" request (98 bytes).
REQ_PAYLOAD = (
    b'{"op":"send","conv":"c_123456","cid":"0123456789abcdef",'
    b'"body":"hello there, this is a message!"}'
)
# ~150-byte JSON text frame, shaped like a pushed message. The sequence number sits at
# bytes 6..16 as a zero-padded string so that the client can parse it cheaply.
FAN_SEQ = slice(6, 16)
FAN_TEMPLATE = (
    '{"s":"%010d","op":"msg","conv":"c_123456","seq":1,"from":"u_42",'
    '"ts":1764000000000,"body":"hello everyone, this is a message for the group"}'
)


def fan_payload(seq: int) -> bytes:
    """Return the fan-out frame payload carrying ``seq``."""
    return (FAN_TEMPLATE % seq).encode()


def cpu_times(pid: int) -> tuple[float, float]:
    """Return (utime, stime) of process ``pid`` in seconds, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) / CLK_TCK, int(fields[12]) / CLK_TCK


def cpu_seconds(pid: int) -> float:
    """Return utime + stime of process ``pid`` in seconds."""
    return sum(cpu_times(pid))


def rss_mib(pid: int) -> float:
    """Return VmRSS of process ``pid`` in MiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def server_text_frame(payload: bytes) -> bytes:
    """Encode one unmasked, final, uncompressed text frame (server to client, RFC 6455)."""
    n = len(payload)
    if n < 126:
        header = struct.pack("!BB", 0x81, n)
    elif n < 65536:
        header = struct.pack("!BBH", 0x81, 126, n)
    else:
        header = struct.pack("!BBQ", 0x81, 127, n)
    return header + payload


def versions() -> dict[str, str]:
    """Return the versions of Python and of the libraries under test."""
    out = {"python": platform.python_version()}
    for name in ("uvloop", "aiohttp", "websockets", "picows"):
        out[name] = importlib.metadata.version(name)
    return out


# --------------------------------------------------------------------------- servers


async def start_aiohttp(workload: str, await_send: bool) -> tuple[int, Any]:
    """Start an aiohttp server; return (port, runner)."""
    from aiohttp import WSMsgType, web

    async def echo(req: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(compress=False)
        await ws.prepare(req)
        async for m in ws:
            if m.type == WSMsgType.TEXT:
                await ws.send_str(m.data)
        return ws

    subs: dict[web.WebSocketResponse, asyncio.Transport] = {}

    async def sub(req: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(compress=False)
        await ws.prepare(req)
        transport = req.transport
        assert transport is not None
        subs[ws] = transport
        try:
            async for _ in ws:
                pass
        finally:
            subs.pop(ws, None)
        return ws

    async def pub(req: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(compress=False)
        await ws.prepare(req)
        async for m in ws:
            if m.type != WSMsgType.TEXT:
                continue
            if await_send:
                for r in list(subs):
                    await r.send_str(m.data)
            else:
                frame = server_text_frame(m.data.encode())
                for t in subs.values():
                    if not t.is_closing():
                        t.write(frame)
        return ws

    app = web.Application()
    if workload == "reqrep":
        app.router.add_get("/", echo)
    else:
        app.router.add_get("/sub", sub)
        app.router.add_get("/pub", pub)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, HOST, 0, backlog=2048)
    await site.start()
    return runner.addresses[0][1], runner


async def start_websockets(workload: str) -> tuple[int, Any]:
    """Start a websockets server (compression=None); return (port, server)."""
    from websockets.asyncio.server import ServerConnection, broadcast, serve
    from websockets.exceptions import ConnectionClosed

    subs: set[ServerConnection] = set()

    async def handler(ws: ServerConnection) -> None:
        path = ws.request.path if ws.request else "/"
        try:
            if workload == "reqrep":
                async for m in ws:
                    await ws.send(m)
            elif path == "/sub":
                subs.add(ws)
                await ws.wait_closed()
            else:
                while True:
                    data = await ws.recv(decode=False)
                    broadcast(subs, data, text=True)
        except ConnectionClosed:
            pass
        finally:
            subs.discard(ws)

    server = await serve(handler, HOST, 0, compression=None, backlog=2048)
    return server.sockets[0].getsockname()[1], server


async def start_picows(workload: str) -> tuple[int, Any]:
    """Start a picows server (small read buffer); return (port, server)."""
    from picows import (
        WSFrame,
        WSListener,
        WSMsgType,
        WSTransport,
        WSUpgradeRequest,
        ws_create_server,
    )

    subs: set[WSTransport] = set()

    class Echo(WSListener):
        def on_ws_frame(self, t: WSTransport, f: WSFrame) -> None:
            if f.msg_type == WSMsgType.TEXT:
                t.send(WSMsgType.TEXT, f.get_payload_as_bytes())

    class Sub(WSListener):
        def on_ws_connected(self, t: WSTransport) -> None:
            subs.add(t)

        def on_ws_disconnected(self, t: WSTransport) -> None:
            subs.discard(t)

    class Pub(WSListener):
        def on_ws_frame(self, t: WSTransport, f: WSFrame) -> None:
            if f.msg_type == WSMsgType.TEXT:
                data = f.get_payload_as_bytes()
                for r in subs:
                    r.send(WSMsgType.TEXT, data)

    def factory(req: WSUpgradeRequest) -> WSListener:
        if workload == "reqrep":
            return Echo()
        return Sub() if req.path == b"/sub" else Pub()

    server = await ws_create_server(
        factory, HOST, 0, backlog=2048, read_buffer_init_size=PICOWS_READ_BUFFER
    )
    return server.sockets[0].getsockname()[1], server


async def start_server(lib: str, workload: str) -> tuple[int, Any]:
    """Start the server for ``lib``; return (port, handle that keeps it alive)."""
    if lib in ("aiohttp", "aiohttp-await"):
        return await start_aiohttp(workload, await_send=lib == "aiohttp-await")
    if lib == "websockets":
        return await start_websockets(workload)
    if lib == "picows":
        return await start_picows(workload)
    raise SystemExit(f"unknown lib {lib}")


def server_proc(lib: str, workload: str, port_q: mp.Queue[int], lifetime: float) -> None:
    """Server process body: pinned to SERVER_CPU, serves until terminated or ``lifetime``."""
    os.sched_setaffinity(0, {SERVER_CPU})

    async def main() -> None:
        port, handle = await start_server(lib, workload)
        port_q.put(port)
        await asyncio.sleep(lifetime)  # bounded; the parent normally terminates us first
        del handle

    uvloop.run(main())


# --------------------------------------------------------------------------- client


def percentile_ms(sorted_s: list[float], q: float) -> float | None:
    """Return the q-quantile of sorted seconds, in ms (None if empty)."""
    if not sorted_s:
        return None
    return round(sorted_s[min(len(sorted_s) - 1, int(len(sorted_s) * q))] * 1e3, 3)


async def connect_all(
    factory: Callable[[], Any], url: str, n: int, limit_s: float
) -> list[tuple[Any, Any]]:
    """Open ``n`` picows connections within ``limit_s``, 100 at a time (listen backlogs)."""
    from picows import ws_connect

    out: list[tuple[Any, Any]] = []
    deadline = time.monotonic() + limit_s
    for i in range(0, n, 100):
        left = max(0.1, deadline - time.monotonic())
        chunk = await asyncio.wait_for(
            asyncio.gather(*[ws_connect(factory, url) for _ in range(i, min(n, i + 100))]), left
        )
        out.extend(chunk)
    return out


class Window:
    """CPU use of the server and of this client over one measurement window."""

    elapsed: float
    server_user: float
    server_sys: float
    client: float

    @property
    def server(self) -> float:
        """Server CPU seconds (user + system) in the window."""
        return self.server_user + self.server_sys

    def cpu_fields(self) -> dict[str, float]:
        """CPU use as fractions of one core over the window."""
        el = self.elapsed
        return {
            "server_cpu": round(self.server / el, 3),
            "server_user_cpu": round(self.server_user / el, 3),
            "server_sys_cpu": round(self.server_sys / el, 3),
            "client_cpu": round(self.client / el, 3),
        }


async def measure(st: dict[str, Any], warmup: float, seconds: float, server_pid: int) -> Window:
    """Run the warm-up, then the measurement window; return its elapsed time and CPU use.

    On loopback, the kernel's receive-side TCP work for a frame the server sends is mostly
    charged to the server process (as system time), so ``server_sys`` covers both ends'
    kernel work for that frame.
    """
    await asyncio.sleep(warmup)
    st["measuring"] = True
    (su0, ss0), c0, t0 = cpu_times(server_pid), cpu_seconds(os.getpid()), time.perf_counter()
    await asyncio.sleep(seconds)
    st["measuring"] = False
    w = Window()
    w.elapsed = time.perf_counter() - t0
    su1, ss1 = cpu_times(server_pid)
    w.server_user, w.server_sys = su1 - su0, ss1 - ss0
    w.client = cpu_seconds(os.getpid()) - c0
    return w


async def drain(pending: Callable[[], bool], limit: float = 5.0) -> None:
    """Wait (at most ``limit`` seconds) until ``pending()`` is false."""
    deadline = time.perf_counter() + limit
    while pending() and time.perf_counter() < deadline:  # noqa: ASYNC110 - state lives in callbacks
        await asyncio.sleep(0.01)


def close_all(clients: list[tuple[Any, Any]]) -> None:
    """Close every picows client connection."""
    for t, _ in clients:
        t.send_close()
        t.disconnect()


async def client_reqrep(
    port: int, conns: int, window: int, warmup: float, seconds: float, server_pid: int
) -> dict[str, Any]:
    """Closed-loop request/reply load; return the metrics."""
    from picows import WSFrame, WSListener, WSMsgType, WSTransport

    st: dict[str, Any] = {"done": 0, "measuring": False, "stop": False, "inflight": 0}
    lat: list[float] = []
    pc = time.perf_counter

    class L(WSListener):
        def on_ws_connected(self, t: WSTransport) -> None:
            self.t = t
            self.q: collections.deque[float] = collections.deque()

        def kick(self) -> None:
            for _ in range(window):
                self.q.append(pc())
                self.t.send(WSMsgType.TEXT, REQ_PAYLOAD)
            st["inflight"] += window

        def on_ws_frame(self, t: WSTransport, f: WSFrame) -> None:
            now = pc()
            sent = self.q.popleft()
            if st["measuring"]:
                st["done"] += 1
                lat.append(now - sent)
            if st["stop"]:
                st["inflight"] -= 1
            else:
                self.q.append(now)
                t.send(WSMsgType.TEXT, REQ_PAYLOAD)

    t_conn = pc()
    clients = await connect_all(L, f"ws://{HOST}:{port}/", conns, 60)
    connect_s = pc() - t_conn
    for _, listener in clients:
        listener.kick()
    w = await measure(st, warmup, seconds, server_pid)
    el, done = w.elapsed, st["done"]
    st["stop"] = True
    await drain(lambda: st["inflight"] > 0)
    close_all(clients)
    await asyncio.sleep(0.2)
    lat.sort()
    return {
        "round_trips_per_s": round(done / el),
        "p50_ms": percentile_ms(lat, 0.50),
        "p99_ms": percentile_ms(lat, 0.99),
        **w.cpu_fields(),
        "round_trips_per_server_cpu_s": round(done / max(w.server, 1e-9)),
        "connect_s": round(connect_s, 2),
    }


async def client_fanout(
    port: int, receivers: int, window: int, warmup: float, seconds: float, server_pid: int
) -> dict[str, Any]:
    """One publisher, ``receivers`` receivers; closed loop of ``window`` publishes in flight."""
    from picows import WSFrame, WSListener, WSMsgType, WSTransport

    st: dict[str, Any] = {"deliveries": 0, "completed": 0, "measuring": False, "stop": False}
    remaining: dict[int, int] = {}  # seq -> receivers that have not got it yet
    published_at: dict[int, float] = {}
    lat: list[float] = []
    pc = time.perf_counter
    next_seq = [1]
    pub_t: list[WSTransport] = []

    def publish() -> None:
        seq = next_seq[0]
        next_seq[0] += 1
        remaining[seq] = receivers
        published_at[seq] = pc()
        pub_t[0].send(WSMsgType.TEXT, fan_payload(seq))

    class Receiver(WSListener):
        def on_ws_frame(self, t: WSTransport, f: WSFrame) -> None:
            if f.msg_type != WSMsgType.TEXT:
                return
            seq = int(f.get_payload_as_bytes()[FAN_SEQ])
            if st["measuring"]:
                st["deliveries"] += 1
            left = remaining[seq] - 1
            if left:
                remaining[seq] = left
                return
            del remaining[seq]
            sent = published_at.pop(seq)
            if st["measuring"]:
                st["completed"] += 1
                lat.append(pc() - sent)
            if not st["stop"]:
                publish()

    class Publisher(WSListener):
        def on_ws_connected(self, t: WSTransport) -> None:
            pub_t.append(t)

    t_conn = pc()
    clients = await connect_all(Receiver, f"ws://{HOST}:{port}/sub", receivers, 60)
    clients += await connect_all(Publisher, f"ws://{HOST}:{port}/pub", 1, 10)
    connect_s = pc() - t_conn
    await asyncio.sleep(0.3)  # let the server register the last receivers before publishing
    for _ in range(window):
        publish()
    w = await measure(st, warmup, seconds, server_pid)
    el, deliveries, completed = w.elapsed, st["deliveries"], st["completed"]
    st["stop"] = True
    await drain(lambda: bool(remaining))
    lost = len(remaining)
    close_all(clients)
    await asyncio.sleep(0.2)
    lat.sort()
    return {
        "deliveries_per_s": round(deliveries / el),
        "publishes_per_s": round(completed / el),
        "p50_ms": percentile_ms(lat, 0.50),
        "p99_ms": percentile_ms(lat, 0.99),
        **w.cpu_fields(),
        "deliveries_per_server_cpu_s": round(deliveries / max(w.server, 1e-9)),
        "server_cpu_us_per_delivery": round(w.server / max(deliveries, 1) * 1e6, 3),
        "server_user_us_per_delivery": round(w.server_user / max(deliveries, 1) * 1e6, 3),
        "undelivered_at_end": lost,
        "connect_s": round(connect_s, 2),
    }


def client_proc(args: argparse.Namespace, port: int, server_pid: int, out_q: mp.Queue[Any]) -> None:
    """Client process body: pinned to CLIENT_CPU; puts the result dict (or an error) on out_q."""
    os.sched_setaffinity(0, {CLIENT_CPU})
    fn = client_reqrep if args.workload == "reqrep" else client_fanout
    try:
        r = uvloop.run(fn(port, args.conns, args.window, args.warmup, args.seconds, server_pid))
        r["server_rss_mib"] = rss_mib(server_pid)
        out_q.put(r)
    except BaseException as e:  # report, never hang the parent
        out_q.put({"error": f"{type(e).__name__}: {e}"})


# --------------------------------------------------------------------------- main


def stop(p: mp.process.BaseProcess) -> None:
    """Stop one child process by its own pid: SIGTERM, then SIGKILL after 5 s."""
    if p.is_alive():
        p.terminate()
        p.join(5)
    if p.is_alive():
        p.kill()
        p.join(5)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run one benchmark: start the server, run the client, stop both; return the result."""
    ctx = mp.get_context("fork")
    budget = args.warmup + args.seconds + 90
    port_q: mp.Queue[int] = ctx.Queue()
    out_q: mp.Queue[Any] = ctx.Queue()
    server = ctx.Process(target=server_proc, args=(args.lib, args.workload, port_q, budget + 30))
    server.start()
    client: mp.process.BaseProcess | None = None
    try:
        port = port_q.get(timeout=20)
        assert server.pid is not None
        client = ctx.Process(target=client_proc, args=(args, port, server.pid, out_q))
        client.start()
        result: dict[str, Any] = out_q.get(timeout=budget)
        client.join(10)
    finally:
        if client is not None:
            stop(client)
        stop(server)
    return result


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, run one benchmark and print one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lib", required=True, choices=LIBS)
    ap.add_argument("--workload", required=True, choices=("reqrep", "fanout"))
    ap.add_argument(
        "--conns", type=int, default=100, help="connections (reqrep) or receivers (fanout)"
    )
    ap.add_argument("--seconds", type=float, default=3.0, help="measurement window")
    ap.add_argument("--warmup", type=float, default=0.7)
    ap.add_argument(
        "--window",
        type=int,
        default=None,
        help="frames in flight per connection (reqrep, default 1) "
        "or publishes in flight (fanout, default 4)",
    )
    ap.add_argument("--rep", type=int, default=0, help="repetition number, copied to the output")
    args = ap.parse_args(argv)
    if args.window is None:
        args.window = 1 if args.workload == "reqrep" else 4
    if not (0 < args.seconds <= 60 and 0 < args.conns <= 15000 and 0 < args.window <= 64):
        ap.error("seconds in (0, 60], conns in (0, 15000], window in (0, 64]")
    if os.cpu_count() is None or max(SERVER_CPU, CLIENT_CPU) >= (os.cpu_count() or 0):
        ap.error("needs at least 2 CPUs")
    # On SIGTERM (e.g. from `timeout`), unwind so that run() stops both children by pid.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load1 = os.getloadavg()[0]
    r = run(args)
    out = {
        "lib": args.lib,
        "workload": args.workload,
        "conns": args.conns,
        "window": args.window,
        "seconds": args.seconds,
        "rep": args.rep,
        **r,
        "loadavg1_before": round(load1, 2),
        "versions": versions(),
        "ts": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    print(json.dumps(out), flush=True)
    if "error" in r:
        sys.exit(1)


if __name__ == "__main__":
    main()
