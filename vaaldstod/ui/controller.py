"""Locked or unlocked: owns the vault, the lock screen, the main window and their safety features.

The main window is built only after the first unlock, so the lock screen appears about
as fast as an empty Qt window.
"""

from __future__ import annotations

import contextlib
import importlib
import math
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from vaaldstod import settings as settings_store
from vaaldstod.i18n import _, on_language_change, remove_language_listener, set_language
from vaaldstod.settings import Settings
from vaaldstod.ui import theme
from vaaldstod.ui.clipboard import SecureClipboard
from vaaldstod.ui.dialog_guard import DialogGuard
from vaaldstod.ui.first_paint import after_first_paint
from vaaldstod.ui.inactivity import InactivityTimer
from vaaldstod.ui.lock_screen import LockScreen
from vaaldstod.ui.platform_privacy import SessionEvents, set_capture_excluded
from vaaldstod.ui.quick_exit import QuickExitFilter
from vaaldstod.ui.worker import run_in_background

# What the unlocked app needs first and the lock screen never does: pack trust (jsonschema,
# jinja2, cryptography) and retention, about 150 ms of imports. A worker imports them once the
# lock screen is drawn, while the handler types (or while SQLCipher derives the key, which it
# does without holding Python's lock), not the UI thread after the key is right.
UNLOCKED_IMPORTS = ("vaaldstod.trust_session", "vaaldstod.statistics.retention")

# What the first frame does without (the input filters, the system's colour scheme) comes
# once the lock screen is drawn, or after this at the latest.
FIRST_FRAME_LATEST_MS = 1000


class AppController(QObject):
    def __init__(
        self,
        app: QApplication,
        vault_path: Path,
        current: Settings,
        quit_app: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(app)
        from vaaldstod.throttle import UnlockThrottle

        self.app = app
        self.vault_path = Path(vault_path)
        self.settings = current
        self.vault = None
        self.main_window = None
        self._quit = quit_app or app.quit
        self._base_point_size = app.font().pointSizeF()
        self._qt_translator = QTranslator(self)
        # Kept beside the vault: quitting and starting again gives no fresh attempts.
        self.throttle = UnlockThrottle.for_vault(self.vault_path)
        self.clipboard = SecureClipboard(self)
        self.inactivity = InactivityTimer(current.idle_lock_minutes, self)
        self.inactivity.idle.connect(lambda: self.lock(_("Locked after a while without activity.")))
        self._idle_before_presenting: int | None = None
        self.quick_exit_filter = QuickExitFilter(self.quick_exit, self)
        self.dialog_guard = DialogGuard(self.quick_exit, self)
        self.session_events = SessionEvents(self._system_lock)
        if sys.platform == "win32":  # elsewhere it would be a Python call for every X event
            app.installNativeEventFilter(self.session_events)
        # At Windows logoff Qt emits aboutToQuit and the process is killed right after; the
        # session manager asks first. Both keep unsaved words as drafts and close the vault.
        app.aboutToQuit.connect(self._about_to_quit)
        app.commitDataRequest.connect(self._commit_data)

        self._first_frame_done = False
        self._install_qt_translator(current.language)
        self._apply_theme()
        app.styleHints().colorSchemeChanged.connect(self._apply_theme)
        self.lock_screen = self._new_lock_screen()
        on_language_change(self._retranslate)

    # -- screens -------------------------------------------------------------------------

    def _new_lock_screen(self) -> LockScreen:
        screen = LockScreen(creating=not self.vault_path.exists())
        screen.neutral_title = self.settings.neutral_title
        screen.retranslate_ui()
        screen.create_requested.connect(self._create)
        screen.unlock_requested.connect(self._unlock)
        screen.quick_exit_requested.connect(self.quick_exit)
        screen.language_chosen.connect(self._choose_language)
        screen.restore_requested.connect(self._restore_from_lock_screen)
        screen.resize(900, 620)
        return screen

    def start(self) -> None:
        self.lock_screen.show()
        # Every event of the app passes through the input filters, in Python, and the first
        # ones make PySide build the Python types of all of Qt's classes: about as much time
        # again as drawing the lock screen. Nothing on a lock screen still being drawn can
        # be typed into or clicked, so they start once it is on screen, and the system's
        # colour scheme is asked then too (theme.is_dark).
        after_first_paint(self.lock_screen, self._after_first_frame, FIRST_FRAME_LATEST_MS)
        self._apply_capture()
        self.session_events.register(self.lock_screen)
        self._wait_if_throttled()

    def _after_first_frame(self) -> None:
        if self._first_frame_done:
            return
        self._first_frame_done = True
        if theme.applied_dark() != theme.is_dark(self.settings.theme):
            self._apply_theme()  # the palette's guess at the system's scheme was wrong
        _import_ahead()
        # The main window's module (with the vault's: about 35 ms of Qt classes and SQLCipher)
        # on this thread, in a turn of its own, not after the key is right.
        QTimer.singleShot(0, self, lambda: importlib.import_module("vaaldstod.ui.main_window"))
        # The last one installed sees an event first: the guard, which drops input outside
        # a modal dialog, comes last, so the idle timer and Esc Esc / F12 see every key.
        self.dialog_guard.install(self.app)
        self.app.installEventFilter(self.inactivity)
        self.app.installEventFilter(self.quick_exit_filter)

    def _wait_if_throttled(self) -> bool:
        """Still within a pause after wrong passphrases (perhaps before a restart): wait."""
        waiting = self.throttle.remaining()
        # The lock screen counts whole seconds on a timer that may fire a little early.
        if waiting > 0.5:
            self.lock_screen.block_for(math.ceil(waiting), _("Too many wrong passphrases."))
        return waiting > 0.5

    def _apply_capture(self) -> None:
        """Main window and lock screen out of screen capture (Windows, macOS) unless allowed."""
        for window in (self.lock_screen, self.main_window):
            if window is not None:
                set_capture_excluded(window, not self.settings.allow_screen_capture)

    def _system_lock(self, why: str) -> None:
        """Windows locked the session (Win+L) or is going to sleep: lock the vault too."""
        if not self.locked:
            if why == "suspend":
                self.lock(_("Locked before the computer went to sleep."))
            else:
                self.lock(_("Locked because the computer was locked."))

    def _choose_language(self, language: str) -> None:
        self.settings.language = language
        self._save_settings()
        set_language(language)

    def _retranslate(self, language: str) -> None:
        self._install_qt_translator(language)
        self.lock_screen.retranslate_ui()
        if self.main_window is not None:
            self.main_window.retranslate_ui()

    def _install_qt_translator(self, language: str) -> None:
        """Qt's own texts (dialog buttons such as Cancel) follow the app's language."""
        self.app.removeTranslator(self._qt_translator)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if self._qt_translator.load(QLocale(language), "qtbase", "_", folder):
            self.app.installTranslator(self._qt_translator)

    # -- unlocking -----------------------------------------------------------------------

    def _create(self, passphrase: str) -> None:
        from vaaldstod.vault import Vault

        self.lock_screen.set_busy(True)
        run_in_background(
            lambda: Vault.create(self.vault_path, passphrase), self._opened, self._open_failed
        )

    def _unlock(self, passphrase: str) -> None:
        from vaaldstod.vault import Vault

        if self._wait_if_throttled():
            return
        self.lock_screen.set_busy(True)
        run_in_background(
            lambda: Vault.open(self.vault_path, passphrase), self._opened, self._open_failed
        )

    def _restore_from_lock_screen(self) -> None:
        """A damaged vault cannot be unlocked to reach Settings: restore from here instead.

        Replacing the vault takes its passphrase, so nobody at a locked screen can swap in
        a vault of their own; a damaged vault is replaced, and the app stays locked.
        """
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from vaaldstod.ui.settings_page import PassphraseDialog
        from vaaldstod.vault import Vault

        if self._wait_if_throttled():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.lock_screen, _("Restore from backup"), str(Path.home())
        )
        if not path:
            return
        values = PassphraseDialog(
            _("Restore from backup"),
            [_("Your passphrase for the vault being replaced"), _("The backup's passphrase")],
            self.lock_screen,
        ).values()
        if not values or not all(values):
            return
        answer = QMessageBox.question(
            self.lock_screen,
            _("Restore from backup"),
            _(
                "Replace the notes in this vault with the backup? The current vault is kept "
                "beside it as an encrypted file."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.lock_screen.set_busy(True)
        run_in_background(
            lambda: Vault.replace_from_backup(self.vault_path, values[0], path, values[1]),
            self._restored,
            self._open_failed,
        )

    def _restored(self, result) -> None:
        vault, kept = result
        if vault is not None:
            self._opened(vault)  # it says what was replaced
            return
        # The current vault was damaged (its passphrase was right): replaced, but nobody is
        # let in without the restored vault's own passphrase.
        self.throttle.succeeded()
        from vaaldstod.ui.errors import restored_text  # imports the vault: not before unlock

        self.lock_screen.block_for(0, restored_text(kept, locked=True))

    def _open_failed(self, error: Exception) -> None:
        from vaaldstod.ui.errors import error_text
        from vaaldstod.vault import WrongPassphrase

        delay = self.throttle.failed() if isinstance(error, WrongPassphrase) else 0.0
        self.lock_screen.block_for(delay, error_text(error))

    def _opened(self, vault) -> None:
        """The key was right; a damaged vault can still fail now, and must say so."""
        self._after_first_frame()  # never an open vault without quick exit and the idle lock
        try:
            self._show_unlocked(vault)
        except Exception as error:  # e.g. VaultDamaged: back to the lock screen with a sentence
            from vaaldstod.ui.errors import error_text

            self.vault = None
            with contextlib.suppress(Exception):
                vault.close()
            if self.main_window is not None:
                self.main_window.hide()
            self.lock_screen.show()
            self.lock_screen.block_for(0, error_text(error))

    def _show_unlocked(self, vault) -> None:
        from vaaldstod.i18n import ngettext
        from vaaldstod.ui.main_window import MainWindow

        self.throttle.succeeded()
        self.vault = vault
        from vaaldstod.statistics.retention import purge_contacts

        # Retention lives in the vault; an earlier version's value is taken over once.
        vault.adopt_retention(self.settings.retention_days)
        purged = vault.purge_expired()
        purge_contacts(vault, self.settings)
        if self.main_window is None:
            self.main_window = MainWindow(self.settings, self.clipboard.copy)
            self.main_window.lock_requested.connect(lambda: self.lock(_("Locked.")))
            self.main_window.quick_exit_requested.connect(self.quick_exit)
            self.main_window.settings_changed.connect(self._settings_changed)
            self.main_window.vault_replaced.connect(self._vault_replaced)
            self.main_window.unlock_needed.connect(lambda: self.lock(_("Unlock to continue.")))
            self.main_window.presenting.connect(self._presenting)
        self._attach(vault)
        notices = [
            _(
                "A log file beside the vault did not belong to it and was set aside as "
                "{name}; nothing in the vault was changed."
            ).format(name=moved.name)
            for moved in vault.set_aside
            if moved.name.split(".foreign-")[0].endswith("-wal")
        ]
        if vault.replaced is not None:
            from vaaldstod.ui.errors import restored_text

            notices.append(restored_text(vault.replaced, locked=False))
        if purged:
            notices.append(
                ngettext(
                    "{n} case was deleted under the retention rule (gallring).",
                    "{n} cases were deleted under the retention rule (gallring).",
                    purged,
                ).format(n=purged)
            )
        if notices:  # otherwise the status a page gave on attach (a kept edit) stays
            self.main_window.show_status(" ".join(notices))
        self.main_window.show_page("cases")
        self.main_window.show()
        self._apply_capture()
        self.lock_screen.hide()
        self.lock_screen.clear()  # the passphrase is not kept for the unlocked session
        self.lock_screen.set_busy(False)
        self.lock_screen.set_creating(False)
        self.lock_screen.show_message("")
        self.inactivity.start()

    def _attach(self, vault) -> None:
        from vaaldstod import trust_session

        # The office's pack keys and own directory entries live in the vault: they count now.
        trust_session.unlocked(vault)
        self.main_window.cases.warning_days = self._warning_days()
        self.main_window.attach(vault)

    def _warning_days(self) -> int:
        """While a shorter retention period waits out its notice, the cases it will delete
        are shown for all of it, whatever the settings file says."""
        from vaaldstod.vault.vault import RETENTION_NOTICE_DAYS

        days = self.settings.retention_warning_days
        if self.vault is not None and self.vault.pending_retention():
            days = max(days, RETENTION_NOTICE_DAYS)
        return days

    def _vault_replaced(self, vault) -> None:
        self.vault = vault
        self._attach(vault)

    def _settings_changed(self, current: Settings) -> None:
        language_changed = current.language != self.settings.language
        self.settings = current
        self._apply_theme()
        self.inactivity.set_minutes(current.idle_lock_minutes)
        self.lock_screen.neutral_title = current.neutral_title
        self.lock_screen.retranslate_ui()
        self._apply_capture()
        if self.vault is not None:  # the retention period may have changed in the vault
            self.main_window.cases.warning_days = self._warning_days()
            self.main_window.cases.reload()
        if language_changed:
            set_language(current.language)

    def _presenting(self, on: bool) -> None:
        """A group may discuss a stage for longer than the idle time without touching a key:
        while an exercise (fictional, no client data on screen) is presented the app locks
        only after the longer time set for presenting, not never."""
        if on:
            if self._idle_before_presenting is None:
                self._idle_before_presenting = self.inactivity.interval_ms
            self.inactivity.set_minutes(self.settings.presenting_lock_minutes)
        elif self._idle_before_presenting is not None:
            self.inactivity.set_interval_ms(self._idle_before_presenting)
            self._idle_before_presenting = None
        if self.vault is not None:
            self.inactivity.start()

    def _apply_theme(self) -> None:
        theme.apply(
            self.app,
            self.settings.theme,
            self.settings.text_scale,
            self._base_point_size,
            first_frame=not self._first_frame_done,
        )

    def _save_settings(self) -> None:
        try:
            settings_store.save(self.settings)
        except OSError:
            pass  # the choice still applies now; it is only not remembered

    # -- locking -------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.vault is None

    def _close_vault(self) -> None:
        """Keep a half-written note as an encrypted draft, drop the key, empty the clipboard."""
        self.inactivity.stop()
        if self.main_window is not None:
            self.main_window.detach()
        if self.vault is not None:
            from vaaldstod import trust_session

            trust_session.locked()
            self.vault.close()
            self.vault = None
        self.inactivity.stop()  # leaving presenter mode on detach may have restarted it
        self.clipboard.clear()

    def lock(self, reason: str) -> None:
        """Lock now and show the lock screen with the reason: every other window and dialog
        is closed or hidden first, and what they showed is emptied."""
        self.dialog_guard.close_all(keep=[self.lock_screen])
        self._close_vault()
        self.lock_screen.clear()
        self.lock_screen.show_message(reason)
        self.lock_screen.show()
        self.lock_screen.raise_()
        self.lock_screen.activateWindow()

    def _about_to_quit(self) -> None:
        """Save drafts, checkpoint and close the vault, empty the clipboard: no time is left."""
        self._close_vault()

    def _commit_data(self, _manager=None) -> None:
        """The session ends (logoff, shutdown): lock now; if it is cancelled, the handler
        finds the lock screen."""
        if not self.locked:
            self.lock(_("Locked because the session is ending."))

    def dispose(self) -> None:
        """Lock, close every window and detach from the application (tests, throwaway apps)."""
        self.lock("")
        for widget in (self.lock_screen, self.main_window):
            if widget is not None:
                widget.close()
        self._first_frame_done = True  # the lock screen's late first-paint call installs nothing
        self.app.removeEventFilter(self.inactivity)
        self.app.removeEventFilter(self.quick_exit_filter)
        self.app.removeEventFilter(self.dialog_guard)
        self.clipboard.dispose()
        self.app.removeNativeEventFilter(self.session_events)
        self.session_events.unregister()
        self.app.aboutToQuit.disconnect(self._about_to_quit)
        self.app.commitDataRequest.disconnect(self._commit_data)
        self.app.styleHints().colorSchemeChanged.disconnect(self._apply_theme)
        remove_language_listener(self._retranslate)

    def quick_exit(self) -> None:
        """Hide every window first (that is what must be instant), then lock and quit."""
        self.dialog_guard.close_all()
        self._close_vault()
        self.lock_screen.clear()
        self._quit()


def _import_ahead() -> None:
    """Import UNLOCKED_IMPORTS on a daemon thread, which a quick exit never waits for (Qt's
    worker pool would be waited for, and its signals would outlive the app). An import that
    fails there fails again, and is reported, where the unlocked app imports it itself."""

    def import_all() -> None:
        with contextlib.suppress(Exception):
            for name in UNLOCKED_IMPORTS:
                importlib.import_module(name)

    threading.Thread(target=import_all, name="import-ahead", daemon=True).start()
