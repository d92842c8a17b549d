"""Mutation testing of the safety-critical modules: `make mutation` (mutmut, pinned there).

Which modules are mutated and which test files run is set in pyproject.toml's [tool.mutmut]
(`only_mutate`, `pytest_add_cli_args_test_selection`), so covering a new module is one line.
Runs mutmut from the checkout in `mutants/` (kept between runs: mutmut only redoes what
changed), then prints the survivors and, as the last line, the score:

    mutation score: K/N killed (P %)

Without arguments it runs the functions listed in [tool.vaaldstod.mutation] `focus`; give
mutant name globs (vaaldstod.ui.clipboard*) for others, or --all for every mutant. N counts
every mutant judged (killed, survived, timed out, no tests) among those asked for; a timeout
counts as killed (the mutant hangs the app and the tests noticed). Exit status 0 when P
reaches the target (--target, default 85) and N reaches --min (default 200).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A timeout counts as killed: the mutant hangs the app, and the tests noticed.
KILLED = {"killed", "timeout", "segfault", "caught by type check"}
NOT_KILLED = {"survived", "no tests", "suspicious"}


def mutmut(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "CI": "true"}
    return subprocess.run([exe, *args], cwd=ROOT, env=env, text=True)


def focus() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["tool"]["vaaldstod"]["mutation"]["focus"]


def judged(names: list[str]) -> dict[str, int | None]:
    """Exit code of every mutant asked for (None: not run): 0 survived, 1 killed, …"""
    codes: dict[str, int | None] = {}
    for meta in (ROOT / "mutants").rglob("*.py.meta"):
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if not names or any(fnmatchcase(name, pattern) for pattern in names):
                codes[name] = code
    return codes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="mutant name globs, e.g. vaaldstod.ui.*")
    parser.add_argument("--all", action="store_true", help="every mutant of [tool.mutmut]")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--target", type=float, default=85.0)
    parser.add_argument("--min", type=int, default=200, dest="minimum")
    args = parser.parse_args(argv)
    names = [] if args.all else (args.names or focus())

    began = time.monotonic()
    run = mutmut("run", "--max-children", str(args.jobs), *names)
    codes = judged(names)
    from mutmut.stats import status_by_exit_code  # the tool's own reading of its exit codes

    status = {name: status_by_exit_code[code] for name, code in codes.items()}
    killed = [name for name, said in status.items() if said in KILLED]
    survived = sorted(name for name, said in status.items() if said in NOT_KILLED)
    total = len(killed) + len(survived)
    if survived:
        print(f"\n{len(survived)} not killed (`mutmut show NAME` prints the change):")
        print("\n".join(f"  {name}" for name in survived))
    left = len(codes) - total
    minutes = (time.monotonic() - began) / 60
    print(
        f"\n{minutes:.1f} min with {args.jobs} workers; load average "
        f"{os.getloadavg()[0]:.1f}; {left} mutants not run"
    )
    score = 100.0 * len(killed) / total if total else 0.0
    print(f"mutation score: {len(killed)}/{total} killed ({score:.1f} %)")
    ok = run.returncode == 0 and not left and score >= args.target and total >= args.minimum
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
