"""The statistics page: a period, its key figures, charts and tables; exports and roll-up.

The screen shows the exact figures to the handler who logged them, for the running quarter
and year too. Exports are of closed calendar quarters and years only, with the figures the
vault's publication ledger fixed (`service.published_report`), so no count of 1–4 leaves it
and no two exports can be subtracted. The roll-up menu seals a contribution to the team
leader, and lets a team leader keep a key pair and merge contributions into an office report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
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
from vaaldstod.statistics.labels import labels, office_name
from vaaldstod.statistics.model import StatisticsError
from vaaldstod.statistics.report import Report
from vaaldstod.statistics.retention import purge_contacts
from vaaldstod.statistics.service import available, published_report, report_for
from vaaldstod.ui import theme
from vaaldstod.ui.charts import BarChart
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.widgets import button, label, label_text
from vaaldstod.vault import VaultError

RUNNING = (
    ("this_quarter", N_("This quarter so far (screen only)")),
    ("this_year", N_("This year so far (screen only)")),
)


def period_caption(period: periods.Period) -> str:
    if period.is_year:
        return _("Year {year}").format(year=period.year)
    return _("Quarter {quarter} {year}").format(quarter=period.quarter, year=period.year)


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

        self.title = label("title", wrap=False)
        self.preset = QComboBox()  # running periods, then the closed ones an export can be of
        self.log_contact = button("primary")
        self.log_contact.clicked.connect(self.open_contact_dialog)
        self.export_csv = button()
        self.export_csv.clicked.connect(self._export_csv)
        self.export_pdf = button()
        self.export_pdf.clicked.connect(self._export_pdf)
        self.rollup = button()  # a push button with a menu: its text is never cut
        self.rollup_menu = QMenu(self.rollup)
        self.contribute_action = QAction(self)
        self.contribute_action.triggered.connect(self.contribute)
        self.merge_action = QAction(self)
        self.merge_action.triggered.connect(self.merge)
        self.key_action = QAction(self)
        self.key_action.triggered.connect(self.show_key)
        for action in (self.contribute_action, self.merge_action, self.key_action):
            self.rollup_menu.addAction(action)
        self.rollup.setMenu(self.rollup_menu)
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
        chooser.addWidget(self.preset)
        chooser.addStretch()
        for widget in (self.log_contact, self.export_csv, self.export_pdf, self.rollup):
            chooser.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(chooser)
        layout.addWidget(self.period_line)
        layout.addWidget(self.problem)
        layout.addLayout(figures)
        layout.addWidget(self.tabs, 1)

        # A discrete choice: count at once (no debounce timer, which cost 150 ms a choice).
        self.preset.currentIndexChanged.connect(self._period_chosen)
        self._fill_periods()
        self.retranslate_ui()

    # -- the app's calls ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(_("Follow-up statistics"))
        self._fill_periods()
        label_text(self.preset, _("Period"))
        label_text(self.log_contact, _("&Log a contact…"), _("Record one meeting, anonymously"))
        label_text(self.export_csv, _("Export &CSV…"), suppression_note())
        label_text(self.export_pdf, _("Export &PDF…"), suppression_note())
        label_text(self.rollup, _("&Roll-up"), _("Contribute to or merge an office report"))
        self.contribute_action.setText(_("Send my figures to the team leader…"))
        self.merge_action.setText(_("Merge contributions into an office report…"))
        self.key_action.setText(_("My roll-up key (team leaders)…"))
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
        self._fill_periods()
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

    def _fill_periods(self) -> None:
        """Running quarter and year (screen only), then every closed one since the first record."""
        today = self._today()
        chosen = self.preset.currentData()
        closed = available(self.vault, today) if self.vault is not None else []
        self.preset.blockSignals(True)
        self.preset.clear()
        for code, caption in RUNNING:
            self.preset.addItem(_(caption), code)
        for period in closed:
            self.preset.addItem(period_caption(period), period.code)
        index = self.preset.findData(chosen) if chosen else -1
        self.preset.setCurrentIndex(max(index, 0))
        self.preset.blockSignals(False)

    def period(self) -> periods.Period:
        """The chosen period."""
        code = self.preset.currentData()
        today = self._today()
        if code == "this_year":
            return periods.Period(today.year)
        if code in (None, "this_quarter"):
            return periods.current_quarter(today)
        return periods.Period.parse(code)

    def choose(self, period: periods.Period | str) -> None:
        """Show `period` (a closed one, as listed, or "this_quarter"/"this_year")."""
        code = period if isinstance(period, str) else period.code
        index = self.preset.findData(code)
        if index < 0:
            raise ValueError(code)
        self.preset.setCurrentIndex(index)
        self.reload()

    def exportable(self) -> bool:
        return self.vault is not None and self.period().is_closed(self._today())

    def _period_chosen(self, *_args) -> None:
        self.reload()

    # -- figures ------------------------------------------------------------------------

    def _report(self, *, suppress: bool) -> Report:
        if suppress:
            return published_report(self.vault, self.period(), self.office, labels(), self._today())
        return report_for(self.vault, self.period(), self.office, labels())

    def reload(self) -> None:
        """Count the chosen period again and show it (exact figures, on screen only)."""
        self.report = None
        self.problem.setText("")
        if self.vault is not None:
            try:
                self.report = self._report(suppress=False)
            except StatisticsError as error:
                self.problem.setText(str(error))
            except VaultError as error:
                self.problem.setText(error_text(error))
        self._show(self.report)

    def _show(self, report: Report | None) -> None:
        self.log_contact.setEnabled(self.vault is not None)
        exportable = report is not None and self.exportable()
        for widget in (self.export_csv, self.export_pdf):
            widget.setEnabled(exportable)
        self.contribute_action.setEnabled(exportable)
        for action in (self.merge_action, self.key_action):
            action.setEnabled(self.vault is not None)
        self.rollup.setEnabled(self.vault is not None)
        colours = theme.colours(self.settings.theme)
        self.tabs.setVisible(report is not None)
        if report is None:
            self.period_line.setText("")
            for value, caption in zip(self.figure_values, self.figure_captions, strict=True):
                value.setText("")
                caption.setText("")
            self.tables.clear()
            return
        if exportable:
            line = _("{period}. Exact figures on screen; exports hide small counts.")
        else:
            line = _(
                "{period}. Exact figures so far, on screen only: a period can be exported "
                "once it is over."
            )
        line = line.format(period=period_text(report))
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
        self._fill_periods()
        self.reload()  # a contact may have been logged from another page

    # -- exports -------------------------------------------------------------------------

    def _ask_path(self, caption: str, suggested: str, pattern: str) -> Path | None:
        """Where to save; None if the handler cancels (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(self, caption, suggested, pattern)
        return Path(path) if path else None

    def _ask_files(self, caption: str, pattern: str) -> list[Path]:
        """Files to open; empty if the handler cancels (tests replace this)."""
        found, _filter = QFileDialog.getOpenFileNames(self, caption, "", pattern)
        return [Path(path) for path in found]

    def _ask_text(self, caption: str, prompt: str) -> str | None:
        """One line of text, such as a key; None if cancelled (tests replace this)."""
        text, ok = QInputDialog.getText(self, caption, prompt)
        return text.strip() if ok and text.strip() else None

    def _tell(self, caption: str, text: str) -> None:
        """Show a text the handler may want to copy (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Information, caption, text, parent=self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
        box.deleteLater()

    def _suggested(self, suffix: str) -> str:
        return f"statistik-{self.period().code}.{suffix}"

    def _attempt(self, action) -> bool:
        """Run `action`; a refusal becomes one sentence in the status line."""
        try:
            action()
        except StatisticsError as error:  # already a sentence
            self.status.emit(str(error))
            return False
        except (OSError, VaultError) as error:
            self.status.emit(error_text(error))
            return False
        return True

    def _export(self, caption: str, suffix: str, pattern: str, write) -> Path | None:
        if not self.exportable():
            return None
        path = self._ask_path(caption, self._suggested(suffix), pattern)
        if path is None or not self._attempt(lambda: write(path, self._report(suppress=True))):
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

    # -- roll-up -------------------------------------------------------------------------

    def contribute(self) -> Path | None:
        """Seal this closed period's exact counts to the team leader's public key."""
        from vaaldstod.statistics import rollup
        from vaaldstod.statistics.service import contribution

        if not self.exportable():
            return None
        key = self._ask_text(
            _("Send my figures to the team leader"), _("The team leader's public key:")
        )
        if key is None:
            return None
        period = self.period()
        path = self._ask_path(
            _("Save the contribution"),
            f"bidrag-{period.code}{rollup.SUFFIX}",
            _("Contributions (*{suffix})").format(suffix=rollup.SUFFIX),
        )
        if path is None:
            return None

        def write() -> None:
            recipient = rollup.parse_public_key(key)
            rollup.write(path, contribution(self.vault, period, recipient, self._today()))

        if not self._attempt(write):
            return None
        self.status.emit(
            _("Saved {name}. Only the team leader's vault can open it.").format(name=path.name)
        )
        return path

    def show_key(self) -> str | None:
        """The team leader's public key, made on first use; the private key stays here."""
        from vaaldstod.statistics.rollup import new_key_pair

        if self.vault is None:
            return None
        try:
            keys = self.vault.statistics_keys()
            if not keys:
                public, secret = new_key_pair()
                self.vault.add_statistics_key(public, secret)
                keys = [(public, secret)]
        except VaultError as error:
            self.status.emit(error_text(error))
            return None
        public = keys[0][0]
        self._tell(
            _("My roll-up key"),
            _(
                "Give this public key to the handlers of your office. Their contributions "
                "can be opened only with the private key kept in this vault.\n\n{key}"
            ).format(key=public),
        )
        return public

    def merge(self) -> Path | None:
        """Team leader: open contributions for the chosen closed period, add up, protect."""
        from vaaldstod.statistics import rollup
        from vaaldstod.statistics.export import write_csv as write_report_csv
        from vaaldstod.statistics.service import merge_contributions, report_of

        if self.vault is None:
            return None
        period = self.period()
        files = self._ask_files(
            _("Contributions for {period}").format(period=period.code),
            _("Contributions (*{suffix})").format(suffix=rollup.SUFFIX),
        )
        if not files:
            return None
        path = self._ask_path(
            _("Save the office report"),
            f"kontor-{period.code}.pdf",
            _("PDF files (*.pdf);;CSV files (*.csv)"),
        )
        if path is None:
            return None
        found = {}

        def write() -> None:
            merged, figures = merge_contributions(self.vault, period, files, self._today())
            report = report_of(figures, self.office, labels())
            if path.suffix.lower() == ".csv":
                write_report_csv(path, report)
            else:
                from vaaldstod.ui.statistics_pdf import write_pdf

                write_pdf(path, report, self.font())
            found["merged"] = merged

        if not self._attempt(write):
            return None
        merged = found["merged"]
        message = ngettext(
            "Merged the contribution of {n} handler into {name}.",
            "Merged the contributions of {n} handlers into {name}.",
            merged.contributors,
        ).format(n=merged.contributors, name=path.name)
        self.status.emit(" ".join([message, *merged.dropped]))
        return path
