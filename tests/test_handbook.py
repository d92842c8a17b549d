"""The handbook as built from the shipped packs: steps, agencies, languages, search, sources."""

from __future__ import annotations

import pytest

from vaaldstod.handbook import STEPS, Handbook

AGENCIES = ("kronofogden", "forsakringskassan", "arbetsformedlingen", "migrationsverket")


@pytest.fixture(scope="module")
def books():
    return {(lang, agency): Handbook(lang, agency) for lang in ("sv", "en") for agency in AGENCIES}


def test_every_step_has_content_for_every_agency(books):
    for book in books.values():
        for step, _title in STEPS:
            assert book.step_items(step), (book.language, book.agency, step)


def test_swedish_and_english_hold_the_same_items(books):
    for agency in AGENCIES:
        sv = [item.id for item in books["sv", agency].items]
        en = [item.id for item in books["en", agency].items]
        assert sv == en
        assert [i.title for i in books["sv", agency].items] != [
            i.title for i in books["en", agency].items
        ]


def test_agency_specific_measures_show_only_for_that_agency(books):
    def measures(agency):
        return {i.id for i in books["sv", agency].items}

    only_kfm = measures("kronofogden") - measures("migrationsverket")
    assert only_kfm, "Kronofogden's wage-garnishment measures should be Kronofogden's alone"
    text = " ".join(books["sv", "kronofogden"].step_html("act").split())
    assert "förbehållsbelopp" in text.lower()
    assert (
        "förbehållsbelopp"
        not in " ".join(books["sv", "migrationsverket"].step_html("act").split()).lower()
    )


def test_every_item_carries_a_source(books):
    for book in books.values():
        for item in [*book.items, *book.checklist]:
            assert item.sources, item.id


def test_search_finds_items_in_the_handler_language(books):
    hits = books["sv", "kronofogden"].search("tolk")
    assert hits and any("tolk" in h.title.lower() for h in hits)
    assert books["en", "kronofogden"].search("interpreter")
    assert books["sv", "kronofogden"].search("BankID")  # the checklist is searched too
    assert books["sv", "kronofogden"].search("") == []


def test_sources_name_the_report_line_and_quote(books):
    book = books["sv", "kronofogden"]
    item = next(i for i in book.items if any("doc" in s for s in i.sources))
    source = next(s for s in item.sources if "doc" in s)
    html = book.sources_html(item.id)
    assert source["doc"] in html and str(source["line"]) in html


def test_warnings_are_marked_with_words_not_colour_alone(books):
    html = books["en", "forsakringskassan"].step_html("ask")
    assert 'class="warning"' in html and ">Warning<" in html
