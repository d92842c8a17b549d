"""Find the line of a field in TOML text: `tomllib` parses but keeps no positions.

The scanner walks the text once, resolving every table header (`[[items]]`,
`[[items.sources]]`, `[title]`) to the concrete path it opens in the parsed document
(`("items", 3, "sources", 0)`) and recording the line of every key below it. It expects text
that `tomllib` has already accepted.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

Path = tuple[str | int, ...]

_BARE_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def key_lines(text: str) -> dict[Path, int]:
    """Map each table header and key path in `text` to the 1-based line where it first appears."""
    found: dict[Path, int] = {}
    array_lengths: dict[Path, int] = {}
    table: Path = ()
    scanner = _ValueScanner()
    for number, raw in enumerate(text.splitlines(), start=1):
        if scanner.open:
            scanner.feed(raw)
            continue
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            table = _open_table(line, array_lengths)
            _record(found, table, number)
            continue
        key_text, value = _split_assignment(line)
        _record(found, table + tuple(_split_key(key_text)), number)
        scanner.feed(value)
    return found


def line_of(lines: dict[Path, int], path: Sequence[str | int]) -> int:
    """The line of `path`, or of its nearest recorded ancestor (line 1 for the whole file)."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


def _record(found: dict[Path, int], path: Path, number: int) -> None:
    # A dotted key (`title.sv = …`) also places its parents (`title`) on this line.
    for end in range(1, len(path) + 1):
        found.setdefault(path[:end], number)


def _open_table(line: str, array_lengths: dict[Path, int]) -> Path:
    """Resolve a `[a.b]` or `[[a.b]]` header to the concrete path it opens."""
    is_array = line.startswith("[[")
    inner = line[2:] if is_array else line[1:]
    end = _closing_bracket(inner)
    keys = _split_key(inner[:end])
    path: Path = ()
    for key in keys[:-1]:
        path += (key,)
        # `[[items.sources]]` belongs to the latest `[[items]]` element.
        if path in array_lengths:
            path += (array_lengths[path] - 1,)
    path += (keys[-1],)
    if is_array:
        index = array_lengths.get(path, 0)
        array_lengths[path] = index + 1
        path += (index,)
    return path


def _closing_bracket(text: str) -> int:
    """Index of the `]` that ends a header's key, skipping brackets inside quoted keys."""
    quote = ""
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "]":
            return index
    return len(text)


def _split_assignment(line: str) -> tuple[str, str]:
    """Split `key = value` at the first `=` outside a quoted key."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "=":
            return line[:index], line[index + 1 :]
    return line, ""


def _split_key(text: str) -> list[str]:
    """Split a dotted TOML key into its parts, unquoting quoted parts."""
    parts: list[str] = []
    rest = text.strip()
    while rest:
        if rest[0] in "\"'":
            end = _quoted_end(rest)
            # Let tomllib decode escapes in a quoted key exactly as it did when parsing.
            parts.append(tomllib.loads(f"k = {rest[: end + 1]}")["k"])
            rest = rest[end + 1 :].strip()
        else:
            end = 0
            while end < len(rest) and rest[end] in _BARE_KEY_CHARS:
                end += 1
            parts.append(rest[:end])
            rest = rest[end:].strip()
        rest = rest[1:].strip() if rest.startswith(".") else ""
    return parts


def _quoted_end(text: str) -> int:
    """Index of the quote that closes the quoted string starting at `text[0]`."""
    quote = text[0]
    index = 1
    while index < len(text):
        if quote == '"' and text[index] == "\\":
            index += 2
            continue
        if text[index] == quote:
            return index
        index += 1
    return len(text) - 1


class _ValueScanner:
    """Follows a value across lines: multi-line strings and arrays or inline tables."""

    def __init__(self) -> None:
        self.multiline_quote = ""  # '"""' or "'''" while inside a multi-line string
        self.depth = 0  # open [ and { brackets

    @property
    def open(self) -> bool:
        return bool(self.multiline_quote) or self.depth > 0

    def feed(self, text: str) -> None:
        index = 0
        while index < len(text):
            if self.multiline_quote:
                if text.startswith("\\", index) and self.multiline_quote == '"""':
                    index += 2
                    continue
                if text.startswith(self.multiline_quote, index):
                    # A closing delimiter may carry up to two extra quotes (`""""`).
                    index += 3
                    while index < len(text) and text[index] == self.multiline_quote[0]:
                        index += 1
                    self.multiline_quote = ""
                    continue
                index += 1
                continue
            char = text[index]
            if text.startswith('"""', index) or text.startswith("'''", index):
                self.multiline_quote = text[index : index + 3]
                index += 3
            elif char in "\"'":
                index += _quoted_end(text[index:]) + 1
            elif char == "#":
                return
            else:
                if char in "[{":
                    self.depth += 1
                elif char in "]}":
                    self.depth -= 1
                index += 1
