"""The packs the app offers: shipped ones plus those the office installed, newest version winning.

Installed packs live in `paths.packs_dir()`, one folder per version named `<id>@<version>`.
An install writes the validated files into a temporary folder beside them and renames it into
place, so the registry sees the old version or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from vaaldstod import atomic, paths
from vaaldstod.i18n import _
from vaaldstod.packs.errors import PackError, PackNotFound, PackNotRemovable
from vaaldstod.packs.loader import load_pack, parse_pack
from vaaldstod.packs.model import Origin, Pack
from vaaldstod.packs.pack_files import MANIFEST, read_pack_files

_STAGING = ".staging-"
_TRASH = ".trash-"


class Registry:
    """Shipped and installed packs; loads lazily and reloads after an install or removal."""

    def __init__(self, shipped_dir: Path | None = None, installed_dir: Path | None = None) -> None:
        self.shipped_dir = shipped_dir or paths.shipped_packs_dir()
        self.installed_dir = installed_dir or paths.packs_dir()
        self._packs: dict[str, Pack] | None = None
        self._broken: list[PackError] = []

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

    def install(self, source: Path) -> Pack:
        """Validate the pack at `source` (folder or .zip), then install it if it is newer."""
        pack_files = read_pack_files(source)
        candidate = parse_pack(pack_files)
        self._refuse_if_not_newer(candidate, pack_files.root)
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
        if self._packs is None:
            packs: dict[str, Pack] = {}
            self._broken = []
            self._load_from(self.shipped_dir, "shipped", packs)
            self._load_from(self.installed_dir, "installed", packs)
            self._packs = packs
        return self._packs

    def _load_from(self, root: Path, origin: Origin, packs: dict[str, Pack]) -> None:
        for name in _subfolders(root):
            try:
                pack = load_pack(root / name, origin)
            except PackError as error:
                self._broken.append(error)
                continue
            current = packs.get(pack.id)
            # Newest version wins; on a tie the shipped copy (loaded first) stays.
            if current is None or pack.manifest.version_key > current.manifest.version_key:
                packs[pack.id] = pack

    def _refuse_if_not_newer(self, candidate: Pack, source: str) -> None:
        current = self._loaded().get(candidate.id)
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


def _subfolders(root: Path) -> list[str]:
    """Names of the pack folders in `root`; hidden ones are work in progress."""
    try:
        entries = sorted(root.iterdir())
    except FileNotFoundError:
        return []
    return [e.name for e in entries if not e.name.startswith(".") and (e / MANIFEST).is_file()]


def _not_found(pack_id: str) -> PackNotFound:
    return PackNotFound.about(pack_id, _("no pack with this id is installed"))
