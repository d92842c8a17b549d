"""Privacy the operating system has to help with, on Windows and macOS.

- The main window and the lock screen are kept out of screenshots, screen recording and
  screen sharing (Teams, Zoom): `SetWindowDisplayAffinity(WDA_EXCLUDEFROMCAPTURE)` on
  Windows 10 2004 and later (older Windows: `WDA_MONITOR`, the window is black in a capture),
  `NSWindow.sharingType = NSWindowSharingNone` on macOS. The presenter window is left alone:
  it is meant to be shared. Settings can turn this off for assistive tools (magnifiers,
  remote support) that need to capture the screen.
- Windows: the app locks when the session is locked (Win+L, `WM_WTSSESSION_CHANGE`) and when
  the computer goes to sleep (`WM_POWERBROADCAST`/`PBT_APMSUSPEND`).
- macOS: a copy is also marked `org.nspasteboard.ConcealedType`, which clipboard managers
  there skip (the Qt MIME name does not reach the pasteboard as that type, so it is added
  through AppKit).

Every system call goes through `_user32`, `_wtsapi32` or `_objc_send`, so that tests on
Linux can fake them and check what would be called. On Linux all of this does nothing: the
X11 and Wayland protocols offer no capture exclusion.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter
from PySide6.QtWidgets import QWidget

WDA_NONE = 0x00
WDA_MONITOR = 0x01
WDA_EXCLUDEFROMCAPTURE = 0x11
EXCLUDE_FROM_CAPTURE_BUILD = 19041  # Windows 10, version 2004
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0
NS_WINDOW_SHARING_NONE = 0
NS_WINDOW_SHARING_READ_ONLY = 1
CONCEALED_TYPE = "org.nspasteboard.ConcealedType"


# -- system calls (replaced by fakes in tests) ---------------------------------------------------


def _user32():
    return ctypes.WinDLL("user32", use_last_error=True)


def _wtsapi32():
    return ctypes.WinDLL("wtsapi32", use_last_error=True)


def _windows_build() -> int:
    return sys.getwindowsversion().build


_objc = None


def _runtime():
    """The Objective-C runtime, with AppKit loaded (macOS only)."""
    global _objc
    if _objc is None:
        import ctypes.util  # only here: it starts subprocess machinery, slow before the lock screen

        runtime = ctypes.cdll.LoadLibrary(ctypes.util.find_library("objc"))
        runtime.sel_registerName.restype = ctypes.c_void_p
        runtime.objc_getClass.restype = ctypes.c_void_p
        ctypes.cdll.LoadLibrary(ctypes.util.find_library("AppKit"))
        _objc = runtime
    return _objc


def _objc_send(receiver, selector: str, *args, argtypes=None, restype=ctypes.c_void_p):
    """[receiver selector:args…] through the Objective-C runtime; objects are pointers."""
    runtime = _runtime()
    send = runtime.objc_msgSend
    send.restype = restype
    send.argtypes = [ctypes.c_void_p, ctypes.c_void_p, *(argtypes or [ctypes.c_void_p] * len(args))]
    return send(receiver, runtime.sel_registerName(selector.encode()), *args)


def _objc_class(name: str):
    return _runtime().objc_getClass(name.encode())


def _ns_string(text: str):
    return _objc_send(
        _objc_class("NSString"), "stringWithUTF8String:", text.encode(), argtypes=[ctypes.c_char_p]
    )


# -- capture ----------------------------------------------------------------------------------


def set_capture_excluded(widget: QWidget, excluded: bool) -> bool:
    """Keep `widget`'s window out of screen capture (or let it be captured again). True if
    the system took it; False on Linux and where the system refused."""
    try:
        if sys.platform == "win32":
            if excluded:
                build = _windows_build()
                affinity = (
                    WDA_EXCLUDEFROMCAPTURE if build >= EXCLUDE_FROM_CAPTURE_BUILD else WDA_MONITOR
                )
            else:
                affinity = WDA_NONE
            return bool(_user32().SetWindowDisplayAffinity(int(widget.winId()), affinity))
        if sys.platform == "darwin":
            window = _objc_send(int(widget.winId()), "window")  # winId is the NSView
            if not window:
                return False
            sharing = NS_WINDOW_SHARING_NONE if excluded else NS_WINDOW_SHARING_READ_ONLY
            _objc_send(window, "setSharingType:", sharing, argtypes=[ctypes.c_ulong], restype=None)
            return True
    except (OSError, AttributeError, TypeError):
        return False  # an old system without the call: the other protections still apply
    return False


# -- session lock and sleep -------------------------------------------------------------------


class _MSG(ctypes.Structure):
    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    ]


class SessionEvents(QAbstractNativeEventFilter):
    """Calls `lock("session")` when Windows locks the session, `lock("suspend")` before sleep.
    Install with QCoreApplication.installNativeEventFilter and call `register(window)`."""

    def __init__(self, lock: Callable[[str], None]) -> None:
        super().__init__()
        self._lock = lock
        self.registered: int | None = None

    def register(self, widget: QWidget) -> bool:
        """Session changes are sent only to a window that asked for them."""
        if sys.platform != "win32":
            return False
        hwnd = int(widget.winId())
        try:
            done = bool(_wtsapi32().WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION))
        except (OSError, AttributeError):
            return False
        self.registered = hwnd if done else None
        return done

    def unregister(self) -> None:
        if self.registered is not None:
            try:
                _wtsapi32().WTSUnRegisterSessionNotification(self.registered)
            except (OSError, AttributeError):
                pass
            self.registered = None

    def nativeEventFilter(self, event_type, message):  # noqa: N802 (Qt override)
        if bytes(event_type) == b"windows_generic_MSG" and message:
            msg = _MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self._lock("session")
            elif msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND:
                self._lock("suspend")
        return False, 0


# -- clipboard --------------------------------------------------------------------------------


def mark_pasteboard_concealed() -> bool:
    """macOS: add the concealed type to what is on the general pasteboard now."""
    if sys.platform != "darwin":
        return False
    try:
        board = _objc_send(_objc_class("NSPasteboard"), "generalPasteboard")
        kind = _ns_string(CONCEALED_TYPE)
        kinds = _objc_send(_objc_class("NSArray"), "arrayWithObject:", kind)
        _objc_send(board, "addTypes:owner:", kinds, None, restype=ctypes.c_long)
        _objc_send(board, "setString:forType:", _ns_string(""), kind, restype=ctypes.c_bool)
        return True
    except (OSError, AttributeError, TypeError):
        return False
