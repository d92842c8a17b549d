"""Referral sheets as PDF: every format and language renders, on a page of the right size."""

from __future__ import annotations

import re

import pytest

from vaaldstod import paths
from vaaldstod.directory import Directory, LocalNumber, OfficeProfile
from vaaldstod.directory.entry import Area
from vaaldstod.directory.office import save_logo
from vaaldstod.sheets import FORMATS, render_sheet, sheet_languages
from vaaldstod.sheets.cli import printable

pytestmark = pytest.mark.gui

MM_TO_PT = 72 / 25.4
PAGE_POINTS = {
    code: (fmt.width_mm * MM_TO_PT, fmt.height_mm * MM_TO_PT) for code, fmt in FORMATS.items()
}
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
PAGE = re.compile(rb"/Type\s*/Page(?!s)")


@pytest.fixture(scope="module")
def directory() -> Directory:
    return Directory()


@pytest.fixture
def office(tmp_path, qapp) -> OfficeProfile:
    from PySide6.QtGui import QColor, QImage

    image = QImage(200, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d4e89"))
    image.save(str(tmp_path / "logo.png"))
    return OfficeProfile(
        name="Kronofogden Växjö",
        logo=save_logo(tmp_path / "logo.png"),
        local_numbers=(LocalNumber("Socialtjänsten i Växjö", "0470-00 00 00"),),
        folder=paths.config_dir(),
    )


@pytest.mark.parametrize("language", list(sheet_languages()))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_and_language_renders_on_the_right_page(
    qapp, directory, office, tmp_path, fmt, language
):
    from vaaldstod.ui.printing import write_pdf

    entries = printable(directory.entries(language), Area("Kronoberg"))
    sheet = render_sheet(fmt, sheet_languages()[language], entries, office)
    path = tmp_path / f"{fmt}-{language}.pdf"
    write_pdf(sheet, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    pages = PAGE.findall(data)
    boxes = [(float(w), float(h)) for w, h in MEDIA_BOX.findall(data)]
    width, height = PAGE_POINTS[fmt]
    assert boxes and len(boxes) == len(pages)
    # Qt writes the MediaBox in whole points.
    assert all(abs(w - width) <= 1 and abs(h - height) <= 1 for w, h in boxes), boxes
    if fmt == "card":
        assert len(pages) == 1, "the wallet card must fit on its one card"
        assert b"/Subtype /Image" not in data
    else:
        assert b"/Subtype /Image" in data  # the office logo
        assert len(pages) == 1, "the shipped Kronoberg entries fit one page in every language"


def test_an_svg_logo_is_drawn(qapp, tmp_path):
    from vaaldstod.ui.printing import pdf_bytes

    svg = tmp_path / "logo.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#1d4e89"/></svg>',
        encoding="utf-8",
    )
    office = OfficeProfile(name="Kontoret", logo=save_logo(svg), folder=paths.config_dir())
    data = pdf_bytes(render_sheet("poster", sheet_languages()["sv"], [], office))
    assert b"/Subtype /Image" in data


def test_the_pdf_does_not_say_what_made_it(qapp):
    from vaaldstod.ui.printing import pdf_bytes

    data = pdf_bytes(render_sheet("card", sheet_languages()["sv"], [], OfficeProfile()))
    assert b"V\xc3\xa5ldst\xc3\xb6d" not in data and "Våldstöd".encode("utf-16-be") not in data


@pytest.mark.parametrize("source", ["sheet", "html"])
def test_print_preview_lays_out_a_sheet_or_plain_html(qapp, monkeypatch, tmp_path, source):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from vaaldstod.ui import printing

    titles = []
    target = tmp_path / "preview.pdf"

    def run(dialog: QPrintPreviewDialog) -> int:
        # What the preview draws, sent to a PDF printer instead of the screen.
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.paintRequested.emit(printer)
        titles.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", run)
    sheet = render_sheet("a4", sheet_languages()["sv"], [], OfficeProfile())
    printing.print_preview(sheet if source == "sheet" else "<h1>Steg 1</h1>", title="Handbok")
    assert titles == ["Handbok"]
    [(width, height)] = [(float(w), float(h)) for w, h in MEDIA_BOX.findall(target.read_bytes())]
    assert abs(width - PAGE_POINTS["a4"][0]) <= 1 and abs(height - PAGE_POINTS["a4"][1]) <= 1
