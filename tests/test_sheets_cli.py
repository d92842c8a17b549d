"""`vaaldstod referral-sheet`: the right files, and exit code 2 with a message on bad arguments."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vaaldstod", "referral-sheet", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_one_pdf_per_language_named_by_format_and_language(tmp_path):
    out = tmp_path / "sheets"
    result = run("--format", "a4", "--lang", "sv,en,ar", "--area", "kronoberg", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a4-ar.pdf", "a4-en.pdf", "a4-sv.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in out.iterdir())
    assert "Kvinnojouren Blenda" in result.stderr  # left out until the office checks it
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["card", "poster"])
def test_the_other_formats(tmp_path, fmt):
    result = run("--format", fmt, "--lang", "fa", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"{fmt}-fa.pdf").stat().st_size > 5000


def test_an_office_profile_from_a_file(tmp_path):
    profile = tmp_path / "office.json"
    profile.write_text(
        json.dumps({"name": "Kontoret", "local_numbers": [{"label": "Växel", "phone": "0470-1"}]}),
        encoding="utf-8",
    )
    result = run(
        "--format", "poster", "--lang", "sv", "--office", str(profile), "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "wallet", "--lang", "sv"], "invalid choice"),
        (["--format", "a4", "--lang", "sv,tlh"], "tlh"),
        (["--format", "a4", "--lang", ","], "language"),
        (["--format", "a4", "--lang", "sv", "--area", "Atlantis"], "Atlantis"),
        (["--format", "a4", "--lang", "sv"], None),  # --out missing
    ],
)
def test_bad_arguments_exit_2_with_a_message(tmp_path, args, said, english_settings):
    if said is not None:
        args = [*args, "--out", str(tmp_path / "out")]
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and (said or "--out") in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_out_folder_without_parent_exits_2(tmp_path):
    result = run("--format", "card", "--lang", "sv", "--out", str(tmp_path / "no" / "such"))
    assert result.returncode == 2 and str(tmp_path / "no" / "such") in result.stderr


def test_an_unreadable_profile_exits_2(tmp_path):
    damaged = tmp_path / "office.json"
    damaged.write_text("{ not json", encoding="utf-8")
    for profile in (damaged, tmp_path / "missing.json"):
        result = run(
            "--format", "a4", "--lang", "sv", "--office", str(profile), "--out", str(tmp_path)
        )
        assert result.returncode == 2, result.stderr
        assert str(profile) in result.stderr and "Traceback" not in result.stderr
