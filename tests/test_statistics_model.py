"""Contact records: strict codes, prefill from a walk-through, periods by week, retention."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.statistics_data import record
from vaaldstod import settings
from vaaldstod.settings import Settings
from vaaldstod.statistics import InvalidContact, Period, PeriodError, from_walkthrough, parse
from vaaldstod.statistics.period import available, current_quarter
from vaaldstod.statistics.retention import first_kept_week, purge_contacts, retention_days

WALKTHROUGH = {
    "asked": "routine",
    "not_asked_reason": None,
    "disclosed": "yes",
    "forms": ["psychological", "economic", "economic"],
    "children_affected": True,
    "referrals": [["police", "given"], ["womens_shelter", "refused"], ["police", "refused"]],
    "checklist": ["signs-1", "signs-4"],
}


def test_prefill_from_walkthrough_keeps_codes_only():
    contact = from_walkthrough(WALKTHROUGH, week="2026-W09", agency="kronofogden", gender="woman")
    assert contact.record() == {
        "agency": "kronofogden",
        "asked": "routine",
        "not_asked_reason": None,
        "disclosed": "yes",
        "forms": ["psychological", "economic"],  # once each, in the panel's order
        "children_affected": True,
        "referrals": ["womens_shelter", "police"],  # categories once; consent stays in the case
        "gender": "woman",
        "age_band": "not_stated",
    }
    assert contact.week == "2026-W09"
    assert parse(contact.week, contact.record()) == contact


def test_prefill_drops_what_does_not_apply_and_refuses_an_unanswered_walkthrough():
    unsure = from_walkthrough(
        dict(WALKTHROUGH, disclosed="unsure"), week="2026-W09", agency="kronofogden"
    )
    assert unsure.forms == ()  # forms count as forms told about
    not_asked = from_walkthrough(
        dict(WALKTHROUGH, asked="not_asked", not_asked_reason="interpreter"),
        week="2026-W09",
        agency="kronofogden",
    )
    assert (not_asked.disclosed, not_asked.not_asked_reason) == (None, "interpreter")
    with pytest.raises(InvalidContact):
        from_walkthrough({}, week="2026-W09", agency="kronofogden")
    with pytest.raises(InvalidContact):
        from_walkthrough(dict(WALKTHROUGH, asked="not_asked"), week="2026-W09", agency="x")


@pytest.mark.parametrize(
    "change",
    [
        {"note": "Anna berättade"},  # free text has no key to live in
        {"case": "Ärende 2026-001"},
        {"gender": "kvinna"},
        {"asked": "routine", "not_asked_reason": "unsafe"},
        {"asked": "not_asked", "disclosed": None, "forms": []},  # a reason is needed
        {"disclosed": "no", "forms": ["economic"]},
        {"forms": ["economic", "economic"]},
        {"referrals": ["Kvinnojouren Blenda"]},
        {"children_affected": "ja"},
        {"age_band": "34"},
        {"agency": "polisen"},
    ],
)
def test_parse_refuses_anything_outside_the_codes(change):
    with pytest.raises(InvalidContact):
        parse("2026-W09", dict(record("woman", "routine", "yes", ["economic"]), **change))


@pytest.mark.parametrize("week", ["2026-W54", "2025-W53", "2026-03-02", "2026-W9", 202609, None])
def test_parse_refuses_anything_but_a_real_iso_week(week):
    with pytest.raises(InvalidContact):
        parse(week, record("woman", "routine", "no"))
    assert parse("2026-W53", record("woman", "routine", "no")).week == "2026-W53"


def test_a_week_belongs_to_the_period_that_holds_its_thursday():
    first, second = Period(2026, 1), Period(2026, 2)
    assert (first.first_week, first.last_week) == ("2026-W01", "2026-W13")
    assert second.first_week == "2026-W14"  # 30 Mar – 5 Apr has its Thursday in April
    assert Period(2026, 4).last_week == "2026-W53"
    assert Period(2027, 1).first_week == "2027-W01"  # 2026-W53 ends on Sunday 3 January
    # A year's weeks are exactly its quarters' weeks: nothing counted twice or left out.
    assert Period(2026).first_week == first.first_week
    assert Period(2026).last_week == Period(2026, 4).last_week


def test_only_calendar_quarters_and_years_are_periods():
    assert Period.parse("2026-Q4") == Period(2026, 4) and Period.parse("2025") == Period(2025)
    assert (Period(2026, 2).first, Period(2026, 2).last) == (date(2026, 4, 1), date(2026, 6, 30))
    for text in ("2026-Q0", "2026-Q5", "2026-03", "2026-01-01..2026-03-31", "Q4", ""):
        with pytest.raises(PeriodError):
            Period.parse(text)


def test_a_period_can_be_exported_only_once_it_is_over():
    assert not Period(2026, 4).is_closed(date(2026, 12, 31))
    assert Period(2026, 4).is_closed(date(2027, 1, 1)) and Period(2026).is_closed(date(2027, 1, 1))
    with pytest.raises(PeriodError, match="not over"):
        Period(2026).require_closed(date(2026, 12, 31))


def test_available_periods_run_from_the_oldest_record_newest_first():
    assert current_quarter(date(2026, 11, 23)) == Period(2026, 4)
    found = available("2025-W38", date(2026, 2, 10))  # Thursday 18 September
    assert [p.code for p in found] == ["2025", "2025-Q4", "2025-Q3"]
    assert [p.code for p in available(None, date(2026, 5, 1))] == ["2026-Q1"]


def test_retention_follows_notes_unless_statistics_are_kept_longer(vault):
    today = date(2026, 6, 15)  # a Monday; 90 days back is Tuesday 17 March, 2026-W12
    assert first_kept_week(Settings(), today) == "2026-W12"
    for week in ("2026-W10", "2026-W11", "2026-W12", "2026-W24"):
        vault.add_contact(week, record("woman", "routine", "no"))
    shorter = Settings(retention_days=90, statistics_retention_days=30)
    assert retention_days(shorter) == 90  # never shorter than the notes' rule
    longer = Settings(statistics_retention_days=730)
    assert purge_contacts(vault, longer, today) == 0
    assert purge_contacts(vault, shorter, today) == 2
    assert [c.week for c in vault.contacts()] == ["2026-W12", "2026-W24"]


def test_statistics_retention_setting_is_validated_and_saved(home):
    assert Settings().statistics_retention_days == Settings().retention_days
    settings.save(Settings(statistics_retention_days=1095))
    assert settings.load().statistics_retention_days == 1095
    settings.settings_path().write_text(json.dumps({"statistics_retention_days": 99999}))
    assert settings.load().statistics_retention_days == Settings().statistics_retention_days


def test_statistics_core_does_not_import_qt():
    import subprocess
    import sys

    code = (
        "import sys, vaaldstod.statistics, vaaldstod.statistics.service, "
        "vaaldstod.statistics.export, vaaldstod.statistics.cli; "
        "assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
