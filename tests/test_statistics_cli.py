"""`vaaldstod stats export` as an office runs it: passphrase on stdin, clear failures."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from tests.conftest import PASSPHRASE
from tests.statistics_data import (
    assert_no_small_count_leaks,
    assert_shown_are_exact,
    known_records,
    parse_csv,
)
from vaaldstod import paths, settings
from vaaldstod.statistics.model import week_of
from vaaldstod.statistics.period import available, current_quarter
from vaaldstod.vault import Vault

# Relative to the real today: the command exports only periods that are over.
TODAY = date.today()
LAST_QUARTER = next(p for p in available(None, TODAY) if not p.is_year)


def run(*args: str, stdin: str | bytes = PASSPHRASE + "\n") -> subprocess.CompletedProcess:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    result = subprocess.run(
        [sys.executable, "-m", "vaaldstod", "stats", "export", *args],
        input=data,
        capture_output=True,
    )
    result.stdout, result.stderr = (
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )
    return result


def fill(path) -> None:
    # Long statistics retention: the last quarter may have begun more than 90 days ago.
    settings.save(settings.Settings(language="en", statistics_retention_days=3650))
    thursday = LAST_QUARTER.first_thursday()
    with Vault.create(path, PASSPHRASE) as vault:
        for index, record in enumerate(known_records()):
            vault.add_contact(week_of(thursday + timedelta(weeks=1 + index % 3)), record)
        vault.add_contact(week_of(TODAY - timedelta(days=4000)), known_records()[0])  # purged


def period(out, code: str | None = None) -> list[str]:
    return ["--period", code or LAST_QUARTER.code, "--out", str(out)]


def test_export_from_the_handlers_own_vault(tmp_path):
    fill(paths.vault_path())
    result = run(*period(tmp_path / "stats.csv"), "--passphrase-stdin")
    assert result.returncode == 0, result.stderr
    exported = parse_csv((tmp_path / "stats.csv").read_text(encoding="utf-8"))
    assert exported[("reasons", "interpreter", "count")] == ".."
    assert_shown_are_exact(exported)
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


@pytest.mark.parametrize("code", ["2026-Q5", "2026-03", "Q4", "2026-01-01"])
def test_anything_but_a_quarter_or_year_exits_2_with_a_sentence(tmp_path, code):
    fill(tmp_path / "v.db")
    result = run(
        "--vault", str(tmp_path / "v.db"), *period(tmp_path / "s.csv", code), "--passphrase-stdin"
    )
    assert result.returncode == 2
    assert "2026-Q4" in result.stderr and "Traceback" not in result.stderr


def test_dates_are_no_longer_accepted(tmp_path):
    fill(tmp_path / "v.db")
    args = ["--vault", str(tmp_path / "v.db"), "--from", "2026-01-01", "--to", "2026-03-31"]
    result = run(*args, "--out", str(tmp_path / "s.csv"), "--passphrase-stdin")
    assert result.returncode == 2 and not (tmp_path / "s.csv").exists()


def test_a_period_that_is_not_over_is_refused(tmp_path):
    fill(tmp_path / "v.db")
    for running in (current_quarter(TODAY).code, str(TODAY.year)):
        result = run(
            "--vault",
            str(tmp_path / "v.db"),
            *period(tmp_path / "s.csv", running),
            "--passphrase-stdin",
        )
        assert result.returncode == 1 and "not over yet" in result.stderr
        assert not (tmp_path / "s.csv").exists()


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
