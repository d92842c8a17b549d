"""The "Give to the client" dialog: it starts from the office's standard set, ticks adjust it,
and the preview and the printed sheet show exactly what is ticked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vaaldstod.directory import Area, Directory, OfficeProfile, save_profile
from vaaldstod.sheets import sheet_languages
from vaaldstod.sheets.render import visible_text
from vaaldstod.sheets.selection import standard_set

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot):
    from vaaldstod.ui.sheet_dialog import SheetDialog

    save_profile(OfficeProfile(name="Kontoret i Växjö", area="Kronoberg"))
    directory = Directory()
    made = SheetDialog(
        directory.entries("sv"),
        sheet_languages(),
        chosen=["valj-att-sluta"],
        load=directory.entries,
    )
    qtbot.addWidget(made)
    return made


def tick(dialog, ident: str, ticked: bool) -> None:
    for row in range(dialog.lines.count()):
        item = dialog.lines.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == ident:
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            return
    raise AssertionError(f"{ident} is not offered")


def test_it_starts_from_the_offices_standard_set_and_what_was_ticked(dialog):
    standard = [e.id for e in standard_set(Directory().entries("sv"), Area("Kronoberg"))]
    assert len(standard) >= 8
    assert dialog.ticked_ids() == [
        ident for ident in _offered(dialog) if ident in {*standard, "valj-att-sluta"}
    ]
    assert not dialog.preview_image.pixmap().isNull()
    text = visible_text(dialog.sheet().html)
    assert "020-50 50 50" in text and "116 111" in text and "020-555 666" in text


def test_unticking_takes_a_line_off_the_sheet_and_the_standard_set_comes_back(dialog):
    before = dialog.preview_image.pixmap().toImage()
    tick(dialog, "bris", False)
    assert "116 111" not in visible_text(dialog.sheet().html)
    assert dialog.preview_image.pixmap().toImage() != before  # the preview follows the ticks
    dialog.standard_button.click()
    assert "bris" in dialog.ticked_ids() and "valj-att-sluta" not in dialog.ticked_ids()


def test_the_sheet_is_made_from_the_texts_of_its_own_language(dialog):
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    assert dialog.review.isVisibleTo(dialog)  # Arabic needs review by a native speaker
    assert {e.text_language for e in dialog.sheet_entries()} == {"en"}
    sheet = dialog.sheet()
    assert sheet.language == "ar" and "Dygnet runt" not in sheet.html


def test_the_card_leaves_out_the_line_for_people_who_use_violence(dialog):
    dialog.format.setCurrentIndex(dialog.format.findData("card"))
    text = visible_text(dialog.sheet().html)
    assert "020-555 666" not in text and "020-50 50 50" in text


def _offered(dialog) -> list[str]:
    return [
        dialog.lines.item(row).data(Qt.ItemDataRole.UserRole) for row in range(dialog.lines.count())
    ]


def test_the_office_profile_dialog_saves_the_area_of_the_standard_set(qtbot):
    from vaaldstod.directory import load_profile
    from vaaldstod.ui.office_profile_dialog import OfficeProfileDialog

    dialog = OfficeProfileDialog()
    qtbot.addWidget(dialog)
    assert dialog.area.currentData() == ""  # national services only
    dialog.area.setCurrentIndex(dialog.area.findData("Växjö"))
    dialog.name.setText("Kontoret")
    dialog._save()
    assert load_profile().area == "Växjö"
