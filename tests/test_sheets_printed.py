"""Referral sheets as a client gets them from the CLI with no office profile, read back from the
PDF: every text in the sheet's language, labelled wallet cards on an A4 page, readable sizes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

# Noto Sans draws a word box 1.362 times its font size tall (ascender plus descender).
NOTO_BOX = 1.362
MM_TO_PT = 72 / 25.4
# Texts the Swedish and English directory packs have for the printed entries: none may stand
# on a sheet in another language.
SWEDISH_OR_ENGLISH = (
    "Dygnet runt",
    "Around the clock",
    "alla dagar",
    "every day",
    "Vanligtvis",
    "Usually",
    "jourtelefon",
    "stödlinje",
    "sjukvårdsrådgivning",
    "kundservice",
    "nödnumret",
    "Barnens rätt",
    "helpline",
    "Ring ",
    "Call ",
)
LANGUAGE_LINE = {"ar": "لغات الرد", "fa": "زبان‌های پاسخ‌گویی", "so": "Luqadaha lagaga jawaabo"}
INTERPRETER = {"ar": "مترجم", "fa": "مترجم", "so": "Turjubaan"}
CARD_TITLE = {"sv": "Bra att ha", "ar": "أرقام مفيدة"}


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} (poppler-utils) is needed to read the sheets back")
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    """A4 sheets, cards and posters from the CLI, no office profile, Kronoberg."""
    out = tmp_path_factory.mktemp("sheets")
    env = dict(os.environ, VAALDSTOD_HOME=str(out / "home"), QT_QPA_PLATFORM="offscreen")
    for fmt in ("a4", "card", "poster"):
        done = subprocess.run(
            [sys.executable, "-m", "vaaldstod", "referral-sheet", "--format", fmt]
            + ["--lang", "sv,en,ar,fa,so,ti", "--area", "Kronoberg", "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        assert done.returncode == 0, done.stderr
    return out


def text_of(pdf: Path, *options: str) -> str:
    """The PDF's text; Arabic presentation forms and direction marks made plain letters."""
    text = subprocess.run(
        [tool("pdftotext"), *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return plain(text)


def plain(text: str) -> str:
    return re.sub("[\u200c\u202a-\u202e]", "", unicodedata.normalize("NFKC", text))


def words(pdf: Path) -> list[tuple[str, float]]:
    """(word, font size in pt) for every word, the size from its box (Noto Sans)."""
    found = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
        text_of(pdf, "-bbox"),
    )
    return [(word, (float(y1) - float(y0)) / NOTO_BOX) for y0, y1, word in found]


def pages(pdf: Path) -> int:
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("language", ["ar", "fa", "so"])
def test_foreign_language_sheets_carry_no_swedish_or_english_hours_or_descriptions(
    printed, language
):
    text = text_of(printed / f"a4-{language}.pdf")
    said = [phrase for phrase in SWEDISH_OR_ENGLISH if phrase.casefold() in text.casefold()]
    assert not said, said
    # Which languages a line answers in, and its interpreter, in the sheet's language.
    assert plain(LANGUAGE_LINE[language]) in text and plain(INTERPRETER[language]) in text
    assert "Kvinnofridslinjen" in text and "020-50 50 50" in text


def test_hours_are_written_by_the_sheet_languages_rules(printed):
    assert "Dygnet runt, alla dagar" in text_of(printed / "a4-sv.pdf")
    assert "Around the clock, every day" in text_of(printed / "a4-en.pdf")
    arabic = text_of(printed / "a4-ar.pdf")
    assert plain("على مدار الساعة") in arabic


def test_the_a4_sheet_lists_at_least_eight_services_at_a_readable_size(printed):
    pdf = printed / "a4-sv.pdf"
    assert pages(pdf) == 1
    text = text_of(pdf)
    numbers = ["112", "020-50 50 50", "020-52 10 10", "116 006", "114 14", "1177", "116 111"]
    numbers.append("0771-73 73 00")
    for number in numbers:
        assert number in text, number  # on one line: a number never breaks
    sizes = [size for _word, size in words(pdf)]
    assert min(sizes) >= 10.9, "A4 body text is at least 11 pt"
    # No duplicate rows: 1177 once, and "Polisen – 114 14" no longer repeats its number.
    assert len(re.findall(r"(?m)^1177$", text)) == 1
    assert text.count("114 14") == 1
    # The office contact block, with lines to write on when there is no profile.
    assert "Ditt kontor" in text and "Din kontaktperson:" in text


@pytest.mark.parametrize("language", ["ar", "fa", "so", "ti"])
def test_numbers_never_break_in_any_language(printed, language):
    text = text_of(printed / f"a4-{language}.pdf")
    for number in ("116 006", "020-50 50 50", "0771-73 73 00"):
        assert number in text, number
    assert pages(printed / f"a4-{language}.pdf") == 1


def test_the_card_output_is_an_a4_page_of_labelled_cards(printed):
    for language in ("sv", "ar"):
        pdf = printed / f"card-{language}.pdf"
        info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert abs(width - 210 * MM_TO_PT) <= 1 and abs(height - 297 * MM_TO_PT) <= 1
        assert pages(pdf) == 1
        text = text_of(pdf)
        copies = text.count(plain(CARD_TITLE[language]))
        assert 8 <= copies <= 10, copies
        assert "020-555 666" not in text  # never a line for people who use violence
        assert "Kvinnofridslinjen" not in text and "Kronofogden" not in text
    sv = text_of(printed / "card-sv.pdf")
    labels = ("Nödläge", "Stödlinje, dygnet runt", "Polisen")
    assert all(sv.count(label) == sv.count("Bra att ha") for label in labels)
    per_card = len(re.findall(r"\b(112|020-50 50 50|116 006|114 14|1177)\b", sv)) / 10
    assert 3 <= per_card <= 5


def test_the_poster_numbers_can_be_read_from_across_a_room(printed):
    for language in ("sv", "en", "ar", "fa", "so", "ti"):
        pdf = printed / f"poster-{language}.pdf"
        assert pages(pdf) == 1
        sized = dict(words(pdf))
        assert sized.get("116") and sized["116"] >= 35.5, (language, sized.get("116"))
        assert "Did not fit" not in text_of(pdf)


def test_tigrinya_prints_in_geez_with_the_bundled_font(printed):
    pdf = printed / "a4-ti.pdf"
    assert "ደገፍን ሓገዝን" in text_of(pdf)
    fonts = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True).stdout
    assert "NotoSansEthiopic" in fonts and "VaaldstodSheetSans" in fonts
