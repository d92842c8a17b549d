"""Typed directory errors: each carries problems that name a row and a field in plain words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vaaldstod.i18n import _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an entry, an import or the office profile.

    `row` counts as a spreadsheet does (the CSV header is row 1); in a JSON file it is the
    entry's position in the list, from 1. It is None for the file as a whole or a form.
    """

    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        return self.text()

    def text(self, caption: Callable[[str], str] = str) -> str:
        """The problem as a sentence; `caption` turns a field into the name a form shows."""
        field = caption(self.field) if self.field else ""
        if self.row is not None and field:
            return _("Row {row}, {field}: {message}").format(
                row=self.row, field=field, message=self.message
            )
        if self.row is not None:
            return _("Row {row}: {message}").format(row=self.row, message=self.message)
        if field:
            return _("{field}: {message}").format(field=field, message=self.message)
        return self.message


class DirectoryError(Exception):
    """Something the directory refused or could not read; nothing was changed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def about(cls, message: str, field: str | None = None) -> DirectoryError:
        return cls([Problem(None, field, message)])


class EntryRefused(DirectoryError):
    """An office entry from the form broke a rule; it was not saved."""


class ImportRefused(DirectoryError):
    """An import had at least one bad row, so none of it was imported."""


class OfficeEntriesDamaged(DirectoryError):
    """The file with the office's own entries cannot be read; it is left as it is."""


class OfficeProfileError(DirectoryError):
    """The office profile (name, logo, local numbers) is damaged or a value was refused."""
