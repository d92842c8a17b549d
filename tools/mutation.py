"""Mutation testing of the safety-critical modules: `make mutation` (mutmut, pinned there).

Which modules are mutated and which test files run is set in pyproject.toml's [tool.mutmut]
(`only_mutate`, `pytest_add_cli_args_test_selection`), so covering a new module is one line.
Runs mutmut from the checkout in `mutants/` (kept between runs: mutmut only redoes what
changed), then prints the survivors and, as the last line, the score:

    mutation score: K/N killed (P %)

N counts every mutant mutmut judged (killed, survived, timed out, no tests); a timeout
counts as killed (the mutant hangs the app, and the tests noticed). Exit status 0 when P
reaches the target (--target, default 85) and N reaches --min (default 200); give module
globs (vaaldstod.ui.clipboard*) to run a subset.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATS = ROOT / "mutants" / "mutmut-cicd-stats.json"


def mutmut(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "CI": "true"}
    return subprocess.run([exe, *args], cwd=ROOT, env=env, text=True)


def survivors() -> list[str]:
    exe = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    done = subprocess.run([exe, "results"], cwd=ROOT, capture_output=True, text=True)
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="mutant name globs, e.g. vaaldstod.ui.*")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--target", type=float, default=85.0)
    parser.add_argument("--min", type=int, default=200, dest="minimum")
    args = parser.parse_args(argv)

    began = time.monotonic()
    run = mutmut("run", "--max-children", str(args.jobs), *args.names)
    mutmut("export-cicd-stats")
    if not STATS.exists():
        print("mutation score: 0/0 killed (no results)")
        return 1
    stats = json.loads(STATS.read_text())
    killed = stats["killed"] + stats["timeout"] + stats["segfault"]
    judged = killed + stats["survived"] + stats["no_tests"] + stats["suspicious"]
    left = survivors()
    if left:
        print(f"\n{len(left)} not killed (`mutmut show NAME` prints the change):")
        print("\n".join(f"  {line}" for line in left))
    minutes = (time.monotonic() - began) / 60
    print(f"\n{minutes:.1f} min with {args.jobs} workers; load average {os.getloadavg()[0]:.1f}")
    score = 100.0 * killed / judged if judged else 0.0
    print(f"mutation score: {killed}/{judged} killed ({score:.1f} %)")
    ok = run.returncode == 0 and score >= args.target and judged >= args.minimum
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
