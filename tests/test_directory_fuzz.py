"""Random and mangled imports and office profiles: a typed error, never another one."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaaldstod.directory import ImportRefused, OfficeEntries, OfficeProfileError
from vaaldstod.directory.office import load_profile, profile_from_values
from vaaldstod.directory.rows import FIELDS
from vaaldstod.directory.transfer import to_csv, to_json

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
field_names = st.sampled_from([*FIELDS, "adress", "", "extra"])
rows = st.dictionaries(field_names, json_values, max_size=12)


def _import_changes_nothing_or_succeeds(tmp_path, data: bytes, kind: str) -> None:
    office = OfficeEntries(tmp_path / "directory.json")
    office.path.write_bytes(to_json([]))
    before = office.path.read_bytes()
    found = office.preview_import(data, kind)
    try:
        office.import_entries(found)
    except ImportRefused as refused:
        assert refused.problems
        assert office.path.read_bytes() == before
    else:
        assert found.ok and office.entries() == list(found.entries)


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_as_csv_or_json(tmp_path, data):
    _import_changes_nothing_or_succeeds(tmp_path, data, "csv")
    _import_changes_nothing_or_succeeds(tmp_path, data, "json")


@FUZZ
@given(document=st.lists(rows, max_size=4) | st.fixed_dictionaries({"entries": st.lists(rows)}))
def test_random_json_entries(tmp_path, document):
    _import_changes_nothing_or_succeeds(tmp_path, json.dumps(document).encode(), "json")


@FUZZ
@given(
    header=st.lists(field_names, min_size=1, max_size=8),
    cells=st.lists(st.lists(st.text(max_size=20), max_size=9), max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_random_csv_tables(tmp_path, header, cells, delimiter):
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in cells]
    _import_changes_nothing_or_succeeds(tmp_path, "\n".join(lines).encode(), "csv")


@FUZZ
@given(cut=st.integers(min_value=0, max_value=2000), junk=st.binary(max_size=8))
def test_mangled_exports(tmp_path, cut, junk):
    from tests.test_directory import office_entry

    office = OfficeEntries(tmp_path / "source.json")
    if not office.entries():
        office.save_entry(office_entry())
        office.save_entry(office_entry(organisation="Jouren", category="womens_shelter"))
    for kind, data in (("csv", to_csv(office.entries())), ("json", to_json(office.entries()))):
        _import_changes_nothing_or_succeeds(tmp_path, data[:cut] + junk + data[cut:], kind)


@FUZZ
@given(
    raw=json_values
    | st.dictionaries(
        st.sampled_from(["name", "logo", "local_numbers", "opening_hours", "footer"]), json_values
    )
)
def test_random_office_profiles(tmp_path, raw):
    try:
        profile_from_values(raw)
    except OfficeProfileError as error:
        assert error.problems
    path = tmp_path / "office.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    try:
        load_profile(path, missing_ok=False)
    except OfficeProfileError as error:
        assert str(error)


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_profile_files(tmp_path, data):
    path = tmp_path / "office.json"
    path.write_bytes(data)
    try:
        load_profile(path)
    except OfficeProfileError as error:
        assert str(error)
