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
