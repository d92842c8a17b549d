"""What a test needs from outside the repository: under CI a missing piece fails, never skips.

On a developer's machine without poppler-utils or `../shared`, such tests skip with the
reason; with `CI=true` they fail, because a check that silently did not run is no check.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def missing(reason: str) -> None:
    """Fail under CI, skip elsewhere."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: this check must run)", pytrace=False)
    pytest.skip(reason)


def tool(name: str) -> str:
    """The path of a command-line tool such as pdftotext (poppler-utils)."""
    found = shutil.which(name)
    if found is None:
        missing(f"{name} (poppler-utils) is not installed")
    return found


def folder(path: Path, what: str) -> Path:
    if not path.is_dir():
        missing(f"{what} are not beside the repository ({path} is missing)")
    return path
