"""Listen-to: the platform's own offline voices through Qt's text-to-speech; nothing leaves the PC.

Windows and macOS voices work offline; on Linux Qt talks to speech-dispatcher when it is
installed. Where no engine or no voice for the text's language exists, the handler is told so
plainly instead of hearing the text read in the wrong language.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from vaaldstod.i18n import _

# The text's language → the locale names Qt reports for voices in it.
LANGUAGE_PREFIXES = {"sv": "sv", "sv-easy": "sv", "en": "en", "ar": "ar", "fa": "fa", "so": "so"}
LANGUAGE_NAMES = {
    "sv": "svenska",
    "sv-easy": "lätt svenska",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "so": "Soomaali",
}


# Best engine first on each platform. Windows' offline Swedish voice is only reachable through
# WinRT (SAPI lists the older desktop voices, often none in Swedish); on macOS AVFoundation has
# replaced the old NSSpeechSynthesizer engine ("darwin").
PREFERRED_ENGINES = {
    "win32": ("winrt", "sapi"),
    "darwin": ("avfoundation", "darwin"),
    "linux": ("speechd", "flite"),
}


def choose_engine(
    available: list[str], requested: str | None = None, platform: str = ""
) -> str | None:
    """The engine to speak with: the one asked for, else the platform's best installed one.

    Qt's list comes in plug-in load order, which says nothing about quality; its test engine
    ("mock") is never chosen unless asked for.
    """
    if requested:
        return requested
    real = [engine for engine in available if engine != "mock"]
    preferred = PREFERRED_ENGINES.get(platform or sys.platform, ())
    return next((engine for engine in preferred if engine in real), real[0] if real else None)


class Reader(QObject):
    """Reads one text at a time; `message` explains every refusal in a sentence."""

    state_changed = Signal(str)  # "speaking", "paused" or "ready"
    message = Signal(str)

    def __init__(self, rate: float = 0.0, engine: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self._rate = rate
        self._engine_name = engine
        self._speech = None
        self._unavailable: str | None = None

    def _engine(self):
        if self._speech is None and self._unavailable is None:
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech
            except ImportError as error:  # Qt's speech module or its sound libraries are missing
                self._unavailable = _(
                    "Listening is not available on this computer ({reason})."
                ).format(reason=error)
                return None
            name = choose_engine(QTextToSpeech.availableEngines(), self._engine_name)
            if name is None:
                self._unavailable = _(
                    "No speech engine is installed on this computer. On Linux, install "
                    "speech-dispatcher; Windows and macOS have one built in."
                )
                return None
            self._speech = QTextToSpeech(name, self)
            self._speech.setRate(self._rate)
            self._speech.stateChanged.connect(self._state)
        return self._speech

    def set_rate(self, rate: float) -> None:
        """-1.0 (slowest) to 1.0 (fastest); 0 is the voice's normal pace."""
        self._rate = max(-1.0, min(1.0, rate))
        if self._speech is not None:
            self._speech.setRate(self._rate)

    def voice_locale(self, language: str):
        """The engine's locale for `language`, or None when no voice speaks it."""
        speech = self._engine()
        if speech is None:
            return None
        prefix = LANGUAGE_PREFIXES.get(language, language)
        return next(
            (
                locale
                for locale in speech.availableLocales()
                if locale.name().split("_")[0] == prefix
            ),
            None,
        )

    def say(self, text: str, language: str) -> bool:
        """Start reading `text` aloud in `language`; False (with a message) when it cannot."""
        speech = self._engine()
        if speech is None:
            self.message.emit(self._unavailable or "")
            return False
        locale = self.voice_locale(language)
        if locale is None:
            self.message.emit(
                _(
                    "No voice for {language} is installed on this computer. Add one in the "
                    "system's speech settings."
                ).format(language=LANGUAGE_NAMES.get(language, language))
            )
            return False
        speech.stop()
        speech.setLocale(locale)
        speech.say(text)
        return True

    def toggle_pause(self) -> None:
        if self._speech is None:
            return
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._speech.state() == QTextToSpeech.State.Speaking:
            self._speech.pause()
        elif self._speech.state() == QTextToSpeech.State.Paused:
            self._speech.resume()

    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()

    def _state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        names = {QTextToSpeech.State.Speaking: "speaking", QTextToSpeech.State.Paused: "paused"}
        self.state_changed.emit(names.get(state, "ready"))
