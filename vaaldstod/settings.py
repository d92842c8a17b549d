"""Preferences: one typed table of keys with defaults, saved as a plain JSON file.

Settings hold no client data and no secrets; they are safe to leave unencrypted.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from vaaldstod import atomic, paths

AGENCIES = ("kronofogden", "forsakringskassan", "arbetsformedlingen", "migrationsverket")
THEMES = ("system", "light", "dark", "high_contrast")


@dataclass
class Settings:
    language: str = "sv"
    idle_lock_minutes: int = 5
    # While an exercise is presented a group may talk for long without touching a key; the
    # app still locks in the end, should the leader walk away from it.
    presenting_lock_minutes: int = 60
    # Read once per vault only, to carry an earlier version's period into the vault, where
    # retention now lives (`Vault.adopt_retention`); editing it here changes nothing after.
    retention_days: int = 90
    retention_warning_days: int = 14
    # Anonymous contact records may be kept longer than notes, never shorter (statistics).
    statistics_retention_days: int = 90
    agency: str = "kronofogden"
    # False until the handler has chosen the agency: the handbook asks on first use, so a
    # Försäkringskassan handler is not silently shown Kronofogden's routines.
    agency_confirmed: bool = False
    theme: str = "system"
    text_scale: int = 100  # percent of the system font size
    reduce_motion: bool = False
    speech_rate: int = 0  # -10 (slowest) to 10 (fastest); 0 is the voice's own pace
    # Windows and macOS keep the main window and the lock screen out of screen capture unless
    # an assistive tool (magnifier, remote support) needs to see them.
    allow_screen_capture: bool = False
    # A neutral name for the title bar and header instead of "Våldstöd" (e.g. the office's
    # name); the lock screen is neutral even when this is empty.
    neutral_title: str = ""

    def validated(self) -> Settings:
        """Values out of range fall back to their defaults instead of breaking the app."""
        default = Settings()
        if self.language not in ("sv", "en"):
            self.language = default.language
        if not 1 <= self.idle_lock_minutes <= 60:
            self.idle_lock_minutes = default.idle_lock_minutes
        if not 10 <= self.presenting_lock_minutes <= 240:
            self.presenting_lock_minutes = default.presenting_lock_minutes
        if not 7 <= self.retention_days <= 3650:
            self.retention_days = default.retention_days
        if not 7 <= self.statistics_retention_days <= 3650:
            self.statistics_retention_days = default.statistics_retention_days
        if not 1 <= self.retention_warning_days <= 60:
            self.retention_warning_days = default.retention_warning_days
        if self.agency not in AGENCIES:
            self.agency = default.agency
        if self.theme not in THEMES:
            self.theme = default.theme
        if not 75 <= self.text_scale <= 200:
            self.text_scale = default.text_scale
        self.neutral_title = " ".join(self.neutral_title.split())[:60]
        if not -10 <= self.speech_rate <= 10:
            self.speech_rate = default.speech_rate
        return self


def settings_path() -> Path:
    return paths.config_dir() / "settings.json"


def load(path: Path | None = None) -> Settings:
    """Read the settings; a missing or damaged file gives the defaults."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    types = {"int": int, "str": str, "bool": bool}
    known = {f.name: types[f.type] for f in fields(Settings)}
    values = {key: value for key, value in raw.items() if type(value) is known.get(key)}
    return Settings(**values).validated()


def save(settings: Settings, path: Path | None = None) -> None:
    atomic.write_text(path or settings_path(), json.dumps(asdict(settings), indent=2) + "\n")
