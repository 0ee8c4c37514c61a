"""What one node decides about sockets that may be open on any node (docs/DECISIONS.md D33).

An administrator disables an account or revokes its tokens, or a device logs out, on one
node; the sockets those tokens opened may be on every node. So the action goes out as a small
message on the bus's ``control`` topic, which every node subscribes to at startup, and every
node, the acting one included, closes its matching sockets when it hears it, with the same
goodbye reasons as ever. One path, so a test on one node exercises the cluster's.

The bus may lose a control message (docs/PROTOCOL.md's bus contract). What bounds that: each
WebSocket checks its token again against the store every ``token_recheck_s`` at most (each
wait drawn between half and all of it, so the checks of many sockets spread out rather than
land together), and is closed if the token no longer authenticates (:func:`goodbye_for`).

Connection ids are ``<node id>-ws<n>``: a random node id drawn at each start keeps the ids of
several nodes (and of one node's successive runs) apart in logs and admin listings.
"""

from __future__ import annotations

import logging
import secrets
from typing import Protocol

import msgspec

from pigeon.bus.base import Bus
from pigeon.core.records import Device

log = logging.getLogger("pigeon.control")

CONTROL_TOPIC = "control"


class CloseUser(msgspec.Struct, tag="close_user", frozen=True):
    """Close every socket of ``user`` (account disabled, tokens revoked)."""

    user: str
    reason: str


class CloseToken(msgspec.Struct, tag="close_token", frozen=True):
    """Close every socket a token opened (logged out). The token's hash, never the token."""

    token_hash: str  # hex
    reason: str


ControlMessage = CloseUser | CloseToken

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(ControlMessage)


class Closer(Protocol):
    """The node's sockets (the WebSocket endpoint): each returns how many it closed."""

    def close_user(self, user: str, reason: str) -> int: ...

    def close_token(self, token_hash: bytes, reason: str) -> int: ...


class Control:
    """The ``control`` topic of one node: announces actions, and acts on what it hears."""

    def __init__(self, bus: Bus, closer: Closer) -> None:
        self._bus = bus
        self._closer = closer
        self._closed_here = 0  # sockets closed by what this node heard since it last asked
        self.heard = 0
        self.malformed = 0

    async def open(self) -> None:
        """Subscribe; returns once the subscription is live (before the node serves)."""
        await self._bus.subscribe(CONTROL_TOPIC)

    def close_user(self, user: str, reason: str) -> int:
        """Close ``user``'s sockets on every node. Returns how many closed here at once: all
        of this node's on a bus that delivers synchronously (local:), none if the message
        is late or lost here (then the token re-check closes them)."""
        return self._announce(CloseUser(user=user, reason=reason))

    def close_token(self, token_hash: bytes, reason: str) -> int:
        """Close the sockets a token opened, on every node; returns as :meth:`close_user`."""
        return self._announce(CloseToken(token_hash=token_hash.hex(), reason=reason))

    def _announce(self, message: ControlMessage) -> int:
        self._closed_here = 0
        self._bus.publish(CONTROL_TOPIC, _encoder.encode(message))
        closed, self._closed_here = self._closed_here, 0
        return closed

    def on_bus(self, payload: bytes) -> None:
        """A control message from any node, this one included."""
        try:
            message = _decoder.decode(payload)
            token_hash = (
                bytes.fromhex(message.token_hash) if isinstance(message, CloseToken) else b""
            )
        except (msgspec.DecodeError, ValueError):
            # Another version's message, or a stranger on the bus: never a crash.
            self.malformed += 1
            log.warning("malformed control message ignored", extra={"bytes": len(payload)})
            return
        self.heard += 1
        if isinstance(message, CloseUser):
            self._closed_here += self._closer.close_user(message.user, message.reason)
        else:
            self._closed_here += self._closer.close_token(token_hash, message.reason)


def goodbye_for(device: Device | None, now_ms: int) -> str | None:
    """The goodbye reason for a socket whose token now looks up as ``device`` (None: the
    token is revoked or unknown), or None if the socket may stay open. A revocation's own
    reason (logged_out or tokens_revoked) is lost with its message; ``tokens_revoked``
    tells the client the same thing: log in again."""
    if device is None:
        return "tokens_revoked"
    if device.disabled:
        return "account_disabled"
    if device.expires_at_ms <= now_ms:
        return "token_expired"
    return None


def recheck_delay_s(interval_s: float, draw: float) -> float:
    """The wait before a socket's next token check: between half and all of ``interval_s``
    for ``draw`` in [0, 1), so checks spread out and none waits longer than the bound."""
    return interval_s * (0.5 + draw / 2)


def new_node_id() -> str:
    """A node's id for this run: 8 hex digits (a clash among 100 nodes: about 1 in a million)."""
    return secrets.token_hex(4)


def connection_id(node_id: str, n: int) -> str:
    """The id of the ``n``-th connection a node accepted in this run."""
    return f"{node_id}-ws{n}"


__all__ = [
    "CONTROL_TOPIC",
    "CloseToken",
    "CloseUser",
    "Closer",
    "Control",
    "connection_id",
    "goodbye_for",
    "new_node_id",
    "recheck_delay_s",
]
