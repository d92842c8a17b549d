"""Case exercises for team leaders: choose a fictional case, present it, log the session.

Exercise mode is kept apart from client work on purpose: this page reads exercise packs and
uses only the vault's exercise-session log. It never calls the vault's case or note API, so
an exercise can neither create, open nor attach to a real case (a test holds it to that).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.exercises import (
    Exercise,
    exercise_html,
    find,
    full_handbook,
    load_exercises,
    minutes_text,
    session_summary_html,
)
from vaaldstod.exercises.care import SupportLine, support_lines
from vaaldstod.i18n import _, current_language, ngettext
from vaaldstod.packs import Registry
from vaaldstod.packs.sensitive_text import has_personal_data
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.exercise_banner import ExerciseBanner
from vaaldstod.ui.exercise_editor import ExerciseEditor
from vaaldstod.ui.settings_page import AGENCY_NAMES
from vaaldstod.ui.widgets import button, form_row, label, label_text

ROLE = Qt.ItemDataRole.UserRole
MAX_TAKEAWAYS = 2000  # characters: the summary must fit one page
MAX_PARTICIPANTS = 500
CASES_TAB, SESSIONS_TAB, EDITOR_TAB = range(3)


class ExercisesPage(QWidget):
    """The team leader's page: cases, presenter mode, the session log, the case editor."""

    status = Signal(str)
    # True while presenter mode runs: a group discussing a stage may not touch the keyboard
    # for longer than the idle lock allows, so the window may want to hold the lock off.
    presenting = Signal(bool)
    quick_exit_requested = Signal()  # the red button on a presenter window

    def __init__(self, registry: Registry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercisesPage")
        self.vault = None
        self.presenter = None
        self._registry = registry
        self._exercises: list[Exercise] | None = None
        self._handbook = None
        self._support: tuple[str, tuple[SupportLine, ...]] | None = None

        self.banner = ExerciseBanner()
        self.tabs = QTabWidget()

        # Cases
        self.agency = QComboBox()
        self.agency.currentIndexChanged.connect(self._fill_cases)
        self.case_list = QListWidget()
        self.case_list.setWordWrap(True)
        # Wrapped lines need the full width: a horizontal bar would make Qt elide them.
        self.case_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.case_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.case_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.case_list.currentItemChanged.connect(self._show_case)
        self.case_list.itemActivated.connect(lambda _item: self.start_presenter())
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.start = button("primary")
        self.start.clicked.connect(lambda: self.start_presenter())
        self.log_this = button()
        self.log_this.clicked.connect(self._log_current)
        cases = QWidget()
        left = QVBoxLayout()
        self.agency_caption = label(wrap=False)
        self.agency_caption.setBuddy(self.agency)
        agency_row = QHBoxLayout()
        agency_row.addWidget(self.agency_caption)
        agency_row.addWidget(self.agency, 1)
        left.addLayout(agency_row)
        left.addWidget(self.case_list, 1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(self.details)
        splitter.setSizes([330, 600])
        case_actions = QHBoxLayout()
        case_actions.addWidget(self.start)
        case_actions.addWidget(self.log_this)
        case_actions.addStretch()
        cases_layout = QVBoxLayout(cases)
        cases_layout.addWidget(splitter, 1)
        cases_layout.addLayout(case_actions)

        # Sessions
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.session_case = QComboBox()
        self.participants = QSpinBox()
        self.participants.setRange(1, MAX_PARTICIPANTS)
        self.participants.setValue(6)
        self.takeaways = QPlainTextEdit()
        self.takeaways.setTabChangesFocus(True)
        self.no_names = label("warning")
        self.save_session = button("primary")
        self.save_session.clicked.connect(self.log_session)
        self.session_list = QListWidget()
        self.session_list.setWordWrap(True)
        self.session_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.session_list.currentItemChanged.connect(self._session_chosen)
        self.save_pdf = button()
        self.save_pdf.clicked.connect(self._save_pdf)
        self.print_summary = button()
        self.print_summary.clicked.connect(self._print)
        sessions = QWidget()
        form = QFormLayout()
        self._session_captions = {
            "held_on": form_row(form, self.held_on),
            "case": form_row(form, self.session_case),
            "participants": form_row(form, self.participants),
            "takeaways": form_row(form, self.takeaways),
        }
        form.addRow(self.no_names)
        form.addRow(self.save_session)
        self.past_caption = label("title", wrap=False)
        summary_actions = QHBoxLayout()
        summary_actions.addWidget(self.print_summary)
        summary_actions.addWidget(self.save_pdf)
        summary_actions.addStretch()
        past = QVBoxLayout()
        past.addWidget(self.past_caption)
        past.addWidget(self.session_list, 1)
        past.addLayout(summary_actions)
        sessions_layout = QHBoxLayout(sessions)
        sessions_layout.addLayout(form, 1)
        sessions_layout.addLayout(past, 1)

        # Editor
        self.editor = ExerciseEditor()
        self.editor.status.connect(self.status)
        self.editor.rehearse_requested.connect(self.start_presenter)

        self.tabs.addTab(cases, "")
        self.tabs.addTab(sessions, "")
        self.tabs.addTab(self.editor, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()
        self._update_session_controls()

    # -- content -------------------------------------------------------------------------------

    @property
    def exercises(self) -> list[Exercise]:
        """Read on first use: validating every pack is the slow part."""
        if self._exercises is None:
            self._exercises = load_exercises(current_language(), self._registry)
        return self._exercises

    @property
    def handbook(self):
        if self._handbook is None or self._handbook.language != current_language():
            self._handbook = full_handbook(current_language(), self._registry)
        return self._handbook

    @property
    def support(self) -> tuple[SupportLine, ...]:
        """The national lines the content note names, read once per language."""
        language = current_language()
        if self._support is None or self._support[0] != language:
            self._support = (language, support_lines(language, self._registry))
        return self._support[1]

    def reload_content(self) -> None:
        """Packs or the language changed: read the exercises again."""
        self._exercises = None
        self._handbook = None
        self._support = None
        if self.isVisible() or self.case_list.count():
            self._fill_cases()
            self._fill_session_cases()
            self._fill_sessions()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.case_list.count() == 0:
            self._fill_cases()
            self._fill_session_cases()
            self._fill_sessions()
        super().showEvent(event)

    def retranslate_ui(self) -> None:
        self.banner.retranslate_ui()
        for index, title in enumerate((_("Exercise cases"), _("Sessions"), _("Write a case"))):
            self.tabs.setTabText(index, title)
        label_text(self.tabs, _("Exercises"))
        self.agency_caption.setText(_("&Show cases for"))
        current_agency = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(_("All agencies"), None)
        for code, name in AGENCY_NAMES.items():
            self.agency.addItem(name, code)
        self.agency.setCurrentIndex(max(0, self.agency.findData(current_agency)))
        self.agency.blockSignals(False)
        label_text(self.agency, _("Show cases for"))
        label_text(self.case_list, _("Exercise cases"), _("Enter starts presenter mode"))
        label_text(self.details, _("The case, with facilitator notes"))
        label_text(
            self.start,
            _("Start presenter mode"),
            _("Full screen for the group; notes stay on your screen (Esc leaves)"),
        )
        label_text(self.log_this, _("Log a session for this case"))
        captions = {
            "held_on": _("&Date"),
            "case": _("&Exercise case"),
            "participants": _("&Number of participants"),
            "takeaways": _("Key &takeaways"),
        }
        for key, text in captions.items():
            caption = self._session_captions[key]
            caption.setText(text)
            label_text(caption.buddy(), text)
        label_text(
            self.no_names,
            _(
                "Write no names – not of participants, colleagues or clients. The log records "
                "only the date, the case, how many took part and what you learnt."
            ),
        )
        label_text(self.save_session, _("Save session"))
        label_text(self.past_caption, _("Past sessions"))
        label_text(self.session_list, _("Past sessions"))
        label_text(self.print_summary, _("Print summary…"), _("A one-page summary for the team"))
        label_text(self.save_pdf, _("Save summary as PDF…"), _("A one-page summary for the team"))
        self.editor.retranslate_ui()
        if self.presenter is not None:
            self.presenter.retranslate_ui()
        if self._exercises is not None:
            self.reload_content()

    def _fill_cases(self) -> None:
        current = self.case_list.currentItem()
        keep = current.data(ROLE) if current else None
        agency = self.agency.currentData()
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for exercise in self.exercises:
            if agency and exercise.agencies and agency not in exercise.agencies:
                continue
            item = QListWidgetItem(self._case_line(exercise))
            item.setData(ROLE, exercise.key)
            item.setToolTip(_("Learning goals:") + "\n" + "\n".join(exercise.goals))
            self.case_list.addItem(item)
            if exercise.key == keep:
                self.case_list.setCurrentItem(item)
        self.case_list.blockSignals(False)
        if self.case_list.currentItem() is None and self.case_list.count():
            self.case_list.setCurrentRow(0)
        self._show_case(self.case_list.currentItem())

    def _case_line(self, exercise: Exercise) -> str:
        facts = [minutes_text(exercise.duration_minutes)]
        facts.append(
            ngettext("{n} stage", "{n} stages", len(exercise.stages)).format(n=len(exercise.stages))
        )
        facts += [AGENCY_NAMES.get(code, code) for code in exercise.agencies]
        # Title and one short line; the learning goals are in the detail pane and the tooltip.
        return f"{exercise.title}\n{' · '.join(f for f in facts if f)}"

    def current_exercise(self) -> Exercise | None:
        item = self.case_list.currentItem()
        return find(self.exercises, item.data(ROLE)) if item else None

    def _show_case(self, item: QListWidgetItem | None, *_ignored) -> None:
        exercise = find(self.exercises, item.data(ROLE)) if item else None
        self.start.setEnabled(exercise is not None)
        self.log_this.setEnabled(exercise is not None)
        if exercise is None:
            self.details.setHtml("<p>" + _("No exercise cases are installed.") + "</p>")
            return
        self.details.setHtml(exercise_html(exercise, self.handbook, self.support))

    def set_agency(self, agency: str | None) -> None:
        """Show the handler's agency's cases (and those for every agency); None shows all."""
        self.agency.setCurrentIndex(max(0, self.agency.findData(agency)))

    def select_case(self, key: str) -> None:
        for row in range(self.case_list.count()):
            if self.case_list.item(row).data(ROLE) == key:
                self.case_list.setCurrentRow(row)
                return

    # -- presenter mode ------------------------------------------------------------------------

    def start_presenter(self, exercise: Exercise | None = None) -> None:
        """Present `exercise` (or the chosen case); only one run at a time."""
        from vaaldstod.ui.presenter import Presenter

        exercise = exercise or self.current_exercise()
        if exercise is None:
            return
        self._close_presenter()
        window = self.window()
        screen = window.screen() if window is not None else None
        self.presenter = Presenter(exercise, self.handbook, screen, self, self.support)
        self.presenter.finished.connect(self._presenter_finished)
        self.presenter.quick_exit_requested.connect(self.quick_exit_requested)
        self.presenter.start()
        self.presenting.emit(True)
        self.status.emit(_("Presenter mode: {title}. Esc leaves.").format(title=exercise.title))

    def _presenter_finished(self) -> None:
        presenter, self.presenter = self.presenter, None
        if presenter is not None:
            presenter.dispose()
            presenter.deleteLater()
        self.activateWindow()
        self.presenting.emit(False)
        self.status.emit(_("Presenter mode ended."))

    def _close_presenter(self) -> None:
        if self.presenter is not None:
            presenter, self.presenter = self.presenter, None
            presenter.finished.disconnect(self._presenter_finished)
            presenter.dispose()
            presenter.deleteLater()
            self.presenting.emit(False)

    # -- the session log -----------------------------------------------------------------------

    def attach(self, vault) -> None:
        self.vault = vault
        self.held_on.setDate(QDate.currentDate())
        self._fill_sessions()
        self._update_session_controls()

    def detach(self) -> None:
        """On lock: end presenter mode and forget the session log and the unsaved form."""
        self._close_presenter()
        self.vault = None
        self.takeaways.clear()
        self.session_list.clear()
        self._update_session_controls()

    def _update_session_controls(self) -> None:
        open_ = self.vault is not None
        for widget in (self.save_session, self.session_list):
            widget.setEnabled(open_)
        chosen = open_ and self.session_list.currentItem() is not None
        self.save_pdf.setEnabled(chosen)
        self.print_summary.setEnabled(chosen)

    def _fill_session_cases(self) -> None:
        current = self.session_case.currentData()
        self.session_case.clear()
        for exercise in self.exercises:
            self.session_case.addItem(exercise.title, exercise.key)
        index = self.session_case.findData(current)
        self.session_case.setCurrentIndex(max(0, index))

    def _log_current(self) -> None:
        exercise = self.current_exercise()
        if exercise is None:
            return
        self._fill_session_cases()
        self.session_case.setCurrentIndex(max(0, self.session_case.findData(exercise.key)))
        self.tabs.setCurrentIndex(SESSIONS_TAB)
        self.takeaways.setFocus()

    def log_session(self) -> int | None:
        """Store date, case, number of participants and takeaways; never names."""
        key = self.session_case.currentData()
        text = self.takeaways.toPlainText().strip()
        if self.vault is None or key is None:
            return None
        if len(text) > MAX_TAKEAWAYS:
            self.status.emit(
                _("Keep the takeaways under {n} characters so the summary fits one page.").format(
                    n=MAX_TAKEAWAYS
                )
            )
            return None
        if has_personal_data(text):
            self.status.emit(
                _("The takeaways seem to hold a phone or personal identity number. Remove it.")
            )
            return None
        held = self.held_on.date()
        try:
            session_id = self.vault.add_exercise_session(
                datetime.date(held.year(), held.month(), held.day()),
                key,
                self.participants.value(),
                text,
            )
        except Exception as error:  # the form keeps what was typed; say why it was not kept
            self.status.emit(error_text(error))
            return None
        self.takeaways.clear()
        self._fill_sessions(select=session_id)
        self.status.emit(_("The session was saved."))
        return session_id

    def _fill_sessions(self, select: int | None = None) -> None:
        self.session_list.clear()
        if self.vault is None:
            self._update_session_controls()
            return
        for session in self.vault.exercise_sessions():
            exercise = find(self.exercises, session.exercise_id)
            title = exercise.title if exercise else session.exercise_id
            participants = ngettext(
                "{n} participant", "{n} participants", session.participants
            ).format(n=session.participants)
            item = QListWidgetItem(f"{session.held_on.isoformat()} · {title} · {participants}")
            item.setData(ROLE, session)
            self.session_list.addItem(item)
            if session.id == select:
                self.session_list.setCurrentItem(item)
        self._update_session_controls()

    def _session_chosen(self, *_ignored) -> None:
        self._update_session_controls()

    def summary_html(self) -> str | None:
        item = self.session_list.currentItem()
        if item is None:
            return None
        session = item.data(ROLE)
        return session_summary_html(
            session, find(self.exercises, session.exercise_id), self.handbook, self.support
        )

    def _ask_pdf_path(self, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save summary as PDF"), suggested, _("PDF files (*.pdf)")
        )
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def _save_pdf(self) -> Path | None:
        from vaaldstod.ui.exercise_pdf import write_summary_pdf

        html = self.summary_html()
        if html is None:
            return None
        session = self.session_list.currentItem().data(ROLE)
        path = self._ask_pdf_path(_("exercise-{date}.pdf").format(date=session.held_on.isoformat()))
        if path is None:
            return None
        try:
            write_summary_pdf(html, current_language(), path)
        except OSError as error:
            self.status.emit(error_text(error))
            return None
        self.status.emit(_("Saved {name}.").format(name=path.name))
        return path

    def _print(self) -> None:
        from vaaldstod.ui.exercise_pdf import print_summary

        html = self.summary_html()
        if html is not None:
            print_summary(html, current_language(), self)
