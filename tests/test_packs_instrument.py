"""Scoring a (made-up) instrument: a sum of answer points placed in a result band."""

import pytest

from tests.test_packs_helpers import FIXTURES
from vaaldstod.packs import PackError, load_pack
from vaaldstod.packs.instrument import score


@pytest.fixture(scope="module")
def instrument():
    return load_pack(FIXTURES / "instrument")


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ({"teacups": "never", "umbrella": "never", "pigeons": "never"}, 0, "low"),
        ({"teacups": "often", "umbrella": "never", "pigeons": "never"}, 2, "low"),
        ({"teacups": "often", "umbrella": "sometimes", "pigeons": "never"}, 3, "middle"),
        ({"teacups": "often", "umbrella": "often", "pigeons": "never"}, 4, "middle"),
        ({"teacups": "often", "umbrella": "often", "pigeons": "sometimes"}, 5, "high"),
        ({"teacups": "often", "umbrella": "often", "pigeons": "often"}, 6, "high"),
    ],
)
def test_sum_falls_in_the_band_whose_threshold_it_reaches(instrument, answers, total, band):
    result = score(instrument, answers, "sv")
    assert (result.total, result.band.id, result.unanswered) == (total, band, ())


def test_band_guidance_in_the_chosen_language(instrument):
    answers = {"teacups": "often", "umbrella": "often", "pigeons": "often"}
    english = score(instrument, answers, "en")
    assert (english.band.title, english.band.guidance) == ("High", "Raise with the team leader.")
    assert english.guidance == "A made-up scale for tests. It measures nothing."
    assert score(instrument, answers, "sv").band.title == "Hög"


def test_no_band_until_every_question_is_answered(instrument):
    result = score(instrument, {"teacups": "often"}, "sv")
    assert (result.total, result.band, result.unanswered) == (2, None, ("umbrella", "pigeons"))


def test_an_answer_the_scale_does_not_offer_is_refused(instrument):
    with pytest.raises(PackError):
        score(instrument, {"teacups": "always"}, "sv")


def test_only_scored_instruments_can_be_scored():
    with pytest.raises(PackError):
        score(load_pack(FIXTURES / "guide"), {}, "sv")


def test_questions_and_scales_read_like_other_records(instrument):
    [question] = [q for q in instrument.records("questions", "en") if q["id"] == "umbrella"]
    assert question["text"].startswith("How often")
    assert question["help"] == "Count **indoors** only."
    [scale] = instrument.records("scales", "sv")
    assert [option["label"] for option in scale["options"]] == ["Aldrig", "Ibland", "Ofta"]
