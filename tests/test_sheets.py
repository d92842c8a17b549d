"""Referral sheet HTML: every language and format complete, the card discreet, RTL right."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest

from vaaldstod import i18n, paths
from vaaldstod.directory import Directory, LocalNumber, OfficeProfile
from vaaldstod.directory.entry import Area, Entry
from vaaldstod.directory.office import save_logo
from vaaldstod.packs.sensitive_text import has_address
from vaaldstod.sheets import FORMATS, SheetError, render_sheet, sheet_languages
from vaaldstod.sheets.cli import printable
from vaaldstod.sheets.render import (
    CARD_MAX_NUMBERS,
    LATIN_FONT,
    card_numbers,
    visible_text,
    web_label,
)

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
    # The printing layer sets the page and the text direction from these.
    assert rendered.format is FORMATS[fmt] and rendered.direction == sheet.direction
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


def made_up(id_: str, phone: str, category: str = "national_helpline", web: str = "") -> Entry:
    """An office's own entry: no sheet texts of its own, so its height on a poster is fixed."""
    return Entry(
        id=id_,
        organisation=f"Mottagning {id_}",
        category=category,
        area="national",
        phone=phone,
        needs_office_input=False,
        protected=False,
        verified_on=datetime.date(2026, 1, 1),
        contact="",
        web=web,
    )


def test_every_missing_text_is_named_in_the_users_language(office):
    sheet = LANGUAGES["en"]
    strings = {k: v for k, v in sheet.strings.items() if k not in ("card_title", "card_note")}
    with pytest.raises(SheetError) as english:
        render_sheet("card", dataclasses.replace(sheet, strings=strings), [], office)
    assert str(english.value) == "The English sheet texts lack: card_title, card_note"
    i18n.set_language("sv")
    try:
        with pytest.raises(SheetError) as swedish:
            render_sheet("card", dataclasses.replace(sheet, strings=strings), [], office)
    finally:
        i18n.set_language("en")
    assert str(swedish.value) == "Bladtexterna på English saknar: card_title, card_note"


def test_a_latin_sheet_uses_the_bundled_latin_font(directory, office):
    rendered = render_sheet("a4", LANGUAGES["sv"], entries_for(directory, "sv"), office)
    assert rendered.font == LATIN_FONT
    assert f".t {{ font-family: '{LATIN_FONT}', '{LATIN_FONT}'; }}" in rendered.html
    assert render_sheet("a4", LANGUAGES["ti"], [], office).font == "Noto Sans Ethiopic"


@pytest.mark.parametrize("fmt", ["a4", "poster"])
def test_no_logo_means_no_picture(office, fmt):
    without = dataclasses.replace(office, logo="")
    rendered = render_sheet(fmt, LANGUAGES["sv"], [made_up("a", "020-11 11 11")], without)
    assert rendered.logo is None and "<img" not in rendered.html


def test_the_card_names_exactly_the_chosen_lines_it_leaves_out(office):
    sheet = LANGUAGES["en"]
    kvinnofrid = made_up("kvinnofridslinjen", "020-50 50 50")  # has a card label
    entries = [
        kvinnofrid,
        made_up("own", "0470-11 22 33"),  # no neutral label: left out
        made_up("web-only", "", web="https://example.se"),  # no number: nothing to leave out
        made_up("office-again", "0470 000000"),  # the office's own number, written otherwise
    ]
    rendered = render_sheet("card", sheet, entries, office)
    assert "020-50 50 50" in rendered.html and "0470-00 00 00" in rendered.html
    assert rendered.left_out == ("Mottagning own",)


def poster_paddings(entries, office) -> list[str]:
    sheet = LANGUAGES["en"]
    # A one-line title and introduction: the room the poster has is known to the millimetre.
    strings = {**sheet.strings, "poster_title": "Help", "poster_intro": "Call us"}
    rendered = render_sheet("poster", dataclasses.replace(sheet, strings=strings), entries, office)
    # The first table is the red box, padded 10 px; then the lines and the office's numbers.
    return re.findall(r'cellpadding="([^"]+)"', rendered.html)[1:]


def test_poster_rows_share_the_room_left_on_the_page(office):
    # Page 261 mm less red box 24, logo 30, title 15, introduction 7.5, the heading and the
    # office's one number 13 + 19, its name 9 (hours and footer gone): 142.5 mm. Four lines
    # of 19 mm leave 66.5 mm for 5 rows; a quarter of each row's share pads it above and
    # below: 12 px more than the least.
    office = dataclasses.replace(office, opening_hours="", footer="")
    four = [made_up(str(n), f"020-00 00 0{n}") for n in range(4)]
    assert poster_paddings(four, office) == ["21", "21"]
    # One line leaves so much that the padding stops at four times the least.
    assert poster_paddings(four[:1], office) == ["36", "36"]
    # Without the logo there is 30 mm more: 96.5 mm for 5 rows.
    assert poster_paddings(four, dataclasses.replace(office, logo="")) == ["27", "27"]


def test_a_poster_with_nothing_but_the_emergency_box_still_prints():
    rendered = render_sheet("poster", LANGUAGES["en"], [], OfficeProfile())
    assert LANGUAGES["en"].strings["emergency_line"] in visible_text(rendered.html)


def test_a_text_a_template_uses_but_its_format_forgot_is_a_readable_error(monkeypatch, office):
    # A format whose list of texts misses one its template prints: the user reads which
    # text is missing instead of the program failing.
    monkeypatch.setitem(FORMATS, "card", dataclasses.replace(FORMATS["card"], needs=()))
    sheet = LANGUAGES["en"]
    strings = {k: v for k, v in sheet.strings.items() if k != "card_title"}
    with pytest.raises(SheetError) as error:
        render_sheet("card", dataclasses.replace(sheet, strings=strings), [], office)
    message = str(error.value)
    assert message.startswith("The sheet could not be made: ") and "'card_title'" in message


def test_a_number_stands_once_on_the_card_however_it_is_written(office):
    # The office's own number again, in a line that has a neutral card label.
    same = made_up("kvinnofridslinjen", "0470 000000")
    numbers = card_numbers([same], office, LANGUAGES["en"])
    assert numbers == [("Socialtjänsten i Växjö", "0470-00 00 00")]
