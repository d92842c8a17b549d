"""Suppression: no count of 1–4 is shown in an export, nor can one be worked out from it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.statistics_data import assert_no_small_count_leaks, parse_csv, record
from vaaldstod.statistics import Period, build_report
from vaaldstod.statistics.aggregate import aggregate
from vaaldstod.statistics.export import csv_text
from vaaldstod.statistics.suppression import Unprotectable, leaks, protect

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
