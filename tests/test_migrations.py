"""Every earlier schema version opens in this version, with its data intact."""

from __future__ import annotations

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from vaaldstod.vault import Vault, VaultDamaged, VaultTooNew, schema


def _vault_at_version(path, version: int) -> None:
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    for step in range(version):
        connection.executescript(
            f"BEGIN;{schema.MIGRATIONS[step]};PRAGMA user_version = {step + 1};COMMIT;"
        )
    if version >= 1:
        connection.execute(
            "INSERT INTO cases (pseudonym, created, last_activity) VALUES (?, ?, ?)",
            ("Ärende 2026-001", "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00"),
        )
        connection.execute(
            "INSERT INTO notes (case_id, text, created, updated) VALUES (1, ?, ?, ?)",
            ("från äldre version", "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00"),
        )
    connection.close()


@pytest.mark.parametrize("version", range(1, schema.LATEST))
def test_migrates_forward_from_every_earlier_version(tmp_path, version):
    path = tmp_path / "old.db"
    _vault_at_version(path, version)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version == schema.LATEST
        if version >= 1:
            assert [h.text for h in vault.search("äldre")] == ["från äldre version"]
        case = vault.create_case("Ärende 2026-099")
        vault.add_note(case, "ny anteckning")
        assert len(vault.search("ny")) == 1


def test_an_empty_encrypted_database_is_not_taken_for_a_vault(tmp_path):
    path = tmp_path / "empty.db"
    _vault_at_version(path, 0)
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    connection.execute("CREATE TABLE other (x)")  # a real, keyed database, not ours
    connection.close()
    with pytest.raises(VaultDamaged):
        Vault.open(path, PASSPHRASE)


def test_a_vault_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    _vault_at_version(path, schema.LATEST)
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    connection.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(VaultTooNew):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == before
