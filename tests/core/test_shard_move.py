"""What a re-run of a shard move does after a crash at each step, and what each fence state
lets a gateway do (pigeon.core.shard_move, D43)."""

from __future__ import annotations

import pytest

from pigeon.core.shard_move import (
    COPY,
    GONE,
    MOVING,
    OWNED,
    REMAP,
    STEPS,
    MoveInconsistent,
    readable,
    remaining_steps,
    writable,
)


def test_only_an_owner_takes_writes_and_a_gone_or_missing_row_serves_nothing() -> None:
    assert [writable(s) for s in (OWNED, MOVING, GONE, None)] == [True, False, False, False]
    assert [readable(s) for s in (OWNED, MOVING, GONE, None)] == [True, True, False, False]


# The fence rows a crash after each step leaves (source, target), and what a re-run redoes.
AFTER_CRASH = {
    None: ((OWNED, None), STEPS),  # recorded, nothing done
    "fence": ((MOVING, None), STEPS[STEPS.index(COPY) :]),
    "copy": ((MOVING, MOVING), STEPS[STEPS.index(COPY) :]),  # the copy is redone whole
    "release": ((GONE, MOVING), STEPS[STEPS.index(REMAP) :]),
    "remap": ((GONE, MOVING), STEPS[STEPS.index(REMAP) :]),
    "own": ((GONE, OWNED), STEPS[STEPS.index(REMAP) :]),
}


@pytest.mark.parametrize("crashed_after", list(AFTER_CRASH))
def test_a_rerun_redoes_from_the_first_step_not_known_done(crashed_after: str | None) -> None:
    (source, target), expected = AFTER_CRASH[crashed_after]
    assert remaining_steps(source, target, resumed=True) == expected


def test_a_fresh_move_starts_at_the_fence_and_a_source_without_a_row_is_its_owner() -> None:
    assert remaining_steps(OWNED, None, resumed=False) == STEPS
    assert remaining_steps(None, None, resumed=False) == STEPS
    assert remaining_steps(OWNED, GONE, resumed=False) == STEPS  # a shard moved back


@pytest.mark.parametrize(
    ("source", "target", "resumed"),
    [(GONE, None, False), (GONE, MOVING, False), (GONE, None, True), (GONE, GONE, True)],
)
def test_a_gone_source_without_a_copy_to_finish_is_refused(
    source: str, target: str | None, resumed: bool
) -> None:
    with pytest.raises(MoveInconsistent):
        remaining_steps(source, target, resumed=resumed)
