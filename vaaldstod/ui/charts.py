"""Bar charts painted with QPainter: on the statistics page, and as images for the PDF.

One painting routine serves both, so the printed report looks like the screen. Every chart
is a share on the same 0–100 % axis, says under its title what 100 % is and its n, and every
bar carries its value and counts in text ("75 % (30 of 40)"), so no figure depends on colour
or on reading the scale. Labels wrap instead of being cut. A hidden figure gets no bar, only
the words that it is hidden, so it never reads as zero.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from vaaldstod.i18n import _
from vaaldstod.statistics.report import Bar, Chart

_PAD = 8.0
_TICKS = (0, 25, 50, 75, 100)
_WRAP = Qt.TextFlag.TextWordWrap


def bar_text(bar: Bar) -> str:
    """The words beside a bar: the share and the counts it comes from, or that it is hidden."""
    if bar.share.value is None:
        return _("{marker} hidden").format(marker=bar.share.text())
    return _("{share} ({part} of {whole})").format(
        share=bar.share.text(), part=bar.part.text(), whole=bar.whole.text()
    )


class _Layout:
    """Where everything goes in a chart `width` wide, in `font`."""

    def __init__(self, chart: Chart, font: QFont, width: float) -> None:
        self.metrics = metrics = QFontMetricsF(font)
        bold = QFont(font)
        bold.setBold(True)
        inner = max(1.0, width - 2 * _PAD)
        self.title = (
            QFontMetricsF(bold)
            .boundingRect(QRectF(0, 0, inner, 1e6), int(_WRAP), chart.title)
            .height()
        )
        self.base = metrics.boundingRect(QRectF(0, 0, inner, 1e6), int(_WRAP), chart.base).height()
        # The same columns in every chart of a width, whatever its labels: charts side by side
        # then share one axis, and a share reads the same length everywhere.
        widest = _("{share} ({part} of {whole})").format(share="100 %", part=999, whole=999)
        values = [metrics.horizontalAdvance(text) for text in (widest, *map(bar_text, chart.bars))]
        self.value_width = max(values) + _PAD
        self.label_width = inner * 0.32
        line = metrics.height() * 1.7
        self.rows = [
            max(
                line,
                metrics.boundingRect(
                    QRectF(0, 0, self.label_width, 1e6), int(_WRAP), bar.label
                ).height()
                + metrics.height() * 0.6,
            )
            for bar in chart.bars
        ] or [line]
        self.axis = metrics.height() * 1.5
        self.height = (
            2 * _PAD + self.title + self.base + metrics.height() * 0.5 + sum(self.rows) + self.axis
        )


def chart_height(chart: Chart, font: QFont, width: float = 640) -> float:
    return _Layout(chart, font, width).height


def paint_chart(painter: QPainter, rect: QRectF, chart: Chart, colours: dict[str, str]) -> None:
    """Draw `chart` in `rect` with the painter's font and the theme's `colours`."""
    font = QFont(painter.font())
    layout = _Layout(chart, font, rect.width())
    metrics = layout.metrics
    text, muted, accent, border = (
        QColor(colours[k]) for k in ("text", "muted", "accent", "border")
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor(colours["base"]))
    area = rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
    left_top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(text)
    top = area.top()
    painter.drawText(
        QRectF(area.left(), top, area.width(), layout.title), int(left_top | _WRAP), chart.title
    )
    top += layout.title
    painter.setFont(font)
    painter.setPen(muted)
    painter.drawText(
        QRectF(area.left(), top, area.width(), layout.base), int(left_top | _WRAP), chart.base
    )
    top += layout.base + metrics.height() * 0.5

    if not chart.bars:
        painter.drawText(
            QRectF(area.left(), top, area.width(), layout.rows[0]), _("No one in this period.")
        )
        painter.restore()
        return
    bar_left = area.left() + layout.label_width + _PAD
    bar_span = max(1.0, area.right() - layout.value_width - bar_left)
    bottom = top + sum(layout.rows)
    # The shared 0–100 % axis: light grid lines, the scale written under them.
    ticks = _TICKS if bar_span >= 220 else (0, 50, 100)  # captions never run into each other
    for tick in ticks:
        x = bar_left + bar_span * tick / 100
        painter.setPen(QPen(border, 1, Qt.PenStyle.SolidLine if tick == 0 else Qt.PenStyle.DotLine))
        painter.drawLine(QLineF(x, top, x, bottom))
        painter.setPen(muted)
        caption = f"{tick} %"
        half = metrics.horizontalAdvance(caption) / 2
        painter.drawText(
            QRectF(x - half - 2, bottom + 2, 2 * half + 4, layout.axis),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            caption,
        )
    y = top
    for bar, height in zip(chart.bars, layout.rows, strict=True):
        painter.setPen(text)
        painter.drawText(
            QRectF(area.left(), y, layout.label_width, height),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight | _WRAP),
            bar.label,
        )
        value = bar.share.value
        length = 0.0 if value is None else bar_span * min(value, 100) / 100
        if length > 0:
            bar_height = min(height, metrics.height() * 1.7) * 0.64
            painter.fillRect(
                QRectF(bar_left, y + (height - bar_height) / 2, max(length, 2.0), bar_height),
                accent,
            )
        painter.setPen(text if value is not None else muted)
        painter.drawText(
            QRectF(bar_left + length + _PAD / 2, y, layout.value_width, height),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            bar_text(bar),
        )
        y += height
    painter.restore()


def chart_image(chart: Chart, width: int, colours: dict[str, str], font: QFont) -> QImage:
    """The chart as an image `width` logical pixels wide, drawn at twice that for print."""
    height = int(chart_height(chart, font, width)) + 1
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
            "; ".join([chart.base, *(f"{bar.label}: {bar_text(bar)}" for bar in chart.bars)])
        )
        self._fit()
        self.update()

    def _fit(self) -> None:
        if self.chart is not None:
            width = max(self.width(), 320)
            self.setFixedHeight(int(chart_height(self.chart, self.font(), width)) + 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()  # wrapped labels take more lines in a narrower chart

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
