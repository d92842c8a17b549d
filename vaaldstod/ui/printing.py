"""Referral sheets on paper: the core's HTML laid out by QTextDocument, to PDF or a printer.

The document is laid out for the very device it is printed on, with the format's page size
and margins, so the PDF, the print preview and the printout break pages in the same places.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageReader,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QWidget

from vaaldstod import atomic, paths
from vaaldstod.i18n import current_language
from vaaldstod.sheets import FORMATS, RenderedSheet, SheetFormat
from vaaldstod.sheets.render import LOGO_URL

PDF_DPI = 300
LOGO_PIXELS = 600  # an SVG logo is drawn this tall: sharp at the size it is printed
_fonts_registered = False


def gui_application() -> QGuiApplication:
    """The running Qt application, or a new one: text layout and PDF need one, a display not."""
    return QGuiApplication.instance() or QGuiApplication([])


def register_fonts() -> None:
    """Make the bundled fonts (Noto Sans Arabic for Arabic and Persian) known to Qt, once."""
    global _fonts_registered
    if _fonts_registered:
        return
    for font in sorted((paths.resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    _fonts_registered = True


def page_layout(fmt: SheetFormat) -> QPageLayout:
    """The format's page and margins; the card is exactly the size of a bank card."""
    if fmt.code == "card":
        size = QPageSize(
            QSizeF(fmt.width_mm, fmt.height_mm),
            QPageSize.Unit.Millimeter,
            "ID-1",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    else:
        size = QPageSize(QPageSize.PageSizeId.A4)
    margins = QMarginsF(fmt.margin_mm, fmt.margin_mm, fmt.margin_mm, fmt.margin_mm)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def sheet_document(sheet: RenderedSheet, device: QPagedPaintDevice) -> QTextDocument:
    """The sheet laid out for `device`, whose page layout is set to the sheet's format."""
    register_fonts()
    device.setPageLayout(page_layout(sheet.format))
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    if sheet.direction == "rtl":
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        document.setDefaultTextOption(option)
    if sheet.logo is not None:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), _logo(sheet.logo)
        )
    document.setHtml(sheet.html)
    paint_rect = device.pageLayout().paintRectPixels(device.resolution())
    document.setPageSize(QSizeF(paint_rect.size()))
    return document


def pdf_bytes(sheet: RenderedSheet) -> bytes:
    """The sheet as a PDF file's bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    # No creator or title: a card's file must not say what it is for.
    writer.setCreator("")
    sheet_document(sheet, writer).print_(writer)
    del writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(buffer.data())


def write_pdf(sheet: RenderedSheet, path: Path) -> None:
    """Save the sheet as a PDF at `path`, atomically."""
    atomic.write_bytes(Path(path), pdf_bytes(sheet))


def print_preview(
    sheet: RenderedSheet | str, parent: QWidget | None = None, title: str = ""
) -> int:
    """Show the print preview of a sheet, or of plain HTML on A4 (a handbook step)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    if isinstance(sheet, str):
        sheet = RenderedSheet(sheet, FORMATS["a4"], current_language(), "ltr", None)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(sheet.format))
    dialog = QPrintPreviewDialog(printer, parent)
    if title:
        dialog.setWindowTitle(title)
    dialog.setAccessibleName(dialog.windowTitle())
    dialog.paintRequested.connect(lambda device: sheet_document(sheet, device).print_(device))
    return dialog.exec()


def _logo(path: Path) -> QImage:
    reader = QImageReader(str(path))
    if path.suffix.lower() == ".svg":
        size = reader.size()
        if size.isValid() and size.height() > 0:
            reader.setScaledSize(size.scaled(LOGO_PIXELS * 4, LOGO_PIXELS, Qt.KeepAspectRatio))
    return reader.read()
