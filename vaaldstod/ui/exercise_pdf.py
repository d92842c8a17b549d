"""The one-page session summary on paper, through the shared printing module.

The core writes the summary's HTML; here it gets its look (the tinted exercise banner) and
is shrunk until it fits one A4 page, then handed to `printing` like a referral sheet, so the
PDF and the print preview come out the same.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from vaaldstod.exercises.render import BANNER_CLASS
from vaaldstod.sheets.render import FORMATS, RenderedSheet
from vaaldstod.ui import printing, theme

POINT_SIZES = (11, 10, 9, 8, 7)  # tried in turn until the summary fits one page


def _styled(html: str, point_size: int) -> str:
    c = theme.LIGHT  # paper is white whatever the screen's colour scheme
    style = (
        f"body {{ font-size: {point_size}pt; color: {c['text']}; }}"
        f" .{BANNER_CLASS} {{ background-color: {c['warning_bg']}; color: {c['warning_text']};"
        f" font-size: {point_size + 3}pt; padding: 6px; }}"
        f" .footer {{ color: {c['muted']}; font-size: {point_size - 1}pt; }}"
        f" h1 {{ font-size: {point_size + 8}pt; }} h2 {{ font-size: {point_size + 3}pt; }}"
    )
    return f"<html><head><style>{style}</style></head><body>{html}</body></html>"


def _sheet(html: str, language: str, point_size: int) -> RenderedSheet:
    return RenderedSheet(_styled(html, point_size), FORMATS["a4"], language, "ltr", None)


def page_count(sheet: RenderedSheet) -> int:
    return printing.page_count(sheet)  # with the fonts it will be printed in


def summary_sheet(html: str, language: str) -> RenderedSheet:
    """The summary at the largest type that still fits one page (the smallest otherwise)."""
    for size in POINT_SIZES:
        sheet = _sheet(html, language, size)
        if page_count(sheet) <= 1:
            return sheet
    return sheet


def write_summary_pdf(html: str, language: str, path: Path) -> None:
    """Save the summary as a PDF at `path`, atomically."""
    printing.write_pdf(summary_sheet(html, language), Path(path))


def print_summary(html: str, language: str, parent: QWidget | None = None) -> int:
    """The print preview of the summary; printing from it goes to the chosen printer."""
    return printing.print_preview(summary_sheet(html, language), parent)
