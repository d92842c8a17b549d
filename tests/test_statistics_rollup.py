"""The office roll-up: three handlers' vaults → sealed contributions → one office report."""

from __future__ import annotations

import json
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
from vaaldstod import settings
from vaaldstod.statistics import rollup
from vaaldstod.statistics.aggregate import aggregate
from vaaldstod.statistics.period import Period, available
from vaaldstod.statistics.publication import MemoryLedger
from vaaldstod.statistics.rollup import ContributionError
from vaaldstod.vault import Vault

TODAY = date.today()
QUARTER = next(p for p in available(None, TODAY) if not p.is_year)  # last closed quarter


def stats(*args: str, stdin: str = PASSPHRASE + "\n") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vaaldstod", "stats", *args, "--passphrase-stdin"],
        input=stdin,
        capture_output=True,
        text=True,
    )


def handler_vault(path, records) -> None:
    thursday = QUARTER.first_thursday()
    with Vault.create(path, PASSPHRASE) as vault:
        for index, record in enumerate(records):
            vault.add_contact(_week(thursday + timedelta(weeks=index % 10)), record)


def _week(day: date) -> str:
    from vaaldstod.statistics.weeks import week_of

    return week_of(day)


def test_three_handlers_roll_up_into_one_office_report(tmp_path):
    settings.save(settings.Settings(language="en", statistics_retention_days=3650))
    records = known_records()
    parts = [records[:14], records[14:27], records[27:]]  # each alone: mostly small counts
    leader = tmp_path / "leader.db"
    Vault.create(leader, PASSPHRASE).close()
    made = stats("keygen", "--vault", str(leader), "--out", str(tmp_path / "key.txt"))
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    assert (tmp_path / "key.txt").read_text(encoding="utf-8").strip() == key
    files = []
    for index, part in enumerate(parts):
        vault = tmp_path / f"h{index}.db"
        handler_vault(vault, part)
        out = tmp_path / f"h{index}.vsc"
        sent = stats(
            "contribute", "--vault", str(vault), "--period", QUARTER.code,
            "--to", str(tmp_path / "key.txt"), "--out", str(out),
        )  # fmt: skip
        assert sent.returncode == 0, sent.stderr
        text = out.read_text(encoding="utf-8")
        assert "woman" not in text and "contacts" not in text  # sealed, not readable
        files.append(out)
    report = tmp_path / "office.csv"
    merged = stats(
        "merge", "--vault", str(leader), "--period", QUARTER.code,
        *map(str, files), str(files[0]), "--out", str(report),
    )  # fmt: skip
    assert merged.returncode == 0, merged.stderr
    assert "counted once" in merged.stderr  # the same file twice
    assert "3 handlers" in merged.stdout
    exported = parse_csv(report.read_text(encoding="utf-8"))
    assert_no_small_count_leaks(exported)
    # The total of all three: figures no single handler's export could show.
    assert_shown_are_exact(exported, minimum=10)
    notes = [line for line in report.read_text(encoding="utf-8").splitlines() if ";note;" in line]
    assert any("3 handlers" in line for line in notes)
    # Merging the same period again from other files is refused: no two versions.
    again = stats(
        "merge", "--vault", str(leader), "--period", QUARTER.code,
        *map(str, files[:2]), "--out", str(tmp_path / "other.csv"),
    )  # fmt: skip
    assert again.returncode == 1 and "already published" in again.stderr
    assert not (tmp_path / "other.csv").exists()


def make_contribution(public: str, period: Period = QUARTER, **kw) -> bytes:
    counts = aggregate([("2026-W10", r) for r in known_records()[:5]]).counts
    return rollup.seal(public, period, {q: counts for q in period.quarters()}, **kw)


def test_bad_contributions_are_refused_with_a_sentence():
    public, secret = rollup.new_key_pair()
    keys = [(public, secret)]
    other_public, _other = rollup.new_key_pair()
    good = make_contribution(public)
    assert rollup.open_contribution(good, "a.vsc", QUARTER, keys).contributors == 1
    other_period = Period(QUARTER.year - 1, QUARTER.quarter)
    cases = {
        "for another period": make_contribution(public, other_period),
        "another recipient": make_contribution(other_public),
        "changed or damaged": _tampered(good),
        "not a statistics contribution": b"=HYPERLINK(1)",
    }
    for expected, data in cases.items():
        with pytest.raises(ContributionError) as refused:
            rollup.open_contribution(data, "x.vsc", QUARTER, keys)
        message = str(refused.value)
        assert "x.vsc" in message and "Traceback" not in message
        words = {"for another period": "not for", "another recipient": "another recipient"}
        assert words.get(expected, expected.split()[-1]) in message


def _tampered(data: bytes) -> bytes:
    envelope = json.loads(data)
    sealed = bytearray(rollup.base64.b64decode(envelope["sealed"]))
    sealed[-1] ^= 1
    envelope["sealed"] = rollup.base64.b64encode(bytes(sealed)).decode()
    return json.dumps(envelope).encode()


def test_figures_that_do_not_add_up_are_refused():
    public, secret = rollup.new_key_pair()
    counts = aggregate([("2026-W10", r) for r in known_records()[:5]]).counts
    counts["contacts"] += 1  # a handler cannot slip in a figure the sums do not allow
    data = rollup.seal(public, QUARTER, {QUARTER: counts})
    with pytest.raises(ContributionError, match="do not add up"):
        rollup.open_contribution(data, "x.vsc", QUARTER, [(public, secret)])


def test_an_office_total_rolls_up_to_the_agency_and_overlaps_are_refused():
    agency_public, agency_secret = rollup.new_key_pair()
    office_public, office_secret = rollup.new_key_pair()
    office_keys = [(office_public, office_secret)]
    handlers = [
        rollup.open_contribution(make_contribution(office_public), f"h{i}", QUARTER, office_keys)
        for i in range(2)
    ]
    office = rollup.merge(handlers, QUARTER)
    assert office.contributors == 2
    total = rollup.seal(agency_public, QUARTER, office.quarters, contributors=2, ids=office.ids)
    agency_keys = [(agency_public, agency_secret)]
    opened = rollup.open_contribution(total, "office.vsc", QUARTER, agency_keys)
    assert opened.contributors == 2 and opened.ids == office.ids
    other = rollup.open_contribution(
        make_contribution(agency_public), "other-office.vsc", QUARTER, agency_keys
    )
    merged = rollup.merge([opened, other], QUARTER)
    assert merged.contributors == 3
    assert merged.quarters[QUARTER]["contacts"] == 15
    figures = rollup.publish_merged(MemoryLedger(), merged, TODAY)
    assert figures.contributors == 3 and figures.counts["contacts"] == 15
    # A handler's contribution sent to the agency as well as inside the office total.
    quarters = {Period.parse(code): counts for code, counts in handlers[0].quarters.items()}
    direct = rollup.seal(agency_public, QUARTER, quarters, ids=handlers[0].ids)
    twice = rollup.open_contribution(direct, "direct.vsc", QUARTER, agency_keys)
    with pytest.raises(ContributionError, match="both hold the same handler"):
        rollup.merge([opened, twice], QUARTER)


def test_a_running_period_cannot_be_contributed(tmp_path):
    settings.save(settings.Settings(language="en"))
    handler_vault(tmp_path / "h.db", known_records()[:3])
    public, _secret = rollup.new_key_pair()
    result = stats(
        "contribute", "--vault", str(tmp_path / "h.db"), "--period", str(TODAY.year),
        "--to", public, "--out", str(tmp_path / "x.vsc"),
    )  # fmt: skip
    assert result.returncode == 1 and "not over yet" in result.stderr
    assert not (tmp_path / "x.vsc").exists()


def test_the_statistics_cli_runs_without_qt(tmp_path):
    # Labels (walk-through answers, agency names) now come from the core, so a CSV export,
    # a contribution and a merge to CSV import no Qt at all.
    settings.save(settings.Settings(language="en", statistics_retention_days=3650))
    handler_vault(tmp_path / "h.db", known_records())
    code = (
        "import sys, runpy; from vaaldstod import cli; "
        f"sys.argv = ['vaaldstod', 'stats', 'export', '--vault', {str(tmp_path / 'h.db')!r}, "
        f"'--period', {QUARTER.code!r}, '--out', {str(tmp_path / 's.csv')!r}, "
        "'--passphrase-stdin']; "
        "code = cli.main(sys.argv[1:]); "
        "assert code == 0, code; "
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide' in m)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=PASSPHRASE + "\n", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s.csv").exists()


def test_an_office_sends_its_total_on_to_the_agency_from_the_cli(tmp_path):
    settings.save(settings.Settings(language="en", statistics_retention_days=3650))
    keys = {}
    for name in ("office", "agency"):
        Vault.create(tmp_path / f"{name}.db", PASSPHRASE).close()
        made = stats("keygen", "--vault", str(tmp_path / f"{name}.db"))
        assert made.returncode == 0, made.stderr
        keys[name] = made.stdout.strip()
    records = known_records()
    files = []
    for index, part in enumerate([records[:20], records[20:]]):
        handler_vault(tmp_path / f"h{index}.db", part)
        files.append(tmp_path / f"h{index}.vsc")
        sent = stats(
            "contribute", "--vault", str(tmp_path / f"h{index}.db"), "--period", QUARTER.code,
            "--to", keys["office"], "--out", str(files[-1]),
        )  # fmt: skip
        assert sent.returncode == 0, sent.stderr
    office_total = tmp_path / "office.vsc"
    rolled = stats(
        "merge", "--vault", str(tmp_path / "office.db"), "--period", QUARTER.code,
        *map(str, files), "--to", keys["agency"], "--out", str(office_total),
    )  # fmt: skip
    assert rolled.returncode == 0, rolled.stderr
    report = tmp_path / "agency.csv"
    merged = stats(
        "merge", "--vault", str(tmp_path / "agency.db"), "--period", QUARTER.code,
        str(office_total), "--out", str(report),
    )  # fmt: skip
    assert merged.returncode == 0 and "2 handlers" in merged.stdout, merged.stderr
    assert_shown_are_exact(parse_csv(report.read_text(encoding="utf-8")), minimum=10)
    # A handler's file cannot be counted a second time at the agency: it was sealed to the
    # office (an overlap sealed to the agency is refused too; see the test above).
    overlap = stats(
        "merge", "--vault", str(tmp_path / "agency.db"), "--period", QUARTER.code,
        str(office_total), str(files[0]), "--out", str(tmp_path / "x.csv"),
    )  # fmt: skip
    assert overlap.returncode == 1 and "another recipient" in overlap.stderr
    assert not (tmp_path / "x.csv").exists()
