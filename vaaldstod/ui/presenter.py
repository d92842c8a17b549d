"""Presenter mode: the case full screen for the group, the facilitator notes for the leader.

With a second screen connected, the case goes full screen there and the notes stay in a
window on the leader's screen. With one screen, the notes are a window the leader shows
and hides with N. Keys: Right, Space or Page Down for the next stage; Left or Page Up for
the previous one; Up and Down scroll; Esc leaves presenter mode.

Keys are read in `keyPressEvent`, never through a QShortcut or an application-wide filter.
Esc here only leaves presenter mode: presenters press it by habit, so the quick-exit filter
does not count it (a second Esc must not quit the app); F12 and the red "Quick exit" button
on both windows still quit at once. The room sees no key hints and no buttons but that one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from vaaldstod.exercises import Exercise, Slides
from vaaldstod.exercises.care import SupportLine
from vaaldstod.handbook import Handbook
from vaaldstod.i18n import _
from vaaldstod.ui.exercise_banner import ExerciseBanner
from vaaldstod.ui.quick_exit import ESCAPE_LEAVES
from vaaldstod.ui.widgets import QuickExitButton, button, label, label_text

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp}
NOTES_KEY = Qt.Key.Key_N
GROUP_POINT_SIZE = 26  # read from the back of a meeting room
GROUP_LINES = 40  # the group's text size: about a 40th of the screen's height, within limits
GROUP_SIZE_LIMITS = (18, 34)
GROUP_MIN_POINT_SIZE = 14  # a long slide shrinks to this before it scrolls
NOTES_LINES = 50  # the leader reads closer: about a 50th of the notes window's height
NOTES_SIZE_LIMITS = (12, 20)
NOTES_MIN_POINT_SIZE = 10
NOTES_POINT_SIZE = 15  # before the window has a size
# A slide fits when its text takes at most this share of the view: room to spare for a
# font with wider letters than the one it was checked with.
FIT_SHARE = 0.9
FIT_STEP = 0.5  # points: fine enough that a slide is not shrunk much more than it needs
# Set explicitly, so that slides look (and fit) the same whatever the app's text size is and
# whichever fonts have been registered with Qt (the bundled Arabic font must never stand in
# for Latin text). The first one installed is used; the style hint covers a system with none.
FONT_FAMILIES = ("Segoe UI", "DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica")

Screen = TypeVar("Screen")


def choose_screens(
    screens: Sequence[Screen], leader: Screen | None
) -> tuple[Screen, Screen | None]:
    """(screen for the group, screen for the notes); no notes screen when there is only one."""
    if len(screens) < 2:
        return (screens[0] if screens else leader), None
    if leader not in screens:
        leader = screens[0]
    group = next(screen for screen in screens if screen is not leader)
    return group, leader


def distinct_screens(screens: Sequence[QScreen]) -> list[QScreen]:
    """Screens showing different pictures: a mirrored projector has the laptop's geometry and
    shows the same picture, so it counts as the same screen."""
    distinct: list[QScreen] = []
    for screen in screens:
        if not any(screen.geometry() == seen.geometry() for seen in distinct):
            distinct.append(screen)
    return distinct


def group_point_size(screen_height: int) -> int:
    low, high = GROUP_SIZE_LIMITS
    return max(low, min(high, screen_height // GROUP_LINES))


def notes_point_size(window_height: int) -> int:
    """The leader's notes: from the notes window's height, not the app's text size (slides
    are laid out for the window they stand in; a larger window gives larger notes)."""
    low, high = NOTES_SIZE_LIMITS
    return max(low, min(high, window_height // NOTES_LINES))


def slide_font(point_size: float, bold: bool = False) -> QFont:
    """The presenter's font at `point_size`: family and size never taken from the app."""
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def clock(milliseconds: int) -> str:
    seconds = max(0, milliseconds) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class _SlideWindow(QWidget):
    """What both windows share: banner, heading, timer, text, buttons; keys go to the presenter."""

    min_point_size = NOTES_MIN_POINT_SIZE

    def __init__(self, presenter: Presenter) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.presenter = presenter
        self.banner = ExerciseBanner()
        self.heading = label()  # no "title" role: the theme's size would override this one
        self.position = label("muted", wrap=False)
        self.timer = label(wrap=False)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        # Focus stays on the window so that arrow keys and Space move the stages instead
        # of scrolling the text or pressing a button.
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hints = label("muted")
        self.previous = button()
        self.next = button("primary")
        self.toggle_notes = button()
        self.leave = button()
        for control in (self.previous, self.next, self.toggle_notes, self.leave):
            control.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.previous.clicked.connect(presenter.previous)
        self.next.clicked.connect(presenter.next)
        self.toggle_notes.clicked.connect(presenter.toggle_notes)
        self.leave.clicked.connect(presenter.leave)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.point_size = 0  # the base size the fonts were last set for
        self.text_point_size = 0.0  # the text's size after fitting: the base or smaller
        self.setProperty(ESCAPE_LEAVES, True)
        self.quick_exit = QuickExitButton()
        self.quick_exit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.quick_exit.clicked.connect(presenter.quick_exit_requested)

        top = QHBoxLayout()
        top.addWidget(self.position)
        top.addStretch()
        top.addWidget(self.timer)
        top.addWidget(self.quick_exit)
        bottom = QHBoxLayout()
        bottom.addStretch()
        for control in (self.previous, self.next, self.toggle_notes, self.leave):
            bottom.addWidget(control)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        # A row of its own: beside the buttons, at large text, the wrapped hint was cut off.
        layout.addWidget(self.hints)
        layout.addLayout(bottom)
        self.set_point_size(NOTES_POINT_SIZE)

    def base_point_size(self) -> int:
        """The text size this window's height calls for."""
        return notes_point_size(self.height())

    def small_labels(self) -> list[QLabel]:
        return [self.position, self.timer, self.hints]

    def set_point_size(self, point_size: int) -> None:
        """The base size of the text; banner, heading, timer, hints and buttons follow it."""
        self.point_size = point_size
        self.banner.setFont(slide_font(point_size * 0.9, bold=True))
        self.heading.setFont(slide_font(round(point_size * 1.15), bold=True))
        small = slide_font(max(10, round(point_size * 0.7)))
        for widget in self.small_labels():
            widget.setFont(small)
        for control in (self.previous, self.next, self.toggle_notes, self.leave):
            control.setFont(small)
        self.text.document().setDefaultStyleSheet(f"li {{ margin-bottom: {point_size // 3}px; }}")
        self._set_text_size(point_size)

    def _set_text_size(self, point_size: float) -> None:
        self.text_point_size = point_size
        self.text.document().setDefaultFont(slide_font(point_size))

    def fit(self) -> None:
        """The largest text size, from the base down to the minimum, at which the slide fits
        with room to spare; a slide that does not fit even then scrolls."""
        base = self.base_point_size()
        if base != self.point_size:
            self.set_point_size(base)
        layout = self.layout()
        layout.invalidate()
        layout.activate()
        document = self.text.document()
        view = self.text.viewport()
        size = float(base)
        while True:
            self._set_text_size(size)
            document.setTextWidth(view.width())
            if document.size().height() <= view.height() * FIT_SHARE:
                break
            if size - FIT_STEP < self.min_point_size:
                break
            size -= FIT_STEP

    def overflow(self) -> float:
        """How much taller the slide's text is than the share of the view it may take (0 if
        it fits): what a test measures."""
        height = self.text.document().size().height()
        return max(0.0, height - self.text.viewport().height() * FIT_SHARE)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit()

    def retranslate_ui(self) -> None:
        self.banner.retranslate_ui()
        self.quick_exit.retranslate_ui()
        label_text(self.previous, _("Previous"), _("Previous stage (Left arrow)"))
        label_text(self.next, _("Next"), _("Next stage (Right arrow or Space)"))
        label_text(self.toggle_notes, _("Notes"), _("Show or hide the facilitator notes (N)"))
        label_text(self.leave, _("Leave"), _("Leave presenter mode (Esc)"))
        label_text(self.text, self.text_name())
        label_text(self.heading, self.heading.text() or " ")
        self.hints.setText(
            _("→ or Space: next · ←: previous · ↑ ↓: scroll · N: notes · Esc: leave")
        )
        label_text(self.hints, self.hints.text())

    def text_name(self) -> str:
        return _("The case and the questions")

    def show_slide(self, heading: str, html: str, position: str) -> None:
        label_text(self.heading, heading)
        label_text(self.position, position)
        self.text.setHtml(html)
        self.fit()
        self.text.verticalScrollBar().setValue(0)

    def show_time(self, text: str, over: bool) -> None:
        label_text(self.timer, text)
        if self.timer.property("role") != ("warning" if over else None):
            self.timer.setProperty("role", "warning" if over else None)
            self.timer.style().unpolish(self.timer)
            self.timer.style().polish(self.timer)

    def scroll(self, steps: int) -> None:
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + steps * bar.singleStep() * 3)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if not self.presenter.handle_key(event, self):
            super().keyPressEvent(event)


class PresenterWindow(_SlideWindow):
    """What the group sees: the case and the questions, in large type. Never the notes."""

    min_point_size = GROUP_MIN_POINT_SIZE

    def __init__(self, presenter: Presenter) -> None:
        super().__init__(presenter)
        self.setObjectName("presenterWindow")
        # The room sees the case, not how the leader runs it: no key hints, no buttons but
        # quick exit (the leader uses the keys, or the buttons on the notes window).
        for control in (self.hints, self.previous, self.next, self.toggle_notes, self.leave):
            control.hide()
        self.notice = label("muted")
        self.notice.hide()
        self._notice_timer = QTimer(self, singleShot=True, interval=6000)
        self._notice_timer.timeout.connect(self.notice.hide)
        self.layout().insertWidget(1, self.notice)
        self.set_point_size(GROUP_POINT_SIZE)

    def base_point_size(self) -> int:
        return group_point_size(self.height())

    def explain_hidden_notes(self) -> None:
        """N with one screen: say why the notes do not appear (for a few seconds)."""
        label_text(
            self.notice,
            _(
                "The facilitator notes stay hidden: with one screen or a mirrored projector "
                "the room would see them. Extend the display to a second screen to see them."
            ),
        )
        self.notice.show()
        self._notice_timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        # Closed from the window manager (Alt+F4): leave presenter mode altogether.
        super().closeEvent(event)
        self.presenter.leave()


class NotesWindow(_SlideWindow):
    """The leader's view: facilitator notes, discussion points, handbook links, the timer."""

    def __init__(self, presenter: Presenter) -> None:
        super().__init__(presenter)
        self.setObjectName("notesWindow")
        self.private = label("muted")
        self.layout().insertWidget(1, self.private)
        self.up_next = label("muted")
        self.layout().insertWidget(5, self.up_next)
        self.set_point_size(self.point_size)

    def small_labels(self) -> list[QLabel]:
        extra = [getattr(self, name, None) for name in ("private", "up_next")]
        return [*super().small_labels(), *(widget for widget in extra if widget is not None)]

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(_("Facilitator notes"))
        label_text(
            self.private,
            _("Facilitator notes: for your eyes only. Keep this window off the shared screen."),
        )

    def text_name(self) -> str:
        return _("Facilitator notes")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        # Closing the notes only hides them; presenter mode goes on.
        event.ignore()
        self.hide()
        self.presenter.notes_hidden()


class Presenter(QObject):
    """One run of one exercise: the slide shown, the stage timer, the two windows."""

    finished = Signal()
    slide_changed = Signal(int)
    quick_exit_requested = Signal()

    def __init__(
        self,
        exercise: Exercise,
        handbook: Handbook | None = None,
        leader_screen: QScreen | None = None,
        parent: QObject | None = None,
        support: Sequence[SupportLine] | None = None,
    ) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.slides = Slides(exercise, handbook, support)
        self.index = 0
        self.leader_screen = leader_screen
        self.two_screens = False
        self._running = False
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._show_time)
        self.group = PresenterWindow(self)
        self.notes = NotesWindow(self)
        self.retranslate_ui()

    # -- running ---------------------------------------------------------------------------

    def start(self) -> None:
        """Full screen for the group; the notes on the leader's screen if there is a second."""
        screens = distinct_screens(QGuiApplication.screens())
        leader = self.leader_screen or QGuiApplication.primaryScreen()
        group_screen, notes_screen = choose_screens(screens, leader)
        self.two_screens = notes_screen is not None
        self._running = True
        self.group.setWindowTitle(self.exercise.title)
        if group_screen is not None:
            self.group.setScreen(group_screen)
            self.group.setGeometry(group_screen.geometry())
        self.group.showFullScreen()
        if notes_screen is not None:
            self.notes.setScreen(notes_screen)
            self.notes.setGeometry(notes_screen.availableGeometry())
            self.notes.showMaximized()
        self.go_to(0)
        self._tick.start()
        self.group.activateWindow()
        self.group.setFocus()

    @property
    def running(self) -> bool:
        return self._running

    def go_to(self, index: int) -> None:
        """Show slide `index` on both screens and restart the stage timer."""
        self.index = max(0, min(index, len(self.slides) - 1))
        position = _("{number} of {total}").format(number=self.index + 1, total=len(self.slides))
        heading = self.slides.heading(self.index)
        self.group.show_slide(heading, self.slides.group_html(self.index), position)
        self.notes.show_slide(heading, self.slides.notes_html(self.index), position)
        following = self.index + 1
        self.notes.up_next.setText(
            _("Next: {heading}").format(heading=self.slides.heading(following))
            if following < len(self.slides)
            else _("This is the last screen. Esc leaves presenter mode.")
        )
        for window in (self.group, self.notes):
            window.previous.setEnabled(self.index > 0)
            window.next.setEnabled(following < len(self.slides))
        self._elapsed.restart()
        self._show_time()
        self.slide_changed.emit(self.index)

    def next(self) -> None:
        if self.index < len(self.slides) - 1:
            self.go_to(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1)

    def toggle_notes(self) -> None:
        if self.notes.isVisible():
            self.notes.hide()
            self.notes_hidden()
            return
        if not self.two_screens:
            # One screen: the notes float over the case, smaller, until N hides them again.
            area = self.group.geometry()
            self.notes.setGeometry(
                area.x() + area.width() // 6,
                area.y() + area.height() // 8,
                area.width() * 2 // 3,
                area.height() * 3 // 4,
            )
        self.notes.show()
        self.notes.raise_()
        self.notes.activateWindow()
        self.notes.setFocus()

    def notes_hidden(self) -> None:
        if self._running and not self.two_screens:
            self.group.activateWindow()
            self.group.setFocus()

    def leave(self) -> None:
        if not self._running:
            return
        self._running = False
        self._tick.stop()
        for window in (self.notes, self.group):
            window.hide()
        self.finished.emit()

    def dispose(self) -> None:
        """Leave if still running and free both windows."""
        self.leave()
        for window in (self.notes, self.group):
            window.deleteLater()

    def handle_key(self, event: QKeyEvent, window: _SlideWindow) -> bool:
        key = event.key()
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == NOTES_KEY and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self.two_screens or self.notes.isVisible():
                self.toggle_notes()
            else:  # one screen (or a mirrored one) is what the room sees
                self.group.explain_hidden_notes()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            window.scroll(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Escape:
            self.leave()  # not counted by the quick-exit filter (ESCAPE_LEAVES)
        else:
            return False
        event.accept()
        return True

    # -- timer and language ----------------------------------------------------------------

    def _show_time(self) -> None:
        spent = self._elapsed.elapsed() if self._elapsed.isValid() else 0
        planned = self.slides.minutes(self.index)
        if planned:
            text = _("Stage time {spent} of {planned}").format(
                spent=clock(spent), planned=clock(planned * 60_000)
            )
        else:
            text = _("Time {spent}").format(spent=clock(spent))
        over = bool(planned) and spent > planned * 60_000
        for window in (self.group, self.notes):
            window.show_time(text, over)

    def retranslate_ui(self) -> None:
        for window in (self.group, self.notes):
            window.retranslate_ui()
        if self._running:
            self.go_to(self.index)
