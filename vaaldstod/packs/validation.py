"""JSON Schema validation of a pack's manifest and content, with findings in plain words.

The schemas live as data in `schemas/*.json`. Three keywords of our own extend Draft 2020-12:
`translated` (one text per manifest language), `tomlDate` (a TOML date; JSON has none) and
`x-form` (a name for a `pattern`, so a message can say what is expected).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from vaaldstod.i18n import N_, _

KINDS = ("guide", "checklist", "template", "instrument", "exercise", "directory", "sheet")

_BASE_KEYWORDS = Draft202012Validator.VALIDATORS
# Markdown bodies are shown as rich text: raw HTML and images could load or run things.
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!]")
_IMAGE = re.compile(r"!\[")
_NON_HTTPS_LINK = re.compile(r"\]\(\s*(?!https://)|\bhttp://", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """A problem at a path in the (merged) document, before it is placed in a file and line."""

    path: tuple[str | int, ...]
    message: str


@cache
def _schema_registry() -> tuple[dict[str, Any], Registry]:
    """All schemas by file stem, and a registry that resolves their `$ref`s to each other."""
    folder = resources.files("vaaldstod.packs") / "schemas"
    schemas = {
        entry.name.removesuffix(".json"): json.loads(entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    }
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return schemas, registry


def schema_for(name: str) -> dict[str, Any]:
    """The schema named `name`: "manifest", "common" or one of KINDS."""
    return _schema_registry()[0][name]


def validate(instance: Any, schema_name: str, languages: Sequence[str]) -> list[Finding]:
    """Validate `instance` against a schema; `languages` are the texts every translation needs."""
    schemas, registry = _schema_registry()
    validator = _validator_class(tuple(languages))(schemas[schema_name], registry=registry)
    return [
        Finding(tuple(error.absolute_path), _describe(error))
        for error in validator.iter_errors(instance)
    ]


@cache
def _validator_class(languages: tuple[str, ...]) -> type[Draft202012Validator]:
    return validators.extend(
        Draft202012Validator,
        # TOML tells 1 from 1.0; JSON Schema would take 1.0 as an integer.
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
            "integer",
            lambda _checker, value: isinstance(value, int) and not isinstance(value, bool),
        ),
        validators={
            "required": _required,
            "additionalProperties": _additional_properties,
            "translated": _translated_for(languages),
            "tomlDate": _toml_date,
        },
    )


def _required(validator, required, instance, schema) -> Iterator[ValidationError]:
    # One error per missing field, pointing at the field so the message can name it.
    if not validator.is_type(instance, "object"):
        return
    for name in required:
        if name not in instance:
            yield ValidationError(_("is missing"), path=[name])


def _additional_properties(validator, allowed, instance, schema) -> Iterator[ValidationError]:
    if allowed is not False:
        yield from _BASE_KEYWORDS["additionalProperties"](validator, allowed, instance, schema)
        return
    if not validator.is_type(instance, "object"):
        return
    known = set(schema.get("properties", {}))
    patterns = [re.compile(pattern) for pattern in schema.get("patternProperties", {})]
    for name in instance:
        if name not in known and not any(pattern.search(name) for pattern in patterns):
            message = _("is not a field here (expected one of: {fields})").format(
                fields=", ".join(sorted(known))
            )
            yield ValidationError(message, path=[name])


def _translated_for(languages: tuple[str, ...]):
    def translated(validator, kind, instance, schema) -> Iterator[ValidationError]:
        if not validator.is_type(instance, "object"):
            return
        for language in languages:
            if language not in instance:
                message = _(
                    "is missing: every text is given in each of the pack's languages ({languages})"
                ).format(languages=", ".join(languages))
                yield ValidationError(message, path=[language])
        for language, text in instance.items():
            if language not in languages:
                message = _("is not one of the pack's languages ({languages})").format(
                    languages=", ".join(languages)
                )
                yield ValidationError(message, path=[language])
            elif not isinstance(text, str):
                yield ValidationError(_("should be text in quotes"), path=[language])
            elif kind == "markdown":
                yield from (
                    ValidationError(message, path=[language])
                    for message in _markdown_problems(text)
                )

    return translated


def _markdown_problems(text: str) -> Iterator[str]:
    if _HTML.search(text):
        yield _("contains HTML; write Markdown only (HTML is not shown)")
    if _IMAGE.search(text):
        yield _("contains an image; texts may not show images")
    if _NON_HTTPS_LINK.search(text):
        yield _("contains a link that is not an https:// web address")


def _toml_date(validator, enabled, instance, schema) -> Iterator[ValidationError]:
    is_date = isinstance(instance, datetime.date) and not isinstance(instance, datetime.datetime)
    if enabled and not is_date:
        yield ValidationError(_("should be a date such as 2027-06-30, written without quotes"))


_TYPE_WORDS = {
    "string": N_("text in quotes"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a table"),
}


def _describe(error: ValidationError) -> str:
    """Say in plain words what is wrong; our own keywords already did."""
    keyword, expected = error.validator, error.validator_value
    if keyword in ("required", "additionalProperties", "translated", "tomlDate"):
        return error.message
    if keyword == "type":
        return _("should be {expected}").format(expected=_(_TYPE_WORDS.get(expected, expected)))
    if keyword == "enum":
        return _("should be one of: {choices}").format(choices=", ".join(map(str, expected)))
    if keyword == "const":
        return _("should be {value}").format(value=expected)
    if keyword == "pattern":
        return _("'{value}': {rule}").format(
            value=error.instance, rule=_form_message(error.schema.get("x-form"))
        )
    if keyword in ("minItems", "minProperties"):
        return (
            _("must not be empty") if expected == 1 else _("needs at least {n}").format(n=expected)
        )
    if keyword == "minLength":
        return _("must not be empty")
    if keyword == "maxLength":
        return _("is too long (at most {n} characters)").format(n=expected)
    if keyword == "uniqueItems":
        return _("lists the same value twice")
    if keyword == "minimum":
        return _("must be at least {n}").format(n=expected)
    return error.message


def _form_message(form: str | None) -> str:
    forms = {
        "id": _(
            "use only lower-case letters a-z, digits, '.', '_' and '-', starting with a "
            "letter or digit"
        ),
        "https": _("should be a web address starting with https://"),
        "url": _("should be a web address starting with https:// or http://"),
        "language": _("should be a language code such as sv, en or sv-easy"),
        "version": _("should be a version such as 1.0.0"),
        "doc": _("should be the file name of a source report, such as 000_0fbe2ae24c2d7d0a.txt"),
        "category": _("use only lower-case letters a-z, digits and '_'"),
        "phone": _("should be a phone number of digits, spaces and '-' (or \"\" when unknown)"),
        "string-key": _("use only lower-case letters a-z, digits and '_'"),
    }
    return forms.get(form or "", _("is not in the expected form"))
