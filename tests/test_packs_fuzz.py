"""Whatever bytes a pack holds, loading it ends in a pack or a PackError, never another error."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_packs_helpers import FIXTURES
from vaaldstod.packs import PackError
from vaaldstod.packs.loader import parse_pack
from vaaldstod.packs.pack_files import PackFiles

GUIDE = {path.name: path.read_bytes() for path in (FIXTURES / "guide").iterdir()}
INSTRUMENT = {path.name: path.read_bytes() for path in (FIXTURES / "instrument").iterdir()}
TOML_CHARS = string.ascii_letters + string.digits + " \n\t=[]{}.\"',#-_:åäö\\"


def outcome(files: dict[str, bytes]) -> str:
    try:
        parse_pack(PackFiles("fuzz", files))
    except PackError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file and problem.message
            assert problem.line is None or problem.line >= 1
        return "refused"
    return "loaded"


@st.composite
def mangled(draw, source: bytes) -> bytes:
    """`source` with a random slice deleted, duplicated or replaced, or cut short."""
    start = draw(st.integers(0, len(source)))
    end = draw(st.integers(start, min(len(source), start + 40)))
    action = draw(st.sampled_from(["delete", "duplicate", "replace", "truncate"]))
    if action == "delete":
        return source[:start] + source[end:]
    if action == "duplicate":
        return source[:end] + source[start:end] + source[end:]
    if action == "truncate":
        return source[:start]
    junk = draw(st.text(TOML_CHARS, max_size=20)).encode()
    return source[:start] + junk + source[end:]


quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@quick
@given(st.binary(max_size=300))
def test_random_bytes_as_manifest(data):
    outcome({**GUIDE, "pack.toml": data})


@quick
@given(st.binary(max_size=300))
def test_random_bytes_as_content(data):
    outcome({**GUIDE, "20-items.toml": data})


@quick
@given(st.text(TOML_CHARS, max_size=300))
def test_random_toml_like_text_as_content(text):
    outcome({**GUIDE, "20-items.toml": text.encode()})


@quick
@given(st.data())
def test_mangled_fixture_files(data):
    files = dict(data.draw(st.sampled_from([GUIDE, INSTRUMENT])))
    name = data.draw(st.sampled_from(sorted(files)))
    files[name] = data.draw(mangled(files[name]))
    outcome(files)


def test_deep_nesting_is_refused_not_crashed():
    assert outcome({**GUIDE, "20-items.toml": b"x = " + b"[" * 5000}) == "refused"
    assert outcome({**GUIDE, "20-items.toml": b"x = " + b"[" * 500 + b"]" * 500}) == "refused"


def test_unmangled_fixtures_load():
    assert outcome(GUIDE) == outcome(INSTRUMENT) == "loaded"
