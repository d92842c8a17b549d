"""The lock screen is drawn before the input filters start, and they always do start: once it
is drawn, at unlock, or after a second at the latest (a window started minimised)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from unittest import mock

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

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
