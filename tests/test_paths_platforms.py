"""The data folder is local on every platform, IT can choose it, and network shares are refused.

The Windows and macOS branches run here with `sys.platform` set, as no such machine is at hand.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from vaaldstod import paths


@pytest.fixture
def windows(monkeypatch, tmp_path):
    """A Windows user profile: roaming and local application data, no policy, no override."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv(paths.ENV_HOME)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setattr(paths, "_policy_folder", lambda: None)
    return tmp_path


def test_windows_keeps_the_vault_in_local_not_roaming_app_data(windows):
    assert paths.vault_path() == windows / "Local" / "Vaaldstod" / "vault.db"
    assert not (windows / "Roaming").exists()


def test_a_vault_in_the_roaming_profile_moves_to_the_local_folder_whole(windows):
    old = windows / "Roaming" / "Vaaldstod"
    (old / "config").mkdir(parents=True)
    (old / "vault.db").write_bytes(b"encrypted vault")
    (old / "vault.db-wal").write_bytes(b"its log")
    (old / "config" / "settings.json").write_text("{}")

    new = paths.home()

    assert new == windows / "Local" / "Vaaldstod"
    assert (new / "vault.db").read_bytes() == b"encrypted vault"
    assert (new / "vault.db-wal").read_bytes() == b"its log"
    assert (new / "config" / "settings.json").exists()
    assert not (old / "vault.db").exists()


def test_a_local_vault_is_never_replaced_by_an_old_roaming_one(windows):
    old = windows / "Roaming" / "Vaaldstod"
    new = windows / "Local" / "Vaaldstod"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    (old / "vault.db").write_bytes(b"old")
    (new / "vault.db").write_bytes(b"current")

    paths.home()

    assert (new / "vault.db").read_bytes() == b"current"
    assert (old / "vault.db").read_bytes() == b"old"


def test_the_agencys_policy_folder_wins_over_the_environment(windows, monkeypatch):
    chosen = windows / "Policy" / "Vaaldstod"
    monkeypatch.setenv(paths.ENV_HOME, str(windows / "Environment"))
    monkeypatch.setattr(paths, "_policy_folder", lambda: str(chosen))
    assert paths.home() == chosen
    assert chosen.is_dir()


def test_the_policy_value_is_read_from_the_registry_with_variables_expanded(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("VAALDSTOD_TEST_DRIVE", str(tmp_path))
    machine, user = object(), object()
    values = {machine: None, user: r"%VAALDSTOD_TEST_DRIVE%\Vault"}

    class Key:
        def __init__(self, hive):
            self.hive = hive

        def __enter__(self):
            if values[self.hive] is None:
                raise FileNotFoundError
            return self

        def __exit__(self, *exc):
            return False

    winreg = types.SimpleNamespace(
        HKEY_LOCAL_MACHINE=machine,
        HKEY_CURRENT_USER=user,
        OpenKey=lambda hive, key: Key(hive),
        QueryValueEx=lambda key, name: (values[key.hive], 1),
    )
    monkeypatch.setitem(sys.modules, "winreg", winreg)
    assert paths._policy_folder() == str(tmp_path) + r"\Vault"


def test_macos_keeps_the_vault_in_application_support(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.delenv(paths.ENV_HOME)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.home() == tmp_path / "Library" / "Application Support" / "Vaaldstod"


def test_linux_follows_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv(paths.ENV_HOME)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert paths.home() == tmp_path / "data" / "Vaaldstod"


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /home nfs4 rw,relatime 0 0
//filer/users /mnt/h cifs rw 0 0
/dev/sdb1 /home/local\\040disk ext4 rw 0 0
"""


@pytest.mark.parametrize(
    "path, kind",
    [
        ("/var/lib/x", "ext4"),
        ("/home/åsa/.local/share/Vaaldstod", "nfs4"),
        ("/mnt/h/Vaaldstod", "cifs"),
        ("/mnt/hx", "ext4"),  # a sibling whose name begins like the share is not on it
        ("/home/local disk/Vaaldstod", "ext4"),
    ],
)
def test_the_mount_holding_a_folder_is_the_longest_mount_point_above_it(path, kind):
    assert paths.mount_type(PurePosixPath(path), MOUNTS) == kind


@pytest.mark.parametrize(
    "path, remote",
    [
        (r"\\filer\users\åsa\Vaaldstod", True),
        (r"H:\Vaaldstod", True),
        (r"C:\Users\Åsa\AppData\Local\Vaaldstod", False),
    ],
)
def test_unc_paths_and_mapped_drives_count_as_network_folders(path, remote):
    drive_types = {"H:\\": paths.DRIVE_REMOTE, "C:\\": 3}
    assert paths._windows_on_network(PureWindowsPath(path), drive_types.get) is remote


def test_a_local_folder_is_not_a_network_folder(tmp_path):
    assert not paths.on_network_volume(tmp_path)


@pytest.mark.gui
def test_the_app_refuses_a_data_folder_on_a_network_share_and_creates_nothing(
    qapp, monkeypatch, home
):
    from PySide6.QtWidgets import QMessageBox

    from vaaldstod.ui import app as app_module

    shown = []
    monkeypatch.setattr(paths, "on_network_volume", lambda path: Path(path) == home)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))

    assert app_module.run_app(["vaaldstod"]) == 2
    assert "network drive" in shown[0]
    assert not (home / "vault.db").exists()
