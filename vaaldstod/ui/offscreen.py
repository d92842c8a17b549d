"""A throwaway, offscreen app for the self-test and screenshots; never the handler's data."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from vaaldstod.settings import Settings


@contextlib.contextmanager
def throwaway_app(
    language: str = "sv", settings: Settings | None = None
) -> Iterator[tuple[object, Path]]:
    """Yield (AppController, temp dir) for a fresh vault path in a temp dir, offscreen.

    `settings` (text size, colours) are used as given, with `language` put in them.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vaaldstod.i18n import set_language
    from vaaldstod.ui.app import make_application
    from vaaldstod.ui.controller import AppController

    with tempfile.TemporaryDirectory(prefix="vaaldstod-") as tmp:
        previous_home = os.environ.get("VAALDSTOD_HOME")
        os.environ["VAALDSTOD_HOME"] = tmp  # settings saved while rendering stay in tmp
        try:
            set_language(language)
            app = make_application([])
            chosen = replace(settings or Settings(), language=language)
            controller = AppController(app, Path(tmp) / "vault.db", chosen, quit_app=lambda: None)
            yield controller, Path(tmp)
            controller.dispose()
            app.processEvents()
        finally:
            if previous_home is None:
                os.environ.pop("VAALDSTOD_HOME", None)
            else:
                os.environ["VAALDSTOD_HOME"] = previous_home
