"""A calm look that follows the system's light or dark scheme, with AA contrast."""

from __future__ import annotations

from PySide6 import QtCore  # QtCore.Qt when needed: see quick_exit
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from vaaldstod import paths

# Colours chosen for WCAG AA (4.5:1 or better) against the background they sit on. Text
# and links also on "highlight" (selected rows, action boxes). "control_border" outlines
# fields, check boxes and radio buttons with 3:1 against base and window (WCAG 1.4.11);
# "border" only separates (list rows, chart axes) and may be fainter.
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
    "control_border": "#7a8391",
    "disabled": "#6b7480",
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
    "control_border": "#8b95a1",
    "disabled": "#8b949e",
    "highlight": "#2a4466",
}


# Maximum contrast for low vision: black, white and yellow, as in Windows' contrast themes.
HIGH_CONTRAST = {
    "window": "#000000",
    "base": "#000000",
    "text": "#ffffff",
    "muted": "#ffffff",
    "accent": "#ffff00",
    "accent_text": "#000000",
    # Quick exit (and errors) must not look like every other (yellow) button: a light red.
    "exit": "#ff7a7a",
    "exit_text": "#000000",
    "warning_bg": "#000000",
    "warning_text": "#ffff00",
    "border": "#ffffff",
    "control_border": "#ffffff",
    "disabled": "#3ff23f",  # Windows' contrast themes show unavailable text in green
    "highlight": "#1a1a80",
}
THEMES = {"light": LIGHT, "dark": DARK, "high_contrast": HIGH_CONTRAST}


def is_dark(preference: str, first_frame: bool = False) -> bool:
    """Dark colours for this preference? "system" follows the system's colour scheme.

    For the first frame the platform's own palette is asked instead: it follows the scheme
    on Windows, macOS and the Linux desktops, while asking for the scheme makes PySide build
    Qt's whole namespace first (about 20 ms). The controller asks again once the lock
    screen is drawn and repaints if the guess was wrong.
    """
    if preference in THEMES:
        return preference != "light"
    if first_frame:
        return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return QGuiApplication.styleHints().colorScheme() == QtCore.Qt.ColorScheme.Dark


def colours(preference: str) -> dict[str, str]:
    return _colours(preference, is_dark(preference))


def _colours(preference: str, dark: bool) -> dict[str, str]:
    """The colours of `preference`, where "system" is as dark as `dark` says."""
    if preference in THEMES:
        return THEMES[preference]
    return DARK if dark else LIGHT


_applied = "system"
_applied_dark = False


def applied() -> str:
    """The colour preference last applied to the application ("system" before any)."""
    return _applied


def applied_dark() -> bool:
    """Whether the colours last applied were dark ones."""
    return _applied_dark


def apply(
    app: QApplication,
    preference: str,
    text_scale: int,
    base_point_size: float,
    first_frame: bool = False,
) -> None:
    """Set palette, style sheet and font size (a percentage of the system font)."""
    global _applied, _applied_dark
    dark = is_dark(preference, first_frame)
    c = _colours(preference, dark)
    _applied, _applied_dark = preference, dark
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
    # Unavailable controls look unavailable (without this they look exactly like the others).
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c["disabled"]))
    app.setPalette(palette)
    font = QFont(app.font())
    size = base_point_size * text_scale / 100
    font.setPointSizeF(size)
    app.setFont(font)
    # Tick boxes and radio buttons grow with the text (Fusion's stay 13 px at any size).
    indicator = round(QFontMetrics(font).height() * 0.8)
    app.setStyleSheet(
        STYLE.format(
            title_pt=round(size * 1.5, 1),
            indicator=indicator,
            radio_radius=indicator // 2 + 2,
            icons=(paths.resources_dir() / "icons").as_posix(),
            icon_theme=_icon_theme(preference, dark),
            **c,
        )
    )


def _icon_theme(preference: str, dark: bool) -> str:
    """Which set of resources/icons (ticks and arrows in the theme's colours) to use.

    Without the files a checked box is still a filled one, unlike an empty unchecked box."""
    if preference == "high_contrast":
        return preference
    return "dark" if dark else "light"


def effects() -> tuple[QtCore.Qt.UIEffect, ...]:
    """Qt's own pop-up animations, which reduce motion turns off."""
    effect = QtCore.Qt.UIEffect
    return (
        effect.UI_AnimateMenu,
        effect.UI_FadeMenu,
        effect.UI_AnimateCombo,
        effect.UI_AnimateTooltip,
        effect.UI_FadeTooltip,
        effect.UI_AnimateToolBox,
    )


_platform_motion: tuple[dict, int] | None = None


def apply_motion(app: QApplication, reduce: bool) -> None:
    """Reduce motion: no sliding or fading pop-ups and a text cursor that does not blink.

    The app has no animations of its own; these are Qt's. Off again, the platform's own
    choices come back.
    """
    global _platform_motion
    if _platform_motion is None:
        enabled = {effect: QApplication.isEffectEnabled(effect) for effect in effects()}
        _platform_motion = (enabled, app.cursorFlashTime())
    platform, flash = _platform_motion
    for effect, enabled in platform.items():
        QApplication.setEffectEnabled(effect, enabled and not reduce)
    app.setCursorFlashTime(0 if reduce else flash)


STYLE = """
QPushButton {{ padding: 6px 14px; border: 1px solid {control_border}; border-radius: 4px; }}
QPushButton:focus, QLineEdit:focus, QPlainTextEdit:focus, QListWidget:focus,
QTextBrowser:focus {{ border: 2px solid {accent}; }}
QPushButton[role="primary"] {{ background: {accent}; color: {accent_text}; border: none; }}
QPushButton[role="exit"] {{ background: {exit}; color: {exit_text}; border: none;
    font-weight: bold; }}
QPushButton[role="danger"] {{ color: {exit}; border: 2px solid {exit}; font-weight: bold; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QTabBar::tab {{ padding: 6px 12px; margin-right: 2px; color: {text}; background: {window};
    border: 1px solid {control_border}; border-bottom: none; border-top-left-radius: 4px;
    border-top-right-radius: 4px; }}
QTabBar::tab:selected {{ background: {base}; border-top: 3px solid {accent}; }}
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
QListWidget::item:selected {{ background: {highlight}; color: {text}; }}
QTableView, QTreeView {{ selection-background-color: {highlight}; selection-color: {text}; }}
QLineEdit, QPlainTextEdit, QListWidget, QTextBrowser {{
    border: 1px solid {control_border}; border-radius: 4px; padding: 4px; }}
QTreeView, QTableView {{ border: 1px solid {control_border}; }}
QTreeView:focus, QTableView:focus {{ border: 2px solid {accent}; }}
QComboBox, QAbstractSpinBox {{ border: 1px solid {control_border}; border-radius: 4px;
    padding: 2px 6px; background: {base}; }}
QComboBox:focus, QAbstractSpinBox:focus {{ border: 2px solid {accent}; }}
QAbstractSpinBox {{ padding-right: 1.4em; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button, QDateEdit::drop-down,
QComboBox::drop-down {{ subcontrol-origin: border; width: 1.3em;
    border-left: 1px solid {control_border}; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QDateEdit::drop-down, QComboBox::drop-down {{ subcontrol-position: center right;
    height: 100%; }}
QAbstractSpinBox::up-arrow {{ image: url({icons}/arrow-up-{icon_theme}.svg);
    width: 0.6em; height: 0.6em; }}
QAbstractSpinBox::down-arrow, QDateEdit::down-arrow, QComboBox::down-arrow {{
    image: url({icons}/arrow-down-{icon_theme}.svg); width: 0.6em; height: 0.6em; }}
QCheckBox::indicator, QRadioButton::indicator, QTableView::indicator, QTreeView::indicator {{
    width: {indicator}px; height: {indicator}px; border: 2px solid {control_border};
    background: {base}; }}
QCheckBox::indicator, QTableView::indicator, QTreeView::indicator {{ border-radius: 3px; }}
QRadioButton::indicator {{ border-radius: {radio_radius}px; }}
QCheckBox::indicator:checked, QTableView::indicator:checked, QTreeView::indicator:checked {{
    background: {accent}; border-color: {accent}; image: url({icons}/check-{icon_theme}.svg); }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx: 0.5, cy: 0.5,
    radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {accent}, stop: 0.55 {accent},
    stop: 0.6 {base}, stop: 1 {base}); }}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {accent}; }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
    border-color: {disabled}; }}
"""


def document_css(preference: str) -> str:
    """Style for handbook HTML in a QTextBrowser: item kinds get a tinted box and a label."""
    c = colours(preference)
    tint = {"action": "highlight", "phrasing": "window", "warning": "warning_bg"}
    boxes = "\n".join(f".{kind} {{ background-color: {c[key]}; }}" for kind, key in tint.items())
    return (
        f"{boxes}\n.badge {{ font-weight: bold; color: {c['text']}; }}\n"
        f".warning .badge {{ color: {c['warning_text']}; }}\na {{ color: {c['accent']}; }}\n"
        # The "Say it like this" card at the top of a step: framed in the accent colour.
        f".say {{ border-color: {c['accent']}; border-style: solid; }}"
    )
