"""From the vault to a report or a CSV file: the steps the page and the CLI share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vaaldstod.i18n import _, ngettext
from vaaldstod.statistics import period as periods
from vaaldstod.statistics.aggregate import Aggregates, aggregate
from vaaldstod.statistics.export import write_csv
from vaaldstod.statistics.period import Period
from vaaldstod.statistics.publication import OWN, Published, publish
from vaaldstod.statistics.report import Labels, Report, build_report


def load(vault, period: Period) -> Aggregates:
    """Count the vault's contact records of the weeks in `period` (exact, as they are now)."""
    stored = vault.contacts(period.first_week, period.last_week)
    return aggregate((contact.week, contact.record) for contact in stored)


def available(vault, today: date) -> list[Period]:
    """The closed quarters and years an export can be made of, newest first."""
    return periods.available(vault.oldest_contact_week(), today)


def report_for(vault, period: Period, office: str, labels: Labels | None = None) -> Report:
    """The period's exact figures, for the screen of the handler who logged them."""
    return build_report(load(vault, period), period, office, labels, suppress=False)


def published(vault, period: Period, today: date | None = None) -> Published:
    """The period's figures as every export prints them, fixed in the vault's ledger."""
    return publish(vault, OWN, period, lambda quarter: load(vault, quarter).counts, _day(today))


def published_report(
    vault, period: Period, office: str, labels: Labels | None = None, today: date | None = None
) -> Report:
    """The protected report of a closed period (PeriodError if it is not over yet)."""
    figures = published(vault, period, today)
    return report_of(figures, office, labels)


def report_of(figures: Published, office: str, labels: Labels | None = None) -> Report:
    notes = []
    if figures.contributors is not None:
        notes.append(
            ngettext(
                "Merged from the contribution of {n} handler.",
                "Merged from the contributions of {n} handlers.",
                figures.contributors,
            ).format(n=figures.contributors)
        )
    if figures.reissued:
        notes.append(
            _(
                "These figures were fixed on {day}, when this period was first published; "
                "contacts logged for it later are not included, so that two versions can "
                "never be subtracted."
            ).format(day=figures.published.isoformat())
        )
    return build_report(
        Aggregates(dict(figures.counts)),
        figures.period,
        office,
        labels,
        hidden=figures.hidden,
        notes=tuple(notes),
    )


def export_csv(
    vault,
    period: Period,
    out: Path,
    office: str,
    labels: Labels | None = None,
    today: date | None = None,
) -> Report:
    """Write the period's protected figures to `out`; returns the report written."""
    report = published_report(vault, period, office, labels, today)
    write_csv(out, report)
    return report


def _day(today: date | None) -> date:
    return today or date.today()


def contribution(vault, period: Period, recipient, today: date | None = None) -> bytes:
    """A handler's sealed share of an office roll-up: the period's exact counts as fixed.

    Fixing them first (as an export would) keeps a contribution, a later one and the
    handler's own exports of the period the same figures.
    """
    from vaaldstod.statistics import rollup

    published(vault, period, today)
    fixed = vault.statistics_publications(OWN, period.year)
    quarters = {quarter: fixed[quarter.code]["counts"] for quarter in period.quarters()}
    return rollup.seal(recipient, period, quarters)


def merge_contributions(vault, period: Period, files, today: date | None = None):
    """Team leader: open, check and add up `files`, then protect the total in the ledger.

    Returns (merged, published figures); ContributionError names the first bad file.
    """
    from vaaldstod.statistics import rollup

    period.require_closed(_day(today))
    merged = rollup.merge(rollup.read_all(files, period, vault.statistics_keys()), period)
    return merged, rollup.publish_merged(vault, merged, _day(today))
