"""The unlocked window: navigation between the areas, lock and quick exit always in view.

Pages other than Cases are built the first time they are shown, so the window appears right
after unlocking and each area pays for its own content packs only when someone opens it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.i18n import N_, _, current_language
from vaaldstod.settings import Settings
from vaaldstod.ui.cases_page import CasesPage
from vaaldstod.ui.widgets import QuickExitButton, button, label, label_text

PAGES = [
    ("cases", N_("Cases and notes")),
    ("handbook", N_("Handbook")),
    ("referrals", N_("Referrals")),
    ("exercises", N_("Exercises")),
    ("statistics", N_("Statistics")),
    ("settings", N_("Settings")),
]
KEYS = [key for key, _caption in PAGES]


def _referral_categories() -> list[tuple[str, str]]:
    """Kinds of service a client can be referred to, labelled in the app's language."""
    from vaaldstod.packs import Registry

    for pack in Registry().packs("sheet"):
        categories = pack.sheet(current_language()).get("categories")
        if categories:
            return list(categories.items())
    return []


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quick_exit_requested = Signal()
    settings_changed = Signal(object)  # Settings
    vault_replaced = Signal(object)  # the restored, open Vault
    unlock_needed = Signal()  # a restore failed after the vault was closed
    presenting = Signal(bool)  # an exercise is on the group's screen

    def __init__(self, current: Settings, copy_text, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.resize(1100, 720)
        self.settings = current
        self._copy_text = copy_text
        self.vault = None
        self.case_id: int | None = None  # the case open in Cases, followed by other pages
        self.pages: dict[str, QWidget] = {}

        self.heading = label("title", wrap=False)
        self.status_line = label("muted")
        self.lock = button()
        self.lock.clicked.connect(self.lock_requested)
        self.quick_exit = QuickExitButton()
        self.quick_exit.clicked.connect(self.quick_exit_requested)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        QShortcut(QKeySequence("F1"), self, self.show_shortcuts)
        self.help = button()
        self.help.clicked.connect(self.show_shortcuts)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setWordWrap(True)
        self.stack = QStackedWidget()
        for _key in KEYS:
            self.navigation.addItem("")
            self.stack.addWidget(QWidget())
        self.navigation.currentRowChanged.connect(self._show_row)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.status_line, 1)
        top.addWidget(self.help)
        top.addWidget(self.lock)
        top.addWidget(self.quick_exit)
        body = QHBoxLayout()
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.retranslate_ui()
        self.navigation.setCurrentRow(0)

    # -- pages, built on first use -----------------------------------------------------

    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            widget = self._build(key)
            index = KEYS.index(key)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            widget.status.connect(self.show_status)
            self.pages[key] = widget
            if self.vault is not None:
                widget.attach(self.vault)
                if key != "cases" and hasattr(widget, "set_case") and self.case_id is not None:
                    widget.set_case(self.case_id)
        return self.pages[key]

    def _build(self, key: str) -> QWidget:
        if key == "cases":
            page = CasesPage(self._copy_text)
            page.case_chosen.connect(self._case_chosen)
            return page
        if key == "referrals":
            from vaaldstod.ui.referrals_page import ReferralsPage

            return ReferralsPage(self._copy_text)
        if key == "handbook":
            from vaaldstod.ui.handbook_page import HandbookPage

            page = HandbookPage(self._copy_text, self.settings.agency, _referral_categories)
            page.speech_rate = self.settings.speech_rate / 10
            page.ask_agency(not self.settings.agency_confirmed)
            page.agency_chosen.connect(self._agency_chosen)
            page.note_saved.connect(lambda _case: self.cases.reload())
            page.log_contact_requested.connect(
                lambda answers: self.page("statistics").open_contact_dialog(answers)
            )
            return page
        if key == "exercises":
            from vaaldstod.ui.exercises_page import ExercisesPage

            page = ExercisesPage()
            page.presenting.connect(self.presenting)
            page.quick_exit_requested.connect(self.quick_exit_requested)
            return page
        if key == "statistics":
            from vaaldstod.ui.statistics_page import StatisticsPage

            return StatisticsPage(self.settings)
        from vaaldstod.ui.settings_page import SettingsPage

        page = SettingsPage(self.settings)
        page.changed.connect(self._settings_changed)
        page.vault_replaced.connect(self.vault_replaced)
        page.lock_requested.connect(self.unlock_needed)
        page.packs.changed.connect(self._packs_changed)
        return page

    @property
    def cases(self):
        return self.page("cases")

    @property
    def handbook(self):
        return self.page("handbook")

    @property
    def settings_page(self):
        return self.page("settings")

    def _case_chosen(self, case_id: int | None) -> None:
        """Handbook and Referrals follow the case open in Cases (the handler may pick another)."""
        self.case_id = case_id
        for key in ("handbook", "referrals"):
            if key in self.pages and case_id is not None:
                self.pages[key].set_case(case_id)

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.page(KEYS[row])
            self.stack.setCurrentIndex(row)

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(KEYS.index(key))

    def _agency_chosen(self, agency: str) -> None:
        """The handler answered the handbook's question: keep the agency, stop asking."""
        from dataclasses import replace as replaced

        from vaaldstod import settings as settings_store
        from vaaldstod.ui.errors import error_text

        current = replaced(self.settings, agency=agency, agency_confirmed=True)
        try:
            settings_store.save(current)
        except OSError as error:
            self.show_status(error_text(error))
        page = self.pages.get("settings")
        if page is not None:  # its own copy is what it saves next time
            page.settings = current
            page.agency.blockSignals(True)
            page.agency.setCurrentIndex(max(0, page.agency.findData(agency)))
            page.agency.blockSignals(False)
        self._settings_changed(current)

    def _settings_changed(self, current: Settings) -> None:
        if current.agency != self.settings.agency and not current.agency_confirmed:
            # Choosing the agency in Settings answers the handbook's question too.
            self._agency_chosen(current.agency)
            return
        self.settings = current
        self._show_title()
        if "handbook" in self.pages:
            self.handbook.ask_agency(not current.agency_confirmed)
            self.handbook.set_agency(current.agency)
            self.handbook.speech_rate = current.speech_rate / 10
        if "statistics" in self.pages:
            self.pages["statistics"].apply_settings(current)
        self.settings_changed.emit(current)

    def _packs_changed(self) -> None:
        for page in self.pages.values():
            if hasattr(page, "reload_content"):
                page.reload_content()

    # -- texts, vault, status ----------------------------------------------------------

    def _show_title(self) -> None:
        """The app's name, or the neutral one chosen in Settings (discretion)."""
        title = self.settings.neutral_title or "Våldstöd"
        self.setWindowTitle(title)
        self.heading.setText(title)

    def retranslate_ui(self) -> None:
        self._show_title()
        label_text(self.lock, _("Lock"), _("Lock the vault now (Ctrl+L)"))
        label_text(self.help, _("Keyboard shortcuts"), _("List the keyboard shortcuts (F1)"))
        self.quick_exit.retranslate_ui()
        label_text(self.navigation, _("Areas"))
        for row, (_key, caption) in enumerate(PAGES):
            self.navigation.item(row).setText(_(caption))
        for page in self.pages.values():
            page.retranslate_ui()

    def attach(self, vault) -> None:
        """Hand the unlocked vault to every page built so far (later ones get it when built)."""
        self.vault = vault
        for page in self.pages.values():
            page.attach(vault)

    def detach(self) -> None:
        """On lock: each page keeps drafts encrypted, then forgets what it showed."""
        for page in self.pages.values():
            page.detach()
        self.vault = None
        self.show_status("")

    def show_shortcuts(self) -> None:
        from vaaldstod.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_status(self, text: str) -> None:
        self.status_line.setText(text)
        self.status_line.setAccessibleName(text)
