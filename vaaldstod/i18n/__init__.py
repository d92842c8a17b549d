"""Translation: gettext catalogs made with babel; Swedish by default, switchable live.

Source strings are English; `sv` is the master language handlers see. Call `_()` at the
moment a text is shown (not at import), so that a language switch reaches every screen.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path

DOMAIN = "vaaldstod"
CATALOG_DIR = Path(__file__).resolve().parent
DEFAULT_LANGUAGE = "sv"
LANGUAGES = {"sv": "Svenska", "en": "English"}

_current = DEFAULT_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()
_listeners: list[Callable[[str], None]] = []


def _load(language: str) -> gettext.NullTranslations:
    try:
        return gettext.translation(DOMAIN, CATALOG_DIR, languages=[language])
    except FileNotFoundError:
        po = CATALOG_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po.exists():
            return gettext.NullTranslations()
        # A source checkout without compiled catalogs still shows Swedish.
        import io

        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as handle:
            catalog = read_po(handle)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)


def set_language(language: str) -> None:
    """Switch every later `_()` to `language` and tell the listeners (open screens)."""
    global _current, _translations
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _current, _translations = language, _load(language)
    for listener in list(_listeners):
        listener(language)


def current_language() -> str:
    return _current


def on_language_change(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_language_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is shown."""
    return message


set_language(DEFAULT_LANGUAGE)
