"""Log one anonymous contact for the follow-up statistics, after a meeting.

The questions about asking and disclosure are the walk-through's own panel, so a finished
walk-through prefills them and the answers mean the same in both places. What is stored is
coded answers by week only (see `vaaldstod.statistics.model`).
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.directory.categories import CATEGORIES, category_label
from vaaldstod.i18n import _, current_language
from vaaldstod.settings import AGENCIES
from vaaldstod.statistics.model import (
    AGE_BANDS,
    GENDERS,
    StatisticsError,
    from_walkthrough,
    recent_weeks,
    week_monday,
)
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.views import fit_scroll_width
from vaaldstod.ui.walkthrough_panel import WalkthroughPanel, _checked, _radio_group
from vaaldstod.ui.widgets import form_row, label, label_text
from vaaldstod.vault import VaultError

WEEKS_BACK = 8  # a contact may be logged up to two months afterwards


class ContactDialog(QDialog):
    """Asks the coded questions; Save stores the record in `vault` and emits `saved(id)`."""

    saved = Signal(int)

    def __init__(
        self,
        parent: QWidget | None,
        vault,
        prefill: dict | None = None,
        *,
        agency: str = AGENCIES[0],
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.vault = vault
        self.record_id: int | None = None
        self._weeks = recent_weeks(today or date.today(), WEEKS_BACK)

        self.intro = label("muted")
        self.week = QComboBox()
        self.agency = QComboBox()
        for code in AGENCIES:
            self.agency.addItem("", code)
        self.agency.setCurrentIndex(AGENCIES.index(agency) if agency in AGENCIES else 0)
        form = QFormLayout()
        self.week_caption = form_row(form, self.week)
        self.agency_caption = form_row(form, self.agency)

        self.panel = WalkthroughPanel([])
        # Consent and the order of referrals belong to the case; the statistics count
        # categories only, so they get tick boxes below instead of the panel's list.
        self.panel.referral_box.hide()
        self.panel.child_report_box.hide()  # a fact for the journal, not for statistics
        self.panel.layout().setContentsMargins(0, 0, 0, 0)  # in line with the boxes below
        self.referral_box = QGroupBox()
        grid = QGridLayout(self.referral_box)
        self.referrals = {}
        for index, code in enumerate(CATEGORIES):
            self.referrals[code] = QCheckBox()
            grid.addWidget(self.referrals[code], index // 2, index % 2)
        self.gender_box = QGroupBox()
        self.gender_group, self.genders = _radio_group(self.gender_box, GENDERS)
        self.age = QComboBox()
        for code, _caption in AGE_BANDS:
            self.age.addItem("", code)
        self.age.setCurrentIndex(-1)
        age_form = QFormLayout()
        self.age_caption = form_row(age_form, self.age)

        self.missing = label("muted")
        self.error = label("error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addWidget(self.referral_box)
        layout.addWidget(self.gender_box)
        layout.addLayout(age_form)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Every control inside takes focus and is scrolled into view; the area itself would
        # be a nameless extra Tab stop.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.missing)
        outer.addWidget(self.error)
        outer.addWidget(self.buttons)
        self.resize(640, 720)

        self.panel.changed.connect(self._update)
        self.gender_group.buttonToggled.connect(self._update)
        self.age.currentIndexChanged.connect(self._update)
        if prefill:
            self.prefill(prefill)
        self.retranslate_ui()
        fit_scroll_width(scroll)  # with the texts in place: wider text, wider dialog

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Log a contact for the statistics"))
        self.intro.setText(
            _(
                "Only these coded answers are stored, by week: no name, no date, no free text "
                "and no link to a case."
            )
        )
        self.week_caption.setText(_("&Week"))
        label_text(self.week, _("Week"))
        self._fill_weeks()
        self.agency_caption.setText(_("A&gency"))
        label_text(self.agency, _("Agency"))
        from vaaldstod.ui.settings_page import AGENCY_NAMES

        for index, code in enumerate(AGENCIES):
            self.agency.setItemText(index, AGENCY_NAMES[code])
        self.panel.retranslate_ui()
        self.referral_box.setTitle(_("Referrals given"))
        for code, box in self.referrals.items():
            label_text(box, category_label(code))
        self.gender_box.setTitle(_("Gender"))
        for code, caption in GENDERS:
            label_text(self.genders[code], _(caption))
        self.age_caption.setText(_("A&ge"))
        label_text(self.age, _("Age"))
        self.age.setPlaceholderText(_("Choose an age band"))
        for index, (_code, caption) in enumerate(AGE_BANDS):
            self.age.setItemText(index, _(caption))
        # Save and Cancel are Qt's own buttons: the app's QTranslator names them.
        self._update()

    def _fill_weeks(self) -> None:
        current = self.week.currentData()
        self.week.clear()
        language = current_language()
        for week in self._weeks:
            monday = week_monday(week)
            sunday = date.fromordinal(monday.toordinal() + 6)
            self.week.addItem(
                _("{week} ({first} – {last})").format(
                    week=week,
                    first=format_date(monday, "d MMM", locale=language),
                    last=format_date(sunday, "d MMM", locale=language),
                ),
                week,
            )
        self.week.setCurrentIndex(max(0, self.week.findData(current)))

    def prefill(self, answers: dict) -> None:
        """Fill in walk-through answers (`WalkthroughPanel.answers()`); the rest stays open."""
        self.panel.set_answers(answers)
        ticked = {pair[0] for pair in answers.get("referrals") or [] if pair}
        for code, box in self.referrals.items():
            box.setChecked(code in ticked)
        self._update()

    # -- answers and saving --------------------------------------------------------------

    def _missing(self) -> list[str]:
        answers = self.panel.answers()
        missing = []
        if answers["asked"] is None:
            missing.append(self.panel.asked_box.title())
        elif answers["asked"] == "not_asked" and answers["not_asked_reason"] is None:
            missing.append(self.panel.reason_box.title())
        elif answers["asked"] != "not_asked" and answers["disclosed"] is None:
            missing.append(self.panel.disclosed_box.title())
        if _checked(self.genders) is None:
            missing.append(self.gender_box.title())
        if self.age.currentIndex() < 0:
            missing.append(_("Age"))
        return missing

    def _update(self, *_args) -> None:
        # Forms are counted as forms told about: they need a "yes" (see the model).
        self.panel.forms_box.setEnabled(self.panel.disclosed["yes"].isChecked())
        missing = self._missing()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not missing)
        self.missing.setText(
            _("Still to answer: {questions}").format(questions="; ".join(missing))
            if missing
            else ""
        )

    def contact(self):
        """The record as it would be saved (StatisticsError if a question is unanswered)."""
        answers = self.panel.answers()
        answers["referrals"] = [
            [code, None] for code, box in self.referrals.items() if box.isChecked()
        ]
        return from_walkthrough(
            answers,
            week=self.week.currentData(),
            agency=self.agency.currentData(),
            gender=_checked(self.genders),
            age_band=self.age.currentData(),
        )

    def _save(self) -> None:
        try:
            contact = self.contact()
            self.record_id = self.vault.add_contact(contact.week, contact.record())
        except StatisticsError as error:
            self.error.setText(str(error))
            return
        except VaultError as error:
            self.error.setText(error_text(error))
            return
        self.saved.emit(self.record_id)
        self.accept()
