"""The handbook: step through identify → follow up, tick signs, record answers, get journal text."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.i18n import N_, _, current_language
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.layouts import FlowLayout, WrappingListDelegate
from vaaldstod.ui.views import fit_scroll_width, wrap_tree
from vaaldstod.ui.widgets import button, label, label_text
from vaaldstod.vault import VaultError

ROLE = Qt.ItemDataRole.UserRole
CHECKLIST, JOURNAL = "checklist", "journal"
EXTRA_PAGES = (
    (CHECKLIST, N_("Checklist: signs of economic violence")),
    (JOURNAL, N_("Journal text")),
)


class HandbookPage(QWidget):
    status = Signal(str)
    note_saved = Signal(int)  # case id
    log_contact_requested = Signal(dict)  # walk-through answers to prefill a contact record
    agency_chosen = Signal(str)  # the handler answered "which agency do you work at?"

    def __init__(
        self,
        copy_text: Callable[[str], None],
        agency: str,
        referral_categories: Callable[[], list[tuple[str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        from vaaldstod.ui.walkthrough_panel import WalkthroughPanel

        super().__init__(parent)
        self.setObjectName("handbookPage")
        self.vault = None
        self.agency = agency
        self._copy_text = copy_text
        self._handbook = None
        self._walkthrough_id: int | None = None
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self._save_answers)

        # Asked on first use (and until answered): which agency's routines to show.
        self.agency_bar = QFrame()
        self.agency_bar.setObjectName("agencyQuestion")
        self.agency_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.agency_question = label()
        self.agency_choice = QComboBox()
        self.agency_use = button("primary")
        self.agency_use.clicked.connect(
            lambda: self.agency_chosen.emit(self.agency_choice.currentData())
        )
        bar = QVBoxLayout(self.agency_bar)
        bar.addWidget(self.agency_question)
        choice_row = FlowLayout()
        choice_row.addWidget(self.agency_choice)
        choice_row.addWidget(self.agency_use)
        bar.addLayout(choice_row)
        self.agency_bar.hide()

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refresh_navigation)
        self.case = QComboBox()
        self.case.currentIndexChanged.connect(self._case_chosen)
        self.case_hint = label("muted")
        self.print_step = button()
        self.print_step.clicked.connect(self._print_step)
        self.listen = button()
        self.listen.clicked.connect(self._listen)
        self.pause = button()
        self.pause.clicked.connect(lambda: self.reader.toggle_pause())
        self.stop = button()
        self.stop.clicked.connect(lambda: self.reader.stop())
        # Pause and Stop only while something is read aloud: the row is busy enough.
        self.pause.hide()
        self.stop.hide()
        self._reader = None
        self.navigation = QListWidget()
        self.navigation.setWordWrap(True)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Long step titles wrap in full at any text size instead of ending in "…".
        self.navigation.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.navigation.setItemDelegate(WrappingListDelegate(self.navigation))
        self.navigation.currentItemChanged.connect(self._navigate)
        self.navigation.itemActivated.connect(self._navigate)

        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        # Always room for the scroll bar: otherwise the full-width boxes are laid out before it
        # appears and the text scrolls sideways by the bar's width.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.anchorClicked.connect(self._link)
        self.checklist = QTreeWidget()
        self.checklist.setHeaderHidden(True)
        wrap_tree(self.checklist)  # a sign is a sentence: wrap it, never cut it off
        self.checklist.itemChanged.connect(self._tick)
        self.checklist.currentItemChanged.connect(self._show_why)
        self.why = QTextBrowser()
        self.why.setOpenLinks(False)
        self.why.anchorClicked.connect(self._link)
        self.why.setMaximumHeight(160)
        checklist_page = QWidget()
        checklist_layout = QVBoxLayout(checklist_page)
        checklist_layout.setContentsMargins(0, 0, 0, 0)
        checklist_layout.addWidget(self.checklist, 3)
        checklist_layout.addWidget(self.why, 1)

        self.journal_intro = label("muted")
        self.journal_language = QComboBox()
        self.journal_language.addItem("Svenska", "sv")
        self.journal_language.addItem("English", "en")
        self.generate = button("primary")
        self._rendering = 0  # counts requests for journal text; only the latest is shown
        self.generate.clicked.connect(self._generate)
        self.journal = QPlainTextEdit()
        self.journal.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the app
        self.save_note = button()
        self.save_note.clicked.connect(self._save_note)
        self.copy_journal = button()
        self.copy_journal.clicked.connect(lambda: self._copy(self.journal.toPlainText()))
        self.log_contact = button()
        self.log_contact.clicked.connect(
            lambda: self.log_contact_requested.emit(self.panel.answers())
        )
        journal_page = QWidget()
        journal_layout = QVBoxLayout(journal_page)
        journal_layout.setContentsMargins(0, 0, 0, 0)
        # Rows that wrap: long button labels at 200 % text would otherwise make the journal
        # page wider than the window and squeeze the step list to a word per line.
        row = FlowLayout()
        row.addWidget(self.journal_language)
        row.addWidget(self.generate)
        journal_layout.addWidget(self.journal_intro)
        journal_layout.addLayout(row)
        journal_layout.addWidget(self.journal, 1)
        actions = FlowLayout()
        actions.addWidget(self.save_note)
        actions.addWidget(self.copy_journal)
        actions.addWidget(self.log_contact)
        journal_layout.addLayout(actions)

        self.content = QStackedWidget()
        for widget in (self.browser, checklist_page, journal_page):
            self.content.addWidget(widget)
        self._instrument_view = None

        self.panel = WalkthroughPanel(referral_categories())
        self.panel.changed.connect(self._save_timer.start)
        panel_scroll = QScrollArea()
        panel_scroll.setWidget(self.panel)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Every control inside takes focus and is scrolled into view; the area itself would
        # be a nameless extra Tab stop.
        panel_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.panel_scroll = panel_scroll
        self._fit_panel()

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.case, 1)
        top.addWidget(self.listen)
        top.addWidget(self.pause)
        top.addWidget(self.stop)
        top.addWidget(self.print_step)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.navigation)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.content)
        splitter.addWidget(panel_scroll)
        splitter.setSizes([220, 560, 300])
        # The text takes what the window gains or loses; the step list and the answers keep
        # the width they need (see _fit_navigation and _fit_panel) and never fold away.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 0)
        for index in range(3):
            splitter.setCollapsible(index, False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.agency_bar)
        layout.addLayout(top)
        layout.addWidget(self.case_hint)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+P"), self, self._print_step)
        QShortcut(QKeySequence("Ctrl+R"), self, self._listen)
        QShortcut(QKeySequence("Ctrl+Shift+R"), self, lambda: self.reader.toggle_pause())
        QShortcut(QKeySequence("Ctrl+."), self, lambda: self.reader.stop())
        self.retranslate_ui()

    # -- content ----------------------------------------------------------------------------

    @property
    def handbook(self):
        """Built on first use: reading and validating the packs is the slow part."""
        if self._handbook is None:
            from vaaldstod.handbook import Handbook

            self._handbook = Handbook(current_language(), self.agency)
        return self._handbook

    def set_agency(self, agency: str) -> None:
        if agency != self.agency:
            self.agency = agency
            self.reload_content()
        self.agency_choice.setCurrentIndex(max(0, self.agency_choice.findData(agency)))

    def ask_agency(self, ask: bool) -> None:
        """Show or hide the question about the handler's agency above the handbook."""
        self.agency_bar.setVisible(ask)

    def reload_content(self) -> None:
        """Packs or the agency changed: build the handbook again when next shown."""
        self._handbook = None
        if self.isVisible():
            self._refresh_navigation()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.navigation.count() == 0:
            self._refresh_navigation()
        super().showEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Once the panel has the new size too; dropped if the page is gone by then.
            QTimer.singleShot(0, self, self._fit_panel)
            QTimer.singleShot(0, self, self._fit_navigation)
        elif kind == QEvent.Type.PaletteChange and getattr(self, "_shown_step", None):
            if self.content.currentIndex() == 0:  # the step's colours follow the new theme
                position = self.browser.verticalScrollBar().value()
                self._show_step(self._shown_step)
                self.browser.verticalScrollBar().setValue(position)

    def _fit_panel(self) -> None:
        """The answers panel is as wide as its longest answer at the current text size: its
        radio buttons cannot wrap, and a cut-off answer could be ticked by mistake."""
        fit_scroll_width(self.panel_scroll, minimum=300)

    def _fit_navigation(self) -> None:
        """The step list is wide enough for its longest word and about 16 characters a line
        at the current text size, so labels wrap between words and never end in "…", and
        search results keep several words to a line."""
        metrics = self.navigation.fontMetrics()
        texts = [title for _key, title in getattr(self, "_steps", [])]
        texts += [self.navigation.item(row).text() for row in range(self.navigation.count())]
        words = [word for text in texts for word in text.split()]
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        text_width = max(widest, 16 * metrics.averageCharWidth())
        # Item padding (the theme's), text margins, the frame and a scroll bar that may show.
        chrome = 24 + 2 * self.navigation.frameWidth()
        chrome += self.navigation.verticalScrollBar().sizeHint().width()
        self.navigation.setMinimumWidth(min(text_width, 30 * metrics.averageCharWidth()) + chrome)
        splitter = getattr(self, "splitter", None)
        if splitter is not None:
            # QSplitter keeps a pane narrower than its new minimum until it is next dragged,
            # and the text pane would be drawn over the list: give the list its room now.
            sizes = splitter.sizes()
            missing = self.navigation.minimumWidth() - sizes[0]
            if missing > 0 and sum(sizes):
                sizes[0] += missing
                sizes[1] = max(0, sizes[1] - missing)
                splitter.setSizes(sizes)
        self.navigation.doItemsLayout()

    def retranslate_ui(self) -> None:
        from vaaldstod.handbook import STEPS

        self._steps = [(key, _(title)) for key, title in STEPS] + [
            (key, _(title)) for key, title in EXTRA_PAGES
        ]
        self._instrument_titles: dict[str, str] | None = None
        label_text(
            self.search,
            _("Search the handbook"),
            _("Finds guide items containing every word typed"),
        )
        self.search.setPlaceholderText(_("Search the handbook (Ctrl+F)"))
        label_text(self.case, _("Walk-through for case"))
        from vaaldstod.settings import AGENCIES
        from vaaldstod.ui.settings_page import AGENCY_NAMES

        self.agency_question.setText(
            _(
                "Which agency do you work at? The handbook shows that agency's routines. "
                "You can change it later in Settings."
            )
        )
        self.agency_choice.blockSignals(True)
        self.agency_choice.clear()
        for code in AGENCIES:
            self.agency_choice.addItem(AGENCY_NAMES[code], code)
        self.agency_choice.setCurrentIndex(max(0, self.agency_choice.findData(self.agency)))
        self.agency_choice.blockSignals(False)
        label_text(self.agency_choice, _("Your agency"))
        label_text(self.agency_use, _("Show this agency's routines"))
        label_text(self.print_step, _("Print or save as PDF…"), _("Print the step shown (Ctrl+P)"))
        label_text(self.navigation, _("Handbook steps"))
        label_text(self.listen, _("Listen"), _("Read the text shown aloud (Ctrl+R)"))
        label_text(self.pause, _("Pause"), _("Pause or resume reading (Ctrl+Shift+R)"))
        label_text(self.stop, _("Stop"), _("Stop reading (Ctrl+.)"))
        label_text(self.browser, _("Handbook text"))
        label_text(
            self.checklist, _("Signs of economic violence"), _("Tick the signs you have seen")
        )
        label_text(self.why, _("Why it matters"))
        self.journal_intro.setText(
            _(
                "Journal text is made from the answers on the right. Read it, change what is not "
                "right, then save it as a note in the case or copy it."
            )
        )
        label_text(self.journal_language, _("Language of the journal text"))
        label_text(self.generate, _("Write journal text from the answers"))
        label_text(self.journal, _("Journal text"))
        label_text(self.save_note, _("Save as note in the case"))
        label_text(self.copy_journal, _("Copy"), _("The clipboard is cleared after 30 s"))
        label_text(
            self.log_contact,
            _("Log contact for statistics…"),
            _("An anonymous record for follow-up: no case, no name, no exact date"),
        )
        self.panel.retranslate_ui()
        self._fill_cases()
        if self._handbook is not None and self._handbook.language != current_language():
            self._handbook = None
        if self.isVisible() or self.navigation.count():
            self._refresh_navigation()

    def _refresh_navigation(self) -> None:
        query = self.search.text().strip()
        keep = self._step_to_keep()
        self.navigation.blockSignals(True)
        self.navigation.clear()
        if query:
            for hit in self.handbook.search(query):
                item = QListWidgetItem(f"{hit.title}\n{hit.snippet}")
                item.setData(ROLE, ("hit", hit.step, hit.item_id))
                self.navigation.addItem(item)
            if not self.navigation.count():
                # A message, not a destination: it cannot be selected or activated.
                nothing = QListWidgetItem(_("Nothing found"))
                nothing.setFlags(Qt.ItemFlag.NoItemFlags)
                self.navigation.addItem(nothing)
        else:
            instruments = [
                (
                    f"instrument:{pack.id}",
                    _("Instrument: {title}").format(title=pack.title(current_language())),
                )
                for pack in self._instrument_packs()
            ]
            for key, title in self._steps + instruments:
                item = QListWidgetItem(title)
                item.setData(ROLE, ("step", key))
                self.navigation.addItem(item)
                if ("step", key) == keep:
                    self.navigation.setCurrentItem(item)
        self.navigation.blockSignals(False)
        self._fit_navigation()
        if not query:
            self._navigate(self.navigation.currentItem() or self.navigation.item(0))

    def _step_to_keep(self) -> tuple[str, str]:
        """The step to show again when the list is rebuilt: the current step, the step of the
        search hit chosen, or else the step last shown (a row without data, such as
        "Nothing found", keeps the step on screen)."""
        current = self.navigation.currentItem()
        # tuple(): some PySide6 versions hand a stored tuple back as a list.
        data = tuple((current.data(ROLE) if current else None) or ())
        if len(data) == 2 and data[0] == "step":
            return data
        if len(data) == 3 and data[0] == "hit":
            return ("step", data[1])
        return ("step", getattr(self, "_shown_step", None) or "identify")

    def show_step(self, key: str) -> None:
        self.search.clear()
        for row in range(self.navigation.count()):
            # tuple(): some PySide6 versions hand a stored tuple back as a list.
            if tuple(self.navigation.item(row).data(ROLE) or ()) == ("step", key):
                self.navigation.setCurrentRow(row)
                return

    def _navigate(self, item: QListWidgetItem | None, *_ignored) -> None:
        data = item.data(ROLE) if item else None
        if not data:
            return
        if data[0] == "hit":
            _kind, step, item_id = data
            if step == CHECKLIST:
                self._show_checklist(item_id)
            else:
                self._show_step(step)
                self.browser.scrollToAnchor(item_id)
            return
        key = data[1]
        if key.startswith("instrument:"):
            self._show_instrument(key.split(":", 1)[1])
        elif key == CHECKLIST:
            self._show_checklist()
        elif key == JOURNAL:
            self.content.setCurrentIndex(2)
        else:
            self._show_step(key)

    def _instrument_packs(self) -> list:
        """Instruments the agency installed under its own licence (none ship with the app)."""
        from vaaldstod.packs import Registry

        return Registry().packs("instrument")

    def _show_instrument(self, pack_id: str) -> None:
        from vaaldstod.packs import Registry
        from vaaldstod.ui.instrument_view import InstrumentView

        if self._instrument_view is not None:
            self.content.removeWidget(self._instrument_view)
            self._instrument_view.deleteLater()
        pack = Registry().get(pack_id)
        view = InstrumentView(pack, current_language(), self.panel.instruments.get(pack_id, {}))
        view.answered.connect(self._instrument_answered)
        self._instrument_view = view
        self.content.setCurrentIndex(self.content.addWidget(view))

    def _instrument_answered(self, pack_id: str, answers: dict) -> None:
        self.panel.instruments[pack_id] = answers
        self._save_timer.start()

    def _show_step(self, step: str) -> None:
        from vaaldstod.ui import theme

        self.content.setCurrentIndex(0)
        # The theme the app shows now (the saved settings may not have been written yet).
        self.browser.document().setDefaultStyleSheet(theme.document_css(theme.applied()))
        self.browser.setHtml(self.handbook.step_html(step))
        self._shown_step = step

    def _show_checklist(self, select: str | None = None) -> None:
        self.content.setCurrentIndex(1)
        ticks = set(self.panel.checklist_ticks)
        self.checklist.blockSignals(True)
        self.checklist.clear()
        groups = {}
        for group_id, title in self.handbook.checklist_groups:
            groups[group_id] = QTreeWidgetItem(self.checklist, [title])
            groups[group_id].setExpanded(True)
            groups[group_id].setFlags(Qt.ItemFlag.ItemIsEnabled)
        for entry in self.handbook.checklist:
            node = QTreeWidgetItem(groups[entry.group], [entry.text])
            node.setData(0, ROLE, entry.id)
            node.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            node.setCheckState(
                0, Qt.CheckState.Checked if entry.id in ticks else Qt.CheckState.Unchecked
            )
            if entry.id == select:
                self.checklist.setCurrentItem(node)
        self.checklist.blockSignals(False)
        self._show_why(self.checklist.currentItem())

    def _show_why(self, node: QTreeWidgetItem | None, *_ignored) -> None:
        entry_id = node.data(0, ROLE) if node else None
        entry = next((e for e in self.handbook.checklist if e.id == entry_id), None)
        if entry is None:
            # Outside the f-string, where the message extractor finds it.
            hint = _("Choose a sign to see why it matters.")
            self.why.setHtml(f"<p>{hint}</p>")
            return
        from vaaldstod.handbook import SOURCE_SCHEME

        self.why.setHtml(
            f"<p><b>{_('Why it matters')}:</b> {entry.why}</p>"
            f'<p><a href="{SOURCE_SCHEME}{entry.id}">{_("Sources")} ({len(entry.sources)})</a></p>'
        )

    def _tick(self, node: QTreeWidgetItem, _column: int) -> None:
        entry_id = node.data(0, ROLE)
        if entry_id is None:
            return
        ticks = [t for t in self.panel.checklist_ticks if t != entry_id]
        if node.checkState(0) == Qt.CheckState.Checked:
            ticks.append(entry_id)
        self.panel.checklist_ticks = ticks
        self._save_timer.start()

    def _link(self, url: QUrl) -> None:
        from vaaldstod.handbook import SOURCE_SCHEME

        text = url.toString()
        if not text.startswith(SOURCE_SCHEME):
            return  # web addresses are shown in the sources, never opened: the app stays offline
        dialog = QDialog(self)
        dialog.setWindowTitle(_("Sources"))
        view = QTextBrowser()
        label_text(view, _("Sources"))
        view.setHtml(self.handbook.sources_html(text[len(SOURCE_SCHEME) :]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(620, 420)
        dialog.exec()

    @property
    def reader(self):
        """Created on first use: loading the speech engine takes a moment."""
        if self._reader is None:
            from vaaldstod.ui.speech import Reader

            self._reader = Reader(self.speech_rate, parent=self)
            self._reader.message.connect(self.status)
            self._reader.state_changed.connect(self._reading)
        return self._reader

    speech_rate = 0.0

    def _listen(self) -> None:
        index = self.content.currentIndex()
        if index == 1:
            node = self.checklist.currentItem()
            text = node.text(0) + ". " + self.why.toPlainText() if node else ""
        elif index == 2:
            text = self.journal.toPlainText()
        else:
            text = self.browser.toPlainText()
        language = self.journal_language.currentData() if index == 2 else current_language()
        if text.strip():
            self.reader.say(text, language)

    def _reading(self, state: str) -> None:
        texts = {"speaking": _("Reading aloud…"), "paused": _("Reading paused."), "ready": ""}
        self.status.emit(texts[state])
        reading = state in ("speaking", "paused")
        self.pause.setVisible(reading)
        self.stop.setVisible(reading)

    def _print_step(self) -> None:
        from vaaldstod.ui.printing import print_preview

        if self.content.currentIndex() == 0:
            print_preview(self.browser.toHtml(), self, title=_("Handbook"))

    # -- cases and answers ---------------------------------------------------------------

    def attach(self, vault) -> None:
        self.vault = vault
        self._fill_cases()
        self._offer_kept_journal()

    def _offer_kept_journal(self) -> None:
        """After unlock: journal text the lock interrupted is back, unsaved (it is kept again
        at the next lock if it is still there)."""
        try:
            case_id, text = self.vault.journal_draft()
            self.vault.save_journal_draft(None, "")
        except VaultError:
            return
        if not text:
            return
        index = self.case.findData(case_id)
        if case_id is not None and index >= 0:
            self.case.setCurrentIndex(index)
        self.journal.setPlainText(text)
        self.status.emit(_("Your unsaved journal text was kept: it is back, not yet saved."))

    def detach(self) -> None:
        if self._reader is not None:
            self._reader.stop()
        self._save_timer.stop()
        self._rendering += 1  # a journal text still being written is dropped
        self.generate.setEnabled(True)
        self._save_answers()
        if self.vault is not None and self.vault.is_open:
            with contextlib.suppress(VaultError):
                self.vault.save_journal_draft(self.case.currentData(), self.journal.toPlainText())
        self.vault = None
        self._walkthrough_id = None
        self.panel.clear()
        self.journal.clear()
        self.search.clear()
        self._fill_cases()

    def _fill_cases(self) -> None:
        current = self.case.currentData()
        self.case.blockSignals(True)
        self.case.clear()
        self.case.addItem(_("No case: answers are not saved"), None)
        if self.vault is not None:
            for case in self.vault.cases():
                self.case.addItem(case.pseudonym, case.id)
        index = self.case.findData(current)
        self.case.setCurrentIndex(index if index >= 0 else 0)
        self.case.blockSignals(False)
        self._update_case_hint()

    def set_case(self, case_id: int | None) -> None:
        self._fill_cases()
        index = self.case.findData(case_id)
        self.case.setCurrentIndex(index if index >= 0 else 0)

    def _case_chosen(self) -> None:
        self._save_timer.stop()
        self._walkthrough_id = None
        case_id = self.case.currentData()
        answers = {}
        if self.vault is not None and case_id is not None:
            saved = self.vault.walkthroughs(case_id)
            if saved:
                self._walkthrough_id = saved[-1].id
                answers = saved[-1].answers
        self.panel.set_answers(answers)
        if self.content.currentIndex() == 1:
            self._show_checklist()
        self._update_case_hint()

    def _update_case_hint(self) -> None:
        case_id = self.case.currentData()
        self.save_note.setEnabled(case_id is not None)
        self.case_hint.setText(
            _("Answers are saved encrypted in the case.")
            if case_id is not None
            else _("Without a case, answers are kept only until you lock or leave the handbook.")
        )

    def _save_answers(self) -> None:
        case_id = self.case.currentData()
        if self.vault is None or case_id is None:
            return
        try:
            self._walkthrough_id = self.vault.save_walkthrough(
                case_id, self.panel.answers(), self._walkthrough_id
            )
        except Exception as error:  # the answers stay on screen; say why they were not kept
            self.status.emit(error_text(error))

    def walkthrough_answers(self):
        """The panel's answers as the templates want them; None until the question is answered."""
        from vaaldstod.templates import WalkthroughAnswers

        raw = self.panel.answers()
        if raw["asked"] is None:
            return None
        return WalkthroughAnswers(
            asked=raw["asked"],
            disclosed=raw["disclosed"] or "no",
            agency=self.agency,
            meeting_date=datetime.date.today(),
            not_asked_reason=raw["not_asked_reason"],
            forms=raw["forms"],
            children_affected=raw["children_affected"],
            child_report=raw.get("child_report") if raw["children_affected"] else None,
            referrals=[tuple(pair) for pair in raw["referrals"]],
        )

    def _generate(self) -> None:
        from vaaldstod.templates import render_journal

        answers = self.walkthrough_answers()
        if answers is None:
            QMessageBox.information(
                self,
                _("Journal text"),
                _("First record whether the question about violence was asked."),
            )
            return
        from vaaldstod.ui.worker import run_in_background

        # Off the UI thread (the template comes from a pack and is limited in time and size
        # by the core): quick exit, Esc Esc and auto-lock work while it renders.
        language = self.journal_language.currentData()
        self._rendering += 1
        ticket = self._rendering
        self.generate.setEnabled(False)
        run_in_background(
            lambda: render_journal(answers, language),
            lambda text: self._generated(ticket, text, None),
            lambda error: self._generated(ticket, "", error),
        )

    def _generated(self, ticket: int, text: str, error: Exception | None) -> None:
        if ticket != self._rendering:
            return  # locked (or asked again) meanwhile: this text is not wanted any more
        self.generate.setEnabled(True)
        if error is not None:  # a broken template pack: say so, keep what was typed
            QMessageBox.warning(self, _("Journal text"), error_text(error))
        else:
            self.journal.setPlainText(text)

    def _save_note(self) -> None:
        case_id = self.case.currentData()
        text = self.journal.toPlainText()
        if self.vault is None or case_id is None or not text.strip():
            return
        try:
            self.vault.add_note(case_id, text)
        except Exception as error:  # the text stays in the editor
            QMessageBox.warning(self, _("Not saved"), error_text(error))
            return
        self.status.emit(_("The journal text was saved as a note in the case."))
        self.note_saved.emit(case_id)

    def _copy(self, text: str) -> None:
        if text.strip():
            self._copy_text(text)
            self.status.emit(_("Copied. The clipboard is cleared in 30 seconds."))
