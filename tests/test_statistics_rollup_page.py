"""The statistics page's roll-up menu: a handler sends, a team leader keeps a key and merges."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import PASSPHRASE
from tests.statistics_data import (
    assert_no_small_count_leaks,
    assert_shown_are_exact,
    known_records,
    parse_csv,
)
from vaaldstod import i18n
from vaaldstod.settings import Settings
from vaaldstod.ui.statistics_page import StatisticsPage
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui
TODAY = date(2026, 4, 15)
WEEKS = ["2026-W02", "2026-W05", "2026-W09", "2026-W12"]


@pytest.fixture
def pages(qtbot, tmp_path):
    i18n.set_language("en")
    current = Settings(language="en", theme="light", statistics_retention_days=3650)
    vaults, made = [], []
    records = known_records()
    for index, part in enumerate([records[:14], records[14:27], records[27:], []]):
        vault = Vault.create(tmp_path / f"v{index}.db", PASSPHRASE)
        for number, record in enumerate(part):
            vault.add_contact(WEEKS[number % 4], record)
        page = StatisticsPage(current, today=lambda: TODAY)
        qtbot.addWidget(page)
        page.attach(vault)
        vaults.append(vault)
        made.append(page)
    yield made
    for page, vault in zip(made, vaults, strict=True):
        page.detach()
        vault.close()
    i18n.set_language("sv")


def test_three_handlers_and_a_team_leader_on_the_page(pages, tmp_path):
    *handlers, leader = pages
    shown = []
    leader._tell = lambda _caption, text: shown.append(text)
    key = leader.show_key()
    assert key and key in shown[0]
    assert leader.show_key() == key  # made once, kept in the team leader's vault
    files = []
    for index, page in enumerate(handlers):
        page.choose("2026-Q1")
        assert page.contribute_action.isEnabled()
        page._ask_text = lambda *_args: key
        page._ask_path = lambda *_args, i=index: tmp_path / f"h{i}.vsc"
        assert page.contribute() == tmp_path / f"h{index}.vsc"
        files.append(tmp_path / f"h{index}.vsc")
    statuses = []
    leader.status.connect(statuses.append)
    leader.choose("this_quarter")  # a running period: no office report of it
    leader._ask_files = lambda *_args: files
    leader._ask_path = lambda *_args: tmp_path / "office.csv"
    assert leader.merge() is None and "not over yet" in statuses[-1]
    leader.choose("2026-Q1")  # offered though the leader logged no contacts of their own
    assert leader.merge() == tmp_path / "office.csv"
    assert "3 handlers" in statuses[-1]
    exported = parse_csv((tmp_path / "office.csv").read_text(encoding="utf-8"))
    assert_no_small_count_leaks(exported)
    assert_shown_are_exact(exported, minimum=10)


def test_a_wrong_key_is_one_sentence(pages, tmp_path):
    page = pages[0]
    page.choose("2026-Q1")
    statuses = []
    page.status.connect(statuses.append)
    page._ask_text = lambda *_args: "not a key"
    page._ask_path = lambda *_args: tmp_path / "x.vsc"
    assert page.contribute() is None
    assert "public key" in statuses[-1] and not (tmp_path / "x.vsc").exists()
