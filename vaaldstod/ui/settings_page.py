"""Settings: language, look, locking, retention, agency; passphrase, backup and restore."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics, QValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vaaldstod import settings as settings_store
from vaaldstod.code_labels import AGENCY_NAMES
from vaaldstod.i18n import LANGUAGES, N_, _
from vaaldstod.passphrase import MIN_LENGTH
from vaaldstod.settings import AGENCIES, THEMES, Settings
from vaaldstod.ui import theme
from vaaldstod.ui.errors import error_text, restored_text
from vaaldstod.ui.packs_section import PacksSection
from vaaldstod.ui.widgets import button, form_row, label, label_text
from vaaldstod.vault import Vault

THEME_NAMES = {
    "system": N_("Follow the system"),
    "light": N_("Light"),
    "dark": N_("Dark"),
    "high_contrast": N_("High contrast"),
}


class SpeechRateBox(QSpinBox):
    """The speech rate in words a person understands: "normal", "3 faster", "2 slower"."""

    def __init__(self) -> None:
        super().__init__(minimum=-10, maximum=10)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt override)
        if value == 0:
            return _("normal")
        if value > 0:
            return _("{steps} faster").format(steps=value)
        return _("{steps} slower").format(steps=-value)

    def _values(self) -> dict[str, int]:
        return {self.textFromValue(v): v for v in range(self.minimum(), self.maximum() + 1)}

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt override)
        return self._values().get(text.strip(), self.value())

    def validate(self, text: str, pos: int) -> object:
        values = self._values()
        if text.strip() in values:
            return QValidator.State.Acceptable
        if any(known.startswith(text.strip()) for known in values):
            return QValidator.State.Intermediate
        return QValidator.State.Invalid


class PassphraseDialog(QDialog):
    """Asks for one or two passphrases; the texts live only as long as the dialog."""

    def __init__(self, title: str, fields: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.inputs: list[QLineEdit] = []
        form = QFormLayout()
        for caption in fields:
            field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
            label_text(field, caption)
            form_row(form, field).setText(caption)
            self.inputs.append(field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> list[str] | None:
        return [field.text() for field in self.inputs] if self.exec() else None


class SettingsPage(QWidget):
    changed = Signal(object)  # the new Settings
    vault_replaced = Signal(object)  # the restored, open Vault
    lock_requested = Signal()
    status = Signal(str)

    def __init__(self, current: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.settings = current
        self.vault: Vault | None = None

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.theme = QComboBox()
        self.text_scale = QSpinBox(minimum=75, maximum=200, singleStep=25, suffix=" %")
        self.idle = QSpinBox(minimum=1, maximum=60)
        self.presenting_idle = QSpinBox(minimum=10, maximum=240)
        self.retention = QSpinBox(minimum=7, maximum=3650)
        self.statistics_retention = QSpinBox(minimum=7, maximum=3650)
        self.agency = QComboBox()
        for code in AGENCIES:
            self.agency.addItem(AGENCY_NAMES[code], code)
        self.change_passphrase = button()
        self.change_passphrase.clicked.connect(self._change_passphrase)
        self.backup = button()
        self.backup.clicked.connect(self._backup)
        self.restore = button()
        self.restore.clicked.connect(self._restore)
        self.vault_note = label("muted")

        self.reduce_motion = QCheckBox()
        self.allow_capture = QCheckBox()
        self.neutral_title = QLineEdit()
        self.neutral_title.setMaxLength(60)
        self.neutral_title.editingFinished.connect(self._store)
        self.speech_rate = SpeechRateBox()
        self.general = QGroupBox()
        self.general_form = QFormLayout(self.general)
        self.access = QGroupBox()
        self.access_form = QFormLayout(self.access)
        self.safety = QGroupBox()
        self.safety_form = QFormLayout(self.safety)
        self.vault_box = QGroupBox()
        vault_layout = QVBoxLayout(self.vault_box)
        vault_buttons = QHBoxLayout()
        for widget in (self.change_passphrase, self.backup, self.restore):
            vault_buttons.addWidget(widget)
        vault_buttons.addStretch()
        vault_layout.addWidget(self.vault_note)
        vault_layout.addLayout(vault_buttons)
        self._rows = [
            (self.general_form, self.language, N_("Language")),
            (self.general_form, self.agency, N_("Agency")),
            (self.access_form, self.text_scale, N_("Text size")),
            (self.access_form, self.theme, N_("Colours")),
            (self.access_form, self.speech_rate, N_("Speech rate when listening")),
            (self.access_form, self.reduce_motion, N_("Reduce motion")),
            (self.safety_form, self.idle, N_("Lock after minutes without activity")),
            (
                self.safety_form,
                self.presenting_idle,
                N_("While presenting an exercise, lock after minutes without activity"),
            ),
            (
                self.safety_form,
                self.neutral_title,
                N_("Neutral name in the title bar (e.g. the office's; empty: Våldstöd)"),
            ),
            (
                self.safety_form,
                self.allow_capture,
                N_("Let assistive tools and screen sharing see the app (Windows, macOS)"),
            ),
            (
                self.safety_form,
                self.retention,
                N_("Delete working notes after days without activity"),
            ),
            (
                self.safety_form,
                self.statistics_retention,
                N_("Keep anonymous statistics for days (never shorter than notes)"),
            ),
        ]
        self._captions = [form_row(form, widget) for form, widget, _caption in self._rows]
        # Number boxes as wide as their content, not stretched across the form.
        for spin in (
            self.text_scale,
            self.idle,
            self.presenting_idle,
            self.retention,
            self.statistics_retention,
            self.speech_rate,
        ):
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.packs = PacksSection()
        boxes = (self.general, self.access, self.safety, self.vault_box, self.packs)
        self._boxes = boxes
        self._fit_boxes()
        inner = QWidget()
        column = QVBoxLayout(inner)
        for box in boxes:
            column.addWidget(box)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Every control inside takes focus and is scrolled into view; the area itself would
        # be a nameless extra Tab stop.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self._load(current)
        for combo in (self.language, self.theme, self.agency):
            combo.currentIndexChanged.connect(self._store)
        self.retention.valueChanged.connect(self._store_retention)
        for spin in (
            self.text_scale,
            self.idle,
            self.presenting_idle,
            self.statistics_retention,
            self.speech_rate,
        ):
            spin.valueChanged.connect(self._store)
        self.reduce_motion.toggled.connect(self._store)
        self.allow_capture.toggled.connect(self._store)
        self.retranslate_ui()

    def _fit_boxes(self) -> None:
        """Lines short enough to read (about 820 px at normal size), growing with the text
        size so that nothing is cut off at 200 %."""
        width = max(820, QFontMetrics(self.font()).averageCharWidth() * 110)
        for box in self._boxes:
            box.setMaximumWidth(width)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_boxes()

    def attach(self, vault: Vault) -> None:
        self.vault = vault
        # Retention is the vault's own (shown with a shorter period still to come, if any).
        pending = vault.pending_retention()
        self.retention.blockSignals(True)
        self.retention.setValue(pending[0] if pending else vault.retention_days)
        self.retention.blockSignals(False)

    def detach(self) -> None:
        self.vault = None

    def retranslate_ui(self) -> None:
        self.general.setTitle(_("General"))
        self.access.setTitle(_("Accessibility"))
        self.safety.setTitle(_("Safety and retention"))
        self.vault_box.setTitle(_("Vault"))
        self.speech_rate.lineEdit().setText(
            self.speech_rate.textFromValue(self.speech_rate.value())
        )
        self.speech_rate.updateGeometry()
        for caption_label, (_form, widget, caption) in zip(self._captions, self._rows, strict=True):
            caption_label.setText(_(caption))
            label_text(widget, _(caption))
        self.theme.blockSignals(True)
        self.theme.clear()
        for code in THEMES:
            self.theme.addItem(_(THEME_NAMES[code]), code)
        self.theme.setCurrentIndex(THEMES.index(self.settings.theme))
        self.theme.blockSignals(False)
        label_text(self.change_passphrase, _("Change passphrase…"))
        label_text(
            self.backup, _("Back up vault…"), _("Save an encrypted copy with its own passphrase")
        )
        label_text(self.restore, _("Restore from backup…"))
        self.packs.retranslate_ui()
        self.vault_note.setText(
            _(
                "The vault is encrypted with your passphrase. Keep backups on a drive the agency "
                "trusts; a backup is encrypted with the passphrase you give it."
            )
        )

    def _load(self, current: Settings) -> None:
        self.language.setCurrentIndex(list(LANGUAGES).index(current.language))
        self.text_scale.setValue(current.text_scale)
        self.speech_rate.setValue(current.speech_rate)
        self.reduce_motion.setChecked(current.reduce_motion)
        self.allow_capture.setChecked(current.allow_screen_capture)
        self.neutral_title.setText(current.neutral_title)
        self.idle.setValue(current.idle_lock_minutes)
        self.presenting_idle.setValue(current.presenting_lock_minutes)
        self.statistics_retention.setValue(current.statistics_retention_days)
        self.agency.setCurrentIndex(AGENCIES.index(current.agency))

    def _store(self) -> None:
        self.settings = replace(
            self.settings,
            language=self.language.currentData(),
            idle_lock_minutes=self.idle.value(),
            presenting_lock_minutes=self.presenting_idle.value(),
            statistics_retention_days=self.statistics_retention.value(),
            agency=self.agency.currentData(),
            theme=self.theme.currentData() or self.settings.theme,
            text_scale=self.text_scale.value(),
            reduce_motion=self.reduce_motion.isChecked(),
            allow_screen_capture=self.allow_capture.isChecked(),
            neutral_title=self.neutral_title.text(),
            speech_rate=self.speech_rate.value(),
        ).validated()
        # Applied here so that the box works at once; the controller applies it at start.
        theme.apply_motion(QApplication.instance(), self.settings.reduce_motion)
        try:
            settings_store.save(self.settings)
        except OSError as error:
            self.status.emit(error_text(error))
        self.changed.emit(self.settings)

    def _store_retention(self, days: int) -> None:
        """Kept in the vault; a shorter period waits out the notice before it deletes."""
        if self.vault is None:
            return
        try:
            effective = self.vault.set_retention_days(days)
        except Exception as error:  # a full disk, say: shown as a sentence
            self.status.emit(error_text(error))
            return
        if effective is not None:
            self.status.emit(
                _(
                    "The shorter period applies from {date}. Until then the cases it would "
                    "delete are shown as expiring, and nothing is deleted early."
                ).format(date=effective.isoformat())
            )
        self.changed.emit(self.settings)

    # -- vault actions -------------------------------------------------------------------

    def _change_passphrase(self) -> None:
        if self.vault is None:
            return
        values = PassphraseDialog(
            _("Change passphrase"),
            [_("Current passphrase"), _("New passphrase"), _("Repeat the new passphrase")],
            self,
        ).values()
        if values is None:
            return
        current, new, repeat = values
        if len(new) < MIN_LENGTH or new != repeat:
            QMessageBox.warning(
                self,
                _("Change passphrase"),
                _("The new passphrases must match and have at least {n} characters.").format(
                    n=MIN_LENGTH
                ),
            )
            return
        try:
            Vault.check(self.vault.path, current)  # read-only: the open vault is untouched
            self.vault.change_passphrase(new)
        except Exception as error:  # shown as a sentence; the old passphrase still works
            QMessageBox.warning(self, _("Change passphrase"), error_text(error))
            return
        self.status.emit(_("The passphrase was changed."))

    def _backup(self) -> None:
        if self.vault is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Back up vault"), str(Path.home() / "vaaldstod-backup.db")
        )
        if not path:
            return
        values = PassphraseDialog(
            _("Passphrase for the backup"), [_("Passphrase"), _("Repeat the passphrase")], self
        ).values()
        if values is None:
            return
        if len(values[0]) < MIN_LENGTH or values[0] != values[1]:
            QMessageBox.warning(
                self,
                _("Back up vault"),
                _("The passphrases must match and have at least {n} characters.").format(
                    n=MIN_LENGTH
                ),
            )
            return
        try:
            self.vault.backup(path, values[0])
        except Exception as error:  # a full disk or a read-only folder: say so, keep going
            QMessageBox.warning(self, _("Back up vault"), error_text(error))
            return
        self.status.emit(_("Backup saved."))

    def _restore(self) -> None:
        if self.vault is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from backup"), str(Path.home())
        )
        if not path:
            return
        values = PassphraseDialog(
            _("Restore from backup"), [_("The backup's passphrase")], self
        ).values()
        if values is None:
            return
        answer = QMessageBox.question(
            self,
            _("Restore from backup"),
            _(
                "Replace the notes in this vault with the backup? The current vault is kept "
                "beside it as an encrypted file."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        target = self.vault.path
        try:
            # Read-only: a wrong passphrase is refused first, and the backup stays as it was.
            Vault.check(path, values[0])
        except Exception as error:  # the current vault stays open and untouched
            QMessageBox.warning(self, _("Restore from backup"), error_text(error))
            return
        self.vault.close()
        try:
            restored = Vault.restore(path, values[0], target)
        except Exception as error:  # the old vault is still in place; unlock it again
            QMessageBox.warning(self, _("Restore from backup"), error_text(error))
            self.lock_requested.emit()
            return
        self.vault_replaced.emit(restored)
        self.status.emit(restored_text(restored.replaced, locked=False))
