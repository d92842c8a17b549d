"""Case exercises for team leaders: fictional cases in stages, presenter slides, a pack writer.

Qt-free. Exercise mode never touches cases or notes: nothing here imports the vault's case
or note API, and the only thing an exercise run stores is the anonymous session log.
"""

from vaaldstod.exercises.model import (
    KIND,
    Exercise,
    HandbookLink,
    Question,
    Stage,
    broken_links,
    exercises_from_pack,
    find,
    full_handbook,
    load_exercises,
)
from vaaldstod.exercises.render import (
    Slides,
    banner_text,
    exercise_html,
    link_title,
    minutes_text,
    session_summary_html,
)
from vaaldstod.exercises.writer import ExerciseDraft, StageDraft, build, export, preview

__all__ = [
    "KIND",
    "Exercise",
    "ExerciseDraft",
    "HandbookLink",
    "Question",
    "Slides",
    "Stage",
    "StageDraft",
    "banner_text",
    "broken_links",
    "build",
    "exercise_html",
    "exercises_from_pack",
    "export",
    "find",
    "full_handbook",
    "link_title",
    "load_exercises",
    "minutes_text",
    "preview",
    "session_summary_html",
]
