"""The known data set: the report and the CSV show the figures worked out by hand."""

from __future__ import annotations

import pytest

from tests.statistics_data import (
    EXACT,
    assert_no_small_count_leaks,
    assert_shown_are_exact,
    known_records,
    parse_csv,
)
from vaaldstod.statistics import Period, build_report
from vaaldstod.statistics.aggregate import aggregate
from vaaldstod.statistics.export import csv_text, report_html, write_csv

QUARTER = Period(2026, 1)  # weeks 2026-W01 … 2026-W13
WEEKS = ["2026-W02", "2026-W05", "2026-W09", "2026-W12"]


def stored() -> list[tuple[str, dict]]:
    return [(WEEKS[i % len(WEEKS)], record) for i, record in enumerate(known_records())]


def cells(report) -> dict[tuple[str, str, str], object]:
    return {
        (table.key, row.code, measure): cell
        for table in report.tables
        for row in table.rows
        for (measure, _heading), cell in zip(table.columns, row.cells, strict=True)
    }


def test_exact_report_matches_the_figures_worked_out_by_hand():
    report = build_report(aggregate(stored()), QUARTER, "Kronofogden Växjö", suppress=False)
    shown = cells(report)
    for key, expected in EXACT.items():
        assert shown[key].value == expected, key
    assert shown[("disclosure_by_gender", "other", "percent")].text() == "–"  # none asked
    figures = {name: cell.value for name, cell in report.key_figures}
    assert list(figures.values()) == [40, 75, 56, 23]


def test_csv_shows_every_figure_of_five_or_more_and_hides_the_small_ones(tmp_path):
    report = build_report(aggregate(stored()), QUARTER, "Kronofogden Växjö")
    write_csv(tmp_path / "q1.csv", report)
    exported = parse_csv((tmp_path / "q1.csv").read_bytes().decode("utf-8"))
    assert_no_small_count_leaks(exported)
    for key, expected in EXACT.items():
        value = exported[key]
        if 1 <= expected <= 4 and key[2] != "percent":
            assert value == "..", key
        elif value.isdigit():
            assert int(value) == expected, key
        else:
            assert value == "..", key  # hidden so that a small count cannot be worked out
    assert_shown_are_exact(exported)


def test_csv_names_the_period_and_office_and_opens_in_swedish_excel(tmp_path):
    report = build_report(aggregate(stored()), QUARTER, "Kronofogden Växjö")
    text = csv_text(report)
    assert "report;period;Period;period;2026-Q1" == text.splitlines()[1]
    assert "report;period;From;date;2026-01-01" == text.splitlines()[2]
    assert "2026-W13" in text and "Kronofogden Växjö" in text
    write_csv(tmp_path / "q1.csv", report)
    assert (tmp_path / "q1.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_week_decides_the_period_by_its_thursday():
    records = [("2025-W52", known_records()[0]), ("2026-W01", known_records()[0])]
    # 2026-W01 runs 29 Dec 2025 – 4 Jan 2026; its Thursday is 1 Jan, so it is 2026's.
    aggregates = aggregate(records)
    assert aggregates["contacts"] == 2
    assert Period(2026, 1).first_week == "2026-W01"
    assert Period(2025, 4).last_week == "2025-W52"


def test_exports_refuse_an_unsuppressed_report():
    report = build_report(aggregate(stored()), QUARTER, "x", suppress=False)
    with pytest.raises(ValueError):
        csv_text(report)
    with pytest.raises(ValueError):
        report_html(report)


def test_report_html_has_period_office_charts_and_no_small_count():
    report = build_report(aggregate(stored()), QUARTER, "Kronofogden Växjö")
    images = {chart.key: (f"{chart.key}.png", 600, 200) for chart in report.charts}
    html = report_html(report, images)
    assert "Kronofogden Växjö" in html and "2026-W01" in html and "2026-W13" in html
    assert all(f"src='{chart.key}.png'" in html for chart in report.charts)
    assert "<td align='right'>..</td>" in html
    # A cell is a right-aligned <td>; none holds a count 1–4.
    import re

    values = re.findall(r"<td align='right'>([^<]*)</td>", html)
    assert values and not [v for v in values if v.strip() in ("1", "2", "3", "4")]


def test_records_that_break_the_rules_are_skipped_and_counted():
    bad = dict(known_records()[0], note="Anna, 12 mars")  # free text is never counted
    aggregates = aggregate([*stored(), ("2026-W05", bad), ("2026-13", known_records()[0])])
    assert aggregates["contacts"] == 40
    assert aggregates.skipped == 2
