"""Child process: start the app, unlock it as a handler would, then type searches.

    VAALDSTOD_HOME=<folder with the corpus vault> python -m bench.probe_unlock

Times, on the system-wide monotonic clock: the click on Unlock, the vault opened (key
derived on the worker thread), the main window drawn. Then every keystroke of a few
searches typed into the search box, each until the result list is filled and the window
repainted, beside the bare `Vault.search` of the same text. Memory is read at the end.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from bench.corpus import PASSPHRASE
from bench.measure import now_ms, timed_ms
from bench.probe_start import FirstPaint, finish, give_up_later, start_app

TYPING_MS = 1000  # from the lock screen drawn to the click on Unlock

# What a handler types, one keystroke at a time.
TYPED = ("skuld", "kontroll", "ekonomiskt våld")


def _type_searches(controller, times: dict) -> None:
    window = controller.main_window
    box = window.cases.search
    ui, bare = [], []
    for text in TYPED:
        for end in range(1, len(text) + 1):
            typed = text[:end]

            def keystroke(typed: str = typed) -> None:
                box.setText(typed)  # the page searches on every change, synchronously
                window.repaint()

            ui.append(timed_ms(keystroke))
            bare.append(timed_ms(lambda typed=typed: controller.vault.search(typed)))
        box.clear()
    # Closed as quitting closes it: a vault left open is unlocked next time as after a crash
    # (its log checked first, about 1 s at 100k), and the next run would time that instead.
    controller.vault.close()
    finish(times | {"keystroke_ms": ui, "search_ms": bare})


def _unlock(controller) -> None:
    from vaaldstod.ui.controller import AppController

    times: dict = {"lock_screen_drawn": now_ms()}
    opened = AppController._opened

    def opened_and_watch(self: AppController, vault: object) -> None:
        times["vault_opened"] = now_ms()
        opened(self, vault)
        FirstPaint(self.main_window, lambda: drawn(self))
        give_up_later("main window")

    def drawn(self: AppController) -> None:
        times["main_window_drawn"] = now_ms()
        _type_searches(self, times)

    AppController._opened = opened_and_watch
    screen = controller.lock_screen

    def type_and_click() -> None:
        screen.passphrase.setText(PASSPHRASE)
        times["clicked"] = now_ms()
        screen.submit.click()

    # A handler takes a second or more to type the passphrase: the click comes then, not in
    # the same millisecond the lock screen appears (what the app does meanwhile is its own).
    QTimer.singleShot(TYPING_MS, type_and_click)


if __name__ == "__main__":
    sys.exit(start_app(_unlock))
