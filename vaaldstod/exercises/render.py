"""Exercises as HTML: the screens of a presenter run, the leader's full view, a session summary.

Pack texts are escaped or go through `markdown_html` (which escapes first); the UI only
chooses fonts and colours.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from vaaldstod.exercises.model import Exercise, HandbookLink, Question
from vaaldstod.handbook import STEPS, Handbook, markdown_html, sources_list_html
from vaaldstod.i18n import _, ngettext

if TYPE_CHECKING:
    from vaaldstod.vault import ExerciseSession

BANNER_CLASS = "banner"
# Slides are shown in large type already; Qt sizes headings relative to it, so a modest level.
SLIDE_HEADING = "h3"


def banner_text() -> str:
    """The words on every exercise screen and page, so nobody takes the case for a real one."""
    return _("EXERCISE – fictional case")


def link_title(link: HandbookLink, handbook: Handbook | None) -> str:
    """“Ask › Give information about violence before you ask”, or the step alone."""
    step = _(dict(STEPS).get(link.step, link.step))
    if link.item is None:
        return step
    titles = {item.id: item.title for item in handbook.items} if handbook else {}
    return _("{step} › {item}").format(step=step, item=titles.get(link.item, link.item))


def minutes_text(minutes: int | None) -> str:
    if not minutes:
        return ""
    return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)


class Slides:
    """The screens of a presenter run: the case, then each stage, then the debrief.

    The group sees `group_html`; `notes_html` is for the team leader's eyes only. Neither
    repeats `heading`, which the presenter shows above the text.
    """

    def __init__(self, exercise: Exercise, handbook: Handbook | None = None) -> None:
        self.exercise = exercise
        self.handbook = handbook

    def __len__(self) -> int:
        return len(self.exercise.stages) + 2

    def _stage(self, index: int):
        return self.exercise.stages[index - 1] if 0 < index <= len(self.exercise.stages) else None

    def heading(self, index: int) -> str:
        stage = self._stage(index)
        if index == 0:
            return self.exercise.title
        if stage is None:
            return _("Debrief")
        return _("Stage {number} of {total}: {title}").format(
            number=index, total=len(self.exercise.stages), title=stage.title
        )

    def minutes(self, index: int) -> int | None:
        """The time planned for a stage, for its timer; none for the case and the debrief."""
        stage = self._stage(index)
        return stage.minutes if stage else None

    def group_html(self, index: int) -> str:
        exercise, stage = self.exercise, self._stage(index)
        parts: list[str] = []
        if index == 0:
            parts.append(markdown_html(exercise.case))
            parts += _bullets(_("What we practise"), exercise.goals, level=SLIDE_HEADING)
        elif stage is not None:
            parts.append(_list("ul", (html.escape(fact) for fact in stage.facts)))
            parts += _questions(
                _("Discuss"), stage.questions, with_points=False, level=SLIDE_HEADING
            )
        else:
            parts += _questions(
                _("Discuss together"), exercise.questions, with_points=False, level=SLIDE_HEADING
            )
            parts += _bullets(_("What we practised"), exercise.goals, level=SLIDE_HEADING)
        return "\n".join(parts)

    def notes_html(self, index: int) -> str:
        exercise, stage = self.exercise, self._stage(index)
        parts: list[str] = []
        if index == 0:
            parts.append(
                "<p>"
                + html.escape(
                    _(
                        "Everything in this case is fictional. If someone brings up a real "
                        "client, steer back to the case: no names, no details that identify anyone."
                    )
                )
                + "</p>"
            )
            parts += _bullets(_("Learning goals"), exercise.goals, level=SLIDE_HEADING)
            plan = [
                html.escape(f"{number}. {s.title}")
                + (f" ({html.escape(minutes_text(s.minutes))})" if s.minutes else "")
                for number, s in enumerate(exercise.stages, start=1)
            ]
            parts += _bullets(_("Plan"), plan, escaped=True, level=SLIDE_HEADING)
            parts += self._links(exercise.handbook)
        elif stage is not None:
            parts.append(markdown_html(stage.notes))
            parts += _questions(
                _("Questions and points to bring up"), stage.questions, level=SLIDE_HEADING
            )
            parts += self._links(stage.handbook)
        else:
            parts += _questions(
                _("Questions and points to bring up"), exercise.questions, level=SLIDE_HEADING
            )
            parts.append(
                "<p>"
                + html.escape(
                    _(
                        "Afterwards, log the session: date, case, number of participants and "
                        "key takeaways – no names."
                    )
                )
                + "</p>"
            )
            parts += self._links(exercise.all_links())
        return "\n".join(parts)

    def _links(self, links: Iterable[HandbookLink]) -> list[str]:
        return _links_html(links, self.handbook, level=SLIDE_HEADING)


def exercise_html(exercise: Exercise, handbook: Handbook | None = None) -> str:
    """The whole case as the team leader prepares it: every stage with its notes, and sources."""
    slides = Slides(exercise, handbook)
    meta = [minutes_text(exercise.duration_minutes)]
    meta.append(
        ngettext("{n} stage", "{n} stages", len(exercise.stages)).format(n=len(exercise.stages))
    )
    parts = [
        f"<h1>{html.escape(exercise.title)}</h1>",
        f"<p><i>{html.escape(' · '.join(part for part in meta if part))}</i></p>",
    ]
    parts += _bullets(_("Learning goals"), exercise.goals)
    parts.append(_heading("h2", _("The case")))
    parts.append(markdown_html(exercise.case))
    for index, stage in enumerate(exercise.stages, start=1):
        heading = slides.heading(index)
        if stage.minutes:
            heading += f" ({minutes_text(stage.minutes)})"
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts.append(_list("ul", (html.escape(fact) for fact in stage.facts)))
        parts += _questions(_("Questions"), stage.questions)
        parts.append(_heading("h3", _("Facilitator notes")))
        parts.append(markdown_html(stage.notes))
    parts.append(_heading("h2", _("Debrief")))
    parts += _questions(_("Questions"), exercise.questions)
    parts += _links_html(exercise.all_links(), handbook)
    if exercise.sources:
        parts.append(_heading("h2", _("Sources")))
        parts.append(sources_list_html(exercise.sources))
    return "\n".join(parts)


def session_summary_html(
    session: ExerciseSession, exercise: Exercise | None, handbook: Handbook | None = None
) -> str:
    """One page for the team: which case, when, how many, what was learnt. No names."""
    title = exercise.title if exercise else session.exercise_id
    rows = [
        (_("Date"), session.held_on.isoformat()),
        (_("Case"), title),
        (_("Participants"), str(session.participants)),
    ]
    if exercise and exercise.duration_minutes:
        rows.append((_("Estimated time"), minutes_text(exercise.duration_minutes)))
    table = "".join(
        f"<tr><td><b>{html.escape(name)}</b></td><td>{html.escape(value)}</td></tr>"
        for name, value in rows
    )
    takeaways = "".join(
        f"<p>{html.escape(paragraph)}</p>"
        for paragraph in session.takeaways.split("\n")
        if paragraph.strip()
    ) or _heading("p", _("No takeaways were recorded."))
    parts = [
        f'<p class="{BANNER_CLASS}"><b>{html.escape(banner_text())}</b></p>',
        _heading("h1", _("Exercise session: summary")),
        f'<table cellpadding="4">{table}</table>',
        _heading("h2", _("Key takeaways")),
        takeaways,
    ]
    if exercise:
        parts += _bullets(_("Learning goals"), exercise.goals)
        parts += _bullets(_("Read again in the handbook"), _by_step(exercise.all_links(), handbook))
    parts.append(
        '<p class="footer">'
        + html.escape(
            _(
                "A fictional case used for training. The summary holds no names of participants "
                "or clients."
            )
        )
        + "</p>"
    )
    return "\n".join(parts)


def _by_step(links: Iterable[HandbookLink], handbook: Handbook | None) -> list[str]:
    """“Act: item · item”, one line per step: short enough for a one-page summary."""
    titles = {item.id: item.title for item in handbook.items} if handbook else {}
    grouped: dict[str, list[str]] = {}
    for link in links:
        grouped.setdefault(link.step, [])
        if link.item:
            grouped[link.step].append(titles.get(link.item, link.item))
    steps = dict(STEPS)
    return [
        _("{step}: {items}").format(step=_(steps.get(step, step)), items=" · ".join(items))
        if items
        else _(steps.get(step, step))
        for step, items in sorted(grouped.items(), key=lambda pair: _step_order(pair[0]))
    ]


def _step_order(step: str) -> int:
    keys = [key for key, _title in STEPS]
    return keys.index(step) if step in keys else len(keys)


def _links_html(
    links: Iterable[HandbookLink], handbook: Handbook | None, level: str = "h2"
) -> list[str]:
    titles = [link_title(link, handbook) for link in links]
    return _bullets(_("In the handbook"), titles, level=level)


def _heading(tag: str, text: str) -> str:
    # A helper rather than _() inside an f-string: the message extractor skips f-strings.
    return f"<{tag}>{html.escape(text)}</{tag}>"


def _list(tag: str, rows: Iterable[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{row}</li>" for row in rows) + f"</{tag}>"


def _bullets(
    heading: str, texts: Iterable[str], escaped: bool = False, level: str = "h2"
) -> list[str]:
    rows = [text if escaped else html.escape(text) for text in texts]
    if not rows:
        return []
    return [f"<{level}>{html.escape(heading)}</{level}>", _list("ul", rows)]


def _questions(
    heading: str, questions: Iterable[Question], with_points: bool = True, level: str = "h2"
) -> list[str]:
    rows = []
    for question in questions:
        row = f"<b>{html.escape(question.text)}</b>" if with_points else html.escape(question.text)
        if with_points and question.discussion:
            row += markdown_html(question.discussion)
        rows.append(row)
    if not rows:
        return []
    return [f"<{level}>{html.escape(heading)}</{level}>", _list("ol", rows)]
