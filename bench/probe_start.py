"""Child process: start the app (or a bare Qt window) and report when its window was drawn.

    python -m bench.probe_start app     # what the `vaaldstod` command runs
    python -m bench.probe_start bare    # a PySide6 program that shows one empty window

Both are measured the same way: right after the window's show(), an event filter goes on
that window alone (an application-wide Python filter would slow every event of the app
and so distort what is measured). At its first Paint event a zero-time timer is queued;
it fires once that paint pass is over, i.e. when the whole window has been drawn. The
probe then prints one JSON line (monotonic clock, memory) and exits at once.
"""

from __future__ import annotations

import sys

if sys.argv[1:] == ["app"]:
    # As the `vaaldstod` command does, the app's Qt-free start (settings, language, process
    # hardening) is imported before PySide6: PySide's import hook reads the source of every
    # module imported after it (to find users of its __feature__ switch), never of these.
    import vaaldstod.cli  # noqa: F401

import json  # noqa: E402 (after the app's own start, as above)
import os  # noqa: E402
from collections.abc import Callable  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from bench.measure import now_ms, rss_mb  # noqa: E402

GIVE_UP_MS = 60_000


class FirstPaint(QObject):
    """Calls `drawn()` once `window` has been painted for the first time after this point."""

    def __init__(self, window: QWidget, drawn: Callable[[], None]) -> None:
        super().__init__(window)
        self._drawn = drawn
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._drawn)
        return False


def finish(result: dict) -> None:
    """Print the result with this process's memory, then end the process at once."""
    current, peak = rss_mb()
    print(json.dumps(result | {"rss_mb": current, "peak_mb": peak}), flush=True)
    os._exit(0 if result.get("ok", True) else 1)  # measured; tearing down adds nothing


def give_up_later(what: str) -> None:
    QTimer.singleShot(GIVE_UP_MS, lambda: finish({"ok": False, "error": f"{what} never drawn"}))


def start_app(lock_screen_drawn: Callable[[object], None]) -> int:
    """Run the `vaaldstod` command's own start-up path; call back when the lock screen is drawn."""
    from vaaldstod import cli
    from vaaldstod.ui.controller import AppController

    start = AppController.start

    def start_and_watch(controller: AppController) -> None:
        start(controller)
        FirstPaint(controller.lock_screen, lambda: lock_screen_drawn(controller))
        give_up_later("lock screen")

    AppController.start = start_and_watch  # the probe's only hook into the app
    sys.argv[1:] = []  # the probe's own arguments are not the app's
    return cli.entry()


def bare(drawn: Callable[[], None]) -> int:
    application = QApplication(sys.argv[:1])
    window = QWidget()
    window.setObjectName("bare")
    window.resize(900, 620)
    window.show()
    FirstPaint(window, drawn)
    give_up_later("bare window")
    return application.exec()


def _report(_controller: object = None) -> None:
    finish({"drawn_ms": now_ms()})


if __name__ == "__main__":
    sys.exit(start_app(_report) if sys.argv[1:] == ["app"] else bare(_report))
