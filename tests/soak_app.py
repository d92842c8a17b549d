"""A day of use in a few minutes: drives the real app the way a handler's keyboard does.

Run by tests/test_soak.py as `python -m tests.soak_app HOME NOTES KEYS` from the checkout, in
its own process, so that an interpreter abort (such as "none_dealloc" on a binding that loses
references to None) fails the test with the stderr tail instead of killing pytest. The app is
built as `vaaldstod` builds it (run_app's controller, lock screen first); every key goes
through Qt's event delivery to the focused widget, with the app's event filters installed.
Prints one JSON line with what it measured.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path

CASES = 200
WORDS = ["ekonomi", "kontroll", "bankid", "skulder", "tolk", "lönen", "rädd", "hyran", "sms"]


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc; the CI machine is Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class Driver:
    def __init__(self, app, controller) -> None:
        self.app = app
        self.controller = controller
        self.keys = 0

    def wait_for(self, condition, what: str, seconds: float = 60.0) -> None:
        """Let the event loop run (the unlock derives its key on a worker thread)."""
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"soak: timed out waiting for {what}")
            self.settle()
            time.sleep(0.005)
        self.settle()

    def settle(self) -> None:
        """What returning to app.exec() does: posted events, then objects deleteLater() left
        (processEvents alone never deletes them, and would make a leak that the app has not)."""
        from PySide6.QtCore import QCoreApplication, QEvent

        self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def type(self, widget, text: str) -> None:
        """Press and release a key for each character (QTest.keyClick refuses å, ä and ö)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        widget.setFocus()
        for char in text:
            key = Qt.Key(ord(char.upper()))  # Qt's key codes are Latin-1's capitals
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier
            )
            self.keys += 1
        self.settle()

    def key(self, widget, key, modifier=None, times: int = 1) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        for _press in range(times):
            QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
            self.keys += 1
        self.settle()

    def unlock(self, passphrase: str) -> None:
        from PySide6.QtCore import Qt

        screen = self.controller.lock_screen
        self.wait_for(screen.isVisible, "the lock screen")
        self.type(screen.passphrase, passphrase)
        self.key(screen.passphrase, Qt.Key.Key_Return)
        self.wait_for(
            lambda: (
                self.controller.main_window is not None and self.controller.main_window.isVisible()
            ),
            "the main window after unlocking",
        )

    def lock(self) -> None:
        from PySide6.QtCore import Qt

        window = self.controller.main_window
        self.key(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        self.wait_for(lambda: self.controller.locked, "the lock")

    def go_to(self, key: str) -> None:
        """Choose the page in the navigation list with the arrow keys, as a keyboard user."""
        from PySide6.QtCore import Qt

        from vaaldstod.ui.main_window import KEYS

        window = self.controller.main_window
        nav = window.navigation
        nav.setFocus()
        step = Qt.Key.Key_Down if KEYS.index(key) > nav.currentRow() else Qt.Key.Key_Up
        self.key(nav, step, times=abs(KEYS.index(key) - nav.currentRow()))
        assert window.stack.currentWidget() is window.page(key), key

    def round(self, words: itertools.cycle) -> None:
        """One pass over the four text fields: about 300 keys."""
        from PySide6.QtCore import Qt

        window = self.controller.main_window
        self.go_to("cases")
        cases = window.cases
        for _word in range(3):
            word = next(words)
            self.type(cases.search, word)
            assert cases.case_list.count() > 0, f"no hits for {word}"
            self.key(cases.search, Qt.Key.Key_Backspace, times=len(word))
        cases.case_list.setCurrentRow(0)
        self.type(cases.editor, f"Samtal om {next(words)} och {next(words)}, uppföljning. " * 2)
        self.key(cases.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        self.go_to("handbook")
        handbook = window.page("handbook")
        for _word in range(3):
            word = next(words)
            self.type(handbook.search, word)
            self.key(handbook.search, Qt.Key.Key_Backspace, times=len(word))
        self.go_to("referrals")
        referrals = window.page("referrals")
        for word in ("kvinno", "stöd", "jour"):
            self.type(referrals.search, word)
            self.key(referrals.search, Qt.Key.Key_Backspace, times=len(word))
        self.go_to("statistics")
        self.go_to("settings")


def main(home: str, notes: int, keys: int) -> int:
    os.environ["VAALDSTOD_HOME"] = home
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.corpus import PASSPHRASE, create_encrypted
    from vaaldstod import paths, settings
    from vaaldstod.ui.app import make_application
    from vaaldstod.ui.controller import AppController

    started = time.monotonic()
    if not paths.vault_path().exists():
        create_encrypted(paths.vault_path(), notes, CASES)
    built = time.monotonic() - started
    app = make_application([sys.argv[0]])
    controller = AppController(app, paths.vault_path(), settings.load())
    controller.start()
    driver = Driver(app, controller)
    words = itertools.cycle(WORDS)

    driver.unlock(PASSPHRASE)
    driver.round(words)  # every page built once: what follows must not grow
    rss_before, none_before, keys_before = rss_mb(), sys.getrefcount(None), driver.keys
    locks = 0
    while driver.keys - keys_before < keys:
        driver.round(words)
        if (driver.keys - keys_before) // 1000 > locks:
            driver.lock()
            driver.unlock(PASSPHRASE)
            locks += 1
    alive = controller.main_window.isVisible() and not controller.locked
    result = {
        "notes": notes,
        "keys": driver.keys - keys_before,
        "warm_up_keys": keys_before,
        "locks": locks,
        "rss_before_mb": round(rss_before, 1),
        "rss_after_mb": round(rss_mb(), 1),
        "none_before": none_before,
        "none_after": sys.getrefcount(None),
        "alive": alive,
        "build_seconds": round(built, 1),
        "drive_seconds": round(time.monotonic() - started - built, 1),
    }
    controller.dispose()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
