"""Windows and macOS privacy branches, run on Linux: the platform is faked and so are the
system calls, and the tests check what would be called, with which arguments."""

from __future__ import annotations

import ctypes
import types
from unittest import mock

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from tests.conftest import PASSPHRASE
from tests.test_quick_exit_dialogs import close_app
from vaaldstod import i18n
from vaaldstod import settings as settings_store
from vaaldstod.settings import Settings
from vaaldstod.ui import platform_privacy as privacy
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui


class Recorder:
    """Any attribute is a function that records its call and returns `result`."""

    def __init__(self, result=1) -> None:
        self.calls: list[tuple] = []
        self.result = result

    def __getattr__(self, name):
        def call(*args):
            self.calls.append((name, *args))
            return self.result

        return call


@pytest.fixture
def windows(monkeypatch):
    user32, wtsapi32 = Recorder(), Recorder()
    monkeypatch.setattr(privacy, "sys", types.SimpleNamespace(platform="win32"))
    monkeypatch.setattr(privacy, "_user32", lambda: user32)
    monkeypatch.setattr(privacy, "_wtsapi32", lambda: wtsapi32)
    monkeypatch.setattr(privacy, "_windows_build", lambda: 22631)  # Windows 11 23H2
    return types.SimpleNamespace(user32=user32, wtsapi32=wtsapi32)


@pytest.fixture
def macos(monkeypatch):
    sent = []

    def send(receiver, selector, *args, **_types):
        sent.append((receiver, selector, *args))
        return 0xBEEF if selector in ("window", "generalPasteboard") else 0xCAFE

    monkeypatch.setattr(privacy, "sys", types.SimpleNamespace(platform="darwin"))
    monkeypatch.setattr(privacy, "_objc_send", send)
    monkeypatch.setattr(privacy, "_objc_class", lambda name: f"class {name}")
    monkeypatch.setattr(privacy, "_ns_string", lambda text: f"@{text!r}")
    return sent


@pytest.fixture
def widget(qtbot):
    made = QWidget()
    qtbot.addWidget(made)
    return made


def test_windows_excludes_a_window_from_capture(windows, widget):
    assert privacy.set_capture_excluded(widget, True)
    assert windows.user32.calls == [("SetWindowDisplayAffinity", int(widget.winId()), 0x11)]


def test_windows_before_2004_blacks_the_window_out_instead(windows, widget, monkeypatch):
    monkeypatch.setattr(privacy, "_windows_build", lambda: 18363)  # Windows 10 1909
    privacy.set_capture_excluded(widget, True)
    assert windows.user32.calls[-1][2] == privacy.WDA_MONITOR


def test_windows_lets_capture_back_for_assistive_tools(windows, widget):
    privacy.set_capture_excluded(widget, False)
    assert windows.user32.calls == [("SetWindowDisplayAffinity", int(widget.winId()), 0)]


def test_a_refused_call_is_reported_not_raised(windows, widget, monkeypatch):
    windows.user32.result = 0
    assert not privacy.set_capture_excluded(widget, True)

    def missing():
        raise OSError("no user32")

    monkeypatch.setattr(privacy, "_user32", missing)
    assert not privacy.set_capture_excluded(widget, True)


def test_macos_sets_the_window_sharing_type_to_none(macos, widget):
    assert privacy.set_capture_excluded(widget, True)
    assert macos == [
        (int(widget.winId()), "window"),
        (0xBEEF, "setSharingType:", privacy.NS_WINDOW_SHARING_NONE),
    ]


def test_linux_does_nothing(monkeypatch, widget):
    monkeypatch.setattr(privacy, "sys", types.SimpleNamespace(platform="linux"))
    monkeypatch.setattr(privacy, "_user32", mock.Mock(side_effect=AssertionError))
    assert not privacy.set_capture_excluded(widget, True)
    assert not privacy.mark_pasteboard_concealed()


def _message(kind: int, w_param: int) -> privacy._MSG:
    return privacy._MSG(hwnd=None, message=kind, wParam=w_param)


def test_session_lock_and_suspend_messages_lock():
    locks = []
    events = privacy.SessionEvents(locks.append)
    kind = QByteArray(b"windows_generic_MSG")
    for message in (
        _message(privacy.WM_WTSSESSION_CHANGE, privacy.WTS_SESSION_LOCK),
        _message(privacy.WM_POWERBROADCAST, privacy.PBT_APMSUSPEND),
        _message(privacy.WM_WTSSESSION_CHANGE, 0x8),  # unlock: nothing to do
        _message(privacy.WM_POWERBROADCAST, 0x7),  # resume
        _message(0x0100, privacy.WTS_SESSION_LOCK),  # a key press
    ):
        handled = events.nativeEventFilter(kind, ctypes.addressof(message))
        assert handled == (False, 0)  # Windows still gets every message
    assert locks == ["session", "suspend"]
    assert events.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), 1) == (False, 0)


def test_session_notifications_are_asked_for_and_given_back(windows, widget):
    events = privacy.SessionEvents(lambda why: None)
    assert events.register(widget)
    events.unregister()
    hwnd = int(widget.winId())
    assert windows.wtsapi32.calls == [
        ("WTSRegisterSessionNotification", hwnd, privacy.NOTIFY_FOR_THIS_SESSION),
        ("WTSUnRegisterSessionNotification", hwnd),
    ]


def test_macos_copies_are_marked_concealed(macos):
    assert privacy.mark_pasteboard_concealed()
    kind = "@'org.nspasteboard.ConcealedType'"
    assert (0xBEEF, "addTypes:owner:", 0xCAFE, None) in macos
    assert (0xBEEF, "setString:forType:", "@''", kind) in macos
    assert ("class NSArray", "arrayWithObject:", kind) in macos


def test_every_copy_carries_the_concealed_type(qapp):
    from vaaldstod.ui.clipboard import SecureClipboard

    clipboard = SecureClipboard()
    clipboard.copy("kopierad anteckning")
    formats = QGuiApplication.clipboard().mimeData().formats()
    clipboard.clear()
    clipboard.dispose()
    clipboard.deleteLater()
    assert privacy.CONCEALED_TYPE in formats and "x-kde-passwordManagerHint" in formats


def test_the_shortcut_list_says_which_key_quits_on_a_mac():
    from vaaldstod.ui.shortcuts_dialog import SHORTCUTS

    keys = dict(SHORTCUTS)
    assert "fn+F12" in keys and "Mac" in keys["fn+F12"]


# -- the app: which windows, when, and the opt-out ------------------------------------------------


@pytest.fixture
def app(qapp, tmp_path, windows):
    from vaaldstod.ui.controller import AppController

    i18n.set_language("en")
    controller = AppController(qapp, tmp_path / "vault.db", Settings(), quit_app=mock.Mock())
    controller.start()
    yield controller
    close_app(controller)


def _affinities(windows) -> dict[int, int]:
    return {
        hwnd: value
        for name, hwnd, value in windows.user32.calls
        if name == "SetWindowDisplayAffinity"
    }


def test_main_window_and_lock_screen_are_excluded_not_the_presenter(app, windows):
    lock_hwnd = int(app.lock_screen.winId())
    assert _affinities(windows) == {lock_hwnd: 0x11}
    assert ("WTSRegisterSessionNotification", lock_hwnd, 0) in windows.wtsapi32.calls
    app._opened(Vault.create(app.vault_path, PASSPHRASE))
    main_hwnd = int(app.main_window.winId())
    assert _affinities(windows) == {lock_hwnd: 0x11, main_hwnd: 0x11}
    window = app.main_window
    window.show_page("exercises")
    exercises = window.page("exercises")
    exercises.start_presenter()
    assert exercises.presenter is not None
    assert set(_affinities(windows)) == {lock_hwnd, main_hwnd}


def test_the_opt_out_for_assistive_tools_is_a_saved_setting(app, windows):
    assert Settings().allow_screen_capture is False
    app._opened(Vault.create(app.vault_path, PASSPHRASE))
    page = app.main_window.settings_page
    page.allow_capture.setChecked(True)
    assert settings_store.load().allow_screen_capture is True
    assert set(_affinities(windows).values()) == {0}  # both windows may be captured again
    page.allow_capture.setChecked(False)
    assert set(_affinities(windows).values()) == {0x11}


def test_win_l_and_sleep_lock_the_app(app):
    app._opened(Vault.create(app.vault_path, PASSPHRASE))
    message = _message(privacy.WM_WTSSESSION_CHANGE, privacy.WTS_SESSION_LOCK)
    app.session_events.nativeEventFilter(
        QByteArray(b"windows_generic_MSG"), ctypes.addressof(message)
    )
    assert app.locked and "computer was locked" in app.lock_screen.message.text()
    app._opened(Vault.open(app.vault_path, PASSPHRASE))
    app._system_lock("suspend")
    assert app.locked and "sleep" in app.lock_screen.message.text()
