"""Nothing a handler writes ends up readable on disk: vault, its log, temp files, settings."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import PASSPHRASE
from vaaldstod import paths
from vaaldstod.settings import Settings
from vaaldstod.vault import Vault

MARKERS = ["ZQXMARKÖRNOTE", "ZQXMARKÖRDRAFT", "ZQXMARKÖREDIT", "ZQXMARKÖRCASE"]


def _encodings(marker: str) -> list[bytes]:
    return [
        marker.encode("utf-8"),
        marker.encode("utf-16-le"),
        marker.lower().encode("utf-8"),
        marker.encode("latin-1"),
    ]


def _files_written_since(folder: Path, start: float) -> list[Path]:
    """os.walk, not rglob: other programs' folders in the temporary folder may vanish while
    it is read (another test run tidying up its own), and walk passes over them."""
    found = []
    for parent, _folders, names in os.walk(folder):
        for name in names:
            path = Path(parent, name)
            try:
                if path.is_file() and path.stat().st_mtime >= start - 1:
                    found.append(path)
            except OSError:
                continue
    return found


@pytest.mark.gui
def test_markers_written_through_the_app_never_appear_in_plaintext(qtbot, qapp):
    from vaaldstod.ui.controller import AppController

    start = time.time()
    controller = AppController(qapp, paths.vault_path(), Settings(), quit_app=mock.Mock())
    controller.start()
    screen = controller.lock_screen
    screen.passphrase.setText(PASSPHRASE)
    screen.confirm.setText(PASSPHRASE)
    qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.vault is not None)
    cases = controller.main_window.cases
    case = controller.vault.create_case("Ärende ZQXMARKÖRCASE")
    cases.reload()
    cases._show_case(case)
    cases.editor.setPlainText("Anteckning ZQXMARKÖRNOTE om kontroll")
    qtbot.mouseClick(cases.save, Qt.MouseButton.LeftButton)
    cases.notes.setCurrentRow(0)
    cases._edit_note()
    cases.editor.setPlainText("Ändrad ZQXMARKÖREDIT")
    qtbot.mouseClick(cases.save, Qt.MouseButton.LeftButton)
    cases.notes.setCurrentRow(0)
    qtbot.mouseClick(cases.copy, Qt.MouseButton.LeftButton)
    cases.search.setText("ZQXMARKÖRNOTE")
    controller.main_window.settings_page.idle.setValue(7)  # writes the settings file
    cases.editor.setPlainText("Utkast ZQXMARKÖRDRAFT")
    controller.lock("")  # draft saved encrypted
    controller.quick_exit()
    controller.dispose()
    with Vault.open(paths.vault_path(), PASSPHRASE) as vault:  # the markers were stored
        assert len(vault.search("ZQXMARKÖREDIT")) == 1
        assert vault.draft(case) == "Utkast ZQXMARKÖRDRAFT"

    written = _files_written_since(paths.home(), start)
    written += _files_written_since(Path(tempfile.gettempdir()), start)
    assert any(p.name == "vault.db" for p in written)
    assert any(p.name == "settings.json" for p in written)
    hits = []
    for path in written:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for marker in MARKERS:
            if any(encoded in data for encoded in _encodings(marker)):
                hits.append(f"{marker} in {path}")
    assert hits == []
    assert QApplication.clipboard().text() == ""
