"""The pack engine and the templates are core: they work without Qt and never import it."""

import subprocess
import sys


def test_packs_and_templates_do_not_import_qt():
    code = (
        "import sys, datetime, vaaldstod.packs, vaaldstod.packs.cli, vaaldstod.packs.instrument, "
        "vaaldstod.templates as t; "
        "a = t.WalkthroughAnswers('routine', 'yes', 'kronofogden', datetime.date(2026, 1, 1)); "
        "assert t.render_journal(a, 'sv'); "
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
