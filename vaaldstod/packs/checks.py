"""What a JSON Schema cannot say about a pack: unique ids, references, safety rules.

`safety_findings` walks any shape of data and runs even when the schema fails, so that a
shelter's address is always named for what it is. `consistency_findings` assume content
that passed its schema.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from vaaldstod.i18n import _
from vaaldstod.packs.sensitive_text import ADDRESS_KEY, has_address, has_personal_data
from vaaldstod.packs.validation import Finding

# (collection, field) -> the collection whose ids the field must name.
REFERENCES = {
    ("items", "section"): "sections",
    ("items", "group"): "groups",
    ("questions", "scale"): "scales",
}


def safety_findings(kind: str, content: Mapping[str, Any]) -> list[Finding]:
    """Addresses in the directory and real-looking personal data in exercises."""
    if kind == "directory":
        return list(_directory_safety(content.get("entries")))
    if kind == "exercise":
        return list(_exercise_safety(content.get("exercises")))
    return []


def consistency_findings(
    kind: str, content: Mapping[str, Any], languages: Sequence[str]
) -> tuple[list[Finding], list[Finding]]:
    """Findings in the content, and findings about the manifest (sheets against `languages`)."""
    findings = list(_duplicate_ids(content, ()))
    findings += _broken_references(content)
    manifest_findings: list[Finding] = []
    if kind == "directory":
        findings += _unverified_phones(content["entries"])
    elif kind == "instrument":
        findings += _scoring_gaps(content)
    elif kind == "template":
        findings += _template_syntax(content["templates"])
    elif kind == "sheet":
        found, manifest_findings = _sheet_coverage(content["sheets"], languages)
        findings += found
    return findings, manifest_findings


def _records(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        yield from ((index, item) for index, item in enumerate(value) if isinstance(item, dict))


def _strings(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple, str]]:
    """Every text inside `value`, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _keys(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    """The path of every key of every table inside `value`."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _keys(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _keys(item, (*path, index))


def _directory_safety(entries: Any) -> Iterator[Finding]:
    for index, entry in _records(entries):
        path = ("entries", index)
        for key_path in _keys(entry, path):
            if ADDRESS_KEY.search(str(key_path[-1])):
                yield Finding(
                    key_path,
                    _(
                        "a directory has no address field: a shelter's or protected housing's "
                        "address must never be printed or stored; give contact through phone or web"
                    ),
                )
        if entry.get("protected") is not True:
            continue
        for text_path, text in _strings(entry, path):
            if has_address(text):
                yield Finding(
                    text_path,
                    _(
                        "looks like a street address in a protected entry: a shelter's address "
                        "must never be printed or stored; give contact through phone or web"
                    ),
                )


def _exercise_safety(exercises: Any) -> Iterator[Finding]:
    for index, exercise in _records(exercises):
        for text_path, text in _strings(exercise, ("exercises", index)):
            if "sources" in text_path:  # a quote may hold the number it is evidence for
                continue
            if has_personal_data(text):
                yield Finding(
                    text_path,
                    _(
                        "looks like a phone or personal identity number: exercise cases use only "
                        "obviously fictional details and no phone numbers"
                    ),
                )


def _duplicate_ids(value: Any, path: tuple[str | int, ...]) -> Iterator[Finding]:
    """Ids must be unique within each list of tables, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _duplicate_ids(item, (*path, key))
    elif isinstance(value, list):
        seen: set[str] = set()
        for index, item in _records(value):
            ident = item.get("id")
            if isinstance(ident, str):
                if ident in seen:
                    yield Finding(
                        (*path, index, "id"),
                        _(
                            "'{id}' is already the id of an earlier entry; ids must be unique"
                        ).format(id=ident),
                    )
                seen.add(ident)
            yield from _duplicate_ids(item, (*path, index))


def _broken_references(content: Mapping[str, Any]) -> Iterator[Finding]:
    for (collection, field), target in REFERENCES.items():
        known = {item["id"] for _index, item in _records(content.get(target))}
        for index, item in _records(content.get(collection)):
            if field in item and item[field] not in known:
                yield Finding(
                    (collection, index, field),
                    _("'{value}' is not the id of any of the pack's {target}").format(
                        value=item[field], target=target
                    ),
                )


def _unverified_phones(entries: list[dict[str, Any]]) -> Iterator[Finding]:
    for index, entry in enumerate(entries):
        if entry["phone"] == "" and not entry["needs_office_input"]:
            yield Finding(
                ("entries", index, "needs_office_input"),
                _("must be true when phone is empty: the office has to fill in a checked number"),
            )


def _scoring_gaps(content: Mapping[str, Any]) -> Iterator[Finding]:
    scoring = content.get("scoring")
    if scoring is None:
        return
    lowest: dict[str, int] = {}
    for index, scale in enumerate(content["scales"]):
        for option_index, option in enumerate(scale["options"]):
            if "points" not in option:
                yield Finding(
                    ("scales", index, "options", option_index, "points"),
                    _("is missing: the instrument is scored, so every answer needs points"),
                )
        lowest[scale["id"]] = min(option.get("points", 0) for option in scale["options"])
    bands = scoring["bands"]
    for index in range(1, len(bands)):
        if bands[index]["min"] <= bands[index - 1]["min"]:
            yield Finding(
                ("scoring", "bands", index, "min"),
                _("must be higher than the previous band's min ({previous})").format(
                    previous=bands[index - 1]["min"]
                ),
            )
    floor = sum(lowest.get(question["scale"], 0) for question in content["questions"])
    if bands[0]["min"] > floor:
        yield Finding(
            ("scoring", "bands", 0, "min"),
            _(
                "leaves totals from {floor} to {min} without a band; the lowest possible total is "
                "{floor}"
            ).format(floor=floor, min=bands[0]["min"] - 1),
        )


def _template_syntax(templates: list[dict[str, Any]]) -> Iterator[Finding]:
    environment = SandboxedEnvironment()
    for index, template in enumerate(templates):
        for language, body in template["body"].items():
            try:
                environment.parse(body)
            except TemplateSyntaxError as error:
                yield Finding(
                    ("templates", index, "body", language),
                    _("template error on line {line} of the text: {reason}").format(
                        line=error.lineno, reason=error.message
                    ),
                )


def _sheet_coverage(
    sheets: list[dict[str, Any]], languages: Sequence[str]
) -> tuple[list[Finding], list[Finding]]:
    """One sheet per manifest language, each with the same strings as the master sheet."""
    findings: list[Finding] = []
    by_language: dict[str, int] = {}
    for index, sheet in enumerate(sheets):
        language = sheet["language"]
        if language not in languages:
            findings.append(
                Finding(
                    ("sheets", index, "language"),
                    _("'{language}' is not listed in the manifest's languages").format(
                        language=language
                    ),
                )
            )
        elif language in by_language:
            findings.append(
                Finding(
                    ("sheets", index, "language"),
                    _("another file already holds the '{language}' sheet").format(
                        language=language
                    ),
                )
            )
        by_language.setdefault(language, index)
    manifest_findings = [
        Finding(("languages",), _("'{language}' has no sheet file").format(language=language))
        for language in languages
        if language not in by_language
    ]
    master = by_language.get(languages[0])
    if master is not None:
        for table in ("strings", "categories", "entries"):
            findings += _same_keys(sheets, master, table, languages[0])
    return findings, manifest_findings


def _same_keys(
    sheets: list[dict[str, Any]], master: int, table: str, master_language: str
) -> Iterator[Finding]:
    expected = sheets[master].get(table, {})
    for index, sheet in enumerate(sheets):
        texts = sheet.get(table, {})
        for key in expected:
            if key not in texts:
                yield Finding(
                    ("sheets", index, table, key),
                    _("is missing (the {master} sheet has it)").format(master=master_language),
                )
        for key in texts:
            if key not in expected:
                yield Finding(
                    ("sheets", index, table, key),
                    _("is not in the {master} sheet").format(master=master_language),
                )
