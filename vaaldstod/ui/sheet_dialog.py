"""Giving a referral sheet to a client: the office's standard set with ticks to adjust, the
format and language (with its review status), and a preview of the page as it will print."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vaaldstod.directory import Entry, OfficeProfile, OfficeProfileError, load_profile, numbers
from vaaldstod.directory.office_entries import unlocked_vault
from vaaldstod.i18n import N_, _, current_language, ngettext
from vaaldstod.sheets import REVIEW_STATUS, RenderedSheet, SheetError, SheetLanguage, render_sheet
from vaaldstod.sheets.selection import for_clients, office_area, printable, standard_set
from vaaldstod.ui import printing
from vaaldstod.ui.errors import error_text
from vaaldstod.ui.widgets import button, form_row, label, label_text

FORMAT_NAMES = {
    "a4": N_("A4 sheet for the client"),
    "card": N_("Wallet cards: an A4 page of cards with neutral labels"),
    "poster": N_("A4 poster with the office's logo and numbers"),
}
PREVIEW_WIDTH = 420  # pixels: a whole A4 page, its lines still readable


class SheetDialog(QDialog):
    """Makes the sheet from the ticked entries, previews it, prints it or saves a PDF.

    `entries` are the directory's entries; the ticks start at the office's standard set
    (national lines plus the office's area) and whatever the handler ticked in `chosen`.
    `load` gives the entries with their texts in a sheet's language (default: `entries`).
    """

    status = Signal(str)

    def __init__(
        self,
        entries: Sequence[Entry],
        languages: dict[str, SheetLanguage],
        parent: QWidget | None = None,
        *,
        chosen: Iterable[str] = (),
        load: Callable[[str], list[Entry]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Give to the client"))
        self.resize(980, 700)
        self.entries = list(entries)
        self.languages = languages
        self._load = load or (lambda _language: self.entries)
        self._texts: dict[str, list[Entry]] = {}  # entries by sheet language, read once
        self.office, office_problem = _office()

        self.format = QComboBox()
        for code, caption in FORMAT_NAMES.items():
            self.format.addItem(_(caption), code)
        self.language = QComboBox()
        for code, sheet in languages.items():
            status = _(REVIEW_STATUS[sheet.review_status])
            self.language.addItem(f"{sheet.name} ({code}) – {status}", code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.lines = QListWidget()
        self.standard_button = button()
        self.standard_button.clicked.connect(self.reset_to_standard)
        self._fill_lines(set(chosen))
        self.review = label("warning")
        self.contents = label("muted")
        # Provenance: where each number comes from (pack, version, signer, source, check date).
        self.sources = QTextBrowser()
        self.sources.setOpenLinks(False)
        self.sources.setMaximumHeight(150)
        self.problem = label("error")
        self.problem.hide()
        self.preview_image = label(wrap=False)
        self.preview_image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        preview_scroll = QScrollArea()
        preview_scroll.setWidget(self.preview_image)
        preview_scroll.setWidgetResizable(True)
        preview_scroll.setMinimumWidth(PREVIEW_WIDTH + 24)
        self.format.currentIndexChanged.connect(self._update)
        self.language.currentIndexChanged.connect(self._update)
        self.lines.itemChanged.connect(self._update)

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
        lines_caption = label()
        lines_caption.setText(_("&Services on the sheet:"))
        lines_caption.setBuddy(self.lines)
        label_text(self.format, _("Format"))
        label_text(self.language, _("Language"), _("Each language shows whether it is reviewed"))
        label_text(
            self.lines,
            _("Services on the sheet"),
            _("Tick or untick with Space; the office's standard set is ticked to start with"),
        )
        label_text(
            self.standard_button,
            _("Back to the standard set"),
            _("National lines and the services of the office's area"),
        )
        label_text(self.preview_button, _("Print preview…"), _("See the sheet and print it"))
        label_text(self.pdf_button, _("Save as PDF…"))
        label_text(self.sources, _("Where each number comes from"))
        self.preview_image.setAccessibleName(_("Preview of the page"))
        preview_scroll.setAccessibleName(_("Preview of the page"))

        choice = QVBoxLayout()
        choice.addLayout(form)
        choice.addWidget(lines_caption)
        choice.addWidget(self.lines, 1)
        choice.addWidget(self.standard_button, 0, Qt.AlignmentFlag.AlignLeft)
        choice.addWidget(self.review)
        choice.addWidget(self.contents)
        choice.addWidget(self.sources)
        if office_problem:
            office_label = label("warning")
            office_label.setText(office_problem)
            choice.addWidget(office_label)
        choice.addWidget(self.problem)
        columns = QHBoxLayout()
        columns.addLayout(choice, 1)
        columns.addWidget(preview_scroll)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.preview_button.setDefault(True)
        self._update()

    # -- what goes on the sheet ------------------------------------------------------------

    def _fill_lines(self, chosen: set[str]) -> None:
        """Every service a client's sheet can hold, the standard set and `chosen` ticked."""
        offered = printable(self.entries)
        offered_ids = {entry.id for entry in offered}
        # Something the handler ticked in the directory that has only a web address.
        offered += [
            e
            for e in for_clients(self.entries)
            if e.id in chosen and e.id not in offered_ids and (e.phone or e.web)
        ]
        ticked = self._standard_ids() | chosen
        position = {entry.id: index for index, entry in enumerate(self.entries)}
        self.lines.blockSignals(True)
        self.lines.clear()
        for entry in sorted(offered, key=lambda e: position[e.id]):
            text = entry.organisation
            if entry.phone and entry.phone not in text:
                text = f"{text} – {entry.phone}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if entry.id in ticked else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.lines.addItem(item)
        self.lines.blockSignals(False)

    def _standard_ids(self) -> set[str]:
        place = office_area(self.office, self.entries)
        return {entry.id for entry in standard_set(self.entries, place)}

    def ticked_ids(self) -> list[str]:
        """The ids of the ticked services, in the directory's order."""
        return [
            self.lines.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.lines.count())
            if self.lines.item(row).checkState() == Qt.CheckState.Checked
        ]

    def reset_to_standard(self) -> None:
        standard = self._standard_ids()
        self.lines.blockSignals(True)
        for row in range(self.lines.count()):
            item = self.lines.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in standard
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.lines.blockSignals(False)
        self._update()

    def sheet_entries(self) -> list[Entry]:
        """The ticked entries with their texts in the chosen sheet language."""
        wanted = set(self.ticked_ids())
        language = self.language.currentData()
        if language not in self._texts:
            self._texts[language] = self._load(language)
        return [entry for entry in self._texts[language] if entry.id in wanted]

    # -- the sheet -------------------------------------------------------------------------

    def _update(self, *_args) -> None:
        sheet = self.languages[self.language.currentData()]
        self.review.setVisible(not sheet.reviewed)
        self.review.setText(
            _(
                "The {language} texts need review by a native speaker: no one who reads the "
                "language has checked them yet."
            ).format(language=sheet.name)
        )
        ticked = self.sheet_entries()
        lines = [
            ngettext(
                "{count} service is ticked.",
                "{count} services are ticked.",
                len(ticked),
            ).format(count=len(ticked))
        ]
        changed = [e for e in ticked if e.number_changed_from]
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
        unchecked = [e.organisation for e in ticked if e.needs_check()]
        if unchecked:
            lines.append(
                _("Check these numbers before giving the sheet to the client: {names}").format(
                    names="; ".join(unchecked)
                )
            )
        self.problem.hide()
        rendered = self.sheet(report=False)
        if rendered is not None and rendered.left_out:
            lines.append(
                _("Not on the card (a few numbers with a neutral label only): {names}").format(
                    names="; ".join(rendered.left_out)
                )
            )
        self.sources.setHtml("".join(_provenance(entry) for entry in ticked))
        text = "\n".join(lines)
        self.contents.setText(text)
        self.contents.setAccessibleName(text)
        self._show_preview(rendered)

    def _show_preview(self, rendered: RenderedSheet | None) -> None:
        if rendered is None:
            self.preview_image.clear()
            return
        image = printing.page_image(rendered, round(PREVIEW_WIDTH * self.devicePixelRatioF()))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.preview_image.setPixmap(pixmap)

    def confirm_changed_numbers(self) -> None:
        """Ask before a changed number goes on paper: old and new side by side."""
        changed = [e for e in self.sheet_entries() if e.number_changed_from]
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

        def settled(entries: list[Entry]) -> list[Entry]:
            return [replace(e, number_changed_from="") if e.id in confirmed else e for e in entries]

        self.entries = settled(self.entries)
        self._texts = {language: settled(entries) for language, entries in self._texts.items()}
        self._update()

    def _record_printed(self) -> None:
        """What went on paper becomes the known number: a later change will be asked about."""
        vault = unlocked_vault()
        if vault is not None:
            numbers.confirm(vault, [e for e in self.sheet_entries() if e.printable])

    def sheet(self, report: bool = True) -> RenderedSheet | None:
        """The sheet as chosen, or None after saying why it cannot be made."""
        try:
            rendered = render_sheet(
                self.format.currentData(),
                self.languages[self.language.currentData()],
                self.sheet_entries(),
                self.office,
            )
        except SheetError as error:
            self._show_problem(error_text(error))
            return None
        if report and rendered.left_out:
            self.status.emit(
                _("Not on the card (a few numbers with a neutral label only): {names}").format(
                    names="; ".join(rendered.left_out)
                )
            )
        return rendered

    def preview(self) -> None:
        self.confirm_changed_numbers()
        rendered = self.sheet()
        if rendered is not None:
            printing.print_preview(rendered, self)
            self._record_printed()

    def save_pdf(self) -> None:
        self.confirm_changed_numbers()
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


def _office() -> tuple[OfficeProfile, str]:
    """The saved office profile, or an empty one and why the saved one could not be used."""
    try:
        return load_profile(), ""
    except OfficeProfileError as error:
        return OfficeProfile(), _(
            "The office profile could not be read, so the sheet is made without it: {reason}"
        ).format(reason=error)


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
