"""The encrypted vault (SQLCipher): cases, working notes, search, retention, backup."""

from vaaldstod.vault.errors import (
    StorageFull,
    VaultError,
    VaultLocked,
    VaultTooNew,
    WrongPassphrase,
)
from vaaldstod.vault.records import Case, Note, NoteVersion, SearchHit
from vaaldstod.vault.throttle import UnlockThrottle
from vaaldstod.vault.vault import DEFAULT_RETENTION_DAYS, Vault

__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "Case",
    "Note",
    "NoteVersion",
    "SearchHit",
    "StorageFull",
    "UnlockThrottle",
    "Vault",
    "VaultError",
    "VaultLocked",
    "VaultTooNew",
    "WrongPassphrase",
]
