"""Random and mutated frames against one running server: it answers each with a valid frame or
a documented error, never crashes, never stores a partial message, and keeps serving a
well-behaved client (G5, G6; the oracle of STYLE.md section 8)."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import hypothesis.strategies as st
import msgspec
from hypothesis import HealthCheck, example, given, settings

from pigeon.core.frames import (
    Ack,
    ConversationList,
    Conversations,
    Delete,
    Edit,
    Error,
    Hello,
    History,
    Lagged,
    Ok,
    Page,
    Pushed,
    Read,
    Send,
    ServerFrame,
    Typing,
    TypingNotice,
    Welcome,
    decode_client_frame,
    decode_server_frame,
)
from pigeon.core.records import Event, EventKind
from pigeon.errors import ErrorCode, ProtocolViolation
from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

MAX_FRAME = 64 * 1024  # max_frame_bytes, the default
FAKE_CONV = "c0123456789abcdef"
# Codes that mean the server broke, not the request: the store is healthy throughout.
BROKEN = {ErrorCode.INTERNAL, ErrorCode.UNAVAILABLE}
# Sentinel request ids, counted down from the largest valid id: the fuzzer draws small ones.
SENTINELS = itertools.count(2**53 - 1, -1)
REPLY_TYPES: dict[type, type] = {
    Send: Ack,
    Edit: Ack,
    Delete: Ack,
    Read: Ok,
    History: Page,
    Conversations: ConversationList,
}


@dataclass(frozen=True)
class Payload:
    """One WebSocket message: its bytes, and whether it goes as a binary frame."""

    data: bytes
    binary: bool


@dataclass(frozen=True)
class RawJson:
    """JSON text spliced in verbatim: what an encoder will not write, like 5000-deep nesting."""

    text: str


Pairs = list[tuple[str, Any]]  # an object's members in order, duplicate keys allowed


def to_json(pairs: Pairs) -> str:
    return "{" + ",".join(f"{json.dumps(k)}:{value_to_json(v)}" for k, v in pairs) + "}"


def value_to_json(value: object) -> str:
    if isinstance(value, RawJson):
        return value.text
    return json.dumps(value, ensure_ascii=False)


# -- strategies ---------------------------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
huge_numbers = st.sampled_from(
    [2**53, 2**53 + 1, 2**63, 2**64, -1, -(2**63), 10**30, 10**400, 1e308, -0.0, 0.5, 1e-320]
)
nested = st.integers(1, 3000).flatmap(
    lambda n: st.sampled_from([RawJson("[" * n + "]" * n), RawJson('{"a":' * n + "1" + "}" * n)])
)
# Under the frame limit but for one case in five, and (three at most in a frame) always under
# the 4x hard limit, past which the server closes the connection instead of answering.
long_strings = st.one_of(
    *[st.builds(lambda u, n: u * n, st.text(min_size=1, max_size=3), st.integers(1000, 6000))] * 4,
    st.just("x" * (MAX_FRAME + 1)),
)
unicode_text = st.text(st.characters(min_codepoint=0x80), min_size=1, max_size=40)
weird_values = json_values | huge_numbers | nested | long_strings | unicode_text
# Spliced into a string's bytes: invalid UTF-8, an encoded surrogate, escaped lone surrogates
# and NUL, or random bytes.
bad_bytes = st.sampled_from(
    [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\\ud800", b"\\udfff", b"\\u0000"]
) | st.binary(min_size=1, max_size=6)
HOLE = "\x01HOLE\x01"  # marks where bad_bytes go; json.dumps writes it as \u0001HOLE\u0001
FIELD_NAMES = (
    "type",
    "id",
    "conv",
    "client_msg_id",
    "body",
    "meta",
    "target_seq",
    "seq",
    "after",
    "before",
    "limit",
    "token",
    "epoch",
    "cursors",
)


def valid_frames(convs: list[str], token: str) -> st.SearchStrategy[Pairs]:
    """Well-formed client frames of every type, mostly on the fuzzer's own conversations."""
    rid = st.integers(0, 2**20)
    conv = st.sampled_from([convs[0]] * 4 + [convs[1]] * 2 + convs[2:])
    # Mostly fresh ids (acked, stored); a few reused ones (duplicates, conflicts: G2).
    cmid = st.uuids().map(str) | st.uuids().map(str) | st.sampled_from(["a", "b", "c"])
    seq = st.integers(0, 40)
    body = st.sampled_from(["hi", "hello there", "é€🐦"]) | st.text(min_size=1, max_size=30)

    def frame(kind: str, **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Pairs]:
        return st.fixed_dictionaries({"type": st.just(kind), **fields}).map(
            lambda d: list(d.items())
        )

    send = frame("send", id=rid, conv=conv, client_msg_id=cmid, body=body)
    return st.one_of(
        send,
        send,
        send,
        frame(
            "send",
            id=rid,
            conv=conv,
            client_msg_id=cmid,
            body=body | st.just(""),
            meta=st.dictionaries(st.text(max_size=5), json_values, min_size=1, max_size=3),
        ),
        frame("edit", id=rid, conv=conv, client_msg_id=cmid, target_seq=seq, body=body),
        frame("delete", id=rid, conv=conv, client_msg_id=cmid, target_seq=seq),
        frame("read", id=rid, conv=conv, seq=seq),
        frame("history", id=rid, conv=conv, after=seq),
        frame("history", id=rid, conv=conv, before=seq, limit=st.integers(1, 5)),
        frame("conversations", id=rid),
        frame("typing", conv=conv),
        frame("hello", id=rid, token=st.just(token)),
    )


@st.composite
def mutated_frames(draw: st.DrawFn, convs: list[str], token: str) -> Payload:
    """A valid frame, often with fields dropped, duplicated, retyped, added, made huge, deep,
    long or exotic, or with bad bytes in a string; then, sometimes, its bytes flipped, cut or
    spliced."""
    pairs = list(draw(valid_frames(convs, token)))
    holes = False
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 3]))):
        op = draw(st.sampled_from(["drop", "duplicate", "retype", "add", "bad-bytes", "bad-bytes"]))
        i = draw(st.integers(0, len(pairs) - 1)) if pairs else 0
        if op == "drop" and pairs:
            del pairs[i]
        elif op == "duplicate" and pairs:
            pairs.insert(draw(st.integers(0, len(pairs))), (pairs[i][0], draw(weird_values)))
        elif op == "retype" and pairs:
            pairs[i] = (pairs[i][0], draw(weird_values))
        elif op == "bad-bytes" and pairs:
            value = pairs[i][1]
            text = value if isinstance(value, str) else ""
            at = draw(st.integers(0, len(text)))
            pairs[i] = (pairs[i][0], text[:at] + HOLE + text[at:])
            holes = True
        else:
            name = draw(st.sampled_from(FIELD_NAMES) | st.text(max_size=10))
            pairs.append((name, draw(weird_values)))
    data = to_json(pairs).encode("utf-8")
    if holes:
        parts = data.split(json.dumps(HOLE)[1:-1].encode())
        data = b"".join(itertools.chain(*((p, draw(bad_bytes)) for p in parts[:-1]), [parts[-1]]))
    how = draw(st.sampled_from(["as-is"] * 5 + ["flip", "cut", "splice"]))
    if how == "as-is":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return Payload(data, binary=True)  # a text frame must be UTF-8 (close 1007)
        return Payload(data, binary=draw(st.booleans()))
    at = draw(st.integers(0, len(data)))
    if how == "flip" and data:
        at = min(at, len(data) - 1)
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    elif how == "cut":
        data = data[:at]
    else:
        data = data[:at] + draw(bad_bytes) + data[at:]
    return Payload(data, binary=True)


def payloads(convs: list[str], token: str) -> st.SearchStrategy[Payload]:
    """Random binary, random text, random JSON values, valid frames (which the server must
    act on), and mutated valid frames."""
    binary = st.binary(max_size=300).map(lambda b: Payload(b, binary=True))
    text = st.text(max_size=300).map(lambda s: Payload(s.encode("utf-8"), binary=False))
    values = st.tuples(json_values, st.booleans()).map(
        lambda t: Payload(json.dumps(t[0], ensure_ascii=t[1]).encode("utf-8"), binary=False)
    )
    valid = valid_frames(convs, token).map(lambda p: Payload(to_json(p).encode(), binary=False))
    return st.one_of(binary, text, values, *[valid] * 3, *[mutated_frames(convs, token)] * 5)


# -- the oracle ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What the server must answer: an error code (undecodable), a reply id, or nothing."""

    code: ErrorCode | None = None
    request: Send | Edit | Delete | Read | History | Conversations | None = None


def expected_answer(data: bytes) -> Expected:
    """The session's contract, from the core's own decoder: too big, undecodable, hello again,
    typing (no reply), or a request that gets exactly one reply with its id."""
    if len(data) > MAX_FRAME:
        return Expected(code=ErrorCode.TOO_LARGE)
    try:
        frame = decode_client_frame(data)
    except ProtocolViolation as exc:
        return Expected(code=exc.code)
    except Exception:  # the decoder's contract is broken; the server still owes bad_request
        return Expected(code=ErrorCode.BAD_REQUEST)
    if isinstance(frame, Hello):
        return Expected(code=ErrorCode.BAD_REQUEST)  # already said hello
    if isinstance(frame, Typing):
        return Expected()
    return Expected(request=frame)


class Peer:
    """A WebSocket client that checks that every frame it receives is a valid server frame."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.inbox: list[ServerFrame] = []  # replies and errors; pushes are checked and dropped
        self.invalid: list[object] = []
        self.pushed: list[Event] = []
        self.arrived = asyncio.Event()
        self.done = False
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, session: aiohttp.ClientSession, url: str, token: str) -> Peer:
        ws = await session.ws_connect(
            url + "/v1/ws",
            timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=TIMEOUT_S),
            max_msg_size=0,
        )
        peer = cls(ws)
        welcome = await peer.request({"type": "hello", "token": token})
        assert isinstance(welcome, Welcome), welcome
        return peer

    async def _read(self) -> None:
        try:
            async for msg in self.ws:
                if msg.type is not aiohttp.WSMsgType.TEXT:
                    self.invalid.append(msg)
                    continue
                try:
                    frame = decode_server_frame(msg.data)
                except (msgspec.DecodeError, msgspec.ValidationError) as exc:
                    self.invalid.append((msg.data, exc))
                    continue
                if isinstance(frame, Pushed):
                    self.pushed.append(frame.event)
                # Hints, not answers: lagged says pushes were lost (on a lossy bus, any time).
                elif not isinstance(frame, TypingNotice | Lagged):
                    self.inbox.append(frame)
                self.arrived.set()
        finally:
            self.done = True
            self.arrived.set()

    async def send(self, payload: Payload) -> None:
        if payload.binary:
            await self.ws.send_bytes(payload.data)
        else:
            await self.ws.send_frame(payload.data, aiohttp.WSMsgType.TEXT)

    async def request(self, frame: dict[str, Any]) -> ServerFrame:
        rid = next(SENTINELS)
        await self.ws.send_bytes(json.dumps({**frame, "id": rid}).encode())
        return await self.reply(rid)

    async def reply(self, rid: int) -> ServerFrame:
        """The reply with id ``rid``; fails if the connection closes or nothing comes in time."""
        async with asyncio.timeout(TIMEOUT_S):
            while True:
                self.arrived.clear()
                for i, frame in enumerate(self.inbox):
                    if getattr(frame, "id", None) == rid:
                        return self.inbox.pop(i)
                assert not self.done, f"connection closed ({self.ws.close_code}) before reply"
                await self.arrived.wait()

    def take_unclaimed(self) -> list[ServerFrame]:
        frames, self.inbox = self.inbox, []
        return frames

    async def close(self) -> None:
        await self.ws.close()
        await asyncio.gather(self._reader, return_exceptions=True)


@dataclass
class Fuzzing:
    """Alice fuzzes on one connection; bob, on another, must go on sending and reading."""

    server: ServerProcess
    session: aiohttp.ClientSession
    alice: str
    bob: str
    carol: str
    direct: str
    group: str
    foreign: str
    fuzzer: Peer
    client: Peer
    clean: bool = True  # False while an example runs: still False after one fails
    # (conv, seq) -> the frame of the first acked send, edit or delete there
    acked: dict[tuple[str, int], Send | Edit | Delete] = field(default_factory=dict)
    examples: int = 0

    @classmethod
    async def start(cls, server: ServerProcess, session: aiohttp.ClientSession) -> Fuzzing:
        http = Http(session, server.url)
        alice, bob, carol = [await http.user(h) for h in ("alice", "bob", "carol")]
        await http.user("dave")
        direct = await http.direct(alice, "bob")
        foreign = await http.direct(carol, "dave")
        status, body = await http.call(
            "POST", "/v1/conversations/group", {"title": "g", "members": ["bob"]}, alice
        )
        assert status == 201, body
        return cls(
            server,
            session,
            alice,
            bob,
            carol,
            direct,
            str(body["conv"]),
            foreign,
            await Peer.open(session, server.url, alice),
            await Peer.open(session, server.url, bob),
        )

    @property
    def convs(self) -> list[str]:
        return [self.direct, self.group, self.foreign, FAKE_CONV, "nope"]

    async def throw(self, payload: Payload) -> None:
        """One example: the fuzz frame, then checks on the fuzzer's and the client's answers."""
        self.examples += 1
        if not self.clean:  # the last example failed midway: start this one on fresh connections
            await self.close()
            self.fuzzer = await Peer.open(self.session, self.server.url, self.alice)
            self.client = await Peer.open(self.session, self.server.url, self.bob)
        self.clean = False
        assert len(payload.data) < 4 * MAX_FRAME, "past the hard limit the server must close"
        expected = expected_answer(payload.data)
        await self.fuzzer.send(payload)
        sentinel = await self.fuzzer.request({"type": "history", "conv": self.direct, "limit": 1})
        assert isinstance(sentinel, Page), sentinel
        if expected.request is not None:
            self.check_reply(expected.request, await self.fuzzer.reply(expected.request.id))
        unclaimed = self.fuzzer.take_unclaimed()
        if expected.code is None:
            assert unclaimed == [], unclaimed
        else:
            assert [type(f) for f in unclaimed] == [Error], unclaimed
            assert [f.code for f in unclaimed if isinstance(f, Error)] == [expected.code]
        assert self.fuzzer.invalid == [] and self.client.invalid == []
        assert self.server.proc is not None and self.server.proc.poll() is None, "server died"
        await self.check_client_still_served()
        self.clean = True

    def check_reply(
        self, request: Send | Edit | Delete | Read | History | Conversations, reply: ServerFrame
    ) -> None:
        if isinstance(reply, Error):
            assert reply.code not in BROKEN, (request, reply)
            return
        assert isinstance(reply, REPLY_TYPES[type(request)]), (request, reply)
        if isinstance(reply, Ack):
            assert isinstance(request, Send | Edit | Delete)
            assert reply.conv == request.conv and reply.client_msg_id == request.client_msg_id
            self.acked.setdefault((reply.conv, reply.seq), request)

    async def check_client_still_served(self) -> None:
        """Bob sends a message and reads it back, on his own connection."""
        cmid = f"good-{self.examples}"
        send = Send(id=0, conv=self.direct, client_msg_id=cmid, body=f"good {self.examples}")
        ack = await self.client.request(
            {"type": "send", "conv": send.conv, "client_msg_id": cmid, "body": send.body}
        )
        assert isinstance(ack, Ack), ack
        self.acked.setdefault((ack.conv, ack.seq), send)
        page = await self.client.request(
            {"type": "history", "conv": self.direct, "after": ack.seq - 1, "limit": 1}
        )
        assert isinstance(page, Page) and len(page.events) == 1, page
        assert (page.events[0].client_msg_id, page.events[0].body) == (cmid, send.body)

    async def read_log(self, peer: Peer, conv: str) -> list[Event]:
        events: list[Event] = []
        while True:
            page = await peer.request(
                {"type": "history", "conv": conv, "after": len(events), "limit": 1000}
            )
            assert isinstance(page, Page), page
            events.extend(page.events)
            if not page.more:
                assert len(events) == page.last_seq
                return events

    async def check_logs(self) -> None:
        """Every log is gapless and holds only complete events, each from an acked request."""
        for conv in (self.direct, self.group):
            events = await self.read_log(self.client, conv)
            assert [e.seq for e in events] == list(range(1, len(events) + 1))
            assert events[0].kind is EventKind.CREATED
            for event in events[1:]:
                request = self.acked.get((conv, event.seq))
                assert request is not None, f"stored but never acked: {event}"
                assert event.client_msg_id == request.client_msg_id, (event, request)
                assert event.client_msg_id and event.sender in ("alice", "bob"), event
                if isinstance(request, Send):
                    assert event.kind is EventKind.MESSAGE, (event, request)
                    assert event.body == request.body, (event, request)
                    assert (event.body or "").strip() or event.meta, event
                elif isinstance(request, Edit):
                    assert event.kind is EventKind.EDIT and event.body == request.body, event
                    assert event.target_seq == request.target_seq, event
                else:
                    assert event.kind is EventKind.DELETE, event
                    assert event.target_seq == request.target_seq, event
            acked_here = {seq for (c, seq) in self.acked if c == conv}
            assert acked_here <= {e.seq for e in events}, "an acked event is missing"
        carol = await Peer.open(self.session, self.server.url, self.carol)
        try:
            foreign = await self.read_log(carol, self.foreign)
            assert [e.kind for e in foreign] == [EventKind.CREATED], foreign
        finally:
            await carol.close()

    async def close(self) -> None:
        await self.fuzzer.close()
        await self.client.close()


def run_fuzzing(tmp_path: Path, body: Callable[[asyncio.Runner, Fuzzing], None]) -> None:
    """One server (rate limits out of the way), a loop kept across examples, and cleanup."""
    server = ServerProcess(
        tmp_path / "fuzz",
        env={
            "PIGEON_SEND_RATE_PER_S": "100000",
            "PIGEON_SEND_BURST": "100000",
            "PIGEON_FRAMES_PER_S": "100000",
        },
    ).start()
    try:
        with asyncio.Runner() as runner:
            session = runner.run(make_session())
            try:
                fuzzing = runner.run(Fuzzing.start(server, session))
                try:
                    body(runner, fuzzing)
                finally:
                    runner.run(fuzzing.close())
            finally:
                runner.run(session.close())
    finally:
        server.kill()


async def make_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession()


def known_hazards(fuzzing: Fuzzing) -> list[Payload]:
    """Inputs that broke a server once, or that break many: always tried first."""
    hole = json.dumps(HOLE).encode()  # with its quotes

    def frame(kind: str, fields: dict[str, Any], splice: bytes = b"") -> bytes:
        """A frame on the direct conversation; ``splice`` replaces the HOLE string."""
        base: dict[str, Any] = {"type": kind, "id": 1, "conv": fuzzing.direct}
        return json.dumps({**base, **fields}, ensure_ascii=False).encode().replace(hole, splice)

    send = {"client_msg_id": "k", "body": "hi"}
    deep = b"[" * 5000 + b"]" * 5000
    return [
        Payload(frame("send", {**send, "body": HOLE}, b'"a\xffb"'), binary=True),
        Payload(frame("send", {**send, "client_msg_id": HOLE}, b'"\xed\xa0\x80"'), binary=True),
        Payload(frame("send", {**send, "meta": {"k": HOLE}}, b'"\xff"'), binary=True),
        Payload(frame("send", {**send, "body": HOLE}, b'"\\ud800"'), binary=False),
        Payload(frame("send", {**send, "x": HOLE}, deep), binary=False),
        Payload(frame("send", {**send, "meta": {"k": HOLE}}, deep), binary=False),
        Payload(frame("send", {**send, "body": "x" * (MAX_FRAME + 1)}), binary=False),
        Payload(frame("send", {**send, "body": "\u3000 \n"}), binary=False),
        Payload(frame("edit", {**send, "target_seq": 2**63}), binary=False),
        Payload(frame("delete", {"client_msg_id": "k", "target_seq": 2**64}), binary=False),
        Payload(frame("history", {"after": 2**63, "before": 2**64, "limit": 1000}), binary=False),
        Payload(frame("read", {"seq": 2**63}), binary=False),
        Payload(
            frame("hello", {"token": fuzzing.alice, "cursors": {fuzzing.direct: 2**63}}), False
        ),
    ]


def test_random_and_mutated_frames_never_break_the_server(tmp_path: Path) -> None:
    """Random bytes, text, JSON and mutated frames each get a valid frame or a documented
    error; the server lives, keeps serving another client, and stores only acked, complete,
    gapless events."""

    def body(runner: asyncio.Runner, fuzzing: Fuzzing) -> None:
        @settings(
            max_examples=150,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(payload=payloads(fuzzing.convs, fuzzing.alice))
        def throw(payload: Payload) -> None:
            runner.run(fuzzing.throw(payload))

        for payload in known_hazards(fuzzing):
            throw = example(payload=payload)(throw)
        throw()
        runner.run(fuzzing.check_logs())

    run_fuzzing(tmp_path, body)
