"""Referral sheet HTML: every language and format complete, the card discreet, RTL right."""

from __future__ import annotations

import dataclasses

import pytest

from vaaldstod import paths
from vaaldstod.directory import Directory, LocalNumber, OfficeProfile
from vaaldstod.directory.entry import Area
from vaaldstod.directory.office import save_logo
from vaaldstod.packs.sensitive_text import has_address
from vaaldstod.sheets import FORMATS, SheetError, render_sheet, sheet_languages
from vaaldstod.sheets.cli import printable
from vaaldstod.sheets.render import CARD_MAX_NUMBERS, visible_text, web_label

LANGUAGES = sheet_languages()
# Words that would give the card away, in each shipped language; checked independently of
# the renderer's own list.
VIOLENCE = {
    "sv": ("våld",),
    "sv-easy": ("våld",),
    "en": ("violence", "abuse"),
    "ar": ("عنف",),
    "fa": ("خشونت",),
    "so": ("rabshad",),
    "ti": ("ዓመጽ",),
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@pytest.fixture(scope="module")
def directory() -> Directory:
    return Directory()


@pytest.fixture
def office(tmp_path) -> OfficeProfile:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    return OfficeProfile(
        name="Kronofogden Växjö",
        logo=save_logo(logo),
        local_numbers=(LocalNumber("Socialtjänsten i Växjö", "0470-00 00 00"),),
        opening_hours="Mån–fre 9–15",
        footer="Fråga din handläggare.",
        folder=paths.config_dir(),
    )


def entries_for(directory: Directory, language: str):
    return printable(directory.entries(language), Area("Kronoberg"))


def test_the_shipped_languages_and_their_review_status():
    assert list(LANGUAGES) == ["sv", "sv-easy", "en", "ar", "fa", "so", "ti"]
    assert LANGUAGES["sv"].reviewed and not LANGUAGES["ar"].reviewed
    assert not LANGUAGES["ti"].reviewed  # Tigrinya: needs review by a native speaker
    assert {LANGUAGES[c].direction for c in ("ar", "fa")} == {"rtl"}


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_language_and_format_renders_with_all_its_texts(directory, office, language, fmt):
    sheet = LANGUAGES[language]
    rendered = render_sheet(fmt, sheet, entries_for(directory, language), office)
    text = visible_text(rendered.html)
    for key in FORMATS[fmt].needs:
        if key.startswith(("card", "a4", "poster", "emergency")):
            assert sheet.strings[key] in text, key
    assert "Undefined" not in rendered.html and "{{" not in rendered.html
    assert not has_address(text)
    assert rendered.language == language
    assert ('dir="rtl"' in rendered.html) == (sheet.direction == "rtl")


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_wallet_card_never_names_violence(directory, office, language):
    rendered = render_sheet("card", LANGUAGES[language], entries_for(directory, language), office)
    text = visible_text(rendered.html).casefold()
    for word in VIOLENCE[language] + VIOLENCE["sv"] + VIOLENCE["en"]:
        assert word not in text
    assert "Kvinnofridslinjen" not in rendered.html  # neutral labels, no names
    assert "020-50 50 50" in text
    assert rendered.logo is None and "Kronofogden" not in text
    assert "020-555 666" not in text  # never a line for people who use violence


def test_a_card_text_that_names_violence_is_refused(office):
    sheet = LANGUAGES["sv"]
    revealing = dataclasses.replace(sheet, strings={**sheet.strings, "card_title": "Mot våld"})
    with pytest.raises(SheetError, match="våld"):
        render_sheet("card", revealing, [], office)


def test_the_card_has_room_for_a_few_numbers(directory, office):
    shipped = entries_for(directory, "sv")
    extra = [
        dataclasses.replace(shipped[0], id=f"extra-{n}", phone=f"020-00 00 {n:02d}")
        for n in range(CARD_MAX_NUMBERS)
    ]
    entries = shipped + extra
    assert len(entries) > CARD_MAX_NUMBERS
    rendered = render_sheet("card", LANGUAGES["sv"], entries, office)
    assert rendered.html.count('class="number"') == CARD_MAX_NUMBERS
    assert rendered.left_out


def test_a_missing_text_is_named(office):
    sheet = LANGUAGES["en"]
    strings = {k: v for k, v in sheet.strings.items() if k != "poster_title"}
    with pytest.raises(SheetError, match="poster_title"):
        render_sheet("poster", dataclasses.replace(sheet, strings=strings), [], office)


def test_right_to_left_keeps_numbers_in_order_and_mirrors_columns(directory, office):
    rendered = render_sheet("a4", LANGUAGES["ar"], entries_for(directory, "ar"), office)
    assert "Noto Sans Arabic" in rendered.html
    assert "\u202a020-50 50 50\u202c" in rendered.html
    # Qt never mirrors table columns: the organisation comes last in the source, so first
    # from the right.
    row = rendered.html[rendered.html.index("\u202a020-50 50 50") :]
    assert row.index("020-50 50 50") < row.index("Kvinnofridslinjen")
    latin = render_sheet("a4", LANGUAGES["sv"], entries_for(directory, "sv"), office)
    assert "\u202a" not in latin.html


def test_office_texts_are_escaped(office):
    hostile = dataclasses.replace(office, name='<img src="file:///etc/passwd">', footer="<b>x</b>")
    rendered = render_sheet("a4", LANGUAGES["sv"], [], hostile)
    assert '<img src="file' not in rendered.html and "&lt;b&gt;x&lt;/b&gt;" in rendered.html


def test_a4_groups_by_category_in_sheet_order(directory, office):
    rendered = render_sheet("a4", LANGUAGES["en"], entries_for(directory, "en"), office)
    text = visible_text(rendered.html)
    assert text.index("Emergency help") < text.index("National helplines") < text.index("Police")
    assert "Socialtjänsten i Växjö" in text and "0470-00 00 00" in text
    assert 'src="office-logo"' in rendered.html and rendered.logo is not None


def test_poster_has_logo_local_numbers_and_a_few_national_lines(directory, office):
    entries = entries_for(directory, "sv")
    rendered = render_sheet("poster", LANGUAGES["sv"], entries, office)
    text = visible_text(rendered.html)
    assert rendered.logo is not None and "0470-00 00 00" in text
    assert "Region Kronoberg" not in text  # its 1177 is already there
    assert "SOS Alarm" not in text  # the red box says 112; no second line for it


def test_web_addresses_are_printed_short():
    assert web_label("https://www.kvinnofridslinjen.se/") == "kvinnofridslinjen.se"
    assert web_label("https://sosalarm.se/112") == "sosalarm.se/112"


def test_lines_for_caseworkers_never_reach_a_client_sheet():
    entries = Directory().entries("sv")
    only = [e for e in entries if e.professionals_only]
    assert {e.id for e in only} >= {
        "nationella-stodtelefonen-heder",
        "resurscentrum-heder-kronoberg",
    }
    for fmt in ("a4", "card", "poster"):
        text = visible_text(render_sheet(fmt, LANGUAGES["sv"], entries, OfficeProfile()).html)
        for entry in only:
            assert entry.organisation not in text
            assert not entry.phone or entry.phone not in text
    assert not [e for e in printable(entries, Area()) if e.professionals_only]
