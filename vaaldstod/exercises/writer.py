"""Turn a case a team leader wrote in the app into an exercise pack another office can install.

The pack is checked by the same loader that installs packs before a byte is written, and
written atomically: the receiving office gets exactly what was checked, or nothing.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vaaldstod import atomic
from vaaldstod.exercises.model import KIND, Exercise, HandbookLink, from_record
from vaaldstod.exercises.toml_text import dumps
from vaaldstod.handbook import Handbook
from vaaldstod.i18n import _
from vaaldstod.packs import PACK_FORMAT, Manifest, Pack, PackError, Problem
from vaaldstod.packs.loader import parse_pack
from vaaldstod.packs.pack_files import MANIFEST, PackFiles

CONTENT_FILE = "exercise.toml"
DEFAULT_LICENCE = "CC-BY-4.0"
PACK_ID_PREFIX = "office.exercise."
REVIEW_YEARS = 2


def _default_review_by() -> datetime.date:
    today = datetime.date.today()
    try:
        return today.replace(year=today.year + REVIEW_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + REVIEW_YEARS, day=28)


@dataclass
class StageDraft:
    title: str = ""
    facts: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    notes: str = ""
    minutes: int | None = None


@dataclass
class ExerciseDraft:
    """A case as the editor holds it: one language, plain lists, nothing validated yet."""

    language: str = "sv"
    title: str = ""
    case: str = ""
    goals: list[str] = field(default_factory=list)
    duration_minutes: int = 45
    stages: list[StageDraft] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    handbook: list[HandbookLink] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    publisher: str = ""
    pack_id: str = ""
    version: str = "1.0.0"
    review_by: datetime.date = field(default_factory=_default_review_by)
    licence: str = DEFAULT_LICENCE

    @property
    def effective_pack_id(self) -> str:
        return self.pack_id.strip() or suggested_pack_id(self.title)


def suggested_pack_id(title: str) -> str:
    """`office.exercise.<title in a-z, 0-9 and ->`: a pack id the loader accepts."""
    plain = unicodedata.normalize("NFKD", title.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-")
    return PACK_ID_PREFIX + (slug or "case")


def _text(draft: ExerciseDraft, value: str) -> dict[str, str]:
    return {draft.language: value.strip()}


def _lines(values: list[str]) -> list[str]:
    return [value.strip() for value in values if value.strip()]


def _manifest(draft: ExerciseDraft) -> dict[str, Any]:
    return {
        "schema": PACK_FORMAT,
        "id": draft.effective_pack_id,
        "kind": KIND,
        "version": draft.version.strip(),
        "languages": [draft.language],
        "publisher": draft.publisher.strip(),
        "review_by": draft.review_by,
        "licence": draft.licence.strip(),
        "title": _text(draft, draft.title),
    }


def _sources(draft: ExerciseDraft, handbook: Handbook) -> list[dict[str, Any]]:
    """The citations of the handbook items the case links to.

    An authored case teaches what the handbook says; its notes stand on the same sources,
    so the pack carries theirs rather than asking the author to cite reports again.
    """
    items = {item.id: item for item in handbook.items}
    found: dict[tuple, dict[str, Any]] = {}
    for link in draft.handbook:
        item = items.get(link.item or "")
        for source in item.sources if item else ():
            found.setdefault(tuple(sorted((k, str(v)) for k, v in source.items())), dict(source))
    return list(found.values())


def content(draft: ExerciseDraft, handbook: Handbook | None) -> dict[str, Any]:
    """The draft as the content of an exercise pack (one case), before validation."""
    stages = []
    for number, stage in enumerate(draft.stages, start=1):
        record: dict[str, Any] = {
            "id": f"stage-{number}",
            "title": _text(draft, stage.title),
            "facts": [_text(draft, fact) for fact in _lines(stage.facts)],
            "questions": [{"text": _text(draft, q)} for q in _lines(stage.questions)],
            "notes": _text(draft, stage.notes),
        }
        if stage.minutes:
            record["minutes"] = stage.minutes
        stages.append(record)
    exercise: dict[str, Any] = {
        "id": draft.effective_pack_id.removeprefix(PACK_ID_PREFIX) or "case",
        "title": _text(draft, draft.title),
        "case": _text(draft, draft.case),
        "goals": [_text(draft, goal) for goal in _lines(draft.goals)],
        "duration_minutes": draft.duration_minutes,
    }
    if draft.agencies:
        exercise["agencies"] = list(draft.agencies)
    if draft.handbook:
        exercise["handbook"] = [
            {"step": link.step, **({"item": link.item} if link.item else {})}
            for link in draft.handbook
        ]
    exercise["stages"] = stages
    exercise["questions"] = [{"text": _text(draft, q)} for q in _lines(draft.questions)]
    exercise["sources"] = _sources(draft, handbook) if handbook else []
    return {"exercises": [exercise]}


def preview(draft: ExerciseDraft) -> Exercise:
    """The draft as an exercise to show or rehearse, whether or not it validates yet."""
    record = content(draft, None)["exercises"][0]
    localized = Pack(_unchecked_manifest(draft), {"exercises": [record]}).localized(draft.language)
    return from_record(localized["exercises"][0], draft.effective_pack_id, draft.language)


def _unchecked_manifest(draft: ExerciseDraft) -> Manifest:
    return Manifest(
        schema=PACK_FORMAT,
        id=draft.effective_pack_id,
        kind=KIND,
        version=draft.version,
        languages=(draft.language,),
        publisher=draft.publisher,
        review_by=draft.review_by,
        licence=draft.licence,
        title={draft.language: draft.title},
    )


def pack_files(draft: ExerciseDraft, handbook: Handbook, root: str = "") -> PackFiles:
    """The pack's files as TOML text, named as they will be written."""
    files = {
        MANIFEST: dumps(_manifest(draft)).encode("utf-8"),
        CONTENT_FILE: dumps(content(draft, handbook)).encode("utf-8"),
    }
    return PackFiles(root or draft.effective_pack_id, files)


def build(draft: ExerciseDraft, handbook: Handbook) -> tuple[Pack, PackFiles]:
    """Validate the draft as a pack; PackError lists every problem, as for any pack."""
    missing = _blank_fields(draft)
    if missing:
        raise PackError(
            [Problem(draft.effective_pack_id, None, name, why) for name, why in missing]
        )
    files = pack_files(draft, handbook)
    return parse_pack(files), files


def _blank_fields(draft: ExerciseDraft) -> list[tuple[str, str]]:
    """What the schema lets pass empty but a case cannot do without."""
    empty = _("must not be empty")
    found = [
        (name, empty)
        for name, value in (
            ("title", draft.title),
            ("case", draft.case),
            ("publisher", draft.publisher),
        )
        if not value.strip()
    ]
    if not _lines(draft.goals):
        found.append(("goals", _("give at least one learning goal")))
    if not draft.stages:
        found.append(("stages", _("add at least one stage")))
    for number, stage in enumerate(draft.stages, start=1):
        for name, value in (("title", stage.title), ("notes", stage.notes)):
            if not value.strip():
                found.append((f"stages[{number}].{name}", empty))
        for name, values in (("facts", stage.facts), ("questions", stage.questions)):
            if not _lines(values):
                found.append((f"stages[{number}].{name}", empty))
    if not _lines(draft.questions):
        found.append(("questions", _("give at least one question for the debrief")))
    if not any(link.item for link in draft.handbook):
        found.append(
            (
                "handbook",
                _(
                    "link the case to at least one handbook item: the item's sources back the "
                    "facilitator notes"
                ),
            )
        )
    return found


def export(draft: ExerciseDraft, target: Path, handbook: Handbook) -> Pack:
    """Write the draft as a pack: a .zip file, or else a new folder. Nothing on any problem."""
    target = Path(target)
    pack, files = build(draft, handbook)
    if target.suffix.lower() == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in sorted(files.files.items()):
                archive.writestr(name, data)
        atomic.write_bytes(target, buffer.getvalue())
        return pack
    _write_folder(target, files)
    return pack


def _write_folder(target: Path, files: PackFiles) -> None:
    """Fill a hidden folder beside `target`, then rename it into place in one step."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PackError.about(str(target), _("already exists; choose a new name for the pack"))
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        for name, data in files.files.items():
            atomic.write_bytes(staging / name, data)
        with contextlib.suppress(FileNotFoundError):
            target.rmdir()  # an empty folder the file dialog made: replace it
        atomic.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
