"""Exercises as HTML: the screens of a presenter run, the leader's full view, a session summary.

Pack texts are escaped or go through `markdown_html` (which escapes first); the UI only
chooses fonts and colours.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from vaaldstod.exercises.care import (
    SupportLine,
    checkin_points,
    contains_text,
    leader_opening_points,
    note_heading,
    room_texts,
    support_lines,
)
from vaaldstod.exercises.model import Exercise, HandbookLink, Question, Stage
from vaaldstod.handbook import STEPS, Handbook, markdown_html, sources_list_html
from vaaldstod.i18n import _, current_language, ngettext

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
    """The screens of a presenter run: the note, the case, each stage, the debrief.

    The first screen is the content note (what the case contains, that anyone may step out,
    where staff find support); the leader's notes on the last one remind them to check in.
    The group sees `group_html`; `notes_html` is for the team leader's eyes only. Neither
    repeats `heading`, which the presenter shows above the text.
    """

    NOTE, CASE = 0, 1  # the screens before the first stage

    def __init__(
        self,
        exercise: Exercise,
        handbook: Handbook | None = None,
        support: Sequence[SupportLine] | None = None,
    ) -> None:
        self.exercise = exercise
        self.handbook = handbook
        self.support = tuple(support) if support is not None else None

    def __len__(self) -> int:
        return len(self.exercise.stages) + 3

    def support_lines(self) -> tuple[SupportLine, ...]:
        if self.support is None:
            self.support = support_lines(self.exercise.language)
        return self.support

    def stage_number(self, index: int) -> int | None:
        """1 for the first stage's screen, and so on; None for the other screens."""
        number = index - self.CASE
        return number if 0 < number <= len(self.exercise.stages) else None

    def _stage(self, index: int) -> Stage | None:
        number = self.stage_number(index)
        return self.exercise.stages[number - 1] if number else None

    def heading(self, index: int) -> str:
        stage = self._stage(index)
        if index == self.NOTE:
            return self.exercise.title
        if index == self.CASE:
            return _("The case")
        if stage is None:
            return _("Debrief")
        return _("Stage {number} of {total}: {title}").format(
            number=self.stage_number(index), total=len(self.exercise.stages), title=stage.title
        )

    def minutes(self, index: int) -> int | None:
        """The time planned for a stage, for its timer; none for the other screens."""
        stage = self._stage(index)
        return stage.minutes if stage else None

    def group_html(self, index: int) -> str:
        exercise, stage = self.exercise, self._stage(index)
        parts: list[str] = []
        if index == self.NOTE:
            parts += content_note_html(exercise, self.support_lines())
        elif index == self.CASE:
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
        """The leader's screen: notes beside the questions with their keys, where it fits."""
        exercise, stage = self.exercise, self._stage(index)
        if index == self.NOTE:
            left = _bullets(_("Giving the note"), leader_opening_points(), level=SLIDE_HEADING)
            plan = [
                html.escape(f"{number}. {s.title}")
                + (f" ({html.escape(minutes_text(s.minutes))})" if s.minutes else "")
                for number, s in enumerate(exercise.stages, start=1)
            ]
            right = _bullets(_("Plan"), plan, escaped=True, level=SLIDE_HEADING)
        elif index == self.CASE:
            left = _bullets(_("Learning goals"), exercise.goals, level=SLIDE_HEADING)
            right = self._links(exercise.handbook)
        elif stage is not None:
            left = [markdown_html(stage.notes)]
            left += _bullets(_("Typical mistakes"), stage.mistakes, level=SLIDE_HEADING)
            right = _questions(_("Questions and keys"), stage.questions, level=SLIDE_HEADING)
            # The links go under the shorter column, so that a long stage still fits.
            shorter = left if _length(left) < _length(right) else right
            shorter += self._links(stage.handbook)
        else:
            left = _questions(_("Questions and keys"), exercise.questions, level=SLIDE_HEADING)
            right = _bullets(_("Check in with the group"), checkin_points(), level=SLIDE_HEADING)
            right.append(
                "<p>"
                + html.escape(
                    _(
                        "Afterwards, log the session: date, case, number of participants and "
                        "key takeaways – no names."
                    )
                )
                + "</p>"
            )
        return _columns(left, right)

    def _links(self, links: Iterable[HandbookLink]) -> list[str]:
        return _links_html(links, self.handbook, level=SLIDE_HEADING)


def content_note_html(
    exercise: Exercise, support: Sequence[SupportLine], level: str = SLIDE_HEADING
) -> list[str]:
    """The note that opens every exercise, as the group sees it and as the PDFs print it."""
    paragraphs = (contains_text(exercise.content_note), *room_texts())
    parts = [_heading(level, note_heading())]
    parts += [f"<p>{html.escape(text)}</p>" for text in paragraphs[:-1]]
    if support:
        parts.append(_list("ul", (html.escape(line.text()) for line in support)))
    parts.append(f"<p>{html.escape(paragraphs[-1])}</p>")
    return parts


def _length(parts: list[str]) -> int:
    """Roughly how much text a column holds: its characters outside tags."""
    return sum(len(re.sub(r"<[^>]+>", "", part)) for part in parts)


def _columns(left: list[str], right: list[str]) -> str:
    """Two columns side by side: a wide screen holds twice the notes without scrolling."""
    if not right:
        return "\n".join(left)
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        '<td width="52%" valign="top" style="padding-right: 16px;">'
        + "\n".join(left)
        + '</td><td width="48%" valign="top" style="padding-left: 16px;">'
        + "\n".join(right)
        + "</td></tr></table>"
    )


def exercise_html(
    exercise: Exercise,
    handbook: Handbook | None = None,
    support: Sequence[SupportLine] | None = None,
) -> str:
    """The whole case as the team leader prepares it: every stage with its notes, and sources."""
    slides = Slides(exercise, handbook, support)
    meta = [minutes_text(exercise.duration_minutes)]
    meta.append(
        ngettext("{n} stage", "{n} stages", len(exercise.stages)).format(n=len(exercise.stages))
    )
    parts = [
        f"<h1>{html.escape(exercise.title)}</h1>",
        f"<p><i>{html.escape(' · '.join(part for part in meta if part))}</i></p>",
    ]
    parts += content_note_html(exercise, slides.support_lines(), level="h2")
    parts += _bullets(_("Learning goals"), exercise.goals)
    parts.append(_heading("h2", _("The case")))
    parts.append(markdown_html(exercise.case))
    for index, stage in enumerate(exercise.stages, start=1):
        heading = slides.heading(index + Slides.CASE)
        if stage.minutes:
            heading += f" ({minutes_text(stage.minutes)})"
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts.append(_list("ul", (html.escape(fact) for fact in stage.facts)))
        parts += _questions(_("Questions"), stage.questions)
        parts.append(_heading("h3", _("Facilitator notes")))
        parts.append(markdown_html(stage.notes))
        parts += _bullets(_("Typical mistakes"), stage.mistakes, level="h3")
    parts.append(_heading("h2", _("Debrief")))
    parts += _questions(_("Questions"), exercise.questions)
    parts += _bullets(_("Check in with the group"), checkin_points(), level="h3")
    parts += _links_html(exercise.all_links(), handbook)
    if exercise.sources:
        parts.append(_heading("h2", _("Sources")))
        parts.append(sources_list_html(exercise.sources))
    return "\n".join(parts)


def session_summary_html(
    session: ExerciseSession,
    exercise: Exercise | None,
    handbook: Handbook | None = None,
    support: Sequence[SupportLine] | None = None,
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
    # The note goes on paper too: the summary is handed to people who were in the room.
    lines = support if support is not None else support_lines(current_language())
    parts += _summary_note(exercise, lines)
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


def _summary_note(exercise: Exercise | None, support: Sequence[SupportLine]) -> list[str]:
    """The content note in short, for the one-page summary: contents, stepping out, support."""
    contains = contains_text(exercise.content_note if exercise else "")
    room = room_texts()
    text = " ".join((contains, room[1], room[2]))
    lines = " · ".join(line.text() for line in support)
    return [
        _heading("h2", note_heading()),
        f"<p>{html.escape(text)}" + (f"<br>{html.escape(lines)}" if lines else "") + "</p>",
    ]


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
