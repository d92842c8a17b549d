"""The texts of referral sheets per language, from the sheet packs, with their review status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from vaaldstod.i18n import N_
from vaaldstod.packs import Registry

REVIEW_STATUS = {
    "reviewed": N_("reviewed"),
    "needs_review": N_("needs review by a native speaker"),
}


@dataclass(frozen=True)
class SheetLanguage:
    """One language's sheet texts: `strings` by key, `categories` by category code."""

    code: str
    name: str  # the language's own name, e.g. العربية
    direction: str  # ltr | rtl
    review_status: str  # reviewed | needs_review
    strings: Mapping[str, str]
    categories: Mapping[str, str]
    # Per directory entry id: {"description": …, "card": …} in this language.
    entries: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def reviewed(self) -> bool:
        return self.review_status == "reviewed"

    @property
    def locale(self) -> str:
        """The locale whose rules write dates, times and language names: sv for lätt svenska."""
        return self.code.split("-")[0]


def sheet_languages(registry: Registry | None = None) -> dict[str, SheetLanguage]:
    """Every language some sheet pack has, in the packs' order; a reviewed text wins.

    Only signed packs: a sheet's texts go into a client's hands, like its numbers.
    """
    found: dict[str, SheetLanguage] = {}
    for pack in (registry or Registry()).packs(kind="sheet"):
        if not pack.signed:
            continue
        order = {code: index for index, code in enumerate(pack.manifest.languages)}
        for sheet in sorted(pack.content["sheets"], key=lambda s: order.get(s["language"], 99)):
            language = SheetLanguage(
                code=sheet["language"],
                name=sheet["name"],
                direction=sheet["direction"],
                review_status=sheet["review_status"],
                strings=dict(sheet["strings"]),
                categories=dict(sheet.get("categories", {})),
                entries={key: dict(value) for key, value in sheet.get("entries", {}).items()},
            )
            current = found.get(language.code)
            if current is None or (language.reviewed and not current.reviewed):
                found[language.code] = language
    return found
