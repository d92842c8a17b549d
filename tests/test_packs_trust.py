"""Signed packs as an attacker with a minute at the laptop, and as an office, would meet them.

The two attacks of issue 16: a copied national directory with a planted number installed as a
.zip, and a copied folder with another id dropped beside the packs. Both must leave the sheets
printing 020-50 50 50, with a refusal or a warning.
"""

from __future__ import annotations

import datetime
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.test_packs_helpers import FIXTURES, copy_pack, resign
from vaaldstod import paths
from vaaldstod.cli import main
from vaaldstod.directory import Directory, OfficeEntries, OfficeProfile
from vaaldstod.directory.numbers import changes, confirm
from vaaldstod.directory.office_entries import move_into_vault
from vaaldstod.packs import PackError, PackUntrusted, Registry, publish, signing, trust
from vaaldstod.packs.pack_files import SIGNATURE
from vaaldstod.sheets.cli import printable
from vaaldstod.sheets.render import render_sheet
from vaaldstod.sheets.texts import sheet_languages
from vaaldstod.vault import Vault

KVINNOFRIDSLINJEN = "020-50 50 50"
PLANTED = "020-11 11 11"
NATIONAL = "directory-national"
# The office's own entry for Kvinnofridslinjen, giving another number than the shipped one.
OFFICE_NUMBER = {
    "id": "kvinnofridslinjen",
    "organisation": "Kvinnofridslinjen",
    "category": "national_helpline",
    "area": "national",
    "phone": PLANTED,
    "contact": "Ring.",
    "verified_on": "2026-11-20",
    "source": "Samtal med linjen 2026-11-20",
}


# -- helpers ----------------------------------------------------------------------------------


def shipped_copy(target: Path, folder: str = NATIONAL) -> Path:
    shutil.copytree(paths.shipped_packs_dir() / folder, target)
    return target


def plant_number(folder: Path, *, version: str | None = None, pack_id: str | None = None) -> Path:
    """The attack: Kvinnofridslinjen's number changed, maybe a new version or another id."""
    entries = folder / "entries.toml"
    entries.write_text(entries.read_text("utf-8").replace(KVINNOFRIDSLINJEN, PLANTED), "utf-8")
    manifest = folder / "pack.toml"
    text = manifest.read_text("utf-8")
    if version:
        text = text.replace('version = "1.0.0"', f'version = "{version}"')
    if pack_id:
        text = text.replace('id = "vaaldstod.directory.national"', f'id = "{pack_id}"')
    manifest.write_text(text, "utf-8")
    return folder


def zipped(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sorted(folder.iterdir()):
            handle.write(path, path.name)
    return archive


def sheet_html(directory: Directory, fmt: str = "a4") -> str:
    entries = printable(directory.entries("sv"), _any_place())
    return render_sheet(fmt, sheet_languages()["sv"], entries, OfficeProfile()).html


def _any_place():
    from vaaldstod.directory import Area

    return Area()


def kvinnofridslinjen(directory: Directory):
    return next(e for e in directory.entries("sv") if e.id == "kvinnofridslinjen")


@pytest.fixture
def office(vault):
    """The vault unlocked: the office's keys and acceptances count."""
    office = trust.VaultTrust(vault)
    with trust.use_office_trust(office):
        yield office


@pytest.fixture
def office_key(tmp_path):
    private = signing.generate_key()
    return private, signing.public_key(private, "Växjö kontor")


# -- signatures -------------------------------------------------------------------------------


def test_every_shipped_pack_verifies_against_a_shipped_key():
    registry = Registry(paths.shipped_packs_dir(), paths.packs_dir())
    folders = [p for p in paths.shipped_packs_dir().iterdir() if (p / "pack.toml").is_file()]
    assert not registry.broken, [str(e) for e in registry.broken]
    assert len(registry.packs()) == len(folders)
    shipped = {key.key_id for key in signing.load_keys(trust.TRUSTED_KEYS_DIR)}
    for pack in registry.packs():
        assert pack.trust.level == "publisher", pack.id
        assert pack.trust.key_id in shipped  # not the test key
    # Only public halves ship.
    for path in trust.TRUSTED_KEYS_DIR.iterdir():
        assert "PRIVATE" not in path.read_text("utf-8")


def test_a_signature_is_ed25519_over_every_file(tmp_path, office_key):
    private, public = office_key
    folder = copy_pack("checklist", tmp_path / "c")
    (folder / SIGNATURE).unlink()
    publish.sign_pack(folder, private, validate=False)
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    parsed = signing.parse_signature(files[SIGNATURE])
    assert set(parsed.files) == {"items.toml", "pack.toml"}
    assert public.verify(parsed.signature, parsed.message())
    assert not public.verify(parsed.signature, parsed.message() + b"x")
    # Signing again changes nothing: `make sign-packs` is idempotent.
    before = (folder / SIGNATURE).read_bytes()
    assert publish.sign_pack(folder, private, validate=False) is False
    assert (folder / SIGNATURE).read_bytes() == before


def _append_line(folder: Path) -> None:
    path = folder / "items.toml"
    path.write_bytes(path.read_bytes() + b"\n")


def _add_file(folder: Path) -> None:
    (folder / "extra.toml").write_text("items = []\n", "utf-8")


@pytest.mark.parametrize(("change", "reason"), [(_append_line, "changed"), (_add_file, "added")])
def test_a_file_changed_or_added_after_install_makes_the_pack_unused(change, reason):
    registry = Registry(paths.shipped_packs_dir(), paths.packs_dir())
    installed = registry.install(FIXTURES / "checklist")
    assert installed.trust.signed
    change(installed.folder)
    registry.refresh()
    assert "test.checklist" not in [p.id for p in registry.packs()]
    assert any(reason in str(error) for error in registry.broken), registry.broken


def test_a_file_removed_after_signing_is_named():
    files = {p.name: p.read_bytes() for p in (FIXTURES / "checklist").iterdir()}
    del files["items.toml"]
    found = trust.evaluate(files, "test.checklist", "1.0.0")
    assert found.level == "untrusted" and "items.toml was removed" in found.reason


def test_unknown_key_and_bad_signature_are_untrusted(tmp_path, office_key):
    private, _public = office_key
    folder = copy_pack("checklist", tmp_path / "c")
    publish.sign_pack(folder, private, validate=False)
    with pytest.raises(PackUntrusted, match="a key Våldstöd does not know"):
        Registry().install(folder)
    text = (folder / SIGNATURE).read_text("utf-8")
    (folder / SIGNATURE).write_text(text.replace('signature = "', 'signature = "AA'), "utf-8")
    assert Registry().check(folder).trust.level == "untrusted"


# -- attack 1: a planted number installed from a .zip ------------------------------------------


def test_planted_number_in_a_copied_pack_is_refused_while_locked(
    tmp_path, capsys, english_settings
):
    evil = plant_number(shipped_copy(tmp_path / "evil"), version="1.0.1")
    archive = zipped(evil, tmp_path / "evil.zip")
    assert main(["packs", "install", str(archive)]) == 1
    said = capsys.readouterr().err
    assert "refused" in said and "not validly signed" in said and "pack.toml" in said
    directory = Directory()
    assert kvinnofridslinjen(directory).phone == KVINNOFRIDSLINJEN
    for fmt in ("a4", "card"):
        html = sheet_html(directory, fmt)
        assert KVINNOFRIDSLINJEN in html and PLANTED not in html


def test_an_unsigned_pack_with_a_publisher_id_is_refused_even_unlocked(tmp_path, office):
    evil = plant_number(shipped_copy(tmp_path / "evil"), version="1.0.1")
    (evil / SIGNATURE).unlink()
    with pytest.raises(PackUntrusted, match="belong to the Våldstöd publisher"):
        Registry().install(evil, accept_unsigned=True)
    assert not list(paths.packs_dir().glob("*@*"))


# -- attack 2: a copied folder with another id ------------------------------------------------


def test_a_copied_folder_with_another_id_neither_shadows_nor_adds_a_line(tmp_path):
    for name in ("aaa.directory", "aaa.directory@1.0.0"):
        plant_number(shipped_copy(paths.packs_dir() / name), pack_id="aaa.directory")
    directory = Directory()
    assert kvinnofridslinjen(directory).phone == KVINNOFRIDSLINJEN
    assert PLANTED not in sheet_html(directory)
    assert "aaa.directory" not in [p.id for p in directory.registry.packs()]
    reasons = " ".join(str(error) for error in directory.registry.broken)
    assert "folder name does not match" in reasons and "changed after signing" in reasons


def test_a_validly_signed_copy_in_a_misnamed_folder_is_not_used(tmp_path):
    # An untouched copy keeps a valid signature, but was not installed by Våldstöd.
    shipped_copy(paths.packs_dir() / "copy")
    registry = Registry()
    assert registry.get("vaaldstod.directory.national").origin == "shipped"
    assert any("folder name does not match" in str(e) for e in registry.broken)


def test_two_shipped_folders_with_one_id_are_both_refused(tmp_path):
    shipped = tmp_path / "shipped"
    copy_pack("checklist", shipped / "a")
    copy_pack("checklist", shipped / "b")
    registry = Registry(shipped, tmp_path / "installed")
    assert registry.packs() == []
    assert "all claim this id" in str(registry.broken[0])


def test_an_entry_of_a_trusted_pack_is_not_redefined_by_a_less_trusted_one(
    tmp_path, office, office_key
):
    private, public = office_key
    office.add_key(public)
    other = plant_number(shipped_copy(tmp_path / "other"), pack_id="office.directory")
    (other / SIGNATURE).unlink()
    publish.sign_pack(other, private)
    installed = Registry().install(other)
    assert installed.trust.level == "office"
    assert kvinnofridslinjen(Directory()).phone == KVINNOFRIDSLINJEN


# -- unsigned packs, the office's acceptance, office keys --------------------------------------


def test_unsigned_pack_unlocked_needs_acceptance_and_is_marked(tmp_path, office):
    folder = copy_pack("directory", tmp_path / "d")
    (folder / SIGNATURE).unlink()
    with pytest.raises(PackUntrusted, match="install it only if you know where it comes from"):
        Registry().install(folder)
    pack = Registry().install(folder, accept_unsigned=True)
    assert pack.trust.level == "accepted" and not pack.signed
    assert pack.title("en").endswith("(unsigned)")
    entries = [e for e in Directory().entries("sv") if e.pack.startswith(pack.id)]
    assert entries and all(e.unsigned and not e.printable for e in entries)
    # Locked, the acceptance (in the vault) does not count: the pack is not used.
    with trust.use_office_trust(None):
        assert pack.id not in [p.id for p in Registry().packs()]
    # A file changed after the acceptance: not used either.
    installed = paths.packs_dir() / f"{pack.id}@{pack.manifest.version}" / "entries.toml"
    installed.write_text(installed.read_text("utf-8") + "\n", "utf-8")
    assert pack.id not in [p.id for p in Registry().packs()]


def test_cli_accepts_an_unsigned_pack_only_with_the_passphrase(
    tmp_path, monkeypatch, capsys, english_settings
):
    folder = copy_pack("checklist", tmp_path / "c")
    (folder / SIGNATURE).unlink()
    assert main(["packs", "install", str(folder), "--accept-unsigned"]) == 1
    assert "--passphrase-stdin" in capsys.readouterr().err
    Vault.create(paths.vault_path(), PASSPHRASE).close()
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    args = ["packs", "install", str(folder), "--accept-unsigned", "--passphrase-stdin"]
    assert main(args) == 0
    assert "unsigned" in capsys.readouterr().err


def test_office_key_counts_only_while_unlocked_and_not_for_publisher_ids(
    tmp_path, vault, office_key
):
    private, public = office_key
    folder = copy_pack("checklist", tmp_path / "c")
    publish.sign_pack(folder, private, validate=False)
    office = trust.VaultTrust(vault)
    office.add_key(public)
    assert [k.key_id for k in trust.VaultTrust(vault).keys()] == [public.key_id]
    with trust.use_office_trust(office):
        pack = Registry().install(folder)
        assert pack.trust.level == "office" and pack.trust.signer == "Växjö kontor"
    assert "test.checklist" not in [p.id for p in Registry().packs()]  # locked
    evil = plant_number(shipped_copy(tmp_path / "evil"), version="1.0.1")
    publish.sign_pack(evil, private)
    with trust.use_office_trust(office), pytest.raises(PackUntrusted, match="may not sign"):
        Registry().install(evil)


def test_expired_key_is_untrusted(tmp_path, office_key, vault):
    private, public = office_key
    folder = copy_pack("checklist", tmp_path / "c")
    publish.sign_pack(folder, private, validate=False)
    office = trust.VaultTrust(vault)
    office.add_key(signing.PublicKey(public.key_id, public.name, public.raw, ("*",), _past()))
    with trust.use_office_trust(office):
        assert "expired" in Registry().check(folder).trust.reason


def _past() -> datetime.date:
    return datetime.date.today() - datetime.timedelta(days=1)


def test_keygen_sign_verify_and_add_key_from_the_command_line(
    tmp_path, monkeypatch, capsys, english_settings
):
    key = tmp_path / "keys" / "office.key"
    key.parent.mkdir()
    assert main(["packs", "keygen", "--out", str(key), "--name", "Växjö kontor"]) == 0
    assert key.stat().st_mode & 0o777 == 0o600
    assert main(["packs", "keygen", "--out", str(key), "--name", "x"]) == 1  # never overwrites
    folder = copy_pack("checklist", tmp_path / "c")
    assert main(["packs", "sign", str(folder), "--key", str(key)]) == 0
    capsys.readouterr()
    assert main(["packs", "verify", str(folder)]) == 1
    assert "does not know" in capsys.readouterr().err
    Vault.create(paths.vault_path(), PASSPHRASE).close()
    import io

    public = key.with_suffix(".pub.toml")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["packs", "add-key", str(public), "--passphrase-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["packs", "verify", str(folder), "--passphrase-stdin"]) == 0
    assert "signed by the office key Växjö kontor" in capsys.readouterr().out
    key_id = signing.parse_public_key(public.read_text("utf-8")).key_id
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["packs", "remove-key", key_id, "--passphrase-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["packs", "verify", str(folder), "--passphrase-stdin"]) == 1


# -- a lower-trust update, templates ---------------------------------------------------------


def test_a_newer_but_less_trusted_version_does_not_replace_a_signed_one(tmp_path, office):
    Registry().install(FIXTURES / "checklist")
    newer = copy_pack("checklist", tmp_path / "c")
    manifest = newer / "pack.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('"1.0.0"', '"1.1.0"'), "utf-8")
    (newer / SIGNATURE).unlink()
    with pytest.raises(PackUntrusted, match="less trusted"):
        Registry().install(newer, accept_unsigned=True)
    assert Registry().get("test.checklist").manifest.version == "1.0.0"


# -- numbers: provenance and confirmation ------------------------------------------------------


def test_a_changed_number_is_kept_off_sheets_until_confirmed(vault, office):
    offices = OfficeEntries(vault=vault)
    shipped = kvinnofridslinjen(Directory())
    assert shipped.pack.startswith("vaaldstod.directory.national ")
    assert shipped.signer == "Våldstöd-projektet" and not shipped.number_changed_from
    offices.save_entry(OFFICE_NUMBER)
    directory = Directory(office=offices)
    entry = kvinnofridslinjen(directory)
    assert (entry.number_changed_from, entry.phone) == (KVINNOFRIDSLINJEN, PLANTED)
    assert [(c.old, c.new) for c in changes(directory.entries("sv"))] == [
        (KVINNOFRIDSLINJEN, PLANTED)
    ]
    assert PLANTED not in sheet_html(directory)
    confirm(vault, [entry])
    assert PLANTED in sheet_html(Directory(office=offices))


# -- the office's old plaintext entries --------------------------------------------------------


def test_directory_json_moves_into_the_vault_once_and_is_never_read_again(tmp_path, vault):
    legacy = paths.config_dir() / "directory.json"
    source = OfficeEntries(legacy)
    source.save_entry(
        {
            "organisation": "Socialtjänsten i Växjö",
            "category": "social_services",
            "area": "county",
            "county": "Kronoberg",
            "phone": "0470-00 00 00",
            "contact": "Ring.",
            "verified_on": "2026-11-20",
            "source": "Kommunens webbplats",
        }
    )
    assert move_into_vault(vault) == 1
    assert not legacy.exists()
    assert [e.organisation for e in OfficeEntries(vault=vault).entries()] == [
        "Socialtjänsten i Växjö"
    ]
    legacy.write_text('{"format": 1, "entries": []}', "utf-8")  # planted later
    assert move_into_vault(vault) == 0
    assert legacy.exists() and len(OfficeEntries(vault=vault).entries()) == 1


# -- file names Windows cannot hold ------------------------------------------------------------


@pytest.mark.parametrize("name", ["nul.toml", "CON.toml", "aux.entries.toml", "com1.toml"])
def test_windows_device_names_are_refused_at_install_and_load(tmp_path, name):
    folder = copy_pack("checklist", tmp_path / "c")
    (folder / name).write_text("items = []\n", "utf-8")  # refused before any signature check
    with pytest.raises(PackError, match="Windows keeps this name"):
        Registry().install(folder)
    with pytest.raises(PackError, match="Windows keeps this name"):
        Registry().install(zipped(folder, tmp_path / "c.zip"))
    shutil.copytree(folder, paths.packs_dir() / "test.checklist@1.0.0")
    assert any("Windows keeps this name" in str(e) for e in Registry().broken)


def test_names_differing_only_in_case_are_refused(tmp_path):
    folder = copy_pack("checklist", tmp_path / "c")
    (folder / "Items.toml").write_bytes((folder / "items.toml").read_bytes())
    with pytest.raises(PackError, match="differ only in case"):
        Registry().install(folder)
    with pytest.raises(PackError, match="differ only in case"):
        Registry().install(zipped(folder, tmp_path / "c.zip"))


def test_unsigned_sheet_texts_never_reach_a_client_sheet(tmp_path, office):
    folder = copy_pack("sheet", tmp_path / "s")
    (folder / SIGNATURE).unlink()
    registry = Registry(tmp_path / "no-shipped", paths.packs_dir())
    pack = registry.install(folder, accept_unsigned=True)
    assert [p.id for p in registry.packs("sheet")] == [pack.id]
    assert sheet_languages(registry) == {}
    signed = copy_pack("sheet", tmp_path / "signed" / "sheet")
    assert sheet_languages(Registry(signed.parent, tmp_path / "none"))  # signed: used


def test_install_refuses_files_changed_since_the_office_looked(tmp_path):
    folder = copy_pack("checklist", tmp_path / "c")
    checked = Registry().check(folder)
    items = folder / "items.toml"
    items.write_text(items.read_text("utf-8") + "\n", "utf-8")
    resign(folder)  # even validly signed: not what the office was shown
    with pytest.raises(PackUntrusted, match="changed since they were checked"):
        Registry().install(folder, expected_digest=checked.trust.digest)
    assert not paths.packs_dir().exists() or not list(paths.packs_dir().iterdir())


def test_a_public_key_file_reads_back_as_the_same_key_with_its_warning_on_top():
    raw = signing.generate_key().public_key().public_bytes_raw()
    key = signing.PublicKey(
        signing.key_id_of(raw),
        'Kontoret i Umeå "Norr"',
        raw,
        scope=("kontoret.umea.", "kontoret.norr."),
        expires=datetime.date(2027, 6, 30),
    )
    text = key.to_toml()
    # Whoever is handed the file reads first that it is only as good as where it came from.
    assert text.splitlines()[0] == (
        "# A Våldstöd pack-signing public key. Trust it only if it came from its owner."
    )
    assert signing.parse_public_key(text) == key
