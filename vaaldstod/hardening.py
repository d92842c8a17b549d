"""Process hardening at start-up: no core dump may carry a note or the passphrase to disk.

A crash of a process that held the vault open would otherwise write its memory (the key,
the notes on screen, the passphrase as typed) to a core file or a crash report.

- Linux: the core file size limit is set to 0 and the process is marked not dumpable
  (`prctl(PR_SET_DUMPABLE, 0)`), which also stops `systemd-coredump` and other users'
  debuggers from reading its memory.
- macOS: the core file size limit is set to 0 (crash reports hold no memory image).
- Windows: Windows Error Reporting is told not to report this program
  (`WerAddExcludedApplication`, so no dump is collected or sent) and the crash dialog is
  turned off (`SetErrorMode`). Organisations that configure WER LocalDumps for every
  program should leave this one out.

Each step that fails is skipped: hardening never stops the app from starting.
"""

from __future__ import annotations

import contextlib
import sys

PR_SET_DUMPABLE = 4
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


def harden() -> list[str]:
    """Apply what this platform allows; returns the names of the steps that took effect."""
    done: list[str] = []
    if sys.platform == "win32":
        done += _windows()
    else:
        if _no_core_files():
            done.append("rlimit_core")
        if sys.platform.startswith("linux") and _not_dumpable():
            done.append("not_dumpable")
    return done


def _no_core_files() -> bool:
    try:
        import resource
    except ImportError:
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        return False
    return True


def _not_dumpable() -> bool:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _windows() -> list[str]:
    import ctypes

    done = []
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return done
    with contextlib.suppress(OSError, AttributeError):
        windll.kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
        done.append("error_mode")
    with contextlib.suppress(OSError, AttributeError):
        # HRESULT S_OK (0): this executable's crashes are no longer reported or dumped.
        if windll.wer.WerAddExcludedApplication(ctypes.c_wchar_p(sys.executable), 0) == 0:
            done.append("wer_excluded")
    return done
