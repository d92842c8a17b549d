"""The kinds of service a client can be referred to, as the directory packs code them.

The order is the order of the headings on a referral sheet: urgent help first.
"""

from __future__ import annotations

from vaaldstod.i18n import N_, _

CATEGORIES: dict[str, str] = {
    "emergency": N_("Emergency help"),
    "national_helpline": N_("National helplines"),
    "womens_shelter": N_("Women's shelters and protected housing"),
    "victim_support": N_("Support for victims of crime"),
    "police": N_("Police"),
    "social_services": N_("Social services"),
    "health_care": N_("Health care"),
    "children_young_people": N_("Children and young people"),
    "honour_violence": N_("Honour-related violence and oppression"),
    "prostitution_trafficking": N_("Prostitution and human trafficking"),
    "support_for_perpetrators": N_("Help to stop using violence"),
    "lgbtqi": N_("LGBTQI people"),
    "legal_debt_advice": N_("Legal and debt advice"),
}

# Categories whose services keep their address secret: an entry in one is always protected.
PROTECTED_CATEGORIES = frozenset({"womens_shelter"})

AREAS: dict[str, str] = {
    "national": N_("All of Sweden"),
    "county": N_("A county"),
    "municipalities": N_("Some municipalities"),
}


def category_label(code: str) -> str:
    """The category's name in the app's language; an unknown code (a newer pack) as it is."""
    return _(CATEGORIES[code]) if code in CATEGORIES else code


def category_rank(code: str) -> int:
    """Position of the category on a sheet; unknown codes come last."""
    order = list(CATEGORIES)
    return order.index(code) if code in order else len(order)
