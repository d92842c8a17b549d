"""Reporting periods: calendar quarters and calendar years, nothing else.

Fixed periods are the first half of the disclosure control (docs/statistics.md): with any
pair of dates allowed, two exports a week apart give one week's contacts by subtraction.
Calendar quarters and years only overlap as a year and its own quarters, and that is the
one relation `publication` protects jointly.

Records carry a week, not a date. A week belongs to the period that holds its Thursday (the
ISO rule that gives a week its year), so consecutive quarters or years share no week and no
contact is counted twice, and a year's weeks are exactly its four quarters' weeks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from vaaldstod.i18n import _
from vaaldstod.statistics.model import StatisticsError, week_monday, week_of

_THURSDAY = 3  # date.weekday()
_CODE = re.compile(r"(\d{4})(?:-Q([1-4]))?")


class PeriodError(StatisticsError):
    """The period is not a calendar quarter or year, or is not over yet; nothing was counted."""


@dataclass(frozen=True)
class Period:
    """A calendar year (`quarter` None) or one of its quarters (1–4)."""

    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if not 1900 < self.year < 10000 or self.quarter not in (None, 1, 2, 3, 4):
            raise PeriodError(_("A period is a year such as 2026 or a quarter such as 2026-Q4."))

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _CODE.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise PeriodError(
                _(
                    "'{text}' is not a period: give a year such as 2026 or a quarter "
                    "such as 2026-Q4."
                ).format(text=text)
            )
        return cls(int(match[1]), int(match[2]) if match[2] else None)

    @property
    def code(self) -> str:
        return f"{self.year}" if self.quarter is None else f"{self.year}-Q{self.quarter}"

    def __str__(self) -> str:
        return self.code

    @property
    def is_year(self) -> bool:
        return self.quarter is None

    @property
    def first(self) -> date:
        return date(self.year, 1 if self.quarter is None else 3 * self.quarter - 2, 1)

    @property
    def last(self) -> date:
        if self.quarter is None or self.quarter == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.quarter + 1, 1) - timedelta(days=1)

    def quarters(self) -> tuple[Period, ...]:
        """The year's four quarters (a quarter: itself)."""
        if self.quarter is not None:
            return (self,)
        return tuple(Period(self.year, q) for q in (1, 2, 3, 4))

    def year_period(self) -> Period:
        return Period(self.year)

    def first_thursday(self) -> date:
        return self.first + timedelta(days=(_THURSDAY - self.first.weekday()) % 7)

    def last_thursday(self) -> date:
        return self.last - timedelta(days=(self.last.weekday() - _THURSDAY) % 7)

    @property
    def first_week(self) -> str:
        return week_of(self.first_thursday())

    @property
    def last_week(self) -> str:
        return week_of(self.last_thursday())

    def is_closed(self, today: date) -> bool:
        """Over: only a closed period may be exported (a running one grows week by week)."""
        return today > self.last

    def require_closed(self, today: date) -> None:
        if not self.is_closed(today):
            raise PeriodError(
                _(
                    "{period} is not over yet. Only a quarter or year that has ended can be "
                    "exported, so that two exports of it can never be subtracted."
                ).format(period=self.code)
            )


def current_quarter(today: date) -> Period:
    return Period(today.year, (today.month - 1) // 3 + 1)


def period_of_week(week: str) -> Period:
    """The quarter a stored week belongs to (by its Thursday)."""
    thursday = week_monday(week) + timedelta(days=_THURSDAY)
    return Period(thursday.year, (thursday.month - 1) // 3 + 1)


def available(oldest_week: str | None, today: date) -> list[Period]:
    """Closed quarters and years from the quarter holding `oldest_week` on, newest first.

    A year is listed once it is over, just before its fourth quarter. With no older records
    the last closed quarter is still offered: an empty report is a finding too.
    """
    newest = _previous(current_quarter(today))
    oldest = period_of_week(oldest_week) if oldest_week else newest
    if _key(oldest) > _key(newest):
        oldest = newest
    found: list[Period] = []
    quarter = newest
    while _key(quarter) >= _key(oldest):
        if quarter.quarter == 4:
            found.append(quarter.year_period())
        found.append(quarter)
        quarter = _previous(quarter)
    return found


def _key(quarter: Period) -> tuple[int, int]:
    return quarter.year, quarter.quarter or 0


def _previous(quarter: Period) -> Period:
    if quarter.quarter == 1:
        return Period(quarter.year - 1, 4)
    return Period(quarter.year, quarter.quarter - 1)
