"""The protected clipboard on X11 and Windows, simulated here (the tests run offscreen, where
Qt cannot tell who owns the clipboard): a copy the app made gets the concealing hints and the
30 s clearing, and the X11 selection (select, then middle-click) is concealed too."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QClipboard

from vaaldstod.ui import clipboard
from vaaldstod.ui.clipboard import HINT, SecureClipboard, _ours, concealed
from vaaldstod.ui.platform_privacy import CONCEALED_TYPE

pytestmark = pytest.mark.gui

Mode = QClipboard.Mode


class Board:
    """A system clipboard that says which of its two buffers this app filled."""

    def __init__(self, owns_clipboard: bool, owns_selection: bool, text: str = "") -> None:
        self._owns = {Mode.Clipboard: owns_clipboard, Mode.Selection: owns_selection}
        self.held = {mode: self._plain(text) for mode in self._owns}
        self.set: list[tuple[QMimeData, Mode]] = []

    @staticmethod
    def _plain(text: str) -> QMimeData:
        mime = QMimeData()
        mime.setText(text)
        return mime

    def ownsClipboard(self) -> bool:  # noqa: N802 - Qt's name
        return self._owns[Mode.Clipboard]

    def ownsSelection(self) -> bool:  # noqa: N802 - Qt's name
        return self._owns[Mode.Selection]

    def mimeData(self, mode: Mode = Mode.Clipboard) -> QMimeData:  # noqa: N802
        return self.held[mode]

    def setMimeData(self, mime: QMimeData, mode: Mode = Mode.Clipboard) -> None:  # noqa: N802
        self.held[mode] = mime
        self.set.append((mime, mode))


def on(board: Board):
    """The app sees `board` as the system clipboard (undone before the watcher is disposed)."""
    return mock.patch.object(clipboard.QGuiApplication, "clipboard", return_value=board)


@pytest.fixture
def watcher(qapp):
    made = SecureClipboard()
    yield made
    made.dispose()


@pytest.fixture(params=["xcb", "windows"])
def platform(request, monkeypatch, qapp):
    monkeypatch.setattr(clipboard.QGuiApplication, "platformName", lambda: request.param)
    # In the background, so that what follows can only come from asking the board.
    inactive = Qt.ApplicationState.ApplicationInactive
    monkeypatch.setattr(clipboard.QGuiApplication, "applicationState", lambda: inactive)
    return request.param


def test_x11_and_windows_ask_the_system_who_filled_each_buffer(platform):
    assert _ours(Board(True, False), Mode.Clipboard)
    assert not _ours(Board(True, False), Mode.Selection)
    assert _ours(Board(False, True), Mode.Selection)
    assert not _ours(Board(False, True), Mode.Clipboard)


def test_a_copy_made_in_the_app_is_concealed_and_will_be_cleared(watcher, platform):
    board = Board(owns_clipboard=True, owns_selection=False, text="Hot från sambon")
    with on(board):
        watcher._caught_copy()  # Ctrl+C in a note field, as the clipboard reports it
    (mime, mode), *_rest = board.set
    assert mode == Mode.Clipboard and mime.text() == "Hot från sambon"
    assert mime.hasFormat(HINT) and watcher._timer.isActive()


def test_a_copy_another_program_made_is_left_alone(watcher, platform):
    board = Board(owns_clipboard=False, owns_selection=False, text="någon annans text")
    with on(board):
        watcher._caught_copy()
        watcher._caught_selection()
    assert board.set == [] and not watcher._timer.isActive()


def test_text_selected_in_the_app_is_concealed_in_the_x11_selection(watcher, platform):
    board = Board(owns_clipboard=False, owns_selection=True, text="skulder i hennes namn")
    with on(board):
        watcher._caught_selection()
        (mime, mode), *_rest = board.set
        assert mode == Mode.Selection and mime.text() == "skulder i hennes namn"
        assert mime.hasFormat(HINT)
        watcher._caught_selection()  # already concealed: not set again (no endless loop)
    assert len(board.set) == 1


def test_concealed_text_carries_every_platforms_marker():
    mime = concealed("anteckning")
    assert mime.text() == "anteckning"
    assert bytes(mime.data(HINT)) == b"secret"  # KDE Klipper and GNOME extensions
    assert bytes(mime.data("ExcludeClipboardContentFromMonitorProcessing")) == b"1"  # Windows
    # macOS (nspasteboard.org): the marker's presence is what counts; its data stays empty.
    assert mime.hasFormat(CONCEALED_TYPE) and bytes(mime.data(CONCEALED_TYPE)) == b""
