"""Copying for the handler: concealed from clipboard managers, cleared after 30 seconds.

Modelled on KeePassXC's Clipboard: clear only when the clipboard still holds our copy, so
that something the handler copied elsewhere afterwards is left alone.

Ctrl+C, Ctrl+X and the context menu of any field in the app put text on the clipboard
through Qt, not through `copy`: each such copy is caught as it lands and put back with the
same hints and the same 30 s clearing. On X11 the selection (select, then middle-click) is
treated the same way, and both are emptied at lock and quick exit if the app put them there.
"""

from __future__ import annotations

from PySide6 import QtCore  # QtCore.Qt when needed: see quick_exit
from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

from vaaldstod.ui.platform_privacy import CONCEALED_TYPE, mark_pasteboard_concealed

CLEAR_AFTER_MS = 30_000
HINT = "x-kde-passwordManagerHint"


def concealed(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    # Clipboard managers on KDE, GNOME extensions, Windows and macOS skip concealed data.
    mime.setData(HINT, b"secret")
    mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
    mime.setData(CONCEALED_TYPE, b"")  # macOS; also added through AppKit in copy()
    return mime


def _ours(board: QClipboard, mode: QClipboard.Mode) -> bool:
    """Did this app put what is on the clipboard there? X11 and Windows say so; elsewhere
    (macOS, offscreen) Qt cannot tell, and a change while the app is in front is its own."""
    if QGuiApplication.platformName() in ("xcb", "windows"):
        return board.ownsClipboard() if mode == QClipboard.Mode.Clipboard else board.ownsSelection()
    return QGuiApplication.applicationState() == QtCore.Qt.ApplicationState.ApplicationActive


class SecureClipboard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._copied: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=CLEAR_AFTER_MS)
        self._timer.timeout.connect(self.clear)
        board = QGuiApplication.clipboard()
        board.dataChanged.connect(self._caught_copy)
        board.selectionChanged.connect(self._caught_selection)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setMimeData(concealed(text))
        mark_pasteboard_concealed()
        self._copied = text
        self._timer.start()

    def _caught_copy(self) -> None:
        """A copy made by a field of the app (Ctrl+C, Ctrl+X, context menu) gets the hints."""
        board = QGuiApplication.clipboard()
        mime = board.mimeData()
        if not _ours(board, QClipboard.Mode.Clipboard) or mime is None or mime.hasFormat(HINT):
            return
        if mime.hasText():
            self.copy(mime.text())

    def _caught_selection(self) -> None:
        board = QGuiApplication.clipboard()
        mode = QClipboard.Mode.Selection
        mime = board.mimeData(mode)
        if _ours(board, mode) and mime is not None and not mime.hasFormat(HINT):
            if mime.hasText():
                board.setMimeData(concealed(mime.text()), mode)

    @property
    def holds_our_copy(self) -> bool:
        return self._copied is not None and QGuiApplication.clipboard().text() == self._copied

    def clear(self) -> None:
        """Empty the clipboard if it still holds what we copied; otherwise leave it. The X11
        selection is emptied if it still holds text selected in the app."""
        self._timer.stop()
        board = QGuiApplication.clipboard()
        if self.holds_our_copy:
            board.clear()
        if board.supportsSelection() and _ours(board, QClipboard.Mode.Selection):
            board.clear(QClipboard.Mode.Selection)
        self._copied = None

    def dispose(self) -> None:
        board = QGuiApplication.clipboard()
        board.dataChanged.disconnect(self._caught_copy)
        board.selectionChanged.disconnect(self._caught_selection)
