"""Journal notes and ready answers, rendered from template packs in Jinja2's sandbox.

A template sees only the walk-through answers, as plain values. It cannot reach Python
objects, call functions it was not given, or leave undefined names unnoticed; any attempt
fails with a TemplateError instead of text. Nor can it hang the app: powers and repeated
strings are refused when their result would be huge, rendering stops after
`RENDER_SECONDS` (nested loops) and the text after `MAX_OUTPUT` characters. The UI renders
off its own thread, so quick exit and auto-lock work meanwhile.
"""

from __future__ import annotations

import datetime
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Literal

import jinja2
from babel.dates import format_date
from babel.lists import format_list
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

from vaaldstod.i18n import _
from vaaldstod.packs import Registry

Asked = Literal["routine", "indication", "not_asked"]
NotAskedReason = Literal["unsafe", "interpreter", "other"]
Disclosed = Literal["yes", "no", "unsure"]
Consent = Literal["given", "refused", "not_sought_unsafe"]
ChildReport = Literal["made_at_meeting", "made_before", "not_made"]

ASKED = ("routine", "indication", "not_asked")
NOT_ASKED_REASONS = ("unsafe", "interpreter", "other")
DISCLOSED = ("yes", "no", "unsure")
CONSENTS = ("given", "refused", "not_sought_unsafe")
CHILD_REPORTS = ("made_at_meeting", "made_before", "not_made")
FORMS = (
    "physical",
    "psychological",
    "sexual",
    "economic",
    "material",
    "neglect",
    "honour",
    "trafficking",
)


class TemplateError(Exception):
    """A template could not be found or rendered; no text was produced."""


class TemplateNotFound(TemplateError):
    """No installed or shipped template pack has a template with this id."""


class UnsafeTemplate(TemplateError):
    """The template tried to reach past the answers it was given (blocked by the sandbox)."""


class InvalidAnswers(TemplateError, ValueError):
    """The walk-through answers hold a value the templates do not know."""


@dataclass(frozen=True)
class WalkthroughAnswers:
    """What the handler recorded in the walk-through; the only data a template sees."""

    asked: Asked
    disclosed: Disclosed
    agency: str
    meeting_date: datetime.date
    not_asked_reason: NotAskedReason | None = None
    forms: list[str] = field(default_factory=list)
    children_affected: bool = False
    referrals: list[tuple[str, Consent]] = field(default_factory=list)
    child_report: ChildReport | None = None  # whether a report of concern had been made

    def __post_init__(self) -> None:
        checks = [
            (self.asked in ASKED, "asked"),
            (self.disclosed in DISCLOSED, "disclosed"),
            (self.not_asked_reason in (None, *NOT_ASKED_REASONS), "not_asked_reason"),
            (self.not_asked_reason is None or self.asked == "not_asked", "not_asked_reason"),
            (all(form in FORMS for form in self.forms), "forms"),
            (all(consent in CONSENTS for _category, consent in self.referrals), "referrals"),
            (self.child_report in (None, *CHILD_REPORTS), "child_report"),
            (self.child_report is None or self.children_affected, "child_report"),
        ]
        for ok, name in checks:
            if not ok:
                raise InvalidAnswers(
                    _("The walk-through answer '{name}' is not valid.").format(name=name)
                )


@dataclass(frozen=True)
class Template:
    """One template of a template pack, in one language."""

    id: str
    pack_id: str
    language: str
    title: str
    format: Literal["text", "html"]
    body: str


def find_template(template_id: str, language: str, registry: Registry | None = None) -> Template:
    """The template `template_id`; an office's installed pack wins over a shipped one that is
    trusted no more than it (an unsigned pack never replaces the publisher's consent wording)."""
    packs = (registry or Registry()).packs("template")
    packs.sort(
        key=lambda pack: (-(pack.trust.rank if pack.trust else 0), pack.origin != "installed")
    )
    for pack in packs:
        for record in pack.records("templates", language):
            if record["id"] == template_id:
                return Template(
                    id=template_id,
                    pack_id=pack.id,
                    language=pack.language_for(language),
                    title=record["title"],
                    format=record.get("format", "text"),
                    body=record["body"],
                )
    raise TemplateNotFound(_("There is no template '{id}'.").format(id=template_id))


RENDER_SECONDS = 2.0
MAX_OUTPUT = 200_000  # characters; a journal note is a few thousand
MAX_EXPONENT = 64


class _TooLong(Exception):
    pass


class _LimitedEnvironment(SandboxedEnvironment):
    """The sandbox, with the operators that can take forever in one C call checked first."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise SecurityError(_("a power this large is not allowed"))
        if operator == "*":
            for count, sized in ((left, right), (right, left)):
                if (
                    isinstance(count, int)
                    and isinstance(sized, (str, list, tuple))
                    and count * len(sized) > MAX_OUTPUT
                ):
                    raise SecurityError(_("a text or list this long is not allowed"))
        return super().call_binop(context, operator, left, right)


def _render_limited(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render, stopping after RENDER_SECONDS of template code or MAX_OUTPUT characters."""
    deadline = time.monotonic() + RENDER_SECONDS

    def in_template(frame, event, _arg):
        if time.monotonic() > deadline:
            raise _TooLong
        return in_template

    def tracer(frame, event, _arg):  # only the template's own code is traced, line by line
        if event == "call" and frame.f_code.co_filename == "<template>":
            return in_template
        return None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        parts, size = [], 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise _TooLong
            parts.append(chunk)
        return "".join(parts)
    finally:
        sys.settrace(previous)


def render(
    template_id: str,
    language: str,
    answers: WalkthroughAnswers | None = None,
    registry: Registry | None = None,
) -> str:
    """Render a template with the answers (or with nothing, for a fixed text)."""
    template = find_template(template_id, language, registry)
    environment = _environment(template.language, html=template.format == "html")
    context = _context(answers, template.language) if answers else {}
    try:
        text = _render_limited(environment.from_string(template.body), context)
    except _TooLong:
        raise UnsafeTemplate(
            _("The template '{id}' takes too long or writes too much; it was stopped.").format(
                id=template_id
            )
        ) from None
    except SecurityError as error:
        raise UnsafeTemplate(
            _("The template '{id}' tried something not allowed: {reason}").format(
                id=template_id, reason=error
            )
        ) from None
    # The template is content from a pack, not code we trust: whatever it raises (an undefined
    # name, a range too big, a type error) becomes one typed error and no text.
    except Exception as error:
        raise TemplateError(
            _("The template '{id}' could not be filled in: {reason}").format(
                id=template_id, reason=error
            )
        ) from None
    return text if template.format == "html" else _tidy(text)


def render_journal(
    answers: WalkthroughAnswers,
    language: str,
    template_id: str = "journal-walkthrough",
    registry: Registry | None = None,
) -> str:
    """The journal note for a walk-through, as plain text to paste into the agency's system."""
    return render(template_id, language, answers, registry)


def _environment(language: str, *, html: bool) -> SandboxedEnvironment:
    environment = _LimitedEnvironment(
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Only what templates need: no cycler, joiner or lipsum, nothing to explore.
    environment.globals = {"namespace": Namespace}
    locale = language.split("-")[0]
    environment.filters["join_list"] = lambda items: format_list(list(items), locale=locale)
    return environment


def _context(answers: WalkthroughAnswers, language: str) -> dict[str, Any]:
    """The answers as plain values: strings, booleans, lists and dicts only."""
    return {
        "asked": answers.asked,
        "not_asked_reason": answers.not_asked_reason,
        "disclosed": answers.disclosed,
        "forms": list(answers.forms),
        "children_affected": answers.children_affected,
        "child_report": answers.child_report,
        "referrals": [
            {"category": category, "consent": consent} for category, consent in answers.referrals
        ],
        "agency": answers.agency,
        "meeting_date": format_date(answers.meeting_date, "long", locale=_date_locale(language)),
    }


def _date_locale(language: str) -> str:
    """English journal text is read in Sweden and the EU: dates in British style
    ("23 November 2026"), not American ("November 23, 2026")."""
    locale = language.split("-")[0]
    return "en_GB" if locale == "en" else locale


def _tidy(text: str) -> str:
    """Plain text without trailing spaces or runs of blank lines the template's layout left."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
