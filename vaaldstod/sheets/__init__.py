"""Referral sheets: texts per language from the sheet packs, rendered to HTML for printing.

Qt-free; `vaaldstod.ui.printing` turns a RenderedSheet into a PDF or a print preview.
"""

from vaaldstod.sheets.render import FORMATS, RenderedSheet, SheetError, SheetFormat, render_sheet
from vaaldstod.sheets.texts import REVIEW_STATUS, SheetLanguage, sheet_languages

__all__ = [
    "FORMATS",
    "REVIEW_STATUS",
    "RenderedSheet",
    "SheetError",
    "SheetFormat",
    "SheetLanguage",
    "render_sheet",
    "sheet_languages",
]
