"""What the handler sees of the vault's integrity rules: restores, retention, set-aside logs,
one running copy (issues 14 and 22)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.conftest import PASSPHRASE
from vaaldstod import i18n
from vaaldstod.settings import Settings
from vaaldstod.throttle import UnlockThrottle
from vaaldstod.ui.settings_page import PassphraseDialog
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui
BACKUP = "kopians egen lösenfras"


@pytest.fixture
def controller(qapp, tmp_path):
    from vaaldstod.ui.controller import AppController

    made = AppController(qapp, tmp_path / "vault.db", Settings(language="en"), quit_app=mock.Mock())
    made.start()
    yield made
    made.dispose()
    i18n.set_language("en")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _choose(monkeypatch, path: Path, passphrases: list[str]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(path), ""))
    monkeypatch.setattr(PassphraseDialog, "values", lambda self: list(passphrases))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)


def _a_backup(tmp_path: Path) -> Path:
    usb = tmp_path / "usb"
    with Vault.create(tmp_path / "elsewhere" / "vault.db", BACKUP) as other:
        other.add_note(other.create_case("Ärende 2026-500"), "ur säkerhetskopian")
        usb.mkdir()
        other.backup(usb / "backup.db", BACKUP)
    return usb / "backup.db"


def test_settings_restore_reads_the_backup_without_changing_it(
    qtbot, controller, tmp_path, monkeypatch
):
    backup = _a_backup(tmp_path)
    before = _files(backup.parent)
    controller._opened(Vault.create(controller.vault_path, PASSPHRASE))
    _choose(monkeypatch, backup, [BACKUP])
    controller.main_window.settings_page._restore()
    assert _files(backup.parent) == before  # same bytes, no log or index left beside it
    assert [c.pseudonym for c in controller.vault.cases()] == ["Ärende 2026-500"]
    status = controller.main_window.status_line.text()
    assert "vault.db.before-restore-" in status and "to undo" in status


def test_lock_screen_restore_refuses_without_the_current_passphrase(
    qtbot, controller, tmp_path, monkeypatch
):
    backup = _a_backup(tmp_path)
    Vault.create(controller.vault_path, PASSPHRASE).close()
    controller.throttle.succeeded()
    controller.lock_screen.set_creating(False)
    before = _files(controller.vault_path.parent)
    _choose(monkeypatch, backup, ["someone else's guess", BACKUP])
    qtbot.mouseClick(controller.lock_screen.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not open the vault" in controller.lock_screen.message.text())
    assert controller.vault is None
    after = _files(controller.vault_path.parent)
    assert after.pop("vault.db.attempts") != before.pop("vault.db.attempts")
    assert after == before
    assert controller.throttle.failures == 1  # it counts as a wrong passphrase


def test_lock_screen_restore_with_the_current_passphrase_says_what_it_replaced(
    qtbot, controller, tmp_path, monkeypatch
):
    backup = _a_backup(tmp_path)
    Vault.create(controller.vault_path, PASSPHRASE).close()
    controller.lock_screen.set_creating(False)
    _choose(monkeypatch, backup, [PASSPHRASE, BACKUP])
    qtbot.mouseClick(controller.lock_screen.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.vault is not None)
    status = controller.main_window.status_line.text()
    assert "vault.db.before-restore-" in status and "with its own passphrase" in status


def test_a_shorter_retention_in_the_settings_file_deletes_nothing_at_unlock(
    qtbot, controller, tmp_path
):
    month_ago = datetime.now(UTC) - timedelta(days=30)
    with Vault.create(controller.vault_path, PASSPHRASE, clock=lambda: month_ago) as vault:
        vault.add_note(vault.create_case("Ärende 2026-010"), "en månad gammal")
    # Edited by hand: a week's retention, and warnings only on the last day.
    controller.settings = Settings(language="en", retention_days=7, retention_warning_days=1)
    controller._opened(Vault.open(controller.vault_path, PASSPHRASE))
    vault = controller.vault
    assert [c.pseudonym for c in vault.cases()] == ["Ärende 2026-010"]
    assert controller.main_window.cases.warning_days == 14  # the notice is shown in full
    assert vault.pending_retention() == (7, date.today() + timedelta(days=14))
    assert [c.pseudonym for c in vault.expiring(14)] == ["Ärende 2026-010"]  # the warning
    controller.settings = Settings(language="en", retention_days=30)  # later edits: ignored
    controller.lock("")
    controller._opened(Vault.open(controller.vault_path, PASSPHRASE))
    assert controller.vault.pending_retention() == (7, date.today() + timedelta(days=14))


def test_the_settings_page_sets_retention_in_the_vault(qtbot, controller, home):
    from vaaldstod import settings as settings_store

    controller._opened(Vault.create(controller.vault_path, PASSPHRASE))
    page = controller.main_window.settings_page
    assert page.retention.value() == 90
    page.retention.setValue(180)
    assert controller.vault.retention_days == 180
    page.retention.setValue(30)
    assert controller.vault.retention_days == 180  # not before the notice is over
    effective = (date.today() + timedelta(days=14)).isoformat()
    assert effective in controller.main_window.status_line.text()
    assert settings_store.load().retention_days == Settings().retention_days  # not the file


def test_a_set_aside_log_is_reported_at_unlock(qtbot, controller, tmp_path):
    with Vault.create(tmp_path / "other" / "vault.db", "en annan fras helt") as other:
        other.add_note(other.create_case("Ärende 2026-900"), "främmande")
        shutil.copyfile(f"{other.path}-wal", f"{controller.vault_path}-wal.tmp")
    Vault.create(controller.vault_path, PASSPHRASE).close()
    Path(f"{controller.vault_path}-wal.tmp").rename(f"{controller.vault_path}-wal")
    controller._opened(Vault.open(controller.vault_path, PASSPHRASE))
    status = controller.main_window.status_line.text()
    assert "did not belong to it and was set aside as vault.db-wal.foreign-" in status


HOLDER = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(1000)
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_second_copy_says_it_is_already_running_and_exits(qapp, home, monkeypatch):
    from vaaldstod import paths
    from vaaldstod.ui import app as app_module

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.home() / "vaaldstod.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    names = (
        qapp.applicationName(),
        qapp.organizationName(),
        qapp.applicationDisplayName(),
        qapp.desktopFileName(),
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        said = []
        monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
        monkeypatch.setattr(  # were the lock not noticed, fail instead of running the app
            "vaaldstod.ui.controller.AppController", mock.Mock(side_effect=AssertionError)
        )
        assert app_module.run_app(["vaaldstod"]) == 0
        assert said == ["Våldstöd is already running. Switch to its window (it may be minimised)."]
    finally:
        holder.communicate("")
        qapp.setApplicationName(names[0])  # run_app named the shared application
        qapp.setOrganizationName(names[1])
        qapp.setApplicationDisplayName(names[2])
        qapp.setDesktopFileName(names[3])
    lock = app_module.single_instance_lock(paths.home())  # free again once it quit
    assert lock is not None
    lock.unlock()


def test_the_lock_screen_restore_is_throttled_too(qtbot, controller, tmp_path, monkeypatch):
    Vault.create(controller.vault_path, PASSPHRASE).close()
    throttle = UnlockThrottle.for_vault(controller.vault_path)
    for _attempt in range(4):
        throttle.failed()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: pytest.fail("asked"))
    controller._restore_from_lock_screen()
    assert "Too many wrong passphrases" in controller.lock_screen.message.text()
