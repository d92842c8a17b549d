"""The case editor: a team leader writes a fictional case in a form, previews it, rehearses it
in presenter mode and exports it as a pack another office can install.

The form edits an `ExerciseDraft` (core); checking and writing the pack is the core's job.
The draft is kept when the vault locks: it is fictional material written for training,
never client data, and losing an hour's writing to the idle lock would help no one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.exercises import (
    Exercise,
    ExerciseDraft,
    HandbookLink,
    StageDraft,
    exercise_html,
    export,
    full_handbook,
    link_title,
    preview,
)
from vaaldstod.exercises.care import SupportLine, support_lines
from vaaldstod.exercises.writer import build, suggested_pack_id
from vaaldstod.handbook import STEPS
from vaaldstod.i18n import LANGUAGES, _, current_language
from vaaldstod.packs import PackError
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.widgets import button, form_row, label, label_text

ROLE = Qt.ItemDataRole.UserRole
PREVIEW_DELAY_MS = 300


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # keyboard users leave the box with Tab, as in a form
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 2)
    return box


class ExerciseEditor(QWidget):
    status = Signal(str)
    rehearse_requested = Signal(object)  # an Exercise built from the draft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseEditor")
        self._handbook = None
        self._support: tuple[str, tuple[SupportLine, ...]] | None = None
        self._ready = False  # the handbook is read on first show, not when the app starts
        self._stages: list[StageDraft] = [StageDraft()]
        self._current_stage = 0
        self._loading = False
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

        self.intro = label("muted")
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.title = QLineEdit()
        self.case = _text_box(90)
        self.goals = _text_box()
        self.duration = QSpinBox()
        self.duration.setRange(5, 480)
        self.duration.setSingleStep(5)
        self.duration.setValue(45)

        self.stage_list = QListWidget()
        self.stage_list.setMaximumHeight(110)
        self.stage_list.currentRowChanged.connect(self._stage_chosen)
        self.add_stage = button()
        self.remove_stage = button()
        self.stage_up = button()
        self.stage_down = button()
        self.add_stage.clicked.connect(self._add_stage)
        self.remove_stage.clicked.connect(self._remove_stage)
        self.stage_up.clicked.connect(lambda: self._move_stage(-1))
        self.stage_down.clicked.connect(lambda: self._move_stage(1))
        self.stage_title = QLineEdit()
        self.stage_facts = _text_box()
        self.stage_questions = _text_box()
        self.stage_notes = _text_box(90)
        self.stage_minutes = QSpinBox()
        self.stage_minutes.setRange(0, 240)

        self.closing = _text_box()
        self.link_filter = QLineEdit()
        self.link_filter.setClearButtonEnabled(True)
        self.link_filter.textChanged.connect(self._filter_links)
        self.links = QListWidget()
        self.links.setMinimumHeight(160)
        self.links.setWordWrap(True)
        self.links.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.publisher = QLineEdit()
        self.pack_id = QLineEdit()
        self.version = QLineEdit("1.0.0")

        self.check = button()
        self.check.clicked.connect(self.check_draft)
        self.rehearse = button()
        self.rehearse.clicked.connect(self._rehearse)
        self.export_button = button("primary")
        self.export_button.clicked.connect(self._export)
        self.clear_button = button()
        self.clear_button.clicked.connect(self.clear)
        self.preview_view = QTextBrowser()
        self.preview_view.setOpenLinks(False)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(140)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self._build_layout()
        for widget in (self.title, self.pack_id, self.publisher, self.version, self.stage_title):
            widget.textChanged.connect(self._changed)
        for widget in (
            self.case,
            self.goals,
            self.closing,
            self.stage_facts,
            self.stage_questions,
            self.stage_notes,
        ):
            widget.textChanged.connect(self._changed)
        for spin in (self.duration, self.stage_minutes):
            spin.valueChanged.connect(self._changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.links.itemChanged.connect(self._changed)
        self.retranslate_ui()
        self._show_stages()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._captions = {
            "language": form_row(form, self.language),
            "title": form_row(form, self.title),
            "case": form_row(form, self.case),
            "goals": form_row(form, self.goals),
            "duration": form_row(form, self.duration),
        }
        self.stages_box = QGroupBox()
        stage_buttons = QHBoxLayout()
        for control in (self.add_stage, self.remove_stage, self.stage_up, self.stage_down):
            stage_buttons.addWidget(control)
        stage_buttons.addStretch()
        stage_form = QFormLayout()
        self._captions.update(
            stage_title=form_row(stage_form, self.stage_title),
            stage_facts=form_row(stage_form, self.stage_facts),
            stage_questions=form_row(stage_form, self.stage_questions),
            stage_notes=form_row(stage_form, self.stage_notes),
            stage_minutes=form_row(stage_form, self.stage_minutes),
        )
        stages_layout = QVBoxLayout(self.stages_box)
        stages_layout.addWidget(self.stage_list)
        stages_layout.addLayout(stage_buttons)
        stages_layout.addLayout(stage_form)
        after = QFormLayout()
        self._captions.update(
            closing=form_row(after, self.closing),
            link_filter=form_row(after, self.link_filter),
            links=form_row(after, self.links),
            publisher=form_row(after, self.publisher),
            pack_id=form_row(after, self.pack_id),
            version=form_row(after, self.version),
        )
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.addWidget(self.intro)
        fields_layout.addLayout(form)
        fields_layout.addWidget(self.stages_box)
        fields_layout.addLayout(after)
        fields_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Every control inside takes focus and is scrolled into view; the area itself would
        # be a nameless extra Tab stop.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.preview_caption = label("muted")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_caption)
        right_layout.addWidget(self.preview_view, 1)
        right_layout.addWidget(self.problems)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setSizes([520, 480])
        actions = QHBoxLayout()
        for control in (self.check, self.rehearse, self.export_button):
            actions.addWidget(control)
        actions.addStretch()
        actions.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Write a fictional case for your team. Use names, places and numbers that are "
                "obviously made up (such as “Exempelperson A” in “Fiktiva kommun”), and no phone "
                "or personal identity numbers. Facts in the notes should follow the handbook "
                "items you link."
            )
        )
        captions = {
            "language": _("&Language of the case"),
            "title": _("&Title"),
            "case": _("The &case as the group first meets it"),
            "goals": _("Learning &goals (one per line)"),
            "duration": _("Estimated ti&me (minutes)"),
            "stage_title": _("Stage t&itle"),
            "stage_facts": _("&Facts revealed in this stage (one per line)"),
            "stage_questions": _("&Questions for the group (one per line)"),
            "stage_notes": _("Facilitator &notes (Markdown)"),
            "stage_minutes": _("Minutes for this stage (0: no timer target)"),
            "closing": _("Questions for the &debrief (one per line)"),
            "link_filter": _("Find handbook items"),
            "links": _("Handbook items the case relies on"),
            "publisher": _("&Publisher (your office)"),
            "pack_id": _("Pack id"),
            "version": _("&Version"),
        }
        for key, text in captions.items():
            caption = self._captions[key]
            caption.setText(text)
            label_text(caption.buddy(), text)
        self.stages_box.setTitle(_("Stages, revealed one at a time"))
        label_text(self.stage_list, _("Stages"))
        label_text(self.add_stage, _("Add stage"))
        label_text(self.remove_stage, _("Remove stage"))
        label_text(self.stage_up, _("Move up"))
        label_text(self.stage_down, _("Move down"))
        self.duration.setSuffix(" " + _("min"))
        self.link_filter.setPlaceholderText(_("Type to find an item, for example “interpreter”"))
        self.pack_id.setPlaceholderText(suggested_pack_id(self.title.text()))
        label_text(self.check, _("Check"), _("Check the case as a pack, without saving"))
        label_text(
            self.rehearse,
            _("Rehearse in presenter mode"),
            _("Run the case as the team will see it"),
        )
        label_text(
            self.export_button,
            _("Export as pack file…"),
            _("Save the case as a .zip pack another office can install"),
        )
        label_text(self.clear_button, _("New exercise case"), _("Clear the form"))
        label_text(self.preview_caption, _("Preview (with facilitator notes)"))
        label_text(self.preview_view, _("Preview of the case"))
        label_text(self.problems, _("What to fix before export"))
        self._handbook = None
        self._show_stages()
        if self._ready:
            self._fill_links()
            self.refresh_preview()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self._ready:
            self._ready = True
            self._fill_links()
            self.refresh_preview()
        super().showEvent(event)

    # -- the draft ---------------------------------------------------------------------------

    @property
    def handbook(self):
        language = self.language.currentData() or current_language()
        if self._handbook is None or self._handbook.language != language:
            self._handbook = full_handbook(language)
        return self._handbook

    @property
    def support(self) -> tuple[SupportLine, ...]:
        """The lines the preview's content note names; read once per language (it is slow)."""
        language = self.language.currentData() or current_language()
        if self._support is None or self._support[0] != language:
            self._support = (language, support_lines(language))
        return self._support[1]

    def draft(self) -> ExerciseDraft:
        """The case as the form holds it now."""
        self._store_stage()
        return ExerciseDraft(
            language=self.language.currentData(),
            title=self.title.text(),
            case=self.case.toPlainText(),
            goals=_lines(self.goals.toPlainText()),
            duration_minutes=self.duration.value(),
            stages=[StageDraft(**vars(stage)) for stage in self._stages],
            questions=_lines(self.closing.toPlainText()),
            handbook=self._checked_links(),
            publisher=self.publisher.text(),
            pack_id=self.pack_id.text(),
            version=self.version.text(),
        )

    def _checked_links(self) -> list[HandbookLink]:
        links = []
        for row in range(self.links.count()):
            item = self.links.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                links.append(item.data(ROLE))
        return links

    def clear(self) -> None:
        self._loading = True
        for widget in (self.title, self.pack_id, self.link_filter):
            widget.clear()
        for box in (self.case, self.goals, self.closing):
            box.clear()
        self.version.setText("1.0.0")
        self.duration.setValue(45)
        self._stages = [StageDraft()]
        self._current_stage = 0
        for row in range(self.links.count()):
            self.links.item(row).setCheckState(Qt.CheckState.Unchecked)
        self._loading = False
        self._show_stages()
        self.problems.clear()
        self.refresh_preview()

    # -- stages ------------------------------------------------------------------------------

    def _store_stage(self) -> None:
        if self._loading or not 0 <= self._current_stage < len(self._stages):
            return
        minutes = self.stage_minutes.value()
        self._stages[self._current_stage] = StageDraft(
            title=self.stage_title.text(),
            facts=_lines(self.stage_facts.toPlainText()),
            questions=_lines(self.stage_questions.toPlainText()),
            notes=self.stage_notes.toPlainText(),
            minutes=minutes or None,
        )

    def _load_stage(self, index: int) -> None:
        self._loading = True
        stage = self._stages[index]
        self.stage_title.setText(stage.title)
        self.stage_facts.setPlainText("\n".join(stage.facts))
        self.stage_questions.setPlainText("\n".join(stage.questions))
        self.stage_notes.setPlainText(stage.notes)
        self.stage_minutes.setValue(stage.minutes or 0)
        self._current_stage = index
        self._loading = False

    def _stage_caption(self, number: int, stage: StageDraft) -> str:
        return _("Stage {number}: {title}").format(
            number=number, title=stage.title.strip() or _("(no title yet)")
        )

    def _show_stages(self) -> None:
        """Rebuild the stage list from the model and load the current stage into the form."""
        self._loading = True
        self.stage_list.clear()
        for number, stage in enumerate(self._stages, start=1):
            self.stage_list.addItem(self._stage_caption(number, stage))
        self.stage_list.setCurrentRow(self._current_stage)
        self._loading = False
        self._load_stage(self._current_stage)
        self.remove_stage.setEnabled(len(self._stages) > 1)
        self.stage_up.setEnabled(self._current_stage > 0)
        self.stage_down.setEnabled(self._current_stage < len(self._stages) - 1)

    def _stage_chosen(self, row: int) -> None:
        if self._loading or row < 0 or row == self._current_stage:
            return
        self._store_stage()
        self._current_stage = row
        self._show_stages()

    def _add_stage(self) -> None:
        self._store_stage()
        self._stages.insert(self._current_stage + 1, StageDraft())
        self._current_stage += 1
        self._show_stages()
        self.stage_title.setFocus()
        self._changed()

    def _remove_stage(self) -> None:
        if len(self._stages) <= 1:
            return
        del self._stages[self._current_stage]
        self._current_stage = min(self._current_stage, len(self._stages) - 1)
        self._show_stages()
        self._changed()

    def _move_stage(self, step: int) -> None:
        self._store_stage()
        target = self._current_stage + step
        if not 0 <= target < len(self._stages):
            return
        stages = self._stages
        stages[self._current_stage], stages[target] = stages[target], stages[self._current_stage]
        self._current_stage = target
        self._show_stages()
        self._changed()

    # -- handbook links ----------------------------------------------------------------------

    def _fill_links(self) -> None:
        checked = set(self._checked_links()) if self.links.count() else set()
        self.links.blockSignals(True)
        self.links.clear()
        handbook = self.handbook
        choices = [HandbookLink(step) for step, _title in STEPS]
        choices += [HandbookLink(item.step, item.id) for item in handbook.items]
        order = {step: number for number, (step, _title) in enumerate(STEPS)}
        choices.sort(key=lambda link: (order.get(link.step, 99), link.item is not None))
        for link in choices:
            entry = QListWidgetItem(link_title(link, handbook))
            entry.setData(ROLE, link)
            entry.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            entry.setCheckState(
                Qt.CheckState.Checked if link in checked else Qt.CheckState.Unchecked
            )
            self.links.addItem(entry)
        self.links.blockSignals(False)
        self._filter_links(self.link_filter.text())

    def _filter_links(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.links.count()):
            item = self.links.item(row)
            shown = all(word in item.text().casefold() for word in words)
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)

    def _language_changed(self) -> None:
        self._fill_links()
        self._changed()

    # -- preview, check, rehearse, export ----------------------------------------------------

    def _changed(self, *_ignored) -> None:
        if self._loading:
            return
        self._store_stage()
        item = self.stage_list.item(self._current_stage)
        if item is not None:
            item.setText(
                self._stage_caption(self._current_stage + 1, self._stages[self._current_stage])
            )
        self.pack_id.setPlaceholderText(suggested_pack_id(self.title.text()))
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        self._preview_timer.stop()
        exercise = preview(self.draft())
        scroll = self.preview_view.verticalScrollBar().value()
        self.preview_view.setHtml(exercise_html(exercise, self.handbook, self.support))
        self.preview_view.verticalScrollBar().setValue(scroll)

    def _show_problems(self, error: PackError | None) -> None:
        self.problems.clear()
        if error is None:
            self.problems.addItem(_("The case is ready to export."))
            return
        for problem in error.problems:
            where = problem.field or ""
            self.problems.addItem(f"{where}: {problem.message}" if where else problem.message)

    def check_draft(self) -> bool:
        """Validate the draft as a pack; list what to fix. True when it would export."""
        try:
            build(self.draft(), self.handbook)
        except PackError as error:
            self._show_problems(error)
            return False
        self._show_problems(None)
        return True

    def preview_exercise(self) -> Exercise:
        return preview(self.draft())

    def _rehearse(self) -> None:
        self.rehearse_requested.emit(self.preview_exercise())

    def _ask_export_path(self, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export as pack file"), suggested, _("Pack files (*.zip)")
        )
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == ".zip" else path.with_suffix(".zip")

    def _export(self) -> Path | None:
        if not self.check_draft():
            self.status.emit(_("The case was not exported: see what to fix under the preview."))
            return None
        draft = self.draft()
        path = self._ask_export_path(f"{draft.effective_pack_id}.zip")
        if path is None:
            return None
        try:
            export(draft, path, self.handbook)
        except (PackError, OSError) as error:
            if isinstance(error, PackError):
                self._show_problems(error)
            self.status.emit(error_text(error))
            return None
        self.status.emit(
            _("Exported {name}. Another office installs it in Settings → Packs.").format(
                name=path.name
            )
        )
        return path
