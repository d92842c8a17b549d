"""The referrals page: search, copy, sheets, office entries and profile, referrals in a case."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
)

from tests.test_directory import names_an_address
from vaaldstod.directory import Directory, OfficeEntries, load_profile
from vaaldstod.i18n import _
from vaaldstod.packs import Registry, trust
from vaaldstod.ui import printing
from vaaldstod.ui.directory_entry_dialog import DirectoryEntryDialog
from vaaldstod.ui.directory_import_dialog import DirectoryImportDialog
from vaaldstod.ui.office_profile_dialog import OfficeProfileDialog
from vaaldstod.ui.record_referral_dialog import RecordReferralDialog
from vaaldstod.ui.referrals_page import ORGANISATION, PHONE, ReferralsPage
from vaaldstod.ui.sheet_dialog import SheetDialog
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui

PASSPHRASE = "korrekt häst batteri häftklammer"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry()


@pytest.fixture
def copied() -> list[str]:
    return []


@pytest.fixture
def unlocked(vault):
    """The page exists only while the vault is unlocked: the office's entries are in it."""
    with trust.use_office_trust(trust.VaultTrust(vault)):
        yield vault


@pytest.fixture
def page(qtbot, registry, copied, unlocked) -> ReferralsPage:
    widget = ReferralsPage(copied.append, Directory(registry=registry))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


@pytest.fixture
def own_vault(tmp_path):
    opened = Vault.create(tmp_path / "v.db", PASSPHRASE)
    yield opened
    opened.close()


def shown_ids(page: ReferralsPage) -> list[str]:
    return [entry.id for entry in page._shown]


def row_of(page: ReferralsPage, entry_id: str) -> int:
    return shown_ids(page).index(entry_id)


def test_every_control_has_an_accessible_name(page):
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextBrowser)
    controls = [widget for kind in kinds for widget in page.findChildren(kind)]
    # Header sections and the combo boxes' pop-up lists are Qt's own parts.
    ours = [
        widget
        for widget in controls
        if widget.isVisibleTo(page)
        and not type(widget).__name__.startswith(("QHeader", "QComboBoxList"))
    ]
    assert len(ours) > 20
    assert not [type(w).__name__ for w in ours if not w.accessibleName()]


def test_search_filters_as_you_type(page, qtbot):
    total = len(page._shown)
    qtbot.keyClicks(page.search, "kvinnofrid")
    assert shown_ids(page) == ["kvinnofridslinjen"]
    assert "1 of" in page.count.text() or "1 av" in page.count.text()
    page.search.clear()
    assert len(page._shown) == total


def test_category_area_and_language_filters(page):
    page.category.setCurrentIndex(page.category.findData("police"))
    assert shown_ids(page) and all(e.category == "police" for e in page._shown)
    page.category.setCurrentIndex(0)
    page.area.setCurrentIndex(page.area.findData("Kronoberg|Växjö"))
    ids = shown_ids(page)
    assert "kvinnojouren-blenda" in ids and "kvinnojouren-marta" not in ids
    page.area.setCurrentIndex(page.area.findData("national"))
    assert all(e.area == "national" for e in page._shown)
    page.area.setCurrentIndex(0)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page._shown and all("en" in e.languages for e in page._shown)


def test_one_click_copies_a_number(page, copied, qtbot):
    row = row_of(page, "kvinnofridslinjen")
    button = page.table.cellWidget(row, PHONE)
    assert isinstance(button, QPushButton)
    with qtbot.waitSignal(page.status) as status:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert copied == ["020-50 50 50"]
    assert "020-50 50 50" in status.args[0]


def test_keyboard_copy_of_the_current_row(page, copied, qtbot):
    page.table.setCurrentCell(row_of(page, "bris"), ORGANISATION)
    page.table.setFocus()
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert copied == ["116 111"]


def test_space_ticks_an_entry_for_the_sheet(page, qtbot):
    page.table.setFocus()
    page.table.setCurrentCell(row_of(page, "bris"), ORGANISATION)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert [e.id for e in page.chosen_entries()] == ["bris"]


def test_check_mark_is_shown(page):
    row = row_of(page, "kvinnojouren-blenda")
    assert "⚠" in page.table.item(row, 2).text()
    assert "⚠" not in page.table.item(row_of(page, "bris"), 2).text()


def test_give_to_client_previews_the_standard_set_and_the_ticked_entries(page, monkeypatch):
    previewed = []
    monkeypatch.setattr(
        printing, "print_preview", lambda sheet, parent=None: previewed.append(sheet)
    )

    def run(dialog: SheetDialog) -> int:
        dialog.format.setCurrentIndex(dialog.format.findData("a4"))
        dialog.language.setCurrentIndex(dialog.language.findData("ar"))
        assert dialog.review.isVisibleTo(dialog)  # Arabic needs review by a native speaker
        assert _("needs review by a native speaker") in dialog.language.currentText()
        dialog.preview_button.click()
        return 0

    monkeypatch.setattr(SheetDialog, "exec", run)
    page.table.item(row_of(page, "valj-att-sluta"), ORGANISATION).setCheckState(
        Qt.CheckState.Checked
    )
    page.give.click()
    assert len(previewed) == 1
    # The office's standard set (national lines, no profile here) and what was ticked.
    assert previewed[0].language == "ar" and "116 111" in previewed[0].html
    assert "1177" in previewed[0].html and "020-555 666" in previewed[0].html


def test_record_referral_stores_it_in_the_vault(page, own_vault, monkeypatch):
    case = own_vault.create_case("Ärende 1")
    assert not page.record.isEnabled()
    page.attach(own_vault)
    page.set_case(case)
    assert page.record.isEnabled()
    page.table.setCurrentCell(row_of(page, "polisen-11414"), ORGANISATION)

    def run(dialog: RecordReferralDialog) -> int:
        assert dialog.category.currentData() == "police"
        assert not dialog._save_button.isEnabled()  # consent is never assumed
        dialog.consent_buttons["not_sought_unsafe"].setChecked(True)
        dialog._save_button.click()
        return dialog.result()

    monkeypatch.setattr(RecordReferralDialog, "exec", run)
    page.record.click()
    [referral] = own_vault.referrals(case)
    assert (referral.category, referral.consent) == ("police", "not_sought_unsafe")
    assert referral.given_on == datetime.date.today()
    assert page.case_referrals.count() == 1
    page.set_case(None)
    assert not page.record.isEnabled()


def test_detach_forgets_the_case_and_clears_the_search(page, own_vault):
    page.attach(own_vault)
    page.set_case(own_vault.create_case("Ärende 2"))
    page.search.setText("bris")
    page.detach()
    assert page.search.text() == "" and not page.record.isEnabled() and page.vault is None


def test_add_an_office_entry_through_the_form(qtbot, page):
    dialog = DirectoryEntryDialog(page.directory.office)
    qtbot.addWidget(dialog)
    fields = dialog.fields
    fields["organisation"].setText("Socialjouren Växjö")
    fields["category"].setCurrentIndex(fields["category"].findData("social_services"))
    fields["phone"].setText("ring oss")
    fields["contact"].setPlainText("Ring.")
    dialog._save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    # Fields are named by the captions the form shows, not by their keys.
    assert _("Phone") in dialog.problems.text()
    assert _("Where the office checked this") in dialog.problems.text()
    assert "source" not in dialog.problems.text()
    fields["phone"].setText("0470-00 00 00")
    fields["source"].setText("Kommunens webbplats 2026-11-20")
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.reload()
    assert "socialjouren-vaxjo" in shown_ids(page)


def test_a_shelter_address_is_refused_in_plain_words(qtbot, page):
    blenda = page._shown[row_of(page, "kvinnojouren-blenda")]
    dialog = DirectoryEntryDialog(page.directory.office, blenda)
    qtbot.addWidget(dialog)
    dialog.fields["phone"].setText("0470-00 00 01")
    dialog.fields["needs_office_input"].setChecked(False)
    dialog.fields["notes"].setPlainText("Vi finns på Storgatan 12.")
    dialog.fields["source"].setText("Samtal med jouren 2026-11-20")
    dialog._save()
    assert names_an_address(dialog.problems.text())
    dialog.fields["notes"].setPlainText("")
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.reload()
    filled = page._shown[row_of(page, "kvinnojouren-blenda")]
    assert filled.origin == "office" and filled.phone == "0470-00 00 01"


def test_remove_an_office_entry(page, monkeypatch):
    page.directory.office.save_entry(
        {
            "organisation": "Lokala jouren",
            "category": "victim_support",
            "area": "national",
            "phone": "0470-11 11 11",
            "contact": "Ring.",
            "verified_on": "2026-11-20",
            "source": "Webbplatsen",
        }
    )
    page.reload()
    page.table.setCurrentCell(row_of(page, "lokala-jouren"), ORGANISATION)
    assert page.remove.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.remove.click()
    assert "lokala-jouren" not in shown_ids(page)
    page.table.setCurrentCell(row_of(page, "bris"), ORGANISATION)
    assert not page.remove.isEnabled()  # shipped entries cannot be removed


def test_import_with_preview_and_export(page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "kontoret.csv"
    source.write_text(
        "organisation,category,area,phone,contact,verified_on,source\n"
        "Lokala jouren,victim_support,national,0470-11 11 11,Ring.,2026-11-20,webb\n",
        encoding="utf-8",
    )
    previews = []

    def accept(dialog: DirectoryImportDialog) -> int:
        previews.append(dialog)
        return int(dialog.import_button.isEnabled())

    monkeypatch.setattr(DirectoryImportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    page.import_button.click()
    assert previews and previews[0].import_button.isEnabled()
    assert "lokala-jouren" in shown_ids(page)

    bad = tmp_path / "trasig.csv"
    bad.write_text("organisation,category\nX,polis\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    before = page.directory.office.reloaded().entries()
    page.import_button.click()
    assert not previews[1].import_button.isEnabled() and previews[1].problems.count() > 1
    assert page.directory.office.reloaded().entries() == before

    target = tmp_path / "export.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export_button.click()
    assert OfficeEntries(tmp_path / "x.json").preview_import(target.read_bytes(), "json").ok


def test_office_profile_dialog_saves_and_refuses(qtbot):
    dialog = OfficeProfileDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Kronofogden Växjö")
    dialog._add_number("Socialtjänsten", "0470-00 00 00")
    dialog._add_number("Jouren, Storgatan 5", "0470-1")
    dialog._save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert _("Whose number") in dialog.problems.text()
    dialog.numbers.removeRow(1)
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    profile = load_profile()
    assert profile.name == "Kronofogden Växjö" and profile.local_numbers[0].phone == "0470-00 00 00"


def test_a_damaged_profile_opens_an_empty_form_that_says_so(qtbot):
    from vaaldstod.directory.office import profile_path

    profile_path().write_text("{ trasig", encoding="utf-8")
    dialog = OfficeProfileDialog()
    qtbot.addWidget(dialog)
    assert dialog.problems.isVisibleTo(dialog) and dialog.name.text() == ""


def test_language_switch_retranslates(page):
    from vaaldstod.i18n import current_language, set_language

    before = current_language()
    set_language("en")
    try:
        page.retranslate_ui()
        assert page.give.text() == "Give to client…"
        assert page.category.itemText(0) == "All categories"
    finally:
        set_language(before)
        page.retranslate_ui()
    assert page.give.text() == _("Give to client…")


def test_page_renders_offscreen(page, tmp_path):
    path = tmp_path / "referrals.png"
    assert page.grab().save(str(path)) and path.stat().st_size > 10_000


def test_dialog_controls_have_accessible_names(qtbot, page, own_vault):
    from PySide6.QtWidgets import QDialogButtonBox

    from vaaldstod.sheets import sheet_languages

    preview = page.directory.office.preview_import(b"organisation\nX\n", "csv")
    dialogs = [
        DirectoryEntryDialog(page.directory.office),
        OfficeProfileDialog(),
        SheetDialog(page._shown[:2], sheet_languages()),
        RecordReferralDialog(own_vault, own_vault.create_case("Ärende 3"), None),
        DirectoryImportDialog(preview, "x.csv"),
    ]
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextBrowser)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        unnamed = [
            type(widget).__name__
            for kind in kinds
            for widget in dialog.findChildren(kind)
            if not widget.accessibleName()
            and not widget.objectName().startswith("qt_")
            and not isinstance(widget.parent(), QDialogButtonBox)  # Save, Cancel: their text
            and not type(widget).__name__.startswith(("QHeader", "QComboBoxList", "QCalendar"))
            and widget.window() is dialog
        ]
        assert not unnamed, (type(dialog).__name__, unnamed)


def test_organisation_names_get_the_width_and_wrap_to_two_lines_at_most(page):
    """Name and number first; category and area are in the detail pane (issue 19)."""
    from PySide6.QtCore import QRect

    from vaaldstod.ui.referrals_page import AREA, CATEGORY, STATUS

    table = page.table
    assert table.isColumnHidden(CATEGORY) and table.isColumnHidden(AREA)
    assert not table.isColumnHidden(STATUS)
    assert table.columnWidth(ORGANISATION) > table.viewport().width() / 2
    metrics = table.fontMetrics()
    width = table.columnWidth(ORGANISATION) - 40  # the tick box and margins
    for row in range(table.rowCount()):
        text = table.item(row, ORGANISATION).text()
        box = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        assert box.height() <= 2 * metrics.lineSpacing() + 1, text
    page.table.setCurrentCell(0, ORGANISATION)
    details = page.details.toPlainText()
    assert _("Category") in details and _("Serves") in details
