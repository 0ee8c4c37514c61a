"""The node's limiters (D53) with a hand-driven clock and a queue depth set by the test."""

from __future__ import annotations

import pytest

from pigeon.application.limiters import Limiters
from pigeon.config import Config
from pigeon.core.shedding import Priority
from pigeon.errors import ErrorCode, RateLimited
from pigeon.ops.metrics import Metrics


def limiters(config: Config, depth: list[int] | None = None) -> Limiters:
    queue = depth if depth is not None else [0]
    return Limiters(config, Metrics(), write_queue_depth=lambda: queue[0], monotonic=lambda: 0.0)


def test_one_late_timer_sheds_nothing_a_saturated_loop_does() -> None:
    node = limiters(Config(shed_loop_lag_s=0.5))
    node.observe_loop_lag(0.6)  # one pause: start-up, a collection
    node.admit(Priority.TYPING, user="alice", network="10.0.0.1")
    node.release("alice")
    node.observe_loop_lag(0.6)  # late again: saturated
    with pytest.raises(RateLimited) as refused:
        node.admit(Priority.TYPING, user="alice", network="10.0.0.1")
    assert refused.value.code is ErrorCode.BUSY
    node.admit(Priority.CRITICAL, user="alice", network="10.0.0.1")


def test_the_request_bucket_is_never_tighter_than_the_write_bucket() -> None:
    """Raising the write limit raises the request limit with it (one mechanism)."""
    node = limiters(Config(request_rate_per_s=1, request_burst=2, send_burst=5))
    for _ in range(5):
        node.admit(Priority.WRITE, user="alice", network="10.0.0.1")
        node.release("alice")
    with pytest.raises(RateLimited) as refused:
        node.admit(Priority.WRITE, user="alice", network="10.0.0.1")
    assert refused.value.code is ErrorCode.RATE_LIMITED


def test_a_refused_request_holds_no_slot() -> None:
    node = limiters(Config(max_requests_per_user=1, max_requests_in_flight=10), depth=[0])
    node.admit(Priority.READ, user="alice", network="n")
    with pytest.raises(RateLimited):
        node.admit(Priority.READ, user="alice", network="n")
    assert node.in_flight == 1
    node.release("alice")
    assert node.in_flight == 0
    node.admit(Priority.READ, user="alice", network="n")


def test_zero_turns_the_rate_and_concurrency_limiters_off() -> None:
    node = limiters(
        Config(request_rate_per_s=0, network_request_rate_per_s=0, max_requests_per_user=0)
    )
    for _ in range(10_000):
        node.admit(Priority.WRITE, user="alice", network="n")
    assert node.in_flight == 10_000
