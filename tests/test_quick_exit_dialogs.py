"""Quick exit while a dialog is open, clicked as a handler clicks: with the mouse, through the
window system, where Qt's modality applies (QTest on a widget itself would bypass it).

Every dialog class in `vaaldstod/ui/` and every Qt dialog the UI opens has an opener below; a
new dialog without one fails `test_every_dialog_in_the_ui_has_an_opener`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QPushButton, QWidget

import vaaldstod.ui
from tests.conftest import PASSPHRASE
from vaaldstod import demo, i18n
from vaaldstod.handbook import SOURCE_SCHEME
from vaaldstod.settings import Settings
from vaaldstod.ui.widgets import QuickExitButton
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui

UI = Path(vaaldstod.ui.__file__).parent


def real_click(widget: QWidget) -> None:
    """Press and release the left button over `widget`, delivered to its top-level window as
    the window system delivers a click."""
    window = widget.window()
    position = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(
        window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, position
    )


def open_dialogs() -> list[QDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and shiboken6.isValid(w) and w.isVisible()
    ]


def while_open(open_it: Callable[[], object], inside: Callable[[QDialog], None]) -> dict:
    """Run `open_it` (which runs a dialog); once its dialog is on screen call `inside` with
    it. A dialog still open after `inside` is cancelled, so a failing test cannot hang."""
    seen: dict = {"dialog": None, "stuck": False}
    before = {id(w) for w in open_dialogs()}
    timer = QTimer(interval=10)

    def poll() -> None:
        fresh = [w for w in open_dialogs() if id(w) not in before]
        if not fresh:
            return
        timer.stop()
        dialog = fresh[-1]
        seen["dialog"] = dialog
        seen["type"] = type(dialog).__name__
        seen["title"] = dialog.windowTitle()
        inside(dialog)
        for left in open_dialogs():
            if id(left) not in before:
                seen["stuck"] = True
                left.reject()

    timer.timeout.connect(poll)
    timer.start()
    open_it()
    timer.stop()
    return seen


@pytest.fixture
def app(qapp, tmp_path, monkeypatch):
    from vaaldstod.ui.controller import AppController

    i18n.set_language("en")
    controller = AppController(qapp, tmp_path / "vault.db", Settings(), quit_app=mock.Mock())
    controller.start()
    vault = Vault.create(controller.vault_path, PASSPHRASE)
    controller.case_ids = demo.fill(vault, "en")
    controller._opened(vault)
    cases = controller.main_window.cases
    cases._show_case(controller.case_ids[0])
    cases.notes.setCurrentRow(0)
    # A file chooser would wait for a real file: each opener picks its own.
    monkeypatch.setattr("vaaldstod.ui.referrals_page.QFileDialog", _FileChooser)
    yield controller
    close_app(controller)


def close_app(controller) -> None:
    """End a test's app: dialogs, presenter mode, the controller, and its windows deleted."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and shiboken6.isValid(widget) and widget.isVisible():
            widget.reject()
    window = controller.main_window
    exercises = window.pages.get("exercises") if window and shiboken6.isValid(window) else None
    if exercises is not None and shiboken6.isValid(exercises):
        exercises._close_presenter()
    controller.dispose()
    for widget in (controller.main_window, controller.lock_screen):
        if widget is not None and shiboken6.isValid(widget):
            widget.deleteLater()
    QApplication.sendPostedEvents(None, 0)


class _FileChooser:
    """Stands in for QFileDialog's static functions where the test needs a file chosen."""

    path = ""

    @classmethod
    def getOpenFileName(cls, *args, **kwargs):  # noqa: N802 (Qt's name)
        return cls.path, ""


# -- openers: the app's own action that opens each dialog --------------------------------------


def _history(app):
    app.main_window.cases._show_history()


def _message_box(app):
    app.main_window.cases._delete_note()


def _input_dialog(app):
    app.main_window.cases._rename_case()


def _shortcuts(app):
    app.main_window.show_shortcuts()


def _print_preview(app):
    window = app.main_window
    window.show_page("handbook")
    window.handbook._print_step()


def _handbook_sources(app):
    window = app.main_window
    window.show_page("handbook")
    handbook = window.handbook
    found = re.search(rf'href="{SOURCE_SCHEME}([^"]+)"', handbook.browser.toHtml())
    assert found, "the handbook step shows no sources link"
    handbook._link(QUrl(SOURCE_SCHEME + found.group(1)))


def _file_dialog(app):
    from PySide6.QtWidgets import QFileDialog

    QFileDialog.getOpenFileName(app.main_window, "Open", str(Path.home()))


def _passphrase(app):
    from vaaldstod.ui.settings_page import PassphraseDialog

    PassphraseDialog("Change passphrase", ["Now", "New"], app.main_window).values()


def _contact(app):
    window = app.main_window
    window.show_page("statistics")
    window.page("statistics").open_contact_dialog({})


def _referral_dialog(app, make):
    window = app.main_window
    window.show_page("referrals")
    referrals = window.page("referrals")
    referrals.reload()
    make(referrals, window).exec()


def _sheet(app):
    from vaaldstod.sheets import sheet_languages
    from vaaldstod.ui.sheet_dialog import SheetDialog

    _referral_dialog(app, lambda r, w: SheetDialog(r._shown[:2], sheet_languages(), w))


def _entry(app):
    from vaaldstod.ui.directory_entry_dialog import DirectoryEntryDialog

    _referral_dialog(app, lambda r, w: DirectoryEntryDialog(r.directory.office, None, w))


def _import(app):
    from vaaldstod.ui.directory_import_dialog import DirectoryImportDialog

    def make(referrals, window):
        preview = referrals.directory.office.preview_import(b"organisation\nX\n", "csv")
        return DirectoryImportDialog(preview, "x.csv", window)

    _referral_dialog(app, make)


def _office(app):
    from vaaldstod.ui.office_profile_dialog import OfficeProfileDialog

    _referral_dialog(app, lambda r, w: OfficeProfileDialog(w))


def _record_referral(app):
    from vaaldstod.ui.record_referral_dialog import RecordReferralDialog

    _referral_dialog(app, lambda r, w: RecordReferralDialog(app.vault, app.case_ids[0], None, w))


OPENERS: dict[str, Callable] = {
    "QDialog": _history,
    "QDialog (handbook sources)": _handbook_sources,
    "QMessageBox": _message_box,
    "QInputDialog": _input_dialog,
    "QFileDialog": _file_dialog,
    "QPrintPreviewDialog": _print_preview,
    "ShortcutsDialog": _shortcuts,
    "PassphraseDialog": _passphrase,
    "ContactDialog": _contact,
    "SheetDialog": _sheet,
    "DirectoryEntryDialog": _entry,
    "DirectoryImportDialog": _import,
    "OfficeProfileDialog": _office,
    "RecordReferralDialog": _record_referral,
}


# A Qt dialog built or run by its static functions (QMessageBox.question, QFileDialog.get…).
QT_DIALOG_USE = re.compile(
    r"\b(QDialog|QMessageBox|QInputDialog|QFileDialog|QPrint\w*Dialog|QColorDialog|QFontDialog"
    r"|QProgressDialog|QErrorMessage|QWizard)\b(?=\(|\.\w+\()"
)


def dialog_classes_in_ui() -> set[str]:
    """The QDialog subclasses defined in vaaldstod/ui/, and the Qt dialogs its code opens."""
    names = set()
    for module in pkgutil.iter_modules([str(UI)]):
        loaded = importlib.import_module(f"vaaldstod.ui.{module.name}")
        for name, value in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__ == loaded.__name__:
                names.add(name)
        source = (UI / f"{module.name}.py").read_text(encoding="utf-8")
        names |= set(re.findall(QT_DIALOG_USE, source))
    return names


def test_every_dialog_in_the_ui_has_an_opener():
    found = dialog_classes_in_ui()
    assert {"QDialog", "QMessageBox", "QPrintPreviewDialog", "ShortcutsDialog"} <= found
    missing = found - {key.split(" ")[0] for key in OPENERS}
    assert not missing, f"dialogs without a quick-exit test: {sorted(missing)}"


def test_a_real_click_is_blocked_by_qt_modality_without_the_guard(qtbot):
    """The click helper goes where Qt's modality applies, so the tests below can fail."""
    window = QMainWindow()
    qtbot.addWidget(window)
    button = QPushButton("exit")
    window.setCentralWidget(button)
    window.show()
    clicked = []
    button.clicked.connect(lambda: clicked.append(True))
    dialog = QDialog(window)
    seen = while_open(dialog.exec, lambda _dialog: real_click(button))
    assert seen["dialog"] is dialog and seen["stuck"]
    assert clicked == []
    real_click(button)
    assert clicked == [True]


def _quit_count(app) -> int:
    return app._quit.call_count


@pytest.mark.parametrize("opener", sorted(OPENERS))
def test_the_main_windows_red_button_works_while_a_dialog_runs(app, opener):
    window = app.main_window

    def inside(dialog: QDialog) -> None:
        bars = [b for b in dialog.findChildren(QuickExitButton) if b.isVisible()]
        assert bars, f"{type(dialog).__name__} shows no quick-exit button of its own"
        assert bars[0].accessibleName() == "Quick exit"
        real_click(window.quick_exit)

    seen = while_open(lambda: OPENERS[opener](app), inside)
    assert seen["dialog"] is not None, f"{opener} opened no dialog"
    assert not seen["stuck"], f"clicking the red button left {seen['type']} open"
    assert _quit_count(app) == 1
    assert app.locked
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets())


@pytest.mark.parametrize("opener", sorted(OPENERS))
def test_every_dialog_has_its_own_quick_exit_button(app, opener):
    def inside(dialog: QDialog) -> None:
        bar = next(b for b in dialog.findChildren(QuickExitButton) if b.isVisible())
        top_left = bar.mapTo(dialog, bar.rect().topLeft())
        assert top_left.y() < dialog.height() // 4  # along the top, where it is found first
        real_click(bar)

    seen = while_open(lambda: OPENERS[opener](app), inside)
    assert seen["dialog"] is not None and not seen["stuck"]
    assert _quit_count(app) == 1 and app.locked


def test_a_dialog_stays_modal_for_everything_else(app):
    window = app.main_window
    locked_before = app.locked
    clicks = []
    window.lock.clicked.connect(lambda: clicks.append("lock"))

    def inside(dialog: QDialog) -> None:
        real_click(window.lock)
        real_click(window.navigation)
        assert dialog.isVisible()
        dialog.reject()

    seen = while_open(lambda: _shortcuts(app), inside)
    assert seen["dialog"] is not None and not seen["stuck"]
    assert clicks == [] and app.locked == locked_before
    real_click(window.lock)
    assert clicks == ["lock"]


def test_the_bar_makes_a_resized_dialog_taller_so_nothing_is_cut_off(app):
    from vaaldstod.ui.shortcuts_dialog import ShortcutsDialog

    sizes = {}
    dialog = ShortcutsDialog(app.main_window)
    sizes["before"] = dialog.size()

    def inside(shown: QDialog) -> None:
        bar = next(b for b in shown.findChildren(QuickExitButton) if b.isVisible())
        sizes["after"] = shown.size()
        sizes["bar"] = bar.parentWidget().height()
        layout_top = shown.layout().contentsRect().top()
        assert layout_top >= sizes["bar"]  # the dialog's own content starts below the bar
        shown.reject()

    while_open(dialog.exec, inside)
    assert sizes["after"].height() == sizes["before"].height() + sizes["bar"]
    assert sizes["after"].width() == sizes["before"].width()
    dialog.deleteLater()


def test_the_main_window_cannot_be_closed_under_a_running_dialog(app):
    window = app.main_window

    def inside(dialog: QDialog) -> None:
        window.close()  # the window manager's close button
        assert window.isVisible() and dialog.isVisible()
        dialog.reject()

    seen = while_open(lambda: _shortcuts(app), inside)
    assert seen["dialog"] is not None and not seen["stuck"]
    assert window.isVisible() and not app.locked
