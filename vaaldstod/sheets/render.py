"""Referral sheets as HTML for Qt's rich text: an A4 sheet, a wallet card and a poster.

Templates run in Jinja2's sandbox with autoescaping: entries and the office profile are
typed by people, and a sheet must show their text, never run it. Addresses are never
printed: entries have no address field, and the templates show only names, numbers,
hours and web addresses.
"""

from __future__ import annotations

import html
import math
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
from vaaldstod.sheets.hours import HOURS_KEYS, languages_text, opening_text
from vaaldstod.sheets.selection import distinct, on_paper
from vaaldstod.sheets.texts import SheetLanguage

TEMPLATES = Path(__file__).resolve().parent / "templates"
# The bundled fonts (resources/fonts, registered by the printing layer): a sheet names them
# so that it prints the same whatever fonts the computer has.
LATIN_FONT = "Vaaldstod Sheet Sans"  # Noto Sans under a name of its own (tools/rename_font.py)
SCRIPT_FONTS = {"ar": "Noto Sans Arabic", "fa": "Noto Sans Arabic", "ti": "Noto Sans Ethiopic"}
LOGO_URL = "office-logo"  # the printing layer supplies the picture under this name
CARD_MAX_NUMBERS = 5
POSTER_MAX_LINES = 7
# The poster chooses how many lines it shows from an estimate of the room its texts take, in
# millimetres at the poster's sizes (30 pt title, 15 pt introduction, 13 pt descriptions
# beside 36 pt numbers), checked against the laid-out pages of every shipped language.
POSTER_PAGE_MM = 297 - 2 * 14 - 8  # the page less its margins and a safety margin
POSTER_TITLE = (31, 15)  # characters per line, millimetres per line
POSTER_INTRO = (62, 7.5)
POSTER_BOX_MM = 24  # the red box: one line of 22 pt and its padding
POSTER_DESCRIPTION = (34, 6.5)
POSTER_ROW_MM = 12  # a line's name, padding and rule (a number alone is 19 mm)
POSTER_NUMBER_MM = 19
POSTER_LOGO_MM = 30
POSTER_HEADING_MM = 13
POSTER_OFFICE_MM = 9  # per line of the office's name, hours and footer
POSTER_PADDING = 9  # px around a line's texts, at least
PX_PER_MM = 96 / 25.4  # Qt's rich text counts px at 96 per inch, on paper too
# Never on a client's wallet card: a line for people who use violence (shared/CONTENT.md).
NOT_ON_A_CARD = frozenset({"support_for_perpetrators"})
# The poster's red box already says "call 112".
NOT_ON_A_POSTER = frozenset({"emergency"})

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
    "ግፍዒ",  # Tigrinya: violence, abuse
)


@dataclass(frozen=True)
class SheetFormat:
    """A printed format: its page in millimetres, the margin on every side, its texts.

    A format with `card_mm` prints cards of that size, as many as fit, on its page.
    """

    code: str
    width_mm: float
    height_mm: float
    margin_mm: float
    needs: tuple[str, ...]  # the sheet texts it prints
    card_mm: tuple[float, float] | None = None


FORMATS: dict[str, SheetFormat] = {
    "a4": SheetFormat(
        "a4",
        210,
        297,
        10,
        (
            "a4_title",
            "a4_intro",
            "emergency_line",
            "column_organisation",
            "column_phone",
            "office_heading",
            "contact_name",
            "contact_phone",
            "local_numbers_heading",
            "footer_note",
            *HOURS_KEYS,
        ),
    ),
    # An A4 page of cards the size of a bank card (ISO/IEC 7810 ID-1), with crop marks; each
    # card has a margin of its own of 4 mm.
    "card": SheetFormat("card", 210, 297, 4, ("card_title", "card_note"), (85.6, 53.98)),
    "poster": SheetFormat(
        "poster",
        210,
        297,
        14,
        ("poster_title", "poster_intro", "emergency_line", "local_numbers_heading"),
    ),
}


class SheetError(Exception):
    """A sheet could not be made: texts missing for a language, or a card that is not discreet."""


@dataclass(frozen=True)
class RenderedSheet:
    """A sheet ready to print: its HTML, its page format, direction and logo file.

    For a card format the HTML is one card, which the printing layer repeats on the page.
    """

    html: str
    format: SheetFormat
    language: str
    direction: str
    logo: Path | None
    # Chosen entries a card does not show: it holds a few numbers with a neutral label only.
    left_out: tuple[str, ...] = ()
    font: str = LATIN_FONT  # the bundled font for the sheet's own script


@dataclass(frozen=True)
class Line:
    """One service as printed: every text already in the sheet's language where it can be."""

    name: str
    description: str
    languages: str
    phone: str
    hours: str
    web: str


def render_sheet(
    format_code: str, sheet: SheetLanguage, entries: Sequence[Entry], office: OfficeProfile
) -> RenderedSheet:
    """The sheet in `sheet`'s language with `entries` (in the order given) and the office."""
    entries = on_paper(entries)  # whatever the caller picked: a sheet is for the client
    fmt = FORMATS[format_code]
    missing = [key for key in fmt.needs if not sheet.strings.get(key, "").strip()]
    if missing:
        raise SheetError(
            _("The {language} sheet texts lack: {keys}").format(
                language=sheet.name, keys=", ".join(missing)
            )
        )
    logo = office.logo_path if format_code != "card" else None
    script_font = SCRIPT_FONTS.get(sheet.locale, LATIN_FONT)
    context = {
        "t": sheet.strings,
        "lang": sheet.code,
        "rtl": sheet.direction == "rtl",
        "font": script_font,
        "latin_font": LATIN_FONT,
        "office": office,
        "logo": LOGO_URL if logo else "",
    }
    left_out: list[str] = []
    if format_code == "a4":
        context["groups"] = _groups(distinct(entries), sheet)
    elif format_code == "card":
        numbers = card_numbers(entries, office, sheet)[:CARD_MAX_NUMBERS]
        context["numbers"] = numbers
        printed = {re.sub(r"\D", "", phone) for _label, phone in numbers}
        left_out = [
            e.organisation for e in entries if e.phone and re.sub(r"\D", "", e.phone) not in printed
        ]
    else:
        shown = [e for e in distinct(entries) if e.phone and e.category not in NOT_ON_A_POSTER]
        # The poster shows the first lines in the sheet's order (urgent help first) that
        # leave room for the office's own numbers, at a size read from across a room.
        candidates = [line(e, sheet) for e in shown]
        context["lines"], room = poster_lines(candidates, sheet, office, bool(logo))
        # What room is left spreads over the rows, so the poster fills its page.
        rows = len(context["lines"]) + len(office.local_numbers)
        spare = room / rows / 4 * PX_PER_MM if rows else 0  # half of it, as padding on 2 sides
        context["padding"] = POSTER_PADDING + min(int(spare), 3 * POSTER_PADDING)
    try:
        text = _environment().get_template(f"{format_code}.html.j2").render(context)
    except TemplateError as error:
        raise SheetError(_("The sheet could not be made: {reason}").format(reason=error)) from None
    if format_code == "card":
        _refuse_revealing_words(text, sheet)
    return RenderedSheet(text, fmt, sheet.code, sheet.direction, logo, tuple(left_out), script_font)


def poster_lines(
    lines: Sequence[Line], sheet: SheetLanguage, office: OfficeProfile, has_logo: bool
) -> tuple[list[Line], float]:
    """The first of `lines` (urgent help first) that fit on the poster with what the office
    adds, so that nothing runs onto a second page and nothing is cut; and the room left (mm)."""
    room = POSTER_PAGE_MM - POSTER_BOX_MM - POSTER_LOGO_MM * has_logo
    room -= _text_mm(sheet.strings["poster_title"], POSTER_TITLE)
    room -= _text_mm(sheet.strings["poster_intro"], POSTER_INTRO)
    if office.local_numbers:
        room -= POSTER_HEADING_MM + POSTER_NUMBER_MM * len(office.local_numbers)
    office_lines = (office.name, office.opening_hours, office.footer)
    room -= POSTER_OFFICE_MM * sum(1 for text in office_lines if text)
    chosen: list[Line] = []
    for candidate in lines[:POSTER_MAX_LINES]:
        height = max(
            POSTER_NUMBER_MM,
            POSTER_ROW_MM + _text_mm(candidate.description, POSTER_DESCRIPTION),
        )
        if height > room:
            break
        room -= height
        chosen.append(candidate)
    return chosen, room


def _text_mm(text: str, size: tuple[int, float]) -> float:
    per_line, line_mm = size
    # A Ge'ez character is a whole syllable, about 1.7 Latin letters wide.
    width = sum(1.7 if "\u1200" <= char <= "\u139f" else 1 for char in text)
    return math.ceil(width / per_line) * line_mm if text else 0


def line(entry: Entry, sheet: SheetLanguage) -> Line:
    """The entry as one printed line in the sheet's language.

    With a description in the sheet's language the name is cut before its first dash
    ("Polisen – 114 14" → "Polisen"): what follows is Swedish and the description says it.
    """
    texts = sheet.entries.get(entry.id, {})
    description = texts.get("description", "")
    name = entry.organisation.split(" – ")[0].strip() if description else entry.organisation
    return Line(
        name=name,
        description=description,
        languages=languages_text(entry, sheet),
        phone=entry.phone,
        hours=opening_text(entry, sheet),
        web=web_label(entry.web) if entry.web else "",
    )


def card_numbers(
    entries: Sequence[Entry], office: OfficeProfile, sheet: SheetLanguage
) -> list[tuple[str, str]]:
    """(label, number) for a wallet card: the office's numbers, then lines with a neutral label.

    Only entries whose sheet texts give a card label go on a card (the label never says what
    the line is about), and never a line for people who use violence.
    """
    found: dict[str, tuple[str, str]] = {}
    pairs = [(n.label, n.phone) for n in office.local_numbers]
    pairs += [
        (sheet.entries[e.id]["card"], e.phone)
        for e in entries
        if e.phone and e.category not in NOT_ON_A_CARD and sheet.entries.get(e.id, {}).get("card")
    ]
    for label, phone in pairs:
        found.setdefault(re.sub(r"\D", "", phone), (label, phone))
    return list(found.values())


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


def _groups(entries: Sequence[Entry], sheet: SheetLanguage) -> list[tuple[str, list[Line]]]:
    """Lines under their category's heading in the sheet's language, urgent help first."""
    grouped: dict[str, list[Line]] = {}
    for entry in entries:
        if entry.phone or entry.web:
            grouped.setdefault(entry.category, []).append(line(entry, sheet))
    return [
        (sheet.categories.get(code) or category_label(code), grouped[code])
        for code in sorted(grouped, key=category_rank)
    ]


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
