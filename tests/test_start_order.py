"""The lock screen is drawn before the input filters start, and they always do start: once it
is drawn, at unlock, or after a second at the latest (a window started minimised). What the
first frame does without (Qt's namespace, the system's colour scheme) comes then too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from unittest import mock

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from tests.test_quick_exit_dialogs import close_app
from vaaldstod.settings import Settings
from vaaldstod.ui.first_paint import after_first_paint

pytestmark = pytest.mark.gui


def test_the_callback_waits_for_the_first_paint_and_then_runs(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    then = mock.Mock()
    after_first_paint(window, then, at_latest_ms=60_000)
    window.show()
    assert not then.called  # nothing before the window is drawn
    qtbot.waitUntil(lambda: then.called, timeout=10_000)


def test_the_callback_runs_at_the_latest_time_for_a_window_never_drawn(qtbot):
    window = QWidget()  # never shown, so never painted
    qtbot.addWidget(window)
    then = mock.Mock()
    after_first_paint(window, then, at_latest_ms=50)
    qtbot.waitUntil(lambda: then.called, timeout=5_000)


def test_f12_on_the_drawn_lock_screen_hides_the_app(qapp, qtbot, tmp_path):
    from vaaldstod.ui.controller import AppController

    quit_app = mock.Mock()
    controller = AppController(qapp, tmp_path / "vault.db", Settings(), quit_app=quit_app)
    controller.start()
    qtbot.waitExposed(controller.lock_screen)

    def f12_quits() -> bool:
        qtbot.keyClick(controller.lock_screen.passphrase, Qt.Key.Key_F12)
        return quit_app.called

    # Keys before the filters start only reach the lock screen: the first F12 after it
    # is drawn quits.
    qtbot.waitUntil(f12_quits, timeout=10_000)
    close_app(controller)


def test_time_start_reports_when_the_lock_screen_was_drawn_and_quits(tmp_path):
    """bench/ times the installed bundle with it: a plain start that says when it was drawn."""
    env = os.environ | {"VAALDSTOD_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic_ns() / 1e6
    done = subprocess.run(
        [sys.executable, "-m", "vaaldstod", "--time-start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    drawn = json.loads(done.stdout.strip().splitlines()[-1])["drawn_ms"]
    assert started < drawn < time.monotonic_ns() / 1e6
    assert not (tmp_path / "vault.db").exists()  # a lock screen drawn, nothing created


# A start whose "drawn" report says whether PySide had built Qt's namespace by then.
NAMESPACE_AT_FIRST_FRAME = """
import json, sys
import PySide6.QtCore as core
from vaaldstod.ui import app

def drawn(application):
    print(json.dumps({"qt_namespace_built": "Qt" in vars(core)}), flush=True)
    application.quit()

app._say_when_drawn = drawn
sys.exit(app.run_app(sys.argv[:1], timed=True))
"""


@pytest.mark.parametrize("vault_exists", [False, True])
def test_the_lock_screen_is_drawn_before_qts_namespace_is_built(tmp_path, vault_exists):
    """Building the ~90 enums of Qt's namespace costs about as much as a sixth of the start:
    none of the modules the lock screen loads may touch `Qt` before it is drawn."""
    if vault_exists:
        (tmp_path / "vault.db").write_bytes(b"\0" * 4096)  # "unlock", not "create"
    env = os.environ | {"VAALDSTOD_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", NAMESPACE_AT_FIRST_FRAME],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"qt_namespace_built": False}


def test_a_wrong_guess_at_the_system_colour_scheme_is_put_right_once_drawn(qapp, qtbot, tmp_path):
    """The first frame takes the platform's palette for the system's scheme; once drawn, the
    scheme itself decides (offscreen it is unknown, so light) and the lock screen follows."""
    from vaaldstod.ui import theme
    from vaaldstod.ui.controller import AppController

    before = qapp.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Window, QColor(theme.DARK["window"]))
    qapp.setPalette(dark)
    controller = AppController(qapp, tmp_path / "vault.db", Settings(theme="system"), mock.Mock())
    try:
        assert theme.applied_dark()  # the guess, from the palette
        controller.start()
        qtbot.waitUntil(lambda: not theme.applied_dark(), timeout=10_000)
        window = controller.lock_screen.palette().color(QPalette.ColorRole.Window)
        assert window.name() == theme.LIGHT["window"]
    finally:
        close_app(controller)
        qapp.setPalette(before)


def test_the_app_uses_qt_dialogs_which_the_guard_can_reach(qapp, qtbot, tmp_path):
    """A native file dialog (Windows) blocks the main window in the system, where the
    quick-exit button cannot be kept clickable: from the first frame on, dialogs are Qt's."""
    from vaaldstod.ui.controller import AppController

    native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    before = QApplication.testAttribute(native)
    QApplication.setAttribute(native, False)
    controller = AppController(qapp, tmp_path / "vault.db", Settings(), mock.Mock())
    try:
        controller.start()
        qtbot.waitUntil(lambda: QApplication.testAttribute(native), timeout=10_000)
    finally:
        close_app(controller)
        QApplication.setAttribute(native, before)
