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


@pytest.fixture
def swedish():
    from vaaldstod import i18n

    before = i18n.current_language()
    i18n.set_language("sv")
    yield
    i18n.set_language(before)


def test_a_step_opens_with_the_wording_to_say(books, swedish):
    # Issue 19: in a meeting the sentences to say were four screens down.
    book = books["sv", "kronofogden"]
    for step, _title in STEPS:
        html = book.step_html(step)
        wording = [item for item in book.step_items(step) if item.type == "phrasing"]
        assert wording, f"{step} has no wording to say"
        card = html.index("Säg så här")
        first_section = html.index("<h2>", card + 1)
        # The card comes first; only warnings the step opens with (immediate danger) precede it.
        before = html[: html.index('<table class="say"')]
        ahead = [item for item in book.step_items(step) if f'name="{item.id}"' in before]
        assert all(item.type == "warning" for item in ahead), (step, [i.id for i in ahead])
        for item in wording:
            at = html.index(f'name="{item.id}"')
            assert card < at, (step, item.id)
            assert html.count(f'name="{item.id}"') == 1  # shown once, in the card
        assert all(html.index(f'name="{item.id}"') < first_section for item in wording), step
    act = book.step_html("act")
    assert act.index('name="act-danger-112"') < act.index('<table class="say"')
    for agency in AGENCIES:  # every agency gets a card on every step
        for step, _title in STEPS:
            assert '<table class="say"' in books["sv", agency].step_html(step), (agency, step)


def test_searching_for_wording_finds_the_example_phrasings(books, swedish):
    book = books["sv", "kronofogden"]
    phrasings = {item.id for item in book.items if item.type == "phrasing"}
    for query in ("formulering", "exempel", "säg så här"):
        found = {hit.item_id for hit in book.search(query)}
        assert phrasings <= found, (query, phrasings - found)


def test_a_client_who_uses_violence_is_covered_in_act_and_refer(books, swedish):
    for agency in AGENCIES:
        ids = {item.id for item in books["sv", agency].items}
        assert {"act-uses-do", "act-uses-say", "act-uses-not", "ref-uses"} <= ids
    refer = books["sv", "kronofogden"].step_html("refer")
    assert "Välj att sluta" in refer and "regionkoordinator" in refer
    assert "målsägandebiträde" in refer.lower() and "kontaktförbud" in refer.lower()


def test_each_agency_is_told_plainly_whether_it_must_report_concern_for_a_child(books, swedish):
    duty = {
        "migrationsverket": "act-child-duty-mv",
        "forsakringskassan": "act-child-duty-fk",
        "arbetsformedlingen": "act-child-duty-af",
        "kronofogden": "act-child-duty-kfm",
    }
    for agency, item_id in duty.items():
        items = {item.id: item for item in books["sv", agency].items}
        assert item_id in items
        assert not (set(duty.values()) - {item_id}) & set(items)  # only its own agency's
        body = items[item_id].body
        assert "2025:400" in body
        assert body.startswith("**Ja.**") or "inte hittat en källa" in body
        report = items["act-child-report"].body
        assert "skyldighet eller rekommendation" not in report
