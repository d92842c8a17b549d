"""Bar charts painted with QPainter: on the statistics page, and as images for the PDF.

One painting routine serves both, so the printed report looks like the screen. Every bar
carries its value in text beside it, so no figure depends on colour; a hidden figure gets
no bar, only its marker ("<5" or "..").
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from vaaldstod.i18n import _
from vaaldstod.statistics.report import Chart

_PAD = 8.0


def _metrics(font: QFont) -> tuple[QFontMetricsF, float]:
    metrics = QFontMetricsF(font)
    return metrics, metrics.height() * 1.7  # one bar row


def chart_height(chart: Chart, font: QFont) -> float:
    metrics, row = _metrics(font)
    return _PAD * 2 + metrics.height() * 1.8 + row * max(1, len(chart.bars))


def paint_chart(painter: QPainter, rect: QRectF, chart: Chart, colours: dict[str, str]) -> None:
    """Draw `chart` in `rect` with the painter's font and the theme's `colours`."""
    font = QFont(painter.font())
    metrics, row = _metrics(font)
    text, muted, accent = (QColor(colours[k]) for k in ("text", "muted", "accent"))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor(colours["base"]))
    area = rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)

    title = QFont(font)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(text)
    title_height = metrics.height() * 1.8
    title_rect = QRectF(area.left(), area.top(), area.width(), title_height)
    painter.drawText(
        title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, chart.title
    )
    painter.setFont(font)

    value_width = metrics.horizontalAdvance("100 %") + _PAD * 2
    label_width = min(
        area.width() * 0.42,
        max((metrics.horizontalAdvance(lb) for lb, _c in chart.bars), default=0),
    )
    bar_left = area.left() + label_width + _PAD
    bar_span = max(1.0, area.right() - value_width - bar_left)
    shown = [cell.value for _label, cell in chart.bars if cell.value is not None]
    scale = 100 if chart.percent else max(shown, default=0) or 1

    top = area.top() + title_height
    if not chart.bars:
        painter.setPen(muted)
        painter.drawText(QRectF(area.left(), top, area.width(), row), _("No one in this period."))
        painter.restore()
        return
    painter.setPen(QPen(QColor(colours["border"]), 1))
    painter.drawLine(QLineF(bar_left, top, bar_left, top + row * len(chart.bars)))
    for index, (label, cell) in enumerate(chart.bars):
        y = top + index * row
        label_rect = QRectF(area.left(), y, label_width, row)
        painter.setPen(text)
        elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width)
        painter.drawText(
            label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided
        )
        length = 0.0 if cell.value is None else bar_span * cell.value / scale
        if length > 0:
            bar = QRectF(bar_left, y + row * 0.18, max(length, 2.0), row * 0.64)
            painter.fillRect(bar, accent)
        painter.setPen(text if cell.value is not None else muted)
        value_rect = QRectF(bar_left + length + _PAD / 2, y, value_width, row)
        painter.drawText(
            value_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, cell.text()
        )
    painter.restore()


def chart_image(chart: Chart, width: int, colours: dict[str, str], font: QFont) -> QImage:
    """The chart as an image `width` logical pixels wide, drawn at twice that for print."""
    height = int(chart_height(chart, font)) + 1
    image = QImage(width * 2, height * 2, QImage.Format.Format_RGB32)  # opaque: for paper
    image.fill(QColor(colours["base"]))
    painter = QPainter(image)
    # Scaled by hand, not by devicePixelRatio: QTextDocument crops an image that has one.
    painter.scale(2, 2)
    painter.setFont(font)
    paint_chart(painter, QRectF(0, 0, width, height), chart, colours)
    painter.end()
    return image


class BarChart(QWidget):
    """A chart on screen; focusable, and its figures are its accessible description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.colours: dict[str, str] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_chart(self, chart: Chart, colours: dict[str, str]) -> None:
        self.chart, self.colours = chart, colours
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(
            "; ".join(f"{label}: {cell.text()}" for label, cell in chart.bars)
        )
        self.setFixedHeight(int(chart_height(chart, self.font())) + 1)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.height())

    def paintEvent(self, _event) -> None:
        if self.chart is None:
            return
        painter = QPainter(self)
        painter.setFont(self.font())
        paint_chart(painter, QRectF(self.rect()), self.chart, self.colours)
        if self.hasFocus():
            painter.setPen(QPen(QColor(self.colours["accent"]), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()
