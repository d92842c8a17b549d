"""Numbers a client was given: a changed number is never printed without someone confirming it.

What counts as the known number of an entry: the one last printed or confirmed (kept in the
unlocked vault), else the one in the packs shipped with the app. An entry that now gives
another number carries the old one in `number_changed_from`; client sheets leave it out
until the new number is confirmed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from vaaldstod.directory.entry import Entry

KIND = "confirmed_number"


@dataclass(frozen=True)
class NumberChange:
    """An entry whose number is not the one printed, confirmed or shipped before."""

    entry_id: str
    organisation: str
    old: str
    new: str


def _digits(phone: str) -> str:
    return "".join(character for character in phone if character.isdigit())


def known_numbers(vault: Any | None, shipped: Mapping[str, str]) -> dict[str, str]:
    """Entry id -> the number a client was last given or the app shipped with."""
    known = {entry_id: phone for entry_id, phone in shipped.items() if phone}
    if vault is not None:
        for entry_id, record in vault.office_records(KIND).items():
            if isinstance(record, dict) and isinstance(record.get("phone"), str):
                known[entry_id] = record["phone"]
    return known


def mark_changes(entries: Iterable[Entry], known: Mapping[str, str]) -> list[Entry]:
    """The entries, each whose number differs from the known one marked with the old number."""
    marked = []
    for entry in entries:
        old = known.get(entry.id, "")
        if old and entry.phone and _digits(old) != _digits(entry.phone):
            entry = replace(entry, number_changed_from=old)
        marked.append(entry)
    return marked


def changes(entries: Iterable[Entry]) -> list[NumberChange]:
    return [
        NumberChange(e.id, e.organisation, e.number_changed_from, e.phone)
        for e in entries
        if e.number_changed_from
    ]


def confirm(vault: Any, entries: Iterable[Entry]) -> None:
    """Record the entries' current numbers as the known ones (confirmed, or printed)."""
    today = datetime.date.today().isoformat()
    records = {
        entry.id: {"phone": entry.phone, "confirmed_on": today, "pack": entry.pack}
        for entry in entries
        if entry.phone
    }
    if records:
        vault.put_office_records(KIND, records)
