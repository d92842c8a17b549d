"""The office's own entries as CSV or JSON files: read into a preview, written for export.

Reading never raises for what is in the file: every bad row, field and the file as a whole
become problems in the preview, so the office sees all of them before anything is imported.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vaaldstod.directory.entry import Entry
from vaaldstod.directory.errors import ImportRefused, Problem
from vaaldstod.directory.rows import FIELDS, entry_cells, entry_values, parse_row, with_id
from vaaldstod.i18n import _

FORMATS = ("csv", "json")
# The JSON file's own format version; the office's entries file uses the same layout.
JSON_FORMAT = 1
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000

RawRow = tuple[int, dict[Any, Any]]


@dataclass(frozen=True)
class ImportPreview:
    """What an import would bring in: the rows that passed, and every problem found."""

    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    replacing: frozenset[str] = frozenset()  # ids of the office's entries it would replace

    @property
    def ok(self) -> bool:
        """True when the import can go ahead: no problems at all."""
        return not self.problems


def read_file(path: Path) -> bytes:
    """The bytes of a file to import; ImportRefused if it cannot be read or is too large."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise ImportRefused.about(
            _("{path} could not be read ({reason})").format(
                path=path, reason=error.strerror or error
            )
        ) from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused.about(
            _("{path} is larger than an import may be ({limit} MB)").format(
                path=path, limit=MAX_IMPORT_BYTES // (1024 * 1024)
            )
        )
    return data


def format_of(path: Path, data: bytes = b"") -> str:
    """ "csv" or "json", by the file's suffix or else by how its text begins."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    return "json" if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{") else "csv"


def preview(
    data: bytes, kind: str, existing: Iterable[str] = (), *, require_entries: bool = True
) -> ImportPreview:
    """Check every row of an import; `existing` are the ids of the office's entries now."""
    existing = set(existing)
    raw_rows, problems = _rows(data, kind)
    entries: list[Entry] = []
    seen: set[str] = set()
    for row, raw in raw_rows:
        entry, found = parse_row(with_id(raw, existing | seen), cells=(kind == "csv"))
        problems += [Problem(row, field, message) for field, message in found]
        if entry is None:
            continue
        if entry.id in seen:
            message = _("'{id}' is already the id of an earlier entry; ids must be unique")
            problems.append(Problem(row, "id", message.format(id=entry.id)))
            continue
        seen.add(entry.id)
        entries.append(entry)
    if require_entries and not raw_rows and not problems:
        problems.append(Problem(None, None, _("The file holds no entries.")))
    problems.sort(key=lambda problem: problem.row or 0)
    return ImportPreview(tuple(entries), tuple(problems), frozenset(seen & existing))


def to_csv(entries: Sequence[Entry]) -> bytes:
    """CSV with a header row; UTF-8 with a byte order mark, so that Excel reads å, ä and ö."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(FIELDS), lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow(entry_cells(entry))
    return buffer.getvalue().encode("utf-8-sig")


def to_json(entries: Sequence[Entry]) -> bytes:
    """JSON in the layout `preview` reads back."""
    document = {"format": JSON_FORMAT, "entries": [entry_values(entry) for entry in entries]}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _rows(data: bytes, kind: str) -> tuple[list[RawRow], list[Problem]]:
    if len(data) > MAX_IMPORT_BYTES:
        message = _("is larger than an import may be ({limit} MB)")
        return [], [Problem(None, None, message.format(limit=MAX_IMPORT_BYTES // (1024 * 1024)))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        message = _("is not UTF-8 text; save the file as UTF-8 (in Excel: CSV UTF-8)")
        return [], [Problem(row, None, message)]
    if kind == "json":
        return _json_rows(text)
    return _csv_rows(text)


def _json_rows(text: str) -> tuple[list[RawRow], list[Problem]]:
    try:
        document = json.loads(text)
    except RecursionError:
        return [], [Problem(None, None, _("is nested too deeply to be a list of entries"))]
    except ValueError as error:
        line = getattr(error, "lineno", None)
        message = _("is not valid JSON: {reason}").format(reason=getattr(error, "msg", error))
        return [], [Problem(line, None, message)]
    if isinstance(document, dict):
        version = document.get("format", JSON_FORMAT)
        if not isinstance(version, int) or isinstance(version, bool) or version > JSON_FORMAT:
            message = _("was written by a newer version of Våldstöd (format {format})")
            return [], [Problem(None, "format", message.format(format=version))]
        document = document.get("entries")
    if not isinstance(document, list):
        message = _('should be a list of entries, or an object with an "entries" list')
        return [], [Problem(None, None, message)]
    if len(document) > MAX_ROWS:
        return [], [_too_many_rows()]
    rows: list[RawRow] = []
    problems: list[Problem] = []
    for number, item in enumerate(document, start=1):
        if isinstance(item, dict):
            rows.append((number, item))
        else:
            problems.append(Problem(number, None, _("should be an object with the entry's fields")))
    return rows, problems


def _csv_rows(text: str) -> tuple[list[RawRow], list[Problem]]:
    records = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: list[RawRow] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    number = 0
    try:
        # Records are numbered as a spreadsheet numbers rows: a quoted line break stays in one.
        for number, record in enumerate(records, start=1):
            if header is None:
                header = [name.strip() for name in record]
                problems += _header_problems(header)
                if problems:
                    return [], problems
                continue
            if not any(cell.strip() for cell in record):
                continue  # a blank line between rows
            if len(rows) >= MAX_ROWS:
                return [], [_too_many_rows()]
            raw: dict[Any, Any] = dict(zip(header, record, strict=False))
            if any(cell.strip() for cell in record[len(header) :]):
                raw[None] = record[len(header) :]
            rows.append((number, raw))
    except csv.Error as error:
        message = _("could not be read as CSV: {reason}").format(reason=error)
        return rows, problems + [Problem(number + 1, None, message)]
    if header is None:
        return [], [Problem(None, None, _("The file holds no entries."))]
    return rows, problems


def _delimiter(text: str) -> str:
    # Swedish Excel separates with ';', most other programs with ','.
    first_line = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first_line.count)


def _header_problems(header: list[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for column, name in enumerate(header, start=1):
        if not name:
            message = _("column {column} of the header has no name").format(column=column)
            problems.append(Problem(1, None, message))
        elif name in seen:
            problems.append(Problem(1, name, _("is the name of two columns")))
        seen.add(name)
    return problems


def _too_many_rows() -> Problem:
    return Problem(None, None, _("holds more than {limit} entries").format(limit=MAX_ROWS))
