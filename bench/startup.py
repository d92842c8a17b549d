"""Cold start to the lock screen drawn, against a bare PySide6 window, each in a new process.

"Cold" means a new interpreter and a new Qt each time; the disk cache stays warm, since
emptying it needs root and would measure the disk rather than the app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.measure import median, now_ms
from bench.report import Row, print_row
from vaaldstod.cli import TIME_START

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "vaaldstod"
RUNS = 11
SLOW_IMPORT_MS = 10.0
SHOWN_IMPORTS = 15


class ProbeFailed(RuntimeError):
    """A probe crashed, timed out or printed no result: the run fails, never a skipped row."""

    def __init__(self, what: str, stderr: str | bytes | None) -> None:
        if isinstance(stderr, bytes):
            stderr = stderr.decode("utf-8", "replace")
        self.stderr_tail = "\n".join((stderr or "").splitlines()[-STDERR_LINES:])
        super().__init__(what)


STDERR_LINES = 20
PROBE_TIMEOUT_S = 120


def probe(module: str, *args: str, home: Path, python_flags: tuple[str, ...] = ()) -> dict:
    """Run a probe module in a new process; its last stdout line is its JSON result."""
    return child([sys.executable, *python_flags, "-m", module, *args], home)


def child(command: list[str], home: Path) -> dict:
    """Run `command` in a new process with the throwaway home; its last stdout line is JSON."""
    env = os.environ | {"VAALDSTOD_HOME": str(home)}
    what = " ".join(Path(command[0]).name if i == 0 else part for i, part in enumerate(command))
    started = now_ms()
    try:
        done = subprocess.run(
            command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S
        )
    except subprocess.TimeoutExpired as error:
        raise ProbeFailed(f"{what} timed out after {PROBE_TIMEOUT_S} s", error.stderr) from None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise ProbeFailed(
            f"{what} exited with {done.returncode}" + ("" if lines else " and printed no result"),
            done.stderr,
        )
    result = json.loads(lines[-1])
    return result | {"started_ms": started, "stderr": done.stderr}


def alternately(commands: dict[str, list[str]], home: Path) -> dict[str, dict[str, list]]:
    """Each command RUNS times, alternately after one warm-up round, so drift hits all alike:
    {"drawn": ms from start to drawn, "rss": MB (where reported)} per command."""
    found: dict[str, dict[str, list]] = {"drawn": {}, "rss": {}}
    for attempt in range(RUNS + 1):
        for name, command in commands.items():
            result = child(command, home)
            if attempt:  # the first round only fills the disk cache
                drawn = result["drawn_ms"] - result["started_ms"]
                found["drawn"].setdefault(name, []).append(drawn)
                if "rss_mb" in result:
                    found["rss"].setdefault(name, []).append(result["rss_mb"])
    return found


def bundle(home: Path) -> tuple[list[Row], dict]:
    """The installer's bundle (dist/, from `make installer`) against the virtual environment,
    both started as a handler starts them (`vaaldstod --time-start`), alternately."""
    suffix = ".exe" if sys.platform == "win32" else ""
    # On Windows the bundle's windowed program has no stdout: time its console twin.
    bundled = BUNDLE / ("vaaldstod-cli.exe" if suffix else "vaaldstod")
    if not bundled.exists():
        row = Row("bundle: cold start → lock screen drawn", None, note="no bundle: make installer")
        print_row(row)
        return [row], {}
    commands = {
        "bundle": [str(bundled), TIME_START],
        "venv": [str(Path(sys.executable).with_name("vaaldstod" + suffix)), TIME_START],
    }
    samples = alternately(commands, home)["drawn"]
    row = Row(
        f"bundle: cold start → lock screen drawn (median of {RUNS})",
        median(samples["bundle"]),
        baseline=median(samples["venv"]),
        baseline_name="the same start from the virtual environment",
        max_ratio=1.1,
        note="dist/ from make installer; both `vaaldstod --time-start`",
        samples=samples,
    )
    print_row(row)
    return [row], {}


def run(home: Path) -> tuple[list[Row], dict]:
    """The app against a bare PySide6 window, each started anew, alternately."""
    probes = {mode: [sys.executable, "-m", "bench.probe_start", mode] for mode in ("app", "bare")}
    measured = alternately(probes, home)
    samples, memory = measured["drawn"], measured["rss"]
    start = Row(
        f"cold start → lock screen drawn (median of {RUNS})",
        median(samples["app"]),
        baseline=median(samples["bare"]),
        baseline_name="bare PySide6 window",
        max_ratio=1.3,
        note="new process each run; disk cache warm; .pyc compiled",
        samples=samples,
    )
    rss = Row(
        "RSS after start-up (lock screen drawn)",
        median(memory["app"]),
        unit="MB",
        baseline=median(memory["bare"]),
        baseline_name="bare PySide6 window",
        max_value=150,
        samples=memory,
    )
    for row in (start, rss):
        print_row(row)
    details = {"slow_imports": slow_imports(home) if start.status == "GAP" else []}
    return [start, rss], details


def _imports(stderr: str) -> list[tuple[str, float, str]]:
    """(module, cumulative ms, importing module or '') from `python -X importtime` output."""
    entries = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line.removeprefix("import time:").split("|")
        depth = (len(name) - len(name.lstrip())) // 2
        entries.append((name.strip(), int(cumulative) / 1000, depth))
    found = []
    for index, (name, cumulative, depth) in enumerate(entries):
        # Children are printed before the module that imported them, indented deeper.
        parent = next((n for n, _c, d in entries[index + 1 :] if d < depth), "")
        found.append((name, cumulative, parent))
    return found


def slow_imports(home: Path) -> list[dict]:
    """What the app imports before its lock screen that a bare window does not: lazy candidates.

    Lists modules of 10 ms or more that Våldstöd's own code pulls in (its own subpackages
    and the libraries they bring), the biggest first.
    """
    flags = ("-X", "importtime")
    bare_run, app_run = (
        probe("bench.probe_start", mode, home=home, python_flags=flags) for mode in ("bare", "app")
    )
    bare = {name for name, _ms, _parent in _imports(bare_run["stderr"])}
    app = _imports(app_run["stderr"])
    slow = [
        {"module": name, "ms": round(cumulative, 1), "imported_by": parent or "(a function)"}
        for name, cumulative, parent in app
        if name not in bare
        and cumulative >= SLOW_IMPORT_MS
        and (parent.startswith("vaaldstod") or (not parent and name.startswith("vaaldstod")))
    ]
    slow = sorted(slow, key=lambda entry: -entry["ms"])[:SHOWN_IMPORTS]
    print("  imports on the way to the lock screen that a bare window does not need:")
    for entry in slow:
        print(f"    {entry['module']:<34} {entry['ms']:7.1f} ms  ← {entry['imported_by']}")
    return slow
