"""Scoring for `instrument` packs: a sum of answer points, placed in a result band."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vaaldstod.i18n import _
from vaaldstod.packs.errors import PackError, Problem
from vaaldstod.packs.model import Pack


@dataclass(frozen=True)
class Band:
    """A range of totals, from `min` up to the next band's `min`, with what to do about it."""

    id: str
    min: int
    title: str
    guidance: str


@dataclass(frozen=True)
class InstrumentResult:
    """A total so far; the band only once every question is answered."""

    total: int
    band: Band | None
    unanswered: tuple[str, ...]
    guidance: str | None


def score(pack: Pack, answers: Mapping[str, str], language: str) -> InstrumentResult:
    """Sum the points of the chosen options (question id -> option id) and find the band.

    Raises PackError for a pack that is not a scored instrument or an answer it does not offer.
    """
    content = pack.localized(language)
    if pack.kind != "instrument" or "scoring" not in content:
        raise PackError.about(pack.id, _("is not a scored instrument"))
    points = {
        scale["id"]: {option["id"]: option["points"] for option in scale["options"]}
        for scale in content["scales"]
    }
    total, unanswered = 0, []
    for question in content["questions"]:
        chosen = answers.get(question["id"])
        if chosen is None:
            unanswered.append(question["id"])
            continue
        scale = points[question["scale"]]
        if chosen not in scale:
            raise PackError(
                [
                    Problem(
                        pack.id,
                        None,
                        question["id"],
                        _("'{answer}' is not one of this question's answers").format(answer=chosen),
                    )
                ]
            )
        total += scale[chosen]
    band = None
    if not unanswered:
        reached = [b for b in content["scoring"]["bands"] if b["min"] <= total]
        band = Band(**reached[-1])
    return InstrumentResult(total, band, tuple(unanswered), content.get("guidance"))
