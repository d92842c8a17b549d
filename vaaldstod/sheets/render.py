"""Referral sheets as HTML for Qt's rich text: an A4 sheet, a wallet card and a poster.

Templates run in Jinja2's sandbox with autoescaping: entries and the office profile are
typed by people, and a sheet must show their text, never run it. Addresses are never
printed: entries have no address field, and the templates show only names, numbers,
hours and web addresses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, pass_context
from jinja2.sandbox import SandboxedEnvironment

from vaaldstod.directory.categories import category_label, category_rank
from vaaldstod.directory.entry import Entry
from vaaldstod.directory.office import OfficeProfile
from vaaldstod.i18n import _
from vaaldstod.sheets.texts import SheetLanguage

TEMPLATES = Path(__file__).resolve().parent / "templates"
ARABIC_FONT = "Noto Sans Arabic"
LOGO_URL = "office-logo"  # the printing layer supplies the picture under this name
CARD_MAX_NUMBERS = 10
POSTER_MAX_LINES = 6

# A wallet card may be found by the person who harms the client (shared/CONTENT.md, Safety):
# none of these may stand on it, in any language. Matched case-insensitively inside words.
DISCREET_WORDS = (
    "våld",  # våld, våldet, våldsutsatt
    "misshandel",
    "övergrepp",
    "kvinnojour",
    "violen",  # violence, violent
    "abuse",
    "assault",
    "shelter",
    "عنف",  # Arabic: violence
    "إساءة",  # Arabic: abuse
    "اعتداء",  # Arabic: assault
    "خشونت",  # Persian: violence
    "آزار",  # Persian: abuse, harassment
    "rabshad",  # Somali: violence
    "xadgudub",  # Somali: abuse
    "ዓመጽ",  # Tigrinya: violence
)


@dataclass(frozen=True)
class SheetFormat:
    """A printed format: its page in millimetres and the margin on every side."""

    code: str
    width_mm: float
    height_mm: float
    margin_mm: float
    needs: tuple[str, ...]  # the sheet texts it prints


FORMATS: dict[str, SheetFormat] = {
    "a4": SheetFormat(
        "a4",
        210,
        297,
        16,
        (
            "a4_title",
            "a4_intro",
            "emergency_line",
            "column_organisation",
            "column_phone",
            "column_hours",
            "column_web",
            "office_heading",
            "local_numbers_heading",
            "footer_note",
        ),
    ),
    # ISO/IEC 7810 ID-1, the size of a bank card.
    "card": SheetFormat("card", 85.6, 53.98, 4, ("card_title", "card_note")),
    "poster": SheetFormat(
        "poster",
        210,
        297,
        15,
        ("poster_title", "poster_intro", "emergency_line", "local_numbers_heading"),
    ),
}


class SheetError(Exception):
    """A sheet could not be made: texts missing for a language, or a card that is not discreet."""


@dataclass(frozen=True)
class RenderedSheet:
    """A sheet ready to print: its HTML, its page format, direction and logo file."""

    html: str
    format: SheetFormat
    language: str
    direction: str
    logo: Path | None
    left_out: tuple[str, ...] = ()  # what did not fit (a card has room for a few numbers)


def for_clients(entries: Sequence[Entry]) -> list[Entry]:
    """The entries a client may be given: consultation lines for caseworkers are left out, and
    so is every entry from an unsigned pack or with a changed number nobody confirmed."""
    return [
        entry
        for entry in entries
        if not entry.professionals_only and not entry.unsigned and not entry.number_changed_from
    ]


def render_sheet(
    format_code: str, sheet: SheetLanguage, entries: Sequence[Entry], office: OfficeProfile
) -> RenderedSheet:
    """The sheet in `sheet`'s language with `entries` (in the order given) and the office."""
    entries = for_clients(entries)  # whatever the caller picked: a sheet is for the client
    fmt = FORMATS[format_code]
    missing = [key for key in fmt.needs if not sheet.strings.get(key, "").strip()]
    if missing:
        raise SheetError(
            _("The {language} sheet texts lack: {keys}").format(
                language=sheet.name, keys=", ".join(missing)
            )
        )
    logo = office.logo_path if format_code != "card" else None
    context = {
        "t": sheet.strings,
        "lang": sheet.code,
        "rtl": sheet.direction == "rtl",
        "font": ARABIC_FONT if sheet.direction == "rtl" else "",
        "office": office,
        "logo": LOGO_URL if logo else "",
    }
    left_out: list[str] = []
    if format_code == "a4":
        context["groups"] = _groups(entries, sheet)
    elif format_code == "card":
        numbers = _numbers(entries, office)
        context["numbers"] = numbers[:CARD_MAX_NUMBERS]
        left_out = [label for label, _phone in numbers[CARD_MAX_NUMBERS:]]
    else:
        national = [e for e in entries if e.area == "national" and e.phone]
        context["lines"] = national[:POSTER_MAX_LINES]
        left_out = [e.organisation for e in national[POSTER_MAX_LINES:]]
    try:
        text = _environment().get_template(f"{format_code}.html.j2").render(context)
    except TemplateError as error:
        raise SheetError(_("The sheet could not be made: {reason}").format(reason=error)) from None
    if format_code == "card":
        _refuse_revealing_words(text, sheet)
    return RenderedSheet(text, fmt, sheet.code, sheet.direction, logo, tuple(left_out))


def visible_text(markup: str) -> str:
    """The text a reader sees in sheet HTML: tags and the style block taken out."""
    without_style = re.sub(r"<style.*?</style>", " ", markup, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", without_style))


def web_label(url: str) -> str:
    """A web address as printed: without https:// and www., and without a trailing slash."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


@cache
def _environment() -> SandboxedEnvironment:
    environment = SandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["web"] = web_label
    environment.filters["iso"] = _left_to_right
    environment.filters["reading_order"] = _reading_order
    return environment


@pass_context
def _reading_order(context, cells: list) -> list:
    """Table cells from the start of a line: Qt's rich text never mirrors a table's columns."""
    return list(reversed(cells)) if context["rtl"] else list(cells)


@pass_context
def _left_to_right(context, text: str) -> str:
    """On a right-to-left sheet, keep Latin text and phone numbers in their own order.

    Without it the bidi algorithm reorders the groups of "020-50 50 50" to "50 50 020-50"
    and moves "Polisen – 114 14" around its dash: wrap it in LEFT-TO-RIGHT EMBEDDING.
    """
    return f"\u202a{text}\u202c" if context["rtl"] and text else text


def _groups(entries: Sequence[Entry], sheet: SheetLanguage) -> list[tuple[str, list[Entry]]]:
    """Entries under their category's heading in the sheet's language, urgent help first."""
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.phone or entry.web:
            grouped.setdefault(entry.category, []).append(entry)
    return [
        (sheet.categories.get(code) or category_label(code), grouped[code])
        for code in sorted(grouped, key=category_rank)
    ]


def _numbers(entries: Sequence[Entry], office: OfficeProfile) -> list[tuple[str, str]]:
    """(whose, number) for every distinct number, the office's local numbers first."""
    found: dict[str, tuple[str, str]] = {}
    pairs = [(n.label, n.phone) for n in office.local_numbers]
    pairs += [(e.organisation, e.phone) for e in entries if e.phone]
    for label, phone in pairs:
        found.setdefault(re.sub(r"\D", "", phone), (label, phone))
    return list(found.values())


def _refuse_revealing_words(markup: str, sheet: SheetLanguage) -> None:
    text = visible_text(markup).casefold()
    revealing = [word for word in DISCREET_WORDS if word in text]
    if revealing:
        raise SheetError(
            _(
                "The wallet card in {language} would show a word that reveals what it is for "
                "({words}); change the card texts of that language"
            ).format(language=sheet.name, words=", ".join(revealing))
        )
