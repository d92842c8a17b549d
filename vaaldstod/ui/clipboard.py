"""Copying for the handler: concealed from clipboard managers, cleared after 30 seconds.

Modelled on KeePassXC's Clipboard: clear only when the clipboard still holds our copy, so
that something the handler copied elsewhere afterwards is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

from vaaldstod.ui.platform_privacy import CONCEALED_TYPE, mark_pasteboard_concealed

CLEAR_AFTER_MS = 30_000


class SecureClipboard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._copied: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=CLEAR_AFTER_MS)
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        # Clipboard managers on KDE, GNOME extensions and Windows skip concealed data.
        mime.setData("x-kde-passwordManagerHint", b"secret")
        mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
        mime.setData(CONCEALED_TYPE, b"")  # macOS; also added through AppKit below
        QGuiApplication.clipboard().setMimeData(mime)
        mark_pasteboard_concealed()
        self._copied = text
        self._timer.start()

    @property
    def holds_our_copy(self) -> bool:
        return self._copied is not None and QGuiApplication.clipboard().text() == self._copied

    def clear(self) -> None:
        """Empty the clipboard if it still holds what we copied; otherwise leave it."""
        self._timer.stop()
        if self.holds_our_copy:
            QGuiApplication.clipboard().clear()
        self._copied = None
