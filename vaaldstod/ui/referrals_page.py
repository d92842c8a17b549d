"""Referrals: search the directory, copy a number, give a sheet to the client, record a referral.

The office also keeps its own entries here (add, edit, import, export) and its profile, which
referral sheets print. Entries come from the core (`vaaldstod.directory`); the page holds no
rules of its own.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from pathlib import Path

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.directory import (
    CATEGORIES,
    Area,
    Directory,
    DirectoryError,
    Entry,
    areas,
    category_label,
    search,
)
from vaaldstod.directory.transfer import format_of, read_file
from vaaldstod.i18n import _, current_language, ngettext
from vaaldstod.sheets import sheet_languages
from vaaldstod.ui.directory_entry_dialog import DirectoryEntryDialog
from vaaldstod.ui.directory_import_dialog import DirectoryImportDialog
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.office_profile_dialog import OfficeProfileDialog
from vaaldstod.ui.record_referral_dialog import RecordReferralDialog
from vaaldstod.ui.sheet_dialog import SheetDialog
from vaaldstod.ui.views import WrappingDelegate
from vaaldstod.ui.walkthrough_panel import CONSENT_LABELS
from vaaldstod.ui.widgets import button, label, label_text
from vaaldstod.vault import Vault, VaultError

COLUMNS = ("organisation", "phone", "status", "category", "area")
ORGANISATION, PHONE, STATUS, CATEGORY, AREA = range(len(COLUMNS))
CATEGORY_WIDTH = 150
# A phone number in the table is a link-like button: one click copies it.
COPY_STYLE = (
    "QPushButton { border: none; padding: 0 4px; text-align: left; "
    "color: palette(link); text-decoration: underline; }"
)
ROW_HEIGHT = 30
CHECK_MARK = "⚠"
NATIONAL_ONLY = "national"


class ReferralsPage(QWidget):
    """The referral directory page. Call `set_case` when the handler opens or leaves a case."""

    status = Signal(str)

    def __init__(
        self,
        copy_text: Callable[[str], None],
        directory: Directory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referralsPage")
        self._copy_text = copy_text
        self._directory = directory
        self.vault: Vault | None = None
        self._case_id: int | None = None
        self._entries: list[Entry] = []
        self._shown: list[Entry] = []
        self._chosen: set[str] = set()

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refresh_table)
        self.category = QComboBox()
        self.area = QComboBox()
        self.language = QComboBox()
        for combo in (self.category, self.area, self.language):
            combo.currentIndexChanged.connect(self._refresh_table)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(WrappingDelegate(self.table))  # rows tall enough at 200 %
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(ROW_HEIGHT)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ORGANISATION, QHeaderView.ResizeMode.Stretch)
        for column in (PHONE, STATUS, AREA):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(CATEGORY, CATEGORY_WIDTH)
        # Name and number first: category and area (long, e.g. "Göteborg (Västra Götalands
        # län) · office's own") took the width and wrapped names to four to seven lines. Both
        # are in the detail pane and the filters above the table.
        for column in (CATEGORY, AREA):
            self.table.setColumnHidden(column, True)
        self.table.currentCellChanged.connect(self._show_details)
        self.table.itemChanged.connect(self._choice_changed)
        self.count = label("muted")
        self.problem = label("warning")
        self.problem.hide()
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)

        self.copy = button()
        self.copy.clicked.connect(self.copy_current_number)
        self.give = button("primary")
        self.give.clicked.connect(self.give_to_client)
        self.record = button()
        self.record.clicked.connect(self.record_referral)
        self.referrals_heading = label()
        self.case_referrals = QListWidget()
        self.case_referrals.setMaximumHeight(100)
        self.add_entry = button()
        self.add_entry.clicked.connect(self.add_new_entry)
        self.edit = button()
        self.edit.clicked.connect(self.edit_current_entry)
        self.remove = button()
        self.remove.clicked.connect(self.remove_entry)
        self.import_button = button()
        self.import_button.clicked.connect(self.import_entries)
        self.export_button = button()
        self.export_button.clicked.connect(self.export_entries)
        self.profile = button()
        self.profile.clicked.connect(self.edit_profile)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy_current_number)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (self.category, self.area, self.language):
            filters.addWidget(combo, 1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.problem)
        left.addWidget(self.table, 1)
        left.addWidget(self.count)
        left_box = QWidget()
        left_box.setLayout(left)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.details, 1)
        right.addWidget(self.copy)
        right.addWidget(self.referrals_heading)
        right.addWidget(self.case_referrals)
        right_box = QWidget()
        right_box.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(right_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 300])
        client_actions = QHBoxLayout()
        client_actions.addWidget(self.give)
        client_actions.addWidget(self.record)
        client_actions.addStretch()
        office_actions = QHBoxLayout()
        for widget in (self.add_entry, self.edit, self.remove, self.import_button):
            office_actions.addWidget(widget)
        office_actions.addWidget(self.export_button)
        office_actions.addStretch()
        office_actions.addWidget(self.profile)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(client_actions)
        layout.addLayout(office_actions)
        self.retranslate_ui()

    # -- texts ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        label_text(self.search, _("Search the directory"), _("Finds entries holding every word"))
        self.search.setPlaceholderText(_("Search the directory (Ctrl+F)"))
        label_text(self.category, _("Category"))
        label_text(self.area, _("Where the client lives"))
        label_text(self.language, _("Support in language"))
        label_text(
            self.table,
            _("Directory entries"),
            _("Tick entries with Space to put them on a sheet for the client"),
        )
        self.table.setHorizontalHeaderLabels(
            [_("Organisation"), _("Phone"), _("Status"), _("Category"), _("Serves")]
        )
        label_text(self.details, _("Details of the chosen entry"))
        label_text(
            self.copy,
            _("Copy number"),
            _("Copy the chosen entry's number (Ctrl+Shift+C); the clipboard is cleared after 30 s"),
        )
        label_text(
            self.give,
            _("Give to client…"),
            _(
                "Print a sheet, wallet cards or a poster: the office's standard set and the "
                "ticked entries"
            ),
        )
        label_text(
            self.record,
            _("Record referral in case…"),
            _("Note in the open case that the client was referred, with date and consent"),
        )
        self.referrals_heading.setText(_("Referrals recorded in this case:"))
        label_text(self.case_referrals, _("Referrals recorded in this case"))
        label_text(self.add_entry, _("Add entry…"), _("Add one of the office's own entries"))
        label_text(
            self.edit,
            _("Edit entry…"),
            _("Edit the office's entry, or fill in or correct a shipped one"),
        )
        label_text(self.remove, _("Remove entry"), _("Remove one of the office's own entries"))
        label_text(
            self.import_button,
            _("Import…"),
            _("Import the office's entries from a CSV or JSON file, with a preview"),
        )
        label_text(
            self.export_button,
            _("Export…"),
            _("Save the office's own entries as a CSV or JSON file"),
        )
        label_text(
            self.profile,
            _("Office profile…"),
            _("Name, logo and local numbers printed on sheets and posters"),
        )
        if self._entries:
            self.reload()
        else:
            self._fill_filters()
        self._update_case_actions()
        self._fit_category_column()

    def _fit_category_column(self) -> None:
        """Wide enough for the longest word of any category at the current text size: a
        word that does not fit would end in "…" (at 200 % text "Kvinnojourer" did)."""
        metrics = self.table.fontMetrics()
        longest = max(
            (
                metrics.horizontalAdvance(word)
                for text in CATEGORIES.values()
                for word in _(text).split()
            ),
            default=0,
        )
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        self.table.setColumnWidth(CATEGORY, max(CATEGORY_WIDTH, longest + margin + 4))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_category_column()
            self.table.resizeRowsToContents()

    # -- loading ---------------------------------------------------------------------------

    @property
    def directory(self) -> Directory:
        """The directory, read from the packs the first time it is needed."""
        if self._directory is None:
            self._directory = Directory()
        return self._directory

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self._entries:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Read the entries again in the app's language (after a change or a switch)."""
        self._entries = self.directory.entries(current_language())
        problem = self.directory.problem
        self.problem.setVisible(problem is not None)
        if problem is not None:
            self.problem.setText(
                _("The office's own entries are not shown: {reason}").format(reason=problem)
            )
        self._fill_filters()
        self._refresh_table()

    def reload_content(self) -> None:
        """After packs were installed or removed: read the packs again."""
        self.directory.refresh()
        self.reload()

    def _fill_filters(self) -> None:
        def fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        fill(
            self.category,
            [(_("All categories"), None)] + [(_(text), code) for code, text in CATEGORIES.items()],
        )
        places: list[tuple[str, object]] = [
            (_("All areas"), None),
            (_("National services only"), NATIONAL_ONLY),
        ]
        for place in areas(self._entries):
            if place.municipality:
                text = _("{municipality} ({county})").format(
                    municipality=place.municipality, county=place.county
                )
            else:
                text = _("{county} (county)").format(county=place.county)
            places.append((text, f"{place.county}|{place.municipality}"))
        fill(self.area, places)
        codes = sorted({code for entry in self._entries for code in entry.languages})
        fill(
            self.language,
            [(_("Any language"), None)] + [(_language_name(code), code) for code in codes],
        )

    # -- the table -------------------------------------------------------------------------

    def _filters(self) -> dict:
        place = self.area.currentData()
        if place == NATIONAL_ONLY:
            area = Area()
        elif place is None:
            area = None
        else:
            area = Area(*place.split("|", 1))
        return {
            "query": self.search.text(),
            "category": self.category.currentData(),
            "area": area,
            "language": self.language.currentData(),
        }

    def _refresh_table(self) -> None:
        current = self.current_entry()
        self._shown = search(self._entries, **self._filters())
        self.table.blockSignals(True)
        self.table.setRowCount(0)  # drops the rows' copy buttons with them
        self.table.setRowCount(len(self._shown))
        for row, entry in enumerate(self._shown):
            self._fill_row(row, entry)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        ids = [entry.id for entry in self._shown]
        if current is not None and current.id in ids:
            self.table.setCurrentCell(ids.index(current.id), ORGANISATION)
        elif self._shown:
            self.table.setCurrentCell(0, ORGANISATION)
        self._show_details()
        self._update_count()

    def _fill_row(self, row: int, entry: Entry) -> None:
        name = QTableWidgetItem(entry.organisation)
        name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        name.setCheckState(
            Qt.CheckState.Checked if entry.id in self._chosen else Qt.CheckState.Unchecked
        )
        name.setData(Qt.ItemDataRole.UserRole, entry.id)
        self.table.setItem(row, ORGANISATION, name)
        self.table.setItem(row, CATEGORY, QTableWidgetItem(category_label(entry.category)))
        self.table.setItem(row, AREA, QTableWidgetItem(_serves(entry)))
        phone = QTableWidgetItem("" if entry.phone else "–")
        phone.setData(Qt.ItemDataRole.AccessibleTextRole, entry.phone or _("No number"))
        self.table.setItem(row, PHONE, phone)
        status = QTableWidgetItem(_short_status(entry))
        status.setToolTip(_status(entry))
        if entry.needs_check() or entry.unsigned or entry.number_changed_from:
            font = status.font()
            font.setBold(True)
            status.setFont(font)
        self.table.setItem(row, STATUS, status)
        if entry.phone:
            copy = QPushButton(entry.phone)
            copy.setStyleSheet(COPY_STYLE)
            copy.setCursor(Qt.CursorShape.PointingHandCursor)
            # One click for the mouse; keyboard users have the Copy number button and
            # Ctrl+Shift+C, so the table is not a long chain of tab stops.
            copy.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            label_text(
                copy,
                entry.phone,
                _("Copy {phone} ({organisation})").format(
                    phone=entry.phone, organisation=entry.organisation
                ),
            )
            # Bound methods, not lambdas that capture self: PySide then warns of a "shared
            # QObject deleted directly" when the page goes (seen with PySide6 6.12).
            copy.clicked.connect(partial(self._copy, entry))
            self.table.setCellWidget(row, PHONE, copy)

    def _choice_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != ORGANISATION:
            return
        ident = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen.add(ident)
        else:
            self._chosen.discard(ident)
        self._update_count()

    def _update_count(self) -> None:
        text = _("Showing {shown} of {total} entries.").format(
            shown=len(self._shown), total=len(self._entries)
        )
        if self._chosen:
            text += " " + ngettext(
                "{count} ticked for the client.",
                "{count} ticked for the client.",
                len(self._chosen),
            ).format(count=len(self._chosen))
        self.count.setText(text)
        self.count.setAccessibleName(text)

    def current_entry(self) -> Entry | None:
        """The entry of the table's current row."""
        row = self.table.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def chosen_entries(self) -> list[Entry]:
        """The ticked entries in directory order; if none are ticked, the current one."""
        chosen = [entry for entry in self._entries if entry.id in self._chosen]
        current = self.current_entry()
        return chosen or ([current] if current is not None else [])

    def _show_details(self, *_args) -> None:
        entry = self.current_entry()
        self.copy.setEnabled(bool(entry and entry.phone))
        own = entry is not None and entry.origin == "office"
        self.edit.setEnabled(entry is not None)
        self.remove.setEnabled(own)
        self.details.setHtml(_details_html(entry) if entry else "")

    # -- actions ---------------------------------------------------------------------------

    def copy_current_number(self) -> None:
        entry = self.current_entry()
        if entry is not None and entry.phone:
            self._copy(entry)

    def _copy(self, entry: Entry, *_args) -> None:
        self._copy_text(entry.phone)
        self.status.emit(
            _("Copied {phone}. The clipboard is cleared after 30 seconds.").format(
                phone=entry.phone
            )
        )

    def give_to_client(self) -> None:
        """The sheet dialog: the office's standard set, plus what is ticked here."""
        dialog = SheetDialog(
            self._entries,
            sheet_languages(self.directory.registry),
            self,
            chosen=[entry.id for entry in self._entries if entry.id in self._chosen],
            load=self.directory.entries,
        )
        dialog.status.connect(self.status)
        dialog.exec()

    def add_new_entry(self) -> None:
        self.edit_entry(None)

    def edit_current_entry(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.edit_entry(entry)

    def edit_entry(self, entry: Entry | None) -> None:
        dialog = DirectoryEntryDialog(self.directory.office, entry, self)
        if dialog.exec() and dialog.saved is not None:
            self.reload()
            self.status.emit(
                _("Saved {organisation} in the office's directory.").format(
                    organisation=dialog.saved.organisation
                )
            )

    def remove_entry(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.origin != "office":
            return
        answer = QMessageBox.question(
            self,
            _("Remove entry"),
            _("Remove {organisation} from the office's own entries?").format(
                organisation=entry.organisation
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.directory.office.remove(entry.id)
        except (DirectoryError, OSError) as error:
            self.status.emit(error_text(error))
            return
        self._chosen.discard(entry.id)
        self.reload()
        self.status.emit(_("Removed {organisation}.").format(organisation=entry.organisation))

    def import_entries(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import directory entries"), "", _("CSV or JSON files (*.csv *.json)")
        )
        if not path:
            return
        office = self.directory.office
        try:
            data = read_file(Path(path))
            preview = office.preview_import(data, format_of(Path(path), data))
        except (DirectoryError, OSError) as error:
            self.status.emit(error_text(error))
            return
        if not DirectoryImportDialog(preview, Path(path).name, self).exec():
            return
        try:
            count = office.import_entries(preview)
        except (DirectoryError, OSError) as error:
            self.status.emit(error_text(error))
            return
        self.reload()
        self.status.emit(
            ngettext("Imported {count} entry.", "Imported {count} entries.", count).format(
                count=count
            )
        )

    def export_entries(self) -> None:
        path, chosen_filter = QFileDialog.getSaveFileName(
            self,
            _("Export the office's entries"),
            str(Path.home() / "directory.csv"),
            _("CSV files (*.csv);;JSON files (*.json)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".json"):
            target = target.with_suffix(".json" if "json" in chosen_filter else ".csv")
        try:
            count = self.directory.office.export(target, format_of(target))
        except (DirectoryError, OSError) as error:
            self.status.emit(error_text(error))
            return
        self.status.emit(
            ngettext(
                "Exported {count} entry to {path}.", "Exported {count} entries to {path}.", count
            ).format(count=count, path=target)
        )

    def edit_profile(self) -> None:
        dialog = OfficeProfileDialog(self)
        if dialog.exec():
            self.status.emit(_("The office profile is saved."))

    # -- the case --------------------------------------------------------------------------

    def attach(self, vault: Vault) -> None:
        self.vault = vault
        self._update_case_actions()

    def detach(self) -> None:
        """On lock: forget the vault and the case, and clear what was typed or ticked."""
        self.vault = None
        self._case_id = None
        self.search.clear()
        self._chosen.clear()
        self._refresh_table()
        self._update_case_actions()

    def set_case(self, case_id: int | None) -> None:
        """The case the handler has open, or None; referrals are recorded in it."""
        self._case_id = case_id
        self._update_case_actions()

    def record_referral(self) -> None:
        if self.vault is None or self._case_id is None:
            return
        entry = self.current_entry()
        dialog = RecordReferralDialog(
            self.vault, self._case_id, entry.category if entry else None, self
        )
        if dialog.exec():
            self._update_case_actions()
            self.status.emit(_("The referral is recorded in the case."))

    def _update_case_actions(self) -> None:
        has_case = self.vault is not None and self._case_id is not None
        self.record.setEnabled(has_case)
        self.referrals_heading.setVisible(has_case)
        self.case_referrals.setVisible(has_case)
        self.case_referrals.clear()
        if not has_case:
            return
        try:
            referrals = self.vault.referrals(self._case_id)
        except VaultError as error:
            self.status.emit(error_text(error))
            return
        consents = dict(CONSENT_LABELS)
        for referral in referrals:
            self.case_referrals.addItem(
                f"{referral.given_on.isoformat()} · {category_label(referral.category)} · "
                f"{_(consents.get(referral.consent, referral.consent))}"
            )


def _language_name(code: str) -> str:
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(current_language())
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return f"{name} ({code})" if name else code


def _serves(entry: Entry) -> str:
    if entry.area == "national":
        return _("All of Sweden")
    if entry.area == "county":
        return _("{county} (county)").format(county=entry.county)
    return ", ".join(entry.municipalities)


def _status(entry: Entry) -> str:
    if entry.number_changed_from:
        text = _(
            "{mark} The number changed from {old} to {new}: confirm it before it is printed"
        ).format(mark=CHECK_MARK, old=entry.number_changed_from, new=entry.phone)
    elif entry.unsigned:
        text = _("{mark} Unsigned: from a pack no trusted key signed; never printed").format(
            mark=CHECK_MARK
        )
    elif entry.needs_office_input:
        text = _("{mark} Check this: the office has to fill in or confirm the number").format(
            mark=CHECK_MARK
        )
    elif entry.overdue():
        text = _("{mark} Check this: due for review since {date}").format(
            mark=CHECK_MARK, date=entry.review_due.isoformat()
        )
    else:
        text = _("Checked {date}").format(date=entry.verified_on.isoformat())
    if entry.origin == "office":
        text += " · " + _("office's own")
    return text


def _short_status(entry: Entry) -> str:
    """The status as the table shows it; the full reason is in the tooltip and the details."""
    if entry.number_changed_from:
        return _("{mark} Number changed").format(mark=CHECK_MARK)
    if entry.unsigned:
        return _("{mark} Unsigned").format(mark=CHECK_MARK)
    if entry.needs_check():
        return _("{mark} Check this").format(mark=CHECK_MARK)
    if entry.origin == "office":
        return _("Office's own")
    return _("Checked")


def _details_html(entry: Entry) -> str:
    def row(caption: str, value: str) -> str:
        if not value:
            return ""
        return f"<p><b>{html.escape(caption)}:</b> {html.escape(value)}</p>"

    origins = {
        "shipped": _("Shipped with Våldstöd"),
        "installed": _("From a pack the office installed"),
        "office": _("The office's own entry"),
    }
    parts = [
        f"<h3>{html.escape(entry.organisation)}</h3>",
        f"<p>{html.escape(_status(entry))}</p>",
        row(_("Category"), category_label(entry.category)),
        row(_("Serves"), _serves(entry)),
        row(_("Phone"), entry.phone),
        row(_("Opening hours"), entry.hours),
        row(_("Web address"), entry.web),
        row(_("How to make contact"), entry.contact),
        row(_("Languages of support"), ", ".join(_language_name(c) for c in entry.languages)),
        row(_("Accessibility"), entry.accessibility),
        row(_("Notes"), entry.notes),
    ]
    if entry.protected:
        protected = _("Protected: the address is never given; contact goes through phone or web.")
        parts.append(f"<p><i>{html.escape(protected)}</i></p>")
    if entry.professionals_only:
        only = _("For caseworkers, not for the client: never printed on a client's sheet.")
        parts.append(f"<p><b>{html.escape(only)}</b></p>")
    parts += [
        row(_("Checked on"), entry.verified_on.isoformat()),
        row(_("Check again by"), entry.review_due.isoformat()),
        row(_("Source"), entry.source),
        row(_("Origin"), origins.get(entry.origin, entry.origin)),
        row(_("Pack and version"), entry.pack),
        row(_("Signed by"), entry.signer or (_("nobody: unsigned") if entry.unsigned else "")),
    ]
    return "".join(parts)
