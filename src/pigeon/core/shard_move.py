"""Moving a virtual shard between databases (docs/DECISIONS.md D43), without I/O: the fence
states a shard database holds for a shard, what each lets a gateway do, and which steps of a
move remain, decided from the states a crash left."""

from __future__ import annotations

# A shard database's fence row for one virtual shard.
OWNED = "owned"  # the record: reads and writes
MOVING = "moving"  # a move is copying it out (source) or in (target): reads only
GONE = "gone"  # moved away, rows deleted: nothing; a gateway sent here reloads the map

# The steps of a move, in order; each is one transaction on one database.
FENCE = "fence"  # source: owned -> moving (waits for the writes in flight)
COPY = "copy"  # target: the shard's rows replaced by the source's, target moving
RELEASE = "release"  # source: moving -> gone, its rows of the shard deleted
REMAP = "remap"  # catalog: shard_map names the target
OWN = "own"  # target: moving -> owned
DONE = "done"  # catalog: the move's record deleted
STEPS = (FENCE, COPY, RELEASE, REMAP, OWN, DONE)


class MoveInconsistent(ValueError):
    """The fence rows disagree with the catalog in a way no crash of a move leaves."""


def writable(state: str | None) -> bool:
    """Whether a write may commit here; a missing row is never trusted."""
    return state == OWNED


def readable(state: str | None) -> bool:
    """Whether a read may be served here: a ``moving`` copy is whole and nobody writes it."""
    return state in (OWNED, MOVING)


def remaining_steps(source: str | None, target: str | None, *, resumed: bool) -> tuple[str, ...]:
    """The steps left of a move, from the source's and target's fence rows for the shard.
    ``resumed``: an earlier run recorded this move. A source without a row is owned (no node
    has opened it since the fence table came). Every step is idempotent, so redoing the one
    a crash interrupted is safe."""
    if source in (None, OWNED):
        return STEPS
    if source == MOVING:
        return STEPS[STEPS.index(COPY) :]
    if source == GONE and resumed and target in (MOVING, OWNED):
        return STEPS[STEPS.index(REMAP) :]
    raise MoveInconsistent(
        f"the catalog maps the shard to a database whose fence says {source!r} "
        f"(the target's says {target!r})"
    )
