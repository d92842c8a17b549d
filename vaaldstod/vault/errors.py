"""Typed vault errors; the UI turns each into one translated sentence."""


class VaultError(Exception):
    """The vault could not do what was asked; the data on disk is unchanged."""


class WrongPassphrase(VaultError):
    """The passphrase does not open this vault (or the file is not a vault)."""


class VaultLocked(VaultError):
    """The vault was used after it was closed or locked."""


class VaultTooNew(VaultError):
    """The vault was written by a newer version of the app than this one."""


class StorageFull(VaultError):
    """The disk is full or the file may not grow; nothing was written."""
