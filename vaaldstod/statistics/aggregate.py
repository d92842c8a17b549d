"""Counts for a period: every figure a report shows, as named cells, and how they add up.

The cells and the equations between them are one description used twice: to count, and
to decide what an export must hide so that no count of 1–4 can be read or worked out from
the others (`suppression.protect`). Cells whose name starts with "~" are never shown; they
are the remainders ("asked but did not tell") that a reader could still work out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vaaldstod.directory.categories import CATEGORIES
from vaaldstod.settings import AGENCIES
from vaaldstod.statistics.model import (
    AGE_CODES,
    ASKED_WAYS,
    GENDER_CODES,
    Contact,
    InvalidContact,
    parse,
)
from vaaldstod.templates import ASKED, DISCLOSED, FORMS, NOT_ASKED_REASONS

Equation = tuple[str, tuple[str, ...]]  # total, parts: total == sum(parts)


def _group(prefix: str, codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(f"{prefix}:{code}" for code in codes)


def equations() -> list[Equation]:
    """How the cells add up; a reader of a report knows all of this."""
    found: list[Equation] = [
        ("contacts", _group("asked", ASKED)),
        ("contacts", _group("gender", GENDER_CODES)),
        ("contacts", _group("age", AGE_CODES)),
        ("contacts", _group("agency", AGENCIES)),
        ("asked:not_asked", _group("reason", NOT_ASKED_REASONS)),
        ("asked_any", _group("asked", ASKED_WAYS)),
        ("asked_any", _group("disclosed", DISCLOSED)),
        ("asked_any", _group("asked_by_gender", GENDER_CODES)),
        ("disclosed:yes", _group("yes_by_gender", GENDER_CODES)),
        ("disclosed:yes", _group("yes_by_way", ASKED_WAYS)),
        ("contacts", ("children", "~children")),
    ]
    for gender in GENDER_CODES:
        found.append(
            (f"asked_by_gender:{gender}", (f"yes_by_gender:{gender}", f"~yes_by_gender:{gender}"))
        )
    for way in ASKED_WAYS:
        found.append((f"asked:{way}", (f"yes_by_way:{way}", f"~yes_by_way:{way}")))
    for form in FORMS:
        found.append(("asked_any", (f"form:{form}", f"~form:{form}")))
        found.append(("disclosed:yes", (f"form:{form}", f"~yes_form:{form}")))
    for category in CATEGORIES:
        found.append(("contacts", (f"referral:{category}", f"~referral:{category}")))
    return found


@dataclass(frozen=True)
class Aggregates:
    """Exact counts by cell name; `skipped` stored records could not be read and are left out."""

    counts: dict[str, int]
    skipped: int = 0

    def __getitem__(self, name: str) -> int:
        return self.counts[name]


def aggregate(stored: Iterable[tuple[str, object]]) -> Aggregates:
    """Count (week, record) pairs, such as the vault's ContactRecords' week and record."""
    rules = equations()
    counts = dict.fromkeys(_cell_names(rules), 0)
    skipped = 0
    for week, record in stored:
        try:
            contact = parse(week, record)
        except InvalidContact:
            skipped += 1
            continue
        for name in _cells_of(contact):
            counts[name] += 1
    # The remainders follow from the totals: "~x" is its total minus the other parts.
    for total, parts in rules:
        for part in parts:
            if part.startswith("~"):
                counts[part] = counts[total] - sum(counts[p] for p in parts if p != part)
    return Aggregates(counts, skipped)


def _cell_names(rules: list[Equation]) -> list[str]:
    return list(dict.fromkeys(name for total, parts in rules for name in (total, *parts)))


def _cells_of(contact: Contact) -> list[str]:
    """The cells one contact adds 1 to."""
    cells = [
        "contacts",
        f"asked:{contact.asked}",
        f"gender:{contact.gender}",
        f"age:{contact.age_band}",
        f"agency:{contact.agency}",
    ]
    if contact.asked == "not_asked":
        cells.append(f"reason:{contact.not_asked_reason}")
    else:
        cells += ["asked_any", f"disclosed:{contact.disclosed}"]
        cells.append(f"asked_by_gender:{contact.gender}")
        if contact.disclosed == "yes":
            cells += [f"yes_by_gender:{contact.gender}", f"yes_by_way:{contact.asked}"]
            cells += [f"form:{form}" for form in contact.forms]
    if contact.children_affected:
        cells.append("children")
    cells += [f"referral:{category}" for category in contact.referrals]
    return cells
