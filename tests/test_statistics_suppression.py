"""Suppression: no count of 1–4 is shown in an export, nor can one be worked out from it."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.statistics_data import assert_no_small_count_leaks, parse_csv, record
from vaaldstod.statistics import Period, build_report
from vaaldstod.statistics.aggregate import aggregate
from vaaldstod.statistics.export import csv_text
from vaaldstod.statistics.suppression import (
    Unprotectable,
    _analyse,
    _bounds,
    _determined,
    leaks,
    protect,
)

PERIOD = Period(2026)


def test_a_lone_small_cell_takes_a_neighbour_with_it():
    counts = {"total": 43, "a": 40, "b": 3, "c": 0}
    hidden = protect(counts, [("total", ("a", "b", "c"))])
    assert "b" in hidden and len(hidden) == 2  # b alone could be subtracted back
    assert "c" not in hidden  # a zero tells nothing about anyone


def test_two_small_cells_protect_each_other_unless_their_sum_pins_them():
    assert protect({"t": 20, "a": 15, "b": 3, "c": 2}, [("t", ("a", "b", "c"))]) == {"b", "c"}
    # b + c = 2 leaves only 1 + 1 (a hidden cell is never 0): a third cell must go too.
    hidden = protect({"t": 20, "a": 18, "b": 1, "c": 1}, [("t", ("a", "b", "c"))])
    assert {"b", "c"} < hidden


def test_remainders_that_are_never_shown_are_protected_too():
    # told = 3 of asked = 10: "~" cells are worked out by readers, never hidden themselves.
    counts = {"asked": 10, "told": 3, "~not_told": 7}
    assert protect(counts, [("asked", ("told", "~not_told"))]) == {"told"}
    # 8 of 10 told: "2 did not" would follow from two shown counts.
    counts = {"asked": 10, "told": 8, "~not_told": 2}
    assert leaks(counts, [("asked", ("told", "~not_told"))], set()) == ["~not_told"]
    assert protect(counts, [("asked", ("told", "~not_told"))])


def test_a_difference_of_two_sums_is_caught_not_only_one_sum_at_a_time():
    # not_asked = contacts - asked_any, though no single sum has it as its only unknown.
    rules = [
        ("contacts", ("routine", "indication", "not_asked")),
        ("any", ("routine", "indication")),
    ]
    counts = {"contacts": 40, "routine": 30, "indication": 6, "not_asked": 4, "any": 36}
    assert leaks(counts, rules, {"routine", "indication", "not_asked"}) == ["not_asked"]
    hidden = protect(counts, rules)
    assert not leaks(counts, rules, hidden) and "not_asked" in hidden


def test_what_an_earlier_export_showed_stays_shown():
    rules = [("t", ("a", "b", "c"))]
    counts = {"t": 20, "a": 15, "b": 3, "c": 2}
    hidden = protect(counts, rules, {"t": False, "a": False})
    assert hidden == {"b", "c"}
    with pytest.raises(Unprotectable):  # c alone can never be protected if all else is out
        protect({"t": 20, "a": 15, "b": 3, "c": 2}, rules, {"t": False, "a": False, "b": False})


codes = st.sampled_from
valid_records = st.builds(
    lambda gender, asked, disclosed, reason, forms, age, referrals, children: record(
        gender,
        asked,
        disclosed if asked != "not_asked" else None,
        forms if asked != "not_asked" and disclosed == "yes" else (),
        reason if asked == "not_asked" else None,
        age,
        referrals,
        children,
    ),
    codes(["woman", "man", "other", "not_stated"]),
    codes(["routine", "indication", "not_asked"]),
    codes(["yes", "no", "unsure"]),
    codes(["unsafe", "interpreter", "other"]),
    st.lists(codes(["economic", "psychological", "physical", "sexual"]), unique=True),
    codes(["under_18", "18_29", "30_44", "45_64", "65_plus", "not_stated"]),
    st.lists(codes(["police", "womens_shelter", "social_services", "emergency"]), unique=True),
    st.booleans(),
)
garbage = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)
weeks = st.sampled_from(["2026-W01", "2026-W20", "2026-W53", "2026-W54", "2026-03-02", ""])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(weeks, valid_records | garbage), max_size=60))
def test_random_records_never_crash_and_never_leak_a_small_count(stored):
    aggregates = aggregate(stored)
    assert aggregates["contacts"] + aggregates.skipped == len(stored)
    exported = parse_csv("\ufeff" + csv_text(build_report(aggregates, PERIOD, "Kontoret")))
    assert_no_small_count_leaks(exported)


@settings(max_examples=30, deadline=None)
@given(st.lists(valid_records, min_size=1, max_size=25))
def test_small_offices_still_see_nothing_small(records):
    aggregates = aggregate([("2026-W10", r) for r in records])
    assert aggregates["contacts"] == len(records)
    report = build_report(aggregates, PERIOD, "Kontoret")
    assert_no_small_count_leaks(parse_csv("\ufeff" + csv_text(report)))
    for _name, cell in report.key_figures:
        assert cell.value is None or cell.kind == "percent" or not 1 <= cell.value <= 4


# Exact results on small tables, one per rule of `protect` (each found to differ when that rule
# is broken): which cells go, and which stay readable.
GRID = [  # 2 × 2 with row, column and grand totals
    ("R0", ("c00", "c01")),
    ("R1", ("c10", "c11")),
    ("C0", ("c00", "c10")),
    ("C1", ("c01", "c11")),
]


def grid(*remainders: str, total: tuple[str, str]) -> list:
    """GRID with some inner cells as "~" remainders, and T the sum of `total`."""
    rename = {name.removeprefix("~"): name for name in remainders}
    return [(t, tuple(rename.get(p, p) for p in ps)) for t, ps in GRID] + [("T", total)]


@pytest.mark.parametrize(
    ("counts", "rules", "published", "expected"),
    [
        # A count of exactly 5 is not small: nothing hides.
        ({"T": 5, "c": 5}, [("T", ("c",))], None, set()),
        # A remainder of 2 is protected by hiding its shown total, never listed itself.
        ({"T": 2, "~r": 2}, [("T", ("~r",))], None, {"T"}),
        ({"c": 5, "~r": 1, "R": 6, "T": 6}, [("R", ("c", "~r")), ("T", ("c", "~r"))], None, {"c"}),
        (
            {"C": 10, "c": 7, "T": 10, "S": 7, "~r": 3, "z": 0},
            [("C", ("c", "~r", "z")), ("T", ("C",)), ("S", ("c", "z"))],
            None,
            {"C", "S", "c"},
        ),
        # What an earlier export hid stays hidden, big or small.
        ({"t": 20, "a": 15, "b": 5}, [("t", ("a", "b"))], {"a": True}, {"a"}),
        ({"c": 1, "T": 1}, [("T", ("c",))], {"c": True}, {"T", "c"}),
        # Both small counts go with one shared cell; hiding both pinned totals instead loses more.
        (
            {
                "~c00": 0,
                "c01": 9,
                "c10": 9,
                "T": 22,
                "C1": 13,
                "R0": 9,
                "R1": 13,
                "c11": 4,
                "C0": 9,
            },
            grid("~c00", total=("C0", "C1")),
            None,
            {"c01", "c10", "c11"},
        ),
        # Inner cells go before the margins a reader needs.
        (
            {"R0": 5, "T": 20, "c00": 1, "c11": 6, "S": 7, "c01": 4, "C0": 10, "c10": 9}
            | {"C1": 10, "R1": 15},
            grid(total=("R0", "R1")) + [("S", ("c00", "c11"))],
            None,
            {"S", "c00", "c01", "c10", "c11"},
        ),
        # The cell taken along comes from the small count's own sum, not from anywhere.
        (
            {"T": 9, "c01": 5, "c00": 4, "c02": 0, "lone": 20, "R0": 9},
            [("R0", ("c00", "c01", "c02")), ("T", ("R0",))],
            {"c01": False},
            {"R0", "T", "c00"},
        ),
        (
            {"lone": 6, "C1": 10, "c01": 5, "S": 8, "c11": 5, "c00": 0, "T": 13, "C0": 3}
            | {"c10": 3, "R0": 5, "R1": 8},
            grid(total=("R0", "R1")) + [("S", ("c01", "c10"))],
            None,
            {"C0", "C1", "R1", "S", "c01", "c10", "c11"},
        ),
        (
            {"T": 11, "R1": 8, "C0": 6, "R0": 3, "~c00": 3, "~c10": 3, "c11": 5, "c01": 0}
            | {"C1": 5},
            grid("~c00", "~c10", total=("C0", "C1")),
            None,
            {"R0", "R1"},
        ),
        # The reader's bounds count when choosing (0 ≤ count, 1 ≤ hidden count).
        (
            {"T": 16, "R0": 13, "R1": 3, "c01": 0, "c02": 1, "C1": 1, "C2": 1, "c10": 2}
            | {"c12": 0, "c11": 1, "C0": 14, "c00": 12},
            [
                ("R0", ("c00", "c01", "c02")),
                ("R1", ("c10", "c11", "c12")),
                ("C0", ("c00", "c10")),
                ("C1", ("c01", "c11")),
                ("C2", ("c02", "c12")),
                ("T", ("C0", "C1", "C2")),
            ],
            None,
            {"C0", "C1", "C2", "R0", "R1", "c02", "c10", "c11"},
        ),
        (
            {"S": 15, "T": 22, "R0": 22, "lone": 3, "c01": 12, "c00": 7, "~c02": 3},
            [("R0", ("c00", "c01", "~c02")), ("T", ("c00", "c01", "~c02")), ("S", ("c01", "~c02"))],
            None,
            {"c01", "lone"},
        ),
        # A subtraction across two sums, and sums whose parts share cells.
        (
            {"c00": 2, "R0": 10, "c01": 1, "c02": 7, "T": 10, "S": 3},
            [("R0", ("c00", "c01", "c02")), ("T", ("c00", "c01", "c02")), ("S", ("c01", "c00"))],
            None,
            {"S", "c00", "c01", "c02"},
        ),
        (
            {"T": 10, "S": 9, "c00": 9, "~c01": 0, "c02": 1, "R0": 10},
            [("R0", ("c00", "~c01", "c02")), ("T", ("c00", "~c01", "c02")), ("S", ("~c01", "c00"))],
            None,
            {"R0", "T", "c00", "c02"},
        ),
        (
            {"~c10": 2, "~c11": 9, "C1": 11, "S": 29, "R1": 11, "R0": 22, "c00": 20, "c01": 2}
            | {"C0": 22, "T": 33},
            grid("~c10", "~c11", total=("C0", "C1")) + [("S", ("~c11", "c00"))],
            None,
            {"C0", "C1", "R1", "c00", "c01"},
        ),
        # Bounds: 1 + 3 + 9 = 13 leaves both small ones open once hidden; a total of 1 goes too.
        (
            {"c02": 9, "c01": 3, "T": 13, "R0": 13, "c00": 1},
            [("R0", ("c00", "c01", "c02")), ("T", ("c00", "c01", "c02"))],
            None,
            {"c00", "c01"},
        ),
        ({"T": 1, "c": 1}, [("T", ("c",))], None, {"T", "c"}),
        (
            {"c02": 6, "~c01": 5, "T": 15, "c00": 4, "R0": 15},
            [("R0", ("c00", "~c01", "c02")), ("T", ("R0",))],
            None,
            {"c00"},
        ),
        (
            {"c00": 1, "c01": 1, "C0": 21, "R1": 32, "c10": 20, "~c11": 12, "R0": 2, "C1": 13}
            | {"T": 34},
            grid("~c11", total=("C0", "C1")),
            None,
            {"C0", "C1", "R0", "R1", "c00", "c01", "c10"},
        ),
        # A total of two sums is a margin twice over: a margin of one sum goes first.
        (
            {"G": 26, "a": 3, "T": 11, "U": 12, "d": 5, "f": 5, "g": 5, "~r": 6, "~s": 6, "~u": 7},
            [
                ("G", ("a", "T", "U")),
                ("T", ("d", "~r")),
                ("T", ("f", "~s")),
                ("U", ("g", "~u")),
            ],
            None,
            {"a", "U"},
        ),
    ],
)
def test_exactly_the_cells_that_must_go_are_hidden(counts, rules, published, expected):
    hidden = protect(counts, rules, published)
    assert hidden == expected
    assert not leaks(counts, rules, hidden)


@pytest.mark.parametrize(
    ("counts", "rules", "published", "pinned"),
    [
        # A small count already shown, in no sum at all: nothing can be done.
        ({"c": 6, "lone": 2, "T": 6}, [("T", ("c",))], {"lone": False}, ["lone"]),
        # A shown 4 whose only other cells are a zero (never hidden) and its totals.
        (
            {"c00": 4, "R0": 4, "T": 4, "c01": 0},
            [("R0", ("c00", "c01")), ("T", ("R0",))],
            {"c00": False},
            ["R0", "T", "c00"],
        ),
    ],
)
def test_a_small_count_already_shown_cannot_be_protected(counts, rules, published, pinned):
    with pytest.raises(Unprotectable) as raised:
        protect(counts, rules, published)
    assert raised.value.args == (pinned,)


def test_a_remainder_is_pinned_through_a_hidden_cell_that_another_sum_gives():
    # ~r = T - a and a = U; the sum of two remainders before it says nothing.
    counts = {"X": 10, "~p": 5, "~q": 5, "T": 8, "a": 6, "~r": 2, "U": 6}
    rules = [("X", ("~p", "~q")), ("T", ("a", "~r")), ("U", ("a",))]
    assert leaks(counts, rules, {"a"}) == ["~r"]
    assert _determined(rules, {"~p", "~q", "~r", "a"}) == {"a", "~r"}
    assert _determined([("T", ("c",))], {"c"}) == {"c"}


def test_the_analysis_counts_hidden_cells_still_pinned_and_uses_bounds_only_when_asked():
    assert _analyse({"T": 5, "c": 5}, [("T", ("c",))], {"c"}, []) == ([], 1)
    # 1 + 1 + 10 = 12: the algebra leaves a and b open, the bounds pin both to 1.
    counts, rules = {"t": 12, "a": 1, "b": 1, "c": 10}, [("t", ("a", "b", "c"))]
    assert _analyse(counts, rules, {"a", "b"}, ["a", "b"], bounds=False) == ([], 0)
    assert _analyse(counts, rules, {"a", "b"}, ["a", "b"]) == (["a", "b"], 0)


def test_the_bounds_a_reader_has():
    inf = math.inf
    # A hidden total of a remainder: the remainder is then at least 1 as well.
    assert _bounds({"~r": 2, "T": 2}, [("T", ("~r",))], {"T", "~r"}) == {
        "~r": (1, inf),
        "T": (1, inf),
    }
    # A hidden cell under two shown totals of 1 is 1, and so is each total.
    assert _bounds({"c": 1, "S": 1, "T": 1}, [("T", ("c",)), ("S", ("c",))], {"c", "T"}) == {
        "c": (1, 1),
        "S": (1, 1),
        "T": (1, 1),
    }
    # A hidden total narrowed by its own sum (T = 6 + 0) narrows the sum it is part of: G ≥ 7.
    counts = {"G": 10, "T": 6, "x": 4, "y": 6, "z": 0}
    assert _bounds(counts, [("G", ("T", "x")), ("T", ("y", "z"))], {"G", "T", "x"}) == {
        "G": (7, inf),
        "T": (6, 6),
        "x": (1, inf),
        "y": (6, 6),
        "z": (0, 0),
    }


def test_a_total_reached_two_ways_pins_nothing_more():
    # T = S + c and T = a + b + c with S = a + b say the same thing twice: a, b, S, T stay open.
    rules = [("S", ("a", "b")), ("T", ("S", "c")), ("T", ("a", "b", "c"))]
    assert _determined(rules, {"a", "b", "S", "T"}) == set()
    rules = [("S", ("a",)), ("T", ("S",)), ("T", ("a",))]
    assert _determined(rules, {"a", "S", "T"}) == set()
