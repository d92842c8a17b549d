"""Plain records the vault hands out; they hold copies, never a live connection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Case:
    id: int
    pseudonym: str
    created: datetime
    last_activity: datetime
    expires_on: date
    note_count: int


@dataclass(frozen=True)
class Note:
    id: int
    case_id: int
    text: str
    created: datetime
    updated: datetime

    @property
    def edited(self) -> bool:
        return self.updated != self.created


@dataclass(frozen=True)
class NoteVersion:
    text: str
    saved: datetime


@dataclass(frozen=True)
class SearchHit:
    note_id: int
    case_id: int
    pseudonym: str
    text: str
    snippet: str
    created: datetime


CONSENTS = ("given", "refused", "not_sought_unsafe")


@dataclass(frozen=True)
class Referral:
    """A referral given in a case: to which kind of service, when, and the client's consent."""

    id: int
    case_id: int
    category: str
    consent: str
    given_on: date


@dataclass(frozen=True)
class Walkthrough:
    """The saved answers of a handbook walk-through tied to a case."""

    id: int
    case_id: int
    answers: dict
    created: datetime
    updated: datetime


@dataclass(frozen=True)
class ContactRecord:
    """One anonymous contact for follow-up statistics: an ISO week and coded answers only."""

    id: int
    week: str  # ISO week, "2026-W09": never an exact date
    record: dict


@dataclass(frozen=True)
class ExerciseSession:
    """A team exercise that was held: which fictional case, how many took part, what was learnt."""

    id: int
    held_on: date
    exercise_id: str
    participants: int
    takeaways: str
