"""No core dump carries a note or the passphrase, and SQLCipher prints nothing (issue 14)."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

from vaaldstod import hardening

PROBE = """
import ctypes, resource, sys
import vaaldstod.cli as cli
def report():
    libc = ctypes.CDLL(None)
    print(resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))
    return 0
cli.main = report
sys.exit(cli.entry())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_the_program_starts_without_core_dumps_and_not_dumpable():
    # A child with an unlimited core size, as `ulimit -c unlimited` in the shell gives.
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        preexec_fn=lambda: __import__("resource").setrlimit(
            __import__("resource").RLIMIT_CORE, (-1, -1)
        ),
    )
    assert result.stdout.split() == ["(0,", "0)", "0"]  # limit 0/0, PR_GET_DUMPABLE 0


def test_python_dash_m_goes_through_the_hardened_entry():
    from pathlib import Path

    main = (Path(hardening.__file__).parent / "__main__.py").read_text(encoding="utf-8")
    assert "entry()" in main


def test_macos_lowers_the_core_limit_only(monkeypatch):
    import resource

    calls = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(resource, "setrlimit", lambda *args: calls.append(args))
    monkeypatch.setattr(hardening, "_not_dumpable", lambda: pytest.fail("prctl on macOS"))
    assert hardening.harden() == ["rlimit_core"]
    assert calls == [(resource.RLIMIT_CORE, (0, 0))]


def test_windows_turns_off_error_reporting_and_the_crash_dialog(monkeypatch):
    import ctypes

    calls = []

    def recorder(name, result):
        return lambda *args: calls.append((name, args)) or result

    windll = types.SimpleNamespace(
        kernel32=types.SimpleNamespace(SetErrorMode=recorder("SetErrorMode", 0)),
        wer=types.SimpleNamespace(
            WerAddExcludedApplication=recorder("WerAddExcludedApplication", 0)
        ),
    )
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", windll, raising=False)
    monkeypatch.setattr(hardening, "_no_core_files", lambda: pytest.fail("no rlimit there"))
    assert hardening.harden() == ["error_mode", "wer_excluded"]
    assert calls[0] == ("SetErrorMode", (hardening.SEM_FAILCRITICALERRORS | 0x0002,))
    name, (exe, all_users) = calls[1]
    assert name == "WerAddExcludedApplication" and exe.value == sys.executable
    assert all_users == 0


def test_a_failing_step_never_stops_the_start(monkeypatch):
    import ctypes

    def broken(*args):
        raise OSError("not here")

    windll = types.SimpleNamespace(
        kernel32=types.SimpleNamespace(SetErrorMode=broken),
        wer=types.SimpleNamespace(WerAddExcludedApplication=broken),
    )
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", windll, raising=False)
    assert hardening.harden() == []


LOUD_SQLCIPHER = """
import os, shutil, sys, tempfile
from pathlib import Path
import sqlcipher3
from vaaldstod.vault import Vault, VaultError
# A build that logs to standard error, at the most talkative level.
probe = sqlcipher3.connect(":memory:")
probe.execute("PRAGMA cipher_log = stderr")
probe.execute("PRAGMA cipher_log_level = TRACE")
probe.close()
folder = Path(tempfile.mkdtemp())
with Vault.create(folder / "v.db", "rätt lösenfras här") as vault:
    vault.backup(folder / "b.db", "kopians lösenfras")
other = Vault.create(folder / "o" / "v.db", "rätt lösenfras här")
other.add_note(other.create_case("Ärende 2026-1"), "text")
shutil.copyfile(f"{other.path}-wal", folder / "v.db-wal")
other.close()
(folder / "t.db").write_bytes((folder / "v.db").read_bytes()[:5000])
tries = [
    lambda: Vault.open(folder / "v.db", "fel"),
    lambda: Vault.open(folder / "v.db", "rätt lösenfras här").close(),
    lambda: Vault.restore(folder / "b.db", "fel", folder / "r.db"),
    lambda: Vault.open(folder / "t.db", "rätt lösenfras här"),
]
sys.stderr.flush()
for attempt in tries:
    try:
        attempt()
    except VaultError:
        pass
"""


def test_sqlcipher_prints_nothing_on_a_wrong_passphrase_or_damage():
    result = subprocess.run(
        [sys.executable, "-c", LOUD_SQLCIPHER], capture_output=True, text=True, check=True
    )
    assert "ERROR" not in result.stderr and "hmac" not in result.stderr, result.stderr
