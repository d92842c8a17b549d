"""The statistics page shows the known data set's figures; exports hide the small counts."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QComboBox, QTextBrowser

from tests import needs
from tests.conftest import PASSPHRASE
from tests.statistics_data import (
    assert_no_small_count_leaks,
    assert_shown_are_exact,
    known_records,
    parse_csv,
)
from vaaldstod import i18n
from vaaldstod.settings import Settings
from vaaldstod.statistics.period import Period
from vaaldstod.ui import theme
from vaaldstod.ui.charts import BarChart
from vaaldstod.ui.statistics_page import StatisticsPage
from vaaldstod.vault import Vault

pytestmark = pytest.mark.gui


def accessible_name(widget) -> str:
    """The name a screen reader announces (a button's text counts, as in Qt)."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


WEEKS = ["2026-W02", "2026-W05", "2026-W09", "2026-W12"]  # first quarter of 2026


@pytest.fixture
def vault(tmp_path):
    opened = Vault.create(tmp_path / "v.db", PASSPHRASE)
    for index, record in enumerate(known_records()):
        opened.add_contact(WEEKS[index % 4], record)
    opened.add_contact("2026-W20", known_records()[0])  # second quarter: not counted
    yield opened
    opened.close()


@pytest.fixture
def page(qtbot, vault):
    i18n.set_language("en")
    current = Settings(language="en", theme="light", statistics_retention_days=3650)
    made = StatisticsPage(current, today=lambda: date(2026, 4, 15))
    qtbot.addWidget(made)
    made.attach(vault)
    made.choose("2026-Q1")
    made.resize(1100, 720)
    made.show()
    yield made
    made.detach()
    i18n.set_language("sv")


def test_page_shows_the_exact_figures_of_the_period(page):
    assert page.period() == Period(2026, 1)
    values = [label.text() for label in page.figure_values]
    assert values == ["40", "75%", "56%", "23%"]
    captions = [label.text() for label in page.figure_captions]
    assert captions[1] == "Asked routinely (100 % = all contacts, n = 40)"
    assert captions[2] == "Told about violence (100 % = those asked, n = 36)"
    asked, by_gender, forms, referrals = (chart.chart for chart in page.charts)
    assert [bar.share.value for bar in asked.bars] == [75, 15, 10]
    assert asked.base == "100 % = All contacts (n = 40)"
    assert {bar.label: bar.share.value for bar in by_gender.bars} == {"Woman": 65, "Man": 30}
    assert by_gender.base == "100 % = those asked in each group"
    # "Economic 75 %" is 15 of the 20 who told, and the chart says so.
    assert {bar.label: bar.share.value for bar in forms.bars} == {
        "Physical": 25,
        "Psychological": 50,
        "Economic": 75,
    }
    assert forms.base == "100 % = Told about violence (n = 20)"
    assert {bar.label: bar.share.value for bar in referrals.bars}["Police"] == 15  # 6 of 40
    assert "Woman: 65% (17 of 26)" in page.charts[1].accessibleDescription()
    assert page.period_line.text().startswith("2026-Q1: January 1, 2026 – March 31, 2026")
    tables = page.tables.toPlainText()
    assert "Not safe to ask\n3\n" in tables  # exact on screen, for the handler who logged it


def test_only_calendar_periods_are_offered_and_only_closed_ones_export(page):
    codes = [page.preset.itemData(i) for i in range(page.preset.count())]
    assert codes == ["this_quarter", "this_year", "2026-Q1"]  # records from 2026-W02 on
    page.choose("this_quarter")
    assert page.period() == Period(2026, 2) and page.figure_values[0].text() == "1"
    assert not page.export_csv.isEnabled() and not page.export_pdf.isEnabled()
    assert "screen only" in page.period_line.text()
    page.choose("2026-Q1")
    assert page.export_csv.isEnabled()


def test_csv_export_from_the_page_hides_small_counts(page, tmp_path):
    page._ask_path = lambda *_args: tmp_path / "q1.csv"
    assert page._export_csv() == tmp_path / "q1.csv"
    exported = parse_csv((tmp_path / "q1.csv").read_text(encoding="utf-8"))
    assert_no_small_count_leaks(exported)
    assert_shown_are_exact(exported)
    assert exported[("reasons", "unsafe", "count")] == ".."


def test_pdf_export_has_office_period_charts_and_no_small_count(page, tmp_path):
    page.set_office("Kronofogden Växjö")
    page._ask_path = lambda *_args: tmp_path / "q1.pdf"
    assert page._export_pdf() == tmp_path / "q1.pdf"
    data = (tmp_path / "q1.pdf").read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Subtype /Image") >= 4  # the charts
    text = subprocess.run(
        [needs.tool("pdftotext"), "-layout", str(tmp_path / "q1.pdf"), "-"],
        capture_output=True,
        text=True,
    ).stdout
    assert "Kronofogden Växjö" in text and "2026-W01" in text and "2026-W13" in text
    lines = [line.split() for line in text.splitlines()]
    for tokens in lines:
        if len(tokens) > 1:  # a lone number is a page number
            assert not {"1", "2", "3", "4"} & set(tokens), tokens
    rows = {" ".join(t[:-2]): t[-2:] for t in lines if len(t) > 2}
    assert rows["Not safe to ask"] == ["..", ".."]
    assert rows["Support for victims of crime"] == ["..", ".."]
    count, share = rows["Economic"]
    assert count in ("15", "..") and share in ("75%", "..")  # exact, or hidden


def test_page_in_dark_theme_and_keyboard_reachable(page, qapp):
    saved = (qapp.style().name(), qapp.palette(), qapp.styleSheet(), qapp.font())
    theme.apply(qapp, "dark", 100, 10)
    try:
        page.apply_settings(Settings(language="en", theme="dark", statistics_retention_days=3650))
        assert page.charts[0].colours == theme.DARK
        assert not page.grab().isNull()
    finally:
        qapp.setStyle(saved[0])
        qapp.setPalette(saved[1])
        qapp.setStyleSheet(saved[2])
        qapp.setFont(saved[3])
    controls = [
        w
        for kind in (QAbstractButton, QComboBox, QTextBrowser, BarChart)
        for w in page.findChildren(kind)
    ]
    unnamed = [w for w in controls if w.isVisible() and not accessible_name(w)]
    assert not unnamed


def test_a_record_that_cannot_be_read_is_reported_not_counted(page, vault):
    vault.add_contact("2026-W03", {"asked": "routine", "note": "fritext"})
    page.reload()
    assert page.figure_values[0].text() == "40"
    assert "1 stored record could not be read" in page.period_line.text()


def test_detach_forgets_every_figure(page):
    page.detach()
    assert [label.text() for label in page.figure_values] == ["", "", "", ""]
    assert not page.tables.toPlainText() and not page.export_pdf.isEnabled()
