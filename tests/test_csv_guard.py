"""No CSV the app writes lets a spreadsheet run a cell as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

import pytest

from tests.statistics_data import known_records
from tests.test_directory import office_entry
from vaaldstod.csv_guard import guard, unguard
from vaaldstod.directory.office_entries import OfficeEntries
from vaaldstod.directory.transfer import preview, to_csv
from vaaldstod.statistics import Period, build_report
from vaaldstod.statistics.aggregate import aggregate
from vaaldstod.statistics.export import csv_text

DANGEROUS = ["=1+1", "+46 470", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd", '=HYPERLINK("x")']


@pytest.mark.parametrize("text", DANGEROUS)
def test_every_formula_start_is_guarded_and_taken_off_again(text):
    assert guard(text) == "'" + text and unguard(guard(text)) == text
    assert guard("Kronofogden Växjö") == "Kronofogden Växjö"


def _cells(text: str) -> list[str]:
    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";")
    return [cell for row in rows for cell in row]


def test_statistics_csv_writes_the_office_name_as_text():
    aggregates = aggregate([("2026-W05", r) for r in known_records()])
    report = build_report(aggregates, Period(2026, 1), '=HYPERLINK("http://x","klicka")')
    labels = {"form": {"economic": "\tEkonomiskt"}, "asked": {"routine": "-rutin"}}
    cells = _cells(csv_text(build_report(aggregates, Period(2026, 1), "\r=1", labels)))
    cells += _cells(csv_text(report))
    assert '\'=HYPERLINK("http://x","klicka")' in cells
    assert "'\r=1" in cells and "'\tEkonomiskt" in cells and "'-rutin" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_office_entries_export_guards_tab_and_carriage_return(tmp_path):
    office = OfficeEntries(tmp_path / "entries.json")
    office.save_entry(office_entry(contact="\t=cmd|' /C calc'!A0", notes="\r=1+1"))
    text = to_csv(office.entries()).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    found = preview(text.encode("utf-8-sig"), "csv")
    assert found.ok, found.problems
