"""The referral directory: shipped packs, the office's entries, search, import and export."""

from __future__ import annotations

import datetime

import pytest

from vaaldstod import paths
from vaaldstod.directory import (
    CATEGORIES,
    Area,
    Directory,
    EntryRefused,
    ImportRefused,
    OfficeEntries,
    OfficeEntriesDamaged,
    find_area,
    search,
)
from vaaldstod.directory.entry import Entry
from vaaldstod.directory.transfer import preview, to_csv, to_json
from vaaldstod.packs import Registry, load_pack

DIRECTORY_PACKS = ("directory-national", "directory-kronoberg")
TODAY = datetime.date(2026, 11, 23)


def names_an_address(message: str) -> bool:
    """Safety messages say why in the app's language (Swedish by default)."""
    return "address" in message or "adress" in message


def office_entry(**changes) -> dict:
    values = {
        "organisation": "Socialtjänsten i Växjö",
        "category": "social_services",
        "area": "municipalities",
        "county": "Kronoberg",
        "municipalities": ["Växjö"],
        "phone": "0470-00 00 00",
        "contact": "Ring och fråga efter mottagningen.",
        "verified_on": "2026-11-20",
        "source": "Kommunens webbplats, läst 2026-11-20",
    }
    values.update(changes)
    return values


@pytest.fixture
def office(vault) -> OfficeEntries:
    """The office's entries, kept in an unlocked vault."""
    return OfficeEntries(vault=vault)


@pytest.fixture(scope="module")
def shipped_entries() -> list[Entry]:
    return Directory().entries("sv")


# -- shipped packs ----------------------------------------------------------------------------


@pytest.mark.parametrize("folder", DIRECTORY_PACKS)
def test_shipped_directory_packs_validate(folder):
    pack = load_pack(paths.shipped_packs_dir() / folder)
    assert pack.kind == "directory"


def test_no_directory_pack_is_broken():
    assert not [str(error) for error in Registry().broken if "directory" in str(error)]


def test_every_phone_is_given_or_flagged_for_the_office(shipped_entries):
    assert len(shipped_entries) >= 20
    for entry in shipped_entries:
        assert entry.phone or entry.needs_office_input, entry.id


def test_protected_entries_have_no_address_anywhere(shipped_entries):
    from vaaldstod.packs.sensitive_text import has_address

    for entry in shipped_entries:
        if entry.protected:
            texts = (entry.organisation, entry.contact, entry.hours, entry.notes)
            assert not any(has_address(text) for text in texts), entry.id


def test_shelters_are_protected(shipped_entries):
    assert all(e.protected for e in shipped_entries if e.category == "womens_shelter")


def test_every_category_in_use_is_known_and_named_on_every_sheet(shipped_entries):
    sheets = Registry().get("vaaldstod.sheets").content["sheets"]
    for entry in shipped_entries:
        assert entry.category in CATEGORIES, entry.id
    for sheet in sheets:
        assert set(CATEGORIES) <= set(sheet["categories"]), sheet["language"]


def test_texts_follow_the_language_with_fallbacks():
    directory = Directory()
    by_language = {
        language: {e.id: e for e in directory.entries(language)}
        for language in ("sv", "en", "sv-easy", "ar")
    }
    assert by_language["sv"]["kvinnofridslinjen"].hours == "Dygnet runt"
    assert by_language["en"]["kvinnofridslinjen"].hours == "Around the clock"
    assert by_language["sv-easy"]["kvinnofridslinjen"].hours == "Dygnet runt"
    assert by_language["ar"]["kvinnofridslinjen"].hours == "Around the clock"


# -- the "check this" mark --------------------------------------------------------------------


def test_check_mark_when_review_is_due_or_the_office_must_fill_in(shipped_entries):
    entry = next(e for e in shipped_entries if e.id == "kvinnofridslinjen")
    assert not entry.needs_check(TODAY)
    assert entry.needs_check(entry.verified_on + datetime.timedelta(days=366))
    flagged = next(e for e in shipped_entries if e.id == "kvinnojouren-blenda")
    assert flagged.needs_check(TODAY)


def test_entry_without_review_interval_is_checked_after_a_year(office):
    entry = office.save_entry(office_entry(verified_on="2025-11-01"))
    assert entry.review_days is None
    assert entry.needs_check(TODAY)
    assert not entry.needs_check(datetime.date(2026, 10, 31))


# -- search -----------------------------------------------------------------------------------


def test_search_by_words_phone_digits_and_category_label(shipped_entries):
    assert [e.id for e in search(shipped_entries, "kvinnofrid")] == ["kvinnofridslinjen"]
    assert [e.id for e in search(shipped_entries, "505050")] == ["kvinnofridslinjen"]
    assert "polisen-11414" in {e.id for e in search(shipped_entries, "POLIS")}
    assert search(shipped_entries, "kvinnofrid dygnet")
    assert not search(shipped_entries, "kvinnofrid zebra")


def test_filter_by_category_area_and_language(shipped_entries):
    police = search(shipped_entries, category="police")
    assert police and all(e.category == "police" for e in police)
    national = search(shipped_entries, area=Area())
    assert national and all(e.area == "national" for e in national)
    kronoberg = search(shipped_entries, area=find_area("kronoberg", shipped_entries))
    assert "kvinnojouren-marta" in {e.id for e in kronoberg}
    assert len(kronoberg) > len(national)
    vaxjo = {e.id for e in search(shipped_entries, area=find_area("Växjö", shipped_entries))}
    assert "kvinnojouren-blenda" in vaxjo and "kvinnojouren-marta" not in vaxjo
    assert "barnahus-kronoberg" in vaxjo  # county-wide services serve every municipality
    english = search(shipped_entries, language="en")
    assert english and all("en" in e.languages for e in english)


def test_unknown_area_is_none(shipped_entries):
    assert find_area("Atlantis", shipped_entries) is None


# -- the office's own entries -----------------------------------------------------------------


def test_office_entries_are_kept_in_the_vault_not_on_disk(office, vault):
    entry = office.save_entry(office_entry())
    assert not (paths.config_dir() / "directory.json").exists()
    assert vault.office_records("directory_entry")[entry.id]["phone"] == "0470-00 00 00"
    assert OfficeEntries(vault=vault).entries() == [entry]
    assert OfficeEntries().entries() == []  # locked: nothing to show, nothing read from disk


def test_office_entry_stands_in_for_a_shipped_entry_with_the_same_id(office):
    office.save_entry(
        office_entry(
            id="kvinnojouren-blenda",
            organisation="Kvinnojouren Blenda",
            category="womens_shelter",
            phone="0470-00 00 01",
        )
    )
    entries = {e.id: e for e in Directory(office=office).entries("sv")}
    blenda = entries["kvinnojouren-blenda"]
    assert blenda.origin == "office" and blenda.phone == "0470-00 00 01"
    assert not blenda.needs_check(TODAY)
    office.remove("kvinnojouren-blenda")
    assert Directory(office=office).entries("sv")[0].origin == "shipped"


def test_editing_replaces_in_place_and_ids_stay_unique(office):
    first = office.save_entry(office_entry())
    second = office.save_entry(office_entry(organisation="Socialjouren"))
    office.save_entry(office_entry(id=first.id, phone="0470-11 11 11"), replacing=first.id)
    assert [e.id for e in office.entries()] == [first.id, second.id]
    assert office.entries()[0].phone == "0470-11 11 11"
    with pytest.raises(EntryRefused) as refused:
        office.save_entry(office_entry(id=second.id), replacing=first.id)
    assert refused.value.problems[0].field == "id"


def test_protected_entry_with_an_address_is_refused_saying_why(office):
    with pytest.raises(EntryRefused) as refused:
        office.save_entry(
            office_entry(category="womens_shelter", notes="Vi finns på Storgatan 12.")
        )
    problem = refused.value.problems[0]
    assert problem.field == "notes"
    assert names_an_address(problem.message)
    assert office.entries() == []


def test_a_shelter_is_always_protected(office):
    entry = office.save_entry(office_entry(category="womens_shelter", protected=False))
    assert entry.protected


def test_an_address_field_is_refused_for_what_it_is(office):
    with pytest.raises(EntryRefused) as refused:
        office.save_entry(office_entry(besöksadress="Storgatan 1"))
    assert refused.value.problems[0].field == "besöksadress"
    assert names_an_address(refused.value.problems[0].message)


def test_empty_phone_needs_the_office_flag(office):
    with pytest.raises(EntryRefused) as refused:
        office.save_entry(office_entry(phone=""))
    assert [p.field for p in refused.value.problems] == ["needs_office_input"]
    assert office.save_entry(office_entry(phone="", needs_office_input=True)).needs_check()


def test_form_problems_name_every_field(office):
    with pytest.raises(EntryRefused) as refused:
        office.save_entry(
            {"organisation": "X", "phone": "ring oss", "verified_on": "igår", "web": "http://x"}
        )
    fields = {p.field for p in refused.value.problems}
    assert {"phone", "verified_on", "web", "category", "area", "contact", "source"} <= fields


def test_a_damaged_file_is_reported_and_never_overwritten(tmp_path, shipped_entries):
    office = OfficeEntries(tmp_path / "directory.json")
    office.path.write_text('{"format": 1, "entries": [{"organisation": 5}]}', encoding="utf-8")
    before = office.path.read_bytes()
    directory = Directory(office=office)
    assert len(directory.entries("sv")) == len(shipped_entries)
    assert isinstance(directory.problem, OfficeEntriesDamaged)
    assert (1, "organisation") in [(p.row, p.field) for p in directory.problem.problems]
    with pytest.raises(OfficeEntriesDamaged):
        office.save_entry(office_entry())
    assert office.path.read_bytes() == before


# -- import and export ------------------------------------------------------------------------

HEADER = "organisation,category,area,phone,contact,verified_on,source\n"


def test_import_with_one_bad_row_changes_nothing_and_names_row_and_field(office):
    office.save_entry(office_entry())
    before = OfficeEntries(vault=office.vault).entries()
    data = (
        HEADER
        + "Mansjouren,victim_support,national,0470-12 34 56,Ring,2026-11-01,webb\n"
        + "Jouren,womens_shelter,national,0470-12 34 57,Storgatan 5,2026-11-01,webb\n"
        + "Stödet,victim_support,national,020-12 34 56,Ring,2026-11-31,webb\n"
    ).encode()
    found = office.preview_import(data, "csv")
    assert not found.ok
    assert [(p.row, p.field) for p in found.problems] == [(3, "contact"), (4, "verified_on")]
    assert [e.organisation for e in found.entries] == ["Mansjouren"]
    with pytest.raises(ImportRefused) as refused:
        office.import_entries(found)
    assert [(p.row, p.field) for p in refused.value.problems] == [
        (3, "contact"),
        (4, "verified_on"),
    ]
    assert OfficeEntries(vault=office.vault).entries() == before


def test_import_adds_and_replaces_by_id(office):
    kept = office.save_entry(office_entry())
    replaced = office.save_entry(office_entry(organisation="Socialjouren"))
    data = to_json(
        [
            Entry(**{**replaced.__dict__, "phone": "0470-99 99 99"}),
            Entry(**{**replaced.__dict__, "id": "ny", "organisation": "Nytt"}),
        ]
    )
    found = office.preview_import(data, "json")
    assert found.ok and found.replacing == {replaced.id}
    assert office.import_entries(found) == 2
    assert [(e.id, e.phone) for e in office.entries()] == [
        (kept.id, kept.phone),
        (replaced.id, "0470-99 99 99"),
        ("ny", replaced.phone),
    ]


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_and_import_round_trip(office, tmp_path, kind):
    office.save_entry(office_entry(hours="Mån–fre 8–16", languages=["sv", "ar"], review_days=90))
    office.save_entry(
        office_entry(
            organisation='Jour, "citat" och; semikolon',
            category="womens_shelter",
            area="county",
            municipalities=[],
            phone="+46 470 12 34 56",
            notes="=SUMMA(A1) ska förbli text\nandra raden",
            web="https://example.org/a?b=c",
        )
    )
    path = tmp_path / f"export.{kind}"
    assert office.export(path, kind) == 2
    other = OfficeEntries(tmp_path / "other.json")
    found = other.preview_import(path.read_bytes(), kind)
    assert found.ok, found.problems
    other.import_entries(found)
    assert other.entries() == office.entries()


def test_csv_export_guards_against_spreadsheet_formulas(office):
    office.save_entry(office_entry(phone="+46 470 12 34 56", notes='=HYPERLINK("x")'))
    text = to_csv(office.entries()).decode("utf-8-sig")
    assert "'+46 470 12 34 56" in text and "'=HYPERLINK" in text


def test_swedish_excel_csv_with_semicolons_and_bom():
    data = (
        "\ufefforganisation;category;area;phone;contact;verified_on;source;municipalities;"
        "county\r\n"
        "Socialjouren;social_services;municipalities;0470-41 00 00;Ring;2026-11-01;webb;"
        "Växjö, Alvesta;Kronoberg\r\n"
    ).encode()
    found = preview(data, "csv")
    assert found.ok, found.problems
    assert found.entries[0].municipalities == ("Växjö", "Alvesta")


def test_csv_file_level_problems():
    assert "UTF-8" in str(preview("organisation\nVäxjö\n".encode("latin-1"), "csv").problems[0])
    assert preview(b"", "csv").problems[0].row is None
    header = preview(b"organisation,,organisation\nx,y,z\n", "csv").problems
    assert [(p.row, p.field) for p in header] == [(1, None), (1, "organisation")]
    extra = preview(
        (HEADER.strip() + "\nA,police,national,112,Ring,2026-01-01,x,extra\n").encode(), "csv"
    )
    assert [(p.row, p.field) for p in extra.problems] == [(2, None)]


def test_json_file_level_problems():
    assert "JSON" in str(preview(b"{nope", "json").problems[0])
    assert preview(b'{"format": 99, "entries": []}', "json").problems[0].field == "format"
    assert preview(b'"text"', "json").problems
    assert preview(b"[]", "json").problems  # nothing to import
    numbered = preview(b'[1, {"organisation": "x"}]', "json").problems
    assert numbered[0].row == 1 and numbered[1].row == 2


def test_directory_and_sheets_never_import_qt():
    import subprocess
    import sys

    code = (
        "import sys, vaaldstod.directory, vaaldstod.sheets, vaaldstod.sheets.cli, "
        "vaaldstod.packs.directory_entry; "
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
