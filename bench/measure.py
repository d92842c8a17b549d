"""Small measuring helpers shared by the benchmarks and their child processes."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence


def now_ms() -> float:
    """The system-wide monotonic clock in ms: comparable between a parent and its children."""
    return time.monotonic_ns() / 1e6


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: the value at or below which `pct` per cent of `values` lie."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def timed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB, from /proc or getrusage."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
    except (OSError, KeyError, ValueError):
        import resource  # not on Windows, where /proc is missing too

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
        return peak, peak
