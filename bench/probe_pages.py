"""Child process: referral sheets to PDF, and the statistics page over a year of records.

    python -m bench.probe_pages sheets
    python -m bench.probe_pages statistics

Each prints one JSON line of timings in ms. Sheets go the way `vaaldstod referral-sheet`
takes them (sheet texts, directory entries, office profile, `render_sheet`, `pdf_bytes`);
the baseline is the same `pdf_bytes` on a one-paragraph sheet: the fixed cost of a PDF.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

from bench.corpus import PASSPHRASE
from bench.measure import now_ms, timed_ms
from bench.probe_start import finish

REPEATS = 3
RECORDS_PER_WEEK = 20
TODAY = date(2026, 12, 30)  # the statistics page's "this year" is then a whole year


def sheets() -> None:
    from vaaldstod.directory import Area, Directory, load_profile
    from vaaldstod.sheets import FORMATS, RenderedSheet, SheetError, render_sheet, sheet_languages
    from vaaldstod.sheets.cli import printable
    from vaaldstod.ui.app import make_application
    from vaaldstod.ui.printing import pdf_bytes

    make_application([])
    languages, directory = sheet_languages(), Directory()
    office = load_profile(None, missing_ok=True)
    times: dict[str, list[float]] = {}
    refused: dict[str, str] = {}
    for code, language in languages.items():
        entries = printable(directory.entries(code), Area())
        for fmt in FORMATS:

            def print_sheet(fmt=fmt, language=language, entries=entries) -> bytes:
                return pdf_bytes(render_sheet(fmt, language, entries, office))

            try:
                times[f"{fmt}/{code}"] = [timed_ms(print_sheet) for _ in range(REPEATS)]
            except SheetError as error:
                refused[f"{fmt}/{code}"] = str(error)
    one_line = RenderedSheet("<p>Våldstöd</p>", FORMATS["a4"], "sv", "ltr", None)
    baseline = [timed_ms(lambda: pdf_bytes(one_line)) for _ in range(REPEATS * 3)]
    finish({"sheets": times, "refused": refused, "baseline": baseline})


def _contact_records(rng: random.Random, weeks: list[str]) -> list[tuple[str, dict]]:
    """Valid coded records, checked by the statistics model itself."""
    from vaaldstod.directory.categories import CATEGORIES
    from vaaldstod.settings import AGENCIES
    from vaaldstod.statistics.model import AGE_CODES, GENDER_CODES, parse
    from vaaldstod.templates import ASKED, DISCLOSED, FORMS, NOT_ASKED_REASONS

    records = []
    for week in weeks:
        for _ in range(RECORDS_PER_WEEK):
            asked = rng.choice(ASKED)
            disclosed = rng.choice(DISCLOSED) if asked != "not_asked" else None
            record = {
                "agency": rng.choice(AGENCIES),
                "asked": asked,
                "not_asked_reason": rng.choice(NOT_ASKED_REASONS) if not disclosed else None,
                "disclosed": disclosed,
                "forms": rng.sample(FORMS, rng.randint(1, 3)) if disclosed == "yes" else [],
                "children_affected": rng.random() < 0.3,
                "referrals": rng.sample(list(CATEGORIES), rng.randint(0, 2)),
                "gender": rng.choice(GENDER_CODES),
                "age_band": rng.choice(AGE_CODES),
            }
            records.append((week, parse(week, record).record()))
    return records


def statistics() -> None:

    from vaaldstod import paths
    from vaaldstod.settings import Settings
    from vaaldstod.statistics.model import week_of
    from vaaldstod.statistics.service import available, published_report
    from vaaldstod.ui.app import make_application
    from vaaldstod.ui.statistics_page import StatisticsPage
    from vaaldstod.ui.statistics_pdf import pdf_bytes
    from vaaldstod.vault import Vault

    app = make_application([])
    weeks = sorted({week_of(TODAY - timedelta(days=day)) for day in range(364)})
    # Beside the bench's other files in VAALDSTOD_HOME, a folder the bench removes at the end.
    vault = Vault.create(paths.home() / "statistics.db", PASSPHRASE)
    for week, record in _contact_records(random.Random(9), weeks):
        vault.add_contact(week, record)
    page = StatisticsPage(Settings(statistics_retention_days=400), today=lambda: TODAY)
    page.resize(1100, 720)
    page.show()
    page.attach(vault)
    app.processEvents()
    year, quarter = (page.preset.findData(code) for code in ("this_year", "this_quarter"))
    closed = available(vault, TODAY)[0]  # the PDF of the newest closed period

    def published():
        return published_report(vault, closed, page.office, today=TODAY)

    chosen, reloads, reports, pdfs = [], [], [], []
    for _ in range(REPEATS * 2):
        for index in (quarter, year):
            started = now_ms()
            page.preset.setCurrentIndex(index)  # counts at once: a discrete choice
            page.repaint()
            if index == year:
                chosen.append(now_ms() - started)
        reloads.append(timed_ms(lambda: (page.reload(), page.repaint())))
        reports.append(timed_ms(lambda: page._report(suppress=False)))
        pdfs.append(timed_ms(lambda: pdf_bytes(published(), page.font())))
    finish(
        {
            "records": len(vault.contacts()),
            "choose_year": chosen,
            "reload": reloads,
            "report": reports,
            "pdf": pdfs,
        }
    )


if __name__ == "__main__":
    sys.exit({"sheets": sheets, "statistics": statistics}[sys.argv[1]]())
