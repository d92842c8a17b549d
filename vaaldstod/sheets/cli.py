"""`vaaldstod referral-sheet`: an office prints sheets, wallet cards or posters to PDF files.

One PDF per language, named `<format>-<language>.pdf`. Bad arguments give one line of text
and exit code 2; a sheet that cannot be made exits 1. Qt is started only to draw the PDFs,
offscreen unless told otherwise, so the command runs on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from vaaldstod.directory import (
    Area,
    Directory,
    DirectoryError,
    areas,
    find_area,
    load_profile,
    search,
)
from vaaldstod.directory.entry import Entry
from vaaldstod.i18n import _
from vaaldstod.sheets.render import FORMATS, SheetError, render_sheet
from vaaldstod.sheets.selection import for_clients, office_area, standard_set
from vaaldstod.sheets.texts import sheet_languages

COMMAND = "referral-sheet"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `referral-sheet` subcommand to the top-level parser."""
    sheet = commands.add_parser(
        COMMAND, help=_("write referral sheets, wallet cards or posters as PDF files")
    )
    sheet.add_argument(
        "--format",
        required=True,
        choices=tuple(FORMATS),
        help=_("a4: sheet for the client; card: discreet wallet card; poster: A4 poster"),
    )
    sheet.add_argument(
        "--lang",
        required=True,
        metavar="LANG[,LANG…]",
        help=_("languages, separated by commas, for example sv,en,ar"),
    )
    sheet.add_argument(
        "--area",
        metavar="PLACE",
        help=_(
            "a county or municipality whose services are added to the national ones "
            "(default: the area of the office profile)"
        ),
    )
    sheet.add_argument(
        "--office",
        type=Path,
        metavar="PROFILE",
        help=_("an office profile file (default: the profile saved in the app)"),
    )
    sheet.add_argument("--out", required=True, type=Path, help=_("folder for the PDF files"))
    sheet.set_defaults(handler=_referral_sheet)


def _usage_error(message: str) -> int:
    print(f"vaaldstod {COMMAND}: {_('error')}: {message}", file=sys.stderr)
    return 2


def _referral_sheet(args: argparse.Namespace) -> int:
    languages = sheet_languages()
    wanted = [code.strip() for code in args.lang.split(",") if code.strip()]
    unknown = [code for code in wanted if code not in languages]
    if not wanted or unknown:
        return _usage_error(
            _("unknown language {codes}; the sheets exist in: {known}").format(
                codes=", ".join(unknown) or "''", known=", ".join(languages)
            )
        )
    out = Path(args.out)
    if not out.parent.is_dir() or (out.exists() and not out.is_dir()):
        return _usage_error(
            _("{path} cannot be used: its parent folder must exist").format(path=out)
        )
    try:
        office = load_profile(args.office, missing_ok=args.office is None)
    except DirectoryError as error:
        return _usage_error(_("the office profile cannot be used: {reason}").format(reason=error))
    directory = Directory()
    first = directory.entries(wanted[0])
    place = find_area(args.area, first) if args.area else office_area(office, first)
    if place is None:
        known = [area.municipality or area.county for area in areas(first)]
        return _usage_error(
            _("unknown area {area}; the directory knows: {known}").format(
                area=args.area, known=", ".join(known)
            )
        )
    _warn_about_unchecked(first, place)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vaaldstod.ui.printing import gui_application, write_pdf

    _app = gui_application()
    out.mkdir(exist_ok=True)
    for code in wanted:
        entries = printable(directory.entries(code), place)
        try:
            sheet = render_sheet(args.format, languages[code], entries, office)
        except SheetError as error:
            print(error, file=sys.stderr)
            return 1
        path = out / f"{args.format}-{code}.pdf"
        try:
            write_pdf(sheet, path)
        except OSError as error:
            print(
                _("{path} could not be written ({reason})").format(
                    path=path, reason=error.strerror or error
                ),
                file=sys.stderr,
            )
            return 1
        print(path)
        if sheet.left_out:
            print(
                _("Not on the card (a few numbers with a neutral label only): {names}").format(
                    names="; ".join(sheet.left_out)
                ),
                file=sys.stderr,
            )
    return 0


def printable(entries: list[Entry], place: Area) -> list[Entry]:
    """What the command prints for a client in `place`: the office's standard set."""
    return standard_set(entries, place)


def _warn_about_unchecked(entries: list[Entry], place: Area) -> None:
    everyone = [e for e in search(entries, area=place) if not e.professionals_only]
    for entry in everyone:
        if entry.number_changed_from:
            print(
                _(
                    "Left out: the number of {name} changed from {old} to {new}; confirm the new "
                    "number in the app (Referrals → Give to the client) before it is printed"
                ).format(name=entry.organisation, old=entry.number_changed_from, new=entry.phone),
                file=sys.stderr,
            )
        elif entry.unsigned:
            print(
                _("Left out: {name} comes from an unsigned pack ({pack})").format(
                    name=entry.organisation, pack=entry.pack
                ),
                file=sys.stderr,
            )
    served = for_clients(search(entries, area=place))
    waiting = [e.organisation for e in served if e.needs_office_input]
    overdue = [e.organisation for e in served if not e.needs_office_input and e.overdue()]
    if waiting:
        print(
            _("Left out until the office has checked them: {names}").format(
                names="; ".join(waiting)
            ),
            file=sys.stderr,
        )
    if overdue:
        print(
            _("Printed, but due for review: {names}").format(names="; ".join(overdue)),
            file=sys.stderr,
        )
