"""The handbook holds its layout in a meeting at every text size: the step list keeps whole
labels after the journal text and a search, and nothing pushes the window past the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.test_accessibility import SCREEN_200, clipped_items, open_app
from vaaldstod.settings import Settings

pytestmark = pytest.mark.gui
__all__ = ["open_app"]  # a fixture used below, imported for pytest


def _step_list_problems(page) -> list[str]:
    QApplication.processEvents()
    navigation = page.navigation
    found = clipped_items(page)  # every list in the page: steps or hits, checklist, answers
    # A column so narrow that the labels wrap a word or two to a line is no use either.
    least = 14 * navigation.fontMetrics().averageCharWidth()
    if navigation.viewport().width() < least:
        found.append(f"step list only {navigation.viewport().width()} px wide (< {least})")
    return found


@pytest.mark.parametrize("scale", [100, 200])
def test_step_list_keeps_whole_labels_after_journal_text_and_search(open_app, qtbot, scale):
    # Issue 19: after opening the journal text the list shrank for good ("Journaltex"),
    # search results wrapped one word per line and widened the window, and at 200 % a
    # step label ended in "…".
    window = open_app(Settings(text_scale=scale)).main_window
    window.resize(*(SCREEN_200 if scale > 100 else (1100, 720)))
    window.show()
    qtbot.waitExposed(window)
    window.show_page("handbook")
    page = window.page("handbook")
    problems = {}
    page.show_step("identify")
    problems["steps"] = _step_list_problems(page)
    page.show_step("journal")
    problems["journal"] = _step_list_problems(page)
    qtbot.keyClicks(page.search, "tolk")
    assert page.navigation.count() > 1
    problems["search"] = _step_list_problems(page)
    page.search.clear()
    problems["steps again"] = _step_list_problems(page)
    page.show_step("checklist")
    problems["checklist"] = _step_list_problems(page)
    labels = [page.navigation.item(row).text() for row in range(page.navigation.count())]
    assert "Journaltext" in labels and "Checklista: tecken på ekonomiskt våld" in labels
    minimum = window.minimumSizeHint().width()
    assert minimum <= window.width(), f"the window needs {minimum} px, has {window.width()}"
    assert not any(problems.values()), problems


def test_first_use_asks_for_the_agency_and_remembers_the_answer(open_app, qtbot):
    # Issue 19: a Försäkringskassan handler was silently shown Kronofogden's routines.
    from vaaldstod import settings as settings_store

    window = open_app(Settings()).main_window
    window.show()
    qtbot.waitExposed(window)
    window.show_page("handbook")
    page = window.page("handbook")
    assert page.agency_bar.isVisible()
    assert "Vilken myndighet" in page.agency_question.text()
    page.agency_choice.setCurrentIndex(page.agency_choice.findData("forsakringskassan"))
    qtbot.mouseClick(page.agency_use, Qt.MouseButton.LeftButton)
    assert not page.agency_bar.isVisible()
    assert page.handbook.agency == "forsakringskassan"
    page.show_step("ask")
    assert "Försäkringskassan" in page.browser.toPlainText()
    saved = settings_store.load()
    assert saved.agency == "forsakringskassan" and saved.agency_confirmed
    window.show_page("settings")
    assert window.page("settings").agency.currentData() == "forsakringskassan"


def test_an_agency_chosen_in_settings_is_not_asked_again(open_app, qtbot):
    window = open_app(Settings()).main_window
    window.show_page("settings")
    settings_page = window.page("settings")
    settings_page.agency.setCurrentIndex(settings_page.agency.findData("migrationsverket"))
    window.show_page("handbook")
    page = window.page("handbook")
    assert page.handbook.agency == "migrationsverket"
    assert not page.agency_bar.isVisibleTo(window)
    assert window.settings.agency_confirmed
