"""Presenter mode seen from the room: nothing but the case and a quick exit, and the app still
locks in the end if the leader walks away."""

from __future__ import annotations

from unittest import mock

import pytest
import shiboken6

from tests.conftest import PASSPHRASE
from tests.test_quick_exit_dialogs import close_app, real_click
from vaaldstod import i18n
from vaaldstod.settings import Settings
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui


@pytest.fixture
def presenting(qapp, tmp_path):
    from vaaldstod.ui.controller import AppController

    i18n.set_language("en")
    settings = Settings(presenting_lock_minutes=45)
    controller = AppController(qapp, tmp_path / "vault.db", settings, quit_app=mock.Mock())
    controller.start()
    controller._opened(Vault.create(controller.vault_path, PASSPHRASE))
    window = controller.main_window
    window.show_page("exercises")
    exercises = window.page("exercises")
    exercises.start_presenter()
    controller.exercises = exercises
    yield controller
    close_app(controller)


def test_the_room_sees_no_key_hints_or_buttons_but_quick_exit(presenting):
    group = presenting.exercises.presenter.group
    assert group.isVisible()
    for control in (group.hints, group.previous, group.next, group.toggle_notes, group.leave):
        assert not control.isVisible()
    assert group.quick_exit.isVisible()
    real_click(group.quick_exit)
    presenting._quit.assert_called_once()
    assert presenting.locked
    assert not shiboken6.isValid(group) or not group.isVisible()


def test_the_leaders_notes_window_keeps_its_controls_and_a_quick_exit(presenting):
    notes = presenting.exercises.presenter.notes
    notes.show()
    assert notes.next.isVisible() and notes.hints.isVisible() and notes.quick_exit.isVisible()
    notes.hide()


def test_idle_lock_while_presenting_is_long_but_not_infinite(presenting):
    timer = presenting.inactivity
    assert timer.active and timer.interval_ms == 45 * 60_000
    presenting.exercises.presenter.leave()
    assert timer.active and timer.interval_ms == 5 * 60_000


def test_locking_during_a_presentation_ends_it_and_stays_locked(presenting):
    presenter = presenting.exercises.presenter
    presenting.lock("")
    assert presenting.locked and not presenter.group.isVisible()
    assert not presenting.inactivity.active


def test_the_presenting_lock_time_is_a_setting():
    assert Settings().presenting_lock_minutes == 60
    assert Settings(presenting_lock_minutes=0).validated().presenting_lock_minutes == 60


def test_a_mirrored_projector_counts_as_one_screen():
    from PySide6.QtCore import QRect

    from vaaldstod.ui.presenter import distinct_screens

    laptop = mock.Mock(geometry=lambda: QRect(0, 0, 1920, 1080))
    mirror = mock.Mock(geometry=lambda: QRect(0, 0, 1920, 1080))
    extended = mock.Mock(geometry=lambda: QRect(1920, 0, 1920, 1080))
    assert distinct_screens([laptop, mirror]) == [laptop]
    assert distinct_screens([laptop, extended]) == [laptop, extended]


def test_n_on_one_screen_says_why_the_notes_stay_hidden(presenting, qtbot):
    from PySide6.QtCore import Qt

    presenter = presenting.exercises.presenter
    assert not presenter.two_screens
    qtbot.keyClick(presenter.group, Qt.Key.Key_N)
    assert not presenter.notes.isVisible()
    assert "room would see them" in presenter.group.notice.text()
