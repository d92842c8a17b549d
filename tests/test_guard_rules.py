"""Exact rules of the guards a handler relies on in a hurry: quick exit by key, the idle lock's
timer and the protected clipboard (issue 17). Each test drives one object directly, with no
controller and no vault, so it runs in milliseconds and pins every branch the mutation run
judges: what triggers, what is consumed, what passes on to the window, and the boundaries.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget

from tests.test_clipboard_platforms import Board, on
from vaaldstod.ui import clipboard, quick_exit
from vaaldstod.ui.clipboard import HINT, SecureClipboard
from vaaldstod.ui.inactivity import InactivityTimer
from vaaldstod.ui.quick_exit import DOUBLE_ESC_SECONDS, ESCAPE_LEAVES, QuickExitFilter

pytestmark = pytest.mark.gui

Key = QtCore.Qt.Key
KeyPress, KeyRelease = QEvent.Type.KeyPress, QEvent.Type.KeyRelease


class Press(QKeyEvent):
    """A key press as the window system delivers it to a widget (spontaneous), or as Qt's
    copy of it for the widget's parents (`spontaneous=False`); see the real delivery below."""

    def __init__(self, key, *, spontaneous=True, auto_repeat=False, kind=KeyPress):
        super().__init__(kind, key, QtCore.Qt.KeyboardModifier.NoModifier, "", auto_repeat)
        self._spontaneous = spontaneous

    def spontaneous(self) -> bool:
        return self._spontaneous


class Clock:
    def __init__(self) -> None:
        self.t = 0.0  # a monotonic clock may start anywhere, 0 included

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock(monkeypatch):
    moved = Clock()
    monkeypatch.setattr(quick_exit, "time", SimpleNamespace(monotonic=moved))
    return moved


@pytest.fixture
def quits(qapp, clock):
    """The filter, the quick exits it triggered, and a window with a field to type in."""
    triggered: list[int] = []
    exit_filter = QuickExitFilter(lambda: triggered.append(1))
    window = QWidget()
    field = QLineEdit(window)
    presenter = QWidget()  # the presenter's full screen: Esc there leaves it
    presenter.setProperty(ESCAPE_LEAVES, True)
    slide = QWidget(presenter)
    yield SimpleNamespace(
        filter=exit_filter.eventFilter, triggered=triggered, field=field, slide=slide
    )
    for widget in (window, presenter, exit_filter):
        widget.deleteLater()


def esc_at(quits, t: float, clock, where=None, **kwargs) -> bool:
    clock.t = t
    return quits.filter(where or quits.field, Press(Key.Key_Escape, **kwargs))


def test_f12_quits_at_once_and_the_key_goes_no_further(quits):
    assert quits.filter(quits.field, Press(Key.Key_F12)) is True
    assert quits.triggered == [1]
    assert quits.filter(quits.slide, Press(Key.Key_F12)) is True  # in presenter mode too
    assert quits.triggered == [1, 1]


def test_one_esc_passes_on_to_the_window_and_two_within_the_limit_quit(quits, clock):
    assert esc_at(quits, 0.0, clock) is False  # closes a dialog, say
    assert quits.triggered == []
    assert esc_at(quits, DOUBLE_ESC_SECONDS, clock) is True  # exactly at the limit still counts
    assert quits.triggered == [1]
    # A third Esc starts a new pair; it does not quit again on its own.
    assert esc_at(quits, DOUBLE_ESC_SECONDS + 0.1, clock) is False
    assert esc_at(quits, DOUBLE_ESC_SECONDS + 0.2, clock) is True
    assert quits.triggered == [1, 1]


def test_two_esc_just_too_far_apart_do_not_quit_and_the_second_starts_a_pair(quits, clock):
    assert esc_at(quits, 0.0, clock) is False
    late = DOUBLE_ESC_SECONDS + 0.001
    assert esc_at(quits, late, clock) is False
    assert quits.triggered == []
    assert esc_at(quits, late + DOUBLE_ESC_SECONDS / 2, clock) is True
    assert quits.triggered == [1]


def test_a_fresh_filter_does_not_quit_on_one_esc_whatever_the_clock(quits, clock):
    for t in (0.0, 0.3, 1.2):
        clock.t = t
        fresh = QuickExitFilter(lambda: quits.triggered.append(1))
        assert fresh.eventFilter(quits.field, Press(Key.Key_Escape)) is False
        fresh.deleteLater()
    assert quits.triggered == []


def test_esc_in_presenter_mode_only_leaves_it(quits, clock):
    assert esc_at(quits, 0.0, clock, quits.slide) is False  # the presenter window leaves
    assert esc_at(quits, 0.1, clock, quits.slide) is False
    assert quits.triggered == []
    # An Esc elsewhere just before leaving with Esc is not one Esc away from quitting.
    assert esc_at(quits, 1.0, clock) is False
    assert esc_at(quits, 1.1, clock, quits.slide) is False
    assert esc_at(quits, 1.2, clock) is False
    assert quits.triggered == []
    assert esc_at(quits, 1.3, clock) is True
    assert quits.triggered == [1]


def test_other_keys_between_two_esc_do_not_cancel_the_quick_exit(quits, clock):
    assert esc_at(quits, 0.0, clock) is False
    clock.t = 0.1
    assert quits.filter(quits.slide, Press(Key.Key_A)) is False  # typed in presenter mode
    assert quits.filter(quits.field, Press(Key.Key_Space)) is False
    assert esc_at(quits, 0.2, clock) is True
    assert quits.triggered == [1]


def test_typing_is_never_taken_for_a_quick_exit(quits, clock):
    for t, key in enumerate([Key.Key_A, Key.Key_A, Key.Key_Return, Key.Key_Return]):
        clock.t = t / 10
        assert quits.filter(quits.field, Press(key)) is False
    assert quits.triggered == []


def test_holding_esc_down_counts_as_one_press(quits, clock):
    assert esc_at(quits, 0.0, clock) is False
    assert esc_at(quits, 0.1, clock, auto_repeat=True) is False
    assert esc_at(quits, 0.2, clock, auto_repeat=True) is False
    assert quits.triggered == []
    assert esc_at(quits, 0.3, clock) is True  # released and pressed again
    assert quits.triggered == [1]


def test_qts_copies_of_a_key_for_parent_widgets_do_not_count(quits, clock):
    assert quits.filter(quits.field, Press(Key.Key_F12, spontaneous=False)) is False
    assert esc_at(quits, 0.0, clock, spontaneous=False) is False
    assert esc_at(quits, 0.1, clock, spontaneous=False) is False
    assert quits.triggered == []
    assert esc_at(quits, 0.2, clock) is False  # the first Esc that counts
    assert quits.triggered == []


def test_releases_other_events_and_non_widgets_pass_untouched(quits, clock):
    assert quits.filter(quits.field, Press(Key.Key_F12, kind=KeyRelease)) is False
    window_system = QObject()  # e.g. the QWindow, which sees the key before the widget
    assert quits.filter(window_system, Press(Key.Key_F12)) is False
    window_system.deleteLater()
    assert quits.filter(quits.field, QEvent(QEvent.Type.Show)) is False
    assert quits.triggered == []


def test_a_real_key_press_is_counted_once_though_qt_shows_it_to_the_parents(quits, qapp):
    """Through QTest, as the window system delivers keys: the field gets the press, then its
    window a non-spontaneous copy (the field ignores Esc); one Esc must not be two."""
    triggered: list[int] = []
    exit_filter = QuickExitFilter(lambda: triggered.append(1))
    qapp.installEventFilter(exit_filter)
    try:
        QTest.keyClick(quits.field, Key.Key_Escape)
        assert triggered == []
        QTest.keyClick(quits.field, Key.Key_Escape)
        assert triggered == [1]
        QTest.keyClick(quits.field, Key.Key_F12)
        assert triggered == [1, 1]
    finally:
        qapp.removeEventFilter(exit_filter)
        exit_filter.deleteLater()


# -- the idle lock's timer -----------------------------------------------------------------


@pytest.fixture
def idle(qapp):
    made = InactivityTimer(5)
    yield made
    made.stop()
    made.deleteLater()


def test_the_idle_lock_counts_in_minutes_and_waits_to_be_started(idle):
    assert idle.interval_ms == 5 * 60_000 and not idle.active
    idle.set_minutes(2)
    assert idle.interval_ms == 120_000 and not idle.active
    idle.start()
    assert idle.active
    idle.stop()
    assert not idle.active


def test_the_idle_signal_comes_once_and_the_timer_is_then_spent(idle, qtbot):
    idle.set_interval_ms(1)
    with qtbot.waitSignal(idle.idle, timeout=5000):
        idle.start()
    assert not idle.active  # locked: no second idle lock until the app starts it again


def _left_after(idle, event) -> tuple[int, float]:
    """Let 30 ms of a running one-minute timer pass, show it `event`; the time left after,
    and the milliseconds the filter call and the reading took (the restart lies within)."""
    timer = idle._timer
    timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)  # remainingTime() to the millisecond
    idle.set_minutes(1)
    idle.start()
    while timer.remainingTime() > 60_000 - 30:
        pass
    widget = QWidget()
    began = time.monotonic()
    assert idle.eventFilter(widget, event) is False  # input is never swallowed
    left = timer.remainingTime()
    took_ms = (time.monotonic() - began) * 1000
    widget.deleteLater()
    return left, took_ms


def test_input_restarts_the_running_idle_timer(idle):
    left, took_ms = _left_after(idle, Press(Key.Key_A))
    assert left >= 60_000 - took_ms - 2  # a full minute again from the key press


def test_other_events_do_not_restart_the_idle_timer(idle):
    left, _took = _left_after(idle, QEvent(QEvent.Type.Paint))
    assert left <= 60_000 - 30


def test_input_while_locked_does_not_start_the_idle_timer(idle, qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    assert idle.eventFilter(widget, Press(Key.Key_A)) is False
    assert not idle.active


# -- the protected clipboard ---------------------------------------------------------------

Mode = QClipboard.Mode


class X11Board(Board):
    """The simulated system clipboard (tests/test_clipboard_platforms.py), with a selection
    and the clearing asked of it."""

    def __init__(self, *args, selection: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._selection = selection
        self.cleared: list[Mode] = []

    def supportsSelection(self) -> bool:  # noqa: N802 - Qt's name
        return self._selection

    def text(self, mode: Mode = Mode.Clipboard) -> str:
        return self.held[mode].text()

    def clear(self, mode: Mode = Mode.Clipboard) -> None:
        self.cleared.append(mode)
        self.held[mode] = self._plain("")


@pytest.fixture
def x11(monkeypatch, qapp):
    monkeypatch.setattr(clipboard.QGuiApplication, "platformName", lambda: "xcb")
    inactive = QtCore.Qt.ApplicationState.ApplicationInactive
    monkeypatch.setattr(clipboard.QGuiApplication, "applicationState", lambda: inactive)


@pytest.fixture
def watcher(qapp):
    made = SecureClipboard()
    yield made
    made._timer.stop()
    made.dispose()
    made.deleteLater()


def test_clearing_empties_the_copy_and_the_selection_the_app_filled(x11, watcher):
    board = X11Board(owns_clipboard=True, owns_selection=True, text="markerat i appen")
    with on(board):
        watcher.copy("Hot från sambon")
        assert watcher._timer.isActive() and watcher._timer.remainingTime() > 29_000
        watcher.clear()
    assert board.cleared == [Mode.Clipboard, Mode.Selection]
    assert board.text() == "" and board.text(Mode.Selection) == ""
    assert not watcher._timer.isActive()


def test_clearing_leaves_a_selection_another_program_made(x11, watcher):
    board = X11Board(owns_clipboard=True, owns_selection=False, text="ett annat program")
    with on(board):
        watcher.copy("Hot från sambon")
        watcher.clear()
    assert board.cleared == [Mode.Clipboard]
    assert board.text(Mode.Selection) == "ett annat program"


def another_programs_picture(board: X11Board) -> QtCore.QMimeData:
    """Another program copies a picture: no text, and the app does not own it."""
    picture = QtCore.QMimeData()
    picture.setData("image/png", b"\x89PNG")
    board.held[Mode.Clipboard] = picture
    board._owns[Mode.Clipboard] = False
    return picture


def test_a_lock_before_any_copy_leaves_what_another_program_copied(x11, watcher):
    board = X11Board(owns_clipboard=False, owns_selection=False, selection=False)
    picture = another_programs_picture(board)
    with on(board):
        watcher.clear()
    assert board.cleared == [] and board.held[Mode.Clipboard] is picture


def test_once_cleared_a_later_lock_leaves_what_another_program_copied(x11, watcher):
    board = X11Board(owns_clipboard=True, owns_selection=False, selection=False)
    with on(board):
        watcher.copy("Hot från sambon")
        watcher.clear()
        picture = another_programs_picture(board)
        watcher.clear()  # the app locks
    assert board.cleared == [Mode.Clipboard]
    assert board.held[Mode.Clipboard] is picture


def test_a_disposed_watcher_lets_go_of_the_clipboard_and_of_nothing_else(qapp, monkeypatch):
    """A controller made after another was disposed still protects copies, and whatever
    else listens to the clipboard (Qt's own paste actions) keeps listening."""
    active = QtCore.Qt.ApplicationState.ApplicationActive
    monkeypatch.setattr(clipboard.QGuiApplication, "applicationState", lambda: active)
    board = QGuiApplication.clipboard()
    heard: list[str] = []

    def data_changed() -> None:
        heard.append("clipboard")

    def selection_changed() -> None:
        heard.append("selection")

    board.dataChanged.connect(data_changed)
    board.selectionChanged.connect(selection_changed)
    first, second = SecureClipboard(), SecureClipboard()
    try:
        first.dispose()
        board.setText("kopierat i appen")  # Ctrl+C in a field
        assert board.mimeData().hasFormat(HINT) and board.text() == "kopierat i appen"
        assert second._timer.isActive() and not first._timer.isActive()
        board.selectionChanged.emit()
        assert "clipboard" in heard and heard[-1] == "selection"
    finally:
        second._timer.stop()
        second.dispose()
        board.dataChanged.disconnect(data_changed)
        board.selectionChanged.disconnect(selection_changed)
        board.clear()
        first.deleteLater()
        second.deleteLater()
