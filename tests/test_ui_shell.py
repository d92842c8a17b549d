"""The app shell as a handler meets it: create, unlock, lock, quick exit, auto-lock."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

from tests.conftest import PASSPHRASE
from vaaldstod import i18n
from vaaldstod.settings import Settings
from vaaldstod.ui import quick_exit
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(qapp, tmp_path):
    from vaaldstod.ui.controller import AppController

    i18n.set_language("sv")
    quit_app = mock.Mock()
    made = AppController(qapp, tmp_path / "vault.db", Settings(), quit_app=quit_app)
    made.quit_app = quit_app
    made.start()
    yield made
    made.dispose()
    i18n.set_language("sv")


@pytest.fixture
def unlocked(controller):
    vault = Vault.create(controller.vault_path, PASSPHRASE)
    case = vault.create_case("Ärende 2026-001")
    vault.add_note(case, "Första anteckningen")
    controller._opened(vault)
    controller.main_window.cases._show_case(case)
    controller.case_id = case
    return controller


def _type_and_submit(qtbot, screen, text, confirm=None):
    screen.passphrase.setText(text)
    if confirm is not None:
        screen.confirm.setText(confirm)
    qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)


def test_first_start_creates_the_vault_with_a_confirmed_passphrase(qtbot, controller):
    screen = controller.lock_screen
    assert screen.creating and screen.isVisible()
    _type_and_submit(qtbot, screen, "kort", "kort")
    assert "minst 10 tecken" in screen.message.text()
    _type_and_submit(qtbot, screen, PASSPHRASE, PASSPHRASE + "x")
    assert "olika" in screen.message.text()
    assert not controller.vault_path.exists()
    _type_and_submit(qtbot, screen, PASSPHRASE, PASSPHRASE)
    qtbot.waitUntil(
        lambda: controller.main_window is not None and controller.main_window.isVisible()
    )
    assert not screen.isVisible()
    assert controller.vault_path.exists()


def test_unlock_and_wrong_passphrase_with_growing_delay(qtbot, controller, tmp_path):
    Vault.create(controller.vault_path, PASSPHRASE).close()
    controller.throttle.succeeded()  # as the app records after creating a vault
    before = controller.vault_path.read_bytes()
    controller.lock_screen.set_creating(False)
    screen = controller.lock_screen
    for attempt in range(3):
        qtbot.waitUntil(lambda: screen.submit.isEnabled())
        _type_and_submit(qtbot, screen, f"fel fras {attempt}")
        qtbot.waitUntil(lambda: "öppnar inte valvet" in screen.message.text())
    assert not screen.submit.isEnabled()  # third wrong attempt: wait before the next
    assert "försöka igen om 2 s" in screen.message.text()
    assert screen.passphrase.text() == ""
    assert controller.vault_path.read_bytes() == before
    qtbot.waitUntil(lambda: screen.submit.isEnabled(), timeout=4000)
    _type_and_submit(qtbot, screen, PASSPHRASE)
    qtbot.waitUntil(lambda: controller.vault is not None)
    assert controller.throttle.failures == 0


def _all_hidden() -> bool:
    return not any(w.isVisible() for w in QApplication.topLevelWidgets())


def test_double_escape_hides_everything_locks_and_clears_the_clipboard(qtbot, unlocked):
    window = unlocked.main_window
    unlocked.clipboard.copy("kopierad anteckning")
    window.cases.editor.setPlainText("halvskriven anteckning")
    qtbot.keyClick(window.cases.editor, Qt.Key.Key_Escape)
    assert window.isVisible()  # one Esc is not enough
    qtbot.keyClick(window.cases.editor, Qt.Key.Key_Escape)
    assert _all_hidden()
    assert unlocked.locked
    assert QGuiApplication.clipboard().text() == ""
    unlocked.quit_app.assert_called_once()
    assert window.cases.editor.toPlainText() == ""
    with Vault.open(unlocked.vault_path, PASSPHRASE) as vault:
        assert vault.draft(unlocked.case_id) == "halvskriven anteckning"


def test_escapes_far_apart_do_not_exit(qtbot, unlocked, monkeypatch):
    monkeypatch.setattr(quick_exit, "DOUBLE_ESC_SECONDS", -1.0)
    for _ in range(3):
        qtbot.keyClick(unlocked.main_window.cases.search, Qt.Key.Key_Escape)
    assert unlocked.main_window.isVisible() and not unlocked.locked


def test_f12_and_the_button_are_quick_exits_too(qtbot, unlocked):
    qtbot.keyClick(unlocked.main_window.cases.notes, Qt.Key.Key_F12)
    assert _all_hidden() and unlocked.locked
    unlocked.lock_screen.show()
    qtbot.mouseClick(unlocked.lock_screen.quick_exit, Qt.MouseButton.LeftButton)
    assert _all_hidden()
    assert unlocked.quit_app.call_count == 2


def test_quick_exit_button_stands_on_every_screen(unlocked):
    window = unlocked.main_window
    for key in ("cases", "settings"):
        window.show_page(key)
        assert window.quick_exit.isVisible() and window.quick_exit.text() == "Stäng snabbt"
    unlocked.lock("")
    assert unlocked.lock_screen.quick_exit.isVisible()


def test_auto_lock_after_idle_keeps_the_draft_and_says_why(qtbot, unlocked):
    cases = unlocked.main_window.cases
    cases.search.setText("Första")
    cases._show_case(unlocked.case_id)
    cases.search.blockSignals(True)
    cases.editor.setPlainText("utkast före låsning")
    unlocked.inactivity.set_interval_ms(50)
    qtbot.waitUntil(lambda: unlocked.locked, timeout=2000)
    assert not unlocked.main_window.isVisible()
    assert unlocked.lock_screen.isVisible()
    assert "utan aktivitet" in unlocked.lock_screen.message.text()
    assert cases.search.text() == "" and cases.editor.toPlainText() == ""
    cases.search.blockSignals(False)
    unlocked._opened(Vault.open(unlocked.vault_path, PASSPHRASE))
    cases._show_case(unlocked.case_id)
    assert cases.editor.toPlainText() == "utkast före låsning"


def test_input_restarts_the_idle_timer(qtbot, unlocked):
    unlocked.inactivity.set_interval_ms(400)
    for _ in range(6):
        qtbot.wait(100)
        qtbot.keyClick(unlocked.main_window.cases.editor, Qt.Key.Key_A)
    assert not unlocked.locked


def test_ctrl_l_locks(qtbot, unlocked):
    qtbot.keyClick(unlocked.main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert unlocked.locked and unlocked.lock_screen.isVisible()


def test_saving_a_note_through_the_window(qtbot, unlocked):
    cases = unlocked.main_window.cases
    cases.editor.setPlainText("Klienten har inte tillgång till sitt BankID.")
    qtbot.keyClick(cases.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert cases.editor.toPlainText() == ""
    assert cases.notes.count() == 2
    assert [h.case_id for h in unlocked.vault.search("bankid")] == [unlocked.case_id]


def test_clipboard_is_cleared_only_if_it_still_holds_our_copy(unlocked):
    unlocked.clipboard.copy("vår kopia")
    # Another program copies (offscreen, Qt cannot tell: say the app does not own it).
    with mock.patch("vaaldstod.ui.clipboard._ours", return_value=False):
        QGuiApplication.clipboard().setText("något annat")
        unlocked.clipboard.clear()
    assert QGuiApplication.clipboard().text() == "något annat"
    unlocked.clipboard.copy("vår kopia")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.data("x-kde-passwordManagerHint").data() == b"secret"
    unlocked.clipboard.clear()
    assert QGuiApplication.clipboard().text() == ""


def test_language_switches_without_restart(qtbot, unlocked):
    window = unlocked.main_window
    window.show_page("settings")
    window.settings_page.language.setCurrentIndex(1)  # English
    assert window.quick_exit.text() == "Quick exit"
    assert window.navigation.item(0).text() == "Cases and notes"
    assert unlocked.lock_screen.submit.text() == "Unlock"
    window.settings_page.language.setCurrentIndex(0)
    assert window.quick_exit.text() == "Stäng snabbt"


INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QSpinBox,
    QListWidget,
    QTextBrowser,
)


def test_every_interactive_control_has_an_accessible_name(unlocked):
    screens = [unlocked.lock_screen, unlocked.main_window]
    nameless = []
    for screen in screens:
        for widget in screen.findChildren(QWidget):
            if not isinstance(widget, INTERACTIVE) or isinstance(
                widget.parent(), (QLineEdit, QSpinBox, QComboBox)
            ):
                continue  # Qt's own sub-controls (a line edit's clear button, a spin box's field)
            if not (widget.accessibleName() or getattr(widget, "text", lambda: "")()):
                nameless.append(f"{type(widget).__name__} in {screen.objectName()}")
    assert not nameless, nameless


def test_deleting_a_note_asks_first(qtbot, unlocked, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    cases = unlocked.main_window.cases
    cases.notes.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    qtbot.mouseClick(cases.delete_note, Qt.MouseButton.LeftButton)
    assert len(unlocked.vault.notes(unlocked.case_id)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    cases.notes.setCurrentRow(0)
    qtbot.mouseClick(cases.delete_note, Qt.MouseButton.LeftButton)
    assert unlocked.vault.notes(unlocked.case_id) == []


def test_f1_lists_the_shortcuts(qtbot, unlocked, monkeypatch):
    from vaaldstod.ui.shortcuts_dialog import ShortcutsDialog

    shown = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    qtbot.keyClick(unlocked.main_window.cases.notes, Qt.Key.Key_F1)
    [dialog] = shown
    tree = dialog.findChild(QTreeWidget)
    keys = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Esc Esc" in keys and "Ctrl+L" in keys


def test_a_damaged_vault_can_be_restored_from_the_lock_screen(
    qtbot, controller, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from vaaldstod.ui.settings_page import PassphraseDialog

    with Vault.create(controller.vault_path, PASSPHRASE) as vault:
        vault.add_note(vault.create_case("Ärende 2026-001"), "sparad i kopian")
        vault.backup(tmp_path / "kopia.db", "kopians egen lösenfras")
    data = controller.vault_path.read_bytes()
    controller.vault_path.write_bytes(data[: 4096 + 10])  # cut short after page 1
    controller.lock_screen.set_creating(False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(tmp_path / "kopia.db"), ""))
    monkeypatch.setattr(
        PassphraseDialog, "values", lambda self: [PASSPHRASE, "kopians egen lösenfras"]
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(controller.lock_screen.restore, Qt.MouseButton.LeftButton)
    # Replaced, but the app stays locked until the backup's passphrase is given.
    qtbot.waitUntil(lambda: "vault.db.before-restore-" in controller.lock_screen.message.text())
    assert controller.vault is None and controller.lock_screen.isVisible()
    controller.lock_screen.passphrase.setText("kopians egen lösenfras")
    qtbot.mouseClick(controller.lock_screen.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.vault is not None)
    assert [h.text for h in controller.vault.search("kopian")] == ["sparad i kopian"]
    assert any(".before-restore-" in p.name for p in tmp_path.iterdir())


def test_no_auto_lock_while_an_exercise_is_presented(qtbot, unlocked):
    unlocked.inactivity.set_interval_ms(50)
    unlocked.main_window.presenting.emit(True)
    qtbot.wait(200)
    assert not unlocked.locked
    unlocked.main_window.presenting.emit(False)
    qtbot.waitUntil(lambda: unlocked.locked, timeout=2000)


def test_a_long_case_list_comes_in_parts_and_never_after_a_lock(qtbot, unlocked, monkeypatch):
    """The first rows are there when the window is drawn, the rest follow at once; a lock
    in between stops them, so no pseudonym comes back into the locked window."""
    from vaaldstod.ui import cases_page

    monkeypatch.setattr(cases_page, "ROWS_AT_ONCE", 2)
    vault = unlocked.vault
    for number in range(2, 8):
        vault.create_case(f"Ärende 2026-{number:03d}")
    page = unlocked.main_window.cases
    page.reload()
    assert page.case_list.count() == 2
    qtbot.waitUntil(lambda: page.case_list.count() == 7, timeout=5_000)
    shown = {page.case_list.item(row).data(cases_page.ROLE_ID) for row in range(7)}
    assert shown == {case.id for case in vault.cases()}

    page.reload()
    unlocked.lock("")
    qtbot.wait(50)  # the turns in which the rest would have come
    assert page.case_list.count() == 0
