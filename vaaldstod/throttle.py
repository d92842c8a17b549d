"""A growing pause after each wrong passphrase, so guessing at the keyboard is slow.

It does not slow down an attacker who copied the file (SQLCipher's key derivation does
that); it stops someone in the room from trying one passphrase after another.

The count is kept beside the vault (`vault.db.attempts`), so quitting and starting again
gives no fresh attempts, and every way in (the lock screen, the command line) shares it.
Tampering can only make it stricter: a garbled or unreadable file counts as the longest
pause after the next wrong passphrase; a missing one beside an existing vault leaves no
free attempts (every wrong passphrase waits, growing as usual). A fresh install without
a vault starts with its free attempts. A time that lies far ahead (a clock
set back) waits at most the longest pause.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from vaaldstod import atomic

FREE_ATTEMPTS = 2
MAX_DELAY_S = 60.0
# Failures at which the next wrong passphrase already waits the longest pause.
STRICT_FAILURES = FREE_ATTEMPTS + 6


def attempts_path(vault_path: Path) -> Path:
    return Path(f"{vault_path}.attempts")


class UnlockThrottle:
    """`store`: the attempts file to keep the count in; None keeps it in memory only.

    `clock` gives seconds; with a store it must be wall-clock time (it outlives the process).
    """

    def __init__(
        self,
        clock: Callable[[], float] | None = None,
        store: Path | None = None,
        vault_path: Path | None = None,
    ) -> None:
        self._clock = clock or (time.time if store else time.monotonic)
        self._store = store
        self._vault_path = vault_path
        self.failures = 0
        self._blocked_until = 0.0
        self._load()

    @classmethod
    def for_vault(cls, vault_path: Path, clock: Callable[[], float] = time.time) -> UnlockThrottle:
        vault_path = Path(vault_path)
        return cls(clock, attempts_path(vault_path), vault_path)

    def delay_after(self, failures: int) -> float:
        """Seconds to wait after `failures` wrong attempts in a row: 0, 0, 2, 4, 8 … 60."""
        if failures <= FREE_ATTEMPTS:
            return 0.0
        return min(MAX_DELAY_S, 2.0 ** (failures - FREE_ATTEMPTS))

    def _load(self) -> None:
        """Read the stored count; keep whichever of it and the one in memory is stricter."""
        if self._store is None:
            return
        try:
            raw = json.loads(self._store.read_text(encoding="utf-8"))
            failures, until = raw["failures"], raw["blocked_until"]
            if type(failures) is not int or type(until) not in (int, float) or failures < 0:
                raise ValueError
        except FileNotFoundError:
            if self._vault_path is not None and not self._vault_path.exists():
                return  # a fresh install: nothing to guess yet
            # Deleted (or a vault from a version without the file): no free attempts left.
            failures, until = FREE_ATTEMPTS, 0.0
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            failures, until = STRICT_FAILURES, 0.0
        self.failures = max(self.failures, failures)
        # Never further ahead than the longest pause, or a clock set back would lock for good.
        latest = self._clock() + MAX_DELAY_S
        self._blocked_until = max(self._blocked_until, min(float(until), latest))
        if until > latest:
            self._save()

    def _save(self) -> None:
        if self._store is None:
            return
        record = {"failures": self.failures, "blocked_until": self._blocked_until}
        with contextlib.suppress(OSError):  # a read-only folder: the count stays in memory
            atomic.write_text(self._store, json.dumps(record) + "\n")

    def remaining(self) -> float:
        self._load()
        return max(0.0, self._blocked_until - self._clock())

    def failed(self) -> float:
        self._load()
        self.failures += 1
        delay = self.delay_after(self.failures)
        self._blocked_until = self._clock() + delay
        self._save()
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self._blocked_until = 0.0
        self._save()
