"""The preview before an import of office entries: what would come in, and every problem."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.directory import ImportPreview, category_label
from vaaldstod.i18n import _, ngettext
from vaaldstod.ui.widgets import label, label_text


class DirectoryImportDialog(QDialog):
    """Shows the parsed rows and the problems; Import is possible only without problems."""

    def __init__(self, preview: ImportPreview, source: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Import directory entries"))
        self.resize(760, 520)
        self.summary = label()
        self.rows = QTableWidget(len(preview.entries), 4)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setHorizontalHeaderLabels(
            [_("Organisation"), _("Category"), _("Phone"), _("Replaces")]
        )
        self.rows.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, entry in enumerate(preview.entries):
            replaces = _("yes") if entry.id in preview.replacing else ""
            cells = (entry.organisation, category_label(entry.category), entry.phone, replaces)
            for column, text in enumerate(cells):
                self.rows.setItem(row, column, QTableWidgetItem(text))
        label_text(self.rows, _("Entries read from the file"))
        self.problems = QListWidget()
        self.problems.addItems([str(problem) for problem in preview.problems])
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(preview.problems))
        label_text(self.problems, _("Problems found in the file"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(preview.ok)
        label_text(self.import_button, _("Import"), _("Add or replace the entries listed above"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        if preview.ok:
            text = ngettext(
                "{count} entry can be imported from {source}",
                "{count} entries can be imported from {source}",
                len(preview.entries),
            ).format(count=len(preview.entries), source=source)
            if preview.replacing:
                text += " " + ngettext(
                    "({count} replaces an entry with the same id).",
                    "({count} replace entries with the same id).",
                    len(preview.replacing),
                ).format(count=len(preview.replacing))
        else:
            text = ngettext(
                "Nothing will be imported: {source} has {count} problem. Correct the file and "
                "try again.",
                "Nothing will be imported: {source} has {count} problems. Correct the file and "
                "try again.",
                len(preview.problems),
            ).format(count=len(preview.problems), source=source)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.rows, 2)
        layout.addWidget(buttons)
