"""All entries a handler can refer to: the directory packs, with the office's own on top."""

from __future__ import annotations

from vaaldstod.directory import numbers
from vaaldstod.directory.categories import category_rank
from vaaldstod.directory.entry import Entry
from vaaldstod.directory.errors import DirectoryError
from vaaldstod.directory.office_entries import OfficeEntries
from vaaldstod.packs import Pack, Registry

_AREA_RANK = {"national": 0, "county": 1, "municipalities": 2}


class Directory:
    """Shipped and installed directory packs plus the office's entries, texts in one language.

    An office entry with the id of a pack entry replaces it. An entry id given by a more
    trusted pack is never redefined by a less trusted one (the publisher's over an office
    key's over an unsigned pack's; on a tie the shipped pack's, never "first in sorted
    order"). If the office's entries are damaged, the packs are still shown and `problem` says
    what is wrong. An entry whose number differs from the one printed, confirmed or shipped
    before carries the old number (`number_changed_from`) and is kept off client sheets.
    """

    def __init__(self, registry: Registry | None = None, office: OfficeEntries | None = None):
        self.registry = registry or Registry()
        self.office = office or OfficeEntries()
        self.problem: DirectoryError | None = None
        self._shipped_numbers: dict[str, str] | None = None

    def entries(self, language: str) -> list[Entry]:
        """Every entry, texts in `language` where a pack has it, sorted as on a sheet."""
        by_id: dict[str, Entry] = {}
        for pack in sorted(self.registry.packs(kind="directory"), key=_precedence):
            origin = "shipped" if pack.origin == "shipped" else "installed"
            signer = pack.trust.signer if pack.trust else ""
            shown = text_language(pack, language)
            for record in pack.records("entries", shown):
                entry = Entry.from_record(
                    record,
                    origin,
                    shown,
                    pack=f"{pack.id} {pack.manifest.version}",
                    signer=signer,
                    unsigned=not pack.signed,
                )
                by_id.setdefault(record["id"], entry)
        try:
            by_id.update((entry.id, entry) for entry in self.office.entries())
            self.problem = None
        except DirectoryError as error:
            self.problem = error
        known = numbers.known_numbers(self.office.vault, self.shipped_numbers())
        return sorted(numbers.mark_changes(by_id.values(), known), key=sort_key)

    def shipped_numbers(self) -> dict[str, str]:
        """Entry id -> number, from the signed directory packs shipped with the app."""
        if self._shipped_numbers is None:
            shipped = Registry(self.registry.shipped_dir, self.registry.shipped_dir / ".none")
            self._shipped_numbers = {
                record["id"]: record["phone"]
                for pack in shipped.packs(kind="directory")
                if pack.signed
                for record in pack.content.get("entries", [])
            }
        return self._shipped_numbers

    def refresh(self) -> None:
        """Read the packs and the office's entries again (after an install or an import)."""
        self.registry.refresh()
        self.office = self.office.reloaded()


def _precedence(pack: Pack) -> tuple:
    rank = pack.trust.rank if pack.trust else 0
    return (-rank, pack.origin != "shipped", pack.id)


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
