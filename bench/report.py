"""Benchmark rows: a figure, the baseline measured in the same run, the target, met or GAP.

Machines differ and are noisy, so every figure is put beside a baseline measured at the
same time on the same machine; the ratio between the two is what stays comparable.
"""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

RESULTS = Path(__file__).with_name("results.json")


@dataclass
class Row:
    """One line of the report. `max_ratio`, `max_value`, `min_value`: targets (None: none)."""

    metric: str
    value: float | None
    unit: str = "ms"
    baseline: float | None = None
    baseline_name: str = ""
    max_ratio: float | None = None
    max_value: float | None = None
    min_value: float | None = None
    note: str = ""
    failed: bool = False  # a probe crashed or timed out: the whole run fails
    samples: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        if self.max_value is not None:
            parts.append(f"< {self.max_value:g} {self.unit}")
        if self.min_value is not None:
            parts.append(f"≥ {self.min_value:g}")
        return " and ".join(parts) or "-"

    @property
    def status(self) -> str:
        """'met', 'GAP', 'FAILED' (a probe crashed or timed out), 'skipped' (nothing to
        measure yet, such as a feature not built) or '-' (no target: information)."""
        if self.failed:
            return "FAILED"
        if self.value is None:
            return "skipped"
        if self.target == "-":
            return "-"
        ratio_ok = self.max_ratio is None or (
            self.ratio is not None and self.ratio <= self.max_ratio
        )
        below = self.max_value is None or self.value < self.max_value
        above = self.min_value is None or self.value >= self.min_value
        return "met" if ratio_ok and below and above else "GAP"

    def _show(self, number: float) -> str:
        return f"{number:,.1f} {self.unit}" if self.unit else f"{number:,.0f}"

    def line(self) -> str:
        """The row as printed: metric, value, baseline, ratio, target, status."""
        value = "-" if self.value is None else self._show(self.value)
        baseline = "-" if self.baseline is None else self._show(self.baseline)
        ratio = "-" if self.ratio is None else f"{self.ratio:.2f}×"
        status = self.status if self.value is not None else f"{self.status}: {self.note}"
        return (
            f"{self.metric:<52} {value:>13} {baseline:>13} {ratio:>7}  {self.target:<18} {status}"
        )


HEADER = f"{'metric':<52} {'value':>13} {'baseline':>13} {'ratio':>7}  {'target':<18} met/GAP"


def print_row(row: Row) -> None:
    print(row.line(), flush=True)


def print_table(rows: list[Row]) -> None:
    print()
    print(HEADER)
    print("-" * len(HEADER))
    for row in rows:
        print(row.line())
    gaps = [row for row in rows if row.status == "GAP"]
    notes = [row for row in rows if row.note and row.value is not None]
    for row in notes:
        print(f"  {row.metric}: {row.note}")
    print()
    print(f"{len(rows)} figures, {len(gaps)} GAP: " + ", ".join(row.metric for row in gaps))
    failed = [row for row in rows if row.failed]
    if failed:
        print(f"{len(failed)} FAILED: " + ", ".join(row.metric for row in failed))


def write_results(rows: list[Row], details: dict, path: Path = RESULTS) -> None:
    """Everything measured, with the raw samples, so later runs can be compared."""
    data = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
        "rows": [
            asdict(row) | {"ratio": row.ratio, "target": row.target, "status": row.status}
            for row in rows
        ],
        "details": details,
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
