"""What a team leader needs from every shipped case: a content note, a key for every question,
typical mistakes for every stage, and the note and check-in where the leader and the group
see them (presenter, leader's view, session PDF)."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import unicodedata

import pytest

from vaaldstod import i18n
from vaaldstod.exercises import Slides, exercise_html, load_exercises, session_summary_html
from vaaldstod.exercises.care import SupportLine, checkin_points, support_lines
from vaaldstod.vault import ExerciseSession

LANGUAGES = ("sv", "en")
SUPPORT = (SupportLine("Kvinnofridslinjen", "020-50 50 50"),)


@pytest.fixture(autouse=True)
def language_restored():
    before = (i18n._current, i18n._translations)
    yield
    i18n._current, i18n._translations = before


@pytest.mark.parametrize("language", LANGUAGES)
def test_thirteen_cases_each_with_a_note_keys_and_typical_mistakes(language):
    exercises = load_exercises(language)
    assert len(exercises) >= 13
    missing = []
    for exercise in exercises:
        note = exercise.content_note
        if not note or len(note) > 160:
            missing.append(f"{exercise.id}: content note missing or too long")
        for stage in exercise.stages:
            if not stage.mistakes:
                missing.append(f"{exercise.id}/{stage.id}: no typical mistakes")
            for question in stage.questions:
                if not question.discussion.strip():
                    missing.append(f"{exercise.id}/{stage.id}: no key for {question.text!r}")
        for question in exercise.questions:
            if not question.discussion.strip():
                missing.append(f"{exercise.id}/debrief: no key for {question.text!r}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_opening_slide_carries_the_note_and_the_last_notes_the_check_in(language):
    i18n.set_language(language)
    for exercise in load_exercises(language):
        slides = Slides(exercise, support=SUPPORT)
        opening = slides.group_html(0)
        assert exercise.content_note in opening
        assert "020-50 50 50" in opening and "112" in opening
        step_out = "gå ut när du vill" if language == "sv" else "step out at any time"
        assert step_out in opening
        assert exercise.content_note not in slides.notes_html(0)  # the group sees it, once
        last = len(slides) - 1
        assert all(point.split(":")[0] in slides.notes_html(last) for point in checkin_points())
        assert checkin_points()[0].split(":")[0] not in slides.group_html(last)
        # The stage notes show each key and each typical mistake to the leader only.
        for index, stage in enumerate(exercise.stages, start=Slides.CASE + 1):
            notes, group = slides.notes_html(index), slides.group_html(index)
            for mistake in stage.mistakes:
                assert _escaped(mistake) in notes and _escaped(mistake) not in group
        page = exercise_html(exercise, support=SUPPORT)
        assert exercise.content_note in page and _escaped(checkin_points()[0]) in page


def test_support_lines_come_from_the_directory_with_their_numbers():
    lines = {line.name: line for line in support_lines("sv")}
    assert lines["Kvinnofridslinjen"].phone == "020-50 50 50"
    assert "Välj att sluta" in lines and lines["Välj att sluta"].for_whom
    assert all(line.phone for line in lines.values())


def _escaped(text: str) -> str:
    import html

    return html.escape(text)


def _pdf_text(path) -> tuple[str, str]:
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        if os.environ.get("CI"):
            pytest.fail("pdftotext and pdfinfo (poppler-utils) are needed to read the PDF")
        pytest.skip("poppler-utils not installed")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return info.stdout, unicodedata.normalize("NFKC", out.stdout)


@pytest.mark.parametrize("language", LANGUAGES)
def test_session_pdf_holds_the_note_and_still_fits_one_page(qapp, tmp_path, language):
    from vaaldstod.ui.exercise_pdf import write_summary_pdf

    i18n.set_language(language)
    exercise = next(e for e in load_exercises(language) if e.id == "colleague")
    session = ExerciseSession(
        id=1,
        held_on=datetime.date(2026, 3, 2),
        exercise_id=exercise.key,
        participants=9,
        takeaways="Vi vet nu var stödet för medarbetare finns.\nVi frågar kollegor i enrum.",
    )
    target = tmp_path / "summary.pdf"
    write_summary_pdf(session_summary_html(session, exercise), language, target)
    info, text = _pdf_text(target)
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    flat = " ".join(text.split())
    assert " ".join(exercise.content_note.split()) in flat
    assert "020-50 50 50" in flat  # Kvinnofridslinjen, read from the directory
