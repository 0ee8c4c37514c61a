"""Sequencing: cursors, gap detection, resume checks and forward-only positions.

A conversation's log has gapless seqs 1, 2, 3... (G3). A client's position in it is a cursor:
the highest seq it has applied, qualified by the store's epoch. Pushes are hints that may be
lost or arrive twice; :class:`Timeline` turns them plus pulled pages into exactly-once,
in-order delivery (G4), and says which ranges it still has to pull.
"""

from __future__ import annotations

from collections.abc import Mapping

from pigeon.core.records import Event
from pigeon.errors import ErrorCode, ProtocolViolation


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_x_merge_position__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_merge_position__mutmut)
def merge_position(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, min(proposed, last_seq))


def x_merge_position__mutmut_orig(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, min(proposed, last_seq))


def x_merge_position__mutmut_1(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(None, min(proposed, last_seq))


def x_merge_position__mutmut_2(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, None)


def x_merge_position__mutmut_3(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(min(proposed, last_seq))


def x_merge_position__mutmut_4(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, )


def x_merge_position__mutmut_5(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, min(None, last_seq))


def x_merge_position__mutmut_6(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, min(proposed, None))


def x_merge_position__mutmut_7(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, min(last_seq))


def x_merge_position__mutmut_8(current: int, proposed: int, last_seq: int) -> int:
    """Read positions only move forward (max-merge), and never past the end of the log."""
    return max(current, min(proposed, ))

mutants_x_merge_position__mutmut['_mutmut_orig'] = x_merge_position__mutmut_orig # type: ignore # mutmut generated
mutants_x_merge_position__mutmut['x_merge_position__mutmut_1'] = x_merge_position__mutmut_1 # type: ignore # mutmut generated
mutants_x_merge_position__mutmut['x_merge_position__mutmut_2'] = x_merge_position__mutmut_2 # type: ignore # mutmut generated
mutants_x_merge_position__mutmut['x_merge_position__mutmut_3'] = x_merge_position__mutmut_3 # type: ignore # mutmut generated
mutants_x_merge_position__mutmut['x_merge_position__mutmut_4'] = x_merge_position__mutmut_4 # type: ignore # mutmut generated
mutants_x_merge_position__mutmut['x_merge_position__mutmut_5'] = x_merge_position__mutmut_5 # type: ignore # mutmut generated
mutants_x_merge_position__mutmut['x_merge_position__mutmut_6'] = x_merge_position__mutmut_6 # type: ignore # mutmut generated
mutants_x_merge_position__mutmut['x_merge_position__mutmut_7'] = x_merge_position__mutmut_7 # type: ignore # mutmut generated
mutants_x_merge_position__mutmut['x_merge_position__mutmut_8'] = x_merge_position__mutmut_8 # type: ignore # mutmut generated
mutants_x_page_window__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_page_window__mutmut)
def page_window(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_orig(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_1(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = None
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_2(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if (before is None) and False else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_3(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if (before is None) or True else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_4(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is not None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_5(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(None, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_6(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, None)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_7(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_8(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, )
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_9(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before + 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_10(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 2, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_11(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_12(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = None
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_13(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(None, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_14(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, None)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_15(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_16(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, )
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_17(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 1)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_18(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = None
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_19(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(None, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_20(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, None)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_21(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_22(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, )
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_23(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low - limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_24(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low - 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_25(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 2, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_26(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(None, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_27(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, None) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_28(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_29(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, ) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_30(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) <= upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_31(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = None
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_32(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(None, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_33(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, None)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_34(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_35(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, )
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_36(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(2, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_37(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit - 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_38(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper + limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_39(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 2)
    return first, upper, (first if first <= upper else upper + 1) > 1


def x_page_window__mutmut_40(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if (first <= upper) and False else upper + 1) > 1


def x_page_window__mutmut_41(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if (first <= upper) or True else upper + 1) > 1


def x_page_window__mutmut_42(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first < upper else upper + 1) > 1


def x_page_window__mutmut_43(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper - 1) > 1


def x_page_window__mutmut_44(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 2) > 1


def x_page_window__mutmut_45(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) >= 1


def x_page_window__mutmut_46(
    last_seq: int, *, after: int | None, before: int | None, limit: int
) -> tuple[int, int, bool]:
    """The seqs ``first..last`` (inclusive; empty when first > last) of a history page, and
    whether the log goes on past it in the page's direction. With ``after``: ascending from
    after + 1; otherwise the latest ``limit`` before ``before`` (or the end). Gapless seqs
    (G3) make the page a range of numbers, whatever the store."""
    upper = last_seq if before is None else min(before - 1, last_seq)
    if after is not None:
        low = max(after, 0)
        last = min(upper, low + limit)
        return low + 1, last, max(last, low) < upper
    first = max(1, upper - limit + 1)
    return first, upper, (first if first <= upper else upper + 1) > 2

mutants_x_page_window__mutmut['_mutmut_orig'] = x_page_window__mutmut_orig # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_1'] = x_page_window__mutmut_1 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_2'] = x_page_window__mutmut_2 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_3'] = x_page_window__mutmut_3 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_4'] = x_page_window__mutmut_4 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_5'] = x_page_window__mutmut_5 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_6'] = x_page_window__mutmut_6 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_7'] = x_page_window__mutmut_7 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_8'] = x_page_window__mutmut_8 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_9'] = x_page_window__mutmut_9 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_10'] = x_page_window__mutmut_10 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_11'] = x_page_window__mutmut_11 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_12'] = x_page_window__mutmut_12 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_13'] = x_page_window__mutmut_13 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_14'] = x_page_window__mutmut_14 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_15'] = x_page_window__mutmut_15 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_16'] = x_page_window__mutmut_16 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_17'] = x_page_window__mutmut_17 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_18'] = x_page_window__mutmut_18 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_19'] = x_page_window__mutmut_19 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_20'] = x_page_window__mutmut_20 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_21'] = x_page_window__mutmut_21 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_22'] = x_page_window__mutmut_22 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_23'] = x_page_window__mutmut_23 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_24'] = x_page_window__mutmut_24 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_25'] = x_page_window__mutmut_25 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_26'] = x_page_window__mutmut_26 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_27'] = x_page_window__mutmut_27 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_28'] = x_page_window__mutmut_28 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_29'] = x_page_window__mutmut_29 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_30'] = x_page_window__mutmut_30 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_31'] = x_page_window__mutmut_31 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_32'] = x_page_window__mutmut_32 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_33'] = x_page_window__mutmut_33 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_34'] = x_page_window__mutmut_34 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_35'] = x_page_window__mutmut_35 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_36'] = x_page_window__mutmut_36 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_37'] = x_page_window__mutmut_37 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_38'] = x_page_window__mutmut_38 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_39'] = x_page_window__mutmut_39 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_40'] = x_page_window__mutmut_40 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_41'] = x_page_window__mutmut_41 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_42'] = x_page_window__mutmut_42 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_43'] = x_page_window__mutmut_43 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_44'] = x_page_window__mutmut_44 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_45'] = x_page_window__mutmut_45 # type: ignore # mutmut generated
mutants_x_page_window__mutmut['x_page_window__mutmut_46'] = x_page_window__mutmut_46 # type: ignore # mutmut generated
mutants_x_check_epoch__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_epoch__mutmut)
def check_epoch(store_epoch: str, client_epoch: str | None) -> None:
    """Refuse a request that names another epoch than the store's: its seqs are from another
    history (a store restored from backup), so paging on would skip or repeat events (G4)."""
    if client_epoch is not None and client_epoch != store_epoch:
        raise ProtocolViolation(ErrorCode.RESYNC_REQUIRED)


def x_check_epoch__mutmut_orig(store_epoch: str, client_epoch: str | None) -> None:
    """Refuse a request that names another epoch than the store's: its seqs are from another
    history (a store restored from backup), so paging on would skip or repeat events (G4)."""
    if client_epoch is not None and client_epoch != store_epoch:
        raise ProtocolViolation(ErrorCode.RESYNC_REQUIRED)


def x_check_epoch__mutmut_1(store_epoch: str, client_epoch: str | None) -> None:
    """Refuse a request that names another epoch than the store's: its seqs are from another
    history (a store restored from backup), so paging on would skip or repeat events (G4)."""
    if client_epoch is not None or client_epoch != store_epoch:
        raise ProtocolViolation(ErrorCode.RESYNC_REQUIRED)


def x_check_epoch__mutmut_2(store_epoch: str, client_epoch: str | None) -> None:
    """Refuse a request that names another epoch than the store's: its seqs are from another
    history (a store restored from backup), so paging on would skip or repeat events (G4)."""
    if client_epoch is None and client_epoch != store_epoch:
        raise ProtocolViolation(ErrorCode.RESYNC_REQUIRED)


def x_check_epoch__mutmut_3(store_epoch: str, client_epoch: str | None) -> None:
    """Refuse a request that names another epoch than the store's: its seqs are from another
    history (a store restored from backup), so paging on would skip or repeat events (G4)."""
    if client_epoch is not None and client_epoch == store_epoch:
        raise ProtocolViolation(ErrorCode.RESYNC_REQUIRED)


def x_check_epoch__mutmut_4(store_epoch: str, client_epoch: str | None) -> None:
    """Refuse a request that names another epoch than the store's: its seqs are from another
    history (a store restored from backup), so paging on would skip or repeat events (G4)."""
    if client_epoch is not None and client_epoch != store_epoch:
        raise ProtocolViolation(None)

mutants_x_check_epoch__mutmut['_mutmut_orig'] = x_check_epoch__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_epoch__mutmut['x_check_epoch__mutmut_1'] = x_check_epoch__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_epoch__mutmut['x_check_epoch__mutmut_2'] = x_check_epoch__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_epoch__mutmut['x_check_epoch__mutmut_3'] = x_check_epoch__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_epoch__mutmut['x_check_epoch__mutmut_4'] = x_check_epoch__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_resume__mutmut)
def check_resume(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_orig(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_1(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(None, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_2(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, None)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_3(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_4(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, )
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_5(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is not None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_6(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = None
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_7(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = None
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_8(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = None
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_9(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(None, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_10(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, None)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_11(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_12(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, )
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_13(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 1)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_14(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor >= last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_15(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                None, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_16(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=None
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_17(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_18(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, )
        if last_seq > cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_19(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq >= cursor:
            behind[conv] = last_seq
    return behind


def x_check_resume__mutmut_20(
    *,
    store_epoch: str,
    client_epoch: str | None,
    cursors: Mapping[str, int],
    last_seqs: Mapping[str, int],
) -> dict[str, int]:
    """Decide what a reconnecting client is missing.

    ``last_seqs`` holds the last seq of every conversation the user is a member of. Returns
    ``{conv: last_seq}`` for each conversation with events after the client's cursor (a
    conversation without a cursor counts from 0). Raises ``resync_required`` when the cursors
    are from another epoch, or point past the end of a log (a future the store has lost).
    Cursors for conversations the user is not in are ignored: they reveal nothing (G5).
    """
    check_epoch(store_epoch, client_epoch)
    if client_epoch is None:
        cursors = {}
    behind: dict[str, int] = {}
    for conv, last_seq in last_seqs.items():
        cursor = cursors.get(conv, 0)
        if cursor > last_seq:
            raise ProtocolViolation(
                ErrorCode.RESYNC_REQUIRED, detail=f"{conv}: {cursor}>{last_seq}"
            )
        if last_seq > cursor:
            behind[conv] = None
    return behind

mutants_x_check_resume__mutmut['_mutmut_orig'] = x_check_resume__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_1'] = x_check_resume__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_2'] = x_check_resume__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_3'] = x_check_resume__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_4'] = x_check_resume__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_5'] = x_check_resume__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_6'] = x_check_resume__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_7'] = x_check_resume__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_8'] = x_check_resume__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_9'] = x_check_resume__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_10'] = x_check_resume__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_11'] = x_check_resume__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_12'] = x_check_resume__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_13'] = x_check_resume__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_14'] = x_check_resume__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_15'] = x_check_resume__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_16'] = x_check_resume__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_17'] = x_check_resume__mutmut_17 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_18'] = x_check_resume__mutmut_18 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_19'] = x_check_resume__mutmut_19 # type: ignore # mutmut generated
mutants_x_check_resume__mutmut['x_check_resume__mutmut_20'] = x_check_resume__mutmut_20 # type: ignore # mutmut generated
mutants_x_stale_cursors__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_stale_cursors__mutmut)
def stale_cursors(
    *, client_epoch: str | None, cursors: Mapping[str, int], last_seqs: Mapping[str, int]
) -> list[str]:
    """The conversations a hello sent cursors for that the user is not in (any more): the
    client drops them, so its hellos carry only the conversations it is in, at most 10,000,
    however many it was removed from while offline. It learns nothing it could not learn from
    a ``not_found`` (G5). Empty when the cursors are ignored (no epoch)."""
    if client_epoch is None:
        return []
    return sorted(conv for conv in cursors if conv not in last_seqs)


def x_stale_cursors__mutmut_orig(
    *, client_epoch: str | None, cursors: Mapping[str, int], last_seqs: Mapping[str, int]
) -> list[str]:
    """The conversations a hello sent cursors for that the user is not in (any more): the
    client drops them, so its hellos carry only the conversations it is in, at most 10,000,
    however many it was removed from while offline. It learns nothing it could not learn from
    a ``not_found`` (G5). Empty when the cursors are ignored (no epoch)."""
    if client_epoch is None:
        return []
    return sorted(conv for conv in cursors if conv not in last_seqs)


def x_stale_cursors__mutmut_1(
    *, client_epoch: str | None, cursors: Mapping[str, int], last_seqs: Mapping[str, int]
) -> list[str]:
    """The conversations a hello sent cursors for that the user is not in (any more): the
    client drops them, so its hellos carry only the conversations it is in, at most 10,000,
    however many it was removed from while offline. It learns nothing it could not learn from
    a ``not_found`` (G5). Empty when the cursors are ignored (no epoch)."""
    if client_epoch is not None:
        return []
    return sorted(conv for conv in cursors if conv not in last_seqs)


def x_stale_cursors__mutmut_2(
    *, client_epoch: str | None, cursors: Mapping[str, int], last_seqs: Mapping[str, int]
) -> list[str]:
    """The conversations a hello sent cursors for that the user is not in (any more): the
    client drops them, so its hellos carry only the conversations it is in, at most 10,000,
    however many it was removed from while offline. It learns nothing it could not learn from
    a ``not_found`` (G5). Empty when the cursors are ignored (no epoch)."""
    if client_epoch is None:
        return []
    return sorted(None)


def x_stale_cursors__mutmut_3(
    *, client_epoch: str | None, cursors: Mapping[str, int], last_seqs: Mapping[str, int]
) -> list[str]:
    """The conversations a hello sent cursors for that the user is not in (any more): the
    client drops them, so its hellos carry only the conversations it is in, at most 10,000,
    however many it was removed from while offline. It learns nothing it could not learn from
    a ``not_found`` (G5). Empty when the cursors are ignored (no epoch)."""
    if client_epoch is None:
        return []
    return sorted(conv for conv in cursors if conv in last_seqs)

mutants_x_stale_cursors__mutmut['_mutmut_orig'] = x_stale_cursors__mutmut_orig # type: ignore # mutmut generated
mutants_x_stale_cursors__mutmut['x_stale_cursors__mutmut_1'] = x_stale_cursors__mutmut_1 # type: ignore # mutmut generated
mutants_x_stale_cursors__mutmut['x_stale_cursors__mutmut_2'] = x_stale_cursors__mutmut_2 # type: ignore # mutmut generated
mutants_x_stale_cursors__mutmut['x_stale_cursors__mutmut_3'] = x_stale_cursors__mutmut_3 # type: ignore # mutmut generated
mutants_xǁTimelineǁ__init____mutmut: MutantDict = {}  # type: ignore
mutants_xǁTimelineǁcursor__mutmut: MutantDict = {}  # type: ignore
mutants_xǁTimelineǁcursors__mutmut: MutantDict = {}  # type: ignore
mutants_xǁTimelineǁnote_last_seq__mutmut: MutantDict = {}  # type: ignore
mutants_xǁTimelineǁobserve__mutmut: MutantDict = {}  # type: ignore
mutants_xǁTimelineǁwanted__mutmut: MutantDict = {}  # type: ignore
mutants_xǁTimelineǁforget__mutmut: MutantDict = {}  # type: ignore


class Timeline:
    """Exactly-once, in-order delivery from unreliable pushes and exact pulls (client side).

    Feed every event, pushed or pulled, to :meth:`observe`; it returns the events that are now
    deliverable, in order, each exactly once. Tell it the log ends you learn of with
    :meth:`note_last_seq`. Then pull ``history(after=cursor)`` for each conversation in
    :meth:`wanted`, and feed the page's events back in.
    """

    @_mutmut_mutated(mutants_xǁTimelineǁ__init____mutmut)
    def __init__(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = dict(cursors or {})
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = max_ahead

    def xǁTimelineǁ__init____mutmut_orig(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = dict(cursors or {})
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = max_ahead

    def xǁTimelineǁ__init____mutmut_1(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1001) -> None:
        self._cursors: dict[str, int] = dict(cursors or {})
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = max_ahead

    def xǁTimelineǁ__init____mutmut_2(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = None
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = max_ahead

    def xǁTimelineǁ__init____mutmut_3(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = dict(None)
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = max_ahead

    def xǁTimelineǁ__init____mutmut_4(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = dict(cursors and {})
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = max_ahead

    def xǁTimelineǁ__init____mutmut_5(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = dict(cursors or {})
        self._known_end: dict[str, int] = None
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = max_ahead

    def xǁTimelineǁ__init____mutmut_6(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = dict(cursors or {})
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = None
        self.max_ahead = max_ahead

    def xǁTimelineǁ__init____mutmut_7(self, cursors: Mapping[str, int] | None = None, *, max_ahead: int = 1000) -> None:
        self._cursors: dict[str, int] = dict(cursors or {})
        self._known_end: dict[str, int] = {}
        self._ahead: dict[str, dict[int, Event]] = {}
        self.max_ahead = None

    @_mutmut_mutated(mutants_xǁTimelineǁcursor__mutmut)
    def cursor(self, conv: str) -> int:
        return self._cursors.get(conv, 0)

    def xǁTimelineǁcursor__mutmut_orig(self, conv: str) -> int:
        return self._cursors.get(conv, 0)

    def xǁTimelineǁcursor__mutmut_1(self, conv: str) -> int:
        return self._cursors.get(None, 0)

    def xǁTimelineǁcursor__mutmut_2(self, conv: str) -> int:
        return self._cursors.get(conv, None)

    def xǁTimelineǁcursor__mutmut_3(self, conv: str) -> int:
        return self._cursors.get(0)

    def xǁTimelineǁcursor__mutmut_4(self, conv: str) -> int:
        return self._cursors.get(conv, )

    def xǁTimelineǁcursor__mutmut_5(self, conv: str) -> int:
        return self._cursors.get(conv, 1)

    @_mutmut_mutated(mutants_xǁTimelineǁcursors__mutmut)
    def cursors(self) -> dict[str, int]:
        return dict(self._cursors)

    def xǁTimelineǁcursors__mutmut_orig(self) -> dict[str, int]:
        return dict(self._cursors)

    def xǁTimelineǁcursors__mutmut_1(self) -> dict[str, int]:
        return dict(None)

    @_mutmut_mutated(mutants_xǁTimelineǁnote_last_seq__mutmut)
    def note_last_seq(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(conv, 0):
            self._known_end[conv] = last_seq

    def xǁTimelineǁnote_last_seq__mutmut_orig(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(conv, 0):
            self._known_end[conv] = last_seq

    def xǁTimelineǁnote_last_seq__mutmut_1(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq >= self._known_end.get(conv, 0):
            self._known_end[conv] = last_seq

    def xǁTimelineǁnote_last_seq__mutmut_2(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(None, 0):
            self._known_end[conv] = last_seq

    def xǁTimelineǁnote_last_seq__mutmut_3(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(conv, None):
            self._known_end[conv] = last_seq

    def xǁTimelineǁnote_last_seq__mutmut_4(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(0):
            self._known_end[conv] = last_seq

    def xǁTimelineǁnote_last_seq__mutmut_5(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(conv, ):
            self._known_end[conv] = last_seq

    def xǁTimelineǁnote_last_seq__mutmut_6(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(conv, 1):
            self._known_end[conv] = last_seq

    def xǁTimelineǁnote_last_seq__mutmut_7(self, conv: str, last_seq: int) -> None:
        """Record that ``conv``'s log reaches at least ``last_seq``."""
        if last_seq > self._known_end.get(conv, 0):
            self._known_end[conv] = None

    @_mutmut_mutated(mutants_xǁTimelineǁobserve__mutmut)
    def observe(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_orig(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_1(self, event: Event) -> list[Event]:
        conv, cursor = None
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_2(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(None)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_3(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(None, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_4(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, None)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_5(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_6(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, )
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_7(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq < cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_8(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq >= cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_9(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor - 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_10(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 2:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_11(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = None
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_12(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(None, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_13(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, None)
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_14(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault({})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_15(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, )
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_16(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) <= self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_17(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = None
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_18(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = None
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_19(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = None
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_20(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = None
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_21(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(None)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_22(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_23(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq - 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_24(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 2) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_25(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) not in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_26(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq = 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_27(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq -= 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_28(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 2
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_29(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(None)
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_30(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(None))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_31(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if waiting:
                del self._ahead[conv]
        self._cursors[conv] = seq
        return ready

    def xǁTimelineǁobserve__mutmut_32(self, event: Event) -> list[Event]:
        conv, cursor = event.conv, self.cursor(event.conv)
        self.note_last_seq(conv, event.seq)
        if event.seq <= cursor:
            return []  # a duplicate: already delivered
        if event.seq > cursor + 1:
            ahead = self._ahead.setdefault(conv, {})
            if len(ahead) < self.max_ahead:
                ahead[event.seq] = event
            # else: dropped; it will be pulled again, since known_end covers it
            return []
        ready = [event]
        seq = event.seq
        waiting = self._ahead.get(conv)
        if waiting is not None:
            while (seq + 1) in waiting:
                seq += 1
                ready.append(waiting.pop(seq))
            if not waiting:
                del self._ahead[conv]
        self._cursors[conv] = None
        return ready

    @_mutmut_mutated(mutants_xǁTimelineǁwanted__mutmut)
    def wanted(self) -> dict[str, int]:
        """``{conv: cursor}`` for every conversation known to have events past its cursor."""
        return {
            conv: self.cursor(conv)
            for conv, end in self._known_end.items()
            if end > self.cursor(conv)
        }

    def xǁTimelineǁwanted__mutmut_orig(self) -> dict[str, int]:
        """``{conv: cursor}`` for every conversation known to have events past its cursor."""
        return {
            conv: self.cursor(conv)
            for conv, end in self._known_end.items()
            if end > self.cursor(conv)
        }

    def xǁTimelineǁwanted__mutmut_1(self) -> dict[str, int]:
        """``{conv: cursor}`` for every conversation known to have events past its cursor."""
        return {
            conv: self.cursor(None)
            for conv, end in self._known_end.items()
            if end > self.cursor(conv)
        }

    def xǁTimelineǁwanted__mutmut_2(self) -> dict[str, int]:
        """``{conv: cursor}`` for every conversation known to have events past its cursor."""
        return {
            conv: self.cursor(conv)
            for conv, end in self._known_end.items()
            if end >= self.cursor(conv)
        }

    def xǁTimelineǁwanted__mutmut_3(self) -> dict[str, int]:
        """``{conv: cursor}`` for every conversation known to have events past its cursor."""
        return {
            conv: self.cursor(conv)
            for conv, end in self._known_end.items()
            if end > self.cursor(None)
        }

    @_mutmut_mutated(mutants_xǁTimelineǁforget__mutmut)
    def forget(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(conv, None)
        self._ahead.pop(conv, None)

    def xǁTimelineǁforget__mutmut_orig(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(conv, None)
        self._ahead.pop(conv, None)

    def xǁTimelineǁforget__mutmut_1(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(None, None)
        self._known_end.pop(conv, None)
        self._ahead.pop(conv, None)

    def xǁTimelineǁforget__mutmut_2(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(None)
        self._known_end.pop(conv, None)
        self._ahead.pop(conv, None)

    def xǁTimelineǁforget__mutmut_3(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, )
        self._known_end.pop(conv, None)
        self._ahead.pop(conv, None)

    def xǁTimelineǁforget__mutmut_4(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(None, None)
        self._ahead.pop(conv, None)

    def xǁTimelineǁforget__mutmut_5(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(None)
        self._ahead.pop(conv, None)

    def xǁTimelineǁforget__mutmut_6(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(conv, )
        self._ahead.pop(conv, None)

    def xǁTimelineǁforget__mutmut_7(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(conv, None)
        self._ahead.pop(None, None)

    def xǁTimelineǁforget__mutmut_8(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(conv, None)
        self._ahead.pop(None)

    def xǁTimelineǁforget__mutmut_9(self, conv: str) -> None:
        """Forget one conversation, which the user left: its cursor goes in no more hellos
        (a hello carries at most 10,000), and if the user is added again it is read from
        seq 1, as a member who joins reads it."""
        self._cursors.pop(conv, None)
        self._known_end.pop(conv, None)
        self._ahead.pop(conv, )

    def reset(self) -> None:
        """Forget everything: after ``resync_required``, the client starts from seq 0."""
        self._cursors.clear()
        self._known_end.clear()
        self._ahead.clear()

mutants_xǁTimelineǁ__init____mutmut['_mutmut_orig'] = Timeline.xǁTimelineǁ__init____mutmut_orig # type: ignore # mutmut generated
mutants_xǁTimelineǁ__init____mutmut['xǁTimelineǁ__init____mutmut_1'] = Timeline.xǁTimelineǁ__init____mutmut_1 # type: ignore # mutmut generated
mutants_xǁTimelineǁ__init____mutmut['xǁTimelineǁ__init____mutmut_2'] = Timeline.xǁTimelineǁ__init____mutmut_2 # type: ignore # mutmut generated
mutants_xǁTimelineǁ__init____mutmut['xǁTimelineǁ__init____mutmut_3'] = Timeline.xǁTimelineǁ__init____mutmut_3 # type: ignore # mutmut generated
mutants_xǁTimelineǁ__init____mutmut['xǁTimelineǁ__init____mutmut_4'] = Timeline.xǁTimelineǁ__init____mutmut_4 # type: ignore # mutmut generated
mutants_xǁTimelineǁ__init____mutmut['xǁTimelineǁ__init____mutmut_5'] = Timeline.xǁTimelineǁ__init____mutmut_5 # type: ignore # mutmut generated
mutants_xǁTimelineǁ__init____mutmut['xǁTimelineǁ__init____mutmut_6'] = Timeline.xǁTimelineǁ__init____mutmut_6 # type: ignore # mutmut generated
mutants_xǁTimelineǁ__init____mutmut['xǁTimelineǁ__init____mutmut_7'] = Timeline.xǁTimelineǁ__init____mutmut_7 # type: ignore # mutmut generated

mutants_xǁTimelineǁcursor__mutmut['_mutmut_orig'] = Timeline.xǁTimelineǁcursor__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTimelineǁcursor__mutmut['xǁTimelineǁcursor__mutmut_1'] = Timeline.xǁTimelineǁcursor__mutmut_1 # type: ignore # mutmut generated
mutants_xǁTimelineǁcursor__mutmut['xǁTimelineǁcursor__mutmut_2'] = Timeline.xǁTimelineǁcursor__mutmut_2 # type: ignore # mutmut generated
mutants_xǁTimelineǁcursor__mutmut['xǁTimelineǁcursor__mutmut_3'] = Timeline.xǁTimelineǁcursor__mutmut_3 # type: ignore # mutmut generated
mutants_xǁTimelineǁcursor__mutmut['xǁTimelineǁcursor__mutmut_4'] = Timeline.xǁTimelineǁcursor__mutmut_4 # type: ignore # mutmut generated
mutants_xǁTimelineǁcursor__mutmut['xǁTimelineǁcursor__mutmut_5'] = Timeline.xǁTimelineǁcursor__mutmut_5 # type: ignore # mutmut generated

mutants_xǁTimelineǁcursors__mutmut['_mutmut_orig'] = Timeline.xǁTimelineǁcursors__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTimelineǁcursors__mutmut['xǁTimelineǁcursors__mutmut_1'] = Timeline.xǁTimelineǁcursors__mutmut_1 # type: ignore # mutmut generated

mutants_xǁTimelineǁnote_last_seq__mutmut['_mutmut_orig'] = Timeline.xǁTimelineǁnote_last_seq__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTimelineǁnote_last_seq__mutmut['xǁTimelineǁnote_last_seq__mutmut_1'] = Timeline.xǁTimelineǁnote_last_seq__mutmut_1 # type: ignore # mutmut generated
mutants_xǁTimelineǁnote_last_seq__mutmut['xǁTimelineǁnote_last_seq__mutmut_2'] = Timeline.xǁTimelineǁnote_last_seq__mutmut_2 # type: ignore # mutmut generated
mutants_xǁTimelineǁnote_last_seq__mutmut['xǁTimelineǁnote_last_seq__mutmut_3'] = Timeline.xǁTimelineǁnote_last_seq__mutmut_3 # type: ignore # mutmut generated
mutants_xǁTimelineǁnote_last_seq__mutmut['xǁTimelineǁnote_last_seq__mutmut_4'] = Timeline.xǁTimelineǁnote_last_seq__mutmut_4 # type: ignore # mutmut generated
mutants_xǁTimelineǁnote_last_seq__mutmut['xǁTimelineǁnote_last_seq__mutmut_5'] = Timeline.xǁTimelineǁnote_last_seq__mutmut_5 # type: ignore # mutmut generated
mutants_xǁTimelineǁnote_last_seq__mutmut['xǁTimelineǁnote_last_seq__mutmut_6'] = Timeline.xǁTimelineǁnote_last_seq__mutmut_6 # type: ignore # mutmut generated
mutants_xǁTimelineǁnote_last_seq__mutmut['xǁTimelineǁnote_last_seq__mutmut_7'] = Timeline.xǁTimelineǁnote_last_seq__mutmut_7 # type: ignore # mutmut generated

mutants_xǁTimelineǁobserve__mutmut['_mutmut_orig'] = Timeline.xǁTimelineǁobserve__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_1'] = Timeline.xǁTimelineǁobserve__mutmut_1 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_2'] = Timeline.xǁTimelineǁobserve__mutmut_2 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_3'] = Timeline.xǁTimelineǁobserve__mutmut_3 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_4'] = Timeline.xǁTimelineǁobserve__mutmut_4 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_5'] = Timeline.xǁTimelineǁobserve__mutmut_5 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_6'] = Timeline.xǁTimelineǁobserve__mutmut_6 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_7'] = Timeline.xǁTimelineǁobserve__mutmut_7 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_8'] = Timeline.xǁTimelineǁobserve__mutmut_8 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_9'] = Timeline.xǁTimelineǁobserve__mutmut_9 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_10'] = Timeline.xǁTimelineǁobserve__mutmut_10 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_11'] = Timeline.xǁTimelineǁobserve__mutmut_11 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_12'] = Timeline.xǁTimelineǁobserve__mutmut_12 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_13'] = Timeline.xǁTimelineǁobserve__mutmut_13 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_14'] = Timeline.xǁTimelineǁobserve__mutmut_14 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_15'] = Timeline.xǁTimelineǁobserve__mutmut_15 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_16'] = Timeline.xǁTimelineǁobserve__mutmut_16 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_17'] = Timeline.xǁTimelineǁobserve__mutmut_17 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_18'] = Timeline.xǁTimelineǁobserve__mutmut_18 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_19'] = Timeline.xǁTimelineǁobserve__mutmut_19 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_20'] = Timeline.xǁTimelineǁobserve__mutmut_20 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_21'] = Timeline.xǁTimelineǁobserve__mutmut_21 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_22'] = Timeline.xǁTimelineǁobserve__mutmut_22 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_23'] = Timeline.xǁTimelineǁobserve__mutmut_23 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_24'] = Timeline.xǁTimelineǁobserve__mutmut_24 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_25'] = Timeline.xǁTimelineǁobserve__mutmut_25 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_26'] = Timeline.xǁTimelineǁobserve__mutmut_26 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_27'] = Timeline.xǁTimelineǁobserve__mutmut_27 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_28'] = Timeline.xǁTimelineǁobserve__mutmut_28 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_29'] = Timeline.xǁTimelineǁobserve__mutmut_29 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_30'] = Timeline.xǁTimelineǁobserve__mutmut_30 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_31'] = Timeline.xǁTimelineǁobserve__mutmut_31 # type: ignore # mutmut generated
mutants_xǁTimelineǁobserve__mutmut['xǁTimelineǁobserve__mutmut_32'] = Timeline.xǁTimelineǁobserve__mutmut_32 # type: ignore # mutmut generated

mutants_xǁTimelineǁwanted__mutmut['_mutmut_orig'] = Timeline.xǁTimelineǁwanted__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTimelineǁwanted__mutmut['xǁTimelineǁwanted__mutmut_1'] = Timeline.xǁTimelineǁwanted__mutmut_1 # type: ignore # mutmut generated
mutants_xǁTimelineǁwanted__mutmut['xǁTimelineǁwanted__mutmut_2'] = Timeline.xǁTimelineǁwanted__mutmut_2 # type: ignore # mutmut generated
mutants_xǁTimelineǁwanted__mutmut['xǁTimelineǁwanted__mutmut_3'] = Timeline.xǁTimelineǁwanted__mutmut_3 # type: ignore # mutmut generated

mutants_xǁTimelineǁforget__mutmut['_mutmut_orig'] = Timeline.xǁTimelineǁforget__mutmut_orig # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_1'] = Timeline.xǁTimelineǁforget__mutmut_1 # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_2'] = Timeline.xǁTimelineǁforget__mutmut_2 # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_3'] = Timeline.xǁTimelineǁforget__mutmut_3 # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_4'] = Timeline.xǁTimelineǁforget__mutmut_4 # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_5'] = Timeline.xǁTimelineǁforget__mutmut_5 # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_6'] = Timeline.xǁTimelineǁforget__mutmut_6 # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_7'] = Timeline.xǁTimelineǁforget__mutmut_7 # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_8'] = Timeline.xǁTimelineǁforget__mutmut_8 # type: ignore # mutmut generated
mutants_xǁTimelineǁforget__mutmut['xǁTimelineǁforget__mutmut_9'] = Timeline.xǁTimelineǁforget__mutmut_9 # type: ignore # mutmut generated
