"""`vaaldstod screenshot --out DIR`: every main screen, filled with fictional demo data, as PNG."""

from __future__ import annotations

import sys
from pathlib import Path

from vaaldstod import demo
from vaaldstod.i18n import _, current_language
from vaaldstod.settings import Settings
from vaaldstod.ui.offscreen import throwaway_app

SIZE = (1100, 720)
# Text at 200 %: the window as a handler who needs it would have it, maximised on a
# full-HD screen (1920 × 1080 less a task bar).
LARGE_TEXT_SIZE = (1920, 1040)


def render_all(
    out: str | Path,
    language: str | None = None,
    text_scale: int = 100,
    theme: str = "system",
) -> int:
    """Write every main screen as PNG to `out`, at `text_scale` % text in colours `theme`."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    language = language or current_language()
    size = SIZE if text_scale <= 100 else LARGE_TEXT_SIZE
    written = []
    chosen = Settings(text_scale=text_scale, theme=theme).validated()
    with throwaway_app(language, chosen) as (controller, _tmp):
        from PySide6.QtWidgets import QApplication

        from vaaldstod.vault import Vault

        def save(widget, name: str) -> None:
            widget.resize(*size)
            QApplication.processEvents()
            path = out / f"{name}.png"
            if not widget.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            written.append(path)

        save(controller.lock_screen, "01-create-vault")
        vault = Vault.create(controller.vault_path, demo.DEMO_PASSPHRASE)
        case_ids = demo.fill(vault, language)
        controller._opened(vault)
        window = controller.main_window
        window.cases._show_case(case_ids[0])
        window.cases.editor.setPlainText(
            _("Draft: the client will bring the letter from the bank to the next meeting.")
        )
        save(window, "03-cases")
        window.cases.search.setText("BankID")
        save(window, "04-search")
        window.cases.search.clear()
        window.show_page("settings")
        save(window, "05-settings")
        window.show_page("handbook")
        handbook = window.handbook
        handbook.set_case(case_ids[0])
        for step in ("identify", "ask", "act"):
            handbook.show_step(step)
            save(window, f"06-handbook-{step}")
            if step == "identify":  # the first-use question shows once, then it is answered
                window._agency_chosen(window.settings.agency)
        panel = handbook.panel
        panel.asked["routine"].setChecked(True)
        panel.disclosed["yes"].setChecked(True)
        for form in ("economic", "psychological"):
            panel.forms[form].setChecked(True)
        panel.children.setChecked(True)
        panel.child_report["made_at_meeting"].setChecked(True)
        panel.set_answers(
            {
                **panel.answers(),
                "referrals": [["womens_shelter", "given"]],
                "checklist": [e.id for e in handbook.handbook.checklist[:3]],
            }
        )
        handbook.show_step("checklist")
        save(window, "07-checklist")
        handbook.show_step("journal")
        handbook.journal_language.setCurrentIndex(0 if language == "sv" else 1)
        handbook._generate()
        save(window, "08-journal-text")
        handbook.search.setText("tolk" if language == "sv" else "interpreter")
        save(window, "09-handbook-search")
        handbook.search.clear()
        window.show_page("referrals")
        referrals = window.page("referrals")
        referrals.search.setText("stöd" if language == "sv" else "support")
        save(window, "10-referrals")
        referrals.search.clear()
        window.show_page("exercises")
        save(window, "11-exercises")
        demo.fill_contacts(vault)
        window.show_page("statistics")
        window.page("statistics").reload()
        save(window, "12-statistics")
        controller.lock(_("Locked after a while without activity."))
        save(controller.lock_screen, "02-unlock")
    for path in sorted(written):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m vaaldstod.ui.screenshots DIR [--lang sv] [--text-scale 200] [--theme …]`."""
    import argparse

    from vaaldstod.settings import THEMES

    parser = argparse.ArgumentParser(prog="python -m vaaldstod.ui.screenshots")
    parser.add_argument("out")
    parser.add_argument("--lang", choices=("sv", "en"))
    parser.add_argument("--text-scale", type=int, default=100, choices=range(75, 201, 25))
    parser.add_argument("--theme", choices=THEMES, default="system")
    args = parser.parse_args(argv)
    return render_all(args.out, args.lang, args.text_scale, args.theme)


if __name__ == "__main__":
    sys.exit(main())
