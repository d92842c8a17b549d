"""Care for the room: the content note that opens every exercise and the leader's check-in.

More than 44 % of the staff at the agencies in the government assignment reported having
been affected by violence, themselves or through colleagues (shared/sources/001, line 646),
and agencies are asked to treat staff's own exposure to and use of violence as an employer
matter (001, line 134). So every exercise says what the case contains, that anyone may step
out, and where staff find support, and the leader checks in afterwards.

The support lines are read from the directory by id, so their numbers stay sourced in one
place (the national directory pack) and an office's corrections apply here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from vaaldstod.directory import Directory
from vaaldstod.i18n import _
from vaaldstod.packs import Registry

# Lines for anyone subjected to violence, men included, for victims of crime, and for
# someone worried about their own violence (staff, too, can be on either side: 001:134).
SUPPORT_ENTRY_IDS = (
    "kvinnofridslinjen",
    "stodlinjen-for-man",
    "brottsofferjouren",
    "valj-att-sluta",
)


@dataclass(frozen=True)
class SupportLine:
    """A national line as the note shows it: “Kvinnofridslinjen: 020-50 50 50”."""

    name: str
    phone: str
    for_whom: str = ""

    def text(self) -> str:
        shown = self.name
        if self.phone and self.phone not in self.name:
            shown = _("{name}: {phone}").format(name=self.name, phone=self.phone)
        return f"{shown} ({self.for_whom})" if self.for_whom else shown


def support_lines(
    language: str, registry: Registry | None = None, directory: Directory | None = None
) -> tuple[SupportLine, ...]:
    """The national lines for staff, from the directory, in `SUPPORT_ENTRY_IDS` order.

    A line missing from the directory (an office removed it) is left out, never made up.
    Pass the app's `registry`: reading every pack again takes a second.
    """
    entries = {entry.id: entry for entry in (directory or Directory(registry)).entries(language)}
    # Who Välj att sluta is for, as its directory entry says; the others' names say it.
    for_whom = {"valj-att-sluta": _("if you worry about your own violence")}
    return tuple(
        SupportLine(entries[key].organisation, entries[key].phone, for_whom.get(key, ""))
        for key in SUPPORT_ENTRY_IDS
        if key in entries
    )


def note_heading() -> str:
    return _("Before we start")


def contains_text(content_note: str) -> str:
    """What the case contains: the pack's own words, or a general line for a case without."""
    if content_note.strip():
        return _("This case contains: {content}").format(content=content_note.strip())
    return _("This case is about violence in a close relationship.")


def room_texts() -> tuple[str, ...]:
    """The standard paragraphs after “this case contains”: affected, step out, support."""
    return (
        _(
            "Violence in close relationships is common, also among us who work here: many "
            "staff have been affected, themselves or through a colleague."
        ),
        _(
            "You may step out at any time, without saying why, and come back when you want. "
            "You do not have to share anything about yourself."
        ),
        _(
            "Support for you as staff: your manager or HR, the occupational health service, "
            "and these national lines. In immediate danger: 112."
        ),
        _("After the exercise the leader checks in with the group and is there for a talk."),
    )


def leader_opening_points() -> tuple[str, ...]:
    """For the leader's notes on the first screen: how to give the note."""
    return (
        _("Read the note aloud before the case, and pause for a moment afterwards."),
        _("Agree how someone steps out: they just go; nobody asks why, in the room or afterwards."),
        _(
            "Everything in this case is fictional. If someone brings up a real client, steer "
            "back to the case: no names, no details that identify anyone."
        ),
        _(
            "If someone tells you about violence in their own life, listen, take it seriously, "
            "and talk about it in private afterwards, not in the group."
        ),
    )


def checkin_points() -> tuple[str, ...]:
    """The leader's reminder at the end: check in before everyone leaves."""
    return (
        _("Check in before the group leaves: how was this case to work with today?"),
        _(
            "Say that you are available for a talk in private, and repeat where staff find "
            "support: manager or HR, occupational health, the national lines."
        ),
        _("Follow up with anyone who stepped out, in private and without asking about details."),
    )
