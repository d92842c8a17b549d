"""A committed note survives the process being killed at any moment; the vault always opens."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from vaaldstod.vault import Vault

KILLS = 50
CHECKOUT = Path(__file__).parents[1]


def _kill_round(path: Path, round_no: int, rng: random.Random) -> list[str]:
    prefix = f"r{round_no}"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_writer", str(path), PASSPHRASE, prefix],
        stdout=subprocess.PIPE,
        text=True,
        cwd=CHECKOUT,
        env={**os.environ, "PYTHONPATH": str(CHECKOUT)},
    )
    ready, imported = writer.stdout.readline().split(maxsplit=1)
    assert ready == "ready"
    assert Path(imported.strip()).resolve().is_relative_to(CHECKOUT.resolve()), (
        "the writer must test this checkout"
    )
    time.sleep(rng.uniform(0.0, 0.25))
    writer.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
    out, _ = writer.communicate()
    return [line for line in out.split() if line.startswith(prefix)]


def _worker(path: Path, rounds: range, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    committed: list[str] = []
    for round_no in rounds:
        committed += _kill_round(path, round_no, rng)
        with Vault.open(path, PASSPHRASE) as vault:  # must open every time
            texts = {n.text.split(" ")[0] for n in vault.notes(vault.cases()[0].id)}
        missing = [marker for marker in committed if marker not in texts]
        assert not missing, f"committed notes lost after kill {round_no}: {missing[:5]}"
    return len(committed), len(rounds)


@pytest.mark.slow
def test_committed_notes_survive_sigkill(tmp_path):
    paths = []
    for n in range(2):
        path = tmp_path / f"vault{n}.db"
        with Vault.create(path, PASSPHRASE) as vault:
            vault.create_case("Ärende 2026-001")
        paths.append(path)
    half = KILLS // 2
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(_worker, paths, [range(0, half), range(half, KILLS)], [1, 2]))
    assert sum(rounds for _notes, rounds in results) == KILLS
    assert sum(notes for notes, _rounds in results) > KILLS  # the kills did land mid-writing
