"""The office profile: a plain settings file with name, logo, local numbers, hours, footer."""

from __future__ import annotations

import json

import pytest

from tests.test_directory import names_an_address
from vaaldstod import paths
from vaaldstod.directory import LocalNumber, OfficeProfile, OfficeProfileError, load_profile
from vaaldstod.directory.office import profile_from_values, save_logo, save_profile

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


def test_a_missing_profile_gives_an_empty_one():
    profile = load_profile()
    assert profile == OfficeProfile()
    assert profile.logo_path is None


def test_an_explicit_profile_that_is_missing_is_an_error(tmp_path):
    with pytest.raises(OfficeProfileError) as refused:
        load_profile(tmp_path / "nope.json", missing_ok=False)
    assert "nope.json" in str(refused.value)


def test_save_and_load_round_trip_with_logo(tmp_path):
    source = tmp_path / "logo.png"
    source.write_bytes(PNG)
    profile = OfficeProfile(
        name="Kronofogden Växjö",
        logo=save_logo(source),
        local_numbers=(LocalNumber("Socialtjänsten i Växjö", "0470-00 00 00"),),
        opening_hours="Mån–fre 9–15",
        footer="Fråga oss gärna.",
    )
    save_profile(profile)
    loaded = load_profile()
    assert loaded == profile
    assert loaded.logo_path == paths.config_dir() / "office-logo.png"
    assert json.loads((paths.config_dir() / "office.json").read_text(encoding="utf-8"))["name"]


def test_an_svg_logo_replaces_a_png_one(tmp_path):
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "b.svg").write_bytes(SVG)
    assert save_logo(tmp_path / "a.png") == "office-logo.png"
    assert save_logo(tmp_path / "b.svg") == "office-logo.svg"
    assert not (paths.config_dir() / "office-logo.png").exists()


@pytest.mark.parametrize("data", [b"GIF89a....", b"<html></html>", b""])
def test_a_logo_that_is_not_png_or_svg_is_refused(tmp_path, data):
    (tmp_path / "logo").write_bytes(data)
    with pytest.raises(OfficeProfileError) as refused:
        save_logo(tmp_path / "logo")
    assert refused.value.problems[0].field == "logo"


def test_a_damaged_file_gives_a_clear_error():
    path = paths.config_dir() / "office.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(OfficeProfileError) as refused:
        load_profile()
    assert "office.json" in str(refused.value)


def test_every_bad_value_is_named():
    with pytest.raises(OfficeProfileError) as refused:
        profile_from_values(
            {
                "name": 3,
                "footer": "x" * 400,
                "logo": "../../etc/passwd",
                "local_numbers": [
                    {"label": "Jouren, Storgatan 5", "phone": "0470-1"},
                    {"label": "", "phone": "ring"},
                ],
            }
        )
    places = [(p.row, p.field) for p in refused.value.problems]
    assert places == [
        (None, "name"),
        (None, "footer"),
        (None, "logo"),
        (1, "label"),
        (2, "label"),
        (2, "phone"),
    ]
    assert names_an_address(refused.value.problems[3].message)


def test_no_field_may_hold_an_address():
    with pytest.raises(OfficeProfileError) as refused:
        profile_from_values({"footer": "Besök oss på Storgatan 5, 352 30 Växjö."})
    assert refused.value.problems[0].field == "footer"


def test_saving_refuses_what_could_not_be_read_back():
    with pytest.raises(OfficeProfileError):
        save_profile(OfficeProfile(local_numbers=(LocalNumber("Växel", "ring oss"),)))
    assert not (paths.config_dir() / "office.json").exists()
