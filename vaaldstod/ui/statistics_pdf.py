"""The printable statistics report as a PDF: the core's HTML with the charts as images.

Laid out for the PDF device itself (as ui/printing.py does for referral sheets, whose helpers
take a sheet format), so sizes in points are true on paper. Written to memory first, then
atomically, so a failed export never leaves half a PDF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from vaaldstod import atomic
from vaaldstod.statistics.export import report_html
from vaaldstod.statistics.report import Report
from vaaldstod.ui import theme
from vaaldstod.ui.charts import chart_image

PDF_DPI = 300
CHART_WIDTH = 640  # the chart's own drawing width; it is scaled to the text width on paper
LAYOUT = QPageLayout(
    QPageSize(QPageSize.PageSizeId.A4),
    QPageLayout.Orientation.Portrait,
    QMarginsF(20, 18, 20, 18),
    QPageLayout.Unit.Millimeter,
)


def report_document(report: Report, font: QFont, writer: QPdfWriter) -> QTextDocument:
    """The report laid out for `writer`'s pages; charts always in the light colours."""
    writer.setPageLayout(LAYOUT)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    # Qt scales an <img>'s width and height from its default DPI (a new QImage's) to the
    # device's, so give them in those units to make a chart exactly as wide as the text.
    width = (
        page.width()
        * QImage(1, 1, QImage.Format.Format_RGB32).logicalDpiX()
        // writer.logicalDpiX()
    )
    images = {}
    for chart in report.charts:
        source = f"chart-{chart.key}.png"
        image = chart_image(chart, CHART_WIDTH, theme.LIGHT, font)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(source), image)
        images[chart.key] = (source, width, round(width * image.height() / image.width()))
    document.setHtml(report_html(report, images))
    document.setPageSize(QSizeF(page.size()))
    return document


def pdf_bytes(report: Report, font: QFont) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(report.office)
    writer.setCreator("Våldstöd")
    report_document(report, font, writer).print_(writer)
    del writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(buffer.data())


def write_pdf(path: Path, report: Report, font: QFont | None = None) -> None:
    """Write the report (built with suppress=True) as a PDF file at `path`."""
    atomic.write_bytes(Path(path), pdf_bytes(report, font or QFont()))
