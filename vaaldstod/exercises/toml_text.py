"""Write the small subset of TOML a pack needs: tables, arrays of tables, texts, numbers, dates.

`tomllib` reads TOML but cannot write it, and the project takes no dependency for this.
Translated texts (`title = {sv = …}`) become dotted keys (`title.sv = …`) and lists of
them become arrays of inline tables, which is how the shipped packs are written too.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")


def dumps(document: Mapping[str, Any]) -> str:
    """TOML text for `document`; `tomllib.loads` of the result gives `document` back."""
    lines: list[str] = []
    _table((), document, lines)
    return "\n".join(lines).strip() + "\n"


def _table(path: tuple[str, ...], table: Mapping[str, Any], lines: list[str]) -> None:
    arrays = {key: value for key, value in table.items() if _is_table_array(value)}
    for key, value in table.items():
        if key in arrays:
            continue
        if isinstance(value, Mapping):
            # A translated text: one dotted key per language.
            for sub_key, sub_value in value.items():
                lines.append(f"{_key(key)}.{_key(sub_key)} = {_value(sub_value, multiline=True)}")
        else:
            lines.append(f"{_key(key)} = {_value(value, multiline=True)}")
    for key, elements in arrays.items():
        header = ".".join(_key(part) for part in (*path, key))
        for element in elements:
            lines += ["", f"[[{header}]]"]
            _table((*path, key), element, lines)


def _is_table_array(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(element, Mapping) for element in value)
        and any(_has_nested(element) for element in value)
    )


def _has_nested(table: Mapping[str, Any]) -> bool:
    """A table that cannot stand inline on one line: it holds tables or long texts."""
    return any(isinstance(value, (Mapping, list)) or "\n" in str(value) for value in table.values())


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any, multiline: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return _string(value, multiline)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + "".join(f"  {_value(element)},\n" for element in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _string(text: str, multiline: bool) -> str:
    # JSON's escapes (\" \\ \n \t \uXXXX) are all valid in TOML basic strings; DEL is not
    # escaped by JSON but must be in TOML.
    quoted = json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
    if not multiline or "\n" not in text:
        return quoted
    # A multi-line basic string reads better in the file: turn only the \n escapes back
    # into line breaks, leaving every other escape as it is.
    body = _ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(0), quoted[1:-1])
    return '"""\n' + body + '"""'
