"""A template from an installed pack cannot freeze the app: huge powers and repeats are
refused at once, nested loops stop after RENDER_SECONDS, text after MAX_OUTPUT characters."""

from __future__ import annotations

import time

import pytest

from vaaldstod import templates
from vaaldstod.templates import Template, UnsafeTemplate, render


@pytest.fixture
def body(monkeypatch):
    """body(text) makes `render("slow", …)` render `text` as a plain-text template."""

    def use(text: str) -> None:
        found = Template("slow", "test.pack", "sv", "Slow", "text", text)
        monkeypatch.setattr(templates, "find_template", lambda *args, **kwargs: found)

    return use


@pytest.mark.parametrize(
    "text",
    [
        "{{ 9 ** (9 ** 8) }}",
        "{{ 10 ** 100000 }}",
        "{{ 'x' * 10 ** 9 }}",
        "{{ [1] * 999999999 }}",
        "{{ 999999999 * 'ab' }}",
    ],
)
def test_huge_powers_and_repeats_are_refused_at_once(body, text):
    body(text)
    started = time.monotonic()
    with pytest.raises(UnsafeTemplate):
        render("slow", "sv")
    assert time.monotonic() - started < 1.0


def test_nested_loops_are_stopped_after_the_time_limit(body, monkeypatch):
    monkeypatch.setattr(templates, "RENDER_SECONDS", 0.3)
    letters = "x" * 5000
    body(
        "{% set s = '" + letters + "' %}"
        "{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}"
    )
    started = time.monotonic()
    with pytest.raises(UnsafeTemplate, match="too long"):
        render("slow", "sv")
    assert time.monotonic() - started < 3.0


def test_endless_text_is_stopped_at_the_size_limit(body, monkeypatch):
    monkeypatch.setattr(templates, "MAX_OUTPUT", 10_000)
    body(
        "{% set s = '"
        + "y" * 300
        + "' %}{% for a in s %}{% for b in s %}ord {% endfor %}{% endfor %}"
    )
    with pytest.raises(UnsafeTemplate):
        render("slow", "sv")


def test_ordinary_arithmetic_still_works(body):
    body("{{ 2 ** 10 }} {{ 'ab' * 3 }} {{ 3 * 4 }}")
    assert render("slow", "sv") == "1024 ababab 12"


def test_the_trace_used_for_the_limit_is_given_back(body):
    import sys

    before = sys.gettrace()
    body("{{ 1 }}")
    render("slow", "sv")
    assert sys.gettrace() is before
