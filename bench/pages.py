"""Paper and statistics: referral sheets to PDF per language and format, the statistics page.

Targets from issue 9: an interaction answers in under 100 ms, printing in under 300 ms.
A feature whose module is missing (an older checkout) gives a row saying so, not an error.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from bench.measure import median, percentile
from bench.report import Row, print_row
from bench.startup import probe

NEEDS = {
    "sheets": ("vaaldstod.ui.printing", "vaaldstod.sheets"),
    "statistics": ("vaaldstod.ui.statistics_page", "vaaldstod.ui.statistics_pdf"),
}


def _missing(feature: str) -> list[str]:
    def exists(module: str) -> bool:
        try:
            return importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            return False

    return [module for module in NEEDS[feature] if not exists(module)]


def _sheet_rows(result: dict) -> list[Row]:
    baseline = median(result["baseline"])
    formats = sorted({key.split("/")[0] for key in result["sheets"]})
    rows = []
    for fmt in formats:
        runs = {k: v for k, v in result["sheets"].items() if k.startswith(f"{fmt}/")}
        every = [ms for samples in runs.values() for ms in samples]
        rows.append(
            Row(
                f"referral sheet → PDF, {fmt}, p95 of {len(runs)} languages",
                percentile(every, 95),
                baseline=baseline,
                baseline_name="pdf_bytes of a one-line sheet",
                max_value=300,
                samples=runs,
            )
        )
    for key, reason in result["refused"].items():
        rows.append(Row(f"referral sheet → PDF, {key}", None, note=f"refused: {reason}"))
    return rows


def _statistics_rows(result: dict) -> list[Row]:
    records = result["records"]
    report = median(result["report"])
    return [
        Row(
            f"statistics: choose 'this year' → drawn ({records} rec.)",
            median(result["choose_year"]),
            baseline=report,
            baseline_name="build_report alone",
            max_value=100,
            note="includes the page's 150 ms debounce timer",
            samples={"choose": result["choose_year"], "report": result["report"]},
        ),
        Row(
            "statistics: reload + repaint, a year",
            median(result["reload"]),
            baseline=report,
            baseline_name="build_report alone",
            max_value=100,
            samples={"reload": result["reload"]},
        ),
        Row(
            "statistics report → PDF, a year",
            median(result["pdf"]),
            baseline=report,
            baseline_name="build_report alone",
            max_value=300,
            samples={"pdf": result["pdf"]},
        ),
    ]


def run(home: Path) -> tuple[list[Row], dict]:
    rows: list[Row] = []
    details: dict = {}
    for feature, make_rows in (("sheets", _sheet_rows), ("statistics", _statistics_rows)):
        missing = _missing(feature)
        if missing:
            found = [Row(feature, None, note=f"not yet available ({', '.join(missing)})")]
        else:
            result = probe("bench.probe_pages", feature, home=home)
            details[feature] = {k: v for k, v in result.items() if k != "stderr"}
            found = make_rows(result)
        for row in found:
            print_row(row)
        rows += found
    return rows, details
