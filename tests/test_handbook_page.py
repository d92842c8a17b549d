"""A handler walks a case through the handbook to journal text, in both languages."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from vaaldstod import i18n
from vaaldstod.ui.handbook_page import HandbookPage
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui
ROLE_DATA = Qt.ItemDataRole.UserRole


@pytest.fixture
def page(qtbot, tmp_path):
    i18n.set_language("sv")
    vault = Vault.create(tmp_path / "v.db", PASSPHRASE)
    case = vault.create_case("Ärende 2026-001")
    copied = []
    made = HandbookPage(copied.append, "kronofogden", lambda: [("womens_shelter", "Kvinnojour")])
    qtbot.addWidget(made)
    made.attach(vault)
    made.show()
    made.vault_case, made.copied = case, copied
    yield made
    made.detach()
    vault.close()


def _answer(page):
    panel = page.panel
    panel.asked["routine"].setChecked(True)
    panel.disclosed["yes"].setChecked(True)
    panel.forms["economic"].setChecked(True)
    panel.children.setChecked(True)
    panel.category.setCurrentIndex(0)
    panel.consent.setCurrentIndex(0)
    panel.add_referral.click()


def test_walk_through_a_case_to_journal_text_and_save_it(qtbot, page):
    page.set_case(page.vault_case)
    _answer(page)
    page.show_step("journal")
    qtbot.mouseClick(page.generate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "rutinmässigt" in page.journal.toPlainText())  # written off-thread
    text = page.journal.toPlainText()
    assert "rutinmässigt" in text and "ekonomiskt" in text
    assert "kvinnojour" in text.lower() and "samtycke" in text
    page.journal.setPlainText(text + "\nHandläggarens tillägg.")
    qtbot.mouseClick(page.save_note, Qt.MouseButton.LeftButton)
    [note] = page.vault.notes(page.vault_case)
    assert note.text.endswith("Handläggarens tillägg.")


def test_journal_text_in_english(qtbot, page):
    _answer(page)
    page.journal_language.setCurrentIndex(1)
    page.show_step("journal")
    qtbot.mouseClick(page.generate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "routinely" in page.journal.toPlainText())  # written off-thread
    assert not page.save_note.isEnabled()  # no case chosen: nothing to save into
    qtbot.mouseClick(page.copy_journal, Qt.MouseButton.LeftButton)
    assert page.copied and "routinely" in page.copied[0]


def test_answers_are_kept_encrypted_in_the_case_and_come_back(qtbot, page):
    page.set_case(page.vault_case)
    _answer(page)
    page.show_step("checklist")
    first = page.checklist.topLevelItem(0).child(0)
    first.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: page.vault.walkthroughs(page.vault_case) != [])
    qtbot.waitUntil(lambda: bool(page.vault.walkthroughs(page.vault_case)[-1].answers["checklist"]))
    saved = page.vault.walkthroughs(page.vault_case)[-1].answers
    assert saved["asked"] == "routine" and saved["forms"] == ["economic"]
    assert saved["referrals"] == [["womens_shelter", "given"]]
    page.set_case(None)
    assert page.panel.answers()["asked"] is None
    page.set_case(page.vault_case)
    assert page.panel.answers()["checklist"] == saved["checklist"]
    assert page.panel.children.isChecked()


def test_not_asked_needs_a_reason_and_hides_disclosure(page):
    page.panel.asked["not_asked"].setChecked(True)
    assert page.panel.reason_box.isEnabled() and not page.panel.disclosed_box.isEnabled()
    page.panel.reasons["interpreter"].setChecked(True)
    answers = page.walkthrough_answers()
    assert answers.asked == "not_asked" and answers.not_asked_reason == "interpreter"


@pytest.mark.parametrize("query", ["tolk", "pengar"])  # steps only; steps and checklist
def test_search_as_you_type_jumps_to_the_item(qtbot, page, query):
    qtbot.keyClicks(page.search, query)
    hits = page.handbook.search(query)
    assert hits
    shown = [page.navigation.item(row).text() for row in range(page.navigation.count())]
    assert shown == [f"{hit.title}\n{hit.snippet}" for hit in hits]
    for row, hit in enumerate(hits):
        page.navigation.setCurrentRow(row)
        if hit.step == "checklist":
            assert page.content.currentIndex() == 1
            assert page.checklist.currentItem().text(0) == hit.title
        else:
            assert page.content.currentIndex() == 0 and page._shown_step == hit.step
            assert hit.title in page.browser.toPlainText()
    page.search.clear()
    assert page.navigation.count() == 8  # six steps, the checklist and the journal


def test_sources_open_in_a_dialog(qtbot, page, monkeypatch):
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QDialog

    shown = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self.findChildren(object)) or 0)
    page.show_step("ask")
    item_id = page.handbook.step_items("ask")[0].id
    page._link(QUrl(f"sources:{item_id}"))
    assert shown
    page._link(QUrl("https://example.org"))  # web links are never opened
    assert len(shown) == 1


def test_print_uses_the_preview(page, monkeypatch):
    preview = mock.Mock()
    monkeypatch.setattr("vaaldstod.ui.printing.print_preview", preview, raising=False)
    page.show_step("act")
    page._print_step()
    assert preview.call_count == 1 and "112" in preview.call_args[0][0]


def test_a_licensed_instrument_is_filled_in_scored_and_kept_in_the_case(qtbot, page):
    from pathlib import Path

    from vaaldstod.packs import Registry

    Registry().install(Path(__file__).parent / "fixtures" / "packs" / "instrument")
    page.reload_content()
    page.set_case(page.vault_case)
    rows = [tuple(page.navigation.item(i).data(ROLE_DATA)) for i in range(page.navigation.count())]
    assert ("step", "instrument:test.instrument.fictional") in rows
    page.navigation.setCurrentRow(rows.index(("step", "instrument:test.instrument.fictional")))
    view = page._instrument_view
    assert "Total" not in view.result.text() and "Totalt" not in view.result.text()
    for group in view.groups.values():
        group.buttons()[2].click()  # "often" on every question: the highest band
    assert "6" in view.result.text()
    qtbot.waitUntil(lambda: bool(page.vault.walkthroughs(page.vault_case)))
    saved = page.vault.walkthroughs(page.vault_case)[-1].answers["instruments"]
    assert set(saved["test.instrument.fictional"].values()) == {"often"}


def test_choosing_nothing_found_then_clearing_the_search_brings_the_steps_back(qtbot, page):
    # Issue 17: this raised TypeError and left the list with the one "Nothing found" row.
    page.show_step("ask")
    qtbot.keyClicks(page.search, "xqzvkw")
    assert page.navigation.count() == 1
    row = page.navigation.item(0)
    assert row.text() == "Inget hittades"
    qtbot.mouseClick(
        page.navigation.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.navigation.visualItemRect(row).center(),
    )
    page.navigation.setCurrentRow(0)  # as a screen reader or the keyboard could
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    page.search.selectAll()
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    assert page.search.text() == ""
    assert page.navigation.count() == 8  # six steps, the checklist and the journal
    assert not page.navigation.signalsBlocked()
    current = page.navigation.currentItem()
    assert current is not None and tuple(current.data(ROLE_DATA)) == ("step", "ask")
    assert page.content.currentIndex() == 0 and "Fråga" in page.browser.toPlainText()


def test_journal_text_says_whether_a_report_of_concern_was_made(qtbot, page):
    panel = page.panel
    panel.asked["routine"].setChecked(True)
    panel.disclosed["no"].setChecked(True)
    assert not panel.child_report_box.isEnabled()  # only when children are affected
    panel.children.setChecked(True)
    assert panel.child_report_box.isEnabled()
    panel.child_report["made_at_meeting"].setChecked(True)
    assert panel.answers()["child_report"] == "made_at_meeting"
    page.show_step("journal")
    qtbot.mouseClick(page.generate, Qt.MouseButton.LeftButton)
    written = "Orosanmälan till socialtjänsten gjordes den"
    qtbot.waitUntil(lambda: written in page.journal.toPlainText())  # written off-thread
    panel.children.setChecked(False)
    assert panel.answers()["child_report"] is None


def test_pause_and_stop_show_only_while_reading_aloud(page):
    assert page.listen.isVisible()
    assert not page.pause.isVisible() and not page.stop.isVisible()
    page._reading("speaking")
    assert page.pause.isVisible() and page.stop.isVisible()
    page._reading("paused")
    assert page.stop.isVisible()
    page._reading("ready")
    assert not page.pause.isVisible() and not page.stop.isVisible()


def test_english_labels_say_disclose_and_because_of_concern(page):
    from vaaldstod import i18n

    i18n.set_language("en")
    try:
        page.panel.retranslate_ui()
        assert page.panel.disclosed_box.title() == "Did the client disclose violence?"
        assert page.panel.asked["indication"].text() == "Asked because of concern"
    finally:
        i18n.set_language("sv")
        page.panel.retranslate_ui()
    assert page.panel.asked["indication"].text() == "Frågade på indikation"
