import json
import sys

import pytest

from vaaldstod import paths, settings


def test_defaults_when_missing_or_damaged(home):
    assert settings.load() == settings.Settings()
    settings.settings_path().write_text("{not json")
    assert settings.load() == settings.Settings()
    settings.settings_path().write_text("[1, 2]")
    assert settings.load() == settings.Settings()


def test_round_trip_and_bad_values_fall_back(home):
    settings.save(settings.Settings(language="en", idle_lock_minutes=10, agency="migrationsverket"))
    loaded = settings.load()
    assert (loaded.language, loaded.idle_lock_minutes, loaded.agency) == (
        "en",
        10,
        "migrationsverket",
    )
    settings.settings_path().write_text(
        json.dumps({"idle_lock_minutes": 0, "language": "xx", "retention_days": "90", "other": 1})
    )
    loaded = settings.load()
    assert loaded.idle_lock_minutes == 5 and loaded.language == "sv" and loaded.retention_days == 90


def test_data_folders_are_private_and_follow_vaaldstod_home(home):
    assert paths.home() == home
    assert paths.vault_path().parent == home
    if sys.platform == "win32":
        pytest.skip("NTFS has no mode bits; the profile's access list keeps other users out")
    for folder in (paths.home(), paths.config_dir(), paths.packs_dir()):
        assert folder.stat().st_mode & 0o077 == 0
