"""The answers a handler records while walking through the handbook with a client."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.code_labels import (  # noqa: F401
    ASKED,
    CHILD_REPORTS,
    DISCLOSED,
    FORMS,
    NOT_ASKED_REASONS,
)
from vaaldstod.i18n import N_, _
from vaaldstod.ui.widgets import button, label_text

CONSENT_LABELS = (
    ("given", N_("Consent given")),
    ("refused", N_("Consent refused")),
    ("not_sought_unsafe", N_("Consent not sought: unsafe")),
)


def _radio_group(box: QGroupBox, choices) -> tuple[QButtonGroup, dict[str, QRadioButton]]:
    group = QButtonGroup(box)
    buttons = {}
    layout = QVBoxLayout(box)
    for code, _caption in choices:
        radio = QRadioButton()
        group.addButton(radio)
        layout.addWidget(radio)
        buttons[code] = radio
    return group, buttons


def _checked(buttons: dict[str, QRadioButton]) -> str | None:
    return next((code for code, radio in buttons.items() if radio.isChecked()), None)


class WalkthroughPanel(QWidget):
    """Radio buttons and tick boxes; `answers()` gives a plain dict the vault can keep."""

    changed = Signal()

    def __init__(self, categories: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkthroughPanel")
        self.categories = categories
        self.checklist_ticks: list[str] = []
        self.instruments: dict[str, dict[str, str]] = {}  # pack id -> question id -> option id

        self.asked_box = QGroupBox()
        self.asked_group, self.asked = _radio_group(self.asked_box, ASKED)
        self.reason_box = QGroupBox()
        self.reason_group, self.reasons = _radio_group(self.reason_box, NOT_ASKED_REASONS)
        self.disclosed_box = QGroupBox()
        self.disclosed_group, self.disclosed = _radio_group(self.disclosed_box, DISCLOSED)
        self.forms_box = QGroupBox()
        forms_layout = QVBoxLayout(self.forms_box)
        self.forms = {}
        for code, _caption in FORMS:
            self.forms[code] = QCheckBox()
            forms_layout.addWidget(self.forms[code])
        self.children = QCheckBox()
        # Whether a report of concern was made, as a fact for the journal (not an intention).
        self.child_report_box = QGroupBox()
        self.child_report_group, self.child_report = _radio_group(
            self.child_report_box, CHILD_REPORTS
        )
        self.referral_box = QGroupBox()
        self.category = QComboBox()
        self.consent = QComboBox()
        self.add_referral = button()
        self.add_referral.clicked.connect(self._add_referral)
        self.remove_referral = button()
        self.remove_referral.clicked.connect(self._remove_referral)
        self.referrals = QListWidget()
        self.referrals.setMaximumHeight(110)
        referral_layout = QVBoxLayout(self.referral_box)
        referral_layout.addWidget(self.category)
        referral_layout.addWidget(self.consent)
        row = QHBoxLayout()
        row.addWidget(self.add_referral)
        row.addWidget(self.remove_referral)
        referral_layout.addLayout(row)
        referral_layout.addWidget(self.referrals)

        layout = QVBoxLayout(self)
        for widget in (
            self.asked_box,
            self.reason_box,
            self.disclosed_box,
            self.forms_box,
            self.children,
            self.child_report_box,
            self.referral_box,
        ):
            layout.addWidget(widget)
        layout.addStretch()

        for group in (
            self.asked_group,
            self.reason_group,
            self.disclosed_group,
            self.child_report_group,
        ):
            group.buttonToggled.connect(self._changed)
        for box in [*self.forms.values(), self.children]:
            box.toggled.connect(self._changed)
        self.retranslate_ui()
        self._update_enabled()

    def retranslate_ui(self) -> None:
        self.asked_box.setTitle(_("Was the question about violence asked?"))
        self.reason_box.setTitle(_("Why not?"))
        self.disclosed_box.setTitle(_("Did the client disclose violence?"))
        self.forms_box.setTitle(_("Forms of violence described"))
        self.referral_box.setTitle(_("Referrals given"))
        self.child_report_box.setTitle(_("Report of concern to social services"))
        for choices, buttons in (
            (ASKED, self.asked),
            (NOT_ASKED_REASONS, self.reasons),
            (DISCLOSED, self.disclosed),
            (FORMS, self.forms),
            (CHILD_REPORTS, self.child_report),
        ):
            for code, caption in choices:
                label_text(buttons[code], _(caption))
        label_text(self.children, _("Children are affected"))
        self._fill_combo(self.category, self.categories, _("Referred to"))
        self._fill_combo(self.consent, [(c, _(t)) for c, t in CONSENT_LABELS], _("Consent"))
        label_text(self.add_referral, _("Add referral"))
        label_text(self.remove_referral, _("Remove"))
        label_text(self.referrals, _("Referrals given"))
        self._show_referrals(self.referral_list())

    @staticmethod
    def _fill_combo(combo: QComboBox, choices, name: str) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for code, caption in choices:
            combo.addItem(caption, code)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        label_text(combo, name)

    def _changed(self, *_args) -> None:
        self._update_enabled()
        self.changed.emit()

    def _update_enabled(self) -> None:
        not_asked = self.asked["not_asked"].isChecked()
        self.reason_box.setEnabled(not_asked)
        self.disclosed_box.setEnabled(not not_asked)
        self.child_report_box.setEnabled(self.children.isChecked())

    def _add_referral(self) -> None:
        pairs = self.referral_list() + [(self.category.currentData(), self.consent.currentData())]
        self._show_referrals(pairs)
        self.changed.emit()

    def _remove_referral(self) -> None:
        row = self.referrals.currentRow()
        if row >= 0:
            pairs = self.referral_list()
            del pairs[row]
            self._show_referrals(pairs)
            self.changed.emit()

    def _show_referrals(self, pairs: list[tuple[str, str]]) -> None:
        labels = dict(self.categories)
        consents = dict(CONSENT_LABELS)
        self.referrals.clear()
        for category, consent in pairs:
            item = QListWidgetItem(f"{labels.get(category, category)} · {_(consents[consent])}")
            item.setData(Qt.ItemDataRole.UserRole, (category, consent))
            self.referrals.addItem(item)

    def referral_list(self) -> list[tuple[str, str]]:
        return [
            tuple(self.referrals.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.referrals.count())
        ]

    # -- answers in and out ------------------------------------------------------------

    def answers(self) -> dict:
        asked = _checked(self.asked)
        return {
            "asked": asked,
            "not_asked_reason": _checked(self.reasons) if asked == "not_asked" else None,
            "disclosed": _checked(self.disclosed) if asked != "not_asked" else None,
            "forms": [code for code, box in self.forms.items() if box.isChecked()],
            "children_affected": self.children.isChecked(),
            "child_report": _checked(self.child_report) if self.children.isChecked() else None,
            "referrals": [list(pair) for pair in self.referral_list()],
            "checklist": list(self.checklist_ticks),
            "instruments": {k: dict(v) for k, v in self.instruments.items()},
        }

    def set_answers(self, answers: dict) -> None:
        self.blockSignals(True)
        for group in (
            self.asked_group,
            self.reason_group,
            self.disclosed_group,
            self.child_report_group,
        ):
            group.setExclusive(False)
            for radio in group.buttons():
                radio.setChecked(False)
            group.setExclusive(True)
        for key, buttons in (
            ("asked", self.asked),
            ("not_asked_reason", self.reasons),
            ("disclosed", self.disclosed),
            ("child_report", self.child_report),
        ):
            if answers.get(key) in buttons:
                buttons[answers[key]].setChecked(True)
        for code, box in self.forms.items():
            box.setChecked(code in answers.get("forms", []))
        self.children.setChecked(bool(answers.get("children_affected")))
        self._show_referrals([tuple(pair) for pair in answers.get("referrals", [])])
        self.checklist_ticks = list(answers.get("checklist", []))
        self.instruments = {k: dict(v) for k, v in answers.get("instruments", {}).items()}
        self._update_enabled()
        self.blockSignals(False)

    def clear(self) -> None:
        self.set_answers({})
