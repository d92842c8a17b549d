"""Every visible string has a Swedish translation with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from vaaldstod import i18n

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _source_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT / "vaaldstod", method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _catalog(language: str):
    path = ROOT / "vaaldstod" / "i18n" / language / "LC_MESSAGES" / "vaaldstod.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def test_every_source_string_has_a_swedish_translation():
    catalog = _catalog("sv")
    missing = []
    for message in sorted(_source_messages()):
        entry = catalog.get(message)
        strings = (
            []
            if entry is None
            else ([entry.string] if isinstance(entry.string, str) else list(entry.string))
        )
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(message)
    assert not missing, (
        "Swedish translation missing (run `make i18n` and translate):\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_translations_keep_their_placeholders(language):
    for entry in _catalog(language):
        if not entry.id or not entry.string:
            continue
        ids = [entry.id] if isinstance(entry.id, str) else list(entry.id)
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if text:
                assert set(PLACEHOLDER.findall(text)) == expected, (entry.id, text)


def test_language_switch_reaches_listeners_and_texts():
    seen = []
    i18n.on_language_change(seen.append)
    try:
        i18n.set_language("en")
        assert i18n._("Quick exit") == "Quick exit"
        i18n.set_language("sv")
        assert i18n._("Quick exit") == "Stäng snabbt"
        assert seen[-2:] == ["en", "sv"]
    finally:
        i18n._listeners.remove(seen.append)
