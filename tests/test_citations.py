"""Every citation of a source report in a shipped pack quotes it where it says it does."""

import tomllib
from pathlib import Path

import pytest

from tests import needs
from vaaldstod import paths
from vaaldstod.packs import PackError, load_pack
from vaaldstod.packs.locate import key_lines, line_of

SOURCES = Path(__file__).parents[2] / "shared" / "sources"
PACKS = sorted(folder for folder in paths.shipped_packs_dir().iterdir() if folder.is_dir())
WINDOW = 3  # the quote may stand this many lines before or after the cited line


def collapse(text: str) -> str:
    return " ".join(text.split())


def citations(value, path=()):
    """Every table with a `doc` key inside a parsed TOML file, with its path."""
    if isinstance(value, dict):
        if "doc" in value:
            yield path, value
        for key, item in value.items():
            yield from citations(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from citations(item, (*path, index))


@pytest.fixture(scope="module")
def sources() -> dict[str, list[str]]:
    needs.folder(SOURCES, "the source reports")
    return {
        path.name: path.read_text(encoding="utf-8").split("\n") for path in SOURCES.glob("*.txt")
    }


@pytest.mark.parametrize("folder", PACKS, ids=lambda folder: folder.name)
def test_doc_citations_quote_their_source(folder, sources):
    # Read the TOML directly, so a pack that fails validation still has its citations checked.
    wrong = []
    for file in sorted(folder.glob("*.toml")):
        text = file.read_text(encoding="utf-8")
        lines = key_lines(text)
        for path, source in citations(tomllib.loads(text)):
            where = f"{file.relative_to(folder.parent)}:{line_of(lines, (*path, 'doc'))}"
            doc, line, quote = source.get("doc"), source.get("line"), source.get("quote")
            if doc not in sources:
                wrong.append(f"{where}: no source report named {doc!r}")
                continue
            report = sources[doc]
            if not isinstance(line, int) or not 1 <= line <= len(report):
                wrong.append(f"{where}: {doc} has no line {line!r}")
                continue
            window = collapse(" ".join(report[max(0, line - 1 - WINDOW) : line + WINDOW]))
            if not isinstance(quote, str) or collapse(quote) not in window:
                wrong.append(f"{where}: {quote!r} is not within {WINDOW} lines of {doc}:{line}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("folder", PACKS, ids=lambda folder: folder.name)
def test_every_shipped_pack_validates(folder):
    try:
        pack = load_pack(folder)
    except PackError as error:
        pytest.fail(str(error), pytrace=False)
    assert pack.id.startswith("vaaldstod.")


def test_journal_templates_ship():
    assert paths.shipped_packs_dir() / "journal-templates" in PACKS
