"""Drive a :class:`~pigeon.core.session.Session` by hand: frames in, decoded frames out.

The harness owns the clock (``now``) and speaks in Python values, so a session test reads as
a transcript: ``h.receive({...})`` then ``h.sent() == [...]``.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec
from hypothesis import settings

from pigeon.core.frames import (
    ClientFrame,
    Hello,
    Pushed,
    ServerFrame,
    Welcome,
    decode_server_frame,
    encode,
)
from pigeon.core.records import Event, EventKind
from pigeon.core.session import Session, SessionLimits, SessionState

CONV = "c0123456789abcdef"


def event(seq: int, conv: str = CONV, body: str = "hi") -> Event:
    """A message event of ``conv`` at ``seq``."""
    return Event(conv=conv, seq=seq, kind=EventKind.MESSAGE, sender="bob", ts=1000 + seq, body=body)


def send_frame(request_id: int, body: str = "hello", conv: str = CONV) -> dict[str, object]:
    """A valid ``send`` client frame."""
    return {
        "type": "send",
        "id": request_id,
        "conv": conv,
        "client_msg_id": f"m{request_id}",
        "body": body,
    }


class SessionHarness:
    """A session, a hand-driven clock, and encode/decode on both sides."""

    def __init__(self, limits: SessionLimits | None = None, *, now: float = 0.0) -> None:
        self.now = now
        self.session = Session(limits=limits or SessionLimits(), now=now)

    def state(self) -> SessionState:
        """The session's state (a call, so that type checkers do not narrow it)."""
        return self.session.state

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def receive(self, frame: Mapping[str, object] | bytes | str) -> list[ClientFrame]:
        """Feed one frame (a dict is JSON-encoded) and return the requests it produced."""
        data = frame if isinstance(frame, bytes | str) else msgspec.json.encode(frame)
        self.session.receive_frame(data, self.now)
        return self.session.events_received()

    def sent(self) -> list[ServerFrame]:
        """Everything the session wants written, decoded."""
        return [decode_server_frame(data) for data in self.session.data_to_send()]

    def hello(self, request_id: int = 1, token: str = "tok") -> Hello:
        """Send a hello; return it as the application receives it."""
        (request,) = self.receive({"type": "hello", "id": request_id, "token": token})
        assert isinstance(request, Hello)
        return request

    def welcome(self, hello: Hello, user: str = "alice") -> Welcome:
        return Welcome(id=hello.id, user=user, epoch="e1", behind={})

    def open(self, user: str = "alice") -> None:
        """Authenticate, and drain the welcome."""
        hello = self.hello()
        self.session.accept_hello(user, self.welcome(hello, user))
        assert self.sent() == [self.welcome(hello, user)]
        assert self.state() is SessionState.OPEN

    def push(self, ev: Event) -> None:
        self.session.push(encode(Pushed(event=ev)))


def examples(count: int) -> int:
    """``count`` hypothesis examples; under `make mutation` (its profile, tests/conftest.py) no
    more than the profile's few, since every surviving mutant runs each test again."""
    if settings.get_current_profile_name() == "mutation":
        return min(count, settings().max_examples)
    return count
