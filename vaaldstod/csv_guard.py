"""Spreadsheet formula injection: every CSV the app writes guards its cells here.

A spreadsheet runs a cell that starts with = + - @ as a formula, and Excel and LibreOffice
also look past a leading tab or carriage return (OWASP, "CSV Injection"). Such a cell gets a
' in front, which spreadsheets show as text; `unguard` takes it off again on import.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(text: str) -> str:
    """`text` as a CSV cell a spreadsheet shows as text, never runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguard(text: str) -> str:
    """The inverse of `guard`, for cells read back from the app's own exports."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
