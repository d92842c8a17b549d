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
    assert "routinely" in page.journal.toPlainText()
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
