"""Small things a user notices (issue 19, item 12): translated key names, a speech rate in
words, number boxes as wide as their content, a destructive button that looks destructive and
a quick exit that stands out in high contrast."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_shortcut_keys_in_words_are_translated(qapp):
    from PySide6.QtWidgets import QTreeWidget

    from vaaldstod import i18n
    from vaaldstod.ui.shortcuts_dialog import ShortcutsDialog

    i18n.set_language("sv")
    dialog = ShortcutsDialog()
    try:
        tree = dialog.findChild(QTreeWidget)
        keys = [tree.topLevelItem(row).text(0) for row in range(tree.topLevelItemCount())]
        assert "Alt + understruken bokstav" in keys
        assert "Mellanslag" in keys
        assert not any("Space" in key or "underlined" in key for key in keys)
    finally:
        dialog.close()
        dialog.deleteLater()


@pytest.fixture
def settings_page(qapp):
    from vaaldstod.settings import Settings
    from vaaldstod.ui.settings_page import SettingsPage

    page = SettingsPage(Settings())
    page.resize(1200, 900)
    page.show()
    qapp.processEvents()
    yield page
    page.close()
    page.deleteLater()


def test_speech_rate_says_normal_not_zero(settings_page):
    from vaaldstod import i18n

    rate = settings_page.speech_rate
    assert rate.value() == 0
    assert rate.text() == "normal"
    rate.setValue(3)
    assert rate.text() == "3 faster"
    rate.setValue(-2)
    assert rate.text() == "2 slower"
    i18n.set_language("sv")
    settings_page.retranslate_ui()
    assert rate.text() == "2 långsammare"
    rate.setValue(0)
    assert rate.text() == "normalt"
    # Typing a known wording is read back as its value.
    assert rate.valueFromText("4 snabbare") == 4


def test_number_boxes_are_as_wide_as_their_content(settings_page):
    page_width = settings_page.width()
    for spin in (settings_page.idle, settings_page.retention, settings_page.speech_rate):
        assert spin.width() <= spin.sizeHint().width() + 2, spin
        assert spin.width() < page_width / 3


def test_delete_case_looks_destructive_and_rename_does_not(restore_app):
    from PySide6.QtGui import QColor

    from vaaldstod.ui import theme
    from vaaldstod.ui.cases_page import CasesPage

    for preference in ("light", "dark", "high_contrast"):
        theme.apply(restore_app, preference, 100, restore_app.font().pointSizeF())
        page = CasesPage(lambda _text: None)
        try:
            page.resize(1000, 700)
            page.delete_case.setText("Delete case")
            page.rename.setText("Rename")
            page.delete_case.setEnabled(True)
            page.rename.setEnabled(True)
            danger = page.delete_case.grab().toImage()
            plain = page.rename.grab().toImage()
            exit_colour = QColor(theme.colours(preference)["exit"]).rgb()
            danger_pixels = {
                danger.pixel(x, y) for x in range(danger.width()) for y in range(danger.height())
            }
            plain_pixels = {
                plain.pixel(x, y) for x in range(plain.width()) for y in range(plain.height())
            }
            assert exit_colour in danger_pixels, preference
            assert exit_colour not in plain_pixels, preference
        finally:
            page.deleteLater()


def test_high_contrast_quick_exit_differs_from_other_buttons():
    from vaaldstod.ui import theme

    colours = theme.HIGH_CONTRAST
    assert colours["exit"] != colours["accent"]


def test_pseudonym_dialog_buttons_say_what_they_do_without_stock_icons(restore_app, vault):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QStyle

    from vaaldstod import i18n
    from vaaldstod.ui import theme
    from vaaldstod.ui.cases_page import CasesPage

    i18n.set_language("sv")
    theme.apply(restore_app, "light", 100, restore_app.font().pointSizeF())
    page = CasesPage(lambda _text: None)
    page.vault = vault
    seen = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        box = dialog.findChild(QDialogButtonBox)
        seen["texts"] = sorted(b.text() for b in box.buttons())
        hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
        seen["icons"] = [box.style().styleHint(hint, None, box)]
        seen["icons"] += [0 if b.icon().isNull() else 1 for b in box.buttons()]
        dialog.reject()

    try:
        QTimer.singleShot(0, look)
        page._create_case()
        assert seen["texts"] == ["Avbryt", "Skapa ärende"]
        # The style sheet turns off the stock icons a desktop theme would add (offscreen has none).
        assert seen["icons"] == [0, 0, 0]
        assert vault.cases() == []
    finally:
        page.deleteLater()


def _top_ink_row(restore_app, text: str) -> int:
    """The highest row with text-dark pixels in an inactive tab labelled `text`."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QTabWidget, QWidget

    tabs = QTabWidget()
    try:
        tabs.addTab(QWidget(), "Aktiv")
        tabs.addTab(QWidget(), text)
        tabs.resize(400, 200)
        tabs.show()
        restore_app.processEvents()
        bar = tabs.tabBar()
        rect = bar.tabRect(1)
        image = bar.grab().toImage()
        for y in range(rect.top(), rect.bottom()):
            for x in range(rect.left() + 4, rect.right() - 4):
                if QColor(image.pixel(x, y)).lightness() < 90:
                    return y
        return rect.bottom()
    finally:
        tabs.close()
        tabs.deleteLater()


def test_ring_and_dots_are_not_clipped_in_an_inactive_tab(restore_app):
    """Fusion drew inactive tabs lower and cut off the ring of Å ("Ovningsfall")."""
    from vaaldstod.ui import theme

    theme.apply(restore_app, "light", 100, 9)
    assert _top_ink_row(restore_app, "ÅÅÅ") < _top_ink_row(restore_app, "AAA") - 1
    assert _top_ink_row(restore_app, "ÖÖÖ") < _top_ink_row(restore_app, "OOO") - 1


def test_print_preview_numbers_follow_the_app_language_not_the_system(qapp):
    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    from vaaldstod import i18n
    from vaaldstod.ui import printing

    before = QLocale()
    arabic = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)
    QLocale.setDefault(arabic)
    i18n.set_language("sv")
    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen.extend(field.text() for field in dialog.findChildren(QLineEdit))
        dialog.reject()

    try:
        QTimer.singleShot(0, look)
        printing.print_preview("<p>Hej</p>")
        assert QLocale().language() == QLocale.Language.Arabic  # the system's is put back
    finally:
        QLocale.setDefault(before)
    text = "".join(seen)
    assert any(char.isdigit() for char in text)
    assert not any("\u0660" <= char <= "\u0669" for char in text), seen  # Arabic-Indic digits
