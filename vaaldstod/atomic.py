"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Every rename over a file in the package goes through `replace`: on Windows, Defender,
OneDrive and the search indexer hold files open for a moment, and `os.replace` then fails
with WinError 5 or 32 although a retry a little later succeeds.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

# ERROR_ACCESS_DENIED and ERROR_SHARING_VIOLATION: another program has the file open.
TRANSIENT_WINERRORS = (5, 32)
REPLACE_ATTEMPTS = 7  # pauses of 0.05, 0.1 … 1.6 s: about 3 s in all before giving up


def replace(
    src: os.PathLike | str,
    dst: os.PathLike | str,
    attempts: int = REPLACE_ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """`os.replace`, retried a few times while Windows reports the file as held open."""
    for attempt in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError as error:
            if getattr(error, "winerror", None) not in TRANSIENT_WINERRORS:
                raise
            if attempt == attempts - 1:
                raise
            sleep(0.05 * 2**attempt)


@contextlib.contextmanager
def atomic_write(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it over `path`.

    If the block raises (a full disk, say), the temporary file is removed and `path` is
    untouched.
    """
    path = Path(path)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: Path, text: str) -> None:
    with atomic_write(path) as handle:
        handle.write(text)


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_write(path, "wb") as handle:
        handle.write(data)
