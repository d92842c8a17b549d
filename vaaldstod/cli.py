"""The `vaaldstod` command: starts the app, or runs an office task from the shell.

Subcommands register themselves from their own modules; argparse errors exit 2 with a
plain message. Qt is imported only by the commands that draw something.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from vaaldstod import settings
from vaaldstod.i18n import _, set_language


def _parser() -> argparse.ArgumentParser:
    from vaaldstod.packs import cli as packs_cli
    from vaaldstod.sheets import cli as sheets_cli
    from vaaldstod.statistics import cli as stats_cli

    parser = argparse.ArgumentParser(
        prog="vaaldstod",
        description=_("Våldstöd: support for caseworkers who meet people subjected to violence."),
    )
    from vaaldstod import __version__

    parser.add_argument("--version", action="version", version=f"vaaldstod {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check the vault, search, lock and main window in a throwaway folder"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    shot = commands.add_parser("screenshot", help=_("render every main screen to PNG files"))
    shot.add_argument("--out", required=True, help=_("folder for the PNG files"))
    shot.add_argument("--lang", choices=("sv", "en"), help=_("language of the screens"))
    packs_cli.register(commands)
    sheets_cli.register(commands)
    stats_cli.register(commands)
    return parser


def entry() -> int:
    """The program's start (`vaaldstod`, `python -m vaaldstod`, the bundle): harden the
    process before anything can hold a note or a passphrase in memory, then run."""
    from vaaldstod.hardening import harden

    harden()
    return main()


# `vaaldstod --time-start`: a plain start that prints when the lock screen was drawn (the
# system-wide monotonic clock, in ms) and quits, so that bench/ can time the installed bundle
# the same way as the virtual environment. Not in --help: it is for measuring only.
TIME_START = "--time-start"


def main(argv: Sequence[str] | None = None) -> int:
    set_language(settings.load().language)
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv == [TIME_START]:
        # Plain `vaaldstod`: straight to the lock screen, without building the parser
        # (which imports the pack, sheet and statistics engines).
        return _start_app(timed=bool(argv))
    args = _parser().parse_args(argv)
    if args.self_test:
        from vaaldstod.ui.selftest import run_self_test

        return run_self_test()
    if args.command == "screenshot":
        from vaaldstod.ui.screenshots import render_all

        return render_all(args.out, args.lang)
    if args.command is not None:
        return args.handler(args)
    return _start_app()


def _start_app(timed: bool = False) -> int:
    from vaaldstod.ui.app import run_app

    return run_app(sys.argv[:1], timed=timed)
