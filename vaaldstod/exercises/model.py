"""Exercises as a team leader runs them: a fictional case in stages, read from exercise packs.

The packs engine has already validated what arrives here; this module only gives it a shape
the pages can use, and checks what the engine cannot see from one pack: that the handbook
steps and items an exercise links to exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vaaldstod.handbook import STEPS, Handbook
from vaaldstod.packs import Pack, Registry

KIND = "exercise"
STEP_KEYS = tuple(key for key, _title in STEPS)


@dataclass(frozen=True)
class HandbookLink:
    """A handbook step, or one item in it."""

    step: str
    item: str | None = None


@dataclass(frozen=True)
class Question:
    text: str
    discussion: str = ""


@dataclass(frozen=True)
class Stage:
    """One part of the case, shown to the group after the previous one was discussed."""

    id: str
    title: str
    facts: tuple[str, ...]
    questions: tuple[Question, ...]
    notes: str
    minutes: int | None = None
    handbook: tuple[HandbookLink, ...] = ()
    mistakes: tuple[str, ...] = ()  # what the leader watches for: common slips at this stage


@dataclass(frozen=True)
class Exercise:
    """One fictional case in one language."""

    key: str  # "<pack id>/<exercise id>": what a logged session refers to
    id: str
    pack_id: str
    language: str
    title: str
    case: str
    goals: tuple[str, ...]
    duration_minutes: int | None
    stages: tuple[Stage, ...]
    questions: tuple[Question, ...]  # closing questions, for the debrief
    handbook: tuple[HandbookLink, ...]
    agencies: tuple[str, ...]
    sources: tuple[dict[str, Any], ...]
    content_note: str = ""  # what the case contains, for the note that opens the exercise

    def all_links(self) -> tuple[HandbookLink, ...]:
        """The exercise's handbook links and its stages', each once, in order of appearance."""
        links = list(self.handbook)
        for stage in self.stages:
            links += stage.handbook
        return tuple(dict.fromkeys(links))


def exercise_key(pack_id: str, exercise_id: str) -> str:
    return f"{pack_id}/{exercise_id}"


def exercises_from_pack(pack: Pack, language: str) -> list[Exercise]:
    """The exercises of one pack, in `language` (or the pack's master language)."""
    shown = pack.language_for(language)
    return [from_record(record, pack.id, shown) for record in pack.records("exercises", shown)]


def from_record(record: dict[str, Any], pack_id: str, language: str) -> Exercise:
    """An exercise from one localized `exercises` record.

    Lenient on purpose: the editor previews cases that do not validate yet.
    """
    return Exercise(
        key=exercise_key(pack_id, record.get("id", "")),
        id=record.get("id", ""),
        pack_id=pack_id,
        language=language,
        title=record.get("title", ""),
        case=record.get("case", ""),
        goals=tuple(record.get("goals", ())),
        duration_minutes=record.get("duration_minutes"),
        stages=tuple(_stage(stage) for stage in record.get("stages", ())),
        questions=tuple(_question(q) for q in record.get("questions", ())),
        handbook=_links(record.get("handbook", ())),
        agencies=tuple(record.get("agencies", ())),
        sources=tuple(record.get("sources", ())),
        content_note=record.get("content_note", ""),
    )


def _stage(record: dict[str, Any]) -> Stage:
    return Stage(
        id=record.get("id", ""),
        title=record.get("title", ""),
        facts=tuple(record.get("facts", ())),
        questions=tuple(_question(q) for q in record.get("questions", ())),
        notes=record.get("notes", ""),
        minutes=record.get("minutes"),
        handbook=_links(record.get("handbook", ())),
        mistakes=tuple(record.get("mistakes", ())),
    )


def _question(record: dict[str, Any]) -> Question:
    return Question(record.get("text", ""), record.get("discussion", ""))


def _links(records: Any) -> tuple[HandbookLink, ...]:
    return tuple(HandbookLink(link["step"], link.get("item")) for link in records)


def load_exercises(language: str, registry: Registry | None = None) -> list[Exercise]:
    """Every exercise of every valid exercise pack (shipped or installed), by title."""
    registry = registry or Registry()
    found = [
        exercise
        for pack in registry.packs(KIND)
        for exercise in exercises_from_pack(pack, language)
    ]
    return sorted(found, key=lambda exercise: exercise.title.casefold())


def find(exercises: list[Exercise], key: str) -> Exercise | None:
    return next((exercise for exercise in exercises if exercise.key == key), None)


def full_handbook(language: str, registry: Registry | None = None) -> Handbook:
    """The handbook with every agency's items: an exercise may link to any of them."""
    return Handbook(language, None, registry)  # type: ignore[arg-type]  # None: no agency filter


def broken_links(exercise: Exercise, handbook: Handbook) -> list[HandbookLink]:
    """Links to an item the handbook does not have, or that stands in another step."""
    steps = {item.id: item.step for item in handbook.items}
    return [
        link
        for link in exercise.all_links()
        if link.step not in STEP_KEYS
        or (link.item is not None and steps.get(link.item) != link.step)
    ]
