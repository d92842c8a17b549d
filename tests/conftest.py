"""Shared fixtures: every test gets its own data directory; nothing touches the real one."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "korrekt häst batteri häftklammer"


def pytest_collection_modifyitems(items):
    """Under mutation testing (`make mutation`), the quickest tests run first: pytest stops at
    the first failure, so a caught mutant costs the time of the tests before the one that
    catches it. mutmut hands over its tests in no order, and its clean run timed each one."""
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return
    try:
        seconds = json.loads(Path("mutmut-stats.json").read_text())["duration_by_test"]
    except (OSError, ValueError, KeyError):
        return
    items.sort(key=lambda item: seconds.get(item.nodeid, 0.0))


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
