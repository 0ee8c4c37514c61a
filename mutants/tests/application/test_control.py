"""The control topic (admin actions and logouts on every node) and the cluster-safe
connection ids, without I/O: nodes in one process on a shared memory bus network."""

from __future__ import annotations

from dataclasses import dataclass, field

from pigeon.application.control import (
    CONTROL_TOPIC,
    Control,
    connection_id,
    goodbye_for,
    new_node_id,
    recheck_delay_s,
)
from pigeon.bus.memory import Faults, MemoryBus, MemoryNetwork
from pigeon.core.records import Device

NOW = 1_700_000_000_000


@dataclass
class Sockets:
    """A node's sockets: who they belong to, and what each was closed with."""

    users: dict[str, str] = field(default_factory=dict)  # socket -> user
    tokens: dict[str, bytes] = field(default_factory=dict)  # socket -> token hash
    closed: dict[str, str] = field(default_factory=dict)  # socket -> reason

    def close_user(self, user: str, reason: str) -> int:
        return self._close([s for s, u in self.users.items() if u == user], reason)

    def close_token(self, token_hash: bytes, reason: str) -> int:
        return self._close([s for s, t in self.tokens.items() if t == token_hash], reason)

    def _close(self, sockets: list[str], reason: str) -> int:
        fresh = [s for s in sockets if s not in self.closed]
        for s in fresh:
            self.closed[s] = reason
        return len(fresh)


async def node(network: MemoryNetwork, sockets: Sockets, faults: Faults | None = None) -> Control:
    bus = MemoryBus(faults, network)
    control = Control(bus, sockets)

    def on_bus(topic: str, payload: bytes) -> None:
        assert topic == CONTROL_TOPIC
        control.on_bus(payload)

    await bus.open(on_bus, lambda topic: None)
    await control.open()
    return control


async def test_an_action_on_one_node_closes_matching_sockets_on_every_node() -> None:
    """Disable on node A: Bob's sockets on A and on B close with account_disabled; Alice's
    stay. A logout closes only the sockets of that token, wherever they are."""
    network = MemoryNetwork()
    a = Sockets(users={"a1": "bob", "a2": "alice"}, tokens={"a1": b"\x01", "a2": b"\x02"})
    b = Sockets(users={"b1": "bob", "b2": "alice"}, tokens={"b1": b"\x03", "b2": b"\x02"})
    control_a, control_b = await node(network, a), await node(network, b)
    assert control_a.close_user("bob", "account_disabled") == 1  # the one on A, at once
    assert a.closed == {"a1": "account_disabled"}
    assert b.closed == {"b1": "account_disabled"}
    assert control_b.close_token(b"\x02", "logged_out") == 1
    assert a.closed["a2"] == b.closed["b2"] == "logged_out"
    assert (control_a.heard, control_b.heard) == (2, 2)


async def test_a_lost_message_closes_nothing_at_once_and_says_so() -> None:
    """Through a bus that loses everything, nothing is closed at once and the count says 0:
    the token re-check is what closes those sockets (tests/e2e/test_cluster_state.py)."""
    sockets = Sockets(users={"s": "bob"})
    control = await node(MemoryNetwork(), sockets, Faults(drop=1.0))
    assert control.close_user("bob", "tokens_revoked") == 0
    assert sockets.closed == {}


async def test_a_malformed_control_message_is_ignored() -> None:
    sockets = Sockets(users={"s": "bob"})
    control = await node(MemoryNetwork(), sockets)
    for payload in (b"", b"{}", b'{"type":"close_user"}', b'{"type":"close_token","token_hash":'
                    b'"zz","reason":"x"}', b"\xff"):  # fmt: skip
        control.on_bus(payload)
    assert (control.malformed, control.heard, sockets.closed) == (5, 0, {})


def test_goodbye_for_a_token_looked_up_again() -> None:
    """Revoked or unknown: tokens_revoked; disabled: account_disabled; expired:
    token_expired; otherwise the socket stays."""
    live = Device(handle="bob", device="d", expires_at_ms=NOW + 1)
    assert goodbye_for(live, NOW) is None
    assert goodbye_for(None, NOW) == "tokens_revoked"
    disabled = Device(handle="bob", device="d", expires_at_ms=NOW + 1, disabled=True)
    assert goodbye_for(disabled, NOW) == "account_disabled"
    assert goodbye_for(live, NOW + 1) == "token_expired"


def test_recheck_waits_spread_between_half_and_all_of_the_bound() -> None:
    waits = [recheck_delay_s(60.0, draw / 100) for draw in range(100)]
    assert min(waits) == 30.0 and max(waits) < 60.0
    assert len(set(waits)) == 100


def test_connection_ids_of_two_nodes_never_clash() -> None:
    """Each node's counter starts at 1; the node id, drawn at each start, keeps them apart."""
    first, second = new_node_id(), new_node_id()
    assert first != second and len(first) == 8 and int(first, 16) >= 0
    ids = {connection_id(node_id, n) for node_id in (first, second) for n in range(1, 1001)}
    assert len(ids) == 2000
    assert connection_id(first, 7) == f"{first}-ws7"
