"""Typed pack errors: every refusal carries problems that name a file, a line and a field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack, placed as precisely as the input allows."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{place}: {self.field}: {self.message}" if self.field else f"{place}: {self.message}"
        )


class PackError(Exception):
    """A pack could not be read, validated, installed or removed; nothing on disk changed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))

    @classmethod
    def about(cls, where: str, message: str, field: str | None = None) -> PackError:
        """An error with one problem about a whole file, folder or pack id."""
        return cls([Problem(where, None, field, message)])


class PackTooNew(PackError):
    """The pack is written in a newer pack format than this version of the app reads."""


class PackNotFound(PackError):
    """No pack with the requested id is installed."""


class PackNotRemovable(PackError):
    """The pack ships with the program and cannot be removed, only overridden by a newer one."""


class PackUntrusted(PackError):
    """The pack is not signed by a key the app or the office trusts, or cannot be used as it
    stands (it would shadow a pack, or its signature no longer matches its files)."""
