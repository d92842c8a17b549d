"""The publication ledger: a period's figures are fixed when first published, and reprinted."""

from __future__ import annotations

from datetime import date

import pytest

from tests.statistics_data import known_records, parse_csv
from vaaldstod.statistics.export import csv_text
from vaaldstod.statistics.period import Period, PeriodError
from vaaldstod.statistics.service import available, published, published_report

WEEKS = ["2026-W02", "2026-W05", "2026-W09", "2026-W12"]  # 2026-Q1


@pytest.fixture
def filled(vault):
    for index, record in enumerate(known_records()):
        vault.add_contact(WEEKS[index % 4], record)
    return vault


def exported(vault, period, today) -> dict:
    return parse_csv("\ufeff" + csv_text(published_report(vault, period, "K", today=today)))


def test_a_late_contact_never_changes_what_was_published(filled):
    first = exported(filled, Period(2026, 1), date(2026, 4, 2))
    filled.add_contact("2026-W10", known_records()[-1])  # logged late for the first quarter
    again = published_report(filled, Period(2026, 1), "K", today=date(2026, 5, 1))
    assert parse_csv("\ufeff" + csv_text(again)) == first
    assert any("fixed on 2026-04-02" in note for note in again.notes)
    # The year is the sum of the quarters as published, so it cannot be subtracted either.
    year = published(filled, Period(2026), date(2027, 1, 5))
    assert year.counts["contacts"] == 40


def test_the_year_keeps_what_its_quarters_showed(filled):
    quarter = published(filled, Period(2026, 1), date(2026, 4, 2))
    year = published(filled, Period(2026), date(2027, 1, 5))
    again = published(filled, Period(2026, 1), date(2027, 1, 5))
    assert again.hidden == quarter.hidden and again.counts == quarter.counts
    # The year equals its first quarter here (no other contacts), so it must hide at least
    # what the quarter hid: otherwise the year would print the quarter's hidden figures.
    assert quarter.hidden <= year.hidden


def test_a_running_period_is_never_published(filled):
    with pytest.raises(PeriodError):
        published(filled, Period(2026, 1), date(2026, 3, 31))
    assert filled.statistics_publications("own", 2026) == {}


def test_available_periods_start_at_the_oldest_record(filled):
    assert filled.oldest_contact_week() == "2026-W02"
    assert [p.code for p in available(filled, date(2026, 8, 1))] == ["2026-Q2", "2026-Q1"]
