"""Referral sheets on paper: the core's HTML laid out by QTextDocument, to PDF or a printer.

The document is laid out for the very device it is printed on, with the format's page size
and margins, so the PDF, the print preview and the printout break pages in the same places.

The bundled fonts (resources/fonts: Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic) are
known to Qt only while a sheet is laid out and drawn (`bundled_fonts`). Qt's offscreen
platform on Windows reads fonts only from Qt's own folder, which the wheels leave empty, so a
sheet must never depend on the system's fonts; and registering them for good would change
how the rest of the app measures its text (an application font joins the fallback fonts).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageReader,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QWidget

from vaaldstod import atomic, paths
from vaaldstod.i18n import current_language
from vaaldstod.sheets import FORMATS, RenderedSheet, SheetFormat
from vaaldstod.sheets.render import LATIN_FONT, LOGO_URL

PDF_DPI = 300
LOGO_PIXELS = 600  # an SVG logo is drawn this tall: sharp at the size it is printed
CROP_MARK_MM = 5  # length of a crop mark; it stops 1 mm short of the card's corner
_font_users = 0
_font_ids: list[int] = []


def gui_application() -> QGuiApplication:
    """The running Qt application, or a new one: text layout and PDF need one, a display not."""
    return QGuiApplication.instance() or QGuiApplication([])


@cache
def _font_files() -> tuple[bytes, ...]:
    return tuple(path.read_bytes() for path in sorted(paths.resources_dir().glob("fonts/*.ttf")))


@contextmanager
def bundled_fonts() -> Iterator[None]:
    """Make the bundled fonts known to Qt for the duration of the block, then forget them.

    Nested blocks share one registration. The app's own font and how its widgets measure
    text are the same after the block as before it.
    """
    global _font_users, _font_ids
    if _font_users == 0:
        _font_ids = [QFontDatabase.addApplicationFontFromData(data) for data in _font_files()]
    _font_users += 1
    try:
        yield
    finally:
        _font_users -= 1
        if _font_users == 0:
            for font_id in _font_ids:
                if font_id >= 0:
                    QFontDatabase.removeApplicationFont(font_id)
            _font_ids = []


def page_layout(fmt: SheetFormat) -> QPageLayout:
    """The format's page (A4 for every format) and its margins."""
    margins = QMarginsF(fmt.margin_mm, fmt.margin_mm, fmt.margin_mm, fmt.margin_mm)
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )


def sheet_document(sheet: RenderedSheet, device: QPagedPaintDevice) -> QTextDocument:
    """The sheet laid out for `device`, whose page layout is set to the sheet's format.

    Call it inside `bundled_fonts()`: the document names the bundled fonts. For a card format
    the document is one card, its page the card less the card's margin.
    """
    device.setPageLayout(page_layout(sheet.format))
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    document.setDefaultFont(QFont([sheet.font, LATIN_FONT]))
    if sheet.direction == "rtl":
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        document.setDefaultTextOption(option)
    if sheet.logo is not None:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), _logo(sheet.logo)
        )
    document.setHtml(sheet.html)
    if sheet.format.card_mm is not None:
        width, height = (
            _pixels(mm - 2 * sheet.format.margin_mm, device) for mm in sheet.format.card_mm
        )
        document.setPageSize(QSizeF(width, height))
    else:
        paint_rect = device.pageLayout().paintRectPixels(device.resolution())
        document.setPageSize(QSizeF(paint_rect.size()))
    return document


def print_sheet(sheet: RenderedSheet, device: QPagedPaintDevice) -> None:
    """Lay the sheet out for `device` and draw it: the PDF, the print preview and a printer."""
    with bundled_fonts():
        document = sheet_document(sheet, device)
        if sheet.format.card_mm is None:
            document.print_(device)
        else:
            _print_cards(sheet, document, device)


def card_positions(sheet: RenderedSheet) -> list[QRectF]:
    """Where the cards stand on the page, in millimetres from the page's top left corner:
    as many as fit inside the page's margins, the block of them centred on the page."""
    fmt = sheet.format
    card_w, card_h = fmt.card_mm
    columns = int((fmt.width_mm - 2 * CROP_MARK_MM) // card_w)
    rows = int((fmt.height_mm - 2 * CROP_MARK_MM) // card_h)
    left = (fmt.width_mm - columns * card_w) / 2
    top = (fmt.height_mm - rows * card_h) / 2
    return [
        QRectF(left + column * card_w, top + row * card_h, card_w, card_h)
        for row in range(rows)
        for column in range(columns)
    ]


def _print_cards(sheet: RenderedSheet, document: QTextDocument, device: QPagedPaintDevice) -> None:
    painter = QPainter(device)
    try:
        # The painter of a paged device starts at the page margin.
        _draw_cards(sheet, document, painter, device.resolution(), sheet.format.margin_mm)
    finally:
        painter.end()


def _draw_cards(
    sheet: RenderedSheet,
    document: QTextDocument,
    painter: QPainter,
    dpi: float,
    origin_mm: float = 0,
) -> None:
    """Cards touching each other (one cut between two), crop marks outside the block."""
    cards = card_positions(sheet)
    margin = sheet.format.margin_mm

    def px(mm: float) -> float:
        return (mm - origin_mm) / 25.4 * dpi

    for card in cards:
        painter.save()
        painter.translate(px(card.left() + margin), px(card.top() + margin))
        document.drawContents(painter)
        painter.restore()
    pen = QPen(QColor("#1b1f24"))
    pen.setWidthF(0.2 / 25.4 * dpi)
    painter.setPen(pen)
    xs = sorted({round(c.left(), 3) for c in cards} | {round(c.right(), 3) for c in cards})
    ys = sorted({round(c.top(), 3) for c in cards} | {round(c.bottom(), 3) for c in cards})
    above = (ys[0] - 1 - CROP_MARK_MM, ys[0] - 1)
    below = (ys[-1] + 1, ys[-1] + 1 + CROP_MARK_MM)
    before = (xs[0] - 1 - CROP_MARK_MM, xs[0] - 1)
    after = (xs[-1] + 1, xs[-1] + 1 + CROP_MARK_MM)
    for x in xs:  # a mark above and below the block for every vertical cut
        for start, end in (above, below):
            painter.drawLine(QPointF(px(x), px(start)), QPointF(px(x), px(end)))
    for y in ys:  # and left and right of it for every horizontal cut
        for start, end in (before, after):
            painter.drawLine(QPointF(px(start), px(y)), QPointF(px(end), px(y)))


def _pixels(mm: float, device: QPagedPaintDevice) -> float:
    return mm / 25.4 * device.resolution()


def page_count(sheet: RenderedSheet) -> int:
    """How many pages the sheet takes when printed (laid out with the bundled fonts)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    with bundled_fonts():
        pages = sheet_document(sheet, writer).pageCount()
    del writer
    return pages


def page_image(sheet: RenderedSheet, width: int) -> QImage:
    """The sheet's first page as a picture `width` pixels wide: what the dialog previews.

    Laid out for a PDF at the printing resolution, so lines break where they will on paper.
    """
    fmt = sheet.format
    height = round(width * fmt.height_mm / fmt.width_mm)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    with bundled_fonts():
        document = sheet_document(sheet, writer)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.scale(
                width / _pixels(fmt.width_mm, writer), height / _pixels(fmt.height_mm, writer)
            )
            if fmt.card_mm is not None:
                _draw_cards(sheet, document, painter, PDF_DPI)
            else:
                page = document.pageSize()
                painter.translate(_pixels(fmt.margin_mm, writer), _pixels(fmt.margin_mm, writer))
                document.drawContents(painter, QRectF(0, 0, page.width(), page.height()))
        finally:
            painter.end()
    del writer
    return image


def pdf_bytes(sheet: RenderedSheet) -> bytes:
    """The sheet as a PDF file's bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    # No creator or title: a card's file must not say what it is for.
    writer.setCreator("")
    print_sheet(sheet, writer)
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
    dialog.paintRequested.connect(lambda device: print_sheet(sheet, device))
    # Zoom and page numbers in the app's language, not the system's (an Arabic system showed
    # Arabic digits in the Swedish preview): the dialog reads the default locale as it runs.
    system = QLocale()
    QLocale.setDefault(QLocale(current_language()))
    try:
        # The preview replays what was drawn whenever it repaints: the fonts stay while open.
        with bundled_fonts():
            return dialog.exec()
    finally:
        QLocale.setDefault(system)


def _logo(path: Path) -> QImage:
    reader = QImageReader(str(path))
    if path.suffix.lower() == ".svg":
        size = reader.size()
        if size.isValid() and size.height() > 0:
            reader.setScaledSize(size.scaled(LOGO_PIXELS * 4, LOGO_PIXELS, Qt.KeepAspectRatio))
    return reader.read()
