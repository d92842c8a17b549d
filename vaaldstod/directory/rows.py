"""An office's own entry as plain values (a form, a CSV row, a JSON object) and back.

The office writes its entries in one language, so texts are plain strings here; to be
checked they are shaped as a pack entry and run through the pack rules
(`vaaldstod.packs.directory_entry`), so that a shelter's address is refused the same way.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from vaaldstod.csv_guard import guard, unguard
from vaaldstod.directory.categories import CATEGORIES, PROTECTED_CATEGORIES
from vaaldstod.directory.entry import Entry
from vaaldstod.i18n import _
from vaaldstod.packs.directory_entry import directory_entry_findings

TEXT, LIST, BOOL, DATE, INT = "text", "list", "bool", "date", "int"

# Every field of an office entry, in the order of the CSV columns.
FIELDS: dict[str, str] = {
    "id": TEXT,
    "organisation": TEXT,
    "category": TEXT,
    "area": TEXT,
    "county": TEXT,
    "municipalities": LIST,
    "phone": TEXT,
    "needs_office_input": BOOL,
    "web": TEXT,
    "languages": LIST,
    "protected": BOOL,
    "professionals_only": BOOL,
    "verified_on": DATE,
    "review_days": INT,
    "hours": TEXT,
    "contact": TEXT,
    "accessibility": TEXT,
    "notes": TEXT,
    "source": TEXT,
}
# Texts a pack gives per language; the office's are checked as if written in this one.
TRANSLATED = ("hours", "contact", "accessibility", "notes")
_TEXT_LANGUAGE = "sv"
MAX_TEXT = 2000

_TRUE = {"true", "yes", "ja", "1", "x"}
_FALSE = {"false", "no", "nej", "0"}
_LIST_SEPARATOR = re.compile(r"[,;]")

FieldProblem = tuple[str | None, str]


def parse_row(raw: Mapping[Any, Any], *, cells: bool) -> tuple[Entry | None, list[FieldProblem]]:
    """Check one entry; `cells` means every value is text, as in a CSV file.

    Returns the entry, or None and every problem found as (field, message), one per field.
    """
    problems: list[FieldProblem] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key is None:  # csv.DictReader's key for cells beyond the header
            problems.append((None, _("has more cells than the header has column names")))
            continue
        name = str(key).strip()
        if cells:
            value = _cell(value)
        if value is None or value == "" or value == []:
            continue  # left empty: the same as not given
        kind = FIELDS.get(name)
        if kind is None:
            values[name] = value  # the pack rules name it; an address column as such
            continue
        converted, message = _convert(kind, value, cells)
        if message:
            problems.append((name, message))
        else:
            values[name] = converted
    values.setdefault("phone", "")  # an empty phone is allowed: the office fills it in later
    values.setdefault("needs_office_input", False)
    values.setdefault("protected", False)
    values.setdefault("professionals_only", False)
    if values.get("category") in PROTECTED_CATEGORIES:
        values["protected"] = True  # a shelter keeps its address secret, whatever the row says
    problems += _rule_problems(values)
    if problems:
        return None, _one_per_field(problems)
    return _entry(values), []


def entry_values(entry: Entry) -> dict[str, Any]:
    """The entry as a JSON object: the inverse of `parse_row(..., cells=False)`."""
    values: dict[str, Any] = {}
    for name, kind in FIELDS.items():
        value = getattr(entry, name)
        if kind == LIST:
            value = list(value)
        elif kind == DATE:
            value = value.isoformat()
        if value not in ("", [], None):
            values[name] = value
    values.setdefault("needs_office_input", entry.needs_office_input)
    values.setdefault("protected", entry.protected)
    return values


def entry_cells(entry: Entry) -> dict[str, str]:
    """The entry as CSV cells: the inverse of `parse_row(..., cells=True)`."""
    cells = {}
    for name, value in entry_values(entry).items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, list):
            value = ", ".join(value)
        cells[name] = _guard_formula(str(value))
    return cells


def with_id(raw: Mapping[Any, Any], taken: set[str]) -> dict[Any, Any]:
    """`raw` with an id made from the organisation's name if it has none (a new entry)."""
    if str(raw.get("id") or "").strip():
        return dict(raw)
    organisation = raw.get("organisation")
    return {**raw, "id": make_id(organisation if isinstance(organisation, str) else "", taken)}


def make_id(organisation: str, taken: set[str]) -> str:
    """A readable id from the organisation's name, not yet in `taken`."""
    ascii_name = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "entry"
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    return ident


def _cell(value: Any) -> str:
    # Exports guard formula-like cells with a ' (csv_guard); it is taken off again here.
    return unguard("" if value is None else str(value).strip())


_guard_formula = guard  # = + - @ and a leading tab or CR (OWASP "CSV injection")


def _convert(kind: str, value: Any, cells: bool) -> tuple[Any, str]:
    """The value as the field's type, or an empty message-less failure explained in words."""
    if kind == TEXT:
        return (value, "") if isinstance(value, str) else (None, _("should be text in quotes"))
    if kind == LIST:
        if cells:
            return [part.strip() for part in _LIST_SEPARATOR.split(value) if part.strip()], ""
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return value, ""
        return None, _("should be a list of texts")
    if kind == BOOL:
        if isinstance(value, bool):
            return value, ""
        if cells and value.casefold() in _TRUE | _FALSE:
            return value.casefold() in _TRUE, ""
        return None, _("should be true or false")
    if kind == DATE:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return datetime.date.fromisoformat(value), ""
            except ValueError:
                pass
        return None, _("should be a date such as 2026-11-23")
    # INT
    if cells and isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value < 100_000:
        return value, ""
    return None, _("should be a whole number")


def _rule_problems(values: dict[str, Any]) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    shaped = {name: value for name, value in values.items() if name != "source"}
    for name in TRANSLATED:
        if name in shaped:
            shaped[name] = {_TEXT_LANGUAGE: shaped[name]}
    if "area" not in shaped:
        # Said once here; with an area the schema's county rules stay quiet instead of adding
        # "county is missing" to a row that does not say where it serves at all.
        problems.append(("area", _("is missing")))
        shaped["area"] = "national"
    for finding in directory_entry_findings(shaped, (_TEXT_LANGUAGE,), needs_sources=False):
        problems.append((str(finding.path[0]) if finding.path else None, finding.message))
    category = values.get("category")
    if isinstance(category, str) and category not in CATEGORIES:
        problems.append(
            (
                "category",
                _("'{value}' is not a known category (expected one of: {choices})").format(
                    value=category, choices=", ".join(CATEGORIES)
                ),
            )
        )
    if not values.get("source"):
        problems.append(
            (
                "source",
                _(
                    "is missing: say where the office checked this entry, for example a web "
                    "page and the date it was read"
                ),
            )
        )
    for name, value in values.items():
        if FIELDS.get(name) == TEXT and len(value) > MAX_TEXT:
            problems.append((name, _("is too long (at most {n} characters)").format(n=MAX_TEXT)))
    return problems


def _one_per_field(problems: list[FieldProblem]) -> list[FieldProblem]:
    """The first problem found for each field (safety first), in the order of the columns."""
    first: dict[str | None, str] = {}
    for field, message in problems:
        first.setdefault(field, message)
    order = list(FIELDS)
    return sorted(first.items(), key=lambda item: order.index(item[0]) if item[0] in order else -1)


def _entry(values: dict[str, Any]) -> Entry:
    known = {name: value for name, value in values.items() if name in FIELDS}
    for name, kind in FIELDS.items():
        if kind == LIST and name in known:
            known[name] = tuple(known[name])
    return Entry(**known, origin="office")
