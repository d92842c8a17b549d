"""Lasting, joint protection of a year and its quarters: the publication ledger.

Fixed calendar periods leave one way to subtract: a year minus three of its quarters is the
fourth. So the year and its closed quarters are protected together, as one set of tables
linked by "year = Q1 + Q2 + Q3 + Q4" for every cell (Eurostat's SDC handbook calls these
linked tables). And what has been published cannot be taken back: the first export that
touches a year records, in the vault, the exact counts and the hidden cells of every period
of that year then in reach. Every later export of those periods prints the same figures,
and a new period is protected around them (its cells may be hidden, theirs stay as they
were), so no later export can undo an earlier one's protection. Contacts logged late for a
period already fixed stay on the screen and out of exports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from vaaldstod.i18n import _
from vaaldstod.statistics.aggregate import equations
from vaaldstod.statistics.model import StatisticsError
from vaaldstod.statistics.period import Period, PeriodError
from vaaldstod.statistics.suppression import Unprotectable, protect

OWN, OFFICE = "own", "office"  # a handler's own records; merged contributions


class Ledger(Protocol):
    """Where fixed periods are kept (the vault; `MemoryLedger` in tests)."""

    def statistics_publications(self, namespace: str, year: int) -> dict[str, dict]: ...

    def add_statistics_publications(self, namespace: str, entries: dict[str, dict]) -> None: ...


class MemoryLedger:
    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], dict] = {}

    def statistics_publications(self, namespace: str, year: int) -> dict[str, dict]:
        return {
            period: dict(entry)
            for (space, period), entry in self.entries.items()
            if space == namespace and Period.parse(period).year == year
        }

    def add_statistics_publications(self, namespace: str, entries: dict[str, dict]) -> None:
        for period, entry in entries.items():
            self.entries[(namespace, period)] = dict(entry)


class PublicationChanged(StatisticsError):
    """Merged figures differ from those already published for the period; nothing merged."""


@dataclass(frozen=True)
class Published:
    """A period's figures as exports print them: exact counts and the cells to hide."""

    period: Period
    counts: dict[str, int]
    hidden: frozenset[str]
    published: date  # the day these figures were fixed
    contributors: int | None = None
    reissued: bool = False  # fixed by an earlier export, not this one


CountsOf = Callable[[Period], Mapping[str, int] | None]


def publish(
    ledger: Ledger,
    namespace: str,
    period: Period,
    counts_of: CountsOf,
    today: date,
    *,
    contributors: int | None = None,
    strict: bool = False,
) -> Published:
    """The protected figures of `period`, fixing every period of its year now in reach.

    `counts_of(quarter)` gives a closed quarter's exact counts, or None where there are none
    (a merge without contributions for it). With `strict`, counts that differ from those
    already fixed are refused (PublicationChanged) instead of being replaced by them.
    """
    period.require_closed(today)
    fixed = ledger.statistics_publications(namespace, period.year)
    counts: dict[Period, dict[str, int]] = {}
    for quarter in period.year_period().quarters():
        if not quarter.is_closed(today):
            continue
        offered = counts_of(quarter) if strict or quarter.code not in fixed else None
        entry = fixed.get(quarter.code)
        if entry is not None:
            if strict and offered is not None and dict(offered) != entry["counts"]:
                raise PublicationChanged(_changed_text(quarter, entry))
            counts[quarter] = entry["counts"]
        elif offered is not None:
            counts[quarter] = dict(offered)
    year = period.year_period()
    if len(counts) == 4:
        entry = fixed.get(year.code)
        counts[year] = entry["counts"] if entry else _sum(counts.values())
    missing = [quarter for quarter in period.quarters() if quarter not in counts]
    if missing:
        raise PeriodError(_("There are no figures for {period}.").format(period=missing[0].code))
    hidden = _protect_jointly(counts, fixed)
    new = {
        p.code: {
            "published": today,
            "counts": counts[p],
            "hidden": sorted(hidden[p]),
            "contributors": contributors,
        }
        for p in counts
        if p.code not in fixed
    }
    if new:
        ledger.add_statistics_publications(namespace, new)
    entry = fixed.get(period.code) or new[period.code]
    return Published(
        period,
        counts[period],
        frozenset(hidden[period]),
        entry["published"],
        entry.get("contributors"),
        reissued=period.code in fixed,
    )


def _protect_jointly(
    counts: dict[Period, dict[str, int]], fixed: Mapping[str, dict]
) -> dict[Period, set[str]]:
    rules = equations()
    joint: dict[str, int] = {}
    rows = []
    published: dict[str, bool] = {}
    for p, cells in counts.items():
        joint.update({f"{name}@{p.code}": value for name, value in cells.items()})
        rows += [
            (f"{total}@{p.code}", [f"{part}@{p.code}" for part in parts]) for total, parts in rules
        ]
        if p.code in fixed:
            was_hidden = set(fixed[p.code]["hidden"])
            published.update(
                {f"{name}@{p.code}": name in was_hidden for name in cells if name[0] != "~"}
            )
    year = next((p for p in counts if p.is_year), None)
    if year is not None:  # year = Q1 + Q2 + Q3 + Q4, cell by cell
        # Not for the "~" remainders: their links follow from the others', and leaving them
        # out keeps each remainder in one sum, which the audit then handles cheaply.
        for name in (n for n in counts[year] if not n.startswith("~")):
            rows.append((f"{name}@{year.code}", [f"{name}@{q.code}" for q in year.quarters()]))
    try:
        hidden = protect(joint, rows, published)
    except Unprotectable:
        raise StatisticsError(
            _(
                "These figures cannot be published without letting a small count be worked "
                "out from what was published before. Nothing was exported."
            )
        ) from None
    found: dict[Period, set[str]] = {p: set() for p in counts}
    by_code = {p.code: p for p in counts}
    for name in hidden:
        cell, code = name.rsplit("@", 1)
        found[by_code[code]].add(cell)
    return found


def _sum(tables) -> dict[str, int]:
    total: dict[str, int] = {}
    for cells in tables:
        for name, value in cells.items():
            total[name] = total.get(name, 0) + value
    return total


def _changed_text(period: Period, entry: dict) -> str:
    return _(
        "The office report for {period} was already published on {day} from other "
        "contributions. A second version would let small counts be worked out by "
        "subtraction, so nothing was merged."
    ).format(period=period.code, day=entry["published"].isoformat())
