"""Exports of a report: CSV for a spreadsheet, HTML for the printed PDF (drawn in the UI).

Both print the cells of a `Report` as they are; build it with `suppress=True` (the default)
and no count of 1–4 reaches a file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from html import escape
from pathlib import Path

from babel.dates import format_date

from vaaldstod import atomic
from vaaldstod.csv_guard import guard
from vaaldstod.i18n import _, current_language
from vaaldstod.statistics.report import Report
from vaaldstod.statistics.suppression import HIDDEN

# Tables on paper and on the page (QTextDocument reads this subset of CSS).
STYLE = (
    "table { border-collapse: collapse; margin-top: 14px; } td, th { padding: 3px 6px; }"
    " th { text-align: left; } th.title { font-size: large; border: none; }"
)


def suppression_note() -> str:
    return _(
        '"{hidden}" hides a count of 1–4, or a figure from which such a count could be worked '
        "out, so that no one can be recognised. Every hidden figure looks the same, so the "
        "mark itself tells nothing about its size."
    ).format(hidden=HIDDEN)


def period_text(report: Report) -> str:
    """The period in words, with the ISO weeks it covers."""
    language = current_language()
    return _("{period}: {first} – {last} (weeks {first_week} – {last_week})").format(
        period=report.period.code,
        first=format_date(report.period.first, "long", locale=language),
        last=format_date(report.period.last, "long", locale=language),
        first_week=report.period.first_week,
        last_week=report.period.last_week,
    )


def csv_text(report: Report) -> str:
    """The report as rows of section; row; label; measure; value."""
    _require_suppressed(report)
    buffer = io.StringIO()
    # Semicolons: Excel with Swedish regional settings splits on them, not on commas.
    writer = csv.writer(buffer, delimiter=";")
    rows = [["section", "row", "label", "measure", "value"]]
    period = report.period
    rows += [
        ["report", "period", _("Period"), "period", period.code],
        ["report", "period", _("From"), "date", period.first.isoformat()],
        ["report", "period", _("To"), "date", period.last.isoformat()],
        ["report", "weeks", _("From week"), "week", period.first_week],
        ["report", "weeks", _("To week"), "week", period.last_week],
        ["report", "office", _("Office"), "text", report.office],
        ["report", "suppression", _("Small counts"), "text", suppression_note()],
    ]
    rows += [["report", "note", _("Note"), "text", note] for note in report.notes]
    for table in report.tables:
        # What 100 % is in each table: the row coded "total" holds that count (n).
        for row in table.rows:
            for (measure, _heading), cell in zip(table.columns, row.cells, strict=True):
                rows.append([table.key, row.code, row.label, measure, cell.csv()])
    # Every cell, the office's name and the labels too: a name such as "=HYPERLINK(…)"
    # must reach a spreadsheet as text.
    writer.writerows([[guard(str(value)) for value in row] for row in rows])
    return buffer.getvalue()


def write_csv(path: Path, report: Report) -> None:
    """Write the CSV atomically, UTF-8 with a BOM so that Excel reads å, ä and ö right."""
    atomic.write_bytes(Path(path), ("\ufeff" + csv_text(report)).encode("utf-8"))


def report_html(report: Report, images: Mapping[str, tuple[str, int, int]] | None = None) -> str:
    """The printable report. `images` maps a chart's key to the image the UI drew for it:
    (source, width, height) in pixels of the device the document is laid out for."""
    _require_suppressed(report)
    images = images or {}
    # Texts outside the f-strings: the catalog extractor does not look inside them.
    title = _("Follow-up statistics: contacts about violence")
    facts = [
        (_("Office"), report.office),
        (_("Period"), period_text(report)),
        (_("Printed"), format_date(date.today(), "long", locale=current_language())),
    ]
    parts = [
        f"<html><head><meta charset='utf-8'><style>{STYLE}",
        "body { font-size: 10pt; } h1 { font-size: 17pt; } .note { color: #4a5361; }",
        "</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        "<p>" + "<br>".join(f"<b>{escape(n)}:</b> {escape(v)}" for n, v in facts) + "</p>",
    ]
    notes = _("Each contact was logged by week, without names, dates or free text.")
    parts.append(f"<p class='note'>{escape(notes)} {escape(suppression_note())}</p>")
    parts += [f"<p class='note'>{escape(note)}</p>" for note in report.notes]
    parts.append(
        _table(_("Key figures"), [], [(name, [cell]) for name, cell in report.key_figures])
    )
    for chart in report.charts:
        if chart.key in images:  # the image carries the chart's title
            source, width, height = images[chart.key]
            parts.append(
                f"<p><img src='{escape(source)}' width='{width}' height='{height}'"
                f" alt='{escape(chart.title)}'></p>"
            )
    parts.append(tables_html(report))
    parts.append("</body></html>")
    return "\n".join(parts)


def tables_html(report: Report) -> str:
    """The report's tables as HTML, with whatever figures the report holds."""
    parts = []
    for table in report.tables:
        headings = [heading for _measure, heading in table.columns]
        parts.append(_table(table.title, headings, [(row.label, row.cells) for row in table.rows]))
    return "\n".join(parts)


def _require_suppressed(report: Report) -> None:
    # A programming error, not a handler's: exact figures belong on the screen only.
    if not report.suppressed:
        raise ValueError("an export needs a report built with suppress=True")


def _table(title: str, headings: list[str], rows: list) -> str:
    # The title is a header row, not a heading above: a table that breaks across pages
    # repeats it, and it never stays behind alone at the foot of a page.
    span = 1 + max(len(headings), max((len(cells) for _label, cells in rows), default=0))
    lines = [
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'><thead>",
        f"<tr><th colspan='{span}' class='title'>{escape(title)}</th></tr>",
    ]
    if headings:
        lines.append("<tr><th></th>" + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr>")
    lines.append("</thead>")
    for label, cells in rows:
        values = "".join(f"<td align='right'>{escape(cell.text())}</td>" for cell in cells)
        lines.append(f"<tr><td>{escape(label)}</td>{values}</tr>")
    lines.append("</table>")
    return "\n".join(lines)
