"""A calm look that follows the system's light or dark scheme, with AA contrast."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Colours chosen for WCAG AA (4.5:1 or better) against the background they sit on.
LIGHT = {
    "window": "#f6f7f9",
    "base": "#ffffff",
    "text": "#1b1f24",
    "muted": "#4a5361",
    "accent": "#1d4e89",
    "accent_text": "#ffffff",
    "exit": "#8f1d1d",
    "exit_text": "#ffffff",
    "warning_bg": "#fff4d6",
    "warning_text": "#4d3800",
    "border": "#c3c9d2",
    "highlight": "#cfe0f5",
}
DARK = {
    "window": "#1e2227",
    "base": "#262b31",
    "text": "#e8eaed",
    "muted": "#b4bcc7",
    "accent": "#8ab4f8",
    "accent_text": "#10151c",
    "exit": "#f28b82",
    "exit_text": "#1e0a08",
    "warning_bg": "#3d3217",
    "warning_text": "#ffe9a8",
    "border": "#4a525c",
    "highlight": "#2f4a6e",
}


# Maximum contrast for low vision: black, white and yellow, as in Windows' contrast themes.
HIGH_CONTRAST = {
    "window": "#000000",
    "base": "#000000",
    "text": "#ffffff",
    "muted": "#ffffff",
    "accent": "#ffff00",
    "accent_text": "#000000",
    "exit": "#ffff00",
    "exit_text": "#000000",
    "warning_bg": "#000000",
    "warning_text": "#ffff00",
    "border": "#ffffff",
    "highlight": "#1a1a80",
}
THEMES = {"light": LIGHT, "dark": DARK, "high_contrast": HIGH_CONTRAST}


def is_dark(preference: str) -> bool:
    if preference in THEMES:
        return preference != "light"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def colours(preference: str) -> dict[str, str]:
    if preference in THEMES:
        return THEMES[preference]
    return DARK if is_dark(preference) else LIGHT


def apply(app: QApplication, preference: str, text_scale: int, base_point_size: float) -> None:
    """Set palette, style sheet and font size (a percentage of the system font)."""
    c = colours(preference)
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"],
        QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"],
        QPalette.ColorRole.AlternateBase: c["window"],
        QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.Button: c["base"],
        QPalette.ColorRole.ButtonText: c["text"],
        QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["accent_text"],
        QPalette.ColorRole.ToolTipBase: c["base"],
        QPalette.ColorRole.ToolTipText: c["text"],
        QPalette.ColorRole.PlaceholderText: c["muted"],
        QPalette.ColorRole.Link: c["accent"],
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    app.setPalette(palette)
    font = QFont(app.font())
    size = base_point_size * text_scale / 100
    font.setPointSizeF(size)
    app.setFont(font)
    app.setStyleSheet(STYLE.format(title_pt=round(size * 1.5, 1), **c))


STYLE = """
QPushButton {{ padding: 6px 14px; border: 1px solid {border}; border-radius: 4px; }}
QPushButton:focus, QLineEdit:focus, QPlainTextEdit:focus, QListWidget:focus,
QTextBrowser:focus {{ border: 2px solid {accent}; }}
QPushButton[role="primary"] {{ background: {accent}; color: {accent_text}; border: none; }}
QPushButton[role="exit"] {{ background: {exit}; color: {exit_text}; border: none;
    font-weight: bold; }}
QLabel[role="muted"] {{ color: {muted}; }}
QLabel[role="title"] {{ font-size: {title_pt}pt; font-weight: bold; }}
QLabel[role="warning"], QFrame[role="warning"] {{ background: {warning_bg};
    color: {warning_text}; padding: 8px; border-radius: 4px; }}
QLabel[role="error"] {{ color: {exit}; font-weight: bold; }}
QListWidget#navigation {{ border: none; background: {window}; }}
QListWidget#navigation::item {{ padding: 10px 12px; }}
QListWidget#navigation::item:selected {{ background: {highlight}; color: {text};
    border-left: 4px solid {accent}; }}
QListWidget::item {{ padding: 6px 4px; border-bottom: 1px solid {border}; }}
QListWidget::item:selected, QTableView::item:selected, QTreeView::item:selected {{
    background: {highlight}; color: {text}; }}
QLineEdit, QPlainTextEdit, QListWidget, QTextBrowser {{
    border: 1px solid {border}; border-radius: 4px; padding: 4px; }}
"""


def document_css(preference: str) -> str:
    """Style for handbook HTML in a QTextBrowser: item kinds get a tinted box and a label."""
    c = colours(preference)
    tint = {"action": "highlight", "phrasing": "window", "warning": "warning_bg"}
    boxes = "\n".join(f".{kind} {{ background-color: {c[key]}; }}" for kind, key in tint.items())
    return (
        f"{boxes}\n.badge {{ font-weight: bold; color: {c['text']}; }}\n"
        f".warning .badge {{ color: {c['warning_text']}; }}\na {{ color: {c['accent']}; }}"
    )
