"""Retention (gallring) of contact records: the vault's period, or the office's longer one.

Contact records hold no personal data, so an office may keep them longer than notes to
follow its work over years; never shorter than notes, so that a setting cannot delete
statistics faster than the rule the handler sees for cases.
"""

from __future__ import annotations

from datetime import date, timedelta

from vaaldstod.settings import Settings
from vaaldstod.statistics.weeks import week_of


def retention_days(settings: Settings, notes_days: int | None = None) -> int:
    """`notes_days`: the vault's own period for notes (the settings file no longer sets it)."""
    notes = settings.retention_days if notes_days is None else notes_days
    return max(notes, settings.statistics_retention_days)


def first_kept_week(settings: Settings, today: date, notes_days: int | None = None) -> str:
    """Records of weeks before this one are past retention.

    A record's week is kept while any of its days is inside the period, since the record
    may be from its last day.
    """
    return week_of(today - timedelta(days=retention_days(settings, notes_days)))


def purge_contacts(vault, settings: Settings, today: date | None = None) -> int:
    """Delete the contact records past retention; returns how many."""
    notes_days = vault.retention_days  # kept in the vault, never shorter than notes
    return vault.purge_contacts(first_kept_week(settings, today or date.today(), notes_days))
