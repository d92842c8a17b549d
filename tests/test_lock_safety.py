"""Locking as a handler meets it: idle lock, Ctrl+L, quick exit and logoff leave nothing with
client data on screen or in the accessibility tree, and keep every unsaved word encrypted."""

from __future__ import annotations

from unittest import mock

import pytest
import shiboken6
from PySide6.QtCore import SIGNAL, Qt, QThreadPool
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from tests.conftest import PASSPHRASE
from tests.test_quick_exit_dialogs import close_app, while_open
from vaaldstod import i18n
from vaaldstod.settings import Settings
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui

PSEUDONYM = "Ärende Blåklint"
NOTE = "Klienten berättade om hot från sambon"
EDIT = "Klienten berättade om hot och om skulder i hennes namn"
JOURNAL = "Frågan om våld ställdes; klienten beskrev ekonomiskt våld"


@pytest.fixture
def app(qapp, tmp_path):
    from vaaldstod.ui.controller import AppController

    i18n.set_language("en")
    controller = AppController(qapp, tmp_path / "vault.db", Settings(), quit_app=mock.Mock())
    controller.start()
    vault = Vault.create(controller.vault_path, PASSPHRASE)
    controller.case_id = vault.create_case(PSEUDONYM)
    controller.note_id = vault.add_note(controller.case_id, NOTE)
    controller._opened(vault)
    cases = controller.main_window.cases
    cases._show_case(controller.case_id)
    cases.notes.setCurrentRow(0)
    yield controller
    close_app(controller)


def unlock(app) -> None:
    app.lock_screen.passphrase.setText(PASSPHRASE)
    app._opened(Vault.open(app.vault_path, PASSPHRASE))


def accessible_texts() -> str:
    """Every name, value and description the accessibility tree offers a screen reader."""
    found = []
    stack = [QAccessible.queryAccessibleInterface(QApplication.instance())]
    while stack:
        node = stack.pop()
        if node is None or not node.isValid():
            continue
        for kind in (QAccessible.Text.Name, QAccessible.Text.Value, QAccessible.Text.Description):
            found.append(node.text(kind))
        stack.extend(node.child(i) for i in range(node.childCount()))
    return "\n".join(found)


def visible_windows() -> list[str]:
    return [
        f"{type(w).__name__} {w.windowTitle()}"
        for w in QApplication.topLevelWidgets()
        if shiboken6.isValid(w) and w.isVisible()
    ]


def test_the_accessibility_walk_sees_note_text(app):
    """The check below can fail: while unlocked, the note is in the tree."""
    assert NOTE in accessible_texts() and PSEUDONYM in accessible_texts()


def test_idle_lock_closes_an_open_dialog_and_leaves_no_note_text(app, qtbot):
    app.main_window.cases.editor.setPlainText("")
    app.vault.update_note(app.note_id, EDIT)  # the dialog shows the earlier text: NOTE

    def inside(dialog: QDialog) -> None:
        assert NOTE in dialog.findChild(QTextBrowser).toPlainText()
        app.inactivity.set_interval_ms(20)
        qtbot.waitUntil(lambda: app.locked, timeout=3000)

    seen = while_open(app.main_window.cases._show_history, inside)
    assert seen["title"] == "Earlier versions"
    assert not seen["stuck"], "the dialog stayed open after the lock"
    assert app.lock_screen.isVisible()
    assert visible_windows() == ["LockScreen Notes"]
    texts = accessible_texts()
    assert NOTE not in texts and EDIT not in texts and PSEUDONYM not in texts


def test_ctrl_l_also_removes_dialogs_used_before(app, qtbot):
    """A rename box closed a minute ago still holds the pseudonym, hidden, in the tree."""
    cases = app.main_window.cases

    def rename(dialog: QDialog) -> None:
        dialog.reject()

    while_open(cases._rename_case, rename)
    app.main_window.activateWindow()
    qtbot.waitUntil(app.main_window.isActiveWindow)
    qtbot.keyClick(app.main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.locked
    QApplication.sendPostedEvents(None, 0)  # the leftover dialogs are deleted
    assert visible_windows() == ["LockScreen Notes"]
    assert PSEUDONYM not in accessible_texts()


def test_an_edit_of_an_existing_note_survives_idle_lock_encrypted(app, qtbot, tmp_path):
    cases = app.main_window.cases
    cases._edit_note()
    cases.editor.setPlainText(EDIT)
    app.inactivity.set_interval_ms(20)
    qtbot.waitUntil(lambda: app.locked, timeout=3000)
    assert cases.editor.toPlainText() == ""
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert EDIT.encode() not in path.read_bytes(), path
    unlock(app)
    assert cases.editor.toPlainText() == EDIT
    assert cases._editing_note == app.note_id
    assert "kept" in app.main_window.status_line.text()
    cases._save_note()
    assert [n.text for n in app.vault.notes(app.case_id)] == [EDIT]
    assert app.vault.edit_drafts() == []


def test_cancelling_a_kept_edit_forgets_it(app, qtbot):
    cases = app.main_window.cases
    cases._edit_note()
    cases.editor.setPlainText(EDIT)
    app.lock("")
    unlock(app)
    cases._cancel_edit()
    assert app.vault.edit_drafts() == []
    assert [n.text for n in app.vault.notes(app.case_id)] == [NOTE]


def test_journal_text_in_the_handbook_survives_a_lock(app, qtbot):
    window = app.main_window
    window.show_page("handbook")
    handbook = window.handbook
    handbook.journal.setPlainText(JOURNAL)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.locked and handbook.journal.toPlainText() == ""
    assert JOURNAL not in accessible_texts()
    unlock(app)
    assert handbook.journal.toPlainText() == JOURNAL


def test_the_passphrase_is_not_kept_while_unlocked_and_search_forgets_its_undo(app, qtbot):
    app.lock("")
    unlock(app)
    assert app.lock_screen.passphrase.text() == ""
    assert not app.lock_screen.passphrase.isUndoAvailable()
    search = app.main_window.cases.search
    qtbot.keyClicks(search, "skulder")
    app.lock("")
    assert search.text() == "" and not search.isUndoAvailable()


def test_logoff_saves_the_draft_and_closes_the_vault(app, qapp):
    cases = app.main_window.cases
    cases._show_case(app.case_id)
    cases.editor.setPlainText("halvskriven vid utloggning")
    vault = app.vault
    qapp.aboutToQuit.emit()
    assert app.vault is None and not vault.is_open
    wal = app.vault_path.with_name(app.vault_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed into the vault
    with Vault.open(app.vault_path, PASSPHRASE) as reopened:
        assert reopened.draft(app.case_id) == "halvskriven vid utloggning"


def test_the_session_managers_commit_request_locks(app, qapp):
    app.main_window.cases.editor.setPlainText("utkast vid avslut")
    # A QSessionManager cannot be made outside a session: the slot is checked to be connected
    # to the signal, then called as the signal would call it.
    assert qapp.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) >= 1
    app._commit_data(None)
    assert app.locked and app.lock_screen.isVisible()
    assert not app.main_window.isVisible()
    assert "session" in app.lock_screen.message.text()
    with Vault.open(app.vault_path, PASSPHRASE) as reopened:
        assert reopened.draft(app.case_id) == "utkast vid avslut"


def _clipboard_formats() -> list[str]:
    mime = QGuiApplication.clipboard().mimeData()
    return mime.formats() if mime is not None else []


@pytest.mark.parametrize("key", [Qt.Key.Key_C, Qt.Key.Key_X])
def test_ctrl_c_and_ctrl_x_from_a_note_field_are_concealed_and_cleared_on_lock(app, qtbot, key):
    editor = app.main_window.cases.editor
    editor.setPlainText("anteckning att kopiera")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)
    board = QGuiApplication.clipboard()
    assert board.text() == "anteckning att kopiera"
    assert "x-kde-passwordManagerHint" in _clipboard_formats()
    assert "org.nspasteboard.ConcealedType" in _clipboard_formats()
    app.lock("")
    assert board.text() == ""


def test_a_copy_made_elsewhere_after_ours_is_left_alone(app, qtbot):
    editor = app.main_window.cases.editor
    editor.setPlainText("vår kopia")
    editor.selectAll()
    editor.copy()
    app.clipboard._timer.stop()
    # Another program takes the clipboard (the app does not own it): not ours to clear.
    with mock.patch("vaaldstod.ui.clipboard._ours", return_value=False):
        QGuiApplication.clipboard().setText("från ett annat program")
    app.lock("")
    assert QGuiApplication.clipboard().text() == "från ett annat program"
    QGuiApplication.clipboard().clear()


def test_quick_exit_clears_a_copied_note(app, qtbot):
    editor = app.main_window.cases.editor
    editor.setPlainText("kopierad före snabbstängning")
    editor.selectAll()
    editor.copy()
    qtbot.keyClick(editor, Qt.Key.Key_F12)
    assert app.locked and QGuiApplication.clipboard().text() == ""


def test_the_lock_screen_does_not_say_what_the_app_is_for(app):
    app.lock("")
    screen = app.lock_screen
    shown = [screen.windowTitle(), screen.title.text(), screen.intro.text()]
    assert not any("Våldstöd" in text or "violence" in text.lower() for text in shown), shown
    assert screen.windowTitle() == "Notes"


def test_a_neutral_title_replaces_the_apps_name_in_title_bar_and_header(app, home):
    window = app.main_window
    assert window.windowTitle() == "Våldstöd" and window.heading.text() == "Våldstöd"
    page = window.settings_page
    page.neutral_title.setText("  Kontoret   Växjö ")
    page.neutral_title.editingFinished.emit()
    assert window.windowTitle() == "Kontoret Växjö" and window.heading.text() == "Kontoret Växjö"
    app.lock("")
    assert app.lock_screen.windowTitle() == "Kontoret Växjö"
    from vaaldstod import settings as settings_store

    assert settings_store.load().neutral_title == "Kontoret Växjö"


def test_quick_exit_and_idle_lock_work_while_background_work_runs(app, qtbot):
    """A deliberately slow task (pure Python, holding the GIL in turns) on the worker pool:
    the UI thread still reacts to F12 and to the idle timer at once."""
    import threading

    from vaaldstod.ui.worker import run_in_background

    release = threading.Event()
    done = []

    def slow() -> int:
        spins = 0
        while not release.is_set():
            spins += 1  # busy, as a template's nested loops would be
        return spins

    run_in_background(slow, done.append, done.append)
    app.inactivity.set_interval_ms(30)
    qtbot.waitUntil(lambda: app.locked, timeout=3000)
    assert not done  # locked while the task was still running
    unlock(app)
    qtbot.keyClick(app.main_window.cases.editor, Qt.Key.Key_F12)
    assert app._quit.called and not done
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=3000)


def test_journal_text_is_written_off_the_ui_thread_and_dropped_on_lock(app, qtbot, monkeypatch):
    import threading

    import vaaldstod.templates

    started, release = threading.Event(), threading.Event()

    def slow_render(answers, language):
        started.set()
        release.wait(5)
        return "sen journaltext"

    monkeypatch.setattr(vaaldstod.templates, "render_journal", slow_render)
    window = app.main_window
    window.show_page("handbook")
    handbook = window.handbook
    monkeypatch.setattr(handbook, "walkthrough_answers", lambda: object())
    handbook._generate()
    assert started.wait(5)
    app.lock("")  # the UI thread is free: locking happens while the text is being written
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()  # the finished text arrives, and is dropped
    assert handbook.journal.toPlainText() == ""
