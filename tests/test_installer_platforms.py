"""The bundle's platform parts that can be checked without Windows or macOS at hand."""

from __future__ import annotations

import re
from pathlib import Path

import build_installer

ROOT = Path(__file__).resolve().parents[1]


def test_windows_own_dlls_are_not_listed_as_bundled_third_party_libraries():
    def origin(path):
        return build_installer.library_origin(
            path, windows=r"C:\Windows", python=r"C:\Program Files\Python311", platform="win32"
        )

    assert origin(r"C:\WINDOWS\system32\MSVCP140.dll") == "windows"
    assert origin(r"C:\Program Files\Python311\DLLs\libffi-8.dll") == "python"
    assert origin(r"D:\build\libs\zlib1.dll") == "system"
    assert build_installer.library_origin("/usr/lib/libz.so.1", platform="linux") == "system"


def test_the_windows_version_resource_carries_the_project_version(tmp_path, monkeypatch):
    monkeypatch.setattr(build_installer, "BUILD", tmp_path)
    text = build_installer.windows_version_file("1.2.3").read_text(encoding="utf-8")

    # PyInstaller evaluates this text with its own classes; record what they would be given.
    def record(kind):
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo"
    resource = eval(text, {name: record(name) for name in (*names.split(), "VarStruct")})  # noqa: S307
    fixed = resource[2]["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    strings = dict(entry[1] for entry in resource[2]["kids"][0][1][0][0][1][1])
    assert strings["ProductVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "vaaldstod.exe"


def test_the_bundle_is_built_from_the_locked_qt_binding_only():
    pins = build_installer.locked_versions()
    assert pins["pyside6-essentials"] == pins["pyside6-addons"] == pins["shiboken6"]
    assert pins["pyside6-essentials"] != "6.12.0"  # loses references to None on Python 3.11
    assert "pyinstaller" in pins
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'"PySide6-Essentials[^"]*!=6\.12\.0', pyproject)
