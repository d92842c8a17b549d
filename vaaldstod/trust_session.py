"""What unlocking and locking the vault mean for content trust (called by the UI and the CLI).

At unlock the office's pack keys and accepted packs (kept in the vault) count, and the office's
entries of earlier versions move from plaintext `config/directory.json` into the vault, once.
At lock only the keys shipped with the app count.
"""

from __future__ import annotations

from typing import Any

from vaaldstod.directory.errors import DirectoryError
from vaaldstod.directory.office_entries import move_into_vault
from vaaldstod.packs import trust


def unlocked(vault: Any) -> DirectoryError | None:
    """Use `vault`'s trust; returns why the old entries file could not be moved in, if so."""
    trust.set_office_trust(trust.VaultTrust(vault))
    try:
        move_into_vault(vault)
    except DirectoryError as error:
        return error
    except OSError:
        return None  # the file stays where it is, unread; the next unlock tries again
    return None


def locked() -> None:
    trust.set_office_trust(None)
