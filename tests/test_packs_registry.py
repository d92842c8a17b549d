"""The registry: shipped plus installed packs, install from folder or zip, update, remove."""

import os
import stat
import zipfile
from pathlib import Path

import pytest

from tests.test_packs_helpers import FIXTURES, copy_pack, english, resign  # noqa: F401
from vaaldstod import paths
from vaaldstod.packs import PackError, PackNotFound, PackNotRemovable, Registry, pack_files

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def shipped(tmp_path) -> Path:
    """A stand-in for vaaldstod/guides with two packs, one of them broken."""
    folder = tmp_path / "shipped"
    copy_pack("guide", folder / "guide")
    copy_pack("checklist", folder / "broken")
    (folder / "broken" / "items.toml").write_text("not = [valid\n", encoding="utf-8")
    return folder


@pytest.fixture
def registry(shipped) -> Registry:
    return Registry(shipped_dir=shipped)


def with_version(tmp_path: Path, fixture: str, version: str) -> Path:
    folder = copy_pack(fixture, tmp_path / f"{fixture}-{version}")
    manifest = folder / "pack.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('version = "1.0.0"', f'version = "{version}"'), "utf-8")
    return resign(folder)


def zipped(tmp_path: Path, entries: dict[str, bytes], name: str = "pack.zip") -> Path:
    archive = tmp_path / name
    with zipfile.ZipFile(archive, "w") as handle:
        for entry, data in entries.items():
            handle.writestr(entry, data)
    return archive


def fixture_entries(fixture: str, prefix: str = "") -> dict[str, bytes]:
    return {prefix + f.name: f.read_bytes() for f in (FIXTURES / fixture).iterdir()}


def installed_names() -> list[str]:
    return sorted(entry.name for entry in paths.packs_dir().iterdir())


def test_installed_packs_live_in_vaaldstod_home(home):
    assert Registry().installed_dir == home / "packs"


def test_lists_shipped_packs_and_reports_broken_ones(registry, shipped):
    assert [(p.id, p.origin) for p in registry.packs()] == [("test.guide", "shipped")]
    [error] = registry.broken
    assert error.problems[0].file == f"{shipped / 'broken'}/items.toml"
    assert error.problems[0].line == 1


def test_install_from_folder_then_list_and_get(registry, home):
    pack = registry.install(FIXTURES / "checklist")
    assert (pack.id, pack.origin, pack.overdue()) == ("test.checklist", "installed", True)
    assert installed_names() == ["test.checklist@1.0.0"]
    assert registry.get("test.checklist").folder == home / "packs" / "test.checklist@1.0.0"
    assert [p.id for p in registry.packs(kind="checklist")] == ["test.checklist"]
    # A fresh registry (another window, a restart) sees the same.
    assert Registry(shipped_dir=registry.shipped_dir).get("test.checklist").origin == "installed"


def test_update_replaces_an_older_version(registry, tmp_path):
    registry.install(FIXTURES / "checklist")
    registry.install(with_version(tmp_path, "checklist", "1.2.0"))
    assert registry.get("test.checklist").manifest.version == "1.2.0"
    assert installed_names() == ["test.checklist@1.2.0"]


def test_same_or_older_version_is_refused(registry, tmp_path):
    registry.install(with_version(tmp_path, "checklist", "1.10.0"))
    for version in ("1.10.0", "1.9.0"):
        with pytest.raises(PackError) as caught:
            registry.install(with_version(tmp_path / "again", "checklist", version))
        assert caught.value.problems[0].field == "version"
    assert installed_names() == ["test.checklist@1.10.0"]


def test_newer_installed_version_overrides_a_shipped_one(registry, tmp_path):
    with pytest.raises(PackError, match="already ships version 1.0.0"):
        registry.install(FIXTURES / "guide")
    registry.install(with_version(tmp_path, "guide", "1.0.1"))
    assert (registry.get("test.guide").origin, registry.get("test.guide").manifest.version) == (
        "installed",
        "1.0.1",
    )
    registry.remove("test.guide")
    assert registry.get("test.guide").origin == "shipped"


def test_invalid_pack_is_refused_before_anything_is_written(registry, tmp_path):
    folder = with_version(tmp_path, "checklist", "2.0.0")
    (folder / "items.toml").write_text("[[items]]\nid = 'x'\n", encoding="utf-8")
    with pytest.raises(PackError):
        registry.install(folder)
    assert installed_names() == []


def test_remove(registry):
    registry.install(FIXTURES / "checklist")
    registry.remove("test.checklist")
    assert installed_names() == []
    with pytest.raises(PackNotFound):
        registry.get("test.checklist")
    with pytest.raises(PackNotFound):
        registry.remove("test.checklist")
    with pytest.raises(PackNotRemovable):
        registry.remove("test.guide")


def test_install_from_zip_at_top_or_in_one_folder(registry, tmp_path):
    registry.install(zipped(tmp_path, fixture_entries("checklist")))
    assert registry.get("test.checklist").manifest.version == "1.0.0"
    registry.remove("test.checklist")
    entries = fixture_entries("checklist", prefix="checklist/")
    entries["checklist/README.md"] = b"ignored"
    registry.install(zipped(tmp_path, entries, "nested.zip"))
    assert sorted(os.listdir(registry.get("test.checklist").folder)) == [
        "items.toml",
        "pack.sig",
        "pack.toml",
    ]


@pytest.mark.parametrize(
    "evil",
    ["../evil.toml", "/etc/evil.toml", "a/../../evil.toml", "..\\evil.toml", "C:/evil.toml"],
)
def test_zip_slip_is_refused(registry, tmp_path, evil):
    entries = fixture_entries("checklist")
    entries[evil] = b"x = 1\n"
    with pytest.raises(PackError, match="outside the pack"):
        registry.install(zipped(tmp_path, entries))
    assert installed_names() == []
    assert not (tmp_path / "evil.toml").exists()


def test_zip_with_a_symlink_is_refused(registry, tmp_path):
    archive = zipped(tmp_path, fixture_entries("checklist"))
    link = zipfile.ZipInfo("items2.toml")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(archive, "a") as handle:
        handle.writestr(link, "/etc/passwd")
    with pytest.raises(PackError, match="a link"):
        registry.install(archive)


def test_size_limits(registry, tmp_path, monkeypatch):
    monkeypatch.setattr(pack_files, "MAX_FILE_BYTES", 200)
    with pytest.raises(PackError, match="larger than"):
        registry.install(FIXTURES / "checklist")
    with pytest.raises(PackError, match="larger than"):
        registry.install(zipped(tmp_path, fixture_entries("checklist")))
    monkeypatch.setattr(pack_files, "MAX_FILE_BYTES", 1 << 20)
    monkeypatch.setattr(pack_files, "MAX_TOTAL_BYTES", 600)
    with pytest.raises(PackError, match="larger than a pack may be"):
        registry.install(FIXTURES / "checklist")
    assert installed_names() == []


def test_a_zip_bomb_is_stopped_at_the_limit(registry, tmp_path, monkeypatch):
    monkeypatch.setattr(pack_files, "MAX_FILE_BYTES", 10_000)
    entries = fixture_entries("checklist")
    entries["padding.toml"] = b"# " + b"x" * 1_000_000
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as handle:
        for name, data in entries.items():
            handle.writestr(name, data)
    assert archive.stat().st_size < 10_000
    with pytest.raises(PackError, match="larger than"):
        registry.install(archive)


def test_damaged_zip_and_odd_file_names(registry, tmp_path):
    archive = zipped(tmp_path, fixture_entries("checklist"))
    archive.write_bytes(archive.read_bytes()[:-30])
    with pytest.raises(PackError):
        registry.install(archive)
    entries = fixture_entries("checklist")
    entries["my items.toml"] = b""
    with pytest.raises(PackError, match="file names"):
        registry.install(zipped(tmp_path, entries, "odd.zip"))


def test_leftovers_of_an_interrupted_install_are_ignored_and_swept(registry):
    copy_pack("checklist", paths.packs_dir() / ".staging-abc")
    assert [p.id for p in registry.packs()] == ["test.guide"]
    registry.install(FIXTURES / "checklist")
    assert installed_names() == ["test.checklist@1.0.0"]


def test_two_installed_versions_newest_wins(registry):
    # An install interrupted after the rename but before the old folder was removed.
    copy_pack("checklist", paths.packs_dir() / "test.checklist@1.0.0")
    newer = copy_pack("checklist", paths.packs_dir() / "test.checklist@1.1.0")
    manifest = newer / "pack.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('"1.0.0"', '"1.1.0"'), "utf-8")
    resign(newer)
    assert registry.get("test.checklist").manifest.version == "1.1.0"
