"""`vaaldstod stats export` as an office runs it: passphrase on stdin, clear failures."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from tests.conftest import PASSPHRASE
from tests.statistics_data import EXACT, assert_no_small_count_leaks, known_records, parse_csv
from vaaldstod import paths
from vaaldstod.statistics.model import week_of
from vaaldstod.vault import Vault

# Relative to the real today: the command applies retention (90 days) before it counts.
TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())
FIRST = MONDAY - timedelta(weeks=4)
LAST = MONDAY + timedelta(days=6)


def run(*args: str, stdin: str = PASSPHRASE + "\n") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vaaldstod", "stats", "export", *args],
        input=stdin,
        capture_output=True,
        text=True,
    )


def fill(path) -> None:
    with Vault.create(path, PASSPHRASE) as vault:
        for index, record in enumerate(known_records()):
            vault.add_contact(week_of(MONDAY - timedelta(weeks=1 + index % 3)), record)
        vault.add_contact(
            week_of(MONDAY - timedelta(days=400)), known_records()[0]
        )  # past retention


def period(out) -> list[str]:
    return ["--from", FIRST.isoformat(), "--to", LAST.isoformat(), "--out", str(out)]


def test_export_from_the_handlers_own_vault(tmp_path):
    fill(paths.vault_path())
    result = run(*period(tmp_path / "stats.csv"), "--passphrase-stdin")
    assert result.returncode == 0, result.stderr
    exported = parse_csv((tmp_path / "stats.csv").read_text(encoding="utf-8"))
    assert exported[("asked", "total", "count")] == "40"  # the old record was purged
    assert exported[("forms", "economic", "count")] == str(EXACT[("forms", "economic", "count")])
    assert exported[("reasons", "interpreter", "count")] == "<5"
    assert_no_small_count_leaks(exported)
    assert PASSPHRASE not in result.stdout + result.stderr


def test_wrong_passphrase_exits_1_with_a_sentence_and_writes_nothing(tmp_path):
    fill(tmp_path / "v.db")
    out = tmp_path / "stats.csv"
    result = run(
        "--vault", str(tmp_path / "v.db"), *period(out), "--passphrase-stdin", stdin="fel\n"
    )
    assert result.returncode == 1
    assert result.stderr.strip() and "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("first", "last"),
    [("2026-02-30", "2026-03-31"), ("31/03/2026", "2026-03-31"), ("2026-03-31", "2026-01-01")],
)
def test_bad_dates_exit_2_with_a_sentence(tmp_path, first, last):
    fill(tmp_path / "v.db")
    args = ["--vault", str(tmp_path / "v.db"), "--from", first, "--to", last]
    result = run(*args, "--out", str(tmp_path / "s.csv"), "--passphrase-stdin")
    assert result.returncode == 2
    assert result.stderr.strip() and "Traceback" not in result.stderr


def test_unwritable_out_and_missing_vault_exit_1(tmp_path):
    fill(tmp_path / "v.db")
    vault = ["--vault", str(tmp_path / "v.db")]
    result = run(*vault, *period(tmp_path / "no" / "such" / "s.csv"), "--passphrase-stdin")
    assert result.returncode == 1 and "s.csv" in result.stderr and "Traceback" not in result.stderr
    missing = run(
        "--vault", str(tmp_path / "none.db"), *period(tmp_path / "s.csv"), "--passphrase-stdin"
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_without_passphrase_stdin_a_pipe_is_not_read(tmp_path):
    fill(tmp_path / "v.db")
    result = run("--vault", str(tmp_path / "v.db"), *period(tmp_path / "s.csv"))
    assert result.returncode == 1 and "--passphrase-stdin" in result.stderr
    assert not (tmp_path / "s.csv").exists()
