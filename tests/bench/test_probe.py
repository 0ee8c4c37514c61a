"""The machine-speed probe: a fixed workload's CPU time, and figures scaled by it.

The probe's readings are measurements of a machine whose speed varies; these tests check
what is computed from them, never a speed."""

from __future__ import annotations

import threading

from pigeon.bench import probe


def test_the_probe_reads_the_cpu_time_of_its_own_thread() -> None:
    # Another thread burning CPU meanwhile is not counted: the reading is this thread's
    # work (it may still be slower for sharing the core, which is what it is there to see).
    stop = threading.Event()

    def burn() -> None:
        while not stop.is_set():
            sum(range(1000))

    other = threading.Thread(target=burn)
    other.start()
    try:
        reading = probe.probe_us()
    finally:
        stop.set()
        other.join()
    assert reading > 0


def test_the_speed_factor_is_the_reference_over_the_median_reading() -> None:
    ref = probe.REFERENCE_US
    speed = probe.speed(ref * 1.5, ref * 2.5)
    assert speed == {
        "probe_us_start": ref * 1.5,
        "probe_us_end": ref * 2.5,
        "probe_us_during": [],
        "reference_us": ref,
        "speed_factor": 0.5,
    }
    # Readings during the load count alike: the factor is over the median of them all.
    assert probe.speed(ref, ref * 3, [ref * 4] * 3)["speed_factor"] == 0.25
    # A machine probed twice as slow as the reference: a figure of 400 µs there is 200 µs
    # at the reference speed.
    assert probe.at_reference(400.0, speed) == 200.0
    assert probe.at_reference(None, speed) is None
    assert probe.at_reference(400.0, probe.speed(0.0, 0.0)) is None
