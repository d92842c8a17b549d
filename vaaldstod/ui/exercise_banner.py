"""The “EXERCISE – fictional case” strip that stands on every exercise screen.

A team leader may project a case in a room where real cases are also handled; the strip
makes it impossible to mistake a fictional case for a real one, on any screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from vaaldstod.exercises import banner_text
from vaaldstod.ui.widgets import label_text

OBJECT_NAME = "exerciseBanner"


class ExerciseBanner(QLabel):
    """A bold, tinted strip; `scale` enlarges it for the presenter's big screen."""

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setProperty("role", "warning")  # the theme's high-contrast warning colours
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15 * scale)
        self.setFont(font)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        label_text(self, banner_text())
