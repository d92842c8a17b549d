"""One place a client can be referred to, with its texts in one language, and where it serves."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Origin = Literal["shipped", "installed", "office"]

# Entries without their own review interval are checked again after a year.
DEFAULT_REVIEW_DAYS = 365


@dataclass(frozen=True)
class Area:
    """Where a client lives: a county, optionally one municipality in it.

    `Area()` (no county) stands for "no particular place": only national services serve it.
    """

    county: str = ""
    municipality: str = ""


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Period:
    """Days of the week and the time the line is open on them, e.g. mon–fri 09:00–15:00."""

    days: tuple[str, ...]  # codes from DAYS, in week order
    start: str  # "HH:MM"
    end: str


# An entry open around the clock on every day of the week.
ALWAYS_OPEN = "always"


@dataclass(frozen=True)
class Entry:
    """A directory entry. There is no address field: a shelter's address is never stored."""

    id: str
    organisation: str
    category: str
    area: str  # national | county | municipalities
    phone: str
    needs_office_input: bool
    protected: bool
    verified_on: datetime.date
    contact: str
    county: str = ""
    municipalities: tuple[str, ...] = ()
    web: str = ""
    languages: tuple[str, ...] = ()
    review_days: int | None = None
    hours: str = ""
    accessibility: str = ""
    notes: str = ""
    source: str = ""
    origin: Origin = "office"
    # A consultation line for caseworkers: shown in the directory, never on a client's sheet.
    professionals_only: bool = False
    # Opening hours as data, so a sheet can write them by its own language's rules:
    # ALWAYS_OPEN, or periods; () when the pack gives only the text in `hours`.
    opening: str | tuple[Period, ...] = ()
    interpreter: bool = False  # callers in other languages get an interpreter
    text_language: str = "sv"  # the language of hours, contact and notes (office: Swedish)
    # Provenance: the pack and version it came from and who signed it ("" for the office's).
    pack: str = ""
    signer: str = ""
    # From a pack the office accepted without a valid signature: shown, never printed.
    unsigned: bool = False
    # The number printed or shipped before, when this entry now gives another one: shown, and
    # kept off client sheets until someone confirms the new number.
    number_changed_from: str = ""

    @property
    def printable(self) -> bool:
        """True if the number may go on a client's sheet or card."""
        return bool(
            self.phone
            and not self.needs_office_input
            and not self.unsigned
            and not self.number_changed_from
        )

    @property
    def review_due(self) -> datetime.date:
        """The day after which the entry must be checked again."""
        days = self.review_days or DEFAULT_REVIEW_DAYS
        return self.verified_on + datetime.timedelta(days=days)

    def overdue(self, today: datetime.date | None = None) -> bool:
        """True once the review interval has passed since the entry was verified."""
        return self.review_due < (today or datetime.date.today())

    def needs_check(self, today: datetime.date | None = None) -> bool:
        """The "check this" mark: overdue for review, or waiting for the office to fill it in."""
        return self.needs_office_input or self.overdue(today)

    def serves(self, place: Area) -> bool:
        """True if a client living in `place` can turn to this service."""
        if self.area == "national":
            return True
        if not place.county or place.county.casefold() != self.county.casefold():
            return False
        if self.area == "county" or not place.municipality:
            return True
        return place.municipality.casefold() in {m.casefold() for m in self.municipalities}

    @classmethod
    def from_record(
        cls,
        record: Mapping[str, Any],
        origin: Origin,
        text_language: str = "sv",
        pack: str = "",
        signer: str = "",
        unsigned: bool = False,
    ) -> Entry:
        """An entry from a validated pack record whose texts are already in one language."""
        return cls(
            id=record["id"],
            organisation=record["organisation"],
            category=record["category"],
            area=record["area"],
            phone=record["phone"],
            needs_office_input=record["needs_office_input"],
            protected=record["protected"],
            verified_on=record["verified_on"],
            contact=record["contact"],
            county=record.get("county", ""),
            municipalities=tuple(record.get("municipalities", ())),
            web=record.get("web", ""),
            languages=tuple(record.get("languages", ())),
            review_days=record.get("review_days"),
            hours=record.get("hours", ""),
            accessibility=record.get("accessibility", ""),
            notes=record.get("notes", ""),
            source="; ".join(dict.fromkeys(_cite(s) for s in record.get("sources", ()))),
            origin=origin,
            professionals_only=record.get("professionals_only", False),
            opening=_opening(record.get("opening", ())),
            interpreter=record.get("interpreter", False),
            text_language=text_language,
            pack=pack,
            signer=signer,
            unsigned=unsigned,
        )


def _opening(value: Any) -> str | tuple[Period, ...]:
    if value == ALWAYS_OPEN:
        return ALWAYS_OPEN
    return tuple(
        Period(tuple(d for d in DAYS if d in period["days"]), period["from"], period["to"])
        for period in value
    )


def _cite(source: Mapping[str, Any]) -> str:
    if "url" in source:
        return f"{source['url']} ({source['checked']})"
    return f"{source['doc']}:{source['line']}"
