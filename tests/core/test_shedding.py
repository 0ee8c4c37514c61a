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
    def load(depth: int, lag_s: float) -> float:
        return shedding.utilisation(
            write_queue_depth=depth, write_queue_full=100, loop_lag_s=lag_s, loop_lag_full_s=0.5
        )

    assert load(0, 0.0) == 0.0
    assert load(50, 0.1) == 0.5
    assert load(10, 0.4) == pytest.approx(0.8)
    assert load(300, 0.0) == 3.0  # past full: still a number the thresholds compare to


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
