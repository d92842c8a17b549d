"""Fictional demo data for screenshots and the self-test. No real person, place or number."""

from __future__ import annotations

from vaaldstod.vault import Vault

DEMO_PASSPHRASE = "demo lösenfras för skärmbilder"

DEMO_CASES = {
    "sv": [
        (
            "Ärende 2026-014",
            [
                "Utmätning av lön. Klienten berättar att sambon sköter all ekonomi och att "
                "hon inte har tillgång till sitt BankID.",
                "Frågade rutinmässigt om våld. Klienten berättade om ekonomiskt och psykiskt "
                "våld. Information om kvinnojour lämnades med klientens samtycke.",
            ],
        ),
        (
            "Ärende 2026-015",
            ["Klienten vill ha ett nytt möte utan sambon närvarande. Boka rum på kontoret."],
        ),
        ("Ärende 2026-016", ["Ansökan om anstånd diskuterad. Uppföljning om två veckor."]),
    ],
    "en": [
        (
            "Case 2026-014",
            [
                "Wage garnishment. The client says her partner handles all money and that she "
                "has no access to her own BankID.",
                "Asked routinely about violence. The client described economic and "
                "psychological violence. Information about a women's shelter given with consent.",
            ],
        ),
        ("Case 2026-015", ["The client wants a new meeting without the partner present."]),
        ("Case 2026-016", ["Postponement (anstånd) discussed. Follow up in two weeks."]),
    ],
}


def fill(vault: Vault, language: str = "sv") -> list[int]:
    """Add the demo cases and notes; returns the case ids, first case first."""
    ids = []
    for pseudonym, notes in DEMO_CASES.get(language, DEMO_CASES["sv"]):
        case_id = vault.create_case(pseudonym)
        for text in notes:
            vault.add_note(case_id, text)
        ids.append(case_id)
    return ids


def fill_contacts(vault: Vault, weeks: int = 12) -> None:
    """Fictional anonymous contact records over the last `weeks` weeks, for the statistics page."""
    import random
    from datetime import date, timedelta

    from vaaldstod.statistics import parse, week_of

    rng = random.Random(14)
    for back in range(weeks):
        week = week_of(date.today() - timedelta(weeks=back))
        for _ in range(rng.randint(3, 9)):
            asked = rng.choice(["routine", "routine", "indication", "not_asked"])
            disclosed = None if asked == "not_asked" else rng.choice(["yes", "no", "no", "unsure"])
            forms = ["economic", "psychological", "physical"][: rng.randint(1, 2)]
            record = {
                "agency": "kronofogden",
                "asked": asked,
                "not_asked_reason": "unsafe" if asked == "not_asked" else None,
                "disclosed": disclosed,
                "forms": forms if disclosed == "yes" else [],
                "children_affected": rng.random() < 0.3,
                "referrals": ["womens_shelter"] if disclosed == "yes" else [],
                "gender": rng.choice(["woman", "woman", "man", "not_stated"]),
                "age_band": rng.choice(["18_29", "30_44", "45_64"]),
            }
            vault.add_contact(week, parse(week, record).record())
