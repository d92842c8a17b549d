"""Lists, trees and scroll areas that fit their text at any text size (the unlocked screens)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text. Tree and table views ask for a row's height without
    telling the delegate the column's width, and Qt leaves out the (style-sheet sized) tick
    box, so long lines would be cut off with "…" instead."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        view = self.parent()
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        if header.sectionResizeMode(index.column()) == QHeaderView.ResizeMode.ResizeToContents:
            return super().sizeHint(option, index)  # the column grows to fit the text instead
        width = view.columnWidth(index.column())
        if isinstance(view, QTreeView) and index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            if view.rootIsDecorated():
                depth += 1
            width -= view.indentation() * depth
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            style = view.style()
            width -= style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view)
            width -= 2 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(40, width), max(1, option.rect.height()))
        return super().sizeHint(sized, index)


def wrap_tree(tree: QTreeView) -> None:
    """Let a one-column tree wrap long items over several lines instead of eliding them."""
    tree.setWordWrap(True)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    tree.header().setStretchLastSection(True)
    tree.setItemDelegate(WrappingDelegate(tree))
    # New width, new line breaks: lay the rows out again when the column changes size.
    tree.header().sectionResized.connect(lambda *_args: tree.doItemsLayout())


def fit_scroll_width(scroll: QScrollArea, minimum: int = 0) -> None:
    """Make a scroll area that never scrolls sideways at least as wide as its content needs
    at the current text size: radio buttons and tick boxes cannot wrap, so they would be cut
    off (and at 200 % text they are)."""
    content = scroll.widget()
    if content is None:
        return
    content.ensurePolished()  # the style sheet's sizes (tick boxes) count only once applied
    needed = content.minimumSizeHint().width() + 2 * scroll.frameWidth()
    needed += scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(max(minimum, needed))
