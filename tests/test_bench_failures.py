"""`make bench` fails when a probe crashes or hangs, and shows why; never a "skipped" row."""

from __future__ import annotations

import subprocess

import pytest

from bench import startup
from bench.__main__ import _section
from bench.report import Row


def test_a_crashing_probe_fails_the_section_with_its_stderr(tmp_path, capsys):
    def crashing():
        return startup.probe("tests.bench_crash", home=tmp_path)

    rows: list[Row] = []
    assert _section("unlock", crashing, rows, {}) == ()
    assert [(row.status, row.failed) for row in rows] == [("FAILED", True)]
    assert "skipped" not in rows[0].line() and "FAILED" in rows[0].line()
    assert "exited with -6" in rows[0].note
    assert "none_dealloc" in capsys.readouterr().err  # the probe's own last words


def test_a_probe_that_hangs_fails_too(tmp_path, monkeypatch):
    def hang(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], 120, stderr=b"still drawing")

    monkeypatch.setattr(startup.subprocess, "run", hang)
    with pytest.raises(startup.ProbeFailed, match="timed out") as failure:
        startup.probe("bench.probe_unlock", home=tmp_path)
    assert failure.value.stderr_tail == "still drawing"
