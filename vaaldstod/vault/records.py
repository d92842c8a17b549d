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
