"""Small builders shared by the screens, so every control gets a screen-reader name."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QPushButton, QWidget


def label_text(widget: QWidget, text: str, description: str = "") -> None:
    """Set the visible text (where there is one) and the accessible name together."""
    if isinstance(widget, (QAbstractButton, QLabel)):
        widget.setText(text)
    widget.setAccessibleName(text.replace("&", ""))
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)


def button(role: str = "", parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(parent)
    if role:
        widget.setProperty("role", role)
    widget.setAutoDefault(False)
    return widget


def label(role: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    widget = QLabel(parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class QuickExitButton(QPushButton):
    """The quick exit button that stands on every screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "exit")
        self.setObjectName("quickExit")
        self.setAutoDefault(False)


def form_row(form: QFormLayout, field: QWidget) -> QLabel:
    """Add `field` to `form` with a caption label tied to it (Alt+letter focuses the field)."""
    caption = QLabel()
    caption.setBuddy(field)
    form.addRow(caption, field)
    return caption
