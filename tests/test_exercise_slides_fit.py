"""Every slide of every shipped case fits 1280 × 800, for the group and in the notes, sv and en.

The presenter sets its own fonts, so the result must not depend on what other code did to
the application before: the stressed run registers every bundled font with Qt (as the sheet
printing does) and applies the theme at 200 % text (as Settings does), then restores both.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from vaaldstod import i18n, paths
from vaaldstod.exercises import load_exercises
from vaaldstod.exercises.care import SupportLine
from vaaldstod.ui import theme
from vaaldstod.ui.presenter import FIT_SHARE, Presenter

WIDTH, HEIGHT = 1280, 800
SUPPORT = (
    SupportLine("Kvinnofridslinjen", "020-50 50 50"),
    SupportLine("Stödlinjen för män (NCK)", "020-80 80 80"),
    SupportLine("Brottsofferjouren Sverige – stödlinje 116 006", "116 006"),
    SupportLine("Välj att sluta", "020-555 666", "if you worry about your own violence"),
)


@pytest.fixture
def stressed(qapp):
    """Bundled fonts registered and the theme at 200 % text; everything restored after."""
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    style = qapp.style().name()
    ids = [
        QFontDatabase.addApplicationFont(str(path))
        for path in sorted((paths.resources_dir() / "fonts").glob("*.ttf"))
    ]
    assert ids and all(font_id >= 0 for font_id in ids)
    theme.apply(qapp, "system", 200, font.pointSizeF())
    assert qapp.font().pointSizeF() == pytest.approx(font.pointSizeF() * 2)
    yield
    for font_id in ids:
        QFontDatabase.removeApplicationFont(font_id)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def _overflows(language: str) -> list[str]:
    i18n.set_language(language)
    found = []
    exercises = load_exercises(language)
    assert len(exercises) >= 13
    for exercise in exercises:
        presenter = Presenter(exercise)
        presenter.slides.support = SUPPORT
        try:
            for window in (presenter.group, presenter.notes):
                window.showNormal()
                window.setGeometry(0, 0, WIDTH, HEIGHT)
            presenter._running = True
            for index in range(len(presenter.slides)):
                presenter.go_to(index)
                QApplication.processEvents()
                for window in (presenter.group, presenter.notes):
                    where = f"{language} {exercise.id} {index} {type(window).__name__}"
                    if window.overflow() > 0:
                        share = window.text.document().size().height() / (
                            window.text.viewport().height()
                        )
                        found.append(f"{where}: text takes {share:.0%} of the view")
                    heading = window.heading
                    if heading.heightForWidth(heading.width()) > heading.height():
                        found.append(f"{where}: heading cut off")
                    if window.text.horizontalScrollBar().maximum() > 0:
                        found.append(f"{where}: scrolls sideways")
        finally:
            presenter.dispose()
            QApplication.processEvents()
    return found


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_slide_fits_with_room_to_spare(qapp, language):
    assert FIT_SHARE <= 0.9
    found = _overflows(language)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_slides_fit_the_same_after_fonts_are_registered_and_text_is_200_percent(
    qapp, stressed, language
):
    found = _overflows(language)
    assert not found, "\n".join(found)
