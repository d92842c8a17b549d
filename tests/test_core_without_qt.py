"""The core must import and work without Qt (and so without a display)."""

import subprocess
import sys


def test_core_modules_do_not_import_qt():
    code = (
        "import sys, vaaldstod, vaaldstod.vault, vaaldstod.settings, vaaldstod.paths, "
        "vaaldstod.i18n, vaaldstod.cli, vaaldstod.demo, vaaldstod.passphrase; "
        "vaaldstod.cli._parser(); "
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
