"""Where Våldstöd keeps its files: one place, private folders, on a local disk.

The data folder is, in order: the agency's policy value (Windows registry
`HKLM\\SOFTWARE\\Policies\\Vaaldstod\\DataFolder`), `VAALDSTOD_HOME`, or the platform's local
(never roaming) application-data folder: `%LOCALAPPDATA%\\Vaaldstod` on Windows,
`~/Library/Application Support/Vaaldstod` on macOS, `$XDG_DATA_HOME/Vaaldstod` elsewhere.

The platform branches are written out here rather than taken from platformdirs: they are three
lines each, they can be exercised on Linux by setting `sys.platform`, and they cost nothing at
start-up, before the lock screen is drawn.
"""

from __future__ import annotations

import ntpath
import os
import shutil
import sys
from pathlib import Path, PurePath, PureWindowsPath

APP_NAME = "Vaaldstod"
ENV_HOME = "VAALDSTOD_HOME"
POLICY_KEY = r"SOFTWARE\Policies\Vaaldstod"
POLICY_VALUE = "DataFolder"

# File systems whose locking SQLite's write-ahead log cannot rely on.
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph",
     "glusterfs", "lustre", "gpfs", "davfs", "fuse.sshfs", "fuse.davfs2", "fuse.rclone"}
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW
MNT_LOCAL = 0x00001000  # macOS statfs f_flags


def _platform_data_root() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local"
        return Path(local)
    if sys.platform == "darwin":
        return home / "Library" / "Application Support"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")


def _legacy_data_root() -> Path | None:
    """Where versions before 0.2 kept the vault on Windows: the roaming profile."""
    if sys.platform != "win32":
        return None
    return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")


def _policy_folder() -> str | None:
    """The data folder the agency's IT set by group policy or Intune, if any."""
    if sys.platform != "win32":
        return None
    import winreg

    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, POLICY_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, POLICY_VALUE)
        except OSError:
            continue
        if isinstance(value, str) and value.strip():
            return ntpath.expandvars(value.strip())
    return None


def _private_dir(path: Path) -> Path:
    """Create `path` readable by its owner only; other users on a shared PC see nothing."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32":
        path.chmod(0o700)
    return path


def _move_legacy_data(old: Path, new: Path) -> None:
    """Bring a vault from the roaming profile to the local folder, once, losing nothing.

    Everything moves (vault, its log files, backups, settings, packs) only if the new folder
    holds no vault yet; a move that fails half-way leaves each file whole in one place or the
    other, and the next start finishes it.
    """
    if not (old / "vault.db").exists() or (new / "vault.db").exists():
        return
    _private_dir(new)
    # The log files first and the vault last: a vault never arrives without its log.
    entries = sorted(old.iterdir(), key=lambda entry: entry.name == "vault.db")
    for entry in entries:
        target = new / entry.name
        if not target.exists():
            shutil.move(str(entry), str(target))


def home() -> Path:
    """The root of everything the app stores for this user."""
    chosen = _policy_folder() or os.environ.get(ENV_HOME)
    if chosen:
        return _private_dir(Path(chosen))
    root = _platform_data_root() / APP_NAME
    legacy = _legacy_data_root()
    if legacy is not None:
        _move_legacy_data(legacy / APP_NAME, root)
    return _private_dir(root)


def vault_path() -> Path:
    """The handler's encrypted vault."""
    return home() / "vault.db"


def config_dir() -> Path:
    """Settings and office profile: plain files that hold no client data."""
    return _private_dir(home() / "config")


def packs_dir() -> Path:
    """Content packs the office installed (shipped packs stay inside the program)."""
    return _private_dir(home() / "packs")


def shipped_packs_dir() -> Path:
    return Path(__file__).resolve().parent / "guides"


def resources_dir() -> Path:
    """Icons, styles and fonts: beside the package in a source tree, inside it when frozen."""
    bundled = Path(getattr(sys, "_MEIPASS", "")) / "resources"
    if getattr(sys, "frozen", False) and bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent.parent / "resources"


# -- network folders -------------------------------------------------------------------------


def mount_type(path: PurePath, mounts: str) -> str | None:
    """The file-system type of the mount holding `path`, from a /proc/mounts text."""
    best, best_type = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def _windows_on_network(path: PureWindowsPath, drive_type) -> bool:
    if path.drive.startswith("\\\\"):  # \\server\share\…
        return True
    return bool(path.drive) and drive_type(path.drive + "\\") == DRIVE_REMOTE


def _windows_drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)


def _macos_on_network(path: Path) -> bool:
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):  # struct statfs with 64-bit inodes (macOS 10.6 and later)
        _fields_ = [
            ("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024), ("f_flags_ext", ctypes.c_uint32),
            ("f_reserved", ctypes.c_uint32 * 7),
        ]  # fmt: skip

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    info = StatFs()
    if libc.statfs(os.fsencode(path), ctypes.byref(info)) != 0:
        return False
    return not info.f_flags & MNT_LOCAL


def on_network_volume(path: Path) -> bool:
    """Whether `path` lies on a network share, where the vault's log is not safe."""
    path = Path(os.path.abspath(path))
    if sys.platform == "win32":
        return _windows_on_network(PureWindowsPath(path), _windows_drive_type)
    if sys.platform == "darwin":
        return _macos_on_network(path)
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return mount_type(path, mounts) in NETWORK_FILE_SYSTEMS
