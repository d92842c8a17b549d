"""Settings → Packs: the content the office has, its versions and review dates; install, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.i18n import N_, _, current_language
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.widgets import button, label, label_text

KIND_NAMES = {
    "guide": N_("Guide"),
    "checklist": N_("Checklist"),
    "template": N_("Templates"),
    "instrument": N_("Instrument"),
    "exercise": N_("Exercise"),
    "directory": N_("Directory"),
    "sheet": N_("Sheet texts"),
}
ORIGIN_NAMES = {"shipped": N_("ships with the app"), "installed": N_("installed by the office")}
TRUST = 5  # the column that says who signed a pack


class PacksSection(QGroupBox):
    """Lists packs; an office installs a newer version from a folder or .zip, or removes one."""

    changed = Signal()  # packs were installed or removed: content views should reload

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packsSection")
        self.intro = label("muted")
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(6)
        self.tree.setMinimumHeight(180)
        self.install_folder = button()
        self.install_folder.clicked.connect(lambda: self._install(folder=True))
        self.install_zip = button()
        self.install_zip.clicked.connect(lambda: self._install(folder=False))
        self.remove = button()
        self.remove.clicked.connect(self._remove)
        self.add_key = button()
        self.add_key.clicked.connect(self._add_key)
        self.keys = label("muted")
        self.problems = label("warning")
        self.problems.hide()
        row = QHBoxLayout()
        for widget in (self.install_folder, self.install_zip, self.remove):
            row.addWidget(widget)
        row.addStretch()
        key_row = QHBoxLayout()
        key_row.addWidget(self.keys, 1)
        key_row.addWidget(self.add_key)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree)
        layout.addLayout(row)
        layout.addLayout(key_row)
        layout.addWidget(self.problems)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Content packs"))
        self.intro.setText(
            _(
                "Guides, checklists, templates and the referral directory arrive as packs. "
                "Install a newer version from a file the office received; packs past their "
                "review date are marked so that someone checks their content. Every pack's "
                "signature is checked each time packs are read: a pack changed after signing "
                "is not used."
            )
        )
        self.tree.setHeaderLabels(
            [_("Pack"), _("Kind"), _("Version"), _("Review by"), _("Source"), _("Signed")]
        )
        label_text(self.tree, _("Installed content packs"))
        label_text(self.install_folder, _("Install from folder…"))
        label_text(self.install_zip, _("Install from .zip file…"))
        label_text(self.remove, _("Remove installed pack"))
        label_text(self.add_key, _("Add office key…"))
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Reading and validating every pack takes a moment: only when someone looks.
        self.reload()
        super().showEvent(event)

    def _registry(self):
        from vaaldstod.packs import Registry

        return Registry()

    def reload(self) -> None:
        registry = self._registry()
        self.tree.clear()
        language = current_language()
        for pack in registry.packs():
            review = pack.manifest.review_by.isoformat()
            if pack.overdue():
                review = _("{date} – overdue, check the content").format(date=review)
            item = QTreeWidgetItem(
                [
                    pack.title(language),
                    _(KIND_NAMES.get(pack.kind, pack.kind)),
                    pack.manifest.version,
                    review,
                    _(ORIGIN_NAMES.get(pack.origin, pack.origin)),
                    pack.trust.describe() if pack.trust else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, pack.id)
            item.setToolTip(0, pack.id)
            item.setToolTip(TRUST, item.text(TRUST))
            self.tree.addTopLevelItem(item)
        for column in range(TRUST):
            self.tree.resizeColumnToContents(column)
        self._show_keys()
        broken = registry.broken
        self.problems.setVisible(bool(broken))
        if broken:
            self.problems.setText(
                _("These packs could not be read and are not used:")
                + "\n"
                + "\n".join(map(str, broken))
            )

    def _install(self, folder: bool) -> None:
        if folder:
            path = QFileDialog.getExistingDirectory(
                self, _("Install pack from folder"), str(Path.home())
            )
        else:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Install pack from .zip file"), str(Path.home()), _("Pack files (*.zip)")
            )
        if not path:
            return
        try:
            checked = self._registry().check(Path(path))
            accept = self._accept_unsigned(checked)
            if accept is None:
                return
            # Install exactly what was checked (and, if unsigned, what the office agreed to).
            digest = checked.trust.digest if checked.trust else ""
            pack = self._registry().install(
                Path(path), accept_unsigned=accept, expected_digest=digest
            )
        except Exception as error:  # a refused pack: say which file, line and field
            QMessageBox.warning(self, _("The pack was not installed"), error_text(error))
            return
        self.reload()
        self.changed.emit()
        QMessageBox.information(
            self,
            _("Pack installed"),
            _("{title}, version {version}, is installed.").format(
                title=pack.title(current_language()), version=pack.manifest.version
            ),
        )

    def _accept_unsigned(self, pack) -> bool | None:
        """False for a signed pack; for an unsigned one while unlocked, ask (None: cancelled).

        Locked, the install itself refuses an unsigned pack with a sentence saying why.
        """
        from vaaldstod.packs import trust

        if pack.trust is None or pack.trust.signed or trust.office_trust() is None:
            return False
        answer = QMessageBox.warning(
            self,
            _("Unsigned pack"),
            _(
                "“{title}” is not signed by a publisher Våldstöd trusts ({reason}).\n\n"
                "Anyone could have written or changed it. It will be marked “unsigned” wherever "
                "its content shows, and its phone numbers are never printed on a client's sheet "
                "or card. Install it only if you know where it comes from.\n\nInstall anyway?"
            ).format(
                title=pack.manifest.title.get(current_language(), pack.id), reason=pack.trust.reason
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    def _show_keys(self) -> None:
        from vaaldstod.packs import trust

        office = trust.office_trust()
        self.add_key.setEnabled(isinstance(office, trust.VaultTrust))
        if not isinstance(office, trust.VaultTrust):
            self.keys.setText(_("Office keys can be added while the vault is unlocked."))
            return
        keys = office.keys()
        if not keys:
            self.keys.setText(
                _("No office keys: only packs signed by the Våldstöd publisher are trusted.")
            )
            return
        names = ", ".join(f"{key.name} ({key.key_id})" for key in keys)
        self.keys.setText(_("Office keys kept in the vault: {names}").format(names=names))

    def _add_key(self) -> None:
        from vaaldstod.packs import signing, trust

        office = trust.office_trust()
        if not isinstance(office, trust.VaultTrust):
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Add office key"), str(Path.home()), _("Public key files (*.toml)")
        )
        if not path:
            return
        try:
            key = signing.parse_public_key(Path(path).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, signing.SignatureError):
            QMessageBox.warning(
                self, _("Add office key"), _("{path} is not a public key file.").format(path=path)
            )
            return
        answer = QMessageBox.question(
            self,
            _("Add office key"),
            _(
                "Trust packs signed by “{name}” (key {key_id})? Compare the key id with the one "
                "its holder gives you by phone or in person. The key is kept in your vault; it "
                "can never sign packs in Våldstöd's own name."
            ).format(name=key.name, key_id=key.key_id),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        office.add_key(key)
        trust.set_office_trust(office)  # registries read the packs again
        self.reload()
        self.changed.emit()

    def _remove(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        pack_id = item.data(0, Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self,
            _("Remove installed pack"),
            _("Remove the pack “{title}”?").format(title=item.text(0)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._registry().remove(pack_id)
        except Exception as error:  # a shipped pack cannot be removed: say so
            QMessageBox.warning(self, _("Remove installed pack"), error_text(error))
            return
        self.reload()
        self.changed.emit()
