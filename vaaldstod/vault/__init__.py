"""The encrypted vault (SQLCipher): cases, working notes, search, retention, backup."""

from vaaldstod.throttle import UnlockThrottle
from vaaldstod.vault.errors import (
    StorageFull,
    VaultDamaged,
    VaultError,
    VaultLocked,
    VaultTooNew,
    WrongPassphrase,
)
from vaaldstod.vault.records import (
    CONSENTS,
    Case,
    ContactRecord,
    ExerciseSession,
    Note,
    NoteVersion,
    Referral,
    SearchHit,
    Walkthrough,
)
from vaaldstod.vault.vault import DEFAULT_RETENTION_DAYS, Vault

__all__ = [
    "CONSENTS",
    "DEFAULT_RETENTION_DAYS",
    "Referral",
    "Walkthrough",
    "Case",
    "ContactRecord",
    "ExerciseSession",
    "Note",
    "NoteVersion",
    "SearchHit",
    "StorageFull",
    "UnlockThrottle",
    "Vault",
    "VaultDamaged",
    "VaultError",
    "VaultLocked",
    "VaultTooNew",
    "WrongPassphrase",
]
