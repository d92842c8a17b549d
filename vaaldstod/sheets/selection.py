"""Which services go on a client's sheet: the office's standard set, shared by app and CLI."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vaaldstod.directory import Area, Entry, find_area, search
from vaaldstod.directory.office import OfficeProfile

# Lines for people who use violence are for another client: never in the standard set of a
# sheet for someone subjected to violence (the handler can still tick one).
NOT_STANDARD = frozenset({"support_for_perpetrators"})


def for_clients(entries: Sequence[Entry]) -> list[Entry]:
    """The entries a client may be given: consultation lines for caseworkers are left out, and
    so is every entry from a pack the office accepted without a valid signature."""
    return [entry for entry in entries if not entry.professionals_only and not entry.unsigned]


def printable(entries: Sequence[Entry]) -> list[Entry]:
    """The client's entries that can go on paper: a number the office trusts. A changed number
    is offered too; it goes on paper only once someone confirms it (`on_paper`)."""
    return [e for e in for_clients(entries) if e.phone and not e.needs_office_input]


def on_paper(entries: Sequence[Entry]) -> list[Entry]:
    """What a sheet really prints of `entries`: never a changed number nobody confirmed."""
    return [entry for entry in for_clients(entries) if not entry.number_changed_from]


def office_area(office: OfficeProfile, entries: Sequence[Entry]) -> Area:
    """The place of the office profile, or no place (national services only)."""
    return (find_area(office.area, entries) if office.area else None) or Area()


def standard_set(entries: Sequence[Entry], place: Area) -> list[Entry]:
    """The office's standard set for `place`: national lines plus the services of the place
    that can be printed, without lines for people who use violence."""
    served = printable(search(entries, area=place))
    return distinct([e for e in served if e.category not in NOT_STANDARD])


def distinct(entries: Sequence[Entry]) -> list[Entry]:
    """The entries without a second one for a number already listed (1177 twice)."""
    seen: set[str] = set()
    kept = []
    for entry in entries:
        digits = re.sub(r"\D", "", entry.phone)
        if digits and digits in seen:
            continue
        seen.add(digits)
        kept.append(entry)
    return kept
