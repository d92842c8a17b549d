"""Cases and working notes: pseudonymous cases, timestamped notes with history, search."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.i18n import _, ngettext
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.widgets import button, label, label_text
from vaaldstod.vault import Case, Vault, VaultError

ROLE_ID = Qt.ItemDataRole.UserRole
# Rows of the case list added at once (more than a screen holds): the rest follow in later
# turns of the event loop, so unlocking 1,000 cases does not wait for all their rows.
ROWS_AT_ONCE = 150


def _local(moment) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class CasesPage(QWidget):
    """Left: cases or search hits. Right: the chosen case's notes and the note editor."""

    status = Signal(str)
    case_chosen = Signal(object)  # the case id shown, or None

    def __init__(self, copy_text: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesPage")
        self.vault: Vault | None = None
        self.warning_days = 14
        self._copy_text = copy_text
        self._case_id: int | None = None
        self._editing_note: int | None = None
        self._list_fill = 0  # which filling of the case list later rows belong to

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refresh_list)
        self.new_case = button("primary")
        self.new_case.clicked.connect(self._create_case)
        self.case_list = QListWidget()
        self.case_list.setWordWrap(True)
        self.case_list.currentItemChanged.connect(self._list_choice)
        self.case_list.itemActivated.connect(self._list_choice)
        self.retention_banner = label("warning")
        self.retention_banner.hide()

        self.case_title = label("title")
        self.case_expiry = label("muted")
        self.extend = button()
        self.extend.clicked.connect(self._extend_case)
        self.rename = button()
        self.rename.clicked.connect(self._rename_case)
        self.delete_case = button("danger")  # destructive: must not look like "Rename"
        self.delete_case.clicked.connect(self._delete_case)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.setAlternatingRowColors(True)
        self.notes.currentItemChanged.connect(self._note_chosen)
        self.editor_label = label()
        self.editor = QPlainTextEdit()
        # Tab moves on, as everywhere else: keyboard users must be able to leave the editor.
        self.editor.setTabChangesFocus(True)
        self.save = button("primary")
        self.save.clicked.connect(self._save_note)
        self.edit = button()
        self.edit.clicked.connect(self._edit_note)
        self.cancel_edit = button()
        self.cancel_edit.clicked.connect(self._cancel_edit)
        self.history = button()
        self.history.clicked.connect(self._show_history)
        self.copy = button()
        self.copy.clicked.connect(self._copy_note)
        self.delete_note = button()
        self.delete_note.clicked.connect(self._delete_note)
        QShortcut(QKeySequence("Ctrl+S"), self, self._save_note)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+N"), self, self._create_case)

        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.retention_banner)
        left.addWidget(self.case_list, 1)
        left.addWidget(self.new_case)
        left_box = QWidget()
        left_box.setLayout(left)

        head = QHBoxLayout()
        head.addWidget(self.case_title, 1)
        for widget in (self.extend, self.rename, self.delete_case):
            head.addWidget(widget)
        note_actions = QHBoxLayout()
        for widget in (self.edit, self.history, self.copy, self.delete_note):
            note_actions.addWidget(widget)
        note_actions.addStretch()
        editor_actions = QHBoxLayout()
        editor_actions.addWidget(self.save)
        editor_actions.addWidget(self.cancel_edit)
        editor_actions.addStretch()
        right = QVBoxLayout()
        right.addLayout(head)
        right.addWidget(self.case_expiry)
        right.addWidget(self.notes, 3)
        right.addLayout(note_actions)
        right.addWidget(self.editor_label)
        right.addWidget(self.editor, 2)
        right.addLayout(editor_actions)
        self.detail = QWidget()
        self.detail.setLayout(right)

        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate_ui()
        self._show_case(None)

    # -- texts ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        label_text(self.search, _("Search notes"), _("Finds notes containing every word typed"))
        self.search.setPlaceholderText(_("Search notes (Ctrl+F)"))
        label_text(self.new_case, _("New case"), _("Create a case under a pseudonym (Ctrl+N)"))
        label_text(self.case_list, _("Cases"))
        label_text(self.extend, _("Keep longer"), _("Postpone the scheduled deletion of this case"))
        label_text(self.rename, _("Rename"))
        label_text(self.delete_case, _("Delete case"))
        label_text(self.notes, _("Notes in this case"))
        label_text(self.editor, _("Note text"))
        label_text(self.save, _("Save note"), _("Save the note in the encrypted vault (Ctrl+S)"))
        label_text(self.edit, _("Edit note"))
        label_text(self.cancel_edit, _("Cancel editing"))
        label_text(self.history, _("Earlier versions"))
        label_text(self.copy, _("Copy"), _("Copy the note; the clipboard is cleared after 30 s"))
        label_text(self.delete_note, _("Delete note"))
        self._update_editor_label()
        if self.vault is not None:
            self.reload()

    def _update_editor_label(self) -> None:
        self.editor_label.setText(
            _("Editing the chosen note") if self._editing_note else _("New note")
        )
        self.cancel_edit.setVisible(self._editing_note is not None)

    # -- vault lifecycle -----------------------------------------------------------------

    def attach(self, vault: Vault) -> None:
        self.vault = vault
        self.reload()
        self._offer_kept_edit()

    def _offer_kept_edit(self) -> None:
        """After unlock: an edit the lock interrupted is back in the editor, unsaved."""
        try:
            kept = self.vault.edit_drafts()
        except VaultError:
            return
        if not kept:
            return
        case_id, note_id, text = kept[0]
        self._show_case(case_id)
        self._editing_note = note_id
        self.editor.setPlainText(text)
        self._update_editor_label()
        self.status.emit(
            _("Your unsaved change to a note was kept: it is back in the editor, not yet saved.")
        )

    def detach(self) -> None:
        """On lock: keep a half-written note as an encrypted draft, then forget everything."""
        self.save_draft()
        self.vault = None
        self._case_id = None
        self._editing_note = None
        self.search.setText("")  # unlike clear(), also forgets the undo history
        self.case_list.clear()
        self.notes.clear()
        self.editor.clear()
        self._show_case(None)

    def save_draft(self) -> None:
        if self.vault is None or not self.vault.is_open or self._case_id is None:
            return
        try:
            if self._editing_note is not None:
                self.vault.save_edit_draft(self._editing_note, self.editor.toPlainText())
                return
            self.vault.save_draft(self._case_id, self.editor.toPlainText())
        except VaultError:
            pass  # the vault is being locked anyway; the visible text is cleared next

    def reload(self) -> None:
        self._refresh_list()
        self._show_case(self._case_id)

    # -- left column ---------------------------------------------------------------------

    def _refresh_list(self) -> None:
        if self.vault is None:
            return
        query = self.search.text()
        self._list_fill += 1
        self.case_list.blockSignals(True)
        self.case_list.clear()
        if query.strip():
            hits = self.vault.search(query)
            for hit in hits:
                snippet = hit.snippet.replace("\x02", "»").replace("\x03", "«")
                item = QListWidgetItem(f"{hit.pseudonym} · {_local(hit.created)}\n{snippet}")
                item.setData(ROLE_ID, hit.case_id)
                self.case_list.addItem(item)
            self.case_list.setAccessibleDescription(
                ngettext("{n} note found", "{n} notes found", len(hits)).format(n=len(hits))
            )
        else:
            cases = self.vault.cases()
            self._refresh_banner(self.vault.expiring(self.warning_days, cases))
            self._add_case_rows(cases, self._list_fill)
            self.case_list.setAccessibleDescription("")
        self.case_list.blockSignals(False)

    def _add_case_rows(self, cases: list[Case], fill: int) -> None:
        """Add the first ROWS_AT_ONCE cases now and the rest in later turns, unless the list
        has been filled anew (a search, a lock) in between."""
        if fill != self._list_fill or self.vault is None:
            return
        blocked = self.case_list.blockSignals(True)
        for case in cases[:ROWS_AT_ONCE]:
            item = QListWidgetItem(self._case_line(case))
            item.setData(ROLE_ID, case.id)
            self.case_list.addItem(item)
            if case.id == self._case_id:
                self.case_list.setCurrentItem(item)
        self.case_list.blockSignals(blocked)
        rest = cases[ROWS_AT_ONCE:]
        if rest:
            QTimer.singleShot(0, self, lambda: self._add_case_rows(rest, fill))

    def _case_line(self, case: Case) -> str:
        notes = ngettext("{n} note", "{n} notes", case.note_count).format(n=case.note_count)
        return f"{case.pseudonym}\n{notes} · " + _("deleted on {date}").format(
            date=case.expires_on.isoformat()
        )

    def _refresh_banner(self, expiring: list[Case]) -> None:
        if expiring:
            names = ", ".join(case.pseudonym for case in expiring)
            self.retention_banner.setText(
                ngettext(
                    "{n} case will be deleted soon unless you keep it longer: {names}",
                    "{n} cases will be deleted soon unless you keep them longer: {names}",
                    len(expiring),
                ).format(n=len(expiring), names=names)
            )
        self.retention_banner.setVisible(bool(expiring))

    def _list_choice(self, item: QListWidgetItem | None, *_ignored) -> None:
        if item is not None:
            self._show_case(item.data(ROLE_ID))

    # -- right column --------------------------------------------------------------------

    def _show_case(self, case_id: int | None) -> None:
        if case_id != self._case_id:
            self.save_draft()
            self._editing_note = None
        case = None
        if self.vault is not None and case_id is not None:
            try:
                case = self.vault.case(case_id)
            except VaultError:
                case = None
        self._case_id = case.id if case else None
        self.case_chosen.emit(self._case_id)
        self._select_in_list(self._case_id)
        for widget in (self.extend, self.rename, self.delete_case, self.editor, self.save):
            widget.setEnabled(case is not None)
        self.notes.clear()
        if case is None:
            self.case_title.setText(_("No case chosen"))
            self.case_expiry.setText(
                _(
                    "Choose a case on the left, or create one with a pseudonym. Never use a "
                    "name or a personal identity number."
                )
            )
            self.editor.clear()
            self._note_chosen(None)
            self._update_editor_label()
            return
        self.case_title.setText(case.pseudonym)
        pending = self.vault.pending_retention()  # a shorter period already announced
        self.case_expiry.setText(
            _(
                "Working notes are deleted on {date} after {days} days without activity "
                "(gallring), unless you keep the case longer."
            ).format(
                date=case.expires_on.isoformat(),
                days=pending[0] if pending else self.vault.retention_days,
            )
        )
        for note in self.vault.notes(case.id):
            stamp = _local(note.created)
            if note.edited:
                stamp += " · " + _("edited {date}").format(date=_local(note.updated))
            item = QListWidgetItem(f"{stamp}\n{note.text}")
            item.setData(ROLE_ID, note.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{stamp}. {note.text}")
            self.notes.addItem(item)
        self.notes.scrollToBottom()
        if self._editing_note is None:
            self.editor.setPlainText(self.vault.draft(case.id))
        self._note_chosen(self.notes.currentItem())
        self._update_editor_label()

    def _select_in_list(self, case_id: int | None) -> None:
        self.case_list.blockSignals(True)
        for row in range(self.case_list.count()):
            item = self.case_list.item(row)
            if item.data(ROLE_ID) == case_id and not self.search.text().strip():
                self.case_list.setCurrentItem(item)
                break
        else:
            self.case_list.setCurrentItem(None)
        self.case_list.blockSignals(False)

    def _note_chosen(self, item: QListWidgetItem | None, *_ignored) -> None:
        for widget in (self.edit, self.history, self.copy, self.delete_note):
            widget.setEnabled(item is not None)

    def _current_note_id(self) -> int | None:
        item = self.notes.currentItem()
        return item.data(ROLE_ID) if item else None

    def _run(self, action: Callable[[], object], done: str = "") -> bool:
        """Do a vault change; on failure say why in a sentence, keep the typed text."""
        try:
            action()
        except Exception as error:  # every failure becomes a sentence; the text stays
            QMessageBox.warning(self, _("Not saved"), error_text(error))
            return False
        if done:
            self.status.emit(done)
        return True

    def _save_note(self) -> None:
        if self.vault is None or self._case_id is None:
            return
        text = self.editor.toPlainText()
        if not text.strip():
            return
        if self._editing_note is not None:
            note_id = self._editing_note
            ok = self._run(lambda: self.vault.update_note(note_id, text), _("Note updated."))
        else:
            case_id = self._case_id
            ok = self._run(lambda: self.vault.add_note(case_id, text), _("Note saved."))
        if ok:
            if self._editing_note is not None:
                self._run(lambda: self.vault.discard_edit_draft(note_id))
            self._editing_note = None
            self.editor.clear()
            self.reload()

    def _edit_note(self) -> None:
        note_id = self._current_note_id()
        if note_id is None:
            return
        self.save_draft()
        note = next(n for n in self.vault.notes(self._case_id) if n.id == note_id)
        self._editing_note = note_id
        self.editor.setPlainText(note.text)
        self.editor.setFocus()
        self._update_editor_label()

    def _cancel_edit(self) -> None:
        if self._editing_note is not None and self.vault is not None:
            note_id = self._editing_note
            self._run(lambda: self.vault.discard_edit_draft(note_id))
        self._editing_note = None
        self.editor.setPlainText(self.vault.draft(self._case_id) if self._case_id else "")
        self._update_editor_label()

    def _show_history(self) -> None:
        note_id = self._current_note_id()
        if note_id is None:
            return
        versions = self.vault.history(note_id)
        dialog = QDialog(self)
        dialog.setWindowTitle(_("Earlier versions"))
        view = QTextBrowser()
        label_text(view, _("Earlier versions"))
        if versions:
            view.setPlainText(
                "\n\n".join(
                    _("Saved {date}:").format(date=_local(v.saved)) + "\n" + v.text
                    for v in versions
                )
            )
        else:
            view.setPlainText(_("This note has not been changed."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(520, 400)
        dialog.exec()

    def _copy_note(self) -> None:
        item = self.notes.currentItem()
        note_id = self._current_note_id()
        if item is None or note_id is None:
            return
        note = next(n for n in self.vault.notes(self._case_id) if n.id == note_id)
        self._copy_text(note.text)
        self.status.emit(_("Copied. The clipboard is cleared in 30 seconds."))

    def _delete_note(self) -> None:
        note_id = self._current_note_id()
        if note_id is None:
            return
        answer = QMessageBox.question(
            self, _("Delete note"), _("Delete the chosen note and its earlier versions for good?")
        )
        if answer == QMessageBox.StandardButton.Yes and self._run(
            lambda: self.vault.delete_note(note_id), _("Note deleted.")
        ):
            if self._editing_note == note_id:
                self._cancel_edit()
            self.reload()

    # -- case actions --------------------------------------------------------------------

    def _create_case(self) -> None:
        if self.vault is None:
            return
        name, ok = self._ask_pseudonym(
            _("New case"),
            _("Pseudonym for the case (never a name or personal identity number):"),
            self.vault.suggest_pseudonym(_("Ärende")),
            _("Create case"),
        )
        if not ok:
            return
        created: list[int] = []
        if self._run(lambda: created.append(self.vault.create_case(name)), _("Case created.")):
            self.search.clear()
            self._show_case(created[0])
            self._refresh_list()
            self.editor.setFocus()

    def _ask_pseudonym(self, title: str, prompt: str, text: str, verb: str) -> tuple[str, bool]:
        """A pseudonym asked for with buttons that say what they do (not a bare "OK")."""
        dialog = QInputDialog(self)
        dialog.setObjectName("pseudonymDialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(prompt)
        dialog.setTextValue(text)
        dialog.setOkButtonText(verb)
        dialog.setCancelButtonText(_("Cancel"))
        try:
            accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
            return dialog.textValue(), accepted
        finally:
            dialog.deleteLater()

    def _rename_case(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        name, ok = self._ask_pseudonym(
            _("Rename"), _("New pseudonym:"), self.vault.case(case_id).pseudonym, _("Rename")
        )
        if ok and self._run(lambda: self.vault.rename_case(case_id, name)):
            self.reload()

    def _extend_case(self) -> None:
        case_id = self._case_id
        if case_id is not None and self._run(
            lambda: self.vault.extend_case(case_id), _("The case is kept longer.")
        ):
            self.reload()

    def _delete_case(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Delete case"),
            _("Delete “{name}” and all its notes for good?").format(
                name=self.vault.case(case_id).pseudonym
            ),
        )
        if answer == QMessageBox.StandardButton.Yes and self._run(
            lambda: self.vault.delete_case(case_id), _("Case deleted.")
        ):
            self._case_id = None
            self.reload()
