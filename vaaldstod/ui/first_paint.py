"""Run something once a window has been drawn for the first time, so it never delays that."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued, so it runs once the whole paint pass (the children too) is over.
            QTimer.singleShot(0, self._then)
        return False


def after_first_paint(window: QWidget, then: Callable[[], None], at_latest_ms: int) -> None:
    """Call `then` once `window` has been painted, or after `at_latest_ms` if it never is
    (a window started minimised); `then` may be called twice and must not mind."""
    _FirstPaint(window, then)
    QTimer.singleShot(at_latest_ms, then)
