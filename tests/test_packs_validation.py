"""Pack validation: valid fixtures load; broken ones are refused with file, line and field."""

import datetime
from pathlib import Path

import pytest

from tests.test_packs_helpers import FIXTURES, copy_pack, english  # noqa: F401
from vaaldstod.packs import PACK_FORMAT, PackError, PackTooNew, load_pack
from vaaldstod.packs.validation import KINDS, schema_for

pytestmark = pytest.mark.usefixtures("english")


def broken(tmp_path: Path, fixture: str, file: str, old: str, new: str) -> Path:
    """A copy of a fixture pack with `old` replaced by `new` in one of its files."""
    folder = copy_pack(fixture, tmp_path / fixture)
    text = (folder / file).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def problems(folder: Path) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [(Path(p.file).name, p.line, p.field, p.message) for p in caught.value.problems]


def line_of(folder: Path, file: str, text: str) -> int:
    lines = (folder / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    "fixture",
    ["guide", "checklist", "directory", "instrument", "exercise", "sheet", "templates-hostile"],
)
def test_fixture_packs_load(fixture):
    pack = load_pack(FIXTURES / fixture)
    assert pack.manifest.languages[0] == "sv"
    assert pack.content


def test_every_kind_has_a_schema_that_is_valid_json_schema():
    from jsonschema import Draft202012Validator

    for name in (*KINDS, "manifest", "common"):
        Draft202012Validator.check_schema(schema_for(name))


def test_content_files_merge_in_file_name_order():
    pack = load_pack(FIXTURES / "guide")
    assert [section["id"] for section in pack.content["sections"]] == ["forms", "asking"]
    assert [item["id"] for item in pack.content["items"]] == ["form-economic", "ask-routinely"]


def test_records_are_localized_and_filtered_by_agency():
    pack = load_pack(FIXTURES / "guide")
    items = pack.records("items", "en")
    assert items[0]["title"] == "Economic violence"
    assert items[0]["sources"][0]["quote"] == "ekonomiskt våld"
    kronofogden = pack.records("items", "sv", agency="kronofogden")
    assert [item["id"] for item in kronofogden] == ["form-economic"]
    insurance = pack.records("items", "sv", agency="forsakringskassan")
    assert [item["id"] for item in insurance] == ["form-economic", "ask-routinely"]
    # A language the pack lacks falls back to its master language.
    assert pack.records("sections", "fi")[1]["title"] == "Att fråga"
    assert pack.title("en") == "Test handbook"


def test_sheet_by_language():
    pack = load_pack(FIXTURES / "sheet")
    assert pack.sheet("ar")["direction"] == "rtl"
    assert pack.sheet("so")["strings"]["call"] == "Ring"  # no Somali sheet: the master one


def test_review_date_in_the_past_is_overdue():
    assert load_pack(FIXTURES / "checklist").overdue()
    assert not load_pack(FIXTURES / "guide").overdue()
    assert not load_pack(FIXTURES / "checklist").overdue(today=datetime.date(2019, 1, 1))


def test_missing_translation_names_file_line_and_field(tmp_path):
    folder = broken(tmp_path, "guide", "20-items.toml", 'title.en = "Economic violence"\n', "")
    line = line_of(folder, "20-items.toml", 'title.sv = "Ekonomiskt våld"')
    [problem] = problems(folder)
    assert problem[:3] == ("20-items.toml", line, "items[form-economic].title.en")
    assert "sv, en" in problem[3]


def test_unknown_language_and_wrong_type(tmp_path):
    folder = broken(tmp_path, "guide", "20-items.toml", 'quote = "exempel"', "quote = 5")
    text = (folder / "10-sections.toml").read_text(encoding="utf-8")
    (folder / "10-sections.toml").write_text(text.replace('title.en = "Forms', 'title.de = "Forms'))
    found = problems(folder)
    assert ("10-sections.toml", 5, "sections[forms].title.en") == found[0][:3]
    assert ("10-sections.toml", 6, "sections[forms].title.de") == found[1][:3]
    quote_line = line_of(folder, "20-items.toml", "quote = 5")
    assert found[2][:3] == ("20-items.toml", quote_line, "items[ask-routinely].sources[1].quote")
    assert "text" in found[2][3]


def test_enum_and_unknown_field(tmp_path):
    folder = broken(
        tmp_path, "guide", "10-sections.toml", 'step = "ask"', 'step = "asks"\ncolour = 1'
    )
    assert [p[:3] for p in problems(folder)] == [
        ("10-sections.toml", 10, "sections[asking].step"),
        ("10-sections.toml", 11, "sections[asking].colour"),
    ]


def test_missing_required_field_points_at_its_table(tmp_path):
    folder = broken(tmp_path, "guide", "20-items.toml", 'type = "action"\n', "")
    header = line_of(folder, "20-items.toml", 'id = "ask-routinely"') - 1
    [problem] = problems(folder)
    assert problem[:3] == ("20-items.toml", header, "items[ask-routinely].type")
    assert problem[3] == "is missing"


def test_inline_table_sources_fall_back_to_their_key(tmp_path):
    folder = broken(tmp_path, "checklist", "items.toml", "line = 186", "line = 0")
    [problem] = problems(folder)
    assert problem[:3] == ("items.toml", 13, "items[sign-bankid].sources[1].line")


def test_manifest_problems_name_pack_toml(tmp_path):
    folder = broken(tmp_path, "guide", "pack.toml", 'version = "1.0.0"', 'version = "1.0"')
    [problem] = problems(folder)
    assert problem[:3] == ("pack.toml", 4, "version")
    assert "1.0.0" in problem[3]


def test_date_must_be_a_toml_date(tmp_path):
    folder = broken(tmp_path, "guide", "pack.toml", "review_by = 2099-12-31", 'review_by = "soon"')
    [problem] = problems(folder)
    assert problem[:3] == ("pack.toml", 7, "review_by")


def test_duplicate_ids_and_broken_references(tmp_path):
    folder = broken(
        tmp_path, "guide", "20-items.toml", 'id = "ask-routinely"', 'id = "form-economic"'
    )
    text = (folder / "20-items.toml").read_text(encoding="utf-8")
    (folder / "20-items.toml").write_text(text.replace('section = "forms"', 'section = "nowhere"'))
    found = problems(folder)
    assert [p[:3] for p in found] == [
        ("20-items.toml", 3, "items[form-economic].section"),
        (
            "20-items.toml",
            line_of(folder, "20-items.toml", 'section = "asking"') - 1,
            "items[form-economic].id",
        ),
    ]
    assert "nowhere" in found[0][3]
    assert "already" in found[1][3]


def test_markdown_bodies_refuse_html_images_and_plain_http(tmp_path):
    folder = broken(
        tmp_path,
        "guide",
        "20-items.toml",
        'body.sv = "Fråga alla."',
        'body.sv = "<b>Fråga</b> ![bild](https://x.se/a.png) [länk](http://x.se)"',
    )
    messages = [p[3] for p in problems(folder)]
    assert len(messages) == 1  # one problem per field; the first names HTML
    assert "HTML" in messages[0]


def test_newer_pack_format_is_refused_with_a_clear_message(tmp_path):
    folder = broken(tmp_path, "guide", "pack.toml", "schema = 1", f"schema = {PACK_FORMAT + 1}")
    with pytest.raises(PackTooNew) as caught:
        load_pack(folder)
    [problem] = caught.value.problems
    assert (Path(problem.file).name, problem.line, problem.field) == ("pack.toml", 1, "schema")
    assert problem.message == (
        f"This pack needs a newer version of Våldstöd (pack format {PACK_FORMAT + 1}; "
        f"this version reads up to {PACK_FORMAT})."
    )


@pytest.mark.parametrize("schema", ["0", '"1"', "1.0", "true"])
def test_unknown_pack_format_is_refused(tmp_path, schema):
    folder = broken(tmp_path, "guide", "pack.toml", "schema = 1", f"schema = {schema}")
    [problem] = problems(folder)
    assert problem[:3] == ("pack.toml", 1, "schema")


def test_unknown_kind_is_refused(tmp_path):
    folder = broken(tmp_path, "guide", "pack.toml", 'kind = "guide"', 'kind = "novel"')
    [problem] = problems(folder)
    assert problem[:3] == ("pack.toml", 3, "kind")


def test_bad_toml_reports_its_line(tmp_path):
    folder = broken(tmp_path, "guide", "20-items.toml", 'type = "text"', "type = text")
    [problem] = problems(folder)
    assert problem[:2] == ("20-items.toml", 4)
    assert "TOML" in problem[3]


def test_binary_junk_reports_its_line(tmp_path):
    folder = copy_pack("guide", tmp_path / "junk")
    (folder / "20-items.toml").write_bytes(b"a = 1\nb = 2\n\xff\xfe\x00junk")
    [problem] = problems(folder)
    assert problem[:2] == ("20-items.toml", 3)
    assert "UTF-8" in problem[3]


def test_missing_manifest_and_missing_folder(tmp_path):
    assert problems(tmp_path)[0][0] == "pack.toml"
    assert "does not exist" in problems(tmp_path / "nowhere")[0][3]


def test_top_level_value_given_twice_is_refused(tmp_path):
    folder = copy_pack("instrument", tmp_path / "instrument")
    (folder / "zz-more.toml").write_text('guidance = { sv = "a", en = "b" }\n', encoding="utf-8")
    [problem] = problems(folder)
    assert problem[:3] == ("zz-more.toml", 1, "guidance")
    assert "scale.toml" in problem[3]


# Directory safety: a shelter's address is never stored.


def test_address_field_is_refused_with_the_reason(tmp_path):
    folder = broken(
        tmp_path,
        "directory",
        "entries.toml",
        'organisation = "Testjouren"',
        'organisation = "Testjouren"\naddress = "Storgatan 12"',
    )
    [problem] = problems(folder)
    assert problem[:3] == (
        "entries.toml",
        line_of(folder, "entries.toml", "address ="),
        "entries[test-shelter].address",
    )
    assert "must never be printed or stored" in problem[3]


@pytest.mark.parametrize(
    "text",
    ["Besök oss på Storgatan 12.", "Kungsvägen 3B", "lilla torget 4 A", "Box 1, 352 30 Växjö"],
)
def test_street_address_in_a_protected_entry_is_refused(tmp_path, text):
    folder = broken(
        tmp_path,
        "directory",
        "entries.toml",
        'contact.sv = "Kontakt via telefon eller webb."',
        f'contact.sv = "{text}"',
    )
    [problem] = problems(folder)
    assert problem[2] == "entries[test-shelter].contact.sv"
    assert "street address" in problem[3] and "phone or web" in problem[3]


def test_street_address_is_allowed_for_an_open_service(tmp_path):
    folder = broken(
        tmp_path,
        "directory",
        "entries.toml",
        'contact.sv = "Ring."',
        'contact.sv = "Ring, eller besök Storgatan 12."',
    )
    assert load_pack(folder).id == "test.directory"


def test_empty_phone_needs_office_input(tmp_path):
    folder = broken(
        tmp_path,
        "directory",
        "entries.toml",
        "needs_office_input = true",
        "needs_office_input = false",
    )
    [problem] = problems(folder)
    assert problem[2] == "entries[test-shelter].needs_office_input"
    assert "phone" in problem[3]


def test_county_area_needs_a_county(tmp_path):
    folder = broken(tmp_path, "directory", "entries.toml", 'county = "Testlän"\n', "")
    [problem] = problems(folder)
    assert problem[2:] == ("entries[test-shelter].county", "is missing")


# Other kinds.


def test_sheets_must_cover_every_language_with_the_same_strings(tmp_path):
    folder = broken(tmp_path, "sheet", "en.toml", 'call = "Call"', 'calls = "Call"')
    (folder / "ar.toml").unlink()
    found = problems(folder)
    assert [p[:3] for p in found] == [
        ("en.toml", 5, "strings.call"),  # missing: placed on its table's header
        ("en.toml", 7, "strings.calls"),
        ("pack.toml", 5, "languages"),
    ]
    assert "'ar'" in found[2][3]


def test_exercise_cases_hold_no_phone_or_personal_numbers(tmp_path):
    folder = broken(
        tmp_path,
        "exercise",
        "cases.toml",
        "har skulder som han inte känner till.",
        "har personnummer " + "1985" + "0101-" + "1234" + " och telefon 0470-12 34 56.",
    )
    [problem] = problems(folder)
    assert problem[2] == "exercises[case-anka].case.sv"
    assert "fictional" in problem[3]


def test_instrument_bands_must_rise_and_cover_the_lowest_total(tmp_path):
    folder = broken(tmp_path, "instrument", "scale.toml", "min = 3", "min = 0")
    [problem] = problems(folder)
    assert problem[2] == "scoring.bands[middle].min"
    folder = broken(tmp_path / "b", "instrument", "scale.toml", "min = 0", "min = 1")
    [problem] = problems(folder)
    assert problem[2] == "scoring.bands[low].min"


def test_scored_instrument_needs_points_for_every_option(tmp_path):
    folder = broken(tmp_path, "instrument", "scale.toml", "points = 1\n", "")
    [problem] = problems(folder)
    assert problem[2] == "scales[never-often].options[sometimes].points"


def test_template_syntax_errors_are_found_at_validation(tmp_path):
    folder = broken(
        tmp_path,
        "templates-hostile",
        "templates.toml",
        '<p>{{ agency }}</p>"\nbody.en',
        '<p>{{ agency </p>"\nbody.en',
    )
    [problem] = problems(folder)
    assert problem[2] == "templates[html-note].body.sv"
    assert "line 1" in problem[3]
