"""F1: every keyboard shortcut in one list, so the app can be used without a mouse."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from vaaldstod.i18n import N_, _
from vaaldstod.ui.views import wrap_tree
from vaaldstod.ui.widgets import label_text

SHORTCUTS = (
    ("Esc Esc", N_("Quick exit: hide everything at once, lock and quit")),
    ("F12", N_("Quick exit")),
    ("fn+F12", N_("Quick exit on a Mac keyboard, where F12 alone is a media key")),
    ("Ctrl+L", N_("Lock now")),
    ("Ctrl+F", N_("Search notes, or search the handbook on the handbook page")),
    ("Ctrl+N", N_("New case")),
    ("Ctrl+S", N_("Save the note")),
    ("Ctrl+P", N_("Print or save the handbook step as PDF")),
    ("Ctrl+R", N_("Handbook: read the text shown aloud")),
    ("Ctrl+Shift+R", N_("Handbook: pause or resume reading aloud")),
    ("Ctrl+.", N_("Handbook: stop reading aloud")),
    ("Ctrl+Shift+C", N_("Referrals: copy the chosen entry's phone number")),
    ("Tab / Shift+Tab", N_("Move to the next or previous control")),
    (N_("Alt + underlined letter"), N_("Jump to the field with that label")),
    ("↑ / ↓", N_("Move in a list; choose among radio buttons")),
    (N_("Space"), N_("Press the button, or tick the chosen box, sign or directory entry")),
    ("Enter", N_("Exercises: start presenter mode for the chosen case")),
    (N_("→ / Space / Page Down"), N_("Presenter mode: next stage")),
    ("← / Page Up", N_("Presenter mode: previous stage")),
    ("N", N_("Presenter mode: show or hide the facilitator notes")),
    ("Esc", N_("Presenter mode: leave (another Esc does not quit; F12 does)")),
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
            tree.addTopLevelItem(QTreeWidgetItem([_(keys), _(meaning)]))
        tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tree)
        layout.addWidget(buttons)
        wrap_tree(tree)  # long meanings wrap at any text size
        # Room for the whole list at any text size (640 × 520 at the normal size).
        metrics = self.fontMetrics()
        self.resize(max(640, metrics.averageCharWidth() * 80), max(520, metrics.height() * 26))
