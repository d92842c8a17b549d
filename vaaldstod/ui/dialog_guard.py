"""Quick exit from inside every dialog, and the main window's red button live while one runs.

Qt's own modality drops a click on any other window before an event filter can see it, so a
handler who clicks the main window's red "Quick exit" while a confirmation, the shortcut list
or the print preview is open would get nothing. One application-wide filter therefore:

- gives every dialog (the print preview too) a quick-exit bar of its own along its top edge,
  and grows the dialog by the bar's height so nothing in it is cut off;
- keeps dialogs modal by its own rule instead of Qt's: input to any other window is dropped,
  except on a quick-exit button, so the main window's button still works;
- at lock and quick exit closes every dialog (ending its `exec()` as if cancelled), empties
  what it showed and hides every other window, so nothing with client data stays on screen or
  in the accessibility tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6 import QtCore  # QtCore.Qt when needed: see quick_exit
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from vaaldstod.ui.widgets import QuickExitButton

BAR_NAME = "quickExitBar"

# Input a modal dialog keeps from every other window (as Qt's modality would).
_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Shortcut,
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.Drop,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.Close,  # the window manager's close button on the main window
    }
)
_WATCHED = _INPUT | {QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.WindowActivate}


def _always_live(window_type: QtCore.Qt.WindowType) -> bool:
    """Pop-ups and tool tips (a combo box's list, say) are never blocked."""
    return window_type in (QtCore.Qt.WindowType.Popup, QtCore.Qt.WindowType.ToolTip)


def _owner_widget(watched: QObject) -> QWidget | None:
    """The widget an event is for: shortcuts and actions count as their parent widget's."""
    while watched is not None and not isinstance(watched, QWidget):
        watched = watched.parent()
    return watched


def _is_quick_exit(widget: QWidget | None) -> bool:
    while widget is not None:
        if isinstance(widget, QuickExitButton):
            return True
        widget = widget.parentWidget()
    return False


def _inside(widget: QWidget | None, dialog: QWidget) -> bool:
    """Is `widget` the dialog, in it, or in a window opened from it (a combo box list)?"""
    while widget is not None:
        if widget is dialog:
            return True
        widget = widget.parentWidget()
    return False


def scrub(dialog: QWidget) -> None:
    """Empty what a closed dialog showed: hidden windows still appear in the accessibility
    tree, and a dialog made for one question is never shown again."""
    # Imported here: the lock screen, which starts with this module, has none of them.
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QListWidget,
        QPlainTextEdit,
        QTableWidget,
        QTextEdit,
        QTreeWidget,
    )

    for child in dialog.findChildren(QWidget):
        if isinstance(child, (QLabel, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)):
            child.blockSignals(True)
            if isinstance(child, QLineEdit):
                child.setText("")  # clears the undo history too, unlike clear()
            else:
                child.clear()
            child.blockSignals(False)
        elif isinstance(child, (QListWidget, QTreeWidget, QTableWidget)):
            child.clear()
        elif isinstance(child, QAbstractItemView):
            child.hide()
        if isinstance(child, (QLabel, QLineEdit, QTextEdit, QPlainTextEdit)):
            child.setAccessibleName("")
            child.setAccessibleDescription("")


class DialogGuard(QObject):
    """Installed on the application by the controller, before the quick-exit filter."""

    def __init__(self, trigger: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._trigger = trigger
        self._modal: list[QWidget] = []  # dialogs shown modal, innermost last

    def install(self, app: QApplication) -> None:
        """Watch every window of `app`, whose dialogs are from now on Qt's own, never the
        system's: a native file dialog (Windows) or message box (macOS) blocks the main
        window in the system, where the quick-exit button cannot be kept clickable and no
        quick-exit bar can be added."""
        app.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        app.installEventFilter(self)

    # -- the filter ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if kind == QEvent.Type.Show:
            if isinstance(watched, QDialog) and watched.isWindow():
                self._guard(watched)
            return False
        if kind == QEvent.Type.Hide:
            self._modal = [w for w in self._modal if shiboken6.isValid(w) and w is not watched]
            return False
        top = self._top()
        if top is None:
            return False
        widget = _owner_widget(watched)
        if widget is None or _inside(widget, top):
            return False
        if kind == QEvent.Type.WindowActivate:
            if widget.isWindow() and not _always_live(widget.windowType()):
                QTimer.singleShot(0, self._activate_top)  # as Qt does for a modal dialog
            return False
        if _always_live(widget.window().windowType()) or _is_quick_exit(widget):
            return False
        if kind == QEvent.Type.Close:
            event.ignore()  # a close event counts as accepted unless it is ignored
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.Close):
            self._activate_top()
        return True

    def _top(self) -> QWidget | None:
        while self._modal:
            top = self._modal[-1]
            if shiboken6.isValid(top) and top.isVisible():
                return top
            self._modal.pop()
        return None

    def _activate_top(self) -> None:
        top = self._top()
        if top is not None:
            top.raise_()
            top.activateWindow()

    # -- a dialog being shown ------------------------------------------------------------

    def _guard(self, dialog: QDialog) -> None:
        if dialog.findChild(QWidget, BAR_NAME) is None:
            self._add_bar(dialog)
        handle = dialog.windowHandle()
        if handle is not None and handle.modality() != QtCore.Qt.WindowModality.NonModal:
            # The Show event comes before Qt makes the window modal. Only the native window's
            # modality changes (the widget's would hide the dialog again): from here on this
            # filter keeps the dialog modal, and lets clicks on quick-exit buttons through.
            handle.setModality(QtCore.Qt.WindowModality.NonModal)
            self._modal = [w for w in self._modal if shiboken6.isValid(w) and w is not dialog]
            self._modal.append(dialog)

    def _add_bar(self, dialog: QDialog) -> None:
        bar = QWidget(dialog)
        bar.setObjectName(BAR_NAME)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 6, 8, 0)
        row.addStretch()
        exit_button = QuickExitButton()
        exit_button.clicked.connect(self._trigger)
        row.addWidget(exit_button)
        height = bar.sizeHint().height()
        layout = dialog.layout()
        if layout is not None:
            margins = layout.contentsMargins()
            margins.setTop(margins.top() + height)
            layout.setContentsMargins(margins)
        bar.setGeometry(0, 0, dialog.width(), height)
        _KeepOnTop(bar, dialog)
        bar.show()
        dialog.resize(dialog.width(), dialog.height() + height)

    # -- lock and quick exit -------------------------------------------------------------

    def close_all(self, keep: Iterable[QWidget] = ()) -> None:
        """Hide every window except those in `keep` at once; then end every running dialog's
        `exec()` as if cancelled and empty what the dialogs showed."""
        kept = [w for w in keep if w is not None]
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if shiboken6.isValid(w)
            and not any(w is k for k in kept)
            and w.windowType() != QtCore.Qt.WindowType.Desktop
        ]
        running = [w for w in windows if w.isVisible() or any(w is m for m in self._modal)]
        for widget in windows:
            widget.hide()
        self._modal.clear()
        for widget in windows:
            if not isinstance(widget, QDialog):
                continue
            if any(widget is r for r in running):
                widget.reject()
                scrub(widget)
            else:
                scrub(widget)
                if widget.parent() is not None:
                    widget.deleteLater()  # a finished dialog its parent still keeps


class _KeepOnTop(QObject):
    """Keeps the bar across the dialog's top edge as the dialog is resized."""

    def __init__(self, bar: QWidget, dialog: QDialog) -> None:
        super().__init__(bar)
        self._bar = bar
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self._bar.setGeometry(0, 0, watched.width(), self._bar.height())
            self._bar.raise_()
        return False
