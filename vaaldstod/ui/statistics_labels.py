"""Labels for the statistics from the lists the screens already use, in the app's language.

The walk-through's answer labels live in `walkthrough_panel` and the agencies' names in
`settings_page`; the statistics reuse them rather than keeping lists of their own.
"""

from __future__ import annotations

from vaaldstod.i18n import _
from vaaldstod.settings import Settings
from vaaldstod.statistics.report import core_labels


def labels() -> dict[str, dict[str, str]]:
    """Dimension → code → label, for `build_report`."""
    from vaaldstod.ui.settings_page import AGENCY_NAMES
    from vaaldstod.ui.walkthrough_panel import ASKED, DISCLOSED, FORMS, NOT_ASKED_REASONS

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
    from vaaldstod.ui.settings_page import AGENCY_NAMES

    try:
        name = load_profile().name
    except OfficeProfileError:  # a damaged profile is reported where it is edited
        name = ""
    return name or AGENCY_NAMES.get(current.agency, current.agency)
