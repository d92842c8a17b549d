"""Nothing a handler wrote is lost, whatever lies beside the vault (issue 14, items 1–4).

A stray write-ahead log, a truncated file, another program's database, a backup written
over the vault itself, two restores in one second, a restore from the lock screen.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE, FakeClock
from vaaldstod.vault import Vault, VaultDamaged, VaultError, WrongPassphrase, schema

OTHER = "en helt annan lösenfras"


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def crashed_copy(vault: Vault, folder: Path) -> Path:
    """The vault's file and its live write-ahead log, copied as a crash would leave them."""
    folder.mkdir(exist_ok=True)
    target = folder / "vault.db"
    shutil.copyfile(vault.path, target)
    shutil.copyfile(f"{vault.path}-wal", f"{target}-wal")
    return target


def a_foreign_log(tmp_path: Path, passphrase: str = OTHER) -> bytes:
    """A non-empty log of another vault (another salt, so another key)."""
    with Vault.create(tmp_path / "other" / "vault.db", passphrase) as other:
        other.add_note(other.create_case("Ärende 2026-900"), "främmande anteckning " * 50)
        return Path(f"{other.path}-wal").read_bytes()


def keyed_database(path: Path, *statements: str) -> None:
    """Another program's SQLCipher database, keyed with the handler's passphrase."""
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    for statement in statements:
        connection.execute(statement)
    connection.close()


@pytest.fixture
def closed_vault(tmp_path) -> Path:
    path = tmp_path / "home" / "vault.db"
    with Vault.create(path, PASSPHRASE) as vault:
        case = vault.create_case("Ärende 2026-001")
        for number in range(5):
            vault.add_note(case, f"Anteckning {number}")
    return path


@pytest.mark.parametrize("passphrase", [PASSPHRASE, OTHER])
def test_a_stray_log_is_set_aside_and_never_folded_into_the_vault(
    tmp_path, closed_vault, passphrase
):
    # Whether the other vault has the same passphrase or not, its key differs (own salt).
    foreign = a_foreign_log(tmp_path, passphrase)
    wal = Path(f"{closed_vault}-wal")
    wal.write_bytes(foreign)
    before = closed_vault.read_bytes()

    with Vault.open(closed_vault, PASSPHRASE) as vault:
        assert [len(vault.notes(c.id)) for c in vault.cases()] == [5]
        [moved] = vault.set_aside
    assert moved.name.startswith("vault.db-wal.foreign-")
    assert moved.read_bytes() == foreign  # kept whole, beside the vault
    assert closed_vault.read_bytes() == before
    with Vault.open(closed_vault, PASSPHRASE) as again:  # and it opens for good
        assert again.set_aside == [] and len(again.cases()) == 1


def test_a_wrong_passphrase_with_a_stray_log_changes_nothing(tmp_path, closed_vault):
    Path(f"{closed_vault}-wal").write_bytes(a_foreign_log(tmp_path))
    before = files(closed_vault.parent)
    with pytest.raises(WrongPassphrase):
        Vault.open(closed_vault, "fel lösenfras")
    assert files(closed_vault.parent) == before


def test_the_vaults_own_log_after_a_crash_is_folded_in(tmp_path):
    vault = Vault.create(tmp_path / "live" / "vault.db", PASSPHRASE)
    vault.add_note(vault.create_case("Ärende 2026-002"), "sparad före kraschen")
    copy = crashed_copy(vault, tmp_path / "crash")
    vault.close()
    with Vault.open(copy, PASSPHRASE) as reopened:
        assert reopened.set_aside == []
        assert [h.text for h in reopened.search("kraschen")] == ["sparad före kraschen"]


def test_sets_aside_never_overwrite_an_earlier_one(tmp_path, closed_vault):
    clock = FakeClock()
    foreign = a_foreign_log(tmp_path)
    for _round in range(2):
        Path(f"{closed_vault}-wal").write_bytes(foreign)
        Vault.open(closed_vault, PASSPHRASE, clock=clock).close()
    kept = sorted(p.name for p in closed_vault.parent.iterdir() if ".foreign-" in p.name)
    assert len(kept) == 2 and kept[1] == kept[0] + "-2"


def test_creating_a_vault_beside_orphaned_logs_sets_them_aside(tmp_path):
    path = tmp_path / "fresh" / "vault.db"
    path.parent.mkdir()
    foreign = a_foreign_log(tmp_path)
    Path(f"{path}-wal").write_bytes(foreign)
    Path(f"{path}-shm").write_bytes(b"\x01" * 32768)
    with Vault.create(path, PASSPHRASE) as vault:
        assert sorted(p.name.split(".foreign-")[0] for p in vault.set_aside) == [
            "vault.db-shm",
            "vault.db-wal",
        ]
        vault.add_note(vault.create_case("Ärende 2026-003"), "ny")
    with Vault.open(path, PASSPHRASE) as again:
        assert len(again.search("ny")) == 1
    [moved] = [p for p in path.parent.iterdir() if p.name.startswith("vault.db-wal.foreign-")]
    assert moved.read_bytes() == foreign


@pytest.mark.parametrize("keep", [4096 + 100, 3 * 4096, 5 * 4096 - 1])
def test_a_truncated_vault_is_damaged_not_a_wrong_passphrase(closed_vault, keep):
    closed_vault.write_bytes(closed_vault.read_bytes()[:keep])
    before = files(closed_vault.parent)
    with pytest.raises(VaultDamaged):
        Vault.open(closed_vault, PASSPHRASE)
    with pytest.raises(WrongPassphrase):  # a wrong one is still told apart
        Vault.open(closed_vault, "fel lösenfras")
    assert files(closed_vault.parent) == before


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_another_programs_database_with_the_same_passphrase_is_untouched(tmp_path, journal):
    path = tmp_path / "other.db"
    keyed_database(
        path,
        f"PRAGMA journal_mode = {journal}",
        "CREATE TABLE inventory (item TEXT)",
        "INSERT INTO inventory VALUES ('stol')",
    )
    before = files(tmp_path)
    with pytest.raises(VaultDamaged):
        Vault.open(path, PASSPHRASE)
    assert files(tmp_path) == before


def test_a_crafted_file_with_a_vault_version_but_no_tables_is_damaged(tmp_path):
    path = tmp_path / "crafted.db"
    keyed_database(path, "CREATE TABLE x (y)", f"PRAGMA user_version = {schema.LATEST}")
    before = path.read_bytes()
    with pytest.raises(VaultDamaged):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == before


def test_identification_needs_every_table_of_the_schema_version():
    assert {"cases", "notes", "notes_fts"} <= schema.tables(1)
    assert "vault_settings" in schema.tables(schema.LATEST)
    assert schema.tables(1) < schema.tables(schema.LATEST)


# -- backup and restore -------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling", ["same", "dotted", "symlink", "hardlink", "wal", "shm", "journal"]
)
def test_a_backup_over_the_vault_itself_is_refused(vault, spelling):
    case = vault.create_case("Ärende 2026-004")
    vault.add_note(case, "före säkerhetskopian")
    folder = vault.path.parent
    target = {
        "same": vault.path,
        "dotted": folder / "." / "sub" / ".." / vault.path.name,
        "symlink": folder / "link.db",
        "hardlink": folder / "hard.db",
        "wal": Path(f"{vault.path}-wal"),
        "shm": Path(f"{vault.path}-shm"),
        "journal": Path(f"{vault.path}-journal"),  # not there in WAL mode, still its name
    }[spelling]
    (folder / "sub").mkdir()
    if spelling == "symlink":
        target.symlink_to(vault.path)
    if spelling == "hardlink":
        target.hardlink_to(vault.path)
    with pytest.raises(VaultError) as refused:
        vault.backup(target, OTHER)
    assert str(refused.value) == (
        "A backup cannot be saved over the vault itself. Choose another file."
    )
    vault.add_note(case, "efter")  # the live vault goes on with its own passphrase
    vault.close()
    with Vault.open(vault.path, PASSPHRASE) as again:
        assert [n.text for n in again.notes(case)] == ["före säkerhetskopian", "efter"]


def test_restoring_the_vault_onto_itself_is_refused(closed_vault):
    before = files(closed_vault.parent)
    with pytest.raises(VaultError) as refused:
        Vault.restore(closed_vault, PASSPHRASE, closed_vault)
    assert str(refused.value) == "That file is the vault itself, not a backup of it."
    assert files(closed_vault.parent) == before


def test_restoring_from_a_file_that_is_not_there_names_it(tmp_path, closed_vault):
    before = files(closed_vault.parent)
    missing = tmp_path / "usb" / "backup.db"  # a stick that was pulled out
    with pytest.raises(VaultError) as refused:
        Vault.restore(missing, PASSPHRASE, closed_vault)
    assert str(refused.value) == f"There is no vault at {missing}."
    assert files(closed_vault.parent) == before


def test_a_backup_of_one_full_page_is_not_called_damaged_by_its_size(tmp_path, closed_vault):
    # An SQLCipher file of one 4096-byte page can be a vault: only a shorter one is cut off.
    page = tmp_path / "page.db"
    page.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(WrongPassphrase):
        Vault.restore(page, PASSPHRASE, closed_vault)
    page.write_bytes(page.read_bytes()[:-1])
    with pytest.raises(VaultDamaged):
        Vault.restore(page, PASSPHRASE, closed_vault)


def test_two_restores_in_one_second_keep_both_replaced_vaults(tmp_path, closed_vault):
    clock = FakeClock()  # stands still: both restores happen in the same second
    with Vault.open(closed_vault, PASSPHRASE) as vault:
        vault.backup(tmp_path / "backup.db", OTHER)
    first = closed_vault.read_bytes()
    Vault.restore(tmp_path / "backup.db", OTHER, closed_vault, clock=clock).close()
    second = closed_vault.read_bytes()
    restored = Vault.restore(tmp_path / "backup.db", OTHER, closed_vault, clock=clock)
    restored.close()
    kept = sorted(p for p in closed_vault.parent.iterdir() if ".before-restore-" in p.name)
    assert [p.read_bytes() for p in kept] == [first, second]
    assert restored.replaced == kept[1]


@pytest.fixture
def backup(tmp_path, closed_vault) -> Path:
    other = Vault.create(tmp_path / "elsewhere" / "vault.db", OTHER)
    other.add_note(other.create_case("Ärende 2026-777"), "någon annans valv")
    other.backup(tmp_path / "backup.db", OTHER)
    other.close()
    return tmp_path / "backup.db"


def test_lock_screen_restore_needs_the_current_vaults_passphrase(closed_vault, backup):
    before = files(closed_vault.parent)
    with pytest.raises(WrongPassphrase):
        Vault.replace_from_backup(closed_vault, "inte min fras", backup, OTHER)
    assert files(closed_vault.parent) == before


def test_lock_screen_restore_with_the_right_passphrase_opens_and_keeps_the_old_vault(
    closed_vault, backup
):
    old = closed_vault.read_bytes()
    vault, kept = Vault.replace_from_backup(closed_vault, PASSPHRASE, backup, OTHER)
    with vault:
        assert [c.pseudonym for c in vault.cases()] == ["Ärende 2026-777"]
    assert kept.read_bytes() == old and kept.parent == closed_vault.parent


def test_lock_screen_restore_over_a_damaged_vault_leaves_it_locked(closed_vault, backup):
    closed_vault.write_bytes(closed_vault.read_bytes()[: 4096 + 10])  # page 1 intact
    damaged = closed_vault.read_bytes()
    vault, kept = Vault.replace_from_backup(closed_vault, PASSPHRASE, backup, OTHER)
    assert vault is None  # nobody is let in without the backup's passphrase
    assert kept.read_bytes() == damaged
    with pytest.raises(WrongPassphrase):
        Vault.open(closed_vault, PASSPHRASE)
    Vault.open(closed_vault, OTHER).close()


def test_lock_screen_restore_with_a_wrong_backup_passphrase_says_which(closed_vault, backup):
    before = files(closed_vault.parent)
    with pytest.raises(VaultError, match="backup's passphrase"):
        Vault.replace_from_backup(closed_vault, PASSPHRASE, backup, "fel för kopian")
    assert files(closed_vault.parent) == before


def test_a_second_opening_beside_a_running_copy_leaves_its_live_log_alone(tmp_path):
    """The command line opening the vault while the app writes to it: the app's log is its
    own, never set aside, and no note is lost."""
    running = Vault.create(tmp_path / "vault.db", PASSPHRASE)
    case = running.create_case("Ärende 2026-005")
    running.add_note(case, "skriven av appen")
    assert Path(f"{running.path}-wal").stat().st_size > 0
    with Vault.open(running.path, PASSPHRASE) as second:
        assert second.set_aside == []
        assert [n.text for n in second.notes(case)] == ["skriven av appen"]
    running.add_note(case, "skriven efteråt")
    running.close()
    with Vault.open(tmp_path / "vault.db", PASSPHRASE) as again:
        assert [n.text for n in again.notes(case)] == ["skriven av appen", "skriven efteråt"]
    assert not [p for p in tmp_path.iterdir() if ".foreign-" in p.name]


def test_table_names_are_read_from_every_way_of_creating_a_table(monkeypatch):
    steps = ["CREATE TABLE a (x);", "CREATE VIRTUAL TABLE b USING fts5(x);"]
    steps.append("CREATE TABLE IF NOT EXISTS c (x);")
    monkeypatch.setattr(schema, "MIGRATIONS", steps)
    assert schema.tables(3) == {"a", "b", "c"}


def test_a_restore_cut_off_half_way_does_not_stand_in_the_way_of_the_next(closed_vault, backup):
    staged = closed_vault.with_name(f".{closed_vault.name}.restoring")
    staged.write_bytes(b"half of a vault: the power went during the last restore")
    Path(f"{staged}-wal").write_bytes(b"and its log")
    restored = Vault.restore(backup, OTHER, closed_vault)
    assert [c.pseudonym for c in restored.cases()] == ["Ärende 2026-777"]
    restored.close()
    assert not [p.name for p in closed_vault.parent.iterdir() if ".restoring" in p.name]


def test_the_replaced_vault_keeps_its_logs_under_one_dated_name(closed_vault, backup):
    old_log, old_index = Path(f"{closed_vault}-wal"), Path(f"{closed_vault}-shm")
    old_log.write_bytes(b"the old vault's last notes")
    old_index.write_bytes(b"the old vault's log index")
    restored = Vault.restore(backup, OTHER, closed_vault, clock=FakeClock())
    restored.close()
    kept = closed_vault.with_name("vault.db.before-restore-20260302-090000")
    assert restored.replaced == kept
    assert Path(f"{kept}-wal").read_bytes() == b"the old vault's last notes"
    assert Path(f"{kept}-shm").read_bytes() == b"the old vault's log index"
    # The restored vault never starts with the old vault's log beside it.
    assert b"old vault" not in b"".join(
        p.read_bytes() for p in closed_vault.parent.glob("vault.db-*") if p.is_file()
    )


def test_a_restore_to_a_new_place_replaces_nothing_and_keeps_the_given_clock(tmp_path, backup):
    clock = FakeClock()
    restored = Vault.restore(backup, OTHER, tmp_path / "new" / "home" / "vault.db", clock=clock)
    assert restored.replaced is None
    if os.name == "posix":  # the folder a restore makes is the handler's alone, as create's
        assert stat.S_IMODE(restored.path.parent.stat().st_mode) == 0o700
    case = restored.create_case("Ärende Ek")
    assert restored.case(case).created == clock.now
    restored.close()
