"""The office's own entries: a plain JSON file in the config folder (no client data).

An office entry with the id of a shipped entry stands in for it: that is how the office
fills in a number the shipped directory could not verify. Every change is one atomic write,
so an import that is refused, or fails half-way, leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vaaldstod import atomic, paths
from vaaldstod.directory import transfer
from vaaldstod.directory.entry import Entry
from vaaldstod.directory.errors import (
    EntryRefused,
    ImportRefused,
    OfficeEntriesDamaged,
    Problem,
)
from vaaldstod.directory.rows import parse_row, with_id
from vaaldstod.i18n import _

FILE_NAME = "directory.json"


class OfficeEntries:
    """Read, add, change, remove, import and export the office's own entries."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._entries: list[Entry] | None = None

    @property
    def path(self) -> Path:
        return self._path or paths.config_dir() / FILE_NAME

    def entries(self) -> list[Entry]:
        """The entries in the file; OfficeEntriesDamaged if it cannot be read as it should."""
        if self._entries is None:
            self._entries = self._load()
        return list(self._entries)

    def save_entry(self, values: Mapping[str, Any], replacing: str | None = None) -> Entry:
        """Add an entry, or replace the one with id `replacing`; EntryRefused with every problem."""
        current = self.entries()
        taken = {entry.id for entry in current if entry.id != replacing}
        entry, found = parse_row(with_id(values, taken), cells=False)
        if entry is None:
            raise EntryRefused([Problem(None, field, message) for field, message in found])
        if entry.id in taken:
            message = _("'{id}' is already the id of an earlier entry; ids must be unique")
            raise EntryRefused([Problem(None, "id", message.format(id=entry.id))])
        ids = [existing.id for existing in current]
        if replacing in ids:
            current[ids.index(replacing)] = entry
        else:
            current.append(entry)
        self._write(current)
        return entry

    def remove(self, entry_id: str) -> None:
        """Remove the office's entry `entry_id` (a shipped entry it stood in for shows again)."""
        self._write([entry for entry in self.entries() if entry.id != entry_id])

    def preview_import(self, data: bytes, kind: str) -> transfer.ImportPreview:
        """What importing `data` ("csv" or "json") would do, with every problem found."""
        return transfer.preview(data, kind, {entry.id for entry in self.entries()})

    def import_entries(self, preview: transfer.ImportPreview) -> int:
        """Add or replace the previewed entries, all or nothing; ImportRefused if any problem."""
        if not preview.ok:
            raise ImportRefused(list(preview.problems))
        incoming = {entry.id: entry for entry in preview.entries}
        merged = [incoming.pop(entry.id, entry) for entry in self.entries()]
        self._write(merged + list(incoming.values()))
        return len(preview.entries)

    def export(self, path: Path, kind: str) -> int:
        """Write the entries to `path` as "csv" or "json"; returns how many were written."""
        entries = self.entries()
        data = transfer.to_csv(entries) if kind == "csv" else transfer.to_json(entries)
        atomic.write_bytes(Path(path), data)
        return len(entries)

    def _load(self) -> list[Entry]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as error:
            raise OfficeEntriesDamaged.about(
                _("{path} could not be read ({reason})").format(
                    path=self.path, reason=error.strerror or error
                )
            ) from None
        found = transfer.preview(data, "json", require_entries=False)
        if found.problems:
            raise OfficeEntriesDamaged(
                [Problem(None, None, _("The office's own entries could not be read:"))]
                + list(found.problems)
            )
        return list(found.entries)

    def _write(self, entries: list[Entry]) -> None:
        atomic.write_bytes(self.path, transfer.to_json(entries))
        self._entries = entries
