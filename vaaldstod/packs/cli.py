"""`vaaldstod packs …`: validate, list, install and remove content packs from the shell.

Every outcome is a line of text and an exit code (0 done, 1 refused); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vaaldstod.i18n import _
from vaaldstod.packs.errors import PackError
from vaaldstod.packs.loader import load_pack
from vaaldstod.packs.registry import Registry


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `packs` subcommand and its own subcommands to the top-level parser."""
    packs = commands.add_parser("packs", help=_("validate, list, install and remove content packs"))
    actions = packs.add_subparsers(dest="packs_command", metavar="ACTION", required=True)
    validate = actions.add_parser("validate", help=_("check a pack folder or .zip file"))
    validate.add_argument("path", type=Path, help=_("the pack folder or .zip file"))
    validate.set_defaults(handler=_validate)
    listing = actions.add_parser("list", help=_("list the packs in use"))
    listing.set_defaults(handler=_list)
    install = actions.add_parser("install", help=_("install a pack, or a newer version of one"))
    install.add_argument("path", type=Path, help=_("the pack folder or .zip file"))
    install.set_defaults(handler=_install)
    remove = actions.add_parser("remove", help=_("remove an installed pack"))
    remove.add_argument("pack_id", metavar="ID", help=_("the pack's id"))
    remove.set_defaults(handler=_remove)


def _refused(error: PackError) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    return 1


def _validate(args: argparse.Namespace) -> int:
    try:
        pack = load_pack(args.path)
    except PackError as error:
        return _refused(error)
    print(
        _("{path}: OK, {id} {version} ({kind})").format(
            path=args.path, id=pack.id, version=pack.manifest.version, kind=pack.kind
        )
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    registry = Registry()
    origins = {"shipped": _("shipped"), "installed": _("installed")}
    for pack in registry.packs():
        overdue = _("overdue") if pack.overdue() else ""
        print(
            f"{pack.id:<36} {pack.kind:<11} {pack.manifest.version:<9} "
            f"{pack.manifest.review_by.isoformat()} {overdue:<8} {origins[pack.origin]}".rstrip()
        )
    for error in registry.broken:
        _refused(error)
    return 0


def _install(args: argparse.Namespace) -> int:
    try:
        pack = Registry().install(args.path)
    except PackError as error:
        return _refused(error)
    except OSError as error:
        print(
            _("{path}: could not be installed ({reason})").format(
                path=args.path, reason=error.strerror
            ),
            file=sys.stderr,
        )
        return 1
    print(_("Installed {id} {version}.").format(id=pack.id, version=pack.manifest.version))
    return 0


def _remove(args: argparse.Namespace) -> int:
    try:
        Registry().remove(args.pack_id)
    except PackError as error:
        return _refused(error)
    except OSError as error:
        print(
            _("{id}: could not be removed ({reason})").format(
                id=args.pack_id, reason=error.strerror
            ),
            file=sys.stderr,
        )
        return 1
    print(_("Removed {id}.").format(id=args.pack_id))
    return 0
