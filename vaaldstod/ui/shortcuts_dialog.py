"""F1: every keyboard shortcut in one list, so the app can be used without a mouse."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from vaaldstod.i18n import N_, _
from vaaldstod.ui.widgets import label_text

SHORTCUTS = (
    ("Esc Esc", N_("Quick exit: hide everything at once, lock and quit")),
    ("F12", N_("Quick exit")),
    ("Ctrl+L", N_("Lock now")),
    ("Ctrl+F", N_("Search notes, or search the handbook on the handbook page")),
    ("Ctrl+N", N_("New case")),
    ("Ctrl+S", N_("Save the note")),
    ("Ctrl+P", N_("Print or save the handbook step as PDF")),
    ("Tab / Shift+Tab", N_("Move to the next or previous control")),
    ("Alt + underlined letter", N_("Jump to the field with that label")),
    ("F1", N_("This list")),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels([_("Keys"), _("What it does")])
        label_text(tree, _("Keyboard shortcuts"))
        for keys, meaning in SHORTCUTS:
            tree.addTopLevelItem(QTreeWidgetItem([keys, _(meaning)]))
        tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tree)
        layout.addWidget(buttons)
        self.resize(560, 380)
