"""Labelled code lists shared by the screens and the statistics (core: no Qt).

The walk-through's answers and the agencies' names are needed by the walk-through panel, the
settings page and the statistics CLI alike; keeping them here lets `vaaldstod stats` label its
reports without importing Qt. Labels are marked with `N_` and translated where shown.
"""

from __future__ import annotations

from vaaldstod.i18n import N_

ASKED = (
    ("routine", N_("Asked routinely")),
    ("indication", N_("Asked because of concern")),
    ("not_asked", N_("Not asked")),
)
NOT_ASKED_REASONS = (
    ("unsafe", N_("Not safe to ask")),
    ("interpreter", N_("No suitable interpreter")),
    ("other", N_("Other reason")),
)
DISCLOSED = (("yes", N_("Yes")), ("no", N_("No")), ("unsure", N_("Unsure / don't know")))
FORMS = (
    ("physical", N_("Physical")),
    ("psychological", N_("Psychological")),
    ("sexual", N_("Sexual")),
    ("economic", N_("Economic")),
    ("material", N_("Material")),
    ("neglect", N_("Neglect")),
    ("honour", N_("Honour-related")),
    ("trafficking", N_("Prostitution or trafficking")),
)
CHILD_REPORTS = (
    ("made_at_meeting", N_("Made at this meeting")),
    ("made_before", N_("Made before this meeting")),
    ("not_made", N_("Not made")),
)
# Proper names: the same in every language.
AGENCY_NAMES = {
    "kronofogden": "Kronofogden",
    "forsakringskassan": "Försäkringskassan",
    "arbetsformedlingen": "Arbetsförmedlingen",
    "migrationsverket": "Migrationsverket",
}
