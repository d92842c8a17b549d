"""A validated pack as the app uses it: its manifest, its merged content, texts by language."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from vaaldstod.i18n import _

if TYPE_CHECKING:
    from vaaldstod.packs.trust import Trust

Origin = Literal["shipped", "installed", "file"]


@dataclass(frozen=True)
class Manifest:
    """The fields of pack.toml, after validation."""

    schema: int
    id: str
    kind: str
    version: str
    languages: tuple[str, ...]
    publisher: str
    review_by: datetime.date
    licence: str
    title: Mapping[str, str]

    @property
    def version_key(self) -> tuple[int, ...]:
        """The version as numbers, so that 1.10.0 sorts after 1.9.0."""
        return tuple(int(part) for part in self.version.split("."))


@dataclass(frozen=True)
class Pack:
    """A pack that passed validation; `content` holds the merged content files as parsed."""

    manifest: Manifest
    content: Mapping[str, Any]
    origin: Origin = "file"
    folder: Path | None = None
    trust: Trust | None = None  # set by the registry, which checks the signature on every load

    @property
    def signed(self) -> bool:
        """True if a key the app or the office trusts signed exactly these files."""
        return self.trust is not None and self.trust.signed

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def kind(self) -> str:
        return self.manifest.kind

    def overdue(self, today: datetime.date | None = None) -> bool:
        """True once the pack's review date has passed: its content may be out of date."""
        return self.manifest.review_by < (today or datetime.date.today())

    def language_for(self, language: str) -> str:
        """`language` if the pack has it, else the pack's first (master) language."""
        return language if language in self.manifest.languages else self.manifest.languages[0]

    def title(self, language: str) -> str:
        """The pack's title; an unsigned pack the office accepted says so wherever it shows."""
        title = self.manifest.title[self.language_for(language)]
        if self.trust is not None and self.trust.level == "accepted":
            return _("{title} (unsigned)").format(title=title)
        return title

    def localized(self, language: str) -> dict[str, Any]:
        """The content with every translated text replaced by its text in `language`."""
        return _localize(
            self.content, frozenset(self.manifest.languages), self.language_for(language)
        )

    def records(
        self, collection: str, language: str, agency: str | None = None
    ) -> list[dict[str, Any]]:
        """The tables of one top-level array (`items`, `sections`, `entries`, …) in `language`.

        With `agency`, records limited to other agencies are left out; records without an
        `agencies` list are for everyone.
        """
        records = self.localized(language).get(collection, [])
        if agency is None:
            return records
        return [record for record in records if agency in record.get("agencies", [agency])]

    def sheet(self, language: str) -> dict[str, Any]:
        """For a `sheet` pack: the sheet in `language`, or in the master language if none."""
        sheets = {sheet["language"]: sheet for sheet in self.content.get("sheets", [])}
        return sheets.get(language) or sheets[self.manifest.languages[0]]


def _localize(value: Any, languages: frozenset[str], language: str) -> Any:
    # After validation every translated text is a table whose keys are exactly the manifest's
    # languages, and no other table in a pack is keyed by language codes: the shape is enough.
    if isinstance(value, dict):
        if value and value.keys() == languages and all(isinstance(v, str) for v in value.values()):
            return value[language]
        return {key: _localize(item, languages, language) for key, item in value.items()}
    if isinstance(value, list):
        return [_localize(item, languages, language) for item in value]
    return value
