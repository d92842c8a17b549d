"""The packs the app offers: shipped ones plus those the office installed, newest version winning.

Installed packs live in `paths.packs_dir()`, one folder per version named `<id>@<version>`.
An install writes the validated files into a temporary folder beside them and renames it into
place, so the registry sees the old version or the new one, never half of either.

Every load checks each pack's signature (packs/trust.py): a pack no trusted key signed, and
the office did not accept, is not used. A folder whose name does not match its manifest, two
folders with one id, or a newer version less trusted than the one in use are refused too, so
a copied folder can neither shadow a pack nor slip in beside it.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from vaaldstod import atomic, paths
from vaaldstod.i18n import _
from vaaldstod.packs import signing, trust
from vaaldstod.packs.errors import PackError, PackNotFound, PackNotRemovable, PackUntrusted
from vaaldstod.packs.loader import parse_pack
from vaaldstod.packs.model import Origin, Pack
from vaaldstod.packs.pack_files import MANIFEST, PackFiles, read_pack_files

_STAGING = ".staging-"
_TRASH = ".trash-"


class Registry:
    """Shipped and installed packs; loads lazily and reloads after an install or removal."""

    def __init__(self, shipped_dir: Path | None = None, installed_dir: Path | None = None) -> None:
        self.shipped_dir = shipped_dir or paths.shipped_packs_dir()
        self.installed_dir = installed_dir or paths.packs_dir()
        self._packs: dict[str, Pack] | None = None
        self._broken: list[PackError] = []
        self._generation = trust.generation()

    def packs(self, kind: str | None = None) -> list[Pack]:
        """The newest version of every valid pack, by id; only those of `kind` if given."""
        return [pack for _id, pack in sorted(self._loaded().items()) if kind in (None, pack.kind)]

    def get(self, pack_id: str) -> Pack:
        """The newest version of the pack `pack_id`; PackNotFound if there is none."""
        try:
            return self._loaded()[pack_id]
        except KeyError:
            raise _not_found(pack_id) from None

    @property
    def broken(self) -> list[PackError]:
        """Why each pack that could not be loaded was left out (shown to the office)."""
        self._loaded()
        return list(self._broken)

    def refresh(self) -> None:
        """Forget what was loaded; the next question reads the folders again."""
        self._packs = None

    def check(self, source: Path) -> Pack:
        """The pack at `source`, validated, with its trust as things stand now (no install)."""
        pack_files = read_pack_files(source)
        return _with_trust(parse_pack(pack_files), pack_files)

    def install(
        self, source: Path, *, accept_unsigned: bool = False, expected_digest: str = ""
    ) -> Pack:
        """Validate the pack at `source` (folder or .zip), then install it if it is newer.

        A pack no trusted key signed is refused (PackUntrusted), unless `accept_unsigned` and
        the vault is unlocked: then the office's acceptance of exactly these files is kept in
        the vault, and the pack shows as unsigned wherever it is used. With `expected_digest`
        (from `check`), a pack whose files changed since the office looked is refused.
        """
        pack_files = read_pack_files(source)
        candidate = _with_trust(parse_pack(pack_files), pack_files)
        if expected_digest and candidate.trust and candidate.trust.digest != expected_digest:
            raise PackUntrusted.about(
                pack_files.root, _("refused: its files changed since they were checked")
            )
        office = self._refuse_untrusted(candidate, pack_files, accept_unsigned)
        if office is not None:
            assert candidate.trust is not None
            candidate = replace(candidate, trust=replace(candidate.trust, level="accepted"))
        self._refuse_if_not_newer(candidate, pack_files.root)
        if office is not None:
            office.accept(
                candidate.id, candidate.manifest.version, signing.digest(pack_files.files)
            )
        self.installed_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._sweep()
        staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=self.installed_dir))
        try:
            for name, data in pack_files.files.items():
                (staging / name).write_bytes(data)
            target = self.installed_dir / f"{candidate.id}@{candidate.manifest.version}"
            if target.exists():  # left by a broken earlier install of this very version
                self._discard(target)
            atomic.replace(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        for folder in self._installed_folders(candidate.id):
            if folder != target:
                self._discard(folder)
        self.refresh()
        return self.get(candidate.id)

    def _refuse_untrusted(
        self, candidate: Pack, pack_files: PackFiles, accept: bool
    ) -> trust.OfficeTrust | None:
        """Raise PackUntrusted unless the pack may be installed; the office that accepts it
        (an unsigned pack, unlocked, `accept` given), or None for a trusted pack."""
        level = candidate.trust.level if candidate.trust else "untrusted"
        if level != "untrusted":
            return None
        reason = candidate.trust.reason if candidate.trust else ""
        if candidate.id.startswith(signing.RESERVED_PREFIX):
            message = _(
                "refused: pack ids that begin with '{prefix}' belong to the Våldstöd publisher, "
                "and this pack is not validly signed by it ({reason})"
            )
            raise PackUntrusted.about(
                pack_files.root, message.format(prefix=signing.RESERVED_PREFIX, reason=reason)
            )
        office = trust.office_trust()
        if office is None:
            message = _(
                "refused: this pack is not signed by a publisher Våldstöd trusts ({reason}). "
                "An office can still install it in the app, with the vault unlocked, after a "
                "warning."
            )
            raise PackUntrusted.about(pack_files.root, message.format(reason=reason))
        if not accept:
            message = _(
                "is not signed by a publisher Våldstöd trusts ({reason}); install it only if "
                "you know where it comes from"
            )
            raise PackUntrusted.about(pack_files.root, message.format(reason=reason))
        return office

    def remove(self, pack_id: str) -> None:
        """Remove every installed version of `pack_id`; a shipped version stays."""
        folders = self._installed_folders(pack_id)
        if not folders:
            if pack_id in self._loaded():  # known, yet not installed: it ships with the app
                message = _(
                    "ships with Våldstöd and cannot be removed; a newer version can be "
                    "installed over it"
                )
                raise PackNotRemovable.about(pack_id, message)
            raise _not_found(pack_id)
        for folder in folders:
            self._discard(folder)
        self.refresh()

    def _loaded(self) -> dict[str, Pack]:
        if self._generation != trust.generation():  # unlocked or locked since: trust changed
            self._packs = None
            self._generation = trust.generation()
        if self._packs is None:
            packs: dict[str, Pack] = {}
            self._broken = []
            self._load_from(self.shipped_dir, "shipped", packs)
            self._load_from(self.installed_dir, "installed", packs)
            self._packs = packs
        return self._packs

    def _load_from(self, root: Path, origin: Origin, packs: dict[str, Pack]) -> None:
        found: dict[str, list[Pack]] = {}
        for name in _subfolders(root):
            try:
                pack_files = read_pack_files(root / name)
                pack = parse_pack(pack_files, origin, root / name)
            except PackError as error:
                self._broken.append(error)
                continue
            pack = _with_trust(pack, pack_files)
            where = str(root / name)
            if origin == "installed" and name != f"{pack.id}@{pack.manifest.version}":
                message = _(
                    "not used: its folder name does not match its id and version, so it was not "
                    "installed by Våldstöd"
                )
                self._broken.append(PackUntrusted.about(where, message))
                continue
            if pack.trust is None or not pack.trust.usable:
                reason = pack.trust.reason if pack.trust else ""
                message = _("not used: {reason}").format(reason=reason)
                self._broken.append(PackUntrusted.about(where, message))
                continue
            found.setdefault(pack.id, []).append(pack)
        for pack_id, versions in found.items():
            if origin == "shipped" and len(versions) > 1:
                # Never "the first in sorted order wins": two shipped folders with one id are
                # a mistake or a plant, and neither is used.
                folders = ", ".join(str(p.folder) for p in versions)
                message = _("not used: {folders} all claim this id").format(folders=folders)
                self._broken.append(PackUntrusted.about(pack_id, message))
                continue
            for pack in versions:
                self._offer(pack, packs)

    def _offer(self, pack: Pack, packs: dict[str, Pack]) -> None:
        """Use `pack` if it is newer than the one in use and trusted at least as much."""
        current = packs.get(pack.id)
        if current is None:
            packs[pack.id] = pack
            return
        if pack.manifest.version_key <= current.manifest.version_key:
            return  # an older version, or on a tie the shipped copy (loaded first) stays
        if _rank(pack) < _rank(current):
            message = _("not used: version {version} is trusted less than {current} in use")
            self._broken.append(
                PackUntrusted.about(
                    str(pack.folder),
                    message.format(version=pack.manifest.version, current=current.manifest.version),
                )
            )
            return
        packs[pack.id] = pack

    def _refuse_if_not_newer(self, candidate: Pack, source: str) -> None:
        current = self._loaded().get(candidate.id)
        if current is not None and _rank(candidate) < _rank(current):
            message = _(
                "refused: version {current} of this pack in use is {trust}; a less trusted "
                "pack cannot replace it"
            )
            raise PackUntrusted.about(
                source,
                message.format(
                    current=current.manifest.version,
                    trust=current.trust.describe() if current.trust else "",
                ),
            )
        if current is None or candidate.manifest.version_key > current.manifest.version_key:
            return
        if current.origin == "shipped":
            message = _(
                "Våldstöd already ships version {current} of this pack; only a newer version can "
                "be installed"
            )
        else:
            message = _(
                "version {current} of this pack is already installed; only a newer version "
                "replaces it"
            )
        raise PackError.about(source, message.format(current=current.manifest.version), "version")

    def _installed_folders(self, pack_id: str) -> list[Path]:
        return [
            self.installed_dir / name
            for name in _subfolders(self.installed_dir)
            if name.split("@", 1)[0] == pack_id
        ]

    def _discard(self, folder: Path) -> None:
        """Take `folder` out of the registry's sight at once, then delete it."""
        trash = Path(tempfile.mkdtemp(prefix=_TRASH, dir=self.installed_dir)) / folder.name
        atomic.replace(folder, trash)
        shutil.rmtree(trash.parent, ignore_errors=True)

    def _sweep(self) -> None:
        """Delete what an interrupted install or removal left behind."""
        with contextlib.suppress(FileNotFoundError):
            for entry in self.installed_dir.iterdir():
                if entry.name.startswith((_STAGING, _TRASH)) and entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)


def _with_trust(pack: Pack, pack_files: PackFiles) -> Pack:
    return replace(pack, trust=trust.evaluate(pack_files.files, pack.id, pack.manifest.version))


def _rank(pack: Pack) -> int:
    return pack.trust.rank if pack.trust else 0


def _subfolders(root: Path) -> list[str]:
    """Names of the pack folders in `root`; hidden ones are work in progress."""
    try:
        entries = sorted(root.iterdir())
    except FileNotFoundError:
        return []
    return [e.name for e in entries if not e.name.startswith(".") and (e / MANIFEST).is_file()]


def _not_found(pack_id: str) -> PackNotFound:
    return PackNotFound.about(pack_id, _("no pack with this id is installed"))
