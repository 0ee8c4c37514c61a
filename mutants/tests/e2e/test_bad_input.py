"""Bad input over WebSocket and HTTP: every refusal carries a documented error code, nothing is
stored, and the connection stays usable where the protocol allows (G5, G6)."""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import aiohttp
import pytest
from yarl import URL

from pigeon.errors import ErrorCode
from tests.e2e.conftest import Connector
from tests.helpers.raw import PASSWORD, Frame, Http, RawWs
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

BODY_LIMIT = 16 * 1024  # max_body_bytes, the default
MAX_FRAME = 64 * 1024  # max_frame_bytes, the default
MAX_HELLO = 1024 * 1024  # max_hello_bytes, the default
# Past this aiohttp does not read the frame: close 1009.
HARD_FRAME_LIMIT = max(4 * MAX_FRAME, MAX_HELLO)
MAX_HTTP_BODY = 64 * 1024  # max_http_body_bytes, the default
FAKE_CONV = "c0123456789abcdef"
HOLE = "@@HOLE@@"  # replaced, in the encoded bytes, by what JSON encoders refuse to produce

Via = Literal["ws", "http"]
ERROR_KEYS = {"code", "message", "retry_after_ms"}


def encode(value: object) -> bytes:
    """JSON as a client would send it: UTF-8, non-ASCII characters unescaped."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Reply:
    """One answer, whatever the transport: ``code`` is ``ok`` or the error code."""

    code: str
    status: int | None  # HTTP only
    body: Frame


def reply_of_frame(frame: Frame) -> Reply:
    if frame["type"] == "error":
        assert set(frame) <= {"type", "id", *ERROR_KEYS}, frame
        return Reply(str(frame["code"]), None, frame)
    return Reply("ok", None, frame)


def reply_of_http(status: int, body: Any) -> Reply:
    if status < 400:
        return Reply("ok", status, body)
    assert isinstance(body, dict) and set(body) <= ERROR_KEYS, (status, body)
    return Reply(str(body["code"]), status, body)


def assert_refused(reply: Reply, code: ErrorCode) -> None:
    """A documented error: the code, its HTTP status, and a non-empty generic message."""
    assert reply.code == code.value, reply
    assert isinstance(reply.body.get("message"), str) and reply.body["message"], reply
    if reply.status is not None:
        assert reply.status == code.status, reply


async def next_reply(ws: RawWs) -> Frame:
    """The next frame not claimed by a request id; fails at once if the connection closes."""
    getter = asyncio.ensure_future(ws.other.get())
    closer = asyncio.ensure_future(ws.closed.wait())
    try:
        await asyncio.wait({getter, closer}, timeout=TIMEOUT_S, return_when=asyncio.FIRST_COMPLETED)
    finally:
        closer.cancel()
    if getter.done():
        return getter.result()
    getter.cancel()
    raise AssertionError(f"no reply; the connection closed with {ws.ws.close_code}")


class Sender:
    """Alice's end of her direct conversation with bob, over one transport."""

    def __init__(
        self, via: Via, http: Http, token: str, conv: str, ws: RawWs | None = None
    ) -> None:
        self.via = via
        self.http = http
        self.token = token
        self.conv = conv
        self._ws = ws
        self._ids = itertools.count(1000)

    @property
    def ws(self) -> RawWs:
        assert self._ws is not None, "a WebSocket-only step on the HTTP transport"
        return self._ws

    def use(self, ws: RawWs) -> None:
        """Go on over ``ws`` (a new, welcomed connection)."""
        self.via, self._ws = "ws", ws

    def send_payload(self, fields: dict[str, Any], conv: str | None = None) -> bytes:
        """The bytes of a send of ``fields``: a whole frame over WS, the request body over HTTP."""
        if self.via == "ws":
            frame = {"type": "send", "id": next(self._ids), "conv": conv or self.conv}
            return encode({**frame, **fields})
        return encode(fields)

    async def post(self, payload: bytes, conv: str | None = None, *, binary: bool = False) -> Reply:
        """Send ``payload`` as a send (a text frame unless ``binary``) and return its answer."""
        if self.via == "http":
            status, body = await self.http.call(
                "POST",
                f"/v1/conversations/{conv or self.conv}/messages",
                token=self.token,
                raw=payload,
            )
            return reply_of_http(status, body)
        if binary:
            await self.ws.ws.send_bytes(payload)
        else:
            await self.ws.ws.send_frame(payload, aiohttp.WSMsgType.TEXT)
        return reply_of_frame(await next_reply(self.ws))

    async def send(self, fields: dict[str, Any], conv: str | None = None) -> Reply:
        return await self.post(self.send_payload(fields, conv), conv)

    async def last_seq(self) -> int:
        status, page = await self.http.call(
            "GET", f"/v1/conversations/{self.conv}/messages?limit=1", token=self.token
        )
        assert status == 200, page
        return int(page["last_seq"])

    async def assert_nothing_stored_and_usable(self, before: int) -> None:
        """The refused request left the log alone, and the same connection still sends."""
        assert await self.last_seq() == before
        reply = await self.send({"client_msg_id": f"ok-{next(self._ids)}", "body": "still here"})
        assert reply.code == "ok", reply
        assert await self.last_seq() == before + 1


async def make_sender(via: Via, http: Http, connect: Connector | None = None) -> Sender:
    """Alice, registered with a direct conversation with bob; over WS, connected and welcomed."""
    alice = await http.user("alice")
    await http.user("bob")
    conv = await http.direct(alice, "bob")
    ws = None
    if via == "ws":
        assert connect is not None
        ws = await connect(alice)
    return Sender(via, http, alice, conv, ws)


@pytest.fixture(params=["ws", "http"])
async def sender(request: pytest.FixtureRequest, http: Http, connect: Connector) -> Sender:
    """Alice, with a conversation, over each transport in turn."""
    via: Via = request.param
    return await make_sender(via, http, connect)


@pytest.fixture
async def ws_sender(http: Http, connect: Connector) -> Sender:
    """Alice, with a conversation, over WebSocket only."""
    return await make_sender("ws", http, connect)


async def wait_closed(ws: RawWs) -> int | None:
    """The close code the server sent, once the connection has closed."""
    await asyncio.wait_for(ws.closed.wait(), TIMEOUT_S)
    return ws.ws.close_code


@pytest.mark.transport_only("refused before the store is asked")
class TestMalformed:
    """Bytes that are not a valid request: bad_request, and the connection goes on."""

    async def test_malformed_json_is_bad_request_and_connection_stays_usable(
        self, sender: Sender
    ) -> None:
        """Truncated JSON gets bad_request; the same connection then sends a message."""
        before = await sender.last_seq()
        payload = sender.send_payload({"client_msg_id": "m1", "body": "hi"})[:-1]
        assert_refused(await sender.post(payload), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    @pytest.mark.parametrize(
        "payload",
        [b"", b"null", b"[]", b"42", b'"send"', b"{", b"\x00\x01\x02"],
        ids=["empty", "null", "array", "number", "string", "brace", "binary"],
    )
    async def test_non_object_json_is_bad_request(self, sender: Sender, payload: bytes) -> None:
        """Empty input, JSON that is not an object, and garbage all get bad_request."""
        before = await sender.last_seq()
        assert_refused(await sender.post(payload, binary=True), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_deeply_nested_json_is_bad_request(self, sender: Sender) -> None:
        """JSON nested 5000 deep (10 KB) is malformed input, not an internal error."""
        before = await sender.last_seq()
        fields = {"client_msg_id": "m1", "body": "hi", "extra": HOLE}
        payload = sender.send_payload(fields).replace(
            json.dumps(HOLE).encode(), b"[" * 5000 + b"]" * 5000
        )
        assert_refused(await sender.post(payload), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)


@pytest.mark.transport_only("refused before the store is asked")
class TestWrongTypes:
    """Well-formed JSON with fields of the wrong type or range: bad_request."""

    @pytest.mark.parametrize(
        "fields",
        [
            {"client_msg_id": "m1", "body": 42},
            {"client_msg_id": "m1", "body": None},
            {"client_msg_id": "m1", "body": ["hi"]},
            {"client_msg_id": 7, "body": "hi"},
            {"client_msg_id": "", "body": "hi"},
            {"client_msg_id": "x" * 65, "body": "hi"},
            {"body": "hi"},
            {"client_msg_id": "m1"},
            {"client_msg_id": "m1", "body": "hi", "meta": ["not", "an", "object"]},
        ],
        ids=[
            "body-number",
            "body-null",
            "body-list",
            "cmid-number",
            "cmid-empty",
            "cmid-too-long",
            "no-cmid",
            "no-body",
            "meta-list",
        ],
    )
    async def test_send_with_a_wrong_field_is_bad_request(
        self, sender: Sender, fields: dict[str, Any]
    ) -> None:
        """A send whose fields have the wrong type, length or presence gets bad_request."""
        before = await sender.last_seq()
        assert_refused(await sender.send(fields), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_read_seq_as_string_is_bad_request(self, sender: Sender) -> None:
        """A read position given as a string gets bad_request and moves nothing."""
        before = await sender.last_seq()
        if sender.via == "ws":
            frame = {"type": "read", "id": 5, "conv": sender.conv, "seq": "1"}
            reply = reply_of_frame(await sender.ws.request(frame))
        else:
            status, body = await sender.http.call(
                "POST", f"/v1/conversations/{sender.conv}/read", {"seq": "1"}, sender.token
            )
            reply = reply_of_http(status, body)
        assert_refused(reply, ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_negative_request_id_is_bad_request(self, ws_sender: Sender) -> None:
        """A frame whose id is negative gets bad_request (with no id to echo)."""
        before = await ws_sender.last_seq()
        reply = await ws_sender.send({"id": -1, "client_msg_id": "m1", "body": "hi"})
        assert_refused(reply, ErrorCode.BAD_REQUEST)
        assert reply.body.get("id") is None
        await ws_sender.assert_nothing_stored_and_usable(before)

    async def test_negative_seq_in_an_http_path_is_bad_request(self, http: Http) -> None:
        """An edit of message -1 over HTTP gets bad_request."""
        sender = await make_sender("http", http)
        before = await sender.last_seq()
        status, body = await http.call(
            "POST",
            f"/v1/conversations/{sender.conv}/messages/-1/edit",
            {"client_msg_id": "e1", "body": "x"},
            sender.token,
        )
        assert_refused(reply_of_http(status, body), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)


@pytest.mark.transport_only("refused before the store is asked")
class TestUnknownOperation:
    """An operation the server does not know: unknown_type."""

    async def test_unknown_frame_type_is_unknown_type(self, ws_sender: Sender) -> None:
        """A frame with a made-up type gets unknown_type, echoing its id."""
        before = await ws_sender.last_seq()
        frame = {"type": "frobnicate", "conv": ws_sender.conv, "body": "hi"}
        reply = reply_of_frame(await ws_sender.ws.request(frame))
        assert_refused(reply, ErrorCode.UNKNOWN_TYPE)
        await ws_sender.assert_nothing_stored_and_usable(before)

    async def test_unknown_http_method_is_unknown_type(self, http: Http) -> None:
        """A PUT to the messages route (which takes GET and POST) gets unknown_type."""
        sender = await make_sender("http", http)
        before = await sender.last_seq()
        status, body = await http.call(
            "PUT",
            f"/v1/conversations/{sender.conv}/messages",
            {"client_msg_id": "m1", "body": "hi"},
            sender.token,
        )
        assert_refused(reply_of_http(status, body), ErrorCode.UNKNOWN_TYPE)
        await sender.assert_nothing_stored_and_usable(before)


class TestSizeLimits:
    """Bodies are limited in UTF-8 bytes (16 KiB by default, configurable); frames and HTTP
    bodies by their own limits (G6)."""

    @pytest.mark.parametrize(
        "body",
        [
            "x" * BODY_LIMIT,
            "é" * (BODY_LIMIT // 2),
            "€" * (BODY_LIMIT // 3) + "x",
            "🐦" * (BODY_LIMIT // 4),
        ],
        ids=["ascii", "2-byte", "3-byte", "4-byte"],
    )
    async def test_body_of_exactly_the_limit_is_acked(self, sender: Sender, body: str) -> None:
        """A body of exactly 16 KiB of UTF-8 is stored."""
        assert len(body.encode("utf-8")) == BODY_LIMIT
        before = await sender.last_seq()
        reply = await sender.send({"client_msg_id": "m1", "body": body})
        assert reply.code == "ok", reply
        assert await sender.last_seq() == before + 1

    @pytest.mark.parametrize(
        "body",
        [
            "x" * (BODY_LIMIT + 1),
            "é" * (BODY_LIMIT // 2) + "x",
            "x" * (BODY_LIMIT - 1) + "é",
            "🐦" * (BODY_LIMIT // 4 - 1) + "xxx" + "é",
        ],
        ids=["ascii", "2-byte", "2-byte-straddling", "4-byte"],
    )
    async def test_body_one_byte_over_the_limit_is_too_large(
        self, sender: Sender, body: str
    ) -> None:
        """A body of 16 KiB + 1 byte of UTF-8 (fewer characters than that) gets too_large."""
        assert len(body.encode("utf-8")) == BODY_LIMIT + 1
        before = await sender.last_seq()
        assert_refused(
            await sender.send({"client_msg_id": "m1", "body": body}), ErrorCode.TOO_LARGE
        )
        await sender.assert_nothing_stored_and_usable(before)

    async def test_body_plus_meta_over_the_limit_is_too_large(self, sender: Sender) -> None:
        """A body under the limit whose metadata takes it over gets too_large."""
        before = await sender.last_seq()
        fields = {"client_msg_id": "m1", "body": "x" * (BODY_LIMIT - 100), "meta": {"k": "y" * 200}}
        assert_refused(await sender.send(fields), ErrorCode.TOO_LARGE)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_body_limit_is_configurable(
        self, tmp_path: Path, client_session: aiohttp.ClientSession
    ) -> None:
        """With max_body_bytes=1024, 1025 bytes get too_large and 1024 are acked."""
        server = ServerProcess(tmp_path / "small", env={"PIGEON_MAX_BODY_BYTES": "1024"}).start()
        connect = Connector(client_session, server)
        try:
            for via in ("ws", "http"):
                sender = await make_sender(via, Http(client_session, server.url), connect)
                before = await sender.last_seq()
                reply = await sender.send({"client_msg_id": f"{via}1", "body": "é" * 512 + "x"})
                assert_refused(reply, ErrorCode.TOO_LARGE)
                reply = await sender.send({"client_msg_id": f"{via}2", "body": "é" * 512})
                assert reply.code == "ok", reply
                assert await sender.last_seq() == before + 1
        finally:
            for ws in connect.opened:
                await ws.close()
            server.kill()

    async def test_frame_over_max_frame_bytes_is_too_large_and_connection_usable(
        self, ws_sender: Sender
    ) -> None:
        """A frame over 64 KiB (but under the hard limit) gets too_large; the connection lives."""
        before = await ws_sender.last_seq()
        fields = {"client_msg_id": "m1", "body": "hi", "pad": "x" * MAX_FRAME}
        payload = ws_sender.send_payload(fields)
        assert MAX_FRAME < len(payload) < HARD_FRAME_LIMIT
        assert_refused(await ws_sender.post(payload), ErrorCode.TOO_LARGE)
        await ws_sender.assert_nothing_stored_and_usable(before)

    async def test_frame_over_the_hard_limit_closes_with_1009(
        self, ws_sender: Sender, connect: Connector
    ) -> None:
        """A frame over 4x max_frame_bytes and max_hello_bytes is not read: close 1009."""
        before = await ws_sender.last_seq()
        fields = {"client_msg_id": "m1", "body": "hi", "pad": "x" * HARD_FRAME_LIMIT}
        await ws_sender.ws.ws.send_bytes(ws_sender.send_payload(fields))
        assert await wait_closed(ws_sender.ws) == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
        ws_sender.use(await connect(ws_sender.token))  # a new connection works
        await ws_sender.assert_nothing_stored_and_usable(before)

    async def test_http_body_over_max_http_body_bytes_is_413(self, http: Http) -> None:
        """An HTTP request body over 64 KiB gets 413 too_large."""
        sender = await make_sender("http", http)
        before = await sender.last_seq()
        payload = encode({"client_msg_id": "m1", "body": "hi", "pad": "x" * MAX_HTTP_BODY})
        assert_refused(await sender.post(payload), ErrorCode.TOO_LARGE)
        await sender.assert_nothing_stored_and_usable(before)


@pytest.mark.transport_only("refused before the store is asked")
class TestText:
    """Text that cannot be stored as UTF-8: bad_request (or, in a text frame, close 1007)."""

    @pytest.mark.parametrize("body", ["", " ", "\n\t \u3000"], ids=["empty", "space", "blank"])
    async def test_blank_body_is_bad_request(self, sender: Sender, body: str) -> None:
        """An empty or whitespace-only body without metadata gets bad_request."""
        before = await sender.last_seq()
        reply = await sender.send({"client_msg_id": "m1", "body": body})
        assert_refused(reply, ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    @pytest.mark.parametrize("field", ["body", "client_msg_id", "meta"])
    async def test_lone_surrogate_is_bad_request(self, sender: Sender, field: str) -> None:
        """A lone surrogate (a JSON \\ud800 escape) in a string gets bad_request."""
        before = await sender.last_seq()
        fields: dict[str, Any] = {"client_msg_id": "m1", "body": "hi"}
        fields[field] = {"k": HOLE} if field == "meta" else f"a{HOLE}b"
        payload = sender.send_payload(fields).replace(HOLE.encode(), b"\\ud800")
        assert_refused(await sender.post(payload), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    @pytest.mark.parametrize(
        ("field", "bad"),
        [
            ("body", b"\xff"),
            ("body", b"\xc3"),  # a truncated 2-byte sequence
            ("body", b"\xed\xa0\x80"),  # a surrogate encoded as UTF-8
            ("client_msg_id", b"\xfe"),
            ("meta", b"\xff"),
        ],
        ids=["body-ff", "body-truncated", "body-surrogate", "cmid", "meta"],
    )
    async def test_invalid_utf8_is_bad_request_and_connection_stays_usable(
        self, sender: Sender, field: str, bad: bytes
    ) -> None:
        """Invalid UTF-8 in a binary frame or an HTTP body gets bad_request; the connection
        goes on."""
        before = await sender.last_seq()
        fields: dict[str, Any] = {"client_msg_id": "m1", "body": "hi"}
        fields[field] = {"k": HOLE} if field == "meta" else f"a{HOLE}b"
        payload = sender.send_payload(fields).replace(HOLE.encode(), bad)
        assert_refused(await sender.post(payload, binary=True), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_invalid_utf8_in_a_text_frame_closes_with_1007(
        self, ws_sender: Sender, connect: Connector
    ) -> None:
        """A text frame that is not UTF-8 is a WebSocket protocol error: close 1007 (RFC 6455
        section 8.1)."""
        before = await ws_sender.last_seq()
        payload = ws_sender.send_payload({"client_msg_id": "m1", "body": HOLE})
        await ws_sender.ws.ws.send_frame(
            payload.replace(HOLE.encode(), b"\xff"), aiohttp.WSMsgType.TEXT
        )
        assert await wait_closed(ws_sender.ws) == aiohttp.WSCloseCode.INVALID_TEXT
        ws_sender.use(await connect(ws_sender.token))
        await ws_sender.assert_nothing_stored_and_usable(before)


class TestConversations:
    """Unknown, foreign and malformed conversation ids: never told apart (G5)."""

    async def test_made_up_and_foreign_conversations_get_identical_not_found(
        self, sender: Sender
    ) -> None:
        """A send to, and a history read of, a made-up and a foreign conversation get the same
        not_found answer; the foreign conversation is untouched."""
        carol = await sender.http.user("carol")
        await sender.http.user("dave")
        foreign = await sender.http.direct(carol, "dave")
        before = await sender.last_seq()
        answers: dict[str, list[Reply]] = {"send": [], "history": []}
        for conv in (FAKE_CONV, foreign):
            answers["send"].append(await sender.send({"client_msg_id": "m1", "body": "x"}, conv))
            if sender.via == "ws":
                frame = await sender.ws.request({"type": "history", "id": 0, "conv": conv})
                answers["history"].append(reply_of_frame(frame))
            else:
                path = f"/v1/conversations/{conv}/messages"
                answers["history"].append(
                    reply_of_http(*await sender.http.call("GET", path, token=sender.token))
                )
        for made_up, foreign_reply in answers.values():
            assert_refused(made_up, ErrorCode.NOT_FOUND)
            strip = {"id"}  # request ids differ by construction
            assert {k: v for k, v in made_up.body.items() if k not in strip} == {
                k: v for k, v in foreign_reply.body.items() if k not in strip
            }
            assert made_up.status == foreign_reply.status
        status, page = await sender.http.call(
            "GET", f"/v1/conversations/{foreign}/messages", token=carol
        )
        assert status == 200 and page["last_seq"] == 1
        await sender.assert_nothing_stored_and_usable(before)

    @pytest.mark.parametrize(
        "conv",
        ["nope", "c0123", "C0123456789ABCDEF", "c0123456789abcdeg", "c0123456789abcdef0"],
    )
    async def test_conversation_id_of_the_wrong_shape_is_refused(
        self, sender: Sender, conv: str
    ) -> None:
        """A malformed conversation id gets bad_request or not_found, as a documented error."""
        before = await sender.last_seq()
        reply = await sender.send({"client_msg_id": "m1", "body": "x"}, conv)
        assert reply.code in {ErrorCode.BAD_REQUEST, ErrorCode.NOT_FOUND}, reply
        assert_refused(reply, ErrorCode(reply.code))
        await sender.assert_nothing_stored_and_usable(before)


class TestAuthentication:
    """Every request is authenticated (G5)."""

    @pytest.mark.parametrize(
        "frame",
        [
            {"type": "send", "id": 1, "conv": FAKE_CONV, "client_msg_id": "m1", "body": "x"},
            {"type": "history", "id": 2, "conv": FAKE_CONV},
            {"type": "conversations", "id": 3},
            {"type": "typing", "conv": FAKE_CONV},
        ],
        ids=["send", "history", "conversations", "typing"],
    )
    async def test_frames_before_hello_are_unauthenticated(
        self, http: Http, connect: Connector, frame: Frame
    ) -> None:
        """Any request frame before hello gets unauthenticated; hello then still works."""
        sender = await make_sender("http", http, connect)
        before = await sender.last_seq()
        ws = await connect()
        await ws.ws.send_str(
            json.dumps({**frame, "conv": sender.conv} if "conv" in frame else frame)
        )
        reply = reply_of_frame(await next_reply(ws))
        assert_refused(reply, ErrorCode.UNAUTHENTICATED)
        assert reply.body.get("id") == frame.get("id")
        assert (await ws.hello(sender.token))["type"] == "welcome"
        sender.use(ws)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_wrong_token_is_unauthenticated_and_hello_can_be_retried(
        self, http: Http, connect: Connector
    ) -> None:
        """A hello with a wrong token gets unauthenticated; a second hello on the same
        connection, with the right token, is welcomed."""
        sender = await make_sender("http", http, connect)
        before = await sender.last_seq()
        ws = await connect()
        reply = reply_of_frame(await ws.hello("not-a-token"))
        assert_refused(reply, ErrorCode.UNAUTHENTICATED)
        send = {"type": "send", "conv": sender.conv, "client_msg_id": "m1", "body": "x"}
        assert_refused(reply_of_frame(await ws.request(send)), ErrorCode.UNAUTHENTICATED)
        assert (await ws.hello(sender.token))["type"] == "welcome"
        sender.use(ws)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_wrong_bearer_token_is_unauthenticated(self, http: Http) -> None:
        """An HTTP send with a wrong token gets 401 unauthenticated and stores nothing."""
        sender = await make_sender("http", http)
        before = await sender.last_seq()
        status, body = await http.call(
            "POST",
            f"/v1/conversations/{sender.conv}/messages",
            {"client_msg_id": "m1", "body": "x"},
            "not-a-token",
        )
        assert_refused(reply_of_http(status, body), ErrorCode.UNAUTHENTICATED)
        await sender.assert_nothing_stored_and_usable(before)


async def call_encoded(http: Http, method: str, path: str, token: str) -> Reply:
    """A request whose path and query go out byte for byte as written (percent escapes kept)."""
    async with http.session.request(
        method,
        URL(http.base + path, encoded=True),
        headers={"Authorization": f"Bearer {token}"},
        json={"client_msg_id": "e1", "body": "x"} if method == "POST" else None,
        timeout=aiohttp.ClientTimeout(total=TIMEOUT_S),
    ) as response:
        return reply_of_http(response.status, await response.json())


class TestLookAlikes:
    """A handle or conversation id matches its pattern as a whole string, so no account shows
    as another's name; the operator's names are reserved (G5)."""

    async def test_handle_with_a_newline_is_bad_request_everywhere(self, http: Http) -> None:
        """ "bob\\n" is refused at register, login, direct, add member and in a member path,
        where it used to make a second account that shows as bob."""
        alice = await http.user("alice")
        await http.user("bob")
        group_status, group = await http.call(
            "POST", "/v1/conversations/group", {"title": "team", "members": ["bob"]}, alice
        )
        assert group_status == 201, group
        for handle in ("bob\n", "bob\r\n", "\nbob"):
            attempts = [
                ("POST", "/v1/register", {"handle": handle, "password": PASSWORD}, None),
                ("POST", "/v1/login", {"handle": handle, "password": PASSWORD}, None),
                ("POST", "/v1/conversations/direct", {"peer": handle}, alice),
                ("POST", f"/v1/conversations/{group['conv']}/members", {"handle": handle}, alice),
            ]
            for method, path, body, token in attempts:
                reply = reply_of_http(*await http.call(method, path, body, token))
                assert_refused(reply, ErrorCode.BAD_REQUEST)
        path = f"/v1/conversations/{group['conv']}/members/bob%0A"
        assert_refused(await call_encoded(http, "DELETE", path, alice), ErrorCode.BAD_REQUEST)
        status, listing = await http.call("GET", "/v1/conversations", token=alice)
        assert status == 200
        assert [c["members"] for c in listing["conversations"]] == [["alice", "bob"]]

    async def test_reserved_handles_are_refused_as_taken(self, http: Http) -> None:
        """admin, root, system, pigeon and support get conflict at register, like a taken
        handle, and cannot log in."""
        for handle in ("admin", "root", "system", "pigeon", "support"):
            status, body = await http.call(
                "POST", "/v1/register", {"handle": handle, "password": PASSWORD}
            )
            assert_refused(reply_of_http(status, body), ErrorCode.CONFLICT)
            status, body = await http.call(
                "POST", "/v1/login", {"handle": handle, "password": PASSWORD}
            )
            assert_refused(reply_of_http(status, body), ErrorCode.UNAUTHENTICATED)

    @pytest.mark.durable("restarts the node and expects its accounts back")
    async def test_reserved_handles_are_configured_and_spare_existing_accounts(
        self, tmp_path: Path, client_session: aiohttp.ClientSession
    ) -> None:
        """PIGEON_RESERVED_HANDLES replaces the list; an account made before its name was
        reserved still logs in, and nobody can register that name again."""
        data = tmp_path / "data"
        server = ServerProcess(data).start()
        try:
            await Http(client_session, server.url).user("boss")
        finally:
            server.kill()
        server = ServerProcess(data, env={"PIGEON_RESERVED_HANDLES": "boss,chief"}).start()
        try:
            http = Http(client_session, server.url)
            await http.user("boss")  # logs in
            for handle, code in (("boss", ErrorCode.CONFLICT), ("chief", ErrorCode.CONFLICT)):
                reply = reply_of_http(
                    *await http.call(
                        "POST", "/v1/register", {"handle": handle, "password": PASSWORD}
                    )
                )
                assert_refused(reply, code)
            status, body = await http.call(
                "POST", "/v1/register", {"handle": "admin", "password": PASSWORD}
            )
            assert status == 201, body
        finally:
            server.kill()


@pytest.mark.transport_only("refused before the store is asked")
class TestIntegersInUrls:
    """Integers in paths and query strings are ASCII digits only: one spelling per value."""

    async def test_query_integers_in_other_spellings_are_bad_request(self, http: Http) -> None:
        """A plus sign, spaces, an underscore, a minus or other scripts' digits in after,
        before or limit get bad_request; plain digits work."""
        sender = await make_sender("http", http)
        messages = f"/v1/conversations/{sender.conv}/messages"
        spellings = ["%2B1", "+1", "%201", "1%20", "1_0", "-1", "%D9%A1", "%EF%BC%91", "1e1"]
        for name in ("after", "before", "limit"):
            for spelling in spellings:
                reply = await call_encoded(
                    http, "GET", f"{messages}?{name}={spelling}", sender.token
                )
                assert_refused(reply, ErrorCode.BAD_REQUEST)
            reply = await call_encoded(http, "GET", f"{messages}?{name}=1", sender.token)
            assert reply.code == "ok", reply

    async def test_seq_in_a_path_in_other_spellings_is_bad_request(self, http: Http) -> None:
        """An edit of message +1, 1_0 or ١ (Arabic-Indic one) gets bad_request and stores
        nothing."""
        sender = await make_sender("http", http)
        before = await sender.last_seq()
        for spelling in ("%2B1", "1_0", "%D9%A1", "%201"):
            path = f"/v1/conversations/{sender.conv}/messages/{spelling}/edit"
            assert_refused(
                await call_encoded(http, "POST", path, sender.token), ErrorCode.BAD_REQUEST
            )
        await sender.assert_nothing_stored_and_usable(before)


@pytest.mark.transport_only("refused before the store is asked")
class TestNulAndInvisibleText:
    """No text field holds NUL; no group title shows nothing."""

    async def test_nul_in_any_text_field_is_bad_request(self, sender: Sender) -> None:
        """NUL in the body, the client_msg_id, or a string or key of meta gets bad_request."""
        before = await sender.last_seq()
        for fields in (
            {"client_msg_id": "m1", "body": "a\x00b"},
            {"client_msg_id": "m\x001", "body": "hi"},
            {"client_msg_id": "m1", "body": "hi", "meta": {"k": "a\x00"}},
            {"client_msg_id": "m1", "body": "hi", "meta": {"k\x00": 1}},
            {"client_msg_id": "m1", "body": "hi", "meta": {"k": [{"deep": "\x00"}]}},
        ):
            assert_refused(await sender.send(fields), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_nul_in_a_device_or_password_is_bad_request(self, http: Http) -> None:
        """A device label with NUL at login, and a password with NUL at register, are refused."""
        await http.user("alice")
        attempts = [
            ("/v1/login", {"handle": "alice", "password": PASSWORD, "device": "ph\x00ne"}),
            ("/v1/register", {"handle": "carol", "password": "long\x00enough"}),
        ]
        for path, body in attempts:
            assert_refused(
                reply_of_http(*await http.call("POST", path, body)), ErrorCode.BAD_REQUEST
            )

    async def test_group_title_with_nothing_visible_is_bad_request(self, http: Http) -> None:
        """Titles of zero-width spaces, a byte-order mark, a Hangul filler, or holding NUL get
        bad_request; a title with one visible character among them is created."""
        alice = await http.user("alice")
        for title in ("\u200b", "\ufeff\u200b\u200d", " \u3164 ", "\u2800", "team\x00"):
            reply = reply_of_http(
                *await http.call("POST", "/v1/conversations/group", {"title": title}, alice)
            )
            assert_refused(reply, ErrorCode.BAD_REQUEST)
        status, body = await http.call(
            "POST", "/v1/conversations/group", {"title": "\u200bx\u200b"}, alice
        )
        assert status == 201, body


class TestMetaIntegers:
    """Integers in meta stay within +-(2**53 - 1), so every JSON decoder reads every page."""

    @pytest.mark.parametrize(
        "number",
        [b"9007199254740992", b"-9007199254740992", b"18446744073709551616", b"1e400"],
        ids=["max+1", "min-1", "2**64", "no-double"],
    )
    async def test_integer_beyond_the_bound_is_bad_request(
        self, sender: Sender, number: bytes
    ) -> None:
        """A meta integer past 2**53 - 1, at the top or nested, gets bad_request and is not
        stored."""
        before = await sender.last_seq()
        for meta in ({"n": HOLE}, {"n": [{"deep": HOLE}]}):
            fields = {"client_msg_id": "m1", "body": "hi", "meta": meta}
            payload = sender.send_payload(fields).replace(json.dumps(HOLE).encode(), number)
            assert_refused(await sender.post(payload), ErrorCode.BAD_REQUEST)
        await sender.assert_nothing_stored_and_usable(before)

    async def test_integers_at_the_bound_are_stored_verbatim(self, sender: Sender) -> None:
        """+-(2**53 - 1) are accepted and read back exactly."""
        meta = {"max": 2**53 - 1, "min": -(2**53 - 1)}
        reply = await sender.send({"client_msg_id": "m1", "body": "hi", "meta": meta})
        assert reply.code == "ok", reply
        status, page = await sender.http.call(
            "GET", f"/v1/conversations/{sender.conv}/messages?limit=1", token=sender.token
        )
        assert status == 200
        assert page["events"][-1]["meta"] == meta
