"""Start the desktop app: Qt application, lock screen first."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication

from vaaldstod import paths, settings

TIMED_LIMIT_MS = 60_000  # --time-start: a lock screen not drawn by then is reported at this time


def make_application(argv: list[str]) -> QApplication:
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


def single_instance_lock(folder: Path) -> QLockFile | None:
    """Held while this copy runs, so that two copies never write the same vault; None if
    another running copy holds it (a lock left by a crashed copy is taken over)."""
    lock = QLockFile(str(folder / "vaaldstod.lock"))
    if lock.tryLock(100):
        return lock
    # Only another copy holding it stops this one; a folder the lock cannot be written to
    # is no reason not to start (the vault there says so itself if it cannot be written).
    return None if lock.error() == QLockFile.LockError.LockFailedError else lock


def _say_already_running() -> None:
    from PySide6.QtWidgets import QMessageBox

    from vaaldstod.i18n import _

    text = _("Våldstöd is already running. Switch to its window (it may be minimised).")
    print(f"vaaldstod: {text}", file=sys.stderr)
    QMessageBox.information(None, "Våldstöd", text)


def _refuse_network_folder(folder) -> int:
    """SQLite's write-ahead log is not safe on a network share: say so and change nothing."""
    from PySide6.QtWidgets import QMessageBox

    from vaaldstod.i18n import _

    QMessageBox.critical(
        None,
        "Våldstöd",
        _(
            "Våldstöd keeps its encrypted vault in {folder}, which is on a network drive. "
            "A vault there can be damaged, so the app will not open it. Ask your IT "
            "department to set the data folder to a folder on this computer (see "
            "docs/windows.md)."
        ).format(folder=folder),
    )
    return 2


def _say_when_drawn(app: QApplication) -> None:
    """`vaaldstod --time-start`: print the moment the lock screen was drawn, then quit."""
    import json
    import time

    print(json.dumps({"drawn_ms": time.monotonic_ns() / 1e6}), flush=True)
    app.quit()


def run_app(argv: list[str], timed: bool = False) -> int:
    from vaaldstod.ui.controller import AppController

    app = make_application(argv)
    sys.excepthook = _calm_excepthook
    home = paths.home()
    if paths.on_network_volume(home):
        return _refuse_network_folder(home)
    lock = single_instance_lock(home)
    if lock is None:
        _say_already_running()
        return 0
    controller = AppController(app, paths.vault_path(), settings.load())
    controller.start()
    if timed:
        from vaaldstod.ui.first_paint import after_first_paint

        after_first_paint(controller.lock_screen, lambda: _say_when_drawn(app), TIMED_LIMIT_MS)
    try:
        return app.exec()
    finally:
        lock.unlock()


if __name__ == "__main__":
    sys.exit(run_app(sys.argv))
