"""Wrong passphrases change nothing: not the vault, not a backup, not after a crash.

What tests/test_vault.py, test_throttle.py and test_ui_shell.py already cover (one wrong
attempt, the growing delay, a wrong backup passphrase raising) is not repeated here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from vaaldstod.vault import Vault, VaultError, WrongPassphrase

ROOT = Path(__file__).resolve().parents[1]
BACKUP_PASSPHRASE = "en annan fras för kopian"
WRONG = [
    "fel lösenfras",
    PASSPHRASE.upper(),
    PASSPHRASE + " ",
    " " + PASSPHRASE,
    PASSPHRASE[:-1],
    "'; DROP TABLE notes; --",
    'korrekt "häst"',
    "ä" * 2000,
    "\u202eomvänd",  # right-to-left override
    "😀 emoji",
]
NOT_A_PASSPHRASE = ["", "med\x00nul"]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time: a wrong passphrase must touch neither."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def make_vault(path: Path, notes: int = 5) -> int:
    with Vault.create(path, PASSPHRASE) as vault:
        case = vault.create_case("Ärende 2026-001")
        for number in range(notes):
            vault.add_note(case, f"anteckning {number}")
    return case


def test_many_kinds_of_wrong_passphrase_are_refused_and_touch_nothing(tmp_path):
    path = tmp_path / "vault.db"
    case = make_vault(path)
    before = snapshot(tmp_path)
    for wrong in WRONG:
        with pytest.raises(WrongPassphrase):
            Vault.open(path, wrong)
    for wrong in NOT_A_PASSPHRASE:
        with pytest.raises(VaultError):
            Vault.open(path, wrong)
    assert snapshot(tmp_path) == before
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.notes(case)) == 5


def test_restore_with_a_wrong_passphrase_keeps_the_vault_and_the_backup(tmp_path):
    home, usb = tmp_path / "home", tmp_path / "usb"
    path = home / "vault.db"
    case = make_vault(path)
    usb.mkdir()
    with Vault.open(path, PASSPHRASE) as vault:
        vault.backup(usb / "kopia.db", BACKUP_PASSPHRASE)
        vault.add_note(case, "skriven efter kopian")
    home_before, usb_before = snapshot(home), snapshot(usb)
    for wrong in [PASSPHRASE, *WRONG[:3]]:  # the vault's own passphrase is wrong for the copy
        with pytest.raises(WrongPassphrase):
            Vault.restore(usb / "kopia.db", wrong, path)
    assert snapshot(home) == home_before  # no staged copy, no renamed vault
    assert snapshot(usb) == usb_before
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.notes(case)) == 6


def _crash_while_writing(path: Path, notes: int) -> None:
    """Commit notes in another process that then dies without closing the vault."""
    subprocess.run(
        [sys.executable, "-m", "tests.test_reliability_passphrase", str(path), str(notes)],
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    assert Path(f"{path}-wal").stat().st_size > 0  # the commits are still in the log


def test_after_a_crash_wrong_passphrases_lose_no_committed_note(tmp_path):
    path = tmp_path / "vault.db"
    case = make_vault(path)
    _crash_while_writing(path, 20)
    for wrong in WRONG[:3]:
        with pytest.raises(WrongPassphrase):
            Vault.open(path, wrong)
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.notes(case)) == 25


def test_after_a_crash_a_wrong_passphrase_leaves_the_files_as_they_were(tmp_path):
    path = tmp_path / "vault.db"
    make_vault(path)
    _crash_while_writing(path, 20)
    before = snapshot(tmp_path)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, WRONG[0])
    assert snapshot(tmp_path) == before


def test_restoring_reads_the_backup_without_changing_it(tmp_path):
    path = tmp_path / "vault.db"
    make_vault(path)
    usb = tmp_path / "usb"
    usb.mkdir()
    with Vault.open(path, PASSPHRASE) as vault:
        vault.backup(usb / "kopia.db", BACKUP_PASSPHRASE)
    before = snapshot(usb)
    Vault.restore(usb / "kopia.db", BACKUP_PASSPHRASE, path, PASSPHRASE).close()
    assert snapshot(usb) == before


if __name__ == "__main__":
    # The crashing writer: commit notes, then end the process the way a kill would.
    vault_path, count = sys.argv[1], int(sys.argv[2])
    crashed = Vault.open(vault_path, PASSPHRASE)
    for number in range(count):
        crashed.add_note(crashed.cases()[0].id, f"före kraschen {number}")
    os._exit(0)
