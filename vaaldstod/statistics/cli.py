"""`vaaldstod stats export`: the period's aggregates as CSV, from the shell.

The passphrase comes from standard input (`--passphrase-stdin`) or a hidden prompt, never
from an argument: arguments show up in process lists and shell history. Every outcome is a
line of text and an exit code (0 done, 1 refused, 2 bad arguments); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from vaaldstod import paths, settings
from vaaldstod.i18n import _
from vaaldstod.statistics.model import StatisticsError
from vaaldstod.statistics.period import Period


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `stats` subcommand and its actions to the top-level parser."""
    stats = commands.add_parser("stats", help=_("anonymous follow-up statistics"))
    actions = stats.add_subparsers(dest="stats_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help=_("write the aggregates of a period as CSV, small counts suppressed")
    )
    export.add_argument("--vault", type=Path, help=_("the vault (default: your own)"))
    export.add_argument("--from", dest="first", required=True, type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="last", required=True, type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--out", required=True, type=Path, help=_("the CSV file to write"))
    export.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_("read the passphrase from the first line of standard input"),
    )
    export.set_defaults(handler=_export)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date such as 2026-03-31").format(text=text)
        ) from None


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _export(args: argparse.Namespace) -> int:
    from vaaldstod.shell_vault import open_vault, read_passphrase
    from vaaldstod.statistics.retention import purge_contacts
    from vaaldstod.statistics.service import export_csv
    from vaaldstod.ui.errors import error_text  # Qt-free: the one place errors become sentences
    from vaaldstod.ui.statistics_labels import labels, office_name  # the walk-through's labels
    from vaaldstod.vault import VaultError

    try:
        period = Period(args.first, args.last)
    except StatisticsError as error:
        return _fail(str(error), 2)
    try:
        passphrase = read_passphrase(args.passphrase_stdin)
    except VaultError as error:
        return _fail(error_text(error))
    if passphrase is None:
        return _fail(_("No passphrase: give it on standard input with --passphrase-stdin."))
    current = settings.load()
    try:
        with open_vault(args.vault or paths.vault_path(), passphrase) as vault:
            purge_contacts(vault, current)  # whenever a vault is opened, as the app does
            export_csv(vault, period, args.out, office_name(current), labels())
    except VaultError as error:
        return _fail(error_text(error))
    except OSError as error:
        reason = error.strerror or str(error)
        return _fail(
            _("{path} could not be written: {reason}").format(path=args.out, reason=reason)
        )
    print(_("Wrote {path}.").format(path=args.out))
    return 0
