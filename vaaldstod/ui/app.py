"""Start the desktop app: Qt application, lock screen first."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vaaldstod import paths, settings


def make_application(argv: list[str]) -> QApplication:
    # Qt's own dialogs, never the system's: a native file dialog (Windows) or message box
    # (macOS) blocks the main window in the system, where the quick-exit button cannot be
    # kept clickable and no quick-exit bar can be added (ui/dialog_guard.py).
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Våldstöd")
    app.setOrganizationName("Vaaldstod")
    # No display name: Qt would append it to every window title, the lock screen's too.
    app.setDesktopFileName("vaaldstod")
    return app


def _calm_excepthook(kind, value, trace) -> None:
    """An unexpected error: say so calmly; print only its type, never a message with data."""
    from PySide6.QtWidgets import QMessageBox

    from vaaldstod.i18n import _

    print(f"vaaldstod: unexpected {kind.__name__}", file=sys.stderr)
    QMessageBox.warning(None, "Våldstöd", _("Something went wrong and nothing was changed."))


def run_app(argv: list[str]) -> int:
    from vaaldstod.ui.controller import AppController

    app = make_application(argv)
    sys.excepthook = _calm_excepthook
    controller = AppController(app, paths.vault_path(), settings.load())
    controller.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run_app(sys.argv))
