"""Where Våldstöd keeps its files: one place, private folders, `VAALDSTOD_HOME` honoured.

Qt's AppDataLocation is mirrored here without importing Qt so that the core and the
command line work without a display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Vaaldstod"
ENV_HOME = "VAALDSTOD_HOME"


def _platform_data_root() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _private_dir(path: Path) -> Path:
    """Create `path` readable by its owner only; other users on a shared PC see nothing."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32":
        path.chmod(0o700)
    return path


def home() -> Path:
    """The root of everything the app stores for this user."""
    override = os.environ.get(ENV_HOME)
    root = Path(override) if override else _platform_data_root() / APP_NAME
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
