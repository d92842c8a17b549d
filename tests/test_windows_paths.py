"""Paths and renames as an agency's Windows desktop has them (issue 22, items 3 and 5).

SQLite `file:` URIs for UNC shares, mapped drives and non-ASCII user folders, and one
`atomic.replace` that rides out Defender, OneDrive and the indexer holding a file open.
"""

from __future__ import annotations

import ast
import errno
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from tests.conftest import PASSPHRASE
from vaaldstod import atomic
from vaaldstod.vault import Vault
from vaaldstod.vault.uri import sqlite_uri


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (r"\\server\share\Vaaldstod\vault.db", "file:////server/share/Vaaldstod/vault.db"),
        (r"\\fs01.kommun.se\hem$\asa\vault.db", "file:////fs01.kommun.se/hem%24/asa/vault.db"),
        (r"H:\Vaaldstod\vault.db", "file:///H:/Vaaldstod/vault.db"),
        (
            r"C:\Users\Åsa Öberg\AppData\Local\Vaaldstod\vault.db",
            "file:///C:/Users/%C3%85sa%20%C3%96berg/AppData/Local/Vaaldstod/vault.db",
        ),
        (r"C:\Data\50% #1?\vault.db", "file:///C:/Data/50%25%20%231%3F/vault.db"),
    ],
)
def test_windows_paths_become_uris_sqlite_accepts(path, uri):
    assert sqlite_uri(PureWindowsPath(path)) == uri
    # SQLite takes an empty authority only: never file://server/…
    assert sqlite_uri(PureWindowsPath(path)).startswith("file:///")


def test_parameters_follow_the_path():
    got = sqlite_uri(PureWindowsPath(r"\\srv\s\v.db"), mode="ro", immutable="1")
    assert got == "file:////srv/s/v.db?mode=ro&immutable=1"
    assert sqlite_uri(PurePosixPath("/home/åsa/v.db")) == "file:///home/%C3%A5sa/v.db"


def test_a_relative_path_is_refused():
    with pytest.raises(ValueError):
        sqlite_uri(PureWindowsPath(r"Vaaldstod\vault.db"))


def test_recovery_and_restore_read_through_the_uri_in_an_awkward_folder(tmp_path):
    folder = tmp_path / "Åsa Öberg" / "50% #1?"
    live = Vault.create(folder / "vault.db", PASSPHRASE)
    live.add_note(live.create_case("Ärende 2026-001"), "efter kraschen")
    live.backup(folder / "kopia.db", PASSPHRASE)
    Vault.check(folder / "vault.db", PASSPHRASE)  # the read-only (immutable) path
    restored = Vault.restore(folder / "kopia.db", PASSPHRASE, tmp_path / "ny.db")
    with restored:
        assert len(restored.search("kraschen")) == 1
    live.close()


# -- atomic.replace --------------------------------------------------------------------


def _held_open(winerror: int | None, times: int):
    """An os.replace that fails `times` times as Windows does while a file is held open."""
    real = atomic.os.replace
    calls = []

    def replace(src, dst):
        calls.append((src, dst))
        if len(calls) <= times:
            error = PermissionError(errno.EACCES, "Access is denied")
            if winerror is not None:
                error.winerror = winerror
            raise error
        real(src, dst)

    return replace, calls


@pytest.mark.parametrize("winerror", [5, 32])
def test_replace_retries_while_another_program_holds_the_file(tmp_path, monkeypatch, winerror):
    replace, calls = _held_open(winerror, times=3)
    monkeypatch.setattr(atomic.os, "replace", replace)
    pauses = []
    (tmp_path / "new").write_text("ny")
    (tmp_path / "old").write_text("gammal")
    atomic.replace(tmp_path / "new", tmp_path / "old", sleep=pauses.append)
    assert (tmp_path / "old").read_text() == "ny" and not (tmp_path / "new").exists()
    assert len(calls) == 4 and pauses == sorted(pauses) and len(pauses) == 3


def test_replace_gives_up_after_a_bounded_time(tmp_path, monkeypatch):
    replace, calls = _held_open(32, times=1000)
    monkeypatch.setattr(atomic.os, "replace", replace)
    pauses = []
    with pytest.raises(PermissionError):
        atomic.replace(tmp_path / "a", tmp_path / "b", sleep=pauses.append)
    assert len(calls) == atomic.REPLACE_ATTEMPTS
    assert sum(pauses) < 5  # seconds


def test_a_real_permission_error_is_not_retried(tmp_path, monkeypatch):
    replace, calls = _held_open(None, times=1000)
    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(PermissionError):
        atomic.replace(tmp_path / "a", tmp_path / "b", sleep=lambda s: pytest.fail("waited"))
    assert len(calls) == 1


def test_settings_and_vault_files_are_replaced_through_the_retrying_helper(tmp_path, monkeypatch):
    replace, calls = _held_open(32, times=1)
    monkeypatch.setattr(atomic.os, "replace", replace)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    atomic.write_text(tmp_path / "settings.json", "{}")
    with Vault.create(tmp_path / "vault.db", PASSPHRASE) as vault:
        vault.backup(tmp_path / "kopia.db", PASSPHRASE)
    assert (tmp_path / "settings.json").read_text() == "{}"
    assert len(calls) >= 4  # the settings file retried once; the vault and its backup too


def test_no_other_rename_in_the_package_bypasses_the_helper():
    """(`shutil.move` between folders that may lie on different volumes is another thing.)"""
    package = Path(atomic.__file__).parent
    offenders = []
    for source in package.rglob("*.py"):
        if source.name == "atomic.py" and source.parent == package:
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("replace", "rename", "renames")
                and isinstance(node.value, ast.Name)
                and node.value.id == "os"
            ):
                offenders.append(f"{source.relative_to(package)}:{node.lineno}")
    assert offenders == []
