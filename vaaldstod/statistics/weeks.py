"""ISO weeks, the only time a contact record carries (never an exact date)."""

from __future__ import annotations

from datetime import date


def week_of(day: date) -> str:
    """The ISO week of `day`, as the vault stores it: "2026-W09"."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"
