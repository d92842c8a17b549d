"""The bundled fonts: every sheet prints in them whatever the system has, and the app's own
font and text measurement are the same after a sheet was printed as before."""

from __future__ import annotations

import re

import pytest

from vaaldstod.directory import Area, Directory, LocalNumber, OfficeProfile
from vaaldstod.sheets import render_sheet, sheet_languages
from vaaldstod.sheets.selection import standard_set

pytestmark = pytest.mark.gui

SAMPLE = "Ingen ska behöva leva med våld – 020-50 50 50"


def font_state(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication

    metrics = QFontMetricsF(QGuiApplication.font())
    bold = QFont(QGuiApplication.font())
    bold.setBold(True)
    return (
        QGuiApplication.font().toString(),
        sorted(QFontDatabase.families()),
        metrics.horizontalAdvance(SAMPLE),
        metrics.height(),
        QFontMetricsF(bold).horizontalAdvance(SAMPLE),
        QFontMetricsF(QFont("Vaaldstod Sheet Sans", 12)).horizontalAdvance(SAMPLE),
    )


def sheets():
    directory = Directory()
    office = OfficeProfile(name="Kontoret", local_numbers=(LocalNumber("Växel", "0470-1 00"),))
    for fmt, language in (("a4", "sv"), ("a4", "ar"), ("card", "ti"), ("poster", "fa")):
        entries = standard_set(directory.entries(language), Area("Kronoberg"))
        yield render_sheet(fmt, sheet_languages()[language], entries, office)


def test_printing_a_sheet_leaves_the_apps_fonts_as_they_were(qapp):
    from vaaldstod.ui.printing import page_image, pdf_bytes

    before = font_state(qapp)
    for sheet in sheets():
        assert pdf_bytes(sheet).startswith(b"%PDF")
        assert not page_image(sheet, 200).isNull()
    assert font_state(qapp) == before


def test_the_fonts_are_known_only_while_a_sheet_is_drawn_and_nesting_is_safe(qapp):
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    from vaaldstod.ui.printing import bundled_fonts

    app_font = QGuiApplication.font().toString()
    outside = set(QFontDatabase.families())
    with bundled_fonts():
        inside = set(QFontDatabase.families())
        with bundled_fonts():
            assert set(QFontDatabase.families()) == inside
        assert set(QFontDatabase.families()) == inside  # the inner block kept them
        assert QGuiApplication.font().toString() == app_font  # never the UI's font
    assert {"Vaaldstod Sheet Sans", "Noto Sans Arabic", "Noto Sans Ethiopic"} <= inside
    assert set(QFontDatabase.families()) == outside


SCRIPT_FONTS = {"ar": "NotoSansArabic", "fa": "NotoSansArabic", "ti": "NotoSansEthiopic"}


@pytest.mark.parametrize("language", list(sheet_languages()))
@pytest.mark.parametrize("fmt", ["a4", "card"])
def test_a_sheet_embeds_the_bundled_fonts_not_the_systems(qapp, language, fmt):
    from vaaldstod.ui.printing import pdf_bytes

    entries = standard_set(Directory().entries(language), Area())
    data = pdf_bytes(render_sheet(fmt, sheet_languages()[language], entries, OfficeProfile()))
    embedded = {
        name.decode() for name in re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([\w-]+)", data)
    }
    assert "VaaldstodSheetSans-Bold" in embedded, embedded
    assert SCRIPT_FONTS.get(language, "VaaldstodSheetSans") + "-Regular" in embedded, embedded
    # Every glyph from the bundle: nothing from the system's fonts (DejaVu here).
    assert all(name.startswith(("VaaldstodSheetSans", "NotoSans")) for name in embedded), embedded
