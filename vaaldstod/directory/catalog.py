"""All entries a handler can refer to: the directory packs, with the office's own on top."""

from __future__ import annotations

from vaaldstod.directory.categories import category_rank
from vaaldstod.directory.entry import Entry
from vaaldstod.directory.errors import DirectoryError
from vaaldstod.directory.office_entries import OfficeEntries
from vaaldstod.packs import Pack, Registry

_AREA_RANK = {"national": 0, "county": 1, "municipalities": 2}


class Directory:
    """Shipped and installed directory packs plus the office's entries, texts in one language.

    An office entry with the id of a pack entry replaces it. If the office's file is
    damaged, the packs are still shown and `problem` says what is wrong.
    """

    def __init__(self, registry: Registry | None = None, office: OfficeEntries | None = None):
        self.registry = registry or Registry()
        self.office = office or OfficeEntries()
        self.problem: DirectoryError | None = None

    def entries(self, language: str) -> list[Entry]:
        """Every entry, texts in `language` where a pack has it, sorted as on a sheet."""
        by_id: dict[str, Entry] = {}
        for pack in self.registry.packs(kind="directory"):
            origin = "shipped" if pack.origin == "shipped" else "installed"
            shown = text_language(pack, language)
            for record in pack.records("entries", shown):
                by_id.setdefault(record["id"], Entry.from_record(record, origin, shown))
        try:
            by_id.update((entry.id, entry) for entry in self.office.entries())
            self.problem = None
        except DirectoryError as error:
            self.problem = error
        return sorted(by_id.values(), key=sort_key)

    def refresh(self) -> None:
        """Read the packs and the office's file again (after an install or an import)."""
        self.registry.refresh()
        self.office = OfficeEntries(self.office.path)


def text_language(pack: Pack, language: str) -> str:
    """The pack language to show for `language`: itself, Swedish for lätt svenska, else English.

    A client reading Arabic, Persian or Somali is more likely to manage English than Swedish
    opening hours; packs without English fall back to their master language.
    """
    languages = pack.manifest.languages
    if language in languages:
        return language
    if language.startswith("sv") and "sv" in languages:
        return "sv"
    return "en" if "en" in languages else languages[0]


def sort_key(entry: Entry) -> tuple:
    """Category order first, national before local, then the organisation's name."""
    return (
        category_rank(entry.category),
        _AREA_RANK.get(entry.area, 3),
        entry.organisation.casefold(),
    )
