"""Small builders shared by the screens, so every control gets a screen-reader name.

The lock screen uses them too: what only the unlocked screens need is in ui/views.py."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QPushButton, QWidget

from vaaldstod.i18n import _


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
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        label_text(
            self,
            _("Quick exit"),
            _("Hides the app at once and locks it (Esc Esc or F12)"),
        )


def form_row(form: QFormLayout, field: QWidget) -> QLabel:
    """Add `field` to `form` with a caption label tied to it (Alt+letter focuses the field)."""
    caption = QLabel()
    caption.setBuddy(field)
    form.addRow(caption, field)
    return caption
