"""The TOML line locator: table headers, arrays of tables, dotted keys, multi-line values."""

import tomllib

import pytest

from vaaldstod.packs.locate import key_lines, line_of

TEXT = '''\
schema = 1
title.sv = "Titel"   # a dotted key
[[items]]
id = "first"
body = """
[[items]]
id = "not a key: inside a string"
"""
[[items.sources]]
doc = "a.txt"
[[items.sources]]
doc = "b.txt"

[[items]]
id = "second"
tags = [
  "x = y",
  "z",
]
"quoted.key" = 'v'
inline = { sv = "a", en = "b" }
[[items.sources]]
doc = "c.txt"
[scoring]
method = "sum"
[[scoring.bands]]
min = 0
[[scoring.bands]]
min = 3
'''


@pytest.fixture(scope="module")
def lines():
    tomllib.loads(TEXT)  # the locator is only ever given text tomllib accepted
    return key_lines(TEXT)


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("schema",), 1),
        (("title", "sv"), 2),
        (("title",), 2),
        (("items", 0), 3),
        (("items", 0, "id"), 4),
        (("items", 0, "body"), 5),
        (("items", 0, "sources", 0, "doc"), 10),
        (("items", 0, "sources", 1), 11),
        (("items", 0, "sources", 1, "doc"), 12),
        (("items", 1), 14),
        (("items", 1, "id"), 15),
        (("items", 1, "tags"), 16),
        (("items", 1, "quoted.key"), 20),
        (("items", 1, "inline"), 21),
        (("items", 1, "sources", 0, "doc"), 23),
        (("scoring", "method"), 25),
        (("scoring", "bands", 1, "min"), 29),
    ],
)
def test_finds_the_line_of_each_key(lines, path, line):
    assert line_of(lines, path) == line


def test_text_inside_strings_and_arrays_is_not_mistaken_for_keys(lines):
    # Line 6 and 7 look like a header and a key but sit inside a multi-line string.
    assert ("items", 2) not in lines
    assert line_of(lines, ("items", 0, "id")) == 4
    assert all(line not in (17, 18) for line in lines.values())


def test_missing_fields_fall_back_to_the_nearest_parent(lines):
    assert line_of(lines, ("items", 1, "title", "en")) == 14
    assert line_of(lines, ("items", 1, "inline", "de")) == 21
    assert line_of(lines, ("items", 0, "sources", 0, "quote")) == 9
    assert line_of(lines, ("nowhere",)) == 1


def test_header_with_spaces_quotes_and_comment():
    text = '[ "odd key" . inner ]  # comment\nvalue = 1\n[[ list ]]\nx = 1\n'
    tomllib.loads(text)
    lines = key_lines(text)
    assert lines[("odd key", "inner", "value")] == 2
    assert lines[("list", 0, "x")] == 4


def test_literal_multiline_strings_and_escaped_quotes():
    text = 'a = \'\'\'\n[[fake]]\n\'\'\'\nb = "say \\"hi\\" = ok"\nc = """x\\""""\nd = 1\n'
    tomllib.loads(text)
    lines = key_lines(text)
    assert ("fake", 0) not in lines
    assert lines[("b",)] == 4
    assert lines[("d",)] == 6


def test_windows_line_endings():
    text = "a = 1\r\n[[items]]\r\nid = 'x'\r\n"
    tomllib.loads(text)
    assert key_lines(text)[("items", 0, "id")] == 3
