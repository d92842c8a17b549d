"""The first screen: create a vault on first start, unlock it afterwards."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.i18n import LANGUAGES, _, current_language
from vaaldstod.passphrase import MIN_LENGTH, Strength, strength
from vaaldstod.ui.widgets import QuickExitButton, button, form_row, label, label_text

_STRENGTH_TEXT = {
    Strength.TOO_SHORT: lambda: _("Too short: use at least {n} characters.").format(n=MIN_LENGTH),
    Strength.WEAK: lambda: _("Weak: add more words or characters."),
    Strength.FAIR: lambda: _("Fair: one or two more words make it strong."),
    Strength.STRONG: lambda: _("Strong."),
}


class LockScreen(QWidget):
    """Asks for the passphrase; emits what was typed, never keeps it."""

    create_requested = Signal(str)
    unlock_requested = Signal(str)
    quick_exit_requested = Signal()
    restore_requested = Signal()
    language_chosen = Signal(str)

    neutral_title = ""  # the office's neutral name from Settings, if any

    def __init__(self, creating: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)
        self._blocked_for = 0

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(current_language()))
        self.language.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language.currentData())
        )
        self.quick_exit = QuickExitButton()
        self.quick_exit.clicked.connect(self.quick_exit_requested)

        self.title = label("title")
        self.intro = label("muted")
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.hint = label("muted")
        self.message = label("error")
        self.message.setAccessibleName("")
        self.restore = button()
        self.restore.clicked.connect(self.restore_requested)
        self.submit = button("primary")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.confirm.returnPressed.connect(self._submit)
        self.passphrase.textChanged.connect(self._update_hint)

        top = QHBoxLayout()
        top.addWidget(self.language)
        top.addStretch()
        top.addWidget(self.quick_exit)
        self.form = QFormLayout()
        self.passphrase_caption = form_row(self.form, self.passphrase)
        self.confirm_caption = form_row(self.form, self.confirm)
        self.form.addRow(self.hint)
        panel = QVBoxLayout()
        panel.addWidget(self.title)
        panel.addWidget(self.intro)
        panel.addLayout(self.form)
        panel.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addWidget(self.submit)
        actions.addStretch()
        actions.addWidget(self.restore)
        panel.addLayout(actions)
        centred = QHBoxLayout()
        centred.addStretch(1)
        box = QWidget()
        box.setLayout(panel)
        box.setMaximumWidth(560)
        centred.addWidget(box, 4)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self.set_creating(creating)
        self.passphrase.setFocus()

    def set_creating(self, creating: bool) -> None:
        """Create mode asks twice and rates the passphrase; unlock mode asks once."""
        self.creating = creating
        self.form.setRowVisible(self.confirm, creating)
        self.form.setRowVisible(self.hint, creating)
        self.restore.setVisible(not creating)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # Discretion: nothing on the lock screen names what the app is for.
        self.setWindowTitle(self.neutral_title or _("Notes"))
        self.quick_exit.retranslate_ui()
        label_text(self.language, _("Language"))
        if self.creating:
            self.title.setText(_("Create your vault"))
            self.intro.setText(
                _(
                    "Your working notes are kept encrypted on this computer. Choose a passphrase "
                    "that only you know: a few unrelated words are easy to remember and hard "
                    "to guess. Without it, nobody can read the notes, not even you."
                )
            )
            label_text(self.submit, _("Create vault"))
        else:
            self.title.setText(_("Locked"))
            self.intro.setText(_("Enter your passphrase to unlock."))
            label_text(self.submit, _("Unlock"))
        label_text(
            self.restore,
            _("Restore from backup…"),
            _("Replace a damaged vault with a backup; the old file is kept beside it"),
        )
        label_text(self.passphrase, _("Passphrase"))
        self.passphrase.setPlaceholderText(_("Passphrase"))
        label_text(self.confirm, _("Repeat the passphrase"))
        self.confirm.setPlaceholderText(_("Repeat the passphrase"))
        self.passphrase_caption.setText(_("&Passphrase"))
        self.confirm_caption.setText(_("&Repeat"))
        self._update_hint()

    def _update_hint(self) -> None:
        if self.creating:
            text = _STRENGTH_TEXT[strength(self.passphrase.text())]()
            self.hint.setText(text)
            self.hint.setAccessibleName(text)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def clear(self) -> None:
        """Forget anything half-typed (on lock, on unlock and after every attempt); setText
        also drops the fields' undo history, which clear() would keep."""
        self.passphrase.setText("")
        self.confirm.setText("")
        self.passphrase.setFocus()

    def _submit(self) -> None:
        if not self.submit.isEnabled():
            return
        text = self.passphrase.text()
        if self.creating:
            if strength(text) == Strength.TOO_SHORT:
                self.show_message(_STRENGTH_TEXT[Strength.TOO_SHORT]())
                return
            if text != self.confirm.text():
                self.show_message(_("The two passphrases differ. Type them again."))
                self.clear()
                return
            self.create_requested.emit(text)
        else:
            if not text:
                return
            self.unlock_requested.emit(text)

    def set_busy(self, busy: bool) -> None:
        self.submit.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.confirm.setEnabled(not busy)
        if busy:
            self.show_message(
                _("Opening the vault…") if not self.creating else _("Creating the vault…")
            )

    def block_for(self, seconds: float, message: str) -> None:
        """After a wrong passphrase: say so, and wait `seconds` before the next attempt."""
        self._blocked_for = int(round(seconds))
        self._base_message = message
        self.clear()
        if self._blocked_for > 0:
            self.set_busy(True)
            self._render_block()
            self._countdown.start()
        else:
            self.set_busy(False)
            self.show_message(message)
            self.passphrase.setFocus()

    def _render_block(self) -> None:
        self.show_message(
            self._base_message
            + " "
            + _("You can try again in {seconds} s.").format(seconds=self._blocked_for)
        )

    def _tick(self) -> None:
        self._blocked_for -= 1
        if self._blocked_for <= 0:
            self._countdown.stop()
            self.set_busy(False)
            self.show_message(self._base_message)
            self.passphrase.setFocus()
        else:
            self._render_block()
