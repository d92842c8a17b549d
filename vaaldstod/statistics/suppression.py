"""Cell suppression for every export: no count of 1–4 can be read or worked out.

Hiding the small cells alone is not enough: with "contacts 43, asked routinely 40, on
indication ..; not asked 0" anyone can subtract. So after hiding every count of 1–4 (primary
suppression), `protect` plays the reader, the way a statistics office audits a table
(Eurostat, Handbook on Statistical Disclosure Control, ch. 5; docs/statistics.md): it works
out what the shown figures and the known sums still allow for each cell, by

- linear algebra: a cell is pinned if some combination of the sums gives it exactly (the
  subtraction attack, also across a year and its quarters), and
- interval propagation: every count is 0 or more and every hidden one at least 1, so a sum
  can narrow a hidden cell to a single value,

and while some count of 1–4 is pinned, also hides the shown cell, among those that share a
sum with it, that leaves the fewest pinned (secondary suppression). Every hidden cell is
shown the same way, "..": a separate "<5" would itself tell a reader that a cell is at most
4, and four quarters of "<5" under a year of "<5" pin each quarter to 1. Cells named "~…"
are never shown; they are the remainders ("asked but did not tell") a reader can derive,
and they are protected like the rest: a remainder of 1–4 must not be pinned either.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence

HIDDEN = ".."  # a suppressed count: 1–4, or a figure from which such a count could follow
LIMIT = 5
_ROUNDS = 60  # propagation rounds; reports here converge in a handful
_SHORTLIST = 4  # candidates weighed with the bounds as well, each round
_PRIME = (1 << 61) - 1  # linear algebra over GF(p): exact, and no fractions to grow

Equation = tuple[str, Sequence[str]]
Bounds = dict[str, tuple[float, float]]


class Unprotectable(ValueError):
    """No choice of cells to hide keeps every small count unknown (should not happen)."""


def is_small(count: int) -> bool:
    return 0 < count < LIMIT


def marker(_count: int = 0) -> str:
    """How a hidden cell is shown, whatever its reason: the marker must not tell the size."""
    return HIDDEN


def protect(
    counts: Mapping[str, int],
    equations: Sequence[Equation],
    published: Mapping[str, bool] | None = None,
) -> frozenset[str]:
    """The cells an export must hide.

    `published` holds the cells an earlier export already showed (False) or hid (True):
    they keep that state, since what was printed cannot be taken back.
    """
    published = published or {}
    shown = [name for name in counts if not name.startswith("~")]
    hidden = {name for name, was_hidden in published.items() if was_hidden}
    hidden |= {name for name in shown if name not in published and is_small(counts[name])}
    # In the counts' order, not a set's: the result must not depend on string hashing.
    small = tuple(name for name in counts if is_small(counts[name]))
    totals: dict[str, int] = {}  # how many sums a cell is the total of
    for total, _parts in equations:
        totals[total] = totals.get(total, 0) + 1
    containing: dict[str, list[int]] = {}
    for index, (total, parts) in enumerate(equations):
        for name in (total, *parts):
            containing.setdefault(name, []).append(index)
    while found := _analyse(counts, equations, hidden, small)[0]:
        # Free a pinned count: hide one more shown figure from one of its sums, trying the
        # first one's sums, then any leak's, then anything still shown.
        def free(leaks: Collection[str]) -> set[str]:
            return {
                name
                for leak in leaks
                for index in containing.get(leak, ())
                for name in (equations[index][0], *equations[index][1])
                if name not in hidden
                and name not in published
                and not name.startswith("~")
                and counts[name] > 0
            }

        candidates = (
            free(found[:1])
            or free(found)
            or {
                name
                for name in shown
                if name not in hidden and name not in published and counts[name] > 0
            }
        )
        if not candidates:
            raise Unprotectable(sorted(found))

        def outcome(name: str, bounds: bool = True) -> tuple[int, int, int, int, str]:
            # Fewest pinned small counts left; then fewest hidden cells still pinned (one
            # cell is often not enough: this steers towards a set that frees them); then
            # keep the totals a reader needs most (inner cells go before margins, as
            # statistics offices do); then lose the least.
            left, still = _analyse(counts, equations, hidden | {name}, small, bounds)
            return len(left), still, totals.get(name, 0), counts[name], name

        # Rank every candidate by the algebra alone, then the best few with the bounds too:
        # the bounds cost as much again and rarely change the order.
        shortlist = sorted(candidates, key=lambda name: outcome(name, bounds=False))[:_SHORTLIST]
        hidden.add(min(shortlist, key=outcome))
    return frozenset(hidden)


def leaks(
    counts: Mapping[str, int], equations: Sequence[Equation], hidden: Collection[str]
) -> list[str]:
    """The counts of 1–4 a reader of the shown figures could work out exactly."""
    small = [name for name in counts if is_small(counts[name])]
    return _analyse(counts, equations, set(hidden), small)[0]


def _analyse(
    counts: Mapping[str, int],
    equations: Sequence[Equation],
    hidden: Collection[str],
    small: Collection[str],
    bounds: bool = True,
) -> tuple[list[str], int]:
    """The small counts a reader can pin, and how many hidden cells are pinned at all.

    Without `bounds`, by the linear algebra alone (a quick first ranking in `protect`).
    """
    unknown = {name for name in counts if name in hidden or name.startswith("~")}
    pinned = _determined(equations, unknown)
    still = len(pinned & set(hidden))
    found = [name for name in small if name not in unknown or name in pinned]
    open_small = [name for name in small if name in unknown and name not in pinned]
    if not open_small or not bounds:
        return found, still
    ranges = _bounds(counts, equations, unknown)
    if ranges is None:
        return [*found, *open_small], still  # not settled: assume the worst
    return found + [n for n in open_small if ranges[n][0] == ranges[n][1]], still


def _determined(equations: Sequence[Equation], unknown: set[str]) -> set[str]:
    """Unknown cells that a linear combination of the sums gives exactly."""
    rows: list[dict[str, int]] = []
    for total, parts in equations:
        row: dict[str, int] = {}
        for name, sign in ((total, 1), *((part, -1) for part in parts)):
            if name in unknown:
                row[name] = row.get(name, 0) + sign
        row = {name: c % _PRIME for name, c in row.items() if c % _PRIME}
        if row:
            rows.append(row)
    # A cell found in one sum only (most "~" remainders) takes whatever that sum leaves, so
    # the sum says nothing about the other cells: set it aside. That cell is pinned exactly
    # when the rest of its sum is a combination of the other sums; no other set-aside sum can
    # help, as each brings a private cell of its own that nothing cancels.
    seen: dict[str, int] = {}
    for row in rows:
        for name in row:
            seen[name] = seen.get(name, 0) + 1
    aside = [row for row in rows if len(row) > 1 and any(seen[n] == 1 for n in row)]
    rows = [row for row in rows if not (len(row) > 1 and any(seen[n] == 1 for n in row))]
    # Gauss–Jordan elimination; a pivot whose reduced row has no other cell is pinned.
    pivots: dict[str, dict[str, int]] = {}
    for row in rows:
        row = dict(row)
        for name, pivot_row in pivots.items():
            if name in row:
                _subtract(row, pivot_row, row[name])
        if not row:
            continue
        name = min(row)
        inverse = pow(row[name], _PRIME - 2, _PRIME)
        row = {n: c * inverse % _PRIME for n, c in row.items()}
        for other in pivots.values():
            if name in other:
                _subtract(other, row, other[name])
        pivots[name] = row
    pinned = {name for name, row in pivots.items() if len(row) == 1}
    for row in aside:
        private = [name for name in row if seen[name] == 1]
        if len(private) != 1:
            continue  # two cells free in one sum: neither is pinned by it
        rest = {name: c for name, c in row.items() if name != private[0]}
        for name, pivot_row in pivots.items():
            if name in rest:
                _subtract(rest, pivot_row, rest[name])
        if not rest:
            pinned.add(private[0])
    return pinned


def _subtract(row: dict[str, int], pivot_row: Mapping[str, int], factor: int) -> None:
    for name, c in pivot_row.items():
        value = (row.get(name, 0) - factor * c) % _PRIME
        if value:
            row[name] = value
        else:
            row.pop(name, None)


def _bounds(
    counts: Mapping[str, int], equations: Sequence[Equation], unknown: set[str]
) -> Bounds | None:
    """What a reader can know of each cell: exact if shown, else a range narrowed by the sums."""
    bounds: Bounds = {}
    for name, count in counts.items():
        if name.startswith("~"):
            bounds[name] = (0, math.inf)
        elif name in unknown:  # hidden: zeros are always shown, so at least 1
            bounds[name] = (1, math.inf)
        else:
            bounds[name] = (count, count)
    useful = [(t, p) for t, p in equations if not unknown.isdisjoint((t, *p))]
    for _round in range(_ROUNDS):
        if not any([_narrow(bounds, total, parts) for total, parts in useful]):
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
