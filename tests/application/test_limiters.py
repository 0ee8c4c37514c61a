"""The node's limiters (D53) with a hand-driven clock and a writer delay set by the test."""

from __future__ import annotations

import pytest

from pigeon.application.limiters import Limiters
from pigeon.config import Config
from pigeon.core.shedding import Priority
from pigeon.errors import ErrorCode, RateLimited
from pigeon.ops.metrics import Metrics


def limiters(
    config: Config, delay_s: list[float] | None = None, clock: list[float] | None = None
) -> Limiters:
    delay = delay_s if delay_s is not None else [0.0]
    now = clock if clock is not None else [0.0]
    return Limiters(config, Metrics(), write_delay_s=lambda: delay[0], monotonic=lambda: now[0])


def test_the_writers_delay_sheds_once_it_stands_for_the_interval() -> None:
    """D55: a writer whose oldest write has waited 190 ms sheds typing, reads and sends once
    that has lasted the interval (0.5 s), never a read marker; once its queue drains, the
    shedding stops at the next look."""
    delay, clock = [0.19], [100.0]
    node = limiters(Config(shed_write_delay_s=0.2, shed_write_delay_interval_s=0.5), delay, clock)
    node.admit(Priority.WRITE, user="alice", network="n")  # a slow commit, so far
    clock[0] = 100.5
    for priority in (Priority.TYPING, Priority.READ, Priority.WRITE):
        with pytest.raises(RateLimited) as refused:
            node.admit(priority, user="alice", network="n")
        assert refused.value.code is ErrorCode.BUSY
    node.admit(Priority.CRITICAL, user="alice", network="n")
    delay[0] = 0.01
    node.admit(Priority.TYPING, user="alice", network="n")


def test_one_late_timer_sheds_nothing_a_loop_late_for_the_interval_does() -> None:
    """D61: the event loop's lag counts once every sample for the interval saw it at half of
    shed_loop_lag_s: a pause (start-up, a collection) sheds nothing; a loop late at every
    sample for 0.5 s sheds typing, reads and sends by the lag's share, never critical work;
    a sample on time stops the shedding at once."""
    clock = [100.0]
    node = limiters(Config(shed_loop_lag_s=0.1, shed_loop_lag_interval_s=0.5), clock=clock)
    node.observe_loop_lag(0.6)  # one pause: start-up, a collection
    clock[0] += 0.05
    node.observe_loop_lag(0.001)
    node.admit(Priority.TYPING, user="alice", network="10.0.0.1")
    node.release("alice")
    clock[0] += 10  # longer ago than CoDel's memory (8 intervals)
    for _ in range(10):  # late at every sample for 0.45 s: not yet standing
        node.observe_loop_lag(0.095)
        clock[0] += 0.05
    node.admit(Priority.WRITE, user="alice", network="10.0.0.1")
    node.release("alice")
    clock[0] += 0.01  # just past 0.5 s
    node.observe_loop_lag(0.095)
    for priority in (Priority.TYPING, Priority.READ, Priority.WRITE):
        with pytest.raises(RateLimited) as refused:
            node.admit(priority, user="alice", network="10.0.0.1")
        assert refused.value.code is ErrorCode.BUSY
    node.admit(Priority.CRITICAL, user="alice", network="10.0.0.1")
    node.release("alice")
    node.observe_loop_lag(0.002)
    node.admit(Priority.TYPING, user="alice", network="10.0.0.1")


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
    node = limiters(Config(max_requests_per_user=1, max_requests_in_flight=10), delay_s=[0.0])
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
