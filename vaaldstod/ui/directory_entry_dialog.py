"""The form for one of the office's own directory entries: add, edit, or fill in a shipped one."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.directory import AREAS, CATEGORIES, EntryRefused, OfficeEntries
from vaaldstod.directory.entry import DEFAULT_REVIEW_DAYS, Entry
from vaaldstod.i18n import N_, _
from vaaldstod.ui.views import fit_scroll_width
from vaaldstod.ui.widgets import form_row, label, label_text

# Field -> caption, in the order of the form; validation messages name fields by caption.
CAPTIONS = {
    "organisation": N_("Organisation"),
    "category": N_("Category"),
    "area": N_("Serves"),
    "county": N_("County"),
    "municipalities": N_("Municipalities (separated by commas)"),
    "phone": N_("Phone"),
    "needs_office_input": N_("Number not yet checked"),
    "web": N_("Web address"),
    "languages": N_("Languages of support (codes such as sv, en, ar)"),
    "protected": N_("Protected address"),
    "verified_on": N_("Checked on"),
    "review_days": N_("Check again after (days)"),
    "hours": N_("Opening hours"),
    "contact": N_("How to make contact"),
    "accessibility": N_("Accessibility"),
    "notes": N_("Notes"),
    "source": N_("Where the office checked this"),
}


def field_caption(field: str | None) -> str:
    """The form's caption for a field, or the field's own name if the form has none."""
    return _(CAPTIONS[field]) if field in CAPTIONS else (field or "")


class DirectoryEntryDialog(QDialog):
    """Edits an office entry; a shipped entry is saved as the office's own, with the same id."""

    def __init__(
        self, office: OfficeEntries, entry: Entry | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.office = office
        self.entry = entry
        self.saved: Entry | None = None
        self.fields: dict[str, QWidget] = {
            "organisation": QLineEdit(),
            "category": QComboBox(),
            "area": QComboBox(),
            "county": QLineEdit(),
            "municipalities": QLineEdit(),
            "phone": QLineEdit(),
            "needs_office_input": QCheckBox(),
            "web": QLineEdit(),
            "languages": QLineEdit(),
            "protected": QCheckBox(),
            "verified_on": QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd"),
            "review_days": QSpinBox(minimum=1, maximum=3650),
            "hours": QLineEdit(),
            "contact": QPlainTextEdit(),
            "accessibility": QLineEdit(),
            "notes": QPlainTextEdit(),
            "source": QLineEdit(),
        }
        for code, caption in CATEGORIES.items():
            self.fields["category"].addItem(_(caption), code)
        for code, caption in AREAS.items():
            self.fields["area"].addItem(_(caption), code)
        self.fields["area"].currentIndexChanged.connect(self._area_changed)
        for name in ("contact", "notes"):
            self.fields[name].setTabChangesFocus(True)
            self.fields[name].setFixedHeight(70)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name, widget in self.fields.items():
            caption = form_row(form, widget)
            caption.setText(_(CAPTIONS[name]) + ":")
            label_text(widget, _(CAPTIONS[name]), self._hint(name))
        self.fields["needs_office_input"].setText(_("The office still has to check the number"))
        self.fields["protected"].setText(
            _("Shelter or protected housing: its address is never stored or printed")
        )
        self.problems = label("error")
        self.problems.setAccessibleName(_("Problems with the entry"))
        self.problems.hide()
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Every control inside takes focus and is scrolled into view; the area itself would
        # be a nameless extra Tab stop.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = label("muted")
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._fill(entry)
        fit_scroll_width(scroll)  # tick boxes cannot wrap: at large text the dialog widens
        self.setMinimumSize(self.minimumSizeHint().expandedTo(QSize(620, 640)))

    def _hint(self, name: str) -> str:
        hints = {
            "phone": _("Digits, spaces and '-'; leave empty only with the box below ticked"),
            "source": _("For example the organisation's web page and the date it was read"),
            "contact": _("Phone or web only: never a street address"),
        }
        return hints.get(name, "")

    def _fill(self, entry: Entry | None) -> None:
        editing_own = entry is not None and entry.origin == "office"
        if entry is None:
            self.setWindowTitle(_("New directory entry"))
            self.intro.setText(_("The entry is saved in the office's own directory."))
        elif editing_own:
            self.setWindowTitle(_("Edit directory entry"))
            self.intro.setText(_("The entry is saved in the office's own directory."))
        else:
            self.setWindowTitle(_("Fill in or correct a shipped entry"))
            self.intro.setText(
                _(
                    "Your version is saved as the office's own and is shown instead of the "
                    "shipped one. Remove it to see the shipped entry again."
                )
            )
        today = datetime.date.today()
        self.fields["verified_on"].setMaximumDate(QDate(today.year, today.month, today.day))
        self.fields["verified_on"].setDate(QDate(today.year, today.month, today.day))
        self.fields["review_days"].setValue(DEFAULT_REVIEW_DAYS)
        self._area_changed()
        if entry is None:
            return
        for name in ("organisation", "county", "phone", "web", "hours", "accessibility"):
            self.fields[name].setText(getattr(entry, name))
        self.fields["municipalities"].setText(", ".join(entry.municipalities))
        self.fields["languages"].setText(", ".join(entry.languages))
        self.fields["contact"].setPlainText(entry.contact)
        self.fields["notes"].setPlainText(entry.notes)
        self.fields["needs_office_input"].setChecked(entry.needs_office_input)
        self.fields["protected"].setChecked(entry.protected)
        for name in ("category", "area"):
            combo = self.fields[name]
            combo.setCurrentIndex(max(0, combo.findData(getattr(entry, name))))
        if editing_own:
            # A shipped entry's dates and source are the pack's; the office checks anew.
            checked = entry.verified_on
            self.fields["verified_on"].setDate(QDate(checked.year, checked.month, checked.day))
            self.fields["review_days"].setValue(entry.review_days or DEFAULT_REVIEW_DAYS)
            self.fields["source"].setText(entry.source)

    def _area_changed(self) -> None:
        area = self.fields["area"].currentData()
        self.fields["county"].setEnabled(area != "national")
        self.fields["municipalities"].setEnabled(area == "municipalities")

    def values(self) -> dict:
        """The form as the plain values an office entry is checked from."""
        f = self.fields
        area = f["area"].currentData()
        values = {
            "organisation": f["organisation"].text().strip(),
            "category": f["category"].currentData(),
            "area": area,
            "county": f["county"].text().strip() if area != "national" else "",
            "municipalities": _split(f["municipalities"].text())
            if area == "municipalities"
            else [],
            "phone": f["phone"].text().strip(),
            "needs_office_input": f["needs_office_input"].isChecked(),
            "web": f["web"].text().strip(),
            "languages": _split(f["languages"].text()),
            "protected": f["protected"].isChecked(),
            "verified_on": f["verified_on"].date().toString("yyyy-MM-dd"),
            "review_days": f["review_days"].value(),
            "hours": f["hours"].text().strip(),
            "contact": f["contact"].toPlainText().strip(),
            "accessibility": f["accessibility"].text().strip(),
            "notes": f["notes"].toPlainText().strip(),
            "source": f["source"].text().strip(),
        }
        if self.entry is not None:
            values["id"] = self.entry.id
        return values

    def _save(self) -> None:
        own = self.entry is not None and self.entry.origin == "office"
        try:
            self.saved = self.office.save_entry(
                self.values(), replacing=self.entry.id if own else None
            )
        except EntryRefused as refused:
            lines = [problem.text(field_caption) for problem in refused.problems]
            self.problems.setText("\n".join(lines))
            self.problems.setAccessibleDescription("\n".join(lines))
            self.problems.show()
            first = refused.problems[0].field
            if first in self.fields:
                self.fields[first].setFocus()
            return
        self.accept()


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
