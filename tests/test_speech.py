"""Listen-to: reads with an offline voice where one exists, says so plainly where none does."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui

QtTextToSpeech = pytest.importorskip(
    "PySide6.QtTextToSpeech",
    reason="Qt's speech module needs libpulse on Linux",
    exc_type=ImportError,
)


@pytest.fixture
def mock_reader(qapp):
    from vaaldstod.ui.speech import Reader

    if "mock" not in QtTextToSpeech.QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not available")
    reader = Reader(engine="mock")
    messages, states = [], []
    reader.message.connect(messages.append)
    reader.state_changed.connect(states.append)
    reader.messages, reader.states = messages, states
    return reader


def test_reads_aloud_when_a_voice_for_the_language_exists(qtbot, mock_reader):
    assert mock_reader.say("Call 112 if you are in danger.", "en")
    qtbot.waitUntil(lambda: "speaking" in mock_reader.states)
    mock_reader.toggle_pause()
    qtbot.waitUntil(lambda: mock_reader.states[-1] in ("paused", "ready"))
    mock_reader.stop()
    qtbot.waitUntil(lambda: mock_reader.states[-1] == "ready")
    assert mock_reader.messages == []


def test_says_clearly_when_no_voice_speaks_the_language(mock_reader):
    # The mock engine has English and Nordic voices, but no Swedish or Arabic one.
    assert not mock_reader.say("Ring 112 vid fara.", "sv")
    assert not mock_reader.say("…", "ar")
    assert "svenska" in mock_reader.messages[0] and "No voice" in mock_reader.messages[0]


def test_no_engine_is_a_message_not_a_crash(qapp, monkeypatch):
    from vaaldstod.ui.speech import Reader

    monkeypatch.setattr(
        QtTextToSpeech.QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"])
    )
    reader = Reader()
    messages = []
    reader.message.connect(messages.append)
    assert not reader.say("text", "en")
    assert "speech-dispatcher" in messages[0]


def test_handbook_reads_the_step_shown(qtbot, qapp, monkeypatch):
    from vaaldstod.ui.handbook_page import HandbookPage

    page = HandbookPage(lambda text: None, "kronofogden", lambda: [])
    qtbot.addWidget(page)
    page.show()
    said = []
    monkeypatch.setattr(
        type(page.reader), "say", lambda self, text, lang: said.append((text, lang))
    )
    page.show_step("act")
    page.listen.click()
    assert said and "112" in said[0][0]


@pytest.mark.parametrize(
    "available, platform, chosen",
    [
        (["sapi", "winrt", "mock"], "win32", "winrt"),  # the offline Swedish voice is in WinRT
        (["sapi", "mock"], "win32", "sapi"),
        (["darwin", "avfoundation"], "darwin", "avfoundation"),
        (["flite", "speechd"], "linux", "speechd"),
        (["flite", "mock"], "linux", "flite"),
        (["mock"], "linux", None),  # Qt's test engine never reads to a client
        ([], "win32", None),
    ],
)
def test_each_platform_speaks_with_its_best_installed_engine(available, platform, chosen):
    from vaaldstod.ui.speech import choose_engine

    assert choose_engine(available, platform=platform) == chosen


def test_an_engine_asked_for_by_name_is_used():
    from vaaldstod.ui.speech import choose_engine

    assert choose_engine(["winrt", "sapi"], "sapi", platform="win32") == "sapi"
