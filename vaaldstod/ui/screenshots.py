"""`vaaldstod screenshot --out DIR`: every main screen, filled with fictional demo data, as PNG."""

from __future__ import annotations

import sys
from pathlib import Path

from vaaldstod import demo
from vaaldstod.i18n import _, current_language
from vaaldstod.ui.offscreen import throwaway_app

SIZE = (1100, 720)


def render_all(out: str | Path, language: str | None = None) -> int:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    language = language or current_language()
    written = []
    with throwaway_app(language) as (controller, _tmp):
        from PySide6.QtWidgets import QApplication

        from vaaldstod.vault import Vault

        def save(widget, name: str) -> None:
            widget.resize(*SIZE)
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
        panel = handbook.panel
        panel.asked["routine"].setChecked(True)
        panel.disclosed["yes"].setChecked(True)
        for form in ("economic", "psychological"):
            panel.forms[form].setChecked(True)
        panel.children.setChecked(True)
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


if __name__ == "__main__":
    sys.exit(render_all(sys.argv[1]))
