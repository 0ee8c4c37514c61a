"""The load shedders' rules (D53): priorities, the fleet reserve, the worker shedding order."""

from __future__ import annotations

import pytest

from pigeon.core import shedding
from pigeon.core.frames import ClientFrame
from pigeon.core.shedding import Priority


def test_every_client_frame_has_a_priority() -> None:
    tags = {member.__struct_config__.tag for member in ClientFrame.__args__}
    assert tags == set(shedding.FRAME_PRIORITY)


@pytest.mark.parametrize(
    ("method", "path", "priority"),
    [
        ("GET", "/v1/conversations/c_1/messages", Priority.READ),
        ("GET", "/v1/conversations", Priority.READ),
        ("POST", "/v1/conversations/c_1/read", Priority.CRITICAL),
        ("POST", "/v1/logout", Priority.CRITICAL),
        ("POST", "/v1/conversations/c_1/messages", Priority.WRITE),
        ("POST", "/v1/login", Priority.WRITE),
        ("DELETE", "/v1/blocks/bob", Priority.WRITE),
    ],
)
def test_http_priority(method: str, path: str, priority: Priority) -> None:
    assert shedding.http_priority(method, path) is priority


def test_utilisation_is_the_busier_of_writer_and_loop() -> None:
    def load(delay_s: float, lag_s: float) -> float:
        return shedding.utilisation(
            write_delay_s=delay_s, write_delay_full_s=0.2, loop_lag_s=lag_s, loop_lag_full_s=0.5
        )

    assert load(0.0, 0.0) == 0.0
    assert load(0.1, 0.1) == pytest.approx(0.5)
    assert load(0.02, 0.4) == pytest.approx(0.8)
    assert load(0.6, 0.0) == pytest.approx(3.0)  # past full: the thresholds still compare


class TestStandingDelay:
    """CoDel's rule for the writer (D55): a delay counts once it has stood at the target for
    an interval; one slow commit sheds nothing, a standing queue does."""

    def test_a_delay_below_the_target_never_counts(self) -> None:
        delay = shedding.StandingDelay(target_s=0.1, interval_s=0.5)
        assert [delay.observe(0.099, now=t / 10) for t in range(100)] == [0.0] * 100

    def test_a_delay_counts_once_it_stood_at_the_target_for_the_interval(self) -> None:
        delay = shedding.StandingDelay(target_s=0.1, interval_s=0.5)
        assert delay.observe(0.15, now=10.0) == 0.0
        assert delay.observe(0.3, now=10.49) == 0.0
        assert delay.observe(0.35, now=10.5) == 0.35  # the delay itself, not a flag
        assert delay.observe(2.0, now=11.0) == 2.0

    def test_one_look_under_the_target_starts_the_interval_again(self) -> None:
        """A writer that drains its queue between slow commits has no standing queue."""
        delay = shedding.StandingDelay(target_s=0.1, interval_s=0.5)
        delay.observe(0.4, now=0.0)
        assert delay.observe(0.05, now=0.4) == 0.0
        assert delay.observe(0.4, now=0.6) == 0.0
        assert delay.observe(0.4, now=1.09) == 0.0
        assert delay.observe(0.4, now=1.1) == 0.4

    def test_a_delay_back_soon_after_a_standing_one_counts_at_once(self) -> None:
        """CoDel's memory: having shed until the backlog drained, a node does not admit a
        whole interval of new work before shedding again; long after, it waits again."""
        delay = shedding.StandingDelay(target_s=0.1, interval_s=0.5)
        delay.observe(0.3, now=0.0)
        assert delay.observe(0.3, now=0.5) == 0.3  # standing
        assert delay.observe(0.01, now=1.0) == 0.0  # drained
        assert delay.observe(0.2, now=1.1) == 0.2  # back within 8 intervals: at once
        assert delay.observe(0.01, now=2.0) == 0.0
        assert delay.observe(0.2, now=5.2) == 0.0  # 4.1 s after it last counted: wait again
        assert delay.observe(0.2, now=5.7) == 0.2

    def test_a_zero_interval_counts_at_once(self) -> None:
        delay = shedding.StandingDelay(target_s=0.1, interval_s=0.0)
        assert delay.observe(0.1, now=0.0) == 0.1

    def test_a_standing_delay_sheds_typing_then_reads_then_sends_never_critical(self) -> None:
        """With full utilisation at 0.2 s: typing is shed from a standing 100 ms, reads from
        140 ms, sends from 180 ms; a read marker or a hello never."""
        refused_from: dict[Priority, float] = {}
        for ms in range(400):
            delay = shedding.StandingDelay(target_s=0.1, interval_s=0.5)
            delay.observe(ms / 1000, now=10.0)
            counted = delay.observe(ms / 1000, now=10.5)  # it stood for the interval
            load = shedding.utilisation(
                write_delay_s=counted, write_delay_full_s=0.2, loop_lag_s=0.0, loop_lag_full_s=1
            )
            for priority in Priority:
                if not shedding.worker_admits(priority, load):
                    refused_from.setdefault(priority, ms)
        expected = {Priority.TYPING: 100, Priority.READ: 140, Priority.WRITE: 180}
        assert refused_from == pytest.approx(expected, abs=1)  # 1 ms of float rounding


def test_worker_shedder_sheds_typing_then_reads_then_writes_never_critical() -> None:
    order = [Priority.TYPING, Priority.READ, Priority.WRITE]
    shed_at = []
    for load in (x / 100 for x in range(301)):
        for priority in order:
            if not shedding.worker_admits(priority, load) and priority not in shed_at:
                shed_at.append(priority)
        assert shedding.worker_admits(Priority.CRITICAL, load)
    assert shed_at == order
    # Whatever the load, a lower priority is never admitted while a higher one is refused.
    for load in (x / 100 for x in range(301)):
        admitted = [shedding.worker_admits(p, load) for p in Priority]
        assert admitted == sorted(admitted)


def test_fleet_shedder_keeps_the_reserve_for_critical_work() -> None:
    def admits(priority: Priority, in_flight: int) -> bool:
        return shedding.fleet_admits(priority, in_flight=in_flight, capacity=100, reserve=0.2)

    for priority in (Priority.TYPING, Priority.READ, Priority.WRITE):
        assert admits(priority, 79)
        assert not admits(priority, 80)
    assert admits(Priority.CRITICAL, 80)
    assert admits(Priority.CRITICAL, 99)
    assert not admits(Priority.CRITICAL, 100)


def test_no_reserve_admits_everything_up_to_capacity() -> None:
    assert shedding.fleet_admits(Priority.TYPING, in_flight=99, capacity=100, reserve=0.0)
    assert not shedding.fleet_admits(Priority.TYPING, in_flight=100, capacity=100, reserve=0.0)


def test_retry_after_grows_with_the_overload_and_is_bounded() -> None:
    assert shedding.shed_retry_after_ms(0.5) == 1000
    assert shedding.shed_retry_after_ms(2.0) == 2000
    assert shedding.shed_retry_after_ms(50.0) == 5000


def test_a_batch_is_cut_only_past_its_cut_and_only_while_critical_work_waits() -> None:
    """D64: a batch of writes commits early for a critical job waiting once it has run
    cut_s; never before, never for nobody, never with the cut off."""
    assert shedding.batch_cut_due(elapsed_s=0.005, cut_s=0.005, critical_waiting=True)
    assert shedding.batch_cut_due(elapsed_s=0.2, cut_s=0.005, critical_waiting=True)
    assert not shedding.batch_cut_due(elapsed_s=0.004, cut_s=0.005, critical_waiting=True)
    assert not shedding.batch_cut_due(elapsed_s=0.2, cut_s=0.005, critical_waiting=False)
    assert not shedding.batch_cut_due(elapsed_s=0.2, cut_s=0.0, critical_waiting=True)
