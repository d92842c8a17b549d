"""Plays the attacker against every export the app can make of a vault's contact records.

The issue's attack: 30 ordinary contacts in weeks 38–47 and 2 men who told of sexual violence
in week 48, exported as two periods a week apart, gave "2 men, both disclosed" by
subtraction. Exports now take closed calendar quarters and years only, and a year is
protected together with its quarters, fixed in the vault when first published. Here a
handler exports every period the app accepts, at several moments over two years, while
logging late contacts and letting retention purge old ones; the attacker then takes every
pair of exported periods, and all of them together, and works out what the shown figures
allow: exact linear algebra over the tables' sums (rows, columns, margins, and year =
Q1 + Q2 + Q3 + Q4 cell by cell), and the bounds that counts are never negative and a hidden
count is at least 1. No true count of 1–4 may come out exact. The attacker is written here,
independently of the app's own check (`suppression.py`).
"""

from __future__ import annotations

import itertools
import random
from datetime import date
from fractions import Fraction

import pytest

from tests.conftest import PASSPHRASE
from tests.statistics_data import parse_csv, record
from vaaldstod.statistics.aggregate import aggregate, equations
from vaaldstod.statistics.export import csv_text
from vaaldstod.statistics.period import Period, available
from vaaldstod.statistics.service import published_report
from vaaldstod.vault import Vault

# How a reader maps an exported row to the cell it counts (what the CSV's codes mean).
TOTALS = {
    "asked": "contacts",
    "reasons": "asked:not_asked",
    "disclosed": "asked_any",
    "forms": "disclosed:yes",
    "referrals": "contacts",
    "children": "contacts",
    "gender": "contacts",
    "age": "contacts",
    "agency": "contacts",
}
PREFIX = {
    "asked": "asked",
    "reasons": "reason",
    "disclosed": "disclosed",
    "forms": "form",
    "referrals": "referral",
    "gender": "gender",
    "age": "age",
    "agency": "agency",
}
PAIRS = {
    ("disclosure_by_gender", "asked"): "asked_by_gender",
    ("disclosure_by_gender", "disclosed"): "yes_by_gender",
    ("disclosure_by_way", "asked"): "asked",
    ("disclosure_by_way", "disclosed"): "yes_by_way",
}
RULES = equations()
CELLS = list(dict.fromkeys(name for total, parts in RULES for name in (total, *parts)))


def cell_of(section: str, row: str, measure: str) -> str | None:
    if measure == "percent":
        return None
    if (section, measure) in PAIRS:
        return f"{PAIRS[section, measure]}:{row}"
    if row == "total":
        return TOTALS[section]
    if section == "children":
        return "children"
    return f"{PREFIX[section]}:{row}"


def shown_cells(exported: dict) -> dict[str, str]:
    """cell → the value printed ("..", or digits); every printed row of one export."""
    found: dict[str, str] = {}
    for (section, row, measure), value in exported.items():
        name = cell_of(section, row, measure)
        if name is None:
            continue
        assert found.get(name, value) == value, (name, found[name], value)  # one cell, one figure
        found[name] = value
    # Agencies without contacts are left out of the table: a reader knows they are 0.
    for name in CELLS:
        if name.startswith("agency:") and name not in found:
            found[name] = "0"
    return found


def attack(exports: dict[Period, dict[str, str]]) -> dict[tuple[str, str], tuple]:
    """What a reader of these exports knows of each cell: (low, high), high None if open."""
    periods = set(exports)
    for period in list(periods):  # a year brings its quarters in as unknowns, and back
        periods |= set(period.year_period().quarters()) if period.is_year else set()
    for year in {p.year_period() for p in periods}:
        if all(q in periods for q in year.quarters()):
            periods.add(year)
    variables = [(p.code, name) for p in sorted(periods, key=_order) for name in CELLS]
    known: dict[tuple[str, str], int] = {}
    hidden: set[tuple[str, str]] = set()
    for period, cells in exports.items():
        for name, value in cells.items():
            if value.isdigit():
                known[(period.code, name)] = int(value)
            else:
                hidden.add((period.code, name))
    rows = []
    for period in periods:
        for total, parts in RULES:
            rows.append({(period.code, total): 1, **{(period.code, p): -1 for p in parts}})
        if period.is_year:
            for name in CELLS:
                rows.append(
                    {(period.code, name): 1, **{(q.code, name): -1 for q in period.quarters()}}
                )
    determined = _linear(rows, known)
    low = {v: (1 if v in hidden else 0) for v in variables}
    high: dict = dict.fromkeys(variables)
    for v, value in {**known, **determined}.items():
        low[v] = high[v] = value
    _propagate(rows, low, high)
    return {v: (low[v], high[v]) for v in variables}


def _order(period: Period) -> tuple[int, int]:
    return period.year, period.quarter or 0


def _linear(rows, known) -> dict:
    """Unknowns whose value a combination of the sums fixes: Gauss–Jordan over fractions."""
    pivots: dict = {}
    for raw in rows:
        row: dict = {}
        constant = Fraction(0)
        for v, c in raw.items():
            if v in known:
                constant -= c * known[v]
            else:
                row[v] = row.get(v, 0) + Fraction(c)
        row = {v: c for v, c in row.items() if c}
        for v, (prow, pconst) in pivots.items():
            if v in row:
                factor = row[v]
                for w, c in prow.items():
                    row[w] = row.get(w, 0) - factor * c
                constant -= factor * pconst
                row = {w: c for w, c in row.items() if c}
        if not row:
            assert constant == 0, "the exports contradict each other"
            continue
        lead = min(row)
        factor = row[lead]
        row = {w: c / factor for w, c in row.items()}
        constant /= factor
        for v, (prow, pconst) in list(pivots.items()):
            if lead in prow:
                f = prow[lead]
                merged = {w: prow.get(w, 0) - f * row.get(w, 0) for w in set(prow) | set(row)}
                pivots[v] = ({w: c for w, c in merged.items() if c}, pconst - f * constant)
        pivots[lead] = (row, constant)
    return {v: int(c) for v, (row, c) in pivots.items() if len(row) == 1}


def _propagate(rows, low, high) -> None:
    """total = sum(parts): narrow each member's range from the others', until nothing moves."""
    changed = True
    while changed:
        changed = False
        for row in rows:
            members = list(row.items())
            for v, sign in members:
                # sign * v = -sum(others' sign * value): bounds from the others' bounds.
                lo, hi = 0, 0
                for w, s in members:
                    if w == v:
                        continue
                    a, b = (-s * low[w], None if high[w] is None else -s * high[w])
                    pair = (a, b) if s < 0 else (b, a)  # the range of -s * w
                    lo = None if lo is None or pair[0] is None else lo + pair[0]
                    hi = None if hi is None or pair[1] is None else hi + pair[1]
                if sign < 0:
                    lo, hi = (None if hi is None else -hi), (None if lo is None else -lo)
                new_low = low[v] if lo is None else max(low[v], lo)
                new_high = hi if high[v] is None else (high[v] if hi is None else min(high[v], hi))
                if (new_low, new_high) != (low[v], high[v]):
                    low[v], high[v] = new_low, new_high
                    changed = True


# -- the handler's two years ----------------------------------------------------------------


def ordinary(rng: random.Random) -> dict:
    asked = rng.choice(["routine"] * 6 + ["indication", "not_asked"])
    if asked == "not_asked":
        return record(rng.choice(["woman", "man"]), asked, reason=rng.choice(["unsafe", "other"]))
    disclosed = rng.choice(["no"] * 3 + ["yes", "unsure"])
    forms = rng.sample(["economic", "psychological", "physical"], rng.randint(1, 2))
    return record(
        rng.choice(["woman"] * 3 + ["man"]),
        asked,
        disclosed,
        forms if disclosed == "yes" else (),
        age=rng.choice(["18_29", "30_44", "45_64"]),
        referrals=rng.sample(["womens_shelter", "police"], rng.randint(0, 1)),
        children=rng.random() < 0.3,
    )


def two_men_who_told() -> dict:
    return record("man", "routine", "yes", ["sexual"], age="30_44", referrals=["police"])


def week(year: int, number: int) -> str:
    return f"{year}-W{number:02d}"


@pytest.fixture
def vault(tmp_path):
    opened = Vault.create(tmp_path / "v.db", PASSPHRASE)
    yield opened
    opened.close()


def fill(vault, rng, year: int, weeks: range, per_week: int) -> None:
    for number in weeks:
        for _ in range(per_week):
            vault.add_contact(week(year, number), ordinary(rng))


def export_everything(vault, today: date, log: list) -> None:
    """Every period the app offers on `today`, as the CSV a handler would save."""
    for period in available(vault.oldest_contact_week(), today):
        report = published_report(vault, period, "Kontoret", today=today)
        log.append((period, today, shown_cells(parse_csv("\ufeff" + csv_text(report)))))


def test_no_combination_of_exports_pins_a_small_count(vault):
    rng = random.Random(20)
    log: list = []
    fill(vault, rng, 2025, range(2, 14), 2)  # 2025-Q1: 24 contacts
    export_everything(vault, date(2025, 4, 3), log)
    # Logged late for Q1, after it was exported: must never show up by subtraction.
    vault.add_contact(week(2025, 12), two_men_who_told())
    fill(vault, rng, 2025, range(14, 27), 1)
    export_everything(vault, date(2025, 7, 2), log)
    # The pattern: 30 ordinary contacts in weeks 38–47, 2 men told in week 48.
    fill(vault, rng, 2025, range(38, 48), 3)
    for _ in range(2):
        vault.add_contact(week(2025, 48), two_men_who_told())
    export_everything(vault, date(2025, 10, 1), log)  # Q3 alone (weeks 27–39)
    export_everything(vault, date(2026, 1, 8), log)  # Q4 and the year, jointly
    fill(vault, rng, 2026, range(2, 30), 1)
    vault.add_contact(week(2026, 20), two_men_who_told())
    export_everything(vault, date(2026, 7, 1), log)
    vault.purge_contacts("2025-W20")  # retention takes the oldest records away
    export_everything(vault, date(2026, 10, 5), log)
    fill(vault, rng, 2026, range(41, 53), 1)
    export_everything(vault, date(2027, 1, 4), log)

    # A period exported again prints the very same figures.
    first: dict[Period, dict] = {}
    for period, _day, cells in log:
        assert first.setdefault(period, cells) == cells, period
    assert {p.code for p in first} >= {"2025", "2025-Q1", "2025-Q4", "2026", "2026-Q4"}
    truth = {p: _truth(vault, p, first) for p in first}

    checked = 0
    combinations = [*itertools.combinations(first, 2), tuple(first)]
    for chosen in combinations:
        known = attack({p: first[p] for p in chosen})
        for period in chosen:
            for name in CELLS:
                value = truth[period][name]
                low, high = known[(period.code, name)]
                assert low <= value and (high is None or value <= high), (period, name)
                if 1 <= value <= 4:
                    checked += 1
                    assert low != high, f"{name} = {value} in {period} follows from {chosen}"
    assert checked > 100  # the data set has plenty of small counts to attack


def _truth(vault, period: Period, shown: dict) -> dict[str, int]:
    """The exact counts behind an export, fixed when its year was first exported.

    The ledger is what the app printed from; it is checked here against the shown figures
    (every shown figure is the true one) and against the records themselves for the
    periods nothing was logged late for, so the attacker aims at real counts.
    """
    entry = vault.statistics_publications("own", period.year)[period.code]
    counts = entry["counts"]
    for name, value in shown[period].items():
        if value.isdigit():
            assert counts[name] == int(value), (period, name)
    if period.code in ("2025-Q3", "2026-Q4"):  # no late logging, no purge before fixing
        stored = vault.contacts(period.first_week, period.last_week)
        assert aggregate((c.week, c.record) for c in stored).counts == counts
    return counts


def test_the_attacker_finds_what_hiding_small_cells_alone_leaves_open():
    # Without secondary suppression and without joint protection, the attacker must win:
    # otherwise the test above would prove nothing.
    from vaaldstod.statistics.report import build_report
    from vaaldstod.statistics.suppression import is_small

    rng = random.Random(48)
    quarters = {
        Period(2025, q): aggregate(
            [(week(2025, 13 * q - 6), ordinary(rng)) for _ in range(30)]
            + [(week(2025, 13 * q - 5), two_men_who_told())] * (2 if q == 4 else 0)
        ).counts
        for q in (1, 2, 3, 4)
    }
    quarters[Period(2025)] = {
        name: sum(quarters[Period(2025, q)][name] for q in (1, 2, 3, 4)) for name in CELLS
    }
    exports = {}
    for period, counts in quarters.items():
        primary = frozenset(n for n, v in counts.items() if is_small(v) and n[0] != "~")
        report = build_report(aggregate([]).__class__(counts), period, "x", hidden=primary)
        exports[period] = shown_cells(parse_csv("\ufeff" + csv_text(report)))
    known = attack(exports)
    pinned = [
        (p.code, name)
        for p, counts in quarters.items()
        for name in CELLS
        if 1 <= counts[name] <= 4 and known[(p.code, name)][0] == known[(p.code, name)][1]
    ]
    assert len(pinned) > 5, pinned
