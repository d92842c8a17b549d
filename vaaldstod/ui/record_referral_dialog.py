"""Recording in the case that the client was referred: to what kind of service, when, consent."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.directory import CATEGORIES
from vaaldstod.i18n import _
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.walkthrough_panel import CONSENT_LABELS
from vaaldstod.ui.widgets import form_row, label, label_text
from vaaldstod.vault import Vault, VaultError


class RecordReferralDialog(QDialog):
    """Asks for category, date and consent, then stores the referral in the encrypted vault."""

    def __init__(
        self, vault: Vault, case_id: int, category: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Record referral in the case"))
        self.vault = vault
        self.case_id = case_id
        self.referral_id: int | None = None

        self.category = QComboBox()
        for code, caption in CATEGORIES.items():
            self.category.addItem(_(caption), code)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))
        today = datetime.date.today()
        self.given_on = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.given_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.given_on.setDate(QDate(today.year, today.month, today.day))
        self.consent_box = QGroupBox(_("The client's consent"))
        self.consent = QButtonGroup(self)
        box_layout = QVBoxLayout(self.consent_box)
        self.consent_buttons: dict[str, QRadioButton] = {}
        for code, caption in CONSENT_LABELS:
            radio = QRadioButton()
            label_text(radio, _(caption))
            self.consent.addButton(radio)
            box_layout.addWidget(radio)
            self.consent_buttons[code] = radio
        self.problem = label("error")
        self.problem.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        # Consent is never assumed: Save waits until one answer is chosen.
        self._save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self._save_button.setEnabled(False)
        self.consent.buttonToggled.connect(self._consent_chosen)

        form = QFormLayout()
        form_row(form, self.category).setText(_("&Kind of service:"))
        form_row(form, self.given_on).setText(_("&Date:"))
        label_text(self.category, _("Kind of service"))
        label_text(self.given_on, _("Date the referral was given"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _consent_chosen(self, *_args) -> None:
        self._save_button.setEnabled(self.chosen_consent() is not None)

    def chosen_consent(self) -> str | None:
        return next((code for code, b in self.consent_buttons.items() if b.isChecked()), None)

    def _save(self) -> None:
        consent = self.chosen_consent()
        if consent is None:
            return
        try:
            self.referral_id = self.vault.add_referral(
                self.case_id,
                self.category.currentData(),
                consent,
                self.given_on.date().toPython(),
            )
        except VaultError as error:
            self.problem.setText(error_text(error))
            self.problem.show()
            return
        self.accept()
