"""A reporting period in dates, and the ISO weeks it covers.

Records carry a week, not a date. A week belongs to the period that holds its Thursday (the
ISO rule that gives a week its year), so consecutive quarters or years share no week and no
contact is counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from vaaldstod.i18n import _
from vaaldstod.statistics.model import StatisticsError, week_of

_THURSDAY = 3  # date.weekday()


class PeriodError(StatisticsError):
    """The period is empty or backwards; nothing was counted."""


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise PeriodError(_("The period ends before it starts."))
        if self.first_thursday() > self.last:
            raise PeriodError(
                _(
                    "The period holds no Thursday. Contacts are counted by week, and a week "
                    "belongs to the period that holds its Thursday."
                )
            )

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


def this_year(today: date) -> Period:
    return Period(date(today.year, 1, 1), date(today.year, 12, 31))


def last_year(today: date) -> Period:
    return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))


def this_quarter(today: date) -> Period:
    return _quarter(today.year, (today.month - 1) // 3)


def last_quarter(today: date) -> Period:
    index = (today.month - 1) // 3 - 1
    return _quarter(today.year + index // 4, index % 4)


def _quarter(year: int, index: int) -> Period:
    first = date(year, 3 * index + 1, 1)
    after = date(year + (index == 3), (3 * index + 3) % 12 + 1, 1)
    return Period(first, after - timedelta(days=1))


PRESETS = {
    "this_quarter": this_quarter,
    "last_quarter": last_quarter,
    "this_year": this_year,
    "last_year": last_year,
}
