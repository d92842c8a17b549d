"""From the vault to a report or a CSV file: the steps the page and the CLI share."""

from __future__ import annotations

from pathlib import Path

from vaaldstod.statistics.aggregate import Aggregates, aggregate
from vaaldstod.statistics.export import write_csv
from vaaldstod.statistics.period import Period
from vaaldstod.statistics.report import Labels, Report, build_report


def load(vault, period: Period) -> Aggregates:
    """Count the vault's contact records of the weeks in `period`."""
    stored = vault.contacts(period.first_week, period.last_week)
    return aggregate((contact.week, contact.record) for contact in stored)


def report_for(
    vault, period: Period, office: str, labels: Labels | None = None, *, suppress: bool = True
) -> Report:
    """The period's report; suppressed unless it is for the screen."""
    return build_report(load(vault, period), period, office, labels, suppress=suppress)


def export_csv(
    vault, period: Period, out: Path, office: str, labels: Labels | None = None
) -> Report:
    """Write the period's suppressed aggregates to `out`; returns the report written."""
    report = report_for(vault, period, office, labels)
    write_csv(out, report)
    return report
