"""Safety features through their real wiring, not through helpers set up by hand.

Each test here kills a deliberate bug that an audit planted and the older tests let pass
(issue 17): Settings → idle-lock minutes, the clipboard really clearing itself, quick exit
with dialogs open, retention on the day the UI names (and the day before), edits counting as
activity, the national numbers on the printed sheets, and the pseudonym check on renaming.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from datetime import timedelta
from unittest import mock

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from tests import needs
from tests.conftest import PASSPHRASE
from vaaldstod import i18n
from vaaldstod.settings import Settings
from vaaldstod.vault import Vault, VaultError

pytestmark = pytest.mark.gui


@pytest.fixture
def unlock(restore_app, tmp_path, clock):
    """unlock(settings, fill) → an AppController unlocked on a vault that runs on `clock`.

    `fill(vault)` runs before the unlock, with the clock where the test left it."""
    from vaaldstod.ui.controller import AppController

    made = []

    def make(current: Settings | None = None, fill=None):
        current = current or Settings()
        controller = AppController(
            restore_app, tmp_path / f"vault{len(made)}.db", current, quit_app=mock.Mock()
        )
        made.append(controller)
        controller.start()
        vault = Vault.create(controller.vault_path, PASSPHRASE, clock=clock)
        controller.filled = fill(vault) if fill else None
        vault.close()
        controller._opened(Vault.open(controller.vault_path, PASSPHRASE, clock=clock))
        return controller

    yield make
    for controller in made:
        controller.dispose()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog):
            widget.close()
            widget.deleteLater()


def _one_case_with_a_note(vault: Vault) -> int:
    case = vault.create_case("Ärende 2026-001")
    vault.add_note(case, "Första anteckningen")
    return case


# -- auto-lock: Settings → timer ----------------------------------------------------------


def test_the_idle_lock_runs_on_the_minutes_from_settings(unlock):
    controller = unlock(Settings(idle_lock_minutes=5))
    timer = controller.inactivity._timer
    assert timer.isActive() and timer.interval() == 5 * 60_000
    assert timer.remainingTime() > 4 * 60_000  # a coarse timer may run up to 5 % late

    page = controller.main_window.page("settings")
    page.idle.setValue(2)  # the handler changes it in Settings → Safety
    assert controller.settings.idle_lock_minutes == 2
    assert timer.isActive() and timer.interval() == 2 * 60_000
    assert 60_000 < timer.remainingTime() <= 2.1 * 60_000

    timer.timeout.emit()  # the two minutes are up
    assert controller.locked and controller.lock_screen.isVisible()
    assert not controller.main_window.isVisible()


# -- clipboard ------------------------------------------------------------------------------


def _copy_the_note(qtbot, controller) -> None:
    """Choose the case's note and press Copy, as the handler does."""
    cases = controller.main_window.cases
    cases._show_case(controller.filled)
    cases.notes.setCurrentRow(0)
    qtbot.mouseClick(cases.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Första anteckningen"


def test_a_copied_note_is_cleared_after_the_time_with_no_other_action(qtbot, unlock):
    from vaaldstod.ui import clipboard

    assert clipboard.CLEAR_AFTER_MS == 30_000
    controller = unlock(fill=_one_case_with_a_note)
    _copy_the_note(qtbot, controller)
    timer = controller.clipboard._timer
    assert timer.isActive() and timer.interval() == 30_000 and timer.remainingTime() > 29_000
    controller.clipboard.clear()


def test_the_clipboard_timer_really_empties_the_clipboard(qtbot, unlock, monkeypatch):
    from vaaldstod.ui import clipboard

    monkeypatch.setattr(clipboard, "CLEAR_AFTER_MS", 200)  # 30 s, shortened for the test
    controller = unlock(fill=_one_case_with_a_note)
    _copy_the_note(qtbot, controller)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5000)
    assert not controller.locked  # only the copy went; the handler goes on working


def test_copies_are_concealed_from_clipboard_managers_on_every_platform(unlock):
    controller = unlock()
    controller.clipboard.copy("kopierad anteckning")
    mime = QGuiApplication.clipboard().mimeData()
    assert bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"  # KDE, GNOME
    assert bytes(mime.data("ExcludeClipboardContentFromMonitorProcessing")) == b"1"  # Windows
    controller.clipboard.clear()


def test_clearing_never_removes_what_the_handler_copied_elsewhere(unlock):
    """An image (no text) copied in another program survives lock, quick exit and quit,
    whether or not the app copied anything before."""
    controller = unlock()
    board = QGuiApplication.clipboard()
    for copied_before in (False, True):
        if copied_before:
            controller.clipboard.copy("vår kopia")
            controller.clipboard.clear()
        image = QMimeData()
        image.setData("image/png", b"\x89PNG fictional")
        board.setMimeData(image)
        controller.clipboard.clear()
        assert bytes(board.mimeData().data("image/png")) == b"\x89PNG fictional"
    board.clear()


# -- quick exit with several windows ------------------------------------------------------


def test_f12_hides_every_window_and_dialog_at_once(qtbot, unlock):
    from vaaldstod.ui.shortcuts_dialog import ShortcutsDialog

    controller = unlock(fill=_one_case_with_a_note)
    window = controller.main_window
    window.cases._show_case(controller.filled)
    window.cases.editor.setPlainText("halvskriven anteckning")
    shortcuts = ShortcutsDialog(window)
    shortcuts.show()
    history = QDialog(window)
    history.setWindowTitle("Earlier versions")
    history.show()
    loose = QDialog()  # a top-level window with no parent (a pack's preview, a message)
    loose.show()
    window.show_page("referrals")
    window.show_page("cases")
    assert all(w.isVisible() for w in (window, shortcuts, history, loose))

    qtbot.keyClick(history, Qt.Key.Key_F12)

    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [], [w.windowTitle() or type(w).__name__ for w in visible]
    assert controller.locked
    controller._quit.assert_called_once()
    loose.deleteLater()
    with Vault.open(controller.vault_path, PASSPHRASE) as vault:
        assert vault.draft(controller.filled) == "halvskriven anteckning"


# -- retention (gallring) -------------------------------------------------------------------


@pytest.mark.parametrize(("days_later", "kept"), [(29, True), (30, False)])
def test_retention_from_settings_deletes_on_the_day_the_ui_names(unlock, clock, days_later, kept):
    """Settings say 30 days: the UI names day 30, and that is the day the case goes."""
    start = clock.now
    controller = unlock(
        Settings(retention_days=30, retention_warning_days=14), fill=_one_case_with_a_note
    )
    cases = controller.main_window.cases
    named = (start + timedelta(days=30)).date().isoformat()
    cases._show_case(controller.filled)
    assert named in cases.case_expiry.text() and "30 days" in cases.case_expiry.text()
    assert named in cases.case_list.item(0).text()
    controller.lock("")

    clock.advance(days_later)
    controller._opened(Vault.open(controller.vault_path, PASSPHRASE, clock=clock))
    assert [c.id for c in controller.vault.cases()] == ([controller.filled] if kept else [])
    assert cases.case_list.count() == (1 if kept else 0)
    if kept:
        assert cases.retention_banner.isVisible()  # within the warning days
    else:
        assert "1 case was deleted" in controller.main_window.status_line.text()


def test_retention_boundary_in_the_vault_to_the_second(vault, clock):
    case = vault.create_case("Ärende 2026-002")
    expires = vault.case(case).expires_on
    assert expires == (clock.now + timedelta(days=90)).date()
    clock.now = clock.now.replace(hour=23, minute=59, second=59) + timedelta(days=89)
    assert clock.now.date() == expires - timedelta(days=1)
    assert vault.purge_expired() == 0
    clock.now = clock.now + timedelta(seconds=2)  # just after midnight: the named day
    assert clock.now.date() == expires
    assert vault.purge_expired() == 1
    assert vault.cases() == []


def test_editing_a_note_counts_as_activity(qtbot, unlock, clock):
    controller = unlock(fill=_one_case_with_a_note)
    cases = controller.main_window.cases
    clock.advance(80)
    cases._show_case(controller.filled)
    cases.notes.setCurrentRow(0)
    qtbot.mouseClick(cases.edit, Qt.MouseButton.LeftButton)
    cases.editor.setPlainText("Första anteckningen, rättad")
    qtbot.mouseClick(cases.save, Qt.MouseButton.LeftButton)
    expected = (clock.now + timedelta(days=90)).date()
    assert controller.vault.case(controller.filled).expires_on == expected
    assert expected.isoformat() in cases.case_expiry.text()
    clock.advance(20)  # 100 days after the case was made, 20 after the edit
    assert controller.vault.purge_expired() == 0


def test_notes_drafts_and_walkthroughs_that_change_the_case_keep_it(vault, clock):
    case = vault.create_case("Ärende 2026-003")
    note = vault.add_note(case, "text")
    clock.advance(60)
    vault.update_note(note, "ändrad text")
    clock.advance(89)
    assert vault.purge_expired() == 0
    clock.advance(1)
    assert vault.purge_expired() == 1


# -- pseudonyms -----------------------------------------------------------------------------


# A made-up date, joined here so that no real-looking personal identity number stands in the code.
BORN = "85" + "0101"


@pytest.mark.parametrize(
    "name",
    [f"{BORN} 0000", f"{BORN}-0000", f"{BORN}0000", f"19{BORN} 0000", f"Ärende 19{BORN}0000"],
)
def test_a_personal_number_in_any_spelling_is_refused(vault, name):
    with pytest.raises(VaultError):
        vault.create_case(name)
    case = vault.create_case("Ärende 2026-004")
    with pytest.raises(VaultError):
        vault.rename_case(case, name)
    assert vault.case(case).pseudonym == "Ärende 2026-004"


def test_a_refused_pseudonym_is_explained_in_the_handlers_language(vault):
    """The sentence reaches a Swedish handler in Swedish (the catalog knows the exact text)."""
    from vaaldstod.ui.errors import error_text

    i18n.set_language("sv")
    with pytest.raises(VaultError) as refused:
        vault.create_case(f"{BORN} 0000")
    assert error_text(refused.value) == (
        "En pseudonym får inte innehålla ett personnummer; "
        "välj en neutral, till exempel ”Ärende 2026-014”."
    )
    with pytest.raises(VaultError) as empty:
        vault.create_case("   ")
    assert error_text(empty.value) == "Ett ärende behöver en pseudonym."


def test_a_case_can_be_renamed_to_another_spelling_of_its_own_name_only(vault):
    case = vault.create_case("Ärende 2026-005")
    other = vault.create_case("Ärende 2026-006")
    vault.rename_case(case, "ärende 2026-005")  # its own name, in other letters: fine
    assert vault.case(case).pseudonym == "ärende 2026-005"
    with pytest.raises(VaultError, match="already a case"):
        vault.rename_case(other, "ÄRENDE 2026-005")
    assert vault.case(other).pseudonym == "Ärende 2026-006"


def test_renaming_a_case_in_the_window_checks_the_pseudonym(qtbot, unlock, monkeypatch):
    from vaaldstod.ui import cases_page

    controller = unlock(fill=_one_case_with_a_note)
    cases = controller.main_window.cases
    cases._show_case(controller.filled)
    warnings = []
    monkeypatch.setattr(cases_page.QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    answer = [f"{BORN} 0000"]
    monkeypatch.setattr(
        cases_page.CasesPage, "_ask_pseudonym", lambda *args, **kwargs: (answer[0], True)
    )
    qtbot.mouseClick(cases.rename, Qt.MouseButton.LeftButton)
    assert controller.vault.case(controller.filled).pseudonym == "Ärende 2026-001"
    assert len(warnings) == 1 and "personal identity number" in warnings[0]

    answer[0] = "  Ärende   2026-099 "
    qtbot.mouseClick(cases.rename, Qt.MouseButton.LeftButton)
    assert controller.vault.case(controller.filled).pseudonym == "Ärende 2026-099"
    assert cases.case_title.text() == "Ärende 2026-099"
    assert len(warnings) == 1


# -- the national numbers on paper ----------------------------------------------------------


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.mark.parametrize("fmt", ["poster", "a4"])
def test_the_national_numbers_are_printed_on_the_poster_and_the_a4_sheet(tmp_path, fmt):
    from vaaldstod.directory import Directory
    from vaaldstod.sheets.cli import printable
    from vaaldstod.sheets.render import POSTER_MAX_LINES

    national = [
        e for e in printable(Directory().entries("sv"), _kronoberg()) if e.area == "national"
    ]
    if fmt == "poster":
        national = national[:POSTER_MAX_LINES]
    numbers = {e.organisation: e.phone for e in national}
    assert "112" in numbers.values()
    assert any(_digits(phone) == "020505050" for phone in numbers.values())  # Kvinnofridslinjen

    result = subprocess.run(
        [*_vaaldstod(), "referral-sheet", "--format", fmt, "--lang", "sv"]
        + ["--area", "kronoberg", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / f"{fmt}-sv.pdf"
    text = subprocess.run(
        [needs.tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    printed = {_digits(line) for line in text.splitlines()} | {
        _digits(token) for token in re.findall(r"[\d][\d \-–]*\d|\d", text)
    }
    missing = {
        name: phone
        for name, phone in numbers.items()
        if not any(_digits(phone) in found for found in printed)
    }
    assert not missing, f"not on the {fmt}: {missing}"


def _rendered_numbers(fmt: str, entries, office=None) -> str:
    from vaaldstod.directory import OfficeProfile
    from vaaldstod.sheets import render_sheet, sheet_languages
    from vaaldstod.sheets.render import visible_text

    rendered = render_sheet(fmt, sheet_languages()["sv"], entries, office or OfficeProfile())
    return _digits(visible_text(rendered.html))


def _for_kronoberg():
    from vaaldstod.directory import Directory
    from vaaldstod.sheets.cli import printable

    return printable(Directory().entries("sv"), _kronoberg())


def test_the_poster_prints_national_lines_only_and_the_office_number():
    """In-process, so mutation testing sees which test covers the rendering."""
    from vaaldstod.directory import LocalNumber, OfficeProfile
    from vaaldstod.sheets.render import POSTER_MAX_LINES

    shipped = _for_kronoberg()
    national = [e for e in shipped if e.area == "national"][:POSTER_MAX_LINES]
    regional = [
        dataclasses.replace(
            national[0], id="county", area="county", county="Kronoberg", phone="0470-12 34 56"
        )
    ]
    entries = regional + shipped
    office = OfficeProfile(local_numbers=(LocalNumber("Socialtjänsten", "0470-99 99 99"),))
    printed = _rendered_numbers("poster", entries, office)
    assert all(_digits(e.phone) in printed for e in national)
    assert "047099999" in printed
    assert not [e.organisation for e in regional if _digits(e.phone) in printed]


def test_the_a4_sheet_prints_every_number_given_to_it():
    entries = _for_kronoberg()
    printed = _rendered_numbers("a4", entries)
    assert [e.organisation for e in entries if _digits(e.phone) not in printed] == []


def test_the_card_puts_the_office_number_first_and_each_number_once():
    from vaaldstod.directory import LocalNumber, OfficeProfile

    first = next(e for e in _for_kronoberg() if e.phone != _digits(e.phone))  # "020-50 50 50"
    respelled = dataclasses.replace(first, id="same-number", phone=_digits(first.phone))
    office = OfficeProfile(local_numbers=(LocalNumber("Socialtjänsten", "0470-99 99 99"),))
    printed = _rendered_numbers("card", [first, respelled], office)
    assert printed.startswith("047099999")
    assert printed.count(_digits(first.phone)) == 1


def _kronoberg():
    from vaaldstod.directory import Directory
    from vaaldstod.directory.search import find_area

    return find_area("kronoberg", Directory().entries("sv"))


def _vaaldstod() -> list[str]:
    import sys

    return [sys.executable, "-m", "vaaldstod"]
