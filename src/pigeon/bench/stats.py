"""HDR histograms (microseconds) and the percentile summaries written to the JSON."""

from __future__ import annotations

from typing import Any

from hdrh.histogram import HdrHistogram  # type: ignore[import-untyped]

LOWEST_US = 1
HIGHEST_US = 300_000_000  # 5 minutes
DIGITS = 3
PERCENTILES: tuple[tuple[str, float], ...] = (
    ("p50", 50.0),
    ("p90", 90.0),
    ("p99", 99.0),
    ("p99_9", 99.9),
)


def new_hist() -> Any:
    return HdrHistogram(LOWEST_US, HIGHEST_US, DIGITS)


def record(hist: Any, value_us: int) -> None:
    hist.record_value(min(max(value_us, LOWEST_US), HIGHEST_US))


def record_many(hist: Any, values: list[int]) -> None:
    """Record ``values`` as :func:`record` records each, in one loop: the same counts, total,
    min and max, at a fraction of the cost (hdrh's ``record_value`` is four Python calls a
    value; this is the same index arithmetic inline)."""
    if not values:
        return
    unit = hist.unit_magnitude
    half_mag = hist.sub_bucket_half_count_magnitude
    bucket_shift = unit + half_mag + 1
    mask = hist.sub_bucket_mask
    half = hist.sub_bucket_half_count
    counts = hist.counts
    low = high = min(max(values[0], LOWEST_US), HIGHEST_US)
    for value in values:
        if value < LOWEST_US:
            value = LOWEST_US
        elif value > HIGHEST_US:
            value = HIGHEST_US
        if value < low:
            low = value
        elif value > high:
            high = value
        bucket = (value | mask).bit_length() - bucket_shift
        counts[((bucket + 1) << half_mag) + (value >> (bucket + unit)) - half] += 1
    hist.total_count += len(values)
    hist.min_value = min(hist.min_value, low)
    hist.max_value = max(hist.max_value, high)


class Recorder:
    """An HDR histogram whose values are kept in a short list and recorded in bulk
    (:func:`record_many`) every ``FOLD_EVERY`` values and on export: the generator records
    two latencies a message, and this is its cheapest way to."""

    FOLD_EVERY = 256
    __slots__ = ("hist", "pending")

    def __init__(self) -> None:
        self.hist = new_hist()
        self.pending: list[int] = []

    def add(self, value_us: int) -> None:
        pending = self.pending
        pending.append(value_us)
        if len(pending) >= self.FOLD_EVERY:
            record_many(self.hist, pending)
            pending.clear()

    def encode(self) -> bytes:
        record_many(self.hist, self.pending)
        self.pending.clear()
        return encode(self.hist)


def encode(hist: Any) -> bytes:
    data: bytes = hist.encode()
    return data


def decode(data: bytes) -> Any:
    return HdrHistogram.decode(data)


def merge(encoded: list[bytes]) -> Any:
    total = new_hist()
    for data in encoded:
        total.add(decode(data))
    return total


def summary_ms(hist: Any) -> dict[str, float | int]:
    """count, mean, p50, p90, p99, p99.9 and max, in milliseconds (0 when empty)."""
    count = int(hist.get_total_count())
    out: dict[str, float | int] = {"count": count}
    if count == 0:
        out.update({name: 0.0 for name, _ in PERCENTILES})
        out.update(mean=0.0, max=0.0)
        return out
    for name, pct in PERCENTILES:
        out[name] = round(hist.get_value_at_percentile(pct) / 1000, 3)
    out["mean"] = round(float(hist.get_mean_value()) / 1000, 3)
    out["max"] = round(hist.get_max_value() / 1000, 3)
    return out
