"""The waiting after wrong passphrases: exact pauses, and the count kept beside the vault."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from vaaldstod import throttle as throttle_module
from vaaldstod.throttle import MAX_DELAY_S, STRICT_FAILURES, attempts_path
from vaaldstod.vault import UnlockThrottle


class Clock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


def test_delay_grows_after_repeated_wrong_passphrases_and_resets():
    clock = Clock()
    throttle = UnlockThrottle(clock)
    delays = [throttle.failed() for _ in range(9)]
    assert delays[:2] == [0, 0]
    assert delays[2:] == sorted(delays[2:]) and delays[2] > 0
    assert delays[-1] == 60
    assert throttle.remaining() == 60
    clock.t += 59
    assert 0 < throttle.remaining() <= 1
    throttle.succeeded()
    assert throttle.remaining() == 0 and throttle.failed() == 0


# -- exact rules (issue 17: each one pins a branch the mutation run judges) ---------------

WALL = 1_800_000_000.0  # a wall-clock time in 2027


def at(t: float) -> Clock:
    clock = Clock()
    clock.t = t
    return clock


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a count written anywhere but beside the vault lands here


@pytest.fixture
def vault_path(tmp_path):
    """A vault file (its content does not matter here) with a clean count beside it."""
    path = tmp_path / "vault.db"
    path.write_bytes(b"SQLite format 3\0")
    UnlockThrottle.for_vault(path, at(WALL)).succeeded()
    return path


def stored(vault_path):
    return json.loads(attempts_path(vault_path).read_text(encoding="utf-8"))


def test_the_pause_after_each_count_of_wrong_passphrases():
    throttle = UnlockThrottle(at(0.0))
    delays = [throttle.delay_after(n) for n in range(11)]
    assert delays == [0.0, 0.0, 0.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]
    assert throttle.delay_after(STRICT_FAILURES) == MAX_DELAY_S == 60.0
    assert throttle.delay_after(STRICT_FAILURES - 1) == 32.0


def test_each_pause_runs_from_the_wrong_passphrase_and_a_right_one_starts_afresh():
    clock = at(0.0)  # a monotonic clock may start anywhere, 0 included
    throttle = UnlockThrottle(clock)
    assert throttle.failures == 0 and throttle.remaining() == 0.0
    assert [throttle.failed() for _ in range(3)] == [0.0, 0.0, 2.0]
    assert throttle.failures == 3 and throttle.remaining() == 2.0
    clock.t = 1.5
    assert throttle.remaining() == 0.5
    clock.t = 2.0
    assert throttle.remaining() == 0.0
    clock.t = 10.0
    assert throttle.remaining() == 0.0  # never below nothing
    assert throttle.failed() == 4.0 and throttle.remaining() == 4.0
    throttle.succeeded()
    assert throttle.failures == 0 and throttle.remaining() == 0.0
    assert [throttle.failed() for _ in range(3)] == [0.0, 0.0, 2.0]


@pytest.fixture
def clocks(monkeypatch):
    """The wall clock and the monotonic clock the throttle falls back on, moved by hand."""
    wall, steady = at(WALL), at(50.0)
    monkeypatch.setattr(throttle_module, "time", SimpleNamespace(time=wall, monotonic=steady))
    return wall, steady


def test_in_memory_the_pause_runs_on_the_monotonic_clock(clocks):
    wall, steady = clocks
    throttle = UnlockThrottle()
    assert [throttle.failed() for _ in range(3)] == [0.0, 0.0, 2.0]
    wall.t -= 3600  # the system clock set back an hour: the pause is not longer for it
    assert throttle.remaining() == 2.0
    steady.t += 2
    assert throttle.remaining() == 0.0


def test_a_kept_count_runs_on_the_wall_clock_as_it_outlives_the_process(clocks, tmp_path):
    wall, _steady = clocks
    store = tmp_path / "kept.attempts"
    throttle = UnlockThrottle(store=store)
    assert throttle.failures == 2  # a file with no vault named: no free attempts
    assert throttle.failed() == 2.0
    assert json.loads(store.read_text(encoding="utf-8")) == {
        "failures": 3,
        "blocked_until": WALL + 2,
    }


def test_the_count_is_a_small_json_file_beside_the_vault(vault_path, tmp_path):
    assert attempts_path(vault_path) == tmp_path / "vault.db.attempts"
    text = attempts_path(vault_path).read_text(encoding="utf-8")
    assert text == '{"failures": 0, "blocked_until": 0.0}\n'
    throttle = UnlockThrottle.for_vault(str(vault_path), at(WALL))
    assert [throttle.failed() for _ in range(3)] == [0.0, 0.0, 2.0]
    assert stored(vault_path) == {"failures": 3, "blocked_until": WALL + 2}
    assert vault_path.read_bytes() == b"SQLite format 3\0"  # the vault itself is not touched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.db", "vault.db.attempts"]


@pytest.mark.parametrize("until", [WALL + 3.5, int(WALL) + 3])
def test_a_restart_reads_back_the_count_and_the_pause(vault_path, until):
    record = {"failures": 4, "blocked_until": until}
    attempts_path(vault_path).write_text(json.dumps(record), encoding="utf-8")
    restarted = UnlockThrottle.for_vault(vault_path, at(WALL))
    assert restarted.failures == 4 and restarted.remaining() == until - WALL
    assert restarted.failed() == 8.0  # the fifth wrong passphrase in a row


def test_the_lock_screen_and_the_command_line_share_one_count(vault_path):
    clock = at(WALL)
    screen = UnlockThrottle.for_vault(vault_path, clock)
    command_line = UnlockThrottle.for_vault(vault_path, clock)
    assert [screen.failed(), screen.failed()] == [0.0, 0.0]
    assert command_line.failed() == 2.0  # the third wrong passphrase, wherever typed
    assert screen.remaining() == 2.0
    assert screen.failed() == 4.0


def test_a_deleted_count_beside_a_vault_leaves_no_free_attempts(vault_path):
    attempts_path(vault_path).unlink()
    # At clock 0 a pause of its own would show; it adds none, not one long past.
    throttle = UnlockThrottle.for_vault(vault_path, at(0.0))
    assert throttle.failures == 2 and throttle.remaining() == 0.0
    assert throttle.failed() == 2.0


def test_a_fresh_install_keeps_its_free_attempts_and_starts_the_file(tmp_path):
    vault_path = tmp_path / "vault.db"  # not made yet
    throttle = UnlockThrottle.for_vault(vault_path, at(WALL))
    assert throttle.failures == 0 and throttle.remaining() == 0.0
    assert [throttle.failed() for _ in range(3)] == [0.0, 0.0, 2.0]
    assert stored(vault_path) == {"failures": 3, "blocked_until": WALL + 2}


GARBLED = {
    "empty": "",
    "cut short": '{"failures": 3, "blo',
    "a list": "[3, 0]",
    "null": "null",
    "a negative count": '{"failures": -3, "blocked_until": 0}',
    "a count as text": '{"failures": "3", "blocked_until": 0}',
    "a count as yes": '{"failures": true, "blocked_until": 0}',
    "a count with decimals": '{"failures": 3.0, "blocked_until": 0}',
    "a time as text": '{"failures": 3, "blocked_until": "soon"}',
    "no time": '{"failures": 3, "blocked_until": null}',
    "no count": '{"blocked_until": 0}',
    "upper-case names": '{"FAILURES": 3, "BLOCKED_UNTIL": 0}',
    "deep nesting": "[" * 100_000,
}


@pytest.mark.parametrize("content", GARBLED.values(), ids=GARBLED.keys())
def test_a_garbled_or_foreign_count_is_the_strictest(vault_path, content):
    attempts_path(vault_path).write_text(content, encoding="utf-8")
    throttle = UnlockThrottle.for_vault(vault_path, at(0.0))
    assert throttle.failures == STRICT_FAILURES
    assert throttle.remaining() == 0.0  # the right passphrase still opens at once
    assert throttle.failed() == MAX_DELAY_S


def test_a_count_that_is_not_utf8_or_not_a_file_is_the_strictest(vault_path):
    attempts_path(vault_path).write_bytes(b'{"failures": 0, "blocked_until": 0, "x": "\xff"}')
    assert UnlockThrottle.for_vault(vault_path, at(WALL)).failures == STRICT_FAILURES
    attempts_path(vault_path).unlink()
    attempts_path(vault_path).mkdir()
    throttle = UnlockThrottle.for_vault(vault_path, at(0.0))
    assert throttle.failures == STRICT_FAILURES and throttle.remaining() == 0.0
    assert throttle.failed() == MAX_DELAY_S  # and it cannot be written: kept in memory


def test_a_pause_too_far_ahead_is_cut_to_the_longest_and_written_back(vault_path):
    record = {"failures": 20, "blocked_until": WALL + 86_400}
    attempts_path(vault_path).write_text(json.dumps(record), encoding="utf-8")
    throttle = UnlockThrottle.for_vault(vault_path, at(WALL))
    assert throttle.remaining() == MAX_DELAY_S
    assert stored(vault_path) == {"failures": 20, "blocked_until": WALL + MAX_DELAY_S}


def test_a_folder_that_cannot_be_written_keeps_the_count_in_memory(tmp_path):
    vault_path = tmp_path / "gone" / "vault.db"
    throttle = UnlockThrottle.for_vault(vault_path, at(WALL))
    assert [throttle.failed() for _ in range(3)] == [0.0, 0.0, 2.0]
    assert throttle.remaining() == 2.0
    throttle.succeeded()
    assert throttle.remaining() == 0.0 and not (tmp_path / "gone").exists()
