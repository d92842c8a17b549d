"""Logging one anonymous contact: from scratch or from a walk-through, by keyboard alone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDialogButtonBox

from tests.conftest import PASSPHRASE
from vaaldstod import i18n
from vaaldstod.ui.contact_dialog import ContactDialog
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui


def accessible_name(widget) -> str:
    """The name a screen reader announces (a button's text counts, as in Qt)."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


TODAY = date(2026, 3, 4)  # a Wednesday in 2026-W10

WALKTHROUGH = {
    "asked": "indication",
    "not_asked_reason": None,
    "disclosed": "yes",
    "forms": ["economic", "psychological"],
    "children_affected": True,
    "referrals": [["legal_debt_advice", "given"], ["police", "refused"]],
    "checklist": ["signs-2"],
}


@pytest.fixture
def vault(tmp_path):
    opened = Vault.create(tmp_path / "v.db", PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def dialog(qtbot, vault):
    def make(prefill=None):
        i18n.set_language("en")
        made = ContactDialog(None, vault, prefill, agency="forsakringskassan", today=TODAY)
        qtbot.addWidget(made)
        made.show()
        qtbot.waitExposed(made)
        return made

    yield make
    i18n.set_language("sv")


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_prefilled_from_a_walkthrough_and_stored_with_codes_only(qtbot, dialog, vault):
    made = dialog(WALKTHROUGH)
    assert made.panel.asked["indication"].isChecked() and made.referrals["police"].isChecked()
    assert not save_button(made).isEnabled()
    assert made.missing.text() == "Still to answer: Gender; Age"
    made.genders["man"].setChecked(True)
    made.age.setCurrentIndex(made.age.findData("30_44"))
    assert save_button(made).isEnabled() and not made.missing.text()
    with qtbot.waitSignal(made.saved) as saved:
        qtbot.mouseClick(save_button(made), Qt.MouseButton.LeftButton)
    [stored] = vault.contacts()
    assert saved.args == [stored.id] and made.record_id == stored.id
    assert stored.week == "2026-W10"
    assert stored.record == {
        "agency": "forsakringskassan",
        "asked": "indication",
        "not_asked_reason": None,
        "disclosed": "yes",
        "forms": ["psychological", "economic"],
        "children_affected": True,
        "referrals": ["police", "legal_debt_advice"],
        "gender": "man",
        "age_band": "30_44",
    }


def test_not_asked_needs_a_reason_and_stores_no_answer(qtbot, dialog, vault):
    made = dialog()
    made.panel.asked["not_asked"].setChecked(True)
    made.genders["not_stated"].setChecked(True)
    made.age.setCurrentIndex(made.age.findData("not_stated"))
    assert not save_button(made).isEnabled() and "Why not?" in made.missing.text()
    assert not made.panel.disclosed_box.isEnabled() and not made.panel.forms_box.isEnabled()
    made.panel.reasons["interpreter"].setChecked(True)
    made.week.setCurrentIndex(2)  # logged afterwards: two weeks back
    qtbot.mouseClick(save_button(made), Qt.MouseButton.LeftButton)
    [stored] = vault.contacts()
    assert stored.week == "2026-W08"
    assert (stored.record["disclosed"], stored.record["not_asked_reason"]) == (None, "interpreter")


def test_forms_count_only_with_a_yes(qtbot, dialog, vault):
    made = dialog(WALKTHROUGH)
    made.panel.disclosed["unsure"].setChecked(True)
    assert not made.panel.forms_box.isEnabled()
    made.genders["woman"].setChecked(True)
    made.age.setCurrentIndex(0)
    qtbot.mouseClick(save_button(made), Qt.MouseButton.LeftButton)
    assert vault.contacts()[0].record["forms"] == []


def test_cancel_stores_nothing(qtbot, dialog, vault):
    made = dialog(WALKTHROUGH)
    made.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert vault.contacts() == [] and made.record_id is None


def test_every_control_has_a_name_and_is_reached_by_tab(qtbot, dialog):
    made = dialog()
    controls = [
        w
        for kind in (QAbstractButton, QComboBox)
        for w in made.findChildren(kind)
        if w.isVisibleTo(made)
    ]
    assert controls and all(accessible_name(w) for w in controls)
    made.week.setFocus()
    reached = set()
    for _step in range(200):
        made.focusNextChild()
        reached.add(made.focusWidget())
    cancel = made.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    for needed in (made.age, made.genders["woman"], made.referrals["police"], cancel):
        assert needed in reached  # Save too, once it is enabled (see the keyboard-only test)
    assert made.panel.asked["routine"] in reached or made.panel.asked["not_asked"] in reached


def test_keyboard_only_logging(qtbot, dialog, vault):
    made = dialog()
    made.panel.asked["routine"].setFocus()
    qtbot.keyClick(made.panel.asked["routine"], Qt.Key.Key_Space)
    made.panel.disclosed["no"].setFocus()
    qtbot.keyClick(made.panel.disclosed["no"], Qt.Key.Key_Space)
    qtbot.keyClick(made.genders["woman"], Qt.Key.Key_Space)
    made.age.setFocus()
    qtbot.keyClick(made.age, Qt.Key.Key_Down)
    assert save_button(made).isEnabled()
    qtbot.keyClick(save_button(made), Qt.Key.Key_Space)
    assert [c.record["disclosed"] for c in vault.contacts()] == ["no"]
