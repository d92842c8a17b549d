"""The `vaaldstod` command as an office or an installer script uses it."""

from __future__ import annotations

import subprocess
import sys

from vaaldstod import __version__


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vaaldstod", *args], capture_output=True, text=True, **kwargs
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"vaaldstod {__version__}"


def test_bad_arguments_exit_2_with_a_message_and_no_traceback():
    result = run("--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage" in result.stderr.lower()


def test_self_test_passes_and_leaves_the_data_directory_alone(home):
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert not (home / "vault.db").exists()


def test_screenshot_renders_every_main_screen(tmp_path, home):
    result = run("screenshot", "--out", str(tmp_path / "shots"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "shots").iterdir())
    assert names[:5] == [
        "01-create-vault.png",
        "02-unlock.png",
        "03-cases.png",
        "04-search.png",
        "05-settings.png",
    ]
    assert all((tmp_path / "shots" / n).stat().st_size > 5000 for n in names)
    assert not (home / "vault.db").exists()
