"""Labels for the statistics in the app's language, from the shared code lists (no Qt).

The CLI and the page label reports the same way; both come here.
"""

from __future__ import annotations

from vaaldstod.code_labels import AGENCY_NAMES, ASKED, DISCLOSED, FORMS, NOT_ASKED_REASONS
from vaaldstod.i18n import _
from vaaldstod.settings import Settings
from vaaldstod.statistics.report import core_labels


def labels() -> dict[str, dict[str, str]]:
    """Dimension → code → label, for `build_report`."""

    def named(choices) -> dict[str, str]:
        return {code: _(caption) for code, caption in choices}

    return {
        **core_labels(),
        "asked": named(ASKED),
        "reason": named(NOT_ASKED_REASONS),
        "disclosed": named(DISCLOSED),
        "form": named(FORMS),
        "agency": dict(AGENCY_NAMES),
    }


def office_name(current: Settings) -> str:
    """The office as reports name it: the office profile's name, else the agency's."""
    from vaaldstod.directory.errors import OfficeProfileError
    from vaaldstod.directory.office import load_profile

    try:
        name = load_profile().name
    except OfficeProfileError:  # a damaged profile is reported where it is edited
        name = ""
    return name or AGENCY_NAMES.get(current.agency, current.agency)
