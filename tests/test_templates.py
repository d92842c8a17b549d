"""Journal notes from the walk-through answers, and the sandbox around every template."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_packs_helpers import FIXTURES, copy_pack, resign
from vaaldstod import paths
from vaaldstod.packs import Registry
from vaaldstod.templates import (
    CONSENTS,
    FORMS,
    InvalidAnswers,
    TemplateError,
    TemplateNotFound,
    UnsafeTemplate,
    WalkthroughAnswers,
    render,
    render_journal,
)

MEETING = datetime.date(2026, 11, 23)
SHIPPED_CATEGORIES = sorted(
    {
        entry["category"]
        for pack in Registry(installed_dir=FIXTURES / "none").packs("directory")
        for entry in pack.content["entries"]
    }
)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The shipped packs, with an empty folder of installed ones."""
    return Registry(paths.shipped_packs_dir(), tmp_path_factory.mktemp("installed"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The fixture packs, one of which holds templates that try to leave the sandbox."""
    return Registry(FIXTURES, tmp_path_factory.mktemp("installed"))


def answers(**changes) -> WalkthroughAnswers:
    values = {
        "asked": "routine",
        "disclosed": "yes",
        "agency": "kronofogden",
        "meeting_date": MEETING,
        "forms": ["economic", "psychological"],
        "children_affected": True,
        "referrals": [("womens_shelter", "given")],
    }
    return WalkthroughAnswers(**{**values, **changes})


def test_journal_in_swedish_states_the_facts(shipped):
    text = render_journal(answers(), "sv", registry=shipped)
    assert text.splitlines() == [
        "Anteckning från mötet den 23 november 2026.",
        "Frågan om våld ställdes rutinmässigt.",
        "Klienten berättade om ekonomiskt och psykiskt våld.",
        "Barn berörs.",
        "Hänvisning till kvinnojour lämnades med klientens samtycke.",
    ]


def test_journal_records_whether_and_when_a_report_of_concern_was_made(shipped):
    # Issue 19: the note recorded an intention ("ska göras"), not what was done.
    expected = {
        "made_at_meeting": (
            "Barn berörs. Orosanmälan till socialtjänsten gjordes den 23 november 2026.",
            "A report of concern was made to social services on 23 November 2026.",
        ),
        "made_before": ("hade gjorts före mötet", "had been made to social services before"),
        "not_made": ("Ingen orosanmälan till socialtjänsten hade gjorts", "No report of concern"),
    }
    for report, (sv, en) in expected.items():
        walkthrough = answers(child_report=report)
        sv_text = render_journal(walkthrough, "sv", registry=shipped)
        en_text = render_journal(walkthrough, "en", registry=shipped)
        assert sv in sv_text and en in en_text
        assert "ska göras" not in sv_text and "is to be made" not in en_text
    with pytest.raises(InvalidAnswers):
        answers(child_report="soon")
    with pytest.raises(InvalidAnswers):
        answers(children_affected=False, child_report="made_before")


def test_english_dates_are_british(shipped):
    text = render_journal(answers(), "en", registry=shipped)
    assert text.startswith("Note from the meeting on 23 November 2026.")


def test_journal_in_english_states_the_same_facts(shipped):
    text = render_journal(answers(), "en", registry=shipped)
    assert "The question about violence was asked routinely." in text
    assert "The client described economic and psychological violence." in text
    assert "Children are affected." in text
    assert "A referral to a women's shelter was given with the client's consent." in text


def test_question_not_asked_for_safety(shipped):
    not_asked = answers(
        asked="not_asked",
        not_asked_reason="unsafe",
        disclosed="no",
        forms=[],
        children_affected=False,
        referrals=[("police", "not_sought_unsafe")],
    )
    sv = render_journal(not_asked, "sv", registry=shipped)
    assert "Frågan om våld ställdes inte, eftersom det inte bedömdes som säkert att fråga." in sv
    assert "berättade" not in sv and "Barn" not in sv
    assert "Samtycke till hänvisning till Polisen efterfrågades inte" in sv
    en = render_journal(not_asked, "en", registry=shipped)
    assert "was not asked, because it was not judged safe to ask" in en


def test_signs_noted_when_the_client_did_not_tell(shipped):
    signs = answers(
        asked="indication",
        disclosed="no",
        forms=["physical", "trafficking"],
        referrals=[("victim_support", "refused")],
    )
    sv = render_journal(signs, "sv", registry=shipped)
    assert "Frågan om våld ställdes på indikation" in sv
    assert "Klienten berättade inte om våld." in sv
    assert "Tecken på fysiskt våld och människohandel noterades." in sv
    assert "Hänvisning till brottsofferjour erbjöds; klienten tackade nej." in sv
    en = render_journal(signs, "en", registry=shipped)
    assert "Signs of physical violence and human trafficking were noted." in en


@settings(max_examples=60, deadline=None)
@given(
    asked=st.sampled_from(["routine", "indication", "not_asked"]),
    reason=st.sampled_from([None, "unsafe", "interpreter", "other"]),
    disclosed=st.sampled_from(["yes", "no", "unsure"]),
    forms=st.lists(st.sampled_from(FORMS), unique=True),
    children=st.booleans(),
    referrals=st.lists(
        st.tuples(
            st.sampled_from(SHIPPED_CATEGORIES or ["womens_shelter"]), st.sampled_from(CONSENTS)
        )
    ),
    language=st.sampled_from(["sv", "en"]),
)
def test_every_answer_set_gives_a_factual_note(
    shipped, asked, reason, disclosed, forms, children, referrals, language
):
    walkthrough = answers(
        asked=asked,
        not_asked_reason=reason if asked == "not_asked" else None,
        disclosed=disclosed,
        forms=forms,
        children_affected=children,
        referrals=referrals,
    )
    text = render_journal(walkthrough, language, registry=shipped)
    # Violence is named for what it is; codes never leak into the note.
    for trivialising in ("bråk", "konflikt", "conflict", "quarrel", "dispute"):
        assert trivialising not in text.lower()
    assert "_" not in text and "{" not in text
    assert len(text.splitlines()) == 2 + bool(disclosed != "no" or asked != "not_asked") + (
        bool(forms) and disclosed != "yes"
    ) + children + len(referrals)


def test_the_directory_categories_are_known():
    # The note names each category of the shipped directory in words (checked above).
    assert "womens_shelter" in SHIPPED_CATEGORIES


def test_invalid_answers_are_refused():
    with pytest.raises(InvalidAnswers):
        answers(asked="sometimes")
    with pytest.raises(InvalidAnswers):
        answers(forms=["bråk"])
    with pytest.raises(InvalidAnswers):
        answers(referrals=[("police", "maybe")])
    with pytest.raises(InvalidAnswers):
        answers(not_asked_reason="unsafe")  # a reason only when the question was not asked


def test_customer_service_answer_is_a_fixed_text(shipped):
    sv = render("customer-service-answer", "sv", registry=shipped)
    en = render("customer-service-answer", "en", registry=shipped)
    for text in (sv, en):
        assert "020-50 50 50" in text and "112" in text
    assert sv.startswith("Tack för att du hör av dig.")
    assert "förbehållsbelopp" in en


def test_customer_service_answer_is_safe_to_send_and_says_when_anstand_is_granted(shipped):
    # Issue 19: an e-mail about violence with no safety caveat, and anstånd without its terms.
    sv = render("customer-service-answer", "sv", registry=shipped)
    en = render("customer-service-answer", "en", registry=shipped)
    first_sv, first_en = sv.split("\n\n")[1], en.split("\n\n")[1]
    assert "radera" in first_sv and "säkert" in first_sv
    assert "delete" in first_en and "safely" in first_en
    assert "går med på det" in sv and "särskilda skäl" in sv
    assert "agrees" in en and "special reasons" in en
    assert "Bank-id" not in sv and "BankID" in sv


def test_unknown_template(shipped):
    with pytest.raises(TemplateNotFound):
        render_journal(answers(), "sv", template_id="no-such-template", registry=shipped)


@pytest.mark.parametrize("template_id", ["reach-class", "reach-globals"])
def test_reaching_python_internals_is_refused(hostile, template_id):
    with pytest.raises(UnsafeTemplate):
        render_journal(answers(), "sv", template_id=template_id, registry=hostile)


def test_calling_os_is_refused(hostile):
    with pytest.raises(TemplateError):
        render_journal(answers(), "sv", template_id="call-os", registry=hostile)


def test_html_templates_escape_the_answers(hostile):
    text = render_journal(
        answers(agency="<script>alert(1)</script>"), "en", "html-note", registry=hostile
    )
    assert text == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_plain_text_journal_is_not_escaped(tmp_path, shipped):
    office = copy_pack("templates-hostile", tmp_path / "office")
    manifest = office / "pack.toml"
    manifest.write_text(
        manifest.read_text("utf-8").replace("test.templates.unsafe", "office.templates"), "utf-8"
    )
    templates = office / "templates.toml"
    text = templates.read_text("utf-8").replace('"reach-class"', '"journal-walkthrough"')
    templates.write_text(text.replace("{{ ''.__class__.__mro__ }}", "Ärende & {{ agency }}"))
    registry = Registry(paths.shipped_packs_dir(), paths.packs_dir())
    registry.install(resign(office))
    # The office's own journal template wins over the shipped one, and text is not escaped.
    assert render_journal(answers(agency="A&B"), "sv", registry=registry) == "Ärende & A&B"
