"""`vaaldstod packs …`: exit 0 with one OK line, or exit 1 with one line per problem."""

import re
import subprocess
import sys

import pytest

from tests.test_packs_helpers import FIXTURES, copy_pack, english  # noqa: F401
from vaaldstod import settings
from vaaldstod.cli import main

SIGNER = ["Våldstöd-projektet"]  # the release key's name (vaaldstod/packs/trusted_keys)

pytestmark = pytest.mark.usefixtures("english")
PROBLEM_LINE = re.compile(r"^.+:\d+: \S+: .+$")


def run(*args: str) -> subprocess.CompletedProcess:
    settings.save(settings.Settings(language="en"))  # in the child's VAALDSTOD_HOME
    return subprocess.run(
        [sys.executable, "-m", "vaaldstod", "packs", *map(str, args)],
        capture_output=True,
        text=True,
    )


def test_validate_a_valid_pack():
    result = run("validate", FIXTURES / "guide")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{FIXTURES / 'guide'}: OK, test.guide 1.0.0 (guide)"]


def test_validate_an_invalid_pack_prints_file_line_field_message(tmp_path):
    folder = copy_pack("guide", tmp_path / "guide")
    items = folder / "20-items.toml"
    items.write_text(items.read_text("utf-8").replace('type = "text"', 'type = "poem"'), "utf-8")
    result = run("validate", folder)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{folder}/20-items.toml:4: items[form-economic].type: should be one of: "
        "text, warning, phrasing, action"
    ]
    assert PROBLEM_LINE.match(result.stderr)


@pytest.mark.parametrize(
    "content",
    [b"\x00\xff\xfe binary \x80 junk", b"x = [\n", b"[[items]]\nid = 'a'\nid = 'b'\n", b""],
)
def test_junk_never_gives_a_traceback(tmp_path, content):
    folder = copy_pack("guide", tmp_path / "guide")
    (folder / "20-items.toml").write_bytes(content)
    result = run("validate", folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_validate_a_missing_folder_or_a_junk_file(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    for path in (tmp_path / "nowhere", junk, tmp_path):
        code = main(["packs", "validate", str(path)])
        assert code == 1


def test_toml_syntax_error_names_its_line(tmp_path, capsys):
    folder = copy_pack("guide", tmp_path / "guide")
    (folder / "10-sections.toml").write_text("[[sections]]\nid = 'x'\nstep = \n", "utf-8")
    assert main(["packs", "validate", str(folder)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{folder}/10-sections.toml:3: ")


def test_install_list_remove(capsys, english_settings):
    assert main(["packs", "install", str(FIXTURES / "checklist")]) == 0
    assert "Installed test.checklist 1.0.0." in capsys.readouterr().out
    assert main(["packs", "list"]) == 0
    listed = [line.split() for line in capsys.readouterr().out.splitlines()]
    row = ["test.checklist", "checklist", "1.0.0", "2020-01-31", "overdue", "installed"]
    assert row + ["signed", "by", "Test", "key", "(tests", "only)"] in listed
    assert main(["packs", "install", str(FIXTURES / "checklist")]) == 1
    assert "only a newer version" in capsys.readouterr().err
    assert main(["packs", "remove", "test.checklist"]) == 0
    assert main(["packs", "remove", "test.checklist"]) == 1
    assert "no pack with this id" in capsys.readouterr().err


def test_list_marks_shipped_packs():
    result = run("list")
    assert result.returncode == 0
    rows = [line.split() for line in result.stdout.splitlines()]
    assert any(
        row[0] == "vaaldstod.templates.journal" and row[-4:] == ["shipped", "signed", "by"] + SIGNER
        for row in rows
    )
