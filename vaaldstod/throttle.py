"""A growing pause after each wrong passphrase, so guessing at the keyboard is slow.

It does not slow down an attacker who copied the file (SQLCipher's key derivation does
that); it stops someone in the room from trying one passphrase after another.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FREE_ATTEMPTS = 2
MAX_DELAY_S = 60.0


class UnlockThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.failures = 0
        self._blocked_until = 0.0

    def delay_after(self, failures: int) -> float:
        """Seconds to wait after `failures` wrong attempts in a row: 0, 0, 2, 4, 8 … 60."""
        if failures <= FREE_ATTEMPTS:
            return 0.0
        return min(MAX_DELAY_S, 2.0 ** (failures - FREE_ATTEMPTS))

    def remaining(self) -> float:
        return max(0.0, self._blocked_until - self._clock())

    def failed(self) -> float:
        self.failures += 1
        delay = self.delay_after(self.failures)
        self._blocked_until = self._clock() + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self._blocked_until = 0.0
