"""The statistics of a period as tables, key figures and charts, the same for screen and export.

`build_report(..., suppress=True)` is the one place exports get their figures from: the CSV
and the PDF both print the cells it gives, so suppression cannot be forgotten in one of them.
The page shows the exact figures (`suppress=False`) to the handler who logged them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from babel.numbers import format_percent

from vaaldstod.directory.categories import CATEGORIES, category_label
from vaaldstod.i18n import N_, _, current_language
from vaaldstod.settings import AGENCIES
from vaaldstod.statistics.aggregate import Aggregates, equations
from vaaldstod.statistics.model import AGE_BANDS, AGE_CODES, ASKED_WAYS, GENDER_CODES, GENDERS
from vaaldstod.statistics.period import Period
from vaaldstod.statistics.suppression import HIDDEN, marker, protect
from vaaldstod.templates import ASKED, DISCLOSED, FORMS, NOT_ASKED_REASONS

Labels = Mapping[str, Mapping[str, str]]  # dimension → code → label in the app's language
Kind = Literal["count", "percent"]
UNDEFINED = "–"  # a share of nothing


@dataclass(frozen=True)
class Cell:
    """One figure: a count or a whole percent, or the marker that stands in its place."""

    kind: Kind
    value: int | None
    marker: str = ""

    def text(self) -> str:
        if self.value is None:
            return self.marker
        if self.kind == "percent":
            return format_percent(self.value / 100, locale=current_language())
        return str(self.value)

    def csv(self) -> str:
        return self.marker if self.value is None else str(self.value)


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[tuple[str, str], ...]  # (measure code for the CSV, heading)
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Bar:
    """One bar: a share, and the two counts it is made of (any of them may be hidden)."""

    label: str
    share: Cell
    part: Cell
    whole: Cell


@dataclass(frozen=True)
class Chart:
    """Horizontal bars, always shares on a 0–100 % axis, each chart stating what 100 % is.

    A hidden figure has no bar, only its marker, so it never reads as zero.
    """

    key: str
    title: str
    base: str  # "100 % = all 40 contacts": the denominator and n, in words
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Report:
    period: Period
    office: str
    suppressed: bool
    skipped: int
    key_figures: tuple[tuple[str, Cell], ...]
    tables: tuple[Table, ...]
    charts: tuple[Chart, ...]
    notes: tuple[str, ...] = ()  # e.g. how many handlers contributed; when first published


def core_labels() -> dict[str, dict[str, str]]:
    """The labels the core owns; `statistics.labels` adds the walk-through's."""
    return {
        "gender": {code: _(label) for code, label in GENDERS},
        "age": {code: _(label) for code, label in AGE_BANDS},
        "category": {code: category_label(code) for code in CATEGORIES},
    }


class _Figures:
    """Cells from the counts, with the hidden ones replaced by their marker."""

    def __init__(self, counts: Mapping[str, int], hidden: frozenset[str], labels: Labels) -> None:
        self.counts, self.hidden, self.labels = counts, hidden, labels

    def count(self, name: str) -> Cell:
        if name in self.hidden:
            return Cell("count", None, marker())
        return Cell("count", self.counts[name])

    def share(self, part: str, whole: str) -> Cell:
        # Only from shown counts, so a share never tells more than its two counts do.
        if self.hidden & {part, whole}:
            return Cell("percent", None, HIDDEN)
        if self.counts[whole] == 0:
            return Cell("percent", None, UNDEFINED)
        return Cell("percent", int(100 * self.counts[part] / self.counts[whole] + 0.5))

    def rows(self, dimension: str, prefix: str, codes) -> list[tuple[str, str, str]]:
        """(code, label, cell name) for each code of a dimension."""
        names = self.labels.get(dimension, {})
        return [(code, names.get(code, code), f"{prefix}:{code}") for code in codes]

    def shares(self, key, title, rows, whole, heading, total: str = "") -> Table:
        """Counts with their share of `whole`; with `total`, a last row for `whole` itself."""
        body = [Row(code, label, (self.count(n), self.share(n, whole))) for code, label, n in rows]
        if total:
            body.append(Row("total", _(total), (self.count(whole), self.share(whole, whole))))
        columns = (("count", _("Contacts")), ("percent", _(heading)))
        return Table(key, _(title), columns, tuple(body))

    def disclosure(self, key, title, rows, part_prefix: str) -> Table:
        """Asked, told about violence, and the share, for each row's group."""
        body = []
        for code, label, whole in rows:
            part = f"{part_prefix}:{code}"
            cells = (self.count(whole), self.count(part), self.share(part, whole))
            body.append(Row(code, label, cells))
        columns = (
            ("asked", _("Asked")),
            ("disclosed", _("Told about violence")),
            ("percent", _("Share of those asked")),
        )
        return Table(key, _(title), columns, tuple(body))


def build_report(
    aggregates: Aggregates,
    period: Period,
    office: str,
    labels: Labels | None = None,
    *,
    suppress: bool = True,
    hidden: frozenset[str] | None = None,
    notes: tuple[str, ...] = (),
) -> Report:
    """Tables, key figures and charts; with `suppress`, nothing shows or betrays a count 1–4.

    Exports pass the `hidden` cells their publication fixed (`publication.publish`), which
    protects the period together with its year; without them the period is protected alone.
    """
    counts = aggregates.counts
    if not suppress:
        hidden = frozenset()
    elif hidden is None:
        hidden = protect(counts, equations())
    f = _Figures(counts, hidden, {**core_labels(), **(labels or {})})
    agencies = [code for code in AGENCIES if counts[f"agency:{code}"]]
    everyone, asked = N_("Share of all contacts"), N_("Share of those asked")
    tables = (
        f.shares(
            "asked",
            N_("How the question about violence was asked"),
            f.rows("asked", "asked", ASKED),
            "contacts",
            everyone,
            N_("All contacts"),
        ),
        f.shares(
            "reasons",
            N_("Why the question was not asked"),
            f.rows("reason", "reason", NOT_ASKED_REASONS),
            "asked:not_asked",
            N_("Share of those not asked"),
            N_("Not asked"),
        ),
        f.shares(
            "disclosed",
            N_("Answers when the question was asked"),
            f.rows("disclosed", "disclosed", DISCLOSED),
            "asked_any",
            asked,
            N_("Asked"),
        ),
        f.disclosure(
            "disclosure_by_gender",
            N_("Told about violence, by gender"),
            f.rows("gender", "asked_by_gender", GENDER_CODES),
            "yes_by_gender",
        ),
        f.disclosure(
            "disclosure_by_way",
            N_("Told about violence, by how the question was asked"),
            f.rows("asked", "asked", ASKED_WAYS),
            "yes_by_way",
        ),
        f.shares(
            "forms",
            N_("Forms of violence told about"),
            f.rows("form", "form", FORMS),
            "disclosed:yes",
            N_("Share of those who told about violence"),
            N_("Told about violence"),
        ),
        f.shares(
            "referrals",
            N_("Referrals by category"),
            f.rows("category", "referral", CATEGORIES),
            "contacts",
            everyone,
            N_("All contacts"),
        ),
        f.shares(
            "children",
            N_("Children affected"),
            [("children", _("Children are affected"), "children")],
            "contacts",
            everyone,
            N_("All contacts"),
        ),
        f.shares(
            "gender",
            N_("Contacts by gender"),
            f.rows("gender", "gender", GENDER_CODES),
            "contacts",
            everyone,
            N_("All contacts"),
        ),
        f.shares(
            "age",
            N_("Contacts by age"),
            f.rows("age", "age", AGE_CODES),
            "contacts",
            everyone,
            N_("All contacts"),
        ),
        f.shares(
            "agency",
            N_("Contacts by agency"),
            f.rows("agency", "agency", agencies),
            "contacts",
            everyone,
            N_("All contacts"),
        ),
    )
    contacts, asked_any = f.count("contacts").text(), f.count("asked_any").text()
    key_figures = (
        (_("Contacts"), f.count("contacts")),
        (
            _("Asked routinely (100 % = all contacts, n = {n})").format(n=contacts),
            f.share("asked:routine", "contacts"),
        ),
        (
            _("Told about violence (100 % = those asked, n = {n})").format(n=asked_any),
            f.share("disclosed:yes", "asked_any"),
        ),
        (
            _("Children affected (100 % = all contacts, n = {n})").format(n=contacts),
            f.share("children", "contacts"),
        ),
    )
    return Report(
        period, office, suppress, aggregates.skipped, key_figures, tables, _charts(tables), notes
    )


def _charts(tables: tuple[Table, ...]) -> tuple[Chart, ...]:
    """Shares only, each chart saying what 100 % is; groups with no one are left out."""
    by_key = {table.key: table for table in tables}
    charts = []
    for key in CHARTS:
        table = by_key[key]
        rows = [r for r in table.rows if r.code != "total" and r.cells[0].value != 0]
        if len(table.columns) == 3:  # asked, told, share: each group is its own 100 %
            bars = tuple(Bar(r.label, r.cells[2], r.cells[1], r.cells[0]) for r in rows)
            base = _("100 % = those asked in each group")
        else:
            whole_row = next(r for r in table.rows if r.code == "total")
            whole = whole_row.cells[0]
            bars = tuple(Bar(r.label, r.cells[1], r.cells[0], whole) for r in rows)
            base = _("100 % = {group} (n = {n})").format(group=whole_row.label, n=whole.text())
        charts.append(Chart(key, table.title, base, bars))
    return tuple(charts)


# The charts a reader takes in at a glance; all of them shares, on one 0–100 % scale.
CHARTS = ("asked", "disclosure_by_gender", "forms", "referrals")
