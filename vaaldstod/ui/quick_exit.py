"""Quick exit triggers: Esc pressed twice quickly anywhere, or F12, or the button.

An application-wide filter sees the key before any dialog does, so the second Esc works
even when the first one closed a dialog. Qt shows the filter one key press several times
(the window, the focus widget, then its parents as non-spontaneous copies): only the
spontaneous delivery to a widget counts, so one press is counted once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

# QtCore.Qt is looked up when a key comes, never imported: its first use makes PySide build
# all ~90 enums of Qt's namespace (about 20 ms), which the lock screen's first frame does
# without (tests/test_start_order.py). The same holds in dialog_guard, clipboard and theme.
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

DOUBLE_ESC_SECONDS = 0.6
# A window with this property set uses Esc to leave (presenter mode): that Esc is not counted,
# so leaving is never one more Esc away from quitting. F12 and the red button still work.
ESCAPE_LEAVES = "escapeLeavesOnly"


class QuickExitFilter(QObject):
    def __init__(self, trigger: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._trigger = trigger
        self._last_escape = -1.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not event.spontaneous():
            return False
        key = event.key()
        if key == QtCore.Qt.Key.Key_F12:
            self._trigger()
            return True
        if key == QtCore.Qt.Key.Key_Escape and watched.window().property(ESCAPE_LEAVES):
            self._last_escape = -1.0
            return False
        if key == QtCore.Qt.Key.Key_Escape and not event.isAutoRepeat():
            now = time.monotonic()
            if now - self._last_escape <= DOUBLE_ESC_SECONDS:
                self._last_escape = -1.0
                self._trigger()
                return True
            self._last_escape = now
        return False
