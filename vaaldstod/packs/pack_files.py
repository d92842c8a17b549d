"""Read a pack's TOML files into memory from a folder or a .zip file, within size limits.

Everything is read before anything is validated or written, so what gets installed is
exactly what was checked. Zip entries that would land outside the pack are refused.
"""

from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from vaaldstod.i18n import _
from vaaldstod.packs.errors import PackError

MANIFEST = "pack.toml"
# The signature (packs/signing.py) is read with the TOML files but is not content: its name
# keeps it out of every `*.toml` the authors and the tests look at.
SIGNATURE = "pack.sig"
MAX_FILES = 100
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_TOTAL_BYTES = 16 * 1024 * 1024
MAX_ARCHIVE_BYTES = 16 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 1000

_DRIVE = re.compile(r"^[A-Za-z]:")
# Pack files are written back under these names when installing, on every platform.
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.toml$")
# Names Windows keeps for devices, whatever follows the first dot: `nul.toml` cannot be written
# there, and `con.toml` would be read from the console.
_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)


@dataclass(frozen=True)
class PackFiles:
    """A pack's TOML files by name, and how to name where they came from in messages."""

    root: str
    files: dict[str, bytes]

    def display(self, name: str) -> str:
        return f"{self.root}/{name}"


def read_pack_files(path: Path) -> PackFiles:
    """Read a pack folder, a .zip file or a folder's pack.toml; raise PackError if unreadable."""
    path = Path(path)
    try:
        if path.is_dir():
            return _read_folder(path)
        if path.is_file() and path.name == MANIFEST:
            return _read_folder(path.parent)
        if path.is_file() and zipfile.is_zipfile(path):
            return _read_zip(path)
        if path.exists():
            raise _refusal(path, _("is neither a pack folder nor a .zip file"))
    except OSError as error:
        raise _refusal(
            path, _("could not be read ({reason})").format(reason=error.strerror)
        ) from None
    raise _refusal(path, _("does not exist"))


def _refusal(path: Path | str, message: str) -> PackError:
    return PackError.about(str(path), message)


def _read_folder(folder: Path) -> PackFiles:
    files: dict[str, bytes] = {}
    signature = [folder / SIGNATURE] if (folder / SIGNATURE).is_file() else []
    for entry in sorted(folder.glob("*.toml")) + signature:
        if not entry.is_file():
            continue
        _check_name(folder, entry.name)
        if entry.stat().st_size > MAX_FILE_BYTES:
            raise _too_big(entry)
        files[entry.name] = entry.read_bytes()
        _check_totals(folder, files)
        _check_case(folder, files)
    return PackFiles(str(folder), files)


def _too_big(where: Path | str) -> PackError:
    return _refusal(
        where,
        _("is larger than a pack file may be ({limit} MB)").format(
            limit=MAX_FILE_BYTES // (1024 * 1024)
        ),
    )


def _check_totals(where: Path, files: dict[str, bytes]) -> None:
    if len(files) > MAX_FILES:
        raise _refusal(where, _("holds more than {limit} TOML files").format(limit=MAX_FILES))
    if sum(len(data) for data in files.values()) > MAX_TOTAL_BYTES:
        raise _refusal(
            where,
            _("is larger than a pack may be ({limit} MB)").format(
                limit=MAX_TOTAL_BYTES // (1024 * 1024)
            ),
        )


def _read_zip(archive: Path) -> PackFiles:
    if archive.stat().st_size > MAX_ARCHIVE_BYTES:
        raise _too_big(archive)
    try:
        with zipfile.ZipFile(archive) as zipped:
            entries = zipped.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                raise _refusal(archive, _("holds too many files to be a pack"))
            for entry in entries:
                _check_entry(archive, entry)
            prefix = _pack_root(
                archive, [entry.filename for entry in entries if not entry.is_dir()]
            )
            files: dict[str, bytes] = {}
            for entry in entries:
                name = entry.filename.removeprefix(prefix)
                if entry.is_dir() or not entry.filename.startswith(prefix):
                    continue
                if "/" in name or not (name.endswith(".toml") or name == SIGNATURE):
                    continue
                _check_name(archive, name)
                if name in files:
                    raise _refusal(
                        archive, _("holds '{name}' twice; refused").format(name=entry.filename)
                    )
                # The sizes in the archive's directory may lie; count what actually comes out.
                with zipped.open(entry) as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)
                if len(data) > MAX_FILE_BYTES:
                    raise _too_big(f"{archive}/{entry.filename}")
                files[name] = data
                _check_totals(archive, files)
                _check_case(archive, files)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise _refusal(
            archive, _("is a damaged or unsupported .zip file ({reason})").format(reason=error)
        ) from None
    return PackFiles(str(archive), files)


def _check_name(where: Path, name: str) -> None:
    if name != SIGNATURE and not _FILE_NAME.match(name):
        raise _refusal(
            where,
            _(
                "holds '{name}': a pack's file names may use only letters a-z, digits, '.', '_' "
                "and '-'"
            ).format(name=name),
        )
    if name.split(".", 1)[0].casefold() in _DEVICE_NAMES:
        raise _refusal(
            where,
            _("holds '{name}': Windows keeps this name for a device; rename the file").format(
                name=name
            ),
        )


def _check_case(where: Path, files: dict[str, bytes]) -> None:
    """Refuse two names that differ only in case: one file would overwrite the other on Windows
    and macOS, so what was checked would not be what is read."""
    seen: dict[str, str] = {}
    for name in files:
        other = seen.setdefault(name.casefold(), name)
        if other != name:
            raise _refusal(
                where,
                _(
                    "holds both '{one}' and '{other}': file names may not differ only in case"
                ).format(one=other, other=name),
            )


def _check_entry(archive: Path, entry: zipfile.ZipInfo) -> None:
    """Refuse entries that could escape the pack folder or are not plain files."""
    name = entry.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or _DRIVE.match(name) or ".." in parts:
        raise _refusal(
            archive,
            _("contains '{name}', a path outside the pack; refused").format(name=entry.filename),
        )
    if stat.S_ISLNK(entry.external_attr >> 16):
        raise _refusal(archive, _("contains '{name}', a link; refused").format(name=entry.filename))
    if entry.flag_bits & 0x1:
        raise _refusal(
            archive, _("contains '{name}', which is encrypted").format(name=entry.filename)
        )


def _pack_root(archive: Path, names: list[str]) -> str:
    """The folder inside the archive that holds pack.toml: the top, or one folder down."""
    if MANIFEST in names:
        return ""
    roots = [name.removesuffix(MANIFEST) for name in names if name.endswith("/" + MANIFEST)]
    roots = [root for root in roots if root.count("/") == 1]
    if len(roots) == 1:
        return roots[0]
    raise _refusal(archive, _("has no pack.toml at its top or in a single folder inside it"))
