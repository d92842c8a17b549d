"""Settings → Packs as an office uses it: see versions and overdue reviews, install, remove."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from vaaldstod import i18n
from vaaldstod.ui.packs_section import PacksSection

pytestmark = pytest.mark.gui
FIXTURES = Path(__file__).parent / "fixtures" / "packs"


@pytest.fixture
def section(qtbot, monkeypatch):
    i18n.set_language("en")
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    made = PacksSection()
    qtbot.addWidget(made)
    made.show()
    yield made
    i18n.set_language("sv")


def _rows(section):
    return [
        [section.tree.topLevelItem(i).text(c) for c in range(5)]
        for i in range(section.tree.topLevelItemCount())
    ]


def test_lists_shipped_packs_with_version_and_review_date(section):
    rows = _rows(section)
    assert any(row[1] == "Guide" and row[4] == "ships with the app" for row in rows)
    assert all(row[2] for row in rows)


def test_install_marks_overdue_and_remove_takes_it_away(section, monkeypatch, tmp_path):
    source = tmp_path / "checklist"
    shutil.copytree(FIXTURES / "checklist", source)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(source))
    section.install_folder.click()
    [row] = [r for r in _rows(section) if r[0] == "Test list"]
    assert "overdue" in row[3] and row[4] == "installed by the office"
    section.tree.setCurrentItem(
        next(
            section.tree.topLevelItem(i)
            for i in range(section.tree.topLevelItemCount())
            if section.tree.topLevelItem(i).text(0) == "Test list"
        )
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    section.remove.click()
    assert not [r for r in _rows(section) if r[0] == "Test list"]


def test_a_broken_pack_is_refused_with_file_and_line(section, monkeypatch, tmp_path):
    source = tmp_path / "broken"
    shutil.copytree(FIXTURES / "checklist", source)
    manifest = source / "pack.toml"
    manifest.write_text(manifest.read_text().replace('version = "1.0.0"', 'version = "one"'))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(source))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    section.install_folder.click()
    assert warnings and "pack.toml:" in warnings[0] and "version" in warnings[0]
    assert not [r for r in _rows(section) if r[0] == "Test list"]


def test_shipped_packs_cannot_be_removed(section, monkeypatch):
    section.tree.setCurrentItem(section.tree.topLevelItem(0))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    before = _rows(section)
    section.remove.click()
    assert warnings and "cannot be removed" in warnings[0]
    assert _rows(section) == before
