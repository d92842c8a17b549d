"""Exercise packs and the exercises core: shipped cases, slides, summaries, the pack writer."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaaldstod import i18n, paths
from vaaldstod.exercises import (
    ExerciseDraft,
    HandbookLink,
    Slides,
    StageDraft,
    broken_links,
    build,
    exercise_html,
    export,
    full_handbook,
    load_exercises,
    preview,
    session_summary_html,
)
from vaaldstod.exercises.toml_text import dumps
from vaaldstod.packs import PackError, Registry, load_pack, trust
from vaaldstod.packs.sensitive_text import PHONE_NUMBER
from vaaldstod.vault import ExerciseSession

SHIPPED = sorted(paths.shipped_packs_dir().glob("exercise-*"))
# The brief's own test for a real-looking personal identity number, on the raw file text.
PERSONAL_NUMBER = re.compile(r"\d{6}[-+]?\d{4}")
FICTIONAL_MARKERS = ("Exempel", "Test", "Påhitt", "Fiktiv")
CASES = {
    "wage-garnishment",
    "sickness-benefit",
    "jobseeker",
    "asylum-interpreter",
    "honour",
    "child",
    "dependent",
    "man-partner",
    "uses-violence",
    "protected-data",
    "colleague",
    "trafficking",
    "supported-employment",
}


@pytest.fixture(autouse=True)
def english():
    """Headings and messages in English; afterwards the language exactly as it was."""
    before = (i18n._current, i18n._translations)
    i18n.set_language("en")
    yield
    i18n._current, i18n._translations = before


@pytest.fixture(scope="module")
def handbooks():
    return {language: full_handbook(language) for language in ("sv", "en")}


def _texts(value, path=()):
    """Every text in parsed TOML with its path; citations left out (a quote is evidence)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "sources":
                yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def test_thirteen_cases_ship_one_pack_each():
    assert len(SHIPPED) >= 13
    found = set()
    for folder in SHIPPED:
        pack = load_pack(folder)
        assert pack.kind == "exercise"
        assert pack.id == f"vaaldstod.exercise.{folder.name.removeprefix('exercise-')}"
        manifest = pack.manifest
        assert manifest.languages == ("sv", "en")
        assert manifest.version == "1.0.0"
        assert manifest.publisher == "Våldstöd-projektet"
        assert manifest.review_by == datetime.date(2027, 6, 30)
        assert manifest.licence == "CC-BY-4.0"
        [exercise] = pack.content["exercises"]  # one case per pack, to share one by one
        found.add(exercise["id"])
    assert CASES <= found


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_shipped_case_is_complete_and_links_to_real_handbook_items(language, handbooks):
    exercises = load_exercises(language)
    assert {exercise.id for exercise in exercises} >= CASES
    for exercise in exercises:
        assert exercise.title and exercise.case and exercise.goals and exercise.questions
        assert exercise.duration_minutes and exercise.duration_minutes >= sum(
            stage.minutes or 0 for stage in exercise.stages
        )
        assert len(exercise.stages) >= 3, exercise.id
        for stage in exercise.stages:
            assert stage.title and stage.facts and stage.questions and stage.notes
            assert stage.minutes and stage.handbook, (exercise.id, stage.id)
        assert exercise.sources
        assert not broken_links(exercise, handbooks[language]), exercise.id


@pytest.mark.parametrize("folder", SHIPPED, ids=lambda folder: folder.name)
def test_no_personal_or_phone_numbers_and_obviously_fictional_people(folder):
    for file in folder.glob("*.toml"):
        raw = file.read_text(encoding="utf-8")
        assert not PERSONAL_NUMBER.search(raw), file
        for path, text in _texts(tomllib.loads(raw)):
            assert not PHONE_NUMBER.search(text), (file.name, path, text)
            assert not PERSONAL_NUMBER.search(text), (file.name, path, text)
    case = load_pack(folder).content["exercises"][0]["case"]
    for language, text in case.items():
        assert any(marker in text for marker in FICTIONAL_MARKERS), (folder.name, language)


def _web_citations(value):
    if isinstance(value, dict):
        if "url" in value and "checked" in value:
            yield (value["url"], value["title"], value["checked"], value["quote"])
        for item in value.values():
            yield from _web_citations(item)
    elif isinstance(value, list):
        for item in value:
            yield from _web_citations(item)


# Pages a case cites for what the handbook does not cover (issue 23: the exit ban, the asylum
# pact, confidentiality at Försäkringskassan, sanctions, the new Social Services Act, …). Each
# was read for that case; adding one here is a deliberate, reviewed step.
CASE_ONLY_PAGES = {
    "http://data.riksdagen.se/dokument/HD0312.html",
    "http://docplayer.se/107012779-Underrattelser-och-sanktioner-for-personer-med-aktivitetsstod-rapport-2017-7.html",
    "https://iaf.se/lag-ratt/regelsamlingar/forsakringsbestammelser/avsnitt-12---varning-och-avstangning/",
    "https://lagen.nu/avg/jo/2042-2006",
    "https://lagen.nu/avg/jo/2203-2012",
    "https://lagen.nu/avg/jo/5254-2016",
    "https://skovde.se/socialt-stod/Vald-i-nara-relation/hedersrelaterat-fortryck-och-vald/for-dig-som-ar-yrkesverksam/akut/riskerar-att-foras-utomlands/",
    "https://vaxjo.se/sidor/stod-och-omsorg/nyheter---stod-och-omsorg/arkiv/2020-11-05-beslut-om-utreseforbud-utifran-lagandring-i-lvu.html",
    "https://www.dagensarena.se/innehall/indraget-underhallsstod-okar-risk-konflikter-och-ekonomisk-oro/",
    "https://www.forsakringskassan.se/om-forsakringskassan/offentlighet-och-sekretess",
    "https://www.jo.se/besluten/allvarlig-kritik-mot-forsakringskassan-for-bl-a-bristande-hantering-av-sekretesskyddade-uppgifter/",
    "https://www.lansstyrelsen.se/vasternorrland/om-oss/nyheter-och-press/nyheter---vasternorrland/2022-11-03-infor-brottsofferkonferensen-det-viktiga-stodet-till-brottsoffer.html",
    "https://www.migrationsverket.se/en/about-the-swedish-migration-agency/the-swedish-migration-agency-answers/2025/2025-06-18-what-is-the-new-eu-migration-and-asylum-pact-about.html",
}


def test_web_citations_are_the_handbooks_own():
    """A case teaches what the handbook says, so it cites the pages the handbook cites, or
    one of the few pages read for a case alone (`CASE_ONLY_PAGES`), never a blog or a trash
    page."""
    handbook = set()
    for kind in ("guide", "checklist", "directory"):
        for pack in Registry().packs(kind):
            handbook |= set(_web_citations(dict(pack.content)))
    for folder in SHIPPED:
        for citation in _web_citations(dict(load_pack(folder).content)):
            assert citation in handbook or citation[0] in CASE_ONLY_PAGES, (folder.name, citation)
            assert "__trashed" not in citation[0] and "aidemokraten" not in citation[0]


def test_slides_keep_the_leaders_notes_off_the_group_screen(handbooks):
    for exercise in load_exercises("sv"):
        slides = Slides(exercise, handbooks["sv"])
        assert len(slides) == len(exercise.stages) + 3  # note, case, stages, debrief
        for index, stage in enumerate(exercise.stages, start=Slides.CASE + 1):
            group, notes = slides.group_html(index), slides.notes_html(index)
            assert stage.title in slides.heading(index)
            assert all(_escaped(fact) in group for fact in stage.facts)
            first_line = stage.notes.split("\n")[0].replace("**", "")[:30]
            assert first_line not in group
            for question in stage.questions:
                if question.discussion:
                    assert question.discussion[:25] not in group
                    assert _escaped(question.discussion[:25]) in notes
        debrief = slides.group_html(len(slides) - 1)
        assert all(_escaped(q.text) in debrief for q in exercise.questions)


def _escaped(text: str) -> str:
    import html

    return html.escape(text)


def test_leader_view_and_session_summary(handbooks):
    exercise = next(e for e in load_exercises("en") if e.id == "child")
    page = exercise_html(exercise, handbooks["en"])
    assert "Report of concern" in page and "Facilitator notes" in page and "Sources" in page
    held = datetime.date(2026, 3, 2)
    session = ExerciseSession(1, held, exercise.key, 7, "Ask everyone.\nReport.")
    summary = session_summary_html(session, exercise, handbooks["en"])
    assert "EXERCISE – fictional case" in summary
    assert exercise.title in summary and ">7<" in summary and "Ask everyone." in summary
    unknown = session_summary_html(
        ExerciseSession(2, datetime.date(2026, 3, 2), "gone/pack", 3, ""), None
    )
    assert "gone/pack" in unknown


# -- the pack writer ------------------------------------------------------------------------


def _draft(**changes) -> ExerciseDraft:
    draft = ExerciseDraft(
        language="sv",
        title="Fallet Övningsperson Ö",
        case="Övningsperson Ö i Fiktiva kommun har skulder.",
        goals=["Fråga om våld.", "  ", "Hänvisa."],
        duration_minutes=30,
        stages=[
            StageDraft("Mötet", ["Ö kommer ensam.", "Ö är rädd."], ["Vad gör ni?"], "Fråga.", 10),
            StageDraft("Svaret", ["Ö berättar."], ["Hur svarar ni?"], "Ta emot **lugnt**.", 10),
        ],
        questions=["Vad tar du med dig?"],
        handbook=[HandbookLink("ask", "ask-info-first"), HandbookLink("refer")],
        publisher="Kontoret i Fiktiva kommun",
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def test_a_draft_builds_a_valid_pack_with_the_handbook_items_sources(handbooks):
    pack, files = build(_draft(), handbooks["sv"])
    assert pack.id == "office.exercise.fallet-ovningsperson-o"
    assert pack.manifest.languages == ("sv",)
    [record] = pack.records("exercises", "sv")
    assert record["goals"] == ["Fråga om våld.", "Hänvisa."]
    assert [stage["id"] for stage in record["stages"]] == ["stage-1", "stage-2"]
    item = next(i for i in handbooks["sv"].items if i.id == "ask-info-first")
    assert record["sources"] == [dict(source) for source in item.sources]
    assert set(files.files) == {"pack.toml", "exercise.toml"}


def test_blank_fields_and_personal_numbers_are_refused(handbooks):
    with pytest.raises(PackError) as refused:
        build(_draft(title=" ", stages=[StageDraft()], handbook=[]), handbooks["sv"])
    fields = {problem.field for problem in refused.value.problems}
    assert {"title", "stages[1].title", "stages[1].facts", "handbook"} <= fields
    with pytest.raises(PackError) as refused:
        # Built here so that no real-looking personal identity number stands in the code.
        number = "85" + "0101" + "-" + "1234"
        build(_draft(case=f"Personnummer {number}, ring 0470-12 34 56."), handbooks["sv"])
    assert "fictional" in str(refused.value)


@pytest.mark.parametrize("name", ["case.zip", "case-folder"])
def test_export_writes_a_pack_another_office_can_install(tmp_path, name, handbooks, vault):
    target = tmp_path / "out" / name
    target.parent.mkdir()
    export(_draft(), target, handbooks["sv"])
    assert load_pack(target).id == "office.exercise.fallet-ovningsperson-o"
    other_office = Registry(shipped_dir=tmp_path / "none", installed_dir=tmp_path / "installed")
    (tmp_path / "installed").mkdir()
    # A case an office wrote is unsigned: the other office accepts it with its vault unlocked.
    with trust.use_office_trust(trust.VaultTrust(vault)):
        installed = other_office.install(target, accept_unsigned=True)
    assert installed.origin == "installed"
    with trust.use_office_trust(trust.VaultTrust(vault)):
        other_office.refresh()
        [exercise] = load_exercises("sv", other_office)
    assert exercise.title == "Fallet Övningsperson Ö" and len(exercise.stages) == 2
    assert [p.name for p in target.parent.iterdir()] == [name]  # no temporary files left


def test_export_refuses_to_overwrite_a_folder_and_writes_nothing_when_invalid(tmp_path, handbooks):
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep")
    with pytest.raises(PackError):
        export(_draft(), folder, handbooks["sv"])
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]
    with pytest.raises(PackError):
        export(_draft(title=""), tmp_path / "bad.zip", handbooks["sv"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_preview_shows_an_unfinished_draft():
    exercise = preview(_draft(title="", stages=[StageDraft(title="Bara en rubrik")]))
    assert exercise.stages[0].title == "Bara en rubrik" and exercise.stages[0].facts == ()
    assert "Bara en rubrik" in exercise_html(exercise)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(st.dictionaries(st.sampled_from(["title", "body", "x-y", "på"]), _TEXT, min_size=1))
def test_toml_writer_round_trips_any_text(table):
    document = {
        "plain": table,
        "items": [{"id": "a", "text": table, "facts": [table]}],
        "when": datetime.date(2027, 6, 30),
        "n": 3,
    }
    assert tomllib.loads(dumps(document)) == document


def test_the_exercises_core_does_not_import_qt():
    code = (
        "import sys, vaaldstod.exercises, vaaldstod.exercises.writer; "
        "assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])
