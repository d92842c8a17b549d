"""The source reports content cites, by file name, with a title a handler can recognise."""

from __future__ import annotations

from vaaldstod.i18n import N_

REPORTS = {
    "000_0fbe2ae24c2d7d0a.txt": N_(
        "Kronofogden: report on gender mainstreaming 2020–2025 (handbook on economic violence)"
    ),
    "001_446eb8c1f21bf521.txt": N_(
        "Swedish Gender Equality Agency, report 2025:6: "
        "agencies in cooperation detect more violence"
    ),
    "002_063c14172b855c4c.txt": N_(
        "County Administrative Board of Kronoberg: regional action plan"
    ),
    "003_b75cb77f2e738c2c.txt": N_(
        "Swedish Gender Equality Agency: letter to managers and politicians, 2020-11-30"
    ),
    "004_f830083670a1f319.txt": N_(
        "Swedish Gender Equality Agency: follow-up of national sub-goal 6 (April 2024)"
    ),
}
