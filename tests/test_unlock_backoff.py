"""The back-off after wrong passphrases survives a restart and holds at every way in."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from tests.conftest import PASSPHRASE
from vaaldstod import paths
from vaaldstod.throttle import MAX_DELAY_S, STRICT_FAILURES, UnlockThrottle, attempts_path
from vaaldstod.vault import Vault


class Clock:
    def __init__(self):
        self.t = 1_800_000_000.0

    def __call__(self):
        return self.t


@pytest.fixture
def vault_path(tmp_path):
    path = tmp_path / "vault.db"
    Vault.create(path, PASSPHRASE).close()
    UnlockThrottle.for_vault(path).succeeded()  # as the app does after creating it
    return path


def test_the_count_survives_a_restart(vault_path):
    clock = Clock()
    first = UnlockThrottle.for_vault(vault_path, clock)
    assert [first.failed() for _ in range(4)] == [0, 0, 2, 4]
    restarted = UnlockThrottle.for_vault(vault_path, clock)  # quick exit, start again
    assert restarted.remaining() == 4
    clock.t += 4
    assert restarted.remaining() == 0 and restarted.failed() == 8
    restarted.succeeded()
    assert UnlockThrottle.for_vault(vault_path, clock).failed() == 0


def test_a_deleted_count_leaves_no_free_attempts(vault_path):
    clock = Clock()
    attempts_path(vault_path).unlink()
    throttle = UnlockThrottle.for_vault(vault_path, clock)
    assert throttle.remaining() == 0  # the right passphrase still opens at once
    assert throttle.failed() > 0


@pytest.mark.parametrize("content", ["", "{", "[]", '{"failures": -3, "blocked_until": 0}', "ÿ"])
def test_a_garbled_count_is_the_strictest(vault_path, content):
    clock = Clock()
    attempts_path(vault_path).write_text(content, encoding="latin-1")
    throttle = UnlockThrottle.for_vault(vault_path, clock)
    assert throttle.failures == STRICT_FAILURES
    assert throttle.failed() == MAX_DELAY_S


def test_a_fresh_install_without_a_vault_starts_with_free_attempts(tmp_path):
    throttle = UnlockThrottle.for_vault(tmp_path / "vault.db", Clock())
    assert throttle.remaining() == 0 and throttle.failed() == 0


def test_a_clock_set_back_waits_at_most_the_longest_pause(vault_path):
    clock = Clock()
    record = {"failures": 20, "blocked_until": clock.t + 10 * 365 * 86400}
    attempts_path(vault_path).write_text(json.dumps(record))
    throttle = UnlockThrottle.for_vault(vault_path, clock)
    assert throttle.remaining() == MAX_DELAY_S
    clock.t += MAX_DELAY_S
    assert throttle.remaining() == 0


# -- the command line ----------------------------------------------------------------------


def export(vault, out, stdin: bytes) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "vaaldstod", "stats", "export", "--vault", str(vault)]
    command += ["--period", "2025-Q1", "--out", str(out), "--passphrase-stdin"]
    return subprocess.run(command, input=stdin, capture_output=True)


def test_the_command_line_counts_wrong_passphrases(english_settings, vault_path, tmp_path):
    for _attempt in range(3):
        result = export(vault_path, tmp_path / "s.csv", b"fel fras\n")
        assert result.returncode == 1
    stored = json.loads(attempts_path(vault_path).read_text())
    assert stored["failures"] == 3 and stored["blocked_until"] > time.time() - 5


def test_the_command_line_waits_out_a_pause_from_the_lock_screen(
    english_settings, vault_path, tmp_path
):
    record = {"failures": 6, "blocked_until": time.time() + 50}
    attempts_path(vault_path).write_text(json.dumps(record))
    result = export(vault_path, tmp_path / "s.csv", PASSPHRASE.encode() + b"\n")
    assert result.returncode == 1
    message = result.stderr.decode()
    assert "Too many wrong passphrases" in message and "Traceback" not in message
    assert not (tmp_path / "s.csv").exists()


def test_a_passphrase_that_is_not_utf8_is_one_sentence(english_settings, vault_path, tmp_path):
    result = export(vault_path, tmp_path / "s.csv", "lösenfras\n".encode("latin-1"))
    message = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in message
    assert message.startswith("The passphrase on standard input is not UTF-8 text.")
    assert len(message.strip().splitlines()) == 1


# -- the lock screen -----------------------------------------------------------------------


@pytest.mark.gui
def test_the_lock_screen_waits_out_a_pause_from_before_a_restart(qapp, qtbot, vault_path):
    from vaaldstod.settings import Settings
    from vaaldstod.ui.controller import AppController

    record = {"failures": 6, "blocked_until": time.time() + 30}
    attempts_path(vault_path).write_text(json.dumps(record))
    controller = AppController(qapp, vault_path, Settings(language="en"), quit_app=lambda: None)
    try:
        controller.start()
        screen = controller.lock_screen
        assert not screen.submit.isEnabled()
        assert "Too many wrong passphrases" in screen.message.text()
        controller._unlock(PASSPHRASE)  # even if the button were pressed somehow
        assert controller.vault is None
    finally:
        controller.dispose()


def test_the_handlers_own_vault_is_throttled_by_default(home):
    assert UnlockThrottle.for_vault(paths.vault_path())._store == attempts_path(paths.vault_path())
