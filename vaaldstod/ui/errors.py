"""The one place where core errors become a translated sentence for the handler."""

from __future__ import annotations

from pathlib import Path

from vaaldstod.i18n import _
from vaaldstod.vault import (
    StorageFull,
    VaultDamaged,
    VaultError,
    VaultLocked,
    VaultTooNew,
    WrongPassphrase,
)


def error_text(error: Exception) -> str:
    """A calm sentence for the handler; never a traceback."""
    if isinstance(error, WrongPassphrase):
        return _("That passphrase does not open the vault. Check Caps Lock and try again.")
    if isinstance(error, StorageFull):
        return _("The disk is full, so nothing was saved. Free some space and try again.")
    if isinstance(error, VaultTooNew):
        return _("This vault was saved by a newer version of Våldstöd. Update the app to open it.")
    if isinstance(error, VaultDamaged):
        return _(
            "The vault file is damaged and cannot be read in full. Nothing was changed. "
            "Restore your latest backup with “Restore from backup…” on the lock screen, or ask "
            "your IT support for help."
        )
    if isinstance(error, VaultLocked):
        return _("The vault is locked. Unlock it and try again.")
    if isinstance(error, VaultError):
        return _(error.template).format(**error.params)
    from vaaldstod.directory import DirectoryError
    from vaaldstod.packs import PackError
    from vaaldstod.sheets import SheetError
    from vaaldstod.templates import TemplateError

    if isinstance(error, (PackError, TemplateError, DirectoryError, SheetError)):
        return str(error)  # already a translated sentence, naming file and line where known
    if isinstance(error, OSError):
        return _("The file could not be read or written: {reason}").format(
            reason=error.strerror or str(error)
        )
    return _("Something went wrong and nothing was changed.")


def restored_text(kept: Path | None, locked: bool) -> str:
    """What a restore replaced, and how to undo it: the old vault is a file like a backup."""
    if kept is None:
        return _("The backup was restored.")
    text = _(
        "The backup was restored. The vault it replaced is kept as {name} in {folder}; to "
        "undo, restore that file the same way, with its own passphrase."
    ).format(name=kept.name, folder=kept.parent)
    if locked:
        text += " " + _("Unlock with the backup's passphrase.")
    return text
