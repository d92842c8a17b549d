"""Bad input: random, truncated or mangled vaults, backups and settings files.

Whatever the bytes, the app gets a clear WrongPassphrase/VaultError (or, for settings, the
defaults), never another exception, and the file it was given stays as it was. Every try at
a vault or backup runs SQLCipher's full key derivation (~0.2 s), so the examples are few.
(Pack and directory-import fuzzing lives with those modules.)
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from vaaldstod import settings as settings_store
from vaaldstod.vault import Vault, VaultError, WrongPassphrase

BACKUP_PASSPHRASE = "en annan fras för kopian"
PAGE = 4096  # SQLCipher's page size; page 1 holds the salt and proves the passphrase
SLOW_EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def originals(tmp_path_factory) -> dict[str, bytes]:
    """The bytes of a small real vault and of a backup of it."""
    folder = tmp_path_factory.mktemp("originals")
    with Vault.create(folder / "vault.db", PASSPHRASE) as vault:
        case = vault.create_case("Ärende 2026-001")
        for number in range(40):
            vault.add_note(case, f"Anteckning {number} om ekonomiskt våld och kontroll.")
        vault.save_walkthrough(case, {"asked": "routine"})
        vault.backup(folder / "backup.db", BACKUP_PASSPHRASE)
    content = {name: (folder / name).read_bytes() for name in ("vault.db", "backup.db")}
    # The live log of another vault with the same passphrase (its own salt, so its own key).
    with Vault.create(folder / "other" / "vault.db", PASSPHRASE) as other:
        other.add_note(other.create_case("Ärende 2026-900"), "en annans anteckning " * 40)
        content["foreign-wal"] = Path(f"{other.path}-wal").read_bytes()
    return content


@st.composite
def damaged(draw, source: bytes) -> bytes:
    """`source` cut short, or with a slice flipped, zeroed, deleted or replaced by noise."""
    start = draw(st.integers(0, len(source) - 1))
    end = draw(st.integers(start + 1, min(len(source), start + PAGE)))
    action = draw(st.sampled_from(["truncate", "flip", "zero", "delete", "noise"]))
    if action == "truncate":
        return source[:start]
    if action == "flip":
        return source[:start] + bytes(b ^ 0xFF for b in source[start:end]) + source[end:]
    if action == "zero":
        return source[:start] + bytes(end - start) + source[end:]
    if action == "delete":
        return source[:start] + source[end:]
    return source[:start] + draw(st.binary(min_size=1, max_size=64)) + source[end:]


def with_damaged_table(path: Path, table: str) -> None:
    """Flip a byte in the middle of `table`'s first page: the vault still opens, reading fails."""
    with Vault.open(path, PASSPHRASE) as vault:
        [(page,)] = vault._conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchall()
    content = bytearray(path.read_bytes())
    content[(page - 1) * PAGE + PAGE // 2] ^= 0xFF
    path.write_bytes(bytes(content))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def _open_refused_or_whole(path: Path) -> str:
    """Open the file as a vault: a clear refusal, or a vault that closes again."""
    try:
        vault = Vault.open(path, PASSPHRASE)
    except VaultError:  # WrongPassphrase is one
        return "refused"
    vault.close()
    return "opened"


@pytest.mark.slow
@SLOW_EXAMPLES
@given(data=st.data())
def test_a_damaged_or_foreign_vault_file_is_refused_and_left_unchanged(originals, data):
    content = data.draw(
        st.one_of(
            # not a vault at all; 0- and 1-byte files are the next test's
            st.binary(min_size=2, max_size=3 * PAGE),
            damaged(originals["vault.db"]).filter(lambda content: len(content) > 1),
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "vault.db").write_bytes(content)
        _open_refused_or_whole(folder / "vault.db")
        assert snapshot(folder) == {"vault.db": content}  # no change, nothing left beside it


@pytest.mark.slow
@SLOW_EXAMPLES
@given(data=st.data())
def test_a_damaged_backup_is_refused_and_the_current_vault_kept(originals, data):
    content = data.draw(st.one_of(st.binary(max_size=2 * PAGE), damaged(originals["backup.db"])))
    with tempfile.TemporaryDirectory() as tmp:
        folder, usb = Path(tmp) / "home", Path(tmp) / "usb"
        folder.mkdir()
        usb.mkdir()
        (folder / "vault.db").write_bytes(originals["vault.db"])
        (usb / "backup.db").write_bytes(content)
        before = snapshot(folder)
        try:
            Vault.restore(usb / "backup.db", BACKUP_PASSPHRASE, folder / "vault.db").close()
        except VaultError:
            assert snapshot(folder) == before
            assert [p.name for p in usb.iterdir()] == ["backup.db"]
        else:  # the damage missed everything that matters: the old vault is kept beside it
            kept = [p for p in folder.iterdir() if ".before-restore-" in p.name]
            assert len(kept) == 1 and kept[0].read_bytes() == before["vault.db"]


def _note_count(vault: Vault) -> int:
    return sum(len(vault.notes(case.id)) for case in vault.cases())


@pytest.mark.slow
@SLOW_EXAMPLES
@given(data=st.data())
def test_a_stray_log_beside_the_vault_is_never_folded_in(originals, data):
    """Another vault's log, damaged or not, or noise as `vault.db-wal` (with or without an
    index): the right passphrase opens the vault as it was, and the file is unchanged."""
    log = data.draw(
        st.one_of(
            st.just(originals["foreign-wal"]),
            damaged(originals["foreign-wal"]),
            st.binary(min_size=1, max_size=2 * PAGE),
        )
    )
    index = data.draw(st.one_of(st.none(), st.binary(min_size=1, max_size=PAGE)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vault.db"
        path.write_bytes(originals["vault.db"])
        Path(f"{path}-wal").write_bytes(log)
        if index is not None:
            Path(f"{path}-shm").write_bytes(index)
        with Vault.open(path, PASSPHRASE) as vault:
            assert _note_count(vault) == 40
        assert path.read_bytes() == originals["vault.db"]
        aside = [p for p in Path(tmp).iterdir() if ".foreign-" in p.name]
        assert all(p.name.startswith(("vault.db-wal.", "vault.db-shm.")) for p in aside)
        if any(p.name.startswith("vault.db-wal.") for p in aside):
            [moved] = [p for p in aside if p.name.startswith("vault.db-wal.")]
            assert moved.read_bytes() == log  # set aside whole, never deleted


@pytest.mark.slow
@SLOW_EXAMPLES
@given(cut=st.integers(PAGE, 60_000))
def test_a_truncated_vault_with_the_right_passphrase_is_never_a_wrong_passphrase(originals, cut):
    content = originals["vault.db"][:cut]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "vault.db").write_bytes(content)
        try:
            with Vault.open(folder / "vault.db", PASSPHRASE) as vault:
                _note_count(vault)
        except WrongPassphrase:
            pytest.fail("a cut-short vault was taken for a wrong passphrase")
        except VaultError:
            pass  # VaultDamaged, with the sentence that offers restore
        assert snapshot(folder) == {"vault.db": content}


@pytest.mark.slow
@SLOW_EXAMPLES
@given(
    spelling=st.sampled_from(["same", "dotted", "symlink", "hardlink", "wal", "shm"]),
    passphrase=st.sampled_from([PASSPHRASE, BACKUP_PASSPHRASE]),
)
def test_a_backup_over_the_vault_itself_is_refused_whatever_the_spelling(
    originals, spelling, passphrase
):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "sub").mkdir()
        path = folder / "vault.db"
        path.write_bytes(originals["vault.db"])
        target = {
            "same": path,
            "dotted": folder / "sub" / ".." / "vault.db",
            "symlink": folder / "link.db",
            "hardlink": folder / "hard.db",
            "wal": Path(f"{path}-wal"),
            "shm": Path(f"{path}-shm"),
        }[spelling]
        if spelling == "symlink":
            target.symlink_to(path)
        if spelling == "hardlink":
            target.hardlink_to(path)
        with Vault.open(path, PASSPHRASE) as vault:
            with pytest.raises(VaultError):
                vault.backup(target, passphrase)
            assert _note_count(vault) == 40
        with Vault.open(path, PASSPHRASE) as again:  # still the handler's own passphrase
            assert _note_count(again) == 40


@pytest.mark.parametrize("content", [b"", b"\x00"])
def test_an_empty_vault_file_is_refused_not_made_into_a_new_vault(tmp_path, content):
    path = tmp_path / "vault.db"
    path.write_bytes(content)
    with pytest.raises(VaultError):
        Vault.open(path, "vilken fras som helst").close()
    assert path.read_bytes() == content


def test_a_damaged_page_found_after_unlock_is_a_vault_error(tmp_path, originals):
    path = tmp_path / "vault.db"
    path.write_bytes(originals["vault.db"])
    with_damaged_table(path, "cases")
    with Vault.open(path, PASSPHRASE) as vault:
        with pytest.raises(VaultError):
            vault.cases()


@pytest.mark.gui
def test_unlocking_a_damaged_vault_says_so_on_the_lock_screen(qtbot, qapp, tmp_path, originals):
    from vaaldstod.settings import Settings
    from vaaldstod.ui.controller import AppController

    path = tmp_path / "vault.db"
    path.write_bytes(originals["vault.db"])
    with_damaged_table(path, "cases")
    controller = AppController(qapp, path, Settings(), quit_app=lambda: None)
    controller.start()
    screen = controller.lock_screen
    screen.passphrase.setText(PASSPHRASE)
    try:
        with qtbot.captureExceptions():
            screen.submit.click()
            qtbot.waitUntil(lambda: controller.vault is not None or screen.submit.isEnabled())
            qtbot.wait(200)
        assert screen.submit.isEnabled() and screen.message.text()
        assert controller.vault is None  # the key is not kept for a vault nobody can use
    finally:
        controller.dispose()


# -- settings.json: preferences only, so anything unreadable gives the defaults --------------

SETTING_KEYS = [field.name for field in dataclasses.fields(settings_store.Settings)]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


def _load_checked(path: Path) -> settings_store.Settings:
    before = path.read_bytes()
    loaded = settings_store.load(path)
    assert isinstance(loaded, settings_store.Settings)
    assert dataclasses.replace(loaded).validated() == loaded  # every value within its range
    assert path.read_bytes() == before
    return loaded


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300))
def test_random_bytes_as_settings_give_valid_settings(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    _load_checked(path)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    document=st.dictionaries(st.sampled_from(SETTING_KEYS) | st.text(max_size=8), JSON_VALUES)
    | JSON_VALUES,
    cut=st.integers(min_value=0, max_value=400),
)
def test_mangled_settings_json_gives_valid_settings(tmp_path, document, cut):
    text = json.dumps(document, ensure_ascii=False)
    path = tmp_path / "settings.json"
    for content in (text, text[:cut]):
        path.write_text(content, encoding="utf-8")
        _load_checked(path)


def test_deeply_nested_settings_give_the_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    assert _load_checked(path) == settings_store.Settings()
