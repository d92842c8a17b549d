"""A known set of 40 contact records and its figures, worked out by hand (not by the app).

Groups:
  A  20 women, asked routinely: 12 told (8 economic + psychological, 2 psychological,
     2 economic), 6 no, 2 unsure; ages 18–29 ×10, 30–44 ×10
  B  10 men, asked routinely: 3 told (economic), 7 no; ages 30–44 ×5, 45–64 ×5
  C   6 women, asked on indication: 5 told (physical; 2 of them also economic), 1 no;
     ages 45–64
  D   4 not asked: 3 women (unsafe, 65 or older), 1 other gender (interpreter, not stated)
Referrals: women's shelter 10 (the first ten who told in A), police 6 (C's five who told and
one man from B who told), victim support 2 (two in A who said no). Children: 9.
"""

from __future__ import annotations


def record(
    gender,
    asked,
    disclosed=None,
    forms=(),
    reason=None,
    age="30_44",
    referrals=(),
    children=False,
) -> dict:
    return {
        "agency": "kronofogden",
        "asked": asked,
        "not_asked_reason": reason,
        "disclosed": disclosed,
        "forms": list(forms),
        "children_affected": children,
        "referrals": list(referrals),
        "gender": gender,
        "age_band": age,
    }


def known_records() -> list[dict]:
    a_forms = [("economic", "psychological")] * 8 + [("psychological",)] * 2 + [("economic",)] * 2
    group_a = [
        record("woman", "routine", "yes", forms, referrals=["womens_shelter"] if i < 10 else [])
        for i, forms in enumerate(a_forms)
    ]
    group_a += [record("woman", "routine", "no", referrals=["victim_support"]) for _ in range(2)]
    group_a += [record("woman", "routine", "no") for _ in range(4)]
    group_a += [record("woman", "routine", "unsure") for _ in range(2)]
    for i, contact in enumerate(group_a):
        contact["age_band"] = "18_29" if i < 10 else "30_44"
        contact["children_affected"] = i < 5  # five in A
    group_b = [record("man", "routine", "yes", ["economic"]) for _ in range(3)]
    group_b[0]["referrals"] = ["police"]
    group_b += [record("man", "routine", "no") for _ in range(7)]
    for i, contact in enumerate(group_b):
        contact["age_band"] = "30_44" if i < 5 else "45_64"
    group_c = [
        record("woman", "indication", "yes", ["physical", "economic"] if i < 2 else ["physical"])
        for i in range(5)
    ]
    group_c.append(record("woman", "indication", "no"))
    for i, contact in enumerate(group_c):
        contact["age_band"] = "45_64"
        contact["referrals"] = ["police"] if i < 5 else []
        contact["children_affected"] = i < 4  # four in C
    group_d = [record("woman", "not_asked", reason="unsafe", age="65_plus") for _ in range(3)]
    group_d.append(record("other", "not_asked", reason="interpreter", age="not_stated"))
    return group_a + group_b + group_c + group_d


# The exact figures, by hand from the groups above.
EXACT = {
    ("asked", "routine", "count"): 30,
    ("asked", "indication", "count"): 6,
    ("asked", "not_asked", "count"): 4,
    ("asked", "total", "count"): 40,
    ("asked", "routine", "percent"): 75,  # share asked routinely
    ("reasons", "unsafe", "count"): 3,
    ("reasons", "interpreter", "count"): 1,
    ("reasons", "other", "count"): 0,
    ("disclosed", "yes", "count"): 20,
    ("disclosed", "no", "count"): 14,
    ("disclosed", "unsure", "count"): 2,
    ("disclosed", "total", "count"): 36,
    ("disclosed", "yes", "percent"): 56,  # 20 of 36 = 55.6 %
    ("disclosure_by_gender", "woman", "asked"): 26,
    ("disclosure_by_gender", "woman", "disclosed"): 17,
    ("disclosure_by_gender", "woman", "percent"): 65,  # 17 of 26 = 65.4 %
    ("disclosure_by_gender", "man", "asked"): 10,
    ("disclosure_by_gender", "man", "disclosed"): 3,
    ("disclosure_by_gender", "man", "percent"): 30,
    ("disclosure_by_gender", "other", "asked"): 0,
    ("disclosure_by_way", "routine", "asked"): 30,
    ("disclosure_by_way", "routine", "disclosed"): 15,
    ("disclosure_by_way", "routine", "percent"): 50,
    ("disclosure_by_way", "indication", "asked"): 6,
    ("disclosure_by_way", "indication", "disclosed"): 5,
    ("disclosure_by_way", "indication", "percent"): 83,  # 5 of 6 = 83.3 %
    ("forms", "economic", "count"): 15,  # 10 in A, 3 in B, 2 in C
    ("forms", "economic", "percent"): 75,  # 15 of the 20 who told
    ("forms", "psychological", "count"): 10,
    ("forms", "physical", "count"): 5,
    ("forms", "physical", "percent"): 25,  # 5 of 20
    ("forms", "sexual", "count"): 0,
    ("referrals", "womens_shelter", "count"): 10,
    ("referrals", "womens_shelter", "percent"): 25,
    ("referrals", "police", "count"): 6,
    ("referrals", "victim_support", "count"): 2,
    ("referrals", "social_services", "count"): 0,
    ("children", "children", "count"): 9,
    ("children", "children", "percent"): 23,  # 9 of 40 = 22.5 %, rounded half up
    ("gender", "woman", "count"): 29,
    ("gender", "man", "count"): 10,
    ("gender", "other", "count"): 1,
    ("gender", "not_stated", "count"): 0,
    ("age", "18_29", "count"): 10,
    ("age", "30_44", "count"): 15,
    ("age", "45_64", "count"): 11,
    ("age", "65_plus", "count"): 3,
    ("age", "not_stated", "count"): 1,
    ("agency", "kronofogden", "count"): 40,
}

# What sums to what, written out here independently of the app's own equations: a reader
# of an export knows these, so no single hidden count may be left alone in one of them.
GENDER_CODES = ("woman", "man", "other", "not_stated")
AGE_CODES = ("under_18", "18_29", "30_44", "45_64", "65_plus", "not_stated")


def _cells(section: str, measure: str, rows) -> list[tuple[str, str, str]]:
    return [(section, row, measure) for row in rows]


SUMS = [
    (("asked", "total", "count"), _cells("asked", "count", ("routine", "indication", "not_asked"))),
    (("reasons", "total", "count"), _cells("reasons", "count", ("unsafe", "interpreter", "other"))),
    (
        ("asked", "not_asked", "count"),
        _cells("reasons", "count", ("unsafe", "interpreter", "other")),
    ),
    (("disclosed", "total", "count"), _cells("disclosed", "count", ("yes", "no", "unsure"))),
    (("disclosed", "total", "count"), _cells("asked", "count", ("routine", "indication"))),
    (("disclosed", "total", "count"), _cells("disclosure_by_gender", "asked", GENDER_CODES)),
    (("disclosed", "yes", "count"), _cells("disclosure_by_gender", "disclosed", GENDER_CODES)),
    (
        ("disclosed", "yes", "count"),
        _cells("disclosure_by_way", "disclosed", ("routine", "indication")),
    ),
    (("gender", "total", "count"), _cells("gender", "count", GENDER_CODES)),
    (("age", "total", "count"), _cells("age", "count", AGE_CODES)),
    (("asked", "total", "count"), [("gender", "total", "count")]),
    (("asked", "total", "count"), [("age", "total", "count")]),
    (("asked", "routine", "count"), [("disclosure_by_way", "routine", "asked")]),
    (("asked", "indication", "count"), [("disclosure_by_way", "indication", "asked")]),
]


def parse_csv(text: str) -> dict[tuple[str, str, str], str]:
    """An exported CSV as {(section, row, measure): value}, the report lines left out."""
    import csv
    import io

    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["section", "row", "label", "measure", "value"]
    return {(s, r, m): v for s, r, _label, m, v in rows[1:] if s != "report"}


def worked_out(cells: dict[tuple[str, str, str], str]) -> dict[tuple[str, str, str], int]:
    """Every count a reader gets from the shown ones by adding and subtracting along SUMS."""
    known = {key: int(value) for key, value in cells.items() if value.isdigit()}
    progress = True
    while progress:
        progress = False
        for total, parts in SUMS:
            if total not in cells or not all(part in cells for part in parts):
                continue
            unknown = [key for key in (total, *parts) if key not in known]
            if len(unknown) == 1:
                [key] = unknown
                rest = sum(known[part] for part in parts if part != key)
                known[key] = rest if key == total else known[total] - rest
                progress = True
    return known


COUNT_MEASURES = ("count", "asked", "disclosed")


def assert_no_small_count_leaks(cells: dict[tuple[str, str, str], str]) -> None:
    """No count of 1–4 is shown, nor can one be worked out; shares only from shown counts."""
    for key, value in cells.items():
        if key[2] in COUNT_MEASURES:
            assert not (value.isdigit() and 1 <= int(value) <= 4), (key, value)
            assert value.isdigit() or value == "..", (key, value)
    for key, value in worked_out(cells).items():
        assert not 1 <= value <= 4, f"{key} = {value} can be worked out"
    for (section, row, measure), value in cells.items():
        if measure == "percent" and value not in ("..", "–"):
            counts = [
                v for (s, r, m), v in cells.items() if (s, r) == (section, row) and m != "percent"
            ]
            assert all(v.isdigit() for v in counts), (section, row, counts)


def assert_shown_are_exact(cells: dict[tuple[str, str, str], str], minimum: int = 5) -> None:
    """Every shown count is the true one, and the export still tells something (not all "..")."""
    shown = 0
    for key, expected in EXACT.items():
        value = cells[key]
        if key[2] in COUNT_MEASURES and value.isdigit():
            assert int(value) == expected, (key, value, expected)
            shown += expected > 0
    assert shown >= minimum, f"only {shown} non-zero counts left to read"
