"""`stats … --passphrase-stdin` reads UTF-8 bytes, whatever the console's code page."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from vaaldstod.shell_vault import PassphraseInputError, read_passphrase_line
from vaaldstod.vault import Vault

SWEDISH = "Blåbärssoppa på Östermalm 2026"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SWEDISH.encode() + b"\n", SWEDISH),
        (SWEDISH.encode() + b"\r\n", SWEDISH),  # Windows line ending
        ("\ufeff".encode() + SWEDISH.encode() + b"\r\n", SWEDISH),  # PowerShell's BOM
        (b"  spaces are kept  \n", "  spaces are kept  "),
        (b"one line only\nsecond\n", "one line only"),
        (b"\n", None),
        (b"", None),
    ],
)
def test_one_line_of_utf8_with_one_line_ending_taken_off(data, expected):
    assert read_passphrase_line(io.BytesIO(data)) == expected


def test_bytes_that_are_not_utf8_are_refused():
    with pytest.raises(PassphraseInputError):
        read_passphrase_line(io.BytesIO(SWEDISH.encode("cp1252") + b"\n"))


def _export(vault, out, stdin: bytes) -> subprocess.CompletedProcess:
    # The console's code page as a Swedish Windows has it: cp1252 for the text streams.
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    command = [sys.executable, "-m", "vaaldstod", "stats", "export", "--vault", str(vault)]
    command += ["--period", "2025-Q1", "--out", str(out), "--passphrase-stdin"]
    return subprocess.run(command, input=stdin, capture_output=True, env=env)


def test_a_swedish_passphrase_opens_the_vault_under_a_cp1252_console(tmp_path):
    Vault.create(tmp_path / "v.db", SWEDISH).close()
    result = _export(tmp_path / "v.db", tmp_path / "s.csv", SWEDISH.encode("utf-8") + b"\r\n")
    assert result.returncode == 0, result.stderr.decode("cp1252", "replace")
    assert (tmp_path / "s.csv").exists()


def test_a_passphrase_that_is_not_utf8_gives_one_sentence(tmp_path):
    Vault.create(tmp_path / "v.db", SWEDISH).close()
    result = _export(tmp_path / "v.db", tmp_path / "s.csv", SWEDISH.encode("cp1252") + b"\n")
    error = result.stderr.decode("cp1252", "replace")
    assert result.returncode == 1 and "UTF-8" in error
    assert "Traceback" not in error and len(error.strip().splitlines()) == 1
    assert not (tmp_path / "s.csv").exists()
