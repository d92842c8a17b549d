"""Anonymous follow-up statistics: contact records, counts, suppression, reports, retention."""

from vaaldstod.statistics.aggregate import Aggregates, aggregate
from vaaldstod.statistics.model import (
    AGE_BANDS,
    GENDERS,
    Contact,
    InvalidContact,
    StatisticsError,
    from_walkthrough,
    parse,
    week_of,
)
from vaaldstod.statistics.period import Period, PeriodError
from vaaldstod.statistics.report import Report, build_report
from vaaldstod.statistics.retention import purge_contacts, retention_days

__all__ = [
    "AGE_BANDS",
    "GENDERS",
    "Aggregates",
    "Contact",
    "InvalidContact",
    "Period",
    "PeriodError",
    "Report",
    "StatisticsError",
    "aggregate",
    "build_report",
    "from_walkthrough",
    "parse",
    "purge_contacts",
    "retention_days",
    "week_of",
]
