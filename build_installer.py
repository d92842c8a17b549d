"""Build the offline installer: a PyInstaller one-folder bundle in dist/, smoke-tested and archived.

`make installer` (or `python build_installer.py` in a set-up venv with pyinstaller) on the OS
the bundle is for: PyInstaller cannot cross-build, so Windows and macOS bundles are made by
running this same script there. What goes into the bundle is defined in `vaaldstod.spec`,
which takes its lists and licence notices from this module.
"""

from __future__ import annotations

import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NAME = "vaaldstod"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
# The executable the smoke test runs: on Windows the console one, whose output can be read.
EXECUTABLE = NAME + ("-cli.exe" if sys.platform == "win32" else "")
LICENSES = ROOT / "licenses"  # licence texts no installed package carries

# Never imported by the app; listed so that a stray import cannot drag them in.
EXCLUDED_MODULES = [
    # tests and tools
    "tests",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pkg_resources",  # babel falls back to it only when importlib.metadata is missing
    "setuptools",
    "pygments",  # only markdown's code-highlighting extension, which the handbook does not use
    "tkinter",
    # Only concurrent.futures' process pool would import it, and the app runs no process
    # pool; bundled, PyInstaller's hook for it imports it at every start (about 6 ms).
    "multiprocessing",
    # Qt modules the app does not use; PyInstaller would follow PySide6's hidden imports
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtNetwork",  # the app is offline; libQt6Network stays as a link-time dependency
    "PySide6.QtOpenGL",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.Qt3DCore",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.QtDesigner",
    "PySide6.QtCharts",
    "PySide6.QtGraphs",
    "PySide6.QtPdf",
    "PySide6.QtSql",
    "PySide6.QtTest",
]
if sys.platform.startswith("linux"):
    # Linux's speech engine (speech-dispatcher) plays its own audio, so QtMultimedia's FFmpeg
    # backend (about 20 MB) is never loaded. Windows' WinRT voices play through QtMultimedia.
    EXCLUDED_MODULES.append("PySide6.QtMultimedia")

# Qt files that PyInstaller's hooks collect but the app never loads, matched against the
# bundle path in lower case. Platforms kept: offscreen, xcb, windows, cocoa.
UNUSED_QT_FILES = re.compile(
    r"""virtualkeyboard                     # on-screen keyboard plugin, built on Qt Quick
      | qt6?(qml|quick)                     # QML and Qt Quick, which only that plugin needs
      | plugins/platforms/[^/]*(eglfs|linuxfb|minimal|vnc|wayland|vkkhrdisplay)
      | plugins/(egldeviceintegrations|generic|wayland-[^/]+)/
      | qt6?(waylandclient|wlshellintegration|eglfs)
      | plugins/platformthemes/[^/]*gtk3    # would mix the build machine's GTK with the system's
      | plugins/texttospeech/[^/]*mock      # Qt's test engine, which speech.py skips
    """,
    re.VERBOSE,
)
QT_TRANSLATIONS = re.compile(r"^pyside6/(qt/)?translations/(?P<file>[^/]+)$")


def project() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def project_version() -> str:
    return project()["project"]["version"]


def data_files() -> list[tuple[str, str]]:
    """Resources and the package data pyproject.toml ships, as (source, bundle folder) pairs."""
    pairs = [(str(ROOT / "resources"), "resources")]
    package = ROOT / NAME
    for pattern in project()["tool"]["setuptools"]["package-data"][NAME]:
        for path in sorted(package.glob(pattern)):
            if path.is_file():
                pairs.append((str(path), path.parent.relative_to(ROOT).as_posix()))
    return pairs


def wanted(bundle_path: str) -> bool:
    """False for the Qt plugins, libraries and translations the app never loads."""
    path = bundle_path.replace("\\", "/").lower()
    translation = QT_TRANSLATIONS.match(path)
    if translation:
        from vaaldstod.i18n import LANGUAGES

        # The app installs only qtbase's catalog, for its own languages (controller.py).
        return translation["file"] in {f"qtbase_{code}.qm" for code in LANGUAGES}
    return not UNUSED_QT_FILES.search(path)


def without_orphans(binaries: list) -> list:
    """Drop the system libraries that only the files `wanted` removed were linking to."""
    from PyInstaller.depend.bindepend import get_imports, get_python_library_path

    python = os.path.realpath(get_python_library_path())
    # Libraries PyInstaller's dependency analysis put beside the executable, by lower-case name.
    libraries = {
        Path(dest).name.lower(): source
        for dest, source, kind in binaries
        if kind == "BINARY" and Path(dest).name == dest and os.path.realpath(source) != python
    }
    todo = [
        source
        for dest, source, kind in binaries
        if kind in ("BINARY", "EXTENSION") and Path(dest).name.lower() not in libraries
    ]
    todo.append(python)
    needed: set[str] = set()
    while todo:
        for name, _ in get_imports(todo.pop()):
            base = Path(name).name.lower()
            if base in libraries and base not in needed:
                needed.add(base)
                todo.append(libraries[base])
    orphans = libraries.keys() - needed
    return [entry for entry in binaries if Path(entry[0]).name.lower() not in orphans]


def compile_catalogs() -> None:
    """Compile every .po into the .mo the app reads, so that a build needs no make (Windows)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(ROOT.glob(f"{NAME}/i18n/*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parts[-3])
        untranslated = [message.id for message in catalog if message.id and not message.string]
        if po.parts[-3] == "sv" and untranslated:
            sys.exit(f"{po.relative_to(ROOT)}: {len(untranslated)} strings have no translation")
        with po.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)


def locked_versions() -> dict[str, str]:
    """Distribution (normalised name) → version, from both lock files."""
    pins = {}
    for lock in ("requirements.lock", "requirements-build.lock"):
        for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
            name, _, version = line.partition("==")
            if version:
                pins[re.sub(r"[-_.]+", "-", name.strip()).lower()] = version.strip()
    return pins


def check_locked_versions() -> None:
    """Stop unless the build environment holds exactly the locked versions: the bundle ships
    what the tests ran against (a Qt binding other than the pinned one crashed the app)."""
    wrong = []
    for name, version in sorted(locked_versions().items()):
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "missing"
        if installed != version:
            wrong.append(f"{name} {installed} (locked: {version})")
    if wrong:
        sys.exit("the build environment differs from the lock files:\n  " + "\n  ".join(wrong))


def windows_version_file(version: str) -> Path:
    """The version resource Windows shows in the file's properties and AppLocker rules read."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:3]) + (0,)
    numbers = (numbers + (0, 0, 0, 0))[:4]
    strings = {
        "CompanyName": "Våldstöd",
        "FileDescription": "Våldstöd",
        "FileVersion": version,
        "InternalName": NAME,
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": f"{NAME}.exe",
        "ProductName": "Våldstöd",
        "ProductVersion": version,
    }
    table = ",\n".join(f"        StringStruct({key!r}, {text!r})" for key, text in strings.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041D04B0', [
{table}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x041D, 1200])])
  ]
)
"""
    BUILD.mkdir(parents=True, exist_ok=True)
    target = BUILD / "version.txt"
    target.write_text(text, encoding="utf-8")
    return target


def app_icon(suffix: str) -> Path:
    """resources/icons/app.svg drawn into the icon format of the platform (.ico, .icns)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    _app = QGuiApplication.instance() or QGuiApplication(["build", "-platform", "offscreen"])
    image = QIcon(str(ROOT / "resources" / "icons" / "app.svg")).pixmap(QSize(256, 256)).toImage()
    BUILD.mkdir(parents=True, exist_ok=True)
    target = BUILD / f"app{suffix}"
    if not image.save(str(target)):
        sys.exit(f"could not write the program icon {target.name}")
    return target


# -- licences ----------------------------------------------------------------------------


def _distributions(pure, binaries, datas) -> list[metadata.Distribution]:
    """The installed distributions whose modules or files went into the bundle."""
    tops = {name.split(".")[0] for name, _, _ in pure}
    tops |= {Path(dest).parts[0] for dest, _, _ in binaries + datas}
    owners = metadata.packages_distributions()
    names = {dist for top in tops for dist in owners.get(top, [])} - {NAME}
    return sorted((metadata.distribution(n) for n in names), key=lambda d: d.name.lower())


def _licence_name(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    if meta.get("License") and "\n" not in meta["License"] and len(meta["License"]) < 80:
        return meta["License"]
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License")
    ]
    return " / ".join(classifiers) or "see the text below"


def _licence_texts(dist: metadata.Distribution) -> list[str]:
    texts = []
    for name in dist.metadata.get_all("License-File") or []:
        # Metadata 2.4 keeps licence files in licenses/, older wheels beside METADATA.
        text = dist.read_text(f"licenses/{name}") or dist.read_text(name)
        if text:
            texts.append(text.strip())
    return texts


def _system_libraries(binaries) -> list[tuple[str, str, str, str]]:
    """(title, licence, note, text) for each library PyInstaller copied from the system.

    On Debian and Ubuntu the owning package and its copyright file are named; elsewhere the
    files are listed, and their licences are those of the build machine's OS packages.
    """
    owners: dict[str, list[str]] = {}
    for dest, source, kind in binaries:
        if kind != "BINARY" or Path(dest).name != dest or "site-packages" in source:
            continue  # Qt's and the wheels' libraries come with their own package's licence
        if re.match(r"(lib)?python3", dest.lower()) or library_origin(source) != "system":
            continue  # the Python entry covers its own files; Windows' own DLLs are not ours
        owners.setdefault(_debian_package(source) or "", []).append(dest)
    libraries = []
    for package, files in sorted(owners.items()):
        if not package:
            title, licence = "Other libraries from the build machine", "their package's licence"
            libraries.append((title, licence, ", ".join(files), ""))
            continue
        version = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True
        ).stdout
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        # Slim images may leave out /usr/share/doc; the entry still names the package.
        text = copyright_file.read_text(errors="replace") if copyright_file.exists() else ""
        licence = "as in its Debian copyright file" + (", below" if text else "")
        note = "Debian library: " + ", ".join(files)
        libraries.append((f"{package} {version}", licence, note, text))
    return libraries


def library_origin(
    source: str, windows: str | None = None, python: str | None = None, platform: str = ""
) -> str:
    """ "windows" for a DLL of Windows itself, "python" for one from the Python installation
    (covered by Python's licence entry, which carries their notices), else "system"."""
    if (platform or sys.platform) != "win32":
        return "system"
    from pathlib import PureWindowsPath

    def inside(folder: str | None) -> bool:
        if not folder:
            return False
        parent = str(PureWindowsPath(folder)).lower().rstrip("\\") + "\\"
        return str(PureWindowsPath(source)).lower().startswith(parent)

    if inside(windows or os.environ.get("SystemRoot", r"C:\Windows")):
        return "windows"
    if inside(python or sys.base_prefix):
        return "python"
    return "system"


def _debian_package(library: str) -> str | None:
    if not shutil.which("dpkg"):
        return None
    real = os.path.realpath(library)
    # With merged /usr, dpkg may know the file under /lib rather than /usr/lib.
    for path in (real, real.removeprefix("/usr")):
        found = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if found.returncode == 0:
            return found.stdout.split(":")[0]
    return None


def _python_licence() -> str:
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (
        Path(sys.base_prefix) / "LICENSE.txt",  # Windows
        Path(sys.base_prefix) / "lib" / version / "LICENSE.txt",
        Path(sys.base_prefix) / "share" / "doc" / f"{version}" / "copyright",  # Debian's python
    ):
        if candidate.exists():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return "See https://docs.python.org/3/license.html"


def third_party_licenses(pure, binaries, datas) -> str:
    """THIRD_PARTY_LICENSES: every component in this bundle, its licence and licence text."""
    import sqlcipher3
    from PySide6 import QtCore

    connection = sqlcipher3.connect(":memory:")
    connection.execute("PRAGMA key = 'version check'")
    sqlcipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
    openssl = connection.execute("PRAGMA cipher_provider_version").fetchone()[0]
    connection.close()
    pyinstaller = metadata.distribution("pyinstaller")

    # (title, licence, note, licence text)
    components = [
        (
            f"Qt {QtCore.qVersion()}",
            "LGPL-3.0-only",
            "Qt's libraries and plugins (PySide6/Qt) are used unmodified, as dynamic libraries;\n"
            "you may replace them with your own build of the same Qt version. Source:\n"
            "https://download.qt.io/official_releases/qt/ and, for PySide6 and shiboken6,\n"
            "https://download.qt.io/official_releases/QtForPython/",
            (LICENSES / "LGPL-3.0.txt").read_text(encoding="utf-8"),
        ),
        (
            f"SQLCipher {sqlcipher}",
            "BSD-3-Clause (Zetetic LLC)",
            "Statically linked into sqlcipher3's _sqlite3 module, with SQLite (public domain).\n"
            "Source: https://github.com/sqlcipher/sqlcipher",
            (LICENSES / "SQLCipher.txt").read_text(encoding="utf-8"),
        ),
        (
            openssl,
            "Apache-2.0",
            "SQLCipher's cryptography, statically linked into the same module.\n"
            "Source: https://www.openssl.org/source/",
            (LICENSES / "Apache-2.0.txt").read_text(encoding="utf-8"),
        ),
        (
            "Noto Sans (as Vaaldstod Sheet Sans), Noto Sans Arabic, Noto Sans Ethiopic",
            "OFL-1.1",
            "resources/fonts/*.ttf, for printed referral sheets (Latin, Arabic, Ge'ez), from\n"
            "Debian's fonts-noto-core 20201225-1; Noto Sans renamed only (tools/rename_font.py).\n"
            "Source: https://github.com/notofonts",
            (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8"),
        ),
        (
            f"Python {platform.python_version()}",
            "PSF-2.0",
            "The interpreter and standard library. Source: https://www.python.org/",
            _python_licence(),
        ),
        (
            f"PyInstaller {pyinstaller.version} bootloader",
            "GPL-2.0-or-later with the bootloader exception",
            "The executable's start-up code; the exception allows bundles under any licence.\n"
            "Source: https://github.com/pyinstaller/pyinstaller",
            "\n\n".join(_licence_texts(pyinstaller)),
        ),
    ]
    for dist in _distributions(pure, binaries, datas):
        components.append(
            (
                f"{dist.name} {dist.version}",
                _licence_name(dist),
                "Python package",
                "\n\n".join(_licence_texts(dist)),
            )
        )
    components += _system_libraries(binaries)

    lines = [
        f"Våldstöd {project_version()}: third-party components in this bundle",
        "",
        "Våldstöd itself is free software under the GNU General Public License, version 3 or",
        "later (LICENSE, beside this file). The bundle also contains the components below,",
        "each under its own licence; the licence texts follow the list.",
        "",
    ]
    by_text: dict[str, list[str]] = {}  # one copy of a text that several components share
    for title, licence, note, text in components:
        lines += [f"* {title}", f"  Licence: {licence}"]
        lines += [f"  {line}" for line in note.splitlines()] + [""]
        if text.strip():
            by_text.setdefault(text.strip(), []).append(title)
    for text, titles in by_text.items():
        lines += ["=" * 78, *titles, "=" * 78, "", text, ""]
    return "\n".join(lines)


# -- build, smoke test, archive ----------------------------------------------------------


def build() -> Path:
    import PyInstaller.__main__

    PyInstaller.__main__.run(
        [
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={BUILD}",
            str(ROOT / f"{NAME}.spec"),
        ]
    )
    return DIST / NAME


def smoke_test(bundle: Path, version: str) -> None:
    """Run the bundled executable offscreen in a throwaway home; exit non-zero on any failure."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VAALDSTOD_HOME=str(Path(tmp) / "home"))

        def run(*args: str) -> str:
            done = subprocess.run(
                [str(bundle / EXECUTABLE), *args],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if done.returncode != 0:
                sys.exit(f"smoke test failed: {' '.join(args)}\n{done.stdout}{done.stderr}")
            return done.stdout

        shown = run("--version").strip()
        if shown != f"{NAME} {version}":
            sys.exit(f"smoke test failed: --version says {shown!r}, pyproject.toml says {version}")
        run("--self-test")
        # Arabic and Tigrinya prove the bundled fonts are found: no system font here covers
        # Ge'ez, and on Windows the offscreen platform sees no system fonts at all.
        sheets = Path(tmp) / "sheets"
        sheets.mkdir()
        run("referral-sheet", "--format", "a4", "--lang", "sv,ar,ti", "--out", str(sheets))
        run("referral-sheet", "--format", "card", "--lang", "sv,ar", "--out", str(sheets))
        for name, font in (
            ("a4-sv.pdf", b"VaaldstodSheetSans"),
            ("card-ar.pdf", b"NotoSansArabic"),
            ("a4-ti.pdf", b"NotoSansEthiopic"),
        ):
            if font not in (sheets / name).read_bytes():
                sys.exit(f"smoke test failed: {name} does not use the bundled font {font.decode()}")
        # The text a client reads: Swedish words with å, ä and ö and a national number.
        text = pdf_text(sheets / "a4-sv.pdf")
        for words in ("Stöd och hjälp", "Våld är aldrig ditt fel", "Kvinnofridslinjen"):
            if words not in text:
                sys.exit(f"smoke test failed: a4-sv.pdf does not say {words!r}:\n{text}")
        if "020-50 50 50" not in text or "Bra att ha" not in pdf_text(sheets / "card-sv.pdf"):
            sys.exit(f"smoke test failed: the Swedish sheet or card lacks its numbers:\n{text}")


def pdf_text(path: Path) -> str:
    """The text of a PDF's pages, read by QtPdf in the build's Python (the bundle has no QtPdf)."""
    script = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from PySide6.QtPdf import QPdfDocument\n"
        "app = QGuiApplication([])\n"
        "pdf = QPdfDocument()\n"
        "pdf.load(sys.argv[1])\n"
        "text = '\\n'.join(pdf.getAllText(n).text() for n in range(pdf.pageCount()))\n"
        "sys.stdout.buffer.write(text.encode('utf-8'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        timeout=120,
    )
    if done.returncode != 0:
        sys.exit(f"smoke test failed: {path.name} could not be read\n{done.stderr.decode()}")
    return done.stdout.decode("utf-8")


def archive(bundle: Path, version: str) -> Path:
    """tar.gz (zip on Windows) of the bundle, with a sha256sum-style checksum file beside it."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    stem = f"{NAME}-{version}-{system}-{platform.machine().lower()}"
    folder = f"{NAME}-{version}"  # what the office unpacks
    if sys.platform == "win32":
        target = DIST / f"{stem}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(bundle.rglob("*")):
                zipped.write(path, f"{folder}/{path.relative_to(bundle).as_posix()}")
    else:
        target = DIST / f"{stem}.tar.gz"
        with tarfile.open(target, "w:gz", compresslevel=6) as tarred:
            tarred.add(bundle, arcname=folder)
    digest = hashlib.sha256()
    with target.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    checksum = f"{digest.hexdigest()}  {target.name}\n"
    Path(f"{target}.sha256").write_text(checksum, encoding="ascii", newline="\n")
    return target


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def main() -> int:
    started = time.monotonic()
    version = project_version()
    check_locked_versions()
    compile_catalogs()
    shutil.rmtree(DIST, ignore_errors=True)
    bundle = build()
    built = time.monotonic()
    smoke_test(bundle, version)
    tested = time.monotonic()
    target = archive(bundle, version)
    # PyInstaller links some libraries into place; count what the disk holds.
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    size = _megabytes(sum(path.stat().st_size for path in files))
    print(f"bundle:     {bundle} ({size}, {len(files)} files)")
    print(f"archive:    {target} ({_megabytes(target.stat().st_size)}), checksum beside it")
    print(f"smoke test: passed (--version, --self-test, referral-sheet) in {tested - built:.0f} s")
    print(f"build time: {time.monotonic() - started:.0f} s (PyInstaller {built - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
