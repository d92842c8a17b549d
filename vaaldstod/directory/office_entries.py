"""The office's own entries, kept in the unlocked vault (encrypted, changed only while unlocked).

An office entry with the id of a shipped entry stands in for it: that is how the office
fills in a number the shipped directory could not verify. Every change is one transaction,
so an import that is refused, or fails half-way, leaves the entries as they were.

Earlier versions kept them in plaintext `config/directory.json`, where anyone at the disk
could change a number printed for a client; `move_into_vault` takes that file into the vault
once, at the first unlock, and deletes it. A file found there later is never read. An explicit
`path` (imports, exports, tests) still reads and writes a JSON file of this layout.
"""

from __future__ import annotations

import json
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
from vaaldstod.directory.rows import entry_values, parse_row, with_id
from vaaldstod.i18n import _

FILE_NAME = "directory.json"
KIND = "directory_entry"  # the vault's office records of this kind hold the entries
MOVED = "moved"


def unlocked_vault() -> Any | None:
    """The vault the app has unlocked (set with the office's pack trust), or None."""
    from vaaldstod.packs import trust

    return getattr(trust.office_trust(), "vault", None)


class OfficeEntries:
    """Read, add, change, remove, import and export the office's own entries."""

    def __init__(self, path: Path | None = None, vault: Any | None = None) -> None:
        self._path = path
        self._vault = vault
        self._entries: list[Entry] | None = None

    @property
    def path(self) -> Path:
        """The JSON file given, or where earlier versions kept the entries in plaintext."""
        return self._path or legacy_path()

    @property
    def vault(self) -> Any | None:
        if self._path is not None:
            return None
        return self._vault if self._vault is not None else unlocked_vault()

    def reloaded(self) -> OfficeEntries:
        """The same store, read again at the next question."""
        return OfficeEntries(self._path, self._vault)

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
        if self._path is None:
            vault = self.vault
            if vault is None:
                return []  # locked: the office's entries are in the vault
            records = list(vault.office_records(KIND).values())
            return _parsed(json.dumps({"format": transfer.JSON_FORMAT, "entries": records}))
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
        return _parsed(data)

    def _write(self, entries: list[Entry]) -> None:
        if self._path is None:
            vault = self.vault
            if vault is None:
                raise EntryRefused.about(_("Unlock the vault to change the office's own entries."))
            vault.put_office_records(
                KIND, {entry.id: entry_values(entry) for entry in entries}, replace_all=True
            )
        else:
            atomic.write_bytes(self.path, transfer.to_json(entries))
        self._entries = entries


def legacy_path() -> Path:
    return paths.config_dir() / FILE_NAME


def _parsed(data: bytes | str) -> list[Entry]:
    data = data.encode("utf-8") if isinstance(data, str) else data
    found = transfer.preview(data, "json", require_entries=False)
    if found.problems:
        raise OfficeEntriesDamaged(
            [Problem(None, None, _("The office's own entries could not be read:"))]
            + list(found.problems)
        )
    return list(found.entries)


def move_into_vault(vault: Any, path: Path | None = None) -> int:
    """Take the plaintext entries file of earlier versions into `vault`, once; returns how many.

    The file is deleted once its entries are in the vault. After that, a file of that name is
    never read again (it could only have been put there behind the office's back). A damaged
    file is left as it is, with no effect, and OfficeEntriesDamaged says why.
    """
    path = Path(path) if path else legacy_path()
    if FILE_NAME in vault.office_records(MOVED) or not path.is_file():
        return 0
    entries = OfficeEntries(path).entries()
    in_vault = OfficeEntries(vault=vault)
    merged = {entry.id: entry for entry in entries}
    merged.update((entry.id, entry) for entry in in_vault.entries())  # the vault's win
    in_vault._write(list(merged.values()))
    vault.put_office_records(MOVED, {FILE_NAME: {"entries": len(entries)}})
    path.unlink(missing_ok=True)
    return len(entries)
