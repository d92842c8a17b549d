"""A full disk: writing fails with a clear StorageFull, and nothing already saved is lost.

The disk is made "full" for a child process only, with a file-size limit (RLIMIT_FSIZE):
Python ignores SIGXFSZ, so a write past the limit fails with EFBIG, as SQLite would see a
full disk. The child is this module run as a script; it reports each committed note on
stdout, and the test reopens the vault without the limit to check every one of them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from vaaldstod.vault import StorageFull, Vault, VaultError

# Windows has no file-size limit to make a disk "full" for one process.
resource = pytest.importorskip("resource", reason="needs POSIX resource limits")

ROOT = Path(__file__).resolve().parents[1]
BACKUP_PASSPHRASE = "en annan fras för kopian"
FULL = StorageFull.__name__
EXTRA_TRIES = 5  # writes tried after the first failure: each must fail cleanly or succeed


def note_text(number: int) -> str:
    """A note of about 4 KB whose text tells which note it is."""
    return f"anteckning {number}: " + " ".join(f"ord{number}x{i}" for i in range(400))


def run_child(limit: int, *args: str) -> subprocess.CompletedProcess:
    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "tests.test_reliability_disk", *args],
        preexec_fn=limit_file_size,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}


def make_vault(path: Path, notes: int = 0) -> int:
    with Vault.create(path, PASSPHRASE) as vault:
        case = vault.create_case("Ärende 2026-001")
        for number in range(notes):
            vault.add_note(case, note_text(number))
    return case


# -- the tests ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("limit_kb", [300, 700, 1500])
def test_writing_notes_until_the_disk_is_full(tmp_path, limit_kb):
    """Notes until the write fails: StorageFull, then the vault opens with every saved note."""
    path = tmp_path / "vault.db"
    case = make_vault(path)
    child = run_child(limit_kb * 1024, "fill", str(path), str(case))
    assert child.returncode == 0, child.stderr[-2000:]
    assert "Traceback" not in child.stderr
    lines = [line.split() for line in child.stdout.splitlines()]
    saved = {int(words[1]) for words in lines if words[0] == "saved"}
    errors = [words[1] for words in lines if words[0] == "error"]
    assert errors and set(errors) == {FULL}, child.stdout[-500:]
    assert len(saved) >= 3  # the limit was reached by writing notes, not at opening
    with Vault.open(path, PASSPHRASE) as vault:
        stored = {note.text for note in vault.notes(case)}
        assert stored == {note_text(number) for number in saved}  # none lost, none half-saved
        assert len(vault.search(f"ord{max(saved)}x399")) == 1  # the search index is whole too


@pytest.mark.slow
def test_backup_to_a_full_disk_fails_cleanly_and_leaves_no_file(tmp_path):
    path = tmp_path / "vault.db"
    case = make_vault(path, notes=60)
    backups = tmp_path / "usb"
    backups.mkdir()
    before = files_in(tmp_path)
    # The vault is about 400 KB: a backup of it cannot fit under 200 KB.
    child = run_child(200 * 1024, "backup", str(path), str(backups / "kopia.db"))
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.split() == ["error", FULL]
    assert list(backups.iterdir()) == []  # no partial backup, no temporary file
    assert files_in(tmp_path) == before
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.notes(case)) == 60


@pytest.mark.slow
def test_restore_onto_a_full_disk_keeps_the_current_vault(tmp_path):
    path = tmp_path / "vault.db"
    case = make_vault(path, notes=60)
    backup = tmp_path / "usb" / "kopia.db"
    backup.parent.mkdir()
    with Vault.open(path, PASSPHRASE) as vault:
        vault.backup(backup, BACKUP_PASSPHRASE)
        vault.add_note(case, "skriven efter kopian")
    before = files_in(tmp_path)
    child = run_child(200 * 1024, "restore", str(backup), str(path))
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.split() == ["error", FULL]
    assert files_in(tmp_path) == before  # no staged copy, no renamed vault
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.notes(case)) == 61


def test_creating_a_vault_on_a_full_disk_is_a_clear_error(tmp_path):
    child = run_child(8 * 1024, "create", str(tmp_path / "vault.db"))
    assert "Traceback" not in child.stderr, child.stderr[-1000:]
    assert child.stdout.split() == ["error", FULL]


# -- the child process ----------------------------------------------------------------------


def _fill(path: str, case: str) -> None:
    """Add notes until writing fails, then try a few more; report every outcome."""
    with Vault.open(path, PASSPHRASE) as vault:
        number, failures = 0, 0
        while failures <= EXTRA_TRIES:
            try:
                vault.add_note(int(case), note_text(number))
            except VaultError as error:
                failures += 1
                print("error", type(error).__name__, flush=True)
            else:
                print("saved", number, flush=True)
            number += 1
        vault.search("anteckning")  # reading still works on a full disk


def _report_error(action) -> None:
    try:
        action()
    except VaultError as error:
        print("error", type(error).__name__, flush=True)
    else:
        print("done", flush=True)


def main(command: str, *args: str) -> None:
    if command == "fill":
        _fill(*args)
    elif command == "backup":
        source, target = args
        with Vault.open(source, PASSPHRASE) as vault:
            _report_error(lambda: vault.backup(target, BACKUP_PASSPHRASE))
    elif command == "restore":
        backup, target = args
        _report_error(lambda: Vault.restore(backup, BACKUP_PASSPHRASE, target, PASSPHRASE))
    elif command == "create":
        _report_error(lambda: Vault.create(args[0], PASSPHRASE).close())


if __name__ == "__main__":
    main(*sys.argv[1:])
