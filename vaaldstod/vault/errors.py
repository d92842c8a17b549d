"""Typed vault errors; the UI turns each into one translated sentence.

A message is an English template marked for translation plus its parameters, so the UI
can show it in the handler's language: `_(error.template).format(**error.params)`.
"""

from __future__ import annotations

from vaaldstod.i18n import N_


class VaultError(Exception):
    """The vault could not do what was asked; the data on disk is unchanged."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


class WrongPassphrase(VaultError):
    """The passphrase does not open this vault (or the file is not a vault)."""

    def __init__(self) -> None:
        super().__init__(N_("The passphrase does not open this vault."))


class VaultLocked(VaultError):
    """The vault was used after it was closed or locked."""

    def __init__(self) -> None:
        super().__init__(N_("The vault is locked."))


class VaultTooNew(VaultError):
    """The vault was written by a newer version of the app than this one."""

    def __init__(self) -> None:
        super().__init__(N_("This vault was saved by a newer version of Våldstöd."))


class StorageFull(VaultError):
    """The disk is full or the file may not grow; nothing was written."""

    def __init__(self) -> None:
        super().__init__(N_("The disk is full or the file may not grow; nothing was saved."))


class VaultDamaged(VaultError):
    """The file opened, but part of it cannot be read: damaged, truncated or not a vault."""

    def __init__(self) -> None:
        super().__init__(
            N_("The vault file is damaged or is not a Våldstöd vault. Restore it from a backup.")
        )
