"""Signed packs in the app: Settings → Packs, and the sheet dialog's changed-number question."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.test_packs_trust import KVINNOFRIDSLINJEN, OFFICE_NUMBER, PLANTED, kvinnofridslinjen
from vaaldstod import i18n, paths, trust_session
from vaaldstod.directory import Directory, OfficeEntries
from vaaldstod.packs import signing, trust
from vaaldstod.packs.pack_files import SIGNATURE
from vaaldstod.sheets.texts import sheet_languages
from vaaldstod.ui import printing
from vaaldstod.ui.packs_section import TRUST, PacksSection
from vaaldstod.ui.sheet_dialog import SheetDialog

pytestmark = pytest.mark.gui
FIXTURES = Path(__file__).parent / "fixtures" / "packs"


@pytest.fixture
def unlocked(vault):
    with trust.use_office_trust(trust.VaultTrust(vault)):
        yield vault


@pytest.fixture
def section(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    made = PacksSection()
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()


def _trust_of(section, title: str) -> str:
    for i in range(section.tree.topLevelItemCount()):
        item = section.tree.topLevelItem(i)
        if item.text(0).startswith(title):
            return item.text(TRUST)
    return ""


def _unsigned_copy(tmp_path) -> Path:
    source = tmp_path / "checklist"
    shutil.copytree(FIXTURES / "checklist", source)
    (source / SIGNATURE).unlink()
    return source


def test_the_sheet_dialog_says_where_each_number_comes_from(qtbot):
    entry = kvinnofridslinjen(Directory())
    dialog = SheetDialog([entry], sheet_languages())
    qtbot.addWidget(dialog)
    text = dialog.sources.toPlainText()
    assert KVINNOFRIDSLINJEN in text and "vaaldstod.directory.national 1.0.0" in text
    assert "signed by Våldstöd-projektet" in text and "checked 2026-" in text
    dialog.close()


def test_each_pack_says_who_signed_it(section):
    assert _trust_of(section, "Handbook") == "signed by Våldstöd-projektet"
    assert "while the vault is unlocked" in section.keys.text()
    assert not section.add_key.isEnabled()


def test_unsigned_pack_is_refused_while_locked(section, monkeypatch, tmp_path):
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a: str(_unsigned_copy(tmp_path))
    )
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    section.install_folder.click()
    assert len(warnings) == 1 and "not signed by a publisher Våldstöd trusts" in warnings[0]
    assert not _trust_of(section, "Test list")


def test_unsigned_pack_unlocked_installs_after_the_warning(
    section, monkeypatch, tmp_path, unlocked
):
    source = _unsigned_copy(tmp_path)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(source))
    asked = []

    def answer(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", answer)
    section.install_folder.click()
    assert "never printed" in asked[0] and not _trust_of(section, "Test list")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Yes)
    section.install_folder.click()
    assert _trust_of(section, "Test list") == "unsigned, accepted by the office"
    assert section.tree.findItems("Test list (unsigned)", Qt.MatchFlag.MatchExactly)


def test_an_office_key_is_added_while_unlocked(section, monkeypatch, tmp_path, unlocked):
    section.reload()
    assert section.add_key.isEnabled()
    private = signing.generate_key()
    public = signing.public_key(private, "Växjö kontor")
    key_file = tmp_path / "vaxjo.pub.toml"
    key_file.write_text(public.to_toml(), "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(key_file), ""))
    questions = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text: questions.append(text) or QMessageBox.StandardButton.Yes,
    )
    section.add_key.click()
    assert public.key_id in questions[0]
    assert f"Växjö kontor ({public.key_id})" in section.keys.text()
    assert [k.key_id for k in trust.VaultTrust(unlocked).keys()] == [public.key_id]


def test_sheet_dialog_asks_before_printing_a_changed_number(qtbot, monkeypatch, unlocked):
    i18n.set_language("sv")
    office = OfficeEntries(vault=unlocked)
    office.save_entry(OFFICE_NUMBER)
    entry = kvinnofridslinjen(Directory())
    assert entry.number_changed_from == KVINNOFRIDSLINJEN
    dialog = SheetDialog([entry], sheet_languages(), chosen=[entry.id])
    qtbot.addWidget(dialog)
    assert dialog.ticked_ids() == [entry.id]  # offered and ticked, so the handler sees it
    assert f"{KVINNOFRIDSLINJEN} → {PLANTED}" in dialog.contents.text()
    assert "kontorets egen post" in dialog.sources.toPlainText()  # where the number comes from
    asked = []

    def no(_parent, _title, text):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    monkeypatch.setattr(printing, "print_preview", lambda sheet, parent: printed.append(sheet))
    printed = []
    dialog.preview_button.click()
    assert KVINNOFRIDSLINJEN in asked[0] and PLANTED in asked[0]
    assert PLANTED not in printed[0].html  # the preview shows what prints: not the new number
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.preview_button.click()
    assert PLANTED in printed[1].html
    assert not kvinnofridslinjen(Directory()).number_changed_from  # confirmed in the vault
    dialog.close()


def test_unlock_moves_the_plaintext_entries_in_and_lock_forgets_the_office_keys(vault):
    legacy = paths.config_dir() / "directory.json"
    legacy.write_text('{"format": 1, "entries": []}', "utf-8")
    try:
        assert trust_session.unlocked(vault) is None
        assert isinstance(trust.office_trust(), trust.VaultTrust)
        assert not legacy.exists()
    finally:
        trust_session.locked()
    assert trust.office_trust() is None
