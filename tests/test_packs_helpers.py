"""Shared by the pack tests: the fixture packs, and messages in English (the source strings)."""

import shutil
from pathlib import Path

import pytest

from vaaldstod.i18n import DEFAULT_LANGUAGE, set_language

FIXTURES = Path(__file__).parent / "fixtures" / "packs"


@pytest.fixture
def english():
    """Show messages untranslated, so assertions hold whatever the catalogs say."""
    set_language("en")
    yield
    set_language(DEFAULT_LANGUAGE)


def copy_pack(fixture: str, target: Path) -> Path:
    """A writable copy of a fixture pack."""
    shutil.copytree(FIXTURES / fixture, target)
    return target


TEST_KEY = Path(__file__).parent / "fixtures" / "keys" / "test-publisher.key"


def resign(folder: Path) -> Path:
    """Sign a changed copy of a fixture again with the throwaway test key (trusted in tests)."""
    from vaaldstod.packs import signing
    from vaaldstod.packs.pack_files import read_pack_files

    private = signing.read_private_key(TEST_KEY)
    signing.sign_folder(folder, private, read_pack_files(folder).files)
    return folder
