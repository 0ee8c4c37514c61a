"""The checker in one pass over a history file (D57): memory bounded by what is open, not by
the messages checked, and every anomaly still named, also past its window and horizons."""

from __future__ import annotations

import itertools
from pathlib import Path

import msgspec
import pytest

from pigeon.simulation.history import Record, check_file, encode_history, read_records
from tests.simulation.synthetic import measure, write_history

# Small limits, so that a history of a few thousand sends reaches past each of them.
SMALL = {"window_seqs": 16, "ack_memory": 16, "duplicate_horizon": 64}


def test_memory_does_not_grow_with_the_messages_checked(tmp_path: Path) -> None:
    """Eight times the sends, the same peak: what the checker holds is what is open."""
    peaks = []
    for acked in (1_000, 8_000):
        path = tmp_path / f"{acked}.jsonl"
        write_history(path, acked=acked, users=6, sleep_every=300)
        checked, peak, _ = measure(path, **SMALL)
        assert checked == acked
        peaks.append(peak)
        path.unlink()
    assert peaks[1] < peaks[0] * 1.1 + 64 * 1024, peaks
    assert peaks[1] < 1_000_000, peaks


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> list[Record]:
    path = tmp_path_factory.mktemp("stream") / "clean.jsonl"
    write_history(path, acked=600, users=6, sleep_every=200)
    return list(read_records(path))


def counts(records: list[Record], tmp_path: Path, limits: dict[str, int]) -> dict[str, int]:
    path = tmp_path / "planted.jsonl"
    path.write_bytes(encode_history(records))
    return {k: n for k, n in check_file(path, None, **limits).counts().items() if n}


def _deliveries(records: list[Record], who: str | None = None) -> list[int]:
    return [
        i
        for i, r in enumerate(records)
        if r.type == "deliver"
        and r.event is not None
        and r.event.client_msg_id is not None
        and (who is None or r.who == who)
    ]


@pytest.mark.parametrize("limits", [{}, SMALL], ids=["default", "small"])
def test_every_anomaly_planted_is_named(
    history: list[Record], tmp_path: Path, limits: dict[str, int]
) -> None:
    assert counts(history, tmp_path, limits) == {}
    first, last = _deliveries(history)[0], _deliveries(history)[-1]
    # A device's last delivery dropped: it never got that message.
    assert counts(history[:last] + history[last + 1 :], tmp_path, limits) == {"lost": 1}
    # One delivered twice.
    twice = [*history[: first + 1], history[first], *history[first + 1 :]]
    assert counts(twice, tmp_path, limits) == {"duplicated": 1}
    # Two of one device's deliveries in one conversation swapped: a gap, then a reorder.
    mine = [
        i
        for i in _deliveries(history, history[first].who)
        if history[i].event.conv == history[first].event.conv  # type: ignore[union-attr]
    ]
    a, b = next((a, b) for a, b in itertools.pairwise(mine) if b == a + 1)  # a batch
    swapped = list(history)
    swapped[a], swapped[b] = history[b], history[a]
    assert counts(swapped, tmp_path, limits) == {"gap": 1, "reordered": 1}
    # A body nobody sent, delivered first: a phantom, and not what the log holds.
    forged = list(history)
    event = history[first].event
    assert event is not None
    forged[first] = msgspec.structs.replace(
        history[first], event=msgspec.structs.replace(event, body="never sent")
    )
    assert counts(forged, tmp_path, limits) == {"phantom": 1, "divergent": 1}
    # An ack at a second seq: a double ack, and that seq holds another message.
    ok = next(r for r in history if r.type == "ok" and r.seq is not None)
    assert ok.seq is not None
    again = msgspec.structs.replace(ok, seq=ok.seq + 1)
    assert counts([*history[: first + 1], again, *history[first + 1 :]], tmp_path, limits) == {
        "double_ack": 1,
        "lost": 1,
    }


def test_a_reader_that_lags_past_the_window_is_judged_by_the_log(
    history: list[Record], tmp_path: Path
) -> None:
    """The sleeper's late reads are out of the window: its running digest against the log's
    names it divergent, once for the stretch."""
    sleeper = "u5"
    late = _deliveries(history, sleeper)[-1]
    event = history[late].event
    assert event is not None
    forged = list(history)
    forged[late] = msgspec.structs.replace(
        history[late], event=msgspec.structs.replace(event, ts=event.ts + 1)
    )
    assert counts(forged, tmp_path, {}) == {"divergent": 1}
    assert counts(forged, tmp_path, SMALL) == {"divergent": 1}
