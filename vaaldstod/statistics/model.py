"""One anonymous contact record: coded answers by ISO week, nothing that points to a person.

A record holds no free text, no case pseudonym and no exact date (the week only), so the
follow-up statistics the sources ask for (000 for economic violence, 001 and 003 on asking
routinely and by gender) never grow into a register of people. Validation is strict on
purpose: unknown keys or codes are refused, so nothing else can be smuggled into the vault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from vaaldstod.directory.categories import CATEGORIES
from vaaldstod.i18n import N_, _
from vaaldstod.settings import AGENCIES
from vaaldstod.statistics.weeks import week_of
from vaaldstod.templates import ASKED, DISCLOSED, FORMS, NOT_ASKED_REASONS

GENDERS = (
    ("woman", N_("Woman")),
    ("man", N_("Man")),
    ("other", N_("Other")),
    ("not_stated", N_("Not stated")),
)
# Wide bands on purpose: narrow ones would make most cells of a small office's table tiny.
AGE_BANDS = (
    ("under_18", N_("Under 18")),
    ("18_29", "18–29"),
    ("30_44", "30–44"),
    ("45_64", "45–64"),
    ("65_plus", N_("65 or older")),
    ("not_stated", N_("Not stated")),
)
GENDER_CODES = tuple(code for code, _label in GENDERS)
AGE_CODES = tuple(code for code, _label in AGE_BANDS)
ASKED_WAYS = ("routine", "indication")  # the answers that count as "asked"

_KEYS = frozenset(
    {
        "agency",
        "asked",
        "not_asked_reason",
        "disclosed",
        "forms",
        "children_affected",
        "referrals",
        "gender",
        "age_band",
    }
)
_WEEK = re.compile(r"(\d{4})-W(\d{2})")


class StatisticsError(ValueError):
    """A contact record or a period was refused; the message is a translated sentence."""


class InvalidContact(StatisticsError):
    """A contact record breaks a rule of the model; it was not stored or counted."""


def week_monday(week: str) -> date:
    """The Monday of an ISO week; StatisticsError if `week` is not a real ISO week."""
    match = _WEEK.fullmatch(week) if isinstance(week, str) else None
    try:
        if match is None:
            raise ValueError(week)
        return date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise InvalidContact(
            _("'{week}' is not an ISO week such as 2026-W09.").format(week=week)
        ) from None


def recent_weeks(today: date, count: int) -> list[str]:
    """This week and the `count - 1` weeks before it, newest first (for logging afterwards)."""
    return [week_of(today - timedelta(weeks=back)) for back in range(count)]


@dataclass(frozen=True)
class Contact:
    """A validated contact record; build one with `parse` or `from_walkthrough`."""

    week: str
    agency: str
    asked: str
    not_asked_reason: str | None
    disclosed: str | None
    forms: tuple[str, ...]
    children_affected: bool
    referrals: tuple[str, ...]
    gender: str
    age_band: str

    def record(self) -> dict:
        """The coded answers as the vault keeps them (the week is stored beside them)."""
        return {
            "agency": self.agency,
            "asked": self.asked,
            "not_asked_reason": self.not_asked_reason,
            "disclosed": self.disclosed,
            "forms": list(self.forms),
            "children_affected": self.children_affected,
            "referrals": list(self.referrals),
            "gender": self.gender,
            "age_band": self.age_band,
        }


def parse(week: str, record: object) -> Contact:
    """Check a stored or new record; InvalidContact names the first rule it breaks."""
    week_monday(week)
    if not isinstance(record, dict) or set(record) != _KEYS:
        raise _invalid("keys")
    asked, reason, disclosed = record["asked"], record["not_asked_reason"], record["disclosed"]
    forms, referrals = record["forms"], record["referrals"]
    checks = [
        (record["agency"] in AGENCIES, "agency"),
        (asked in ASKED, "asked"),
        # A reason only when the question was not asked; an answer only when it was.
        (reason in NOT_ASKED_REASONS if asked == "not_asked" else reason is None, "reason"),
        (disclosed in DISCLOSED if asked in ASKED_WAYS else disclosed is None, "disclosed"),
        (_codes(forms, FORMS), "forms"),
        # Forms count as disclosed forms; with "no" or "unsure" there is nothing to count.
        (disclosed == "yes" or not forms, "forms"),
        (isinstance(record["children_affected"], bool), "children_affected"),
        (_codes(referrals, tuple(CATEGORIES)), "referrals"),
        (record["gender"] in GENDER_CODES, "gender"),
        (record["age_band"] in AGE_CODES, "age_band"),
    ]
    for ok, name in checks:
        if not ok:
            raise _invalid(name)
    return Contact(
        week=week,
        agency=record["agency"],
        asked=asked,
        not_asked_reason=reason,
        disclosed=disclosed,
        forms=tuple(forms),
        children_affected=record["children_affected"],
        referrals=tuple(referrals),
        gender=record["gender"],
        age_band=record["age_band"],
    )


def from_walkthrough(
    answers: dict,
    *,
    week: str,
    agency: str,
    gender: str = "not_stated",
    age_band: str = "not_stated",
) -> Contact:
    """A contact record from walk-through answers (`WalkthroughPanel.answers()`).

    Consent and the checklist stay in the case: the record keeps each referral's category
    only, once. Forms are kept with a "yes" only (see `parse`). Unanswered radio groups are
    refused, so a half-filled walk-through is never counted as a contact.
    """
    asked = answers.get("asked")
    disclosed = answers.get("disclosed") if asked in ASKED_WAYS else None
    pairs = answers.get("referrals") or []
    categories = [pair[0] for pair in pairs if isinstance(pair, list | tuple) and pair]
    record = {
        "agency": agency,
        "asked": asked,
        "not_asked_reason": answers.get("not_asked_reason") if asked == "not_asked" else None,
        "disclosed": disclosed,
        "forms": _ordered(answers.get("forms") or [], FORMS) if disclosed == "yes" else [],
        "children_affected": bool(answers.get("children_affected")),
        "referrals": _ordered(categories, tuple(CATEGORIES)),
        "gender": gender,
        "age_band": age_band,
    }
    return parse(week, record)


def _ordered(codes: list, known: tuple[str, ...]) -> list:
    """`codes` once each in the order of `known`; unknown codes stay, for `parse` to refuse."""
    unique = list(dict.fromkeys(code for code in codes if isinstance(code, str)))
    return sorted(unique, key=lambda code: known.index(code) if code in known else len(known))


def _codes(value: object, known: tuple[str, ...]) -> bool:
    return (
        isinstance(value, list)
        and all(isinstance(code, str) and code in known for code in value)
        and len(set(value)) == len(value)
    )


def _invalid(name: str) -> InvalidContact:
    return InvalidContact(_("The contact record's '{name}' is not valid.").format(name=name))
