"""Shared fixtures: every test gets its own data directory; nothing touches the real one."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "korrekt häst batteri häftklammer"


class FakeClock:
    """A clock the test moves by hand, for retention rules."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, days: float) -> None:
        self.now += timedelta(days=days)


@pytest.fixture(autouse=True)
def english():
    """Tests read English unless they choose Swedish; no test inherits another's language."""
    from vaaldstod import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def english_settings(home):
    """The saved language is English too, for the command line (it reads the settings)."""
    from vaaldstod import settings

    settings.save(settings.Settings(language="en"))


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private VAALDSTOD_HOME for each test, so tests never see each other's files."""
    path = tmp_path / "home"
    monkeypatch.setenv("VAALDSTOD_HOME", str(path))
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vault(tmp_path, clock):
    from vaaldstod.vault import Vault

    opened = Vault.create(tmp_path / "vault.db", PASSPHRASE, clock=clock)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def test_publisher_key(monkeypatch):
    """The fixture packs are signed by a throwaway test key (tests/fixtures/keys), trusted here
    only; no test inherits another's office trust (an unlocked vault's keys)."""
    from pathlib import Path

    from vaaldstod.packs import trust

    monkeypatch.setattr(trust, "EXTRA_KEY_DIRS", (Path(__file__).parent / "fixtures" / "keys",))
    with trust.use_office_trust(None):
        yield


@pytest.fixture
def restore_app(qapp):
    """Put the application's language, font, palette and style sheet back as they were."""
    from PySide6.QtGui import QPalette

    from vaaldstod import i18n

    before = (i18n._current, i18n._translations)
    font, palette, sheet = qapp.font(), QPalette(qapp.palette()), qapp.styleSheet()
    yield qapp
    i18n._current, i18n._translations = before
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
