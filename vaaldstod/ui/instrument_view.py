"""An agency's licensed instrument, filled in during the meeting: questions, scale, result band."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.handbook import markdown_html
from vaaldstod.i18n import _
from vaaldstod.ui.widgets import label, label_text


class InstrumentView(QScrollArea):
    """Emits `answered(pack_id, answers)` on every choice; the handbook keeps them in the case."""

    answered = Signal(str, dict)

    def __init__(self, pack, language: str, answers: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.language = language
        self.setWidgetResizable(True)
        self.setObjectName("instrumentView")
        # A Tab stop of its own, so that the guidance and the result can be scrolled to.
        self.setAccessibleName(pack.title(language))
        content = pack.localized(language)
        scales = {scale["id"]: scale["options"] for scale in content["scales"]}
        inner = QWidget()
        layout = QVBoxLayout(inner)
        title = label("title")
        title.setText(pack.title(language))
        layout.addWidget(title)
        licence = label("muted")
        licence.setText(
            _(
                "Published by {publisher} under {licence}. Use it only as your agency's licence "
                "and training allow."
            ).format(publisher=pack.manifest.publisher, licence=pack.manifest.licence)
        )
        layout.addWidget(licence)
        if content.get("guidance"):
            guidance = QLabel(markdown_html(content["guidance"]))
            guidance.setWordWrap(True)
            layout.addWidget(guidance)
        self.groups: dict[str, QButtonGroup] = {}
        for question in content["questions"]:
            box = QGroupBox(question["text"])
            box.setAccessibleName(question["text"])
            row = QHBoxLayout(box)
            group = QButtonGroup(box)
            for option in scales[question["scale"]]:
                radio = QRadioButton()
                label_text(radio, option["label"])
                radio.setProperty("option", option["id"])
                radio.setChecked(answers.get(question["id"]) == option["id"])
                group.addButton(radio)
                row.addWidget(radio)
            row.addStretch()
            group.buttonToggled.connect(self._changed)
            self.groups[question["id"]] = group
            layout.addWidget(box)
        self.result = label("warning")
        layout.addWidget(self.result)
        layout.addStretch()
        self.setWidget(inner)
        self._show_result()

    def answers(self) -> dict[str, str]:
        return {
            question: group.checkedButton().property("option")
            for question, group in self.groups.items()
            if group.checkedButton() is not None
        }

    def _changed(self, _button, checked: bool) -> None:
        if checked:
            self._show_result()
            self.answered.emit(self.pack.id, self.answers())

    def _show_result(self) -> None:
        from vaaldstod.packs.instrument import score

        if "scoring" not in self.pack.content:
            self.result.setText(
                _("Answers are kept with the walk-through. This instrument has no scoring.")
            )
            return
        result = score(self.pack, self.answers(), self.language)
        if result.band is None:
            self.result.setText(
                _(
                    "{n} of {total} questions answered. The result shows when all are answered."
                ).format(n=len(self.groups) - len(result.unanswered), total=len(self.groups))
            )
        else:
            self.result.setText(
                _("Total {total}: {band}").format(total=result.total, band=result.band.title)
                + "\n\n"
                + result.band.guidance
            )
        self.result.setAccessibleName(self.result.text())
