"""Small-count suppression for every export: no count of 1–4 can be read or worked out.

Hiding the small cells alone is not enough: with "contacts 43, asked routinely 40, on
indication <5, not asked 0" anyone can subtract. So after hiding every count of 1–4 (shown
"<5"), `protect` plays the reader: it narrows each hidden cell to the range the shown figures
and the known sums still allow (interval propagation over the equations), and while some
small count is pinned down, it also hides the shown cell that frees most of them (shown
".."; the smallest such cell on a tie). This is the usual cell-suppression heuristic of
statistics offices, kept small; it is not a proof against every linear-programming attack.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence

SMALL = "<5"  # a count of 1–4
HIDDEN = ".."  # a larger count, hidden so that a small one cannot be worked out
LIMIT = 5
_ROUNDS = 60  # propagation rounds; reports here converge in a handful

Equation = tuple[str, Sequence[str]]
Bounds = dict[str, tuple[float, float]]


def is_small(count: int) -> bool:
    return 0 < count < LIMIT


def marker(count: int) -> str:
    """How a hidden cell is shown: "<5" when it is small itself, ".." when it is not."""
    return SMALL if is_small(count) else HIDDEN


def protect(counts: Mapping[str, int], equations: Sequence[Equation]) -> frozenset[str]:
    """The cells an export must hide. Cells named "~…" are never shown and need no hiding."""
    shown = [name for name in counts if not name.startswith("~")]
    hidden = {name for name in shown if is_small(counts[name])}
    small = frozenset(hidden)
    while _leaks(counts, equations, hidden, small):
        candidates = [name for name in shown if name not in hidden and counts[name] > 0]
        if not candidates:
            break  # every non-zero cell is hidden: nothing more a report can do
        # Try the cells that share a sum with a hidden one first: only they can free it.
        near = {
            name
            for total, parts in equations
            if not hidden.isdisjoint((total, *parts))
            for name in (total, *parts)
        }
        candidates = [name for name in candidates if name in near] or candidates

        def outcome(name: str) -> tuple[int, int]:
            return len(_leaks(counts, equations, hidden | {name}, small)), counts[name]

        hidden.add(min(candidates, key=outcome))
    return frozenset(hidden)


def _leaks(
    counts: Mapping[str, int],
    equations: Sequence[Equation],
    hidden: Collection[str],
    small: Collection[str],
) -> list[str]:
    """Small cells a reader could work out exactly."""
    bounds = _bounds(counts, equations, hidden)
    if bounds is None:
        return list(small)  # not settled: assume the worst and hide more
    return [name for name in small if bounds[name][0] == bounds[name][1]]


def _bounds(
    counts: Mapping[str, int], equations: Sequence[Equation], hidden: Collection[str]
) -> Bounds | None:
    """What a reader can know of each cell: exact if shown, else a range narrowed by the sums."""
    bounds: Bounds = {}
    for name, count in counts.items():
        if name.startswith("~"):
            bounds[name] = (0, math.inf)
        elif name in hidden:  # the marker itself tells "1–4" or "5 or more"
            bounds[name] = (1, LIMIT - 1) if is_small(count) else (LIMIT, math.inf)
        else:
            bounds[name] = (count, count)
    for _round in range(_ROUNDS):
        if not any([_narrow(bounds, total, parts) for total, parts in equations]):
            return bounds
    return None


def _narrow(bounds: Bounds, total: str, parts: Sequence[str]) -> bool:
    """Tighten the ranges in `total == sum(parts)`; True if anything changed."""
    low = sum(bounds[part][0] for part in parts)
    high = sum(bounds[part][1] for part in parts)
    total_low, total_high = bounds[total]
    new_total = (max(total_low, low), min(total_high, high))
    changed = new_total != bounds[total]
    bounds[total] = new_total
    for part in parts:
        part_low, part_high = bounds[part]
        others_low = low - part_low
        # Sum the others' upper bounds directly: subtracting inf from inf is undefined.
        others_high = high - part_high if part_high != math.inf else _sum_high(bounds, parts, part)
        new = (max(part_low, new_total[0] - others_high), min(part_high, new_total[1] - others_low))
        if new != (part_low, part_high):
            bounds[part] = new
            changed = True
            low, high = low - part_low + new[0], _sum_high(bounds, parts)
    return changed


def _sum_high(bounds: Bounds, parts: Sequence[str], leave_out: str | None = None) -> float:
    return sum(bounds[part][1] for part in parts if part != leave_out)
