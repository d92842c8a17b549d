"""Giving a referral sheet to a client: format, language (with its review status), preview."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.directory import Entry, OfficeProfile, OfficeProfileError, load_profile, numbers
from vaaldstod.directory.office_entries import unlocked_vault
from vaaldstod.i18n import N_, _, current_language, ngettext
from vaaldstod.sheets import REVIEW_STATUS, RenderedSheet, SheetError, SheetLanguage, render_sheet
from vaaldstod.ui import printing
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.widgets import button, form_row, label, label_text

FORMAT_NAMES = {
    "a4": N_("A4 sheet for the client"),
    "card": N_("Wallet card: a neutral title and numbers only"),
    "poster": N_("A4 poster with the office's logo and numbers"),
}


class SheetDialog(QDialog):
    """Makes the sheet from the chosen entries and shows its print preview or saves a PDF."""

    status = Signal(str)

    def __init__(
        self,
        entries: Sequence[Entry],
        languages: dict[str, SheetLanguage],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Give to the client"))
        self.entries = list(entries)
        self.languages = languages
        try:
            self.office = load_profile()
            office_problem = ""
        except OfficeProfileError as error:
            self.office = OfficeProfile()
            office_problem = _(
                "The office profile could not be read, so the sheet is made without it: {reason}"
            ).format(reason=error)

        self.format = QComboBox()
        for code, caption in FORMAT_NAMES.items():
            self.format.addItem(_(caption), code)
        self.language = QComboBox()
        for code, sheet in languages.items():
            status = _(REVIEW_STATUS[sheet.review_status])
            self.language.addItem(f"{sheet.name} ({code}) – {status}", code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.review = label("warning")
        self.contents = label("muted")
        # Provenance: where each number comes from (pack, version, signer, source, check date).
        self.sources = QTextBrowser()
        self.sources.setOpenLinks(False)
        self.sources.setMaximumHeight(150)
        self.problem = label("error")
        self.problem.hide()
        for combo in (self.format, self.language):
            combo.currentIndexChanged.connect(self._describe)

        self.preview_button = button("primary")
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button = button()
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form_row(form, self.format).setText(_("&Format:"))
        form_row(form, self.language).setText(_("&Language:"))
        label_text(self.format, _("Format"))
        label_text(self.language, _("Language"), _("Each language shows whether it is reviewed"))
        label_text(self.preview_button, _("Print preview…"), _("See the sheet and print it"))
        label_text(self.pdf_button, _("Save as PDF…"))
        label_text(self.sources, _("Where each number comes from"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.review)
        layout.addWidget(self.contents)
        layout.addWidget(self.sources)
        if office_problem:
            office_label = label("warning")
            office_label.setText(office_problem)
            layout.addWidget(office_label)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.preview_button.setDefault(True)
        self._describe()

    def _describe(self, *_args) -> None:
        sheet = self.languages[self.language.currentData()]
        self.review.setVisible(not sheet.reviewed)
        self.review.setText(
            _(
                "The {language} texts need review by a native speaker: no one who reads the "
                "language has checked them yet."
            ).format(language=sheet.name)
        )
        lines = [
            ngettext(
                "{count} entry is on the sheet.",
                "{count} entries are on the sheet.",
                len(self.entries),
            ).format(count=len(self.entries))
        ]
        changed = [e for e in self.entries if e.number_changed_from]
        if changed:
            lines.append(
                _("Changed numbers, printed only once you confirm them: {names}").format(
                    names="; ".join(
                        f"{e.organisation} {e.number_changed_from} → {e.phone}" for e in changed
                    )
                )
            )
        unsigned = [e.organisation for e in self.entries if e.unsigned]
        if unsigned:
            lines.append(
                _("From unsigned packs, never printed: {names}").format(names="; ".join(unsigned))
            )
        unchecked = [e.organisation for e in self.entries if e.needs_check()]
        if unchecked:
            lines.append(
                _("Check these numbers before giving the sheet to the client: {names}").format(
                    names="; ".join(unchecked)
                )
            )
        self.sources.setHtml("".join(_provenance(entry) for entry in self.entries))
        text = "\n".join(lines)
        self.contents.setText(text)
        self.contents.setAccessibleName(text)
        self.problem.hide()

    def confirm_changed_numbers(self) -> None:
        """Ask before a changed number goes on paper: old and new side by side."""
        changed = [e for e in self.entries if e.number_changed_from and not e.unsigned]
        vault = unlocked_vault()
        if not changed or vault is None:
            return
        listing = "\n".join(
            _("{name}: {old} → {new} (from {pack})").format(
                name=e.organisation,
                old=e.number_changed_from,
                new=e.phone,
                pack=e.pack or _("the office's own entry"),
            )
            for e in changed
        )
        answer = QMessageBox.question(
            self,
            _("Changed numbers"),
            _(
                "These numbers are not the ones given to clients before:\n\n{listing}\n\n"
                "Check each against the service's own web page. Print the new numbers? "
                "(No: they are left off the sheet.)"
            ).format(listing=listing),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        numbers.confirm(vault, changed)
        confirmed = {e.id for e in changed}
        self.entries = [
            replace(e, number_changed_from="") if e.id in confirmed else e for e in self.entries
        ]
        self._describe()

    def _record_printed(self) -> None:
        """What went on paper becomes the known number: a later change will be asked about."""
        vault = unlocked_vault()
        if vault is not None:
            numbers.confirm(vault, [e for e in self.entries if e.printable])

    def sheet(self) -> RenderedSheet | None:
        """The sheet as chosen, or None after saying why it cannot be made."""
        self.confirm_changed_numbers()
        try:
            rendered = render_sheet(
                self.format.currentData(),
                self.languages[self.language.currentData()],
                self.entries,
                self.office,
            )
        except SheetError as error:
            self._show_problem(error_text(error))
            return None
        if rendered.left_out:
            self.status.emit(
                _("Did not fit and was left out: {names}").format(
                    names="; ".join(rendered.left_out)
                )
            )
        return rendered

    def preview(self) -> None:
        rendered = self.sheet()
        if rendered is not None:
            self._record_printed()
            printing.print_preview(rendered, self)

    def save_pdf(self) -> None:
        rendered = self.sheet()
        if rendered is None:
            return
        suggested = f"{rendered.format.code}-{rendered.language}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), str(Path.home() / suggested), _("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            printing.write_pdf(rendered, Path(path))
        except OSError as error:
            self._show_problem(error_text(error))
            return
        self._record_printed()
        self.status.emit(_("Saved {path}.").format(path=path))

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleName(text)
        self.problem.show()


def _provenance(entry: Entry) -> str:
    """One paragraph: the number, and the pack, signer, source and check date behind it."""
    if entry.origin == "office":
        origin = _("the office's own entry, kept in the vault")
    elif entry.unsigned:
        origin = _("{pack}, unsigned").format(pack=entry.pack)
    else:
        origin = _("{pack}, signed by {signer}").format(pack=entry.pack, signer=entry.signer)
    text = _("{number}: {origin}; source {source}; checked {date}").format(
        number=entry.phone or "–",
        origin=origin,
        source=entry.source or "–",
        date=entry.verified_on.isoformat(),
    )
    return f"<p><b>{html.escape(entry.organisation)}</b> {html.escape(text)}</p>"
