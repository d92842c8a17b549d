"""Finding entries: words typed, category, where the client lives, language of support."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vaaldstod.directory.categories import category_label
from vaaldstod.directory.entry import Area, Entry


def search(
    entries: Iterable[Entry],
    query: str = "",
    category: str | None = None,
    area: Area | None = None,
    language: str | None = None,
) -> list[Entry]:
    """The entries that hold every word of `query` and match each filter given."""
    words = query.casefold().split()
    return [
        entry
        for entry in entries
        if (category is None or entry.category == category)
        and (area is None or entry.serves(area))
        and (language is None or language in entry.languages)
        and all(word in _haystack(entry) for word in words)
    ]


def areas(entries: Iterable[Entry]) -> list[Area]:
    """The counties the entries name, each followed by its municipalities, in Swedish order."""
    counties: dict[str, set[str]] = {}
    for entry in entries:
        if entry.county:
            counties.setdefault(entry.county, set()).update(entry.municipalities)
    found: list[Area] = []
    for county in sorted(counties, key=_swedish_key):
        found.append(Area(county))
        found += [Area(county, name) for name in sorted(counties[county], key=_swedish_key)]
    return found


def find_area(name: str, entries: Sequence[Entry]) -> Area | None:
    """The county or municipality called `name` (any letter case), or None if none is."""
    wanted = name.strip().casefold()
    for area in areas(entries):
        if (area.municipality or area.county).casefold() == wanted:
            return area
    return None


def _haystack(entry: Entry) -> str:
    digits = "".join(character for character in entry.phone if character.isdigit())
    parts = (
        entry.organisation,
        category_label(entry.category),
        entry.contact,
        entry.hours,
        entry.notes,
        entry.accessibility,
        entry.county,
        " ".join(entry.municipalities),
        entry.phone,
        digits,
        entry.web,
    )
    return " ".join(parts).casefold()


def _swedish_key(text: str) -> tuple[int, ...]:
    # å, ä and ö are letters of their own that sort after z, as in a Swedish dictionary.
    order = {"å": 0x7B, "ä": 0x7C, "ö": 0x7D}
    return tuple(order.get(character, ord(character)) for character in text.casefold())
