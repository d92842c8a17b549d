"""The office profile editor: name, logo, local numbers, opening hours and footer of sheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vaaldstod import paths
from vaaldstod.directory import (
    Directory,
    OfficeProfile,
    OfficeProfileError,
    areas,
    load_profile,
    save_profile,
)
from vaaldstod.directory.office import MAX_LOCAL_NUMBERS, profile_from_values, save_logo
from vaaldstod.i18n import N_, _
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.widgets import button, form_row, label, label_text

LOGO_PREVIEW_HEIGHT = 48
CAPTIONS = {
    "name": N_("Office name"),
    "logo": N_("Logo (PNG or SVG)"),
    "opening_hours": N_("Opening hours"),
    "footer": N_("Footer line"),
    "area": N_("Area the office serves"),
    "local_numbers": N_("Local numbers"),
    "label": N_("Whose number"),
    "phone": N_("Phone"),
}


def _caption(field: str) -> str:
    return _(CAPTIONS[field]) if field in CAPTIONS else field


class OfficeProfileDialog(QDialog):
    """Edits the office profile; a damaged saved profile is reported and can be replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Office profile"))
        self.resize(620, 560)
        self.saved: OfficeProfile | None = None
        self._new_logo: Path | None = None
        try:
            self.profile = load_profile()
            problem = ""
        except OfficeProfileError as error:
            self.profile = OfficeProfile()
            problem = _(
                "The saved office profile could not be read, so the form starts empty; saving "
                "replaces it. ({reason})"
            ).format(reason=error)
        self._logo = self.profile.logo

        intro = label("muted")
        intro.setText(
            _(
                "Printed on referral sheets and posters (the wallet card shows numbers only). "
                "A plain settings file: never write client details here."
            )
        )
        self.name = QLineEdit(self.profile.name)
        self.hours = QLineEdit(self.profile.opening_hours)
        self.footer = QLineEdit(self.profile.footer)
        self.area = self._area_choice(self.profile.area)
        self.logo_preview = label(wrap=False)
        self.choose_logo = button()
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = button()
        self.remove_logo.clicked.connect(self._remove_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.choose_logo)
        logo_row.addWidget(self.remove_logo)
        logo_box = QWidget()
        logo_box.setLayout(logo_row)

        self.numbers = QTableWidget(0, 2)
        self.numbers.setHorizontalHeaderLabels([_caption("label"), _caption("phone")])
        self.numbers.horizontalHeader().setStretchLastSection(True)
        self.numbers.setColumnWidth(0, 300)
        self.numbers.setTabKeyNavigation(False)
        self.numbers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for number in self.profile.local_numbers:
            self._add_number(number.label, number.phone)
        self.add_number = button()
        self.add_number.clicked.connect(self._new_number)
        self.remove_number = button()
        self.remove_number.clicked.connect(self._remove_number)
        number_buttons = QHBoxLayout()
        number_buttons.addWidget(self.add_number)
        number_buttons.addWidget(self.remove_number)
        number_buttons.addStretch()

        form = QFormLayout()
        for widget, field in (
            (self.name, "name"),
            (logo_box, "logo"),
            (self.hours, "opening_hours"),
            (self.footer, "footer"),
            (self.area, "area"),
        ):
            form_row(form, widget).setText(_caption(field) + ":")
            label_text(widget, _caption(field))
        self.problems = label("error")
        self.problems.hide()
        if problem:
            self._show_problem(problem)
        label_text(
            self.numbers,
            _caption("local_numbers"),
            _("For example the municipality's social services or the local shelter"),
        )
        label_text(self.choose_logo, _("Choose logo…"))
        label_text(self.remove_logo, _("Remove logo"))
        label_text(self.add_number, _("Add number"))
        label_text(self.remove_number, _("Remove number"))
        numbers_heading = label()
        numbers_heading.setText(_caption("local_numbers") + ":")
        numbers_heading.setBuddy(self.numbers)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(numbers_heading)
        layout.addWidget(self.numbers, 1)
        layout.addLayout(number_buttons)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._show_logo()

    def _show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.setAccessibleName(text)
        self.problems.show()

    def _add_number(self, whose: str, phone: str, edit: bool = False) -> None:
        if self.numbers.rowCount() >= MAX_LOCAL_NUMBERS:
            return
        row = self.numbers.rowCount()
        self.numbers.insertRow(row)
        self.numbers.setItem(row, 0, QTableWidgetItem(whose))
        self.numbers.setItem(row, 1, QTableWidgetItem(phone))
        self.add_number.setEnabled(self.numbers.rowCount() < MAX_LOCAL_NUMBERS)
        if edit:
            self.numbers.setCurrentCell(row, 0)
            self.numbers.editItem(self.numbers.item(row, 0))

    def _new_number(self) -> None:
        self._add_number("", "", edit=True)

    def _remove_number(self) -> None:
        row = self.numbers.currentRow()
        if row >= 0:
            self.numbers.removeRow(row)
        self.add_number.setEnabled(True)

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose logo"), "", _("Pictures (*.png *.svg)")
        )
        if path:
            self._new_logo = Path(path)
            self._show_logo()

    def _remove_logo(self) -> None:
        self._new_logo = None
        self._logo = ""
        self._show_logo()

    def _show_logo(self) -> None:
        path = self._new_logo or (self.profile.logo_path if self._logo else None)
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(path.name if path else _("No logo"))
        else:
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(
                    LOGO_PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation
                )
            )
        self.logo_preview.setAccessibleName(_("Logo") if path else _("No logo"))
        self.remove_logo.setEnabled(path is not None)

    @staticmethod
    def _area_choice(current: str) -> QComboBox:
        """The counties and municipalities the directory knows; their services join the
        national ones on a sheet's standard set."""
        choice = QComboBox()
        choice.addItem(_("National services only"), "")
        for place in areas(Directory().entries("sv")):
            name = place.municipality or place.county
            text = (
                _("{municipality} ({county})").format(
                    municipality=place.municipality, county=place.county
                )
                if place.municipality
                else _("{county} (county)").format(county=place.county)
            )
            choice.addItem(text, name)
        if current and choice.findData(current) < 0:
            choice.addItem(current, current)  # a place a newer pack knew
        choice.setCurrentIndex(max(0, choice.findData(current)))
        return choice

    def values(self) -> dict:
        """The form as the plain values a profile is checked from."""
        numbers = []
        for row in range(self.numbers.rowCount()):
            whose, phone = (self.numbers.item(row, c) for c in (0, 1))
            whose_text, phone_text = (
                item.text().strip() if item else "" for item in (whose, phone)
            )
            if whose_text or phone_text:
                numbers.append({"label": whose_text, "phone": phone_text})
        return {
            "name": self.name.text(),
            "logo": self._logo,
            "local_numbers": numbers,
            "opening_hours": self.hours.text(),
            "footer": self.footer.text(),
            "area": self.area.currentData() or "",
        }

    def _save(self) -> None:
        try:
            values = self.values()
            profile_from_values(values)  # every other problem before the logo is copied
            if self._new_logo is not None:
                values["logo"] = save_logo(self._new_logo)
            profile = profile_from_values(values, paths.config_dir())
            save_profile(profile)
        except OfficeProfileError as error:
            self._show_problem("\n".join(p.text(_caption) for p in error.problems))
            return
        except OSError as error:
            self._show_problem(error_text(error))
            return
        self.saved = profile
        self.accept()
