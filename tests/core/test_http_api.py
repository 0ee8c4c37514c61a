"""The HTTP API's bodies and route table (G5: every request but login and signup is
authenticated)."""

from __future__ import annotations

import msgspec
import pytest

from pigeon.core.frames import Conversations, History, decode_client_frame
from pigeon.core.http_api import (
    CONVERSATIONS_CURSOR,
    CONVERSATIONS_LIMIT,
    HISTORY_LIMIT,
    ROUTES,
    AckResponse,
    GroupRequest,
    IntParam,
    LoginRequest,
    RegisterRequest,
    Route,
    SendRequest,
)
from pigeon.core.records import MAX_SEQ, is_conv_id
from pigeon.errors import ErrorCode, ProtocolViolation


class TestRoutes:
    """G5: the route table, and which routes need no token."""

    def test_routes_are_unique(self) -> None:
        """No method and path appear twice."""
        keys = [(r.method, r.path) for r in ROUTES]
        assert len(keys) == len(set(keys))

    def test_only_public_routes_skip_authentication(self) -> None:
        """Signup, login, health, the schema, the WebSocket upgrade (hello authenticates) and
        the push key (a VAPID public key, which a page needs before it subscribes) and the size
        limits (a client checks its input against them before it acts)."""
        public = {r.path for r in ROUTES if not r.auth}
        assert public == {
            "/v1/register",
            "/v1/login",
            "/v1/ws",
            "/healthz",
            "/readyz",
            "/openapi.json",
            "/v1/push/key",
            "/v1/limits",
        }

    @pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
    def test_route_bodies_are_structs(self, route: Route) -> None:
        """Request and response bodies are msgspec Structs (or none), so one pass validates."""
        assert route.method in {"GET", "POST", "DELETE"}
        assert route.path.startswith("/")
        for body in (route.request, route.response):
            assert body is None or issubclass(body, msgspec.Struct)


class TestRouteDefinitions:
    """The statuses and parameter bounds the server uses, and the document shows."""

    def test_success_statuses_are_the_ones_each_route_answers(self) -> None:
        """Created things are 201 (a direct conversation found again is 200), logout 204."""
        statuses = {(r.method, r.path): (r.status, *r.also) for r in ROUTES}
        assert statuses[("POST", "/v1/register")] == (201,)
        assert statuses[("POST", "/v1/conversations/direct")] == (201, 200)
        assert statuses[("POST", "/v1/conversations/group")] == (201,)
        assert statuses[("POST", "/v1/logout")] == (204,)
        assert statuses[("GET", "/v1/ws")] == (101,)

    @pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
    def test_every_integer_parameter_is_bounded(self, route: Route) -> None:
        """Every parameter has bounds, within the 2**53 that JavaScript holds exactly."""
        for param in route.params:
            if isinstance(param, IntParam):
                assert 0 <= param.low <= param.high <= MAX_SEQ
                assert param.default is None or param.low <= param.default <= param.high
            else:
                assert 0 < param.max_length <= 256

    def test_frames_share_the_page_bounds(self) -> None:
        """The WebSocket's history and conversations frames take the HTTP routes' bounds."""
        with pytest.raises(ProtocolViolation) as info:
            decode_client_frame(b'{"type":"conversations","id":1,"limit":201}')
        assert info.value.code is ErrorCode.BAD_REQUEST
        frame = decode_client_frame(b'{"type":"conversations","id":1,"limit":200}')
        assert isinstance(frame, Conversations) and frame.limit == CONVERSATIONS_LIMIT.high
        assert Conversations(id=1).limit == CONVERSATIONS_LIMIT.default
        assert History(id=1, conv="c0123456789abcdef").limit == HISTORY_LIMIT.default


class TestBodies:
    """G5/G6: bodies are validated in one pass, with bounded fields."""

    @pytest.mark.parametrize(
        "data",
        [
            b'{"handle":"Alice","password":"longenough"}',
            b'{"handle":"alice","password":"short"}',
            b'{"handle":"alice"}',
            b'{"handle":"bob\\n","password":"longenough"}',
        ],
    )
    def test_invalid_registration_is_refused(self, data: bytes) -> None:
        """Handle pattern and password length are checked."""
        with pytest.raises(msgspec.ValidationError):
            msgspec.json.decode(data, type=RegisterRequest)

    def test_device_with_nul_is_refused(self) -> None:
        """A device label holding NUL is refused like any malformed field."""
        data = b'{"handle":"alice","password":"longenough","device":"ph\\u0000one"}'
        with pytest.raises(msgspec.ValidationError):
            msgspec.json.decode(data, type=LoginRequest)

    def test_defaults(self) -> None:
        """A login names the default device; a group may start with no other members."""
        login = msgspec.json.decode(b'{"handle":"alice","password":"x"}', type=LoginRequest)
        assert login.device == "default"
        assert msgspec.json.decode(b'{"title":"t"}', type=GroupRequest).members == []

    def test_send_request_keeps_meta_verbatim(self) -> None:
        """Metadata values are kept as raw JSON."""
        req = msgspec.json.decode(
            b'{"client_msg_id":"m","body":"b","meta":{"k":[1, 2]}}', type=SendRequest
        )
        assert req.meta is not None
        assert bytes(req.meta["k"]) == b"[1, 2]"

    @pytest.mark.parametrize(
        ("password", "valid"),
        [("x" * 7, False), ("x" * 8, True), ("x" * 256, True), ("x" * 257, False)],
    )
    def test_password_has_8_to_256_characters(self, password: str, valid: bool) -> None:
        """The documented bounds (docs/PROTOCOL.md), inclusive, as literal numbers."""
        data = msgspec.json.encode({"handle": "alice", "password": password})
        if valid:
            assert msgspec.json.decode(data, type=RegisterRequest).password == password
        else:
            with pytest.raises(msgspec.ValidationError):
                msgspec.json.decode(data, type=RegisterRequest)

    @pytest.mark.parametrize(("length", "valid"), [(256, True), (257, False)])
    def test_login_password_is_at_most_256_characters(self, length: int, valid: bool) -> None:
        """A login checks only the upper bound: a short password is just a wrong one."""
        data = msgspec.json.encode({"handle": "alice", "password": "x" * length})
        if valid:
            msgspec.json.decode(data, type=LoginRequest)
        else:
            with pytest.raises(msgspec.ValidationError):
                msgspec.json.decode(data, type=LoginRequest)

    @pytest.mark.parametrize(
        ("device", "valid"), [("", False), ("d", True), ("d" * 64, True), ("d" * 65, False)]
    )
    def test_device_has_1_to_64_characters(self, device: str, valid: bool) -> None:
        """An empty or over-long device name is refused."""
        data = msgspec.json.encode({"handle": "alice", "password": "x", "device": device})
        if valid:
            assert msgspec.json.decode(data, type=LoginRequest).device == device
        else:
            with pytest.raises(msgspec.ValidationError):
                msgspec.json.decode(data, type=LoginRequest)

    @pytest.mark.parametrize(
        ("title", "members", "valid"),
        [
            ("x" * 200, 0, True),
            ("x" * 201, 0, False),
            ("", 0, False),
            ("t", 10_000, True),
            ("t", 10_001, False),
        ],
    )
    def test_group_title_and_member_bounds(self, title: str, members: int, valid: bool) -> None:
        """A title of 1 to 200 characters; at most 10,000 members named in one request."""
        data = msgspec.json.encode({"title": title, "members": ["bob"] * members})
        if valid:
            assert len(msgspec.json.decode(data, type=GroupRequest).members) == members
        else:
            with pytest.raises(msgspec.ValidationError):
                msgspec.json.decode(data, type=GroupRequest)

    @pytest.mark.parametrize(
        ("cursor", "valid"),
        [("c" + "0" * 16, True), ("c" + "0" * 17, False), ("c" + "0" * 15, False)],
    )
    def test_conversation_ids_have_17_characters(self, cursor: str, valid: bool) -> None:
        """An over-long or short conversation id is malformed, in a path or as a cursor."""
        assert is_conv_id(cursor) is valid
        fits = len(cursor) <= CONVERSATIONS_CURSOR.max_length
        assert fits is (len(cursor) <= 17)

    def test_ack_response_says_duplicate(self) -> None:
        """A retried send's answer says duplicate=true; a first one reads as false."""
        data = msgspec.json.encode(AckResponse(conv="c", seq=1, ts=2, duplicate=True))
        assert msgspec.json.decode(data)["duplicate"] is True
        first = msgspec.json.decode(b'{"conv":"c","seq":1,"ts":2}', type=AckResponse)
        assert first.duplicate is False

    def test_ack_response_omits_defaults(self) -> None:
        """A first ack leaves duplicate=false and a missing client id off the wire."""
        data = msgspec.json.encode(AckResponse(conv="c", seq=1, ts=2))
        assert msgspec.json.decode(data) == {"conv": "c", "seq": 1, "ts": 2}
