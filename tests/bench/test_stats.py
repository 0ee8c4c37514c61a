"""The generator's bulk recording into HDR histograms gives what recording each value does."""

from __future__ import annotations

import random

from pigeon.bench import stats


def test_recording_in_bulk_gives_the_histogram_of_recording_each_value() -> None:
    rng = random.Random(14)
    values = [rng.randint(1, 10**d) for d in range(1, 10) for _ in range(300)]
    values += [0, -5, 1, stats.HIGHEST_US, stats.HIGHEST_US + 1, 10**12]  # clamped, both ways
    rng.shuffle(values)
    one_by_one = stats.new_hist()
    for value in values:
        stats.record(one_by_one, value)
    recorder = stats.Recorder()
    for value in values:
        recorder.add(value)
    bulk = stats.decode(recorder.encode())
    assert recorder.hist.total_count == len(values)
    assert list(recorder.hist.counts) == list(one_by_one.counts)
    assert (recorder.hist.min_value, recorder.hist.max_value) == (
        one_by_one.min_value,
        one_by_one.max_value,
    )
    assert stats.summary_ms(bulk) == stats.summary_ms(one_by_one)
    assert recorder.encode() == stats.encode(one_by_one)  # and nothing recorded twice
