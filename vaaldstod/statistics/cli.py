"""`vaaldstod stats …`: exports and the office roll-up, from the shell.

    stats export     --period 2026-Q4 --out report.csv|pdf       protected figures
    stats keygen                                                 team leader: a key pair
    stats contribute --period 2026-Q4 --to KEY --out FILE.vsc    sealed exact counts
    stats merge      --period 2026-Q4 FILE… --out report.csv|pdf (or --to KEY --out F.vsc)

Periods are calendar quarters and years that are over (docs/statistics.md). The passphrase
comes from standard input (`--passphrase-stdin`) or a hidden prompt, never from an argument:
arguments show up in process lists and shell history. Every outcome is a line of text and an
exit code (0 done, 1 refused, 2 bad arguments); never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import date
from pathlib import Path

from vaaldstod import paths, settings
from vaaldstod.i18n import _, ngettext
from vaaldstod.statistics.model import StatisticsError
from vaaldstod.statistics.period import Period
from vaaldstod.vault_options import add_vault_options


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `stats` subcommand and its actions to the top-level parser."""
    stats = commands.add_parser("stats", help=_("anonymous follow-up statistics"))
    actions = stats.add_subparsers(dest="stats_command", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export", help=_("write a closed quarter's or year's figures, small counts hidden")
    )
    _period_argument(export)
    export.add_argument(
        "--out", required=True, type=Path, help=_("the report to write (.csv or .pdf)")
    )
    add_vault_options(export)
    export.set_defaults(handler=_export)

    keygen = actions.add_parser(
        "keygen", help=_("team leader: make a key pair for the roll-up; prints the public key")
    )
    keygen.add_argument("--out", type=Path, help=_("also write the public key to this file"))
    add_vault_options(keygen)
    keygen.set_defaults(handler=_keygen)

    contribute = actions.add_parser(
        "contribute", help=_("seal your exact counts of a period to your team leader")
    )
    _period_argument(contribute)
    contribute.add_argument(
        "--to", required=True, metavar="KEY", help=_("the team leader's public key, or its file")
    )
    contribute.add_argument("--out", required=True, type=Path, help=_("the file to write"))
    add_vault_options(contribute)
    contribute.set_defaults(handler=_contribute)

    merge = actions.add_parser(
        "merge", help=_("team leader: add up contributions, then protect the total")
    )
    _period_argument(merge)
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    merge.add_argument(
        "--out", required=True, type=Path, help=_("the report (.csv or .pdf), or with --to a file")
    )
    merge.add_argument(
        "--to", metavar="KEY", help=_("seal the office total to an agency's key instead")
    )
    add_vault_options(merge)
    merge.set_defaults(handler=_merge)


def _period_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--period", required=True, type=_period, metavar="YYYY-QN|YYYY",
        help=_("a calendar quarter such as 2026-Q4 or a year such as 2026, once it is over"),
    )  # fmt: skip


def _period(text: str) -> Period:
    try:
        return Period.parse(text)
    except StatisticsError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


# -- the vault ---------------------------------------------------------------------------


@contextlib.contextmanager
def _opened_vault(args: argparse.Namespace):
    """The unlocked vault, retention applied as the app does; raises _Refused with a text."""
    from vaaldstod.shell_vault import open_vault, read_passphrase
    from vaaldstod.statistics.retention import purge_contacts
    from vaaldstod.ui.errors import error_text  # Qt-free: the one place errors become sentences
    from vaaldstod.vault import VaultError

    try:
        passphrase = read_passphrase(args.passphrase_stdin)
    except VaultError as error:
        raise _Refused(error_text(error)) from None
    if passphrase is None:
        raise _Refused(_("No passphrase: give it on standard input with --passphrase-stdin."))
    try:
        with open_vault(args.vault or paths.vault_path(), passphrase) as vault:
            purge_contacts(vault, settings.load())  # whenever a vault is opened, as the app does
            yield vault
    except VaultError as error:
        raise _Refused(error_text(error)) from None


class _Refused(Exception):
    pass


def _run(action) -> int:
    """Every refusal the same way: one sentence on stderr, exit code 1."""
    try:
        return action()
    except _Refused as refused:
        return _fail(str(refused))
    except StatisticsError as error:
        return _fail(str(error))


def _written(path: Path, error: OSError) -> int:
    reason = error.strerror or str(error)
    return _fail(_("{path} could not be written: {reason}").format(path=path, reason=reason))


def _write_report(report, out: Path) -> None:
    from vaaldstod.statistics.export import write_csv

    if out.suffix.lower() == ".pdf":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from vaaldstod.ui.printing import gui_application
        from vaaldstod.ui.statistics_pdf import write_pdf

        _app = gui_application()
        write_pdf(out, report)
    else:
        write_csv(out, report)


# -- actions -------------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    from vaaldstod.statistics.labels import labels, office_name
    from vaaldstod.statistics.service import published_report

    def action() -> int:
        args.period.require_closed(date.today())
        with _opened_vault(args) as vault:
            report = published_report(vault, args.period, office_name(settings.load()), labels())
        try:
            _write_report(report, args.out)
        except OSError as error:
            return _written(args.out, error)
        for note in report.notes:
            print(note)
        print(_("Wrote {path}.").format(path=args.out))
        return 0

    return _run(action)


def _keygen(args: argparse.Namespace) -> int:
    from vaaldstod.statistics.rollup import fingerprint, new_key_pair

    def action() -> int:
        public, secret = new_key_pair()
        with _opened_vault(args) as vault:
            vault.add_statistics_key(public, secret)
        if args.out:
            try:
                args.out.write_text(public + "\n", encoding="utf-8")
            except OSError as error:
                return _written(args.out, error)
        print(public)
        print(
            _(
                "Give this public key to the handlers (it starts {start}); the private key "
                "stays in your vault."
            ).format(start=fingerprint(public)),
            file=sys.stderr,
        )
        return 0

    return _run(action)


def _contribute(args: argparse.Namespace) -> int:
    from vaaldstod.statistics import rollup
    from vaaldstod.statistics.service import contribution

    def action() -> int:
        args.period.require_closed(date.today())
        recipient = rollup.parse_public_key(args.to)
        with _opened_vault(args) as vault:
            data = contribution(vault, args.period, recipient)
        try:
            rollup.write(args.out, data)
        except OSError as error:
            return _written(args.out, error)
        print(_("Wrote {path}. Only the team leader's vault can open it.").format(path=args.out))
        return 0

    return _run(action)


def _merge(args: argparse.Namespace) -> int:
    from vaaldstod.statistics import rollup
    from vaaldstod.statistics.labels import labels, office_name
    from vaaldstod.statistics.service import report_of

    def action() -> int:
        args.period.require_closed(date.today())
        recipient = rollup.parse_public_key(args.to) if args.to else None
        with _opened_vault(args) as vault:
            keys = vault.statistics_keys()
            if recipient is None:
                from vaaldstod.statistics.service import merge_contributions

                merged, figures = merge_contributions(vault, args.period, args.files)
            else:  # an office total for the agency: sealed again, protected there
                merged = rollup.merge(rollup.read_all(args.files, args.period, keys), args.period)
        for sentence in merged.dropped:
            print(sentence, file=sys.stderr)
        try:
            if recipient is None:
                _write_report(report_of(figures, office_name(settings.load()), labels()), args.out)
            else:
                quarters, n = merged.quarters, merged.contributors
                data = rollup.seal(recipient, args.period, quarters, contributors=n, ids=merged.ids)
                rollup.write(args.out, data)
        except OSError as error:
            return _written(args.out, error)
        print(
            ngettext(
                "Merged the contribution of {n} handler into {path}.",
                "Merged the contributions of {n} handlers into {path}.",
                merged.contributors,
            ).format(n=merged.contributors, path=args.out)
        )
        return 0

    return _run(action)
