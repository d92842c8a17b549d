"""The unlocked window: navigation between the areas, lock and quick exit always in view."""

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
from vaaldstod.ui.handbook_page import HandbookPage
from vaaldstod.ui.settings_page import SettingsPage
from vaaldstod.ui.widgets import QuickExitButton, button, label, label_text

PAGES = [
    ("cases", N_("Cases and notes")),
    ("handbook", N_("Handbook")),
    ("settings", N_("Settings")),
]


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

    def __init__(self, current: Settings, copy_text, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.resize(1100, 720)
        self.cases = CasesPage(copy_text)
        self.handbook = HandbookPage(copy_text, current.agency, _referral_categories)
        self.settings_page = SettingsPage(current)
        self.pages = {
            "cases": self.cases,
            "handbook": self.handbook,
            "settings": self.settings_page,
        }
        self.handbook.note_saved.connect(lambda _case: self.cases.reload())
        self.settings_page.packs.changed.connect(self.handbook.reload_content)

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
        self.navigation.setFixedWidth(190)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setWordWrap(True)
        self.stack = QStackedWidget()
        for key, _caption in PAGES:
            self.navigation.addItem("")
            self.stack.addWidget(self.pages[key])
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        for page in self.pages.values():
            page.status.connect(self.show_status)

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

    def retranslate_ui(self) -> None:
        self.setWindowTitle("Våldstöd")
        self.heading.setText("Våldstöd")
        label_text(self.lock, _("Lock"), _("Lock the vault now (Ctrl+L)"))
        label_text(self.help, _("Keyboard shortcuts"), _("List the keyboard shortcuts (F1)"))
        label_text(
            self.quick_exit,
            _("Quick exit"),
            _("Hides the app at once and locks it (Esc Esc or F12)"),
        )
        label_text(self.navigation, _("Areas"))
        for row, (_key, caption) in enumerate(PAGES):
            self.navigation.item(row).setText(_(caption))
        for page in self.pages.values():
            page.retranslate_ui()

    def attach(self, vault) -> None:
        """Hand the unlocked vault to every page."""
        for page in self.pages.values():
            page.attach(vault)

    def detach(self) -> None:
        """On lock: each page keeps drafts encrypted, then forgets what it showed."""
        for page in self.pages.values():
            page.detach()
        self.show_status("")

    def show_shortcuts(self) -> None:
        from vaaldstod.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow([k for k, _c in PAGES].index(key))

    def show_status(self, text: str) -> None:
        self.status_line.setText(text)
        self.status_line.setAccessibleName(text)
