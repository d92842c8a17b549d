"""The statistics page: a period, its key figures, charts and tables; CSV and PDF exports.

The screen shows the exact figures to the handler who logged them. Every export is built
again with suppression (`build_report(..., suppress=True)`), so no count of 1–4 leaves it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.i18n import N_, _, ngettext
from vaaldstod.settings import Settings
from vaaldstod.statistics import period as periods
from vaaldstod.statistics.export import STYLE, period_text, suppression_note, tables_html, write_csv
from vaaldstod.statistics.model import StatisticsError
from vaaldstod.statistics.report import Report
from vaaldstod.statistics.retention import purge_contacts
from vaaldstod.statistics.service import report_for
from vaaldstod.ui import theme
from vaaldstod.ui.charts import BarChart
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.statistics_labels import labels, office_name
from vaaldstod.ui.widgets import button, label, label_text
from vaaldstod.vault import VaultError

PRESETS = (
    ("this_quarter", N_("This quarter")),
    ("last_quarter", N_("Last quarter")),
    ("this_year", N_("This year")),
    ("last_year", N_("Last year")),
    ("custom", N_("Chosen dates")),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StatisticsPage(QWidget):
    """Follow-up statistics of the contact records in the attached vault."""

    status = Signal(str)

    def __init__(self, current: Settings, today=date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsPage")
        self.settings = current
        self.office = office_name(current)
        self.vault = None
        self.report: Report | None = None
        self._today = today
        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self.reload)

        self.title = label("title", wrap=False)
        self.preset = QComboBox()
        for code, _caption in PRESETS:
            self.preset.addItem("", code)
        self.first = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.last = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.log_contact = button("primary")
        self.log_contact.clicked.connect(self.open_contact_dialog)
        self.export_csv = button()
        self.export_csv.clicked.connect(self._export_csv)
        self.export_pdf = button()
        self.export_pdf.clicked.connect(self._export_pdf)
        self.period_line = label("muted")
        self.problem = label("error")

        self.figure_values: list = []
        self.figure_captions: list = []
        figures = QHBoxLayout()
        for _index in range(4):
            tile = QFrame()
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tile_layout = QVBoxLayout(tile)
            value, caption = label("title", wrap=False), label("muted")
            tile_layout.addWidget(value)
            tile_layout.addWidget(caption)
            figures.addWidget(tile, 1)
            self.figure_values.append(value)
            self.figure_captions.append(caption)

        self.charts = [BarChart() for _chart in range(4)]
        chart_grid = QGridLayout()
        for index, chart in enumerate(self.charts):
            chart_grid.addWidget(chart, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
        charts_body = QWidget()
        charts_layout = QVBoxLayout(charts_body)
        charts_layout.addLayout(chart_grid)
        charts_layout.addStretch()
        charts_scroll = QScrollArea()
        charts_scroll.setWidget(charts_body)
        charts_scroll.setWidgetResizable(True)
        # Every control inside takes focus and is scrolled into view; the area itself would
        # be a nameless extra Tab stop.
        charts_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tables = QTextBrowser()
        self.tables.document().setDefaultStyleSheet(STYLE)
        self.tabs = QTabWidget()
        self.tabs.addTab(charts_scroll, "")
        self.tabs.addTab(self.tables, "")

        chooser = QHBoxLayout()
        for widget in (self.preset, self.first, self.last):
            chooser.addWidget(widget)
        chooser.addStretch()
        for widget in (self.log_contact, self.export_csv, self.export_pdf):
            chooser.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(chooser)
        layout.addWidget(self.period_line)
        layout.addWidget(self.problem)
        layout.addLayout(figures)
        layout.addWidget(self.tabs, 1)

        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.first.dateChanged.connect(self._dates_edited)
        self.last.dateChanged.connect(self._dates_edited)
        self.preset.setCurrentIndex(0)
        self._preset_chosen()
        self.retranslate_ui()

    # -- the app's calls ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(_("Follow-up statistics"))
        for index, (_code, caption) in enumerate(PRESETS):
            self.preset.setItemText(index, _(caption))
        label_text(self.preset, _("Period"))
        label_text(self.first, _("From"))
        label_text(self.last, _("To"))
        label_text(self.log_contact, _("&Log a contact…"), _("Record one meeting, anonymously"))
        label_text(self.export_csv, _("Export &CSV…"), suppression_note())
        label_text(self.export_pdf, _("Export &PDF…"), suppression_note())
        self.tabs.setTabText(0, _("Charts"))
        self.tabs.setTabText(1, _("Tables"))
        label_text(self.tabs, _("Charts and tables"))
        label_text(self.tables, _("Tables"))
        self.reload()

    def attach(self, vault) -> None:
        """Take the unlocked vault: delete records past retention, then show the period."""
        self.vault = vault
        try:
            purge_contacts(vault, self.settings, self._today())
        except VaultError as error:  # the page still shows what is there
            self.status.emit(error_text(error))
        self.reload()

    def detach(self) -> None:
        """On lock: forget the vault and every figure shown."""
        self.vault = None
        self.reload()

    def apply_settings(self, current: Settings) -> None:
        """New settings: the agency (office name), retention and theme may have changed."""
        self.settings = current
        self.office = office_name(current)
        self.reload()

    def set_office(self, name: str) -> None:
        """The office's name for the reports (from an office profile, once there is one)."""
        self.office = name
        self.reload()

    def open_contact_dialog(self, prefill: dict | None = None) -> bool:
        """Log one contact (prefilled from walk-through answers if given); True if saved."""
        from vaaldstod.ui.contact_dialog import ContactDialog

        if self.vault is None:
            return False
        dialog = ContactDialog(self, self.vault, prefill or None, agency=self.settings.agency)
        saved = bool(dialog.exec())
        dialog.deleteLater()
        if saved:
            self.status.emit(_("The contact was logged."))
            self.reload()
        return saved

    # -- period -------------------------------------------------------------------------

    def period(self) -> periods.Period:
        """The chosen period; PeriodError if the dates make none."""
        return periods.Period(self.first.date().toPython(), self.last.date().toPython())

    def set_period(self, first: date, last: date) -> None:
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self._set_dates(first, last)
        self.reload()

    def _preset_chosen(self, *_args) -> None:
        code = self.preset.currentData()
        if code in periods.PRESETS:
            chosen = periods.PRESETS[code](self._today())
            self._set_dates(chosen.first, chosen.last)
            self._refresh_timer.start()

    def _set_dates(self, first: date, last: date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _dates_edited(self, *_args) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._refresh_timer.start()

    # -- figures ------------------------------------------------------------------------

    def _report(self, *, suppress: bool) -> Report:
        return report_for(self.vault, self.period(), self.office, labels(), suppress=suppress)

    def reload(self) -> None:
        """Count the chosen period again and show it (exact figures, on screen only)."""
        self._refresh_timer.stop()
        self.report = None
        self.problem.setText("")
        if self.vault is not None:
            try:
                self.report = self._report(suppress=False)
            except StatisticsError as error:  # already a sentence: the period makes no weeks
                self.problem.setText(str(error))
            except VaultError as error:
                self.problem.setText(error_text(error))
        self._show(self.report)

    def _show(self, report: Report | None) -> None:
        for widget in (self.export_csv, self.export_pdf, self.log_contact):
            widget.setEnabled(self.vault is not None)
        for widget in (self.export_csv, self.export_pdf):
            widget.setEnabled(report is not None)
        colours = theme.colours(self.settings.theme)
        self.tabs.setVisible(report is not None)
        if report is None:
            self.period_line.setText("")
            for value, caption in zip(self.figure_values, self.figure_captions, strict=True):
                value.setText("")
                caption.setText("")
            self.tables.clear()
            return
        line = _('{period}. Exact figures on screen; exports show counts of 1–4 as "<5".').format(
            period=period_text(report)
        )
        if report.skipped:  # e.g. a referral category a newer directory no longer has
            line += " " + ngettext(
                "{n} stored record could not be read and is not counted.",
                "{n} stored records could not be read and are not counted.",
                report.skipped,
            ).format(n=report.skipped)
        self.period_line.setText(line)
        for (name, cell), value, caption in zip(
            report.key_figures, self.figure_values, self.figure_captions, strict=True
        ):
            value.setText(cell.text())
            caption.setText(name)
            value.setAccessibleName(f"{name}: {cell.text()}")
        for widget, chart in zip(self.charts, report.charts, strict=True):
            widget.set_chart(chart, colours)
        self.tables.setHtml(tables_html(report))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # The app applies a new theme by setting its palette: repaint the charts in it.
        if event.type() == QEvent.Type.PaletteChange and self.report is not None:
            self._show(self.report)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()  # a contact may have been logged from another page

    # -- exports -------------------------------------------------------------------------

    def _ask_path(self, caption: str, suggested: str, pattern: str) -> Path | None:
        """Where to save; None if the handler cancels (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(self, caption, suggested, pattern)
        return Path(path) if path else None

    def _suggested(self, suffix: str) -> str:
        period = self.period()
        return f"statistik-{period.first.isoformat()}-{period.last.isoformat()}.{suffix}"

    def _export(self, caption: str, suffix: str, pattern: str, write) -> Path | None:
        if self.vault is None:
            return None
        path = self._ask_path(caption, self._suggested(suffix), pattern)
        if path is None:
            return None
        try:
            write(path, self._report(suppress=True))
        except StatisticsError as error:
            self.status.emit(str(error))
            return None
        except (OSError, VaultError) as error:
            self.status.emit(error_text(error))
            return None
        self.status.emit(_("Saved {name}.").format(name=path.name))
        return path

    def _export_csv(self) -> Path | None:
        return self._export(_("Export CSV"), "csv", _("CSV files (*.csv)"), write_csv)

    def _export_pdf(self) -> Path | None:
        from vaaldstod.ui.statistics_pdf import write_pdf

        return self._export(
            _("Export PDF"),
            "pdf",
            _("PDF files (*.pdf)"),
            lambda p, r: write_pdf(p, r, self.font()),
        )
