"""Per-language sheet texts: hours written by babel's rules for the sheet's language, the
languages a line answers in, descriptions for every printable entry, the shared standard set."""

from __future__ import annotations

import dataclasses

import pytest

from vaaldstod.directory import Area, Directory, OfficeProfile
from vaaldstod.directory.entry import ALWAYS_OPEN, Period
from vaaldstod.sheets import render_sheet, sheet_languages
from vaaldstod.sheets.cli import printable as cli_printable
from vaaldstod.sheets.hours import languages_text, opening_text
from vaaldstod.sheets.render import card_numbers, visible_text
from vaaldstod.sheets.selection import office_area, printable, standard_set

LANGUAGES = sheet_languages()
WEEKDAYS = Period(("mon", "tue", "wed", "thu", "fri"), "09:00", "15:00")


@pytest.fixture(scope="module")
def entries():
    return Directory().entries("sv")


def entry(entries, ident):
    return next(e for e in entries if e.id == ident)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "måndag–fredag kl. 09:00–15:00"),
        ("sv-easy", "måndag–fredag kl. 09:00–15:00"),
        ("en", "Monday–Friday 9:00 AM – 3:00 PM"),
        ("ar", "الاثنين–الجمعة 9:00 ص – 3:00 م"),
        ("fa", "دوشنبه–جمعه 9:00 تا 15:00"),
        ("so", "Isniin–Jimco 9:00 GH – 3:00 GD"),
    ],
)
def test_structured_hours_follow_the_languages_own_rules(entries, language, expected):
    kronofogden = dataclasses.replace(
        entry(entries, "kronofogden-kundservice"), opening=(WEEKDAYS,)
    )
    written = opening_text(kronofogden, LANGUAGES[language])
    # Babel keeps "9:00 AM" and "9:00 – 3:00" together with narrow and thin spaces.
    assert written.translate({0x202F: " ", 0x2009: " "}) == expected


def test_days_that_do_not_follow_each_other_are_listed(entries):
    line = entry(entries, "nationella-stodtelefonen-heder")
    assert opening_text(line, LANGUAGES["sv"]) == "måndag, onsdag och fredag kl. 09:00–12:00"


def test_around_the_clock_comes_from_the_sheet_texts(entries):
    line = dataclasses.replace(entry(entries, "bris"), opening=ALWAYS_OPEN)
    for code, sheet in LANGUAGES.items():
        assert opening_text(line, sheet) == sheet.strings["hours_always"], code


def test_free_text_hours_print_only_in_their_own_language(entries):
    kronofogden = entry(entries, "kronofogden-kundservice")  # "Vanligtvis måndag–fredag …"
    assert kronofogden.opening == () and kronofogden.text_language == "sv"
    assert opening_text(kronofogden, LANGUAGES["sv"]).startswith("Vanligtvis")
    for code in ("en", "ar", "fa", "so", "ti"):
        assert opening_text(kronofogden, LANGUAGES[code]) == "", code


def test_the_languages_a_line_answers_in_are_named_in_the_sheets_language(entries):
    line = entry(entries, "kvinnofridslinjen")
    assert line.languages == ("sv", "en") and line.interpreter
    assert languages_text(line, LANGUAGES["sv"]) == (
        "Svarar på svenska och engelska. Tolk finns för andra språk."
    )
    assert "السويدية والإنجليزية" in languages_text(line, LANGUAGES["ar"])
    assert "Iswiidhish iyo Ingiriisi" in languages_text(line, LANGUAGES["so"])
    assert languages_text(entry(entries, "bris"), LANGUAGES["fa"]) == ""


def test_every_printable_entry_has_a_description_in_every_language():
    directory = Directory()
    for code, sheet in LANGUAGES.items():
        shipped = [e for e in printable(directory.entries(code)) if e.origin == "shipped"]
        missing = [e.id for e in shipped if e.id not in sheet.entries]
        assert not missing, (code, missing)


@pytest.mark.parametrize("language", ["ar", "fa", "so", "ti"])
def test_a_foreign_sheet_shows_no_swedish_description(language):
    chosen = standard_set(Directory().entries(language), Area("Kronoberg"))
    text = visible_text(render_sheet("a4", LANGUAGES[language], chosen, OfficeProfile()).html)
    for swedish in ("jourtelefon", "nödnumret", "sjukvårdsrådgivning", "kundservice", "– 114 14"):
        assert swedish not in text


def test_the_standard_set_is_national_lines_plus_the_offices_area(entries):
    national = standard_set(entries, Area())
    assert {e.area for e in national} == {"national"}
    assert "valj-att-sluta" not in {e.id for e in national}  # for people who use violence
    local = dataclasses.replace(
        entry(entries, "familjefrid-kronoberg"), phone="0470-12 34 56", needs_office_input=False
    )
    with_local = [*entries, local]
    office = OfficeProfile(area="Växjö")
    place = office_area(office, with_local)
    assert place == Area("Kronoberg", "Växjö")
    assert local in standard_set(with_local, place)
    assert local not in standard_set(with_local, Area("Skåne"))
    # One function for the app and the command line.
    assert cli_printable(with_local, place) == standard_set(with_local, place)


def test_the_standard_set_has_no_number_twice(entries):
    chosen = standard_set(entries, Area("Kronoberg"))
    numbers = [e.phone for e in chosen]
    assert len(numbers) == len(set(numbers)) and "1177" in numbers


def test_a_wallet_card_never_holds_a_line_for_people_who_use_violence(entries):
    every = [e for e in entries if e.phone]
    for sheet in LANGUAGES.values():
        numbers = [phone for _label, phone in card_numbers(every, OfficeProfile(), sheet)]
        assert "020-555 666" not in numbers
        assert 3 <= len(numbers[:5]) <= 5


def test_the_office_profile_keeps_its_area():
    from vaaldstod.directory import load_profile, save_profile

    save_profile(OfficeProfile(name="Kontoret", area="Växjö"))
    assert load_profile().area == "Växjö"


def test_trafficking_and_prostitution_have_a_route_for_the_caseworker(entries):
    routes = [e for e in entries if e.category == "prostitution_trafficking"]
    assert {e.id for e in routes} == {
        "regionkoordinator-prostitution-manniskohandel",
        "nationella-stodtelefonen-manniskohandel",
    }
    assert all(e.professionals_only and e.needs_office_input for e in routes)
    assert not [e for e in standard_set(entries, Area()) if e in routes]
