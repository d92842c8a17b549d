"""Opening the vault from the command line: the passphrase from standard input, and the
same back-off after wrong passphrases as the lock screen (the count is shared).

Every failure is a `VaultError` with one sentence; the commands print it and exit 1.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from vaaldstod.i18n import N_, _
from vaaldstod.throttle import UnlockThrottle
from vaaldstod.vault import Vault, VaultError, WrongPassphrase


class PassphraseInputError(VaultError):
    """Standard input held something that is not a passphrase in UTF-8."""

    def __init__(self) -> None:
        super().__init__(N_("The passphrase on standard input is not UTF-8 text."))


class TooManyAttempts(VaultError):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            N_("Too many wrong passphrases. Try again in {seconds} s."),
            seconds=max(1, round(seconds)),
        )


def read_passphrase_line(stream) -> str | None:
    """The first line of a binary stream as UTF-8, whatever the console's code page.

    On Windows `sys.stdin` decodes with the console's code page (cp850, cp1252), which turns
    "å" into another passphrase; the bytes are read instead and decoded as UTF-8. One line
    ending (LF or CRLF) and a byte-order mark (PowerShell sends one) are taken off, nothing
    else: spaces belong to the passphrase.
    """
    try:
        text = stream.readline().decode("utf-8")
    except UnicodeDecodeError:
        raise PassphraseInputError() from None
    return text.removeprefix("\ufeff").removesuffix("\n").removesuffix("\r") or None


def read_passphrase(from_stdin: bool) -> str | None:
    """The first line of standard input (UTF-8 whatever the console's code page), or a
    hidden prompt on a terminal; None when there is none."""
    if from_stdin:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream without bytes underneath (tests, embedding)
            return sys.stdin.readline().removesuffix("\n").removesuffix("\r") or None
        return read_passphrase_line(stream)
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(_("Passphrase: ")) or None
    except (EOFError, KeyboardInterrupt):
        return None


def open_vault(path: Path, passphrase: str) -> Vault:
    """Open the vault at `path`, counting a wrong passphrase towards the back-off."""
    throttle = UnlockThrottle.for_vault(path)
    waiting = throttle.remaining()
    if waiting > 0:
        raise TooManyAttempts(waiting)
    try:
        vault = Vault.open(path, passphrase)
    except WrongPassphrase:
        throttle.failed()
        raise
    throttle.succeeded()
    return vault
