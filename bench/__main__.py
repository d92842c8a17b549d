"""Run every benchmark, print the table and write bench/results.json.

    QT_QPA_PLATFORM=offscreen python -m bench

All data is fictional and lives in a temporary folder removed at the end; nothing touches
the handler's own vault or settings. A section that fails (a probe that crashes or times
out) is reported as a FAILED row with the tail of its stderr, the others still run, so one
broken screen does not hide every other figure, and the run exits non-zero: a crash is never
a "skipped" row.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench import corpus, notes, pages, startup, unlock
from bench.report import RESULTS, Row, print_row, print_table, write_results
from vaaldstod.vault import Vault


def _section(title: str, run: Callable[[], tuple], rows: list[Row], details: dict) -> tuple:
    """Run one benchmark section; on failure add a row naming the error and return ()."""
    print(f"\n{title}", flush=True)
    try:
        result = run()
    except Exception as error:  # reported as a row: the remaining sections still run
        traceback.print_exc()
        tail = getattr(error, "stderr_tail", "")
        if tail:
            print(f"stderr of the probe (last lines):\n{tail}", file=sys.stderr, flush=True)
        row = Row(title, None, failed=True, note=f"{type(error).__name__}: {str(error)[:100]}")
        print_row(row)
        rows.append(row)
        return ()
    found, details[title] = result[0], result[1]
    rows += found
    return result


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    began = time.perf_counter()
    rows: list[Row] = []
    details: dict = {}
    with tempfile.TemporaryDirectory(prefix="vaaldstod-bench-") as tmp:
        work = Path(tmp)
        start_home = work / "start"
        # Every child process (and this one) sees only the throwaway folder.
        os.environ["VAALDSTOD_HOME"] = str(start_home)
        with Vault.create(start_home / "vault.db", corpus.PASSPHRASE):
            pass  # an existing vault: the lock screen asks to unlock, as on most days

        started = _section("start-up", lambda: startup.run(start_home), rows, details)
        _section("installer bundle", lambda: startup.bundle(start_home), rows, details)
        bare_rss = started[0][1].baseline if started else None
        built = _section("notes", lambda: notes.run(work / "notes"), rows, details)
        if built:
            largest = built[2]
            _section("unlock", lambda: unlock.run(largest, bare_rss), rows, details)
        _section("sheets and statistics", lambda: pages.run(start_home), rows, details)
    details["seconds"] = round(time.perf_counter() - began, 1)
    print_table(rows)
    write_results(rows, details)
    print(f"\nwritten to {RESULTS} in {details['seconds']:.0f} s")
    failed = [row.metric for row in rows if row.failed]
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
