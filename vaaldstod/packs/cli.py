"""`vaaldstod packs …`: validate, verify, list, install and remove packs; keys and signing.

Every outcome is a line of text and an exit code (0 done, 1 refused); never a traceback.
Without a passphrase the command line is "locked": only the keys shipped with the app count,
and an unsigned pack is refused. With `--passphrase-stdin` the office's keys in the vault
count too, and `--accept-unsigned` installs an unsigned pack as the app does after a warning.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from vaaldstod import paths
from vaaldstod.i18n import _
from vaaldstod.packs import publish, signing, trust
from vaaldstod.packs.errors import PackError
from vaaldstod.packs.loader import load_pack
from vaaldstod.packs.registry import Registry
from vaaldstod.vault_options import add_vault_options


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `packs` subcommand and its own subcommands to the top-level parser."""
    packs = commands.add_parser("packs", help=_("validate, list, install and remove content packs"))
    actions = packs.add_subparsers(dest="packs_command", metavar="ACTION", required=True)
    validate = actions.add_parser("validate", help=_("check a pack folder or .zip file"))
    validate.add_argument("path", type=Path, help=_("the pack folder or .zip file"))
    validate.set_defaults(handler=_validate)
    listing = actions.add_parser("list", help=_("list the packs in use"))
    listing.set_defaults(handler=_list)
    verify = actions.add_parser("verify", help=_("check a pack's signature and files"))
    verify.add_argument("path", type=Path, help=_("the pack folder or .zip file"))
    add_vault_options(verify)
    verify.set_defaults(handler=_verify)
    install = actions.add_parser("install", help=_("install a pack, or a newer version of one"))
    install.add_argument("path", type=Path, help=_("the pack folder or .zip file"))
    install.add_argument(
        "--accept-unsigned",
        action="store_true",
        help=_("install a pack no trusted key signed (needs the vault's passphrase)"),
    )
    add_vault_options(install)
    install.set_defaults(handler=_install)
    remove = actions.add_parser("remove", help=_("remove an installed pack"))
    remove.add_argument("pack_id", metavar="ID", help=_("the pack's id"))
    remove.set_defaults(handler=_remove)
    keygen = actions.add_parser("keygen", help=_("make a key pair for signing packs"))
    keygen.add_argument("--out", required=True, type=Path, help=_("the private key file to write"))
    keygen.add_argument("--name", required=True, help=_("who holds the key, e.g. the office"))
    keygen.set_defaults(handler=_keygen)
    sign = actions.add_parser("sign", help=_("sign a pack folder with a private key"))
    sign.add_argument("path", type=Path, help=_("the pack folder"))
    sign.add_argument("--key", required=True, type=Path, help=_("the private key file"))
    sign.set_defaults(handler=_sign)
    add_key = actions.add_parser("add-key", help=_("trust an office key (kept in the vault)"))
    add_key.add_argument("path", type=Path, help=_("the public key file (.pub.toml)"))
    add_vault_options(add_key)
    add_key.set_defaults(handler=_add_key)
    remove_key = actions.add_parser("remove-key", help=_("stop trusting an office key"))
    remove_key.add_argument("key_id", metavar="KEY_ID", help=_("the key's id"))
    add_vault_options(remove_key)
    remove_key.set_defaults(handler=_remove_key)


def _say(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


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
        trusted = pack.trust.describe() if pack.trust else ""
        print(
            f"{pack.id:<36} {pack.kind:<11} {pack.manifest.version:<9} "
            f"{pack.manifest.review_by.isoformat()} {overdue:<8} {origins[pack.origin]:<10} "
            f"{trusted}".rstrip()
        )
    for error in registry.broken:
        _refused(error)
    return 0


@contextlib.contextmanager
def _unlocked(args: argparse.Namespace, needed: bool) -> Iterator[bool]:
    """Open the vault if a passphrase was asked for; yields whether the vault is unlocked."""
    if not args.passphrase_stdin:
        if needed:
            print(
                _("This needs the vault: give its passphrase with --passphrase-stdin."),
                file=sys.stderr,
            )
        yield False
        return
    from vaaldstod.shell_vault import open_vault, read_passphrase
    from vaaldstod.ui.errors import error_text  # Qt-free: the one place errors become sentences
    from vaaldstod.vault import VaultError

    try:
        vault = open_vault(args.vault or paths.vault_path(), read_passphrase(True) or "")
    except VaultError as error:
        print(error_text(error), file=sys.stderr)
        yield False
        return
    try:
        with trust.use_office_trust(trust.VaultTrust(vault)):
            yield True
    finally:
        vault.close()


def _verify(args: argparse.Namespace) -> int:
    with _unlocked(args, needed=False):
        try:
            pack = Registry().check(args.path)
        except PackError as error:
            return _refused(error)
    assert pack.trust is not None
    if not pack.trust.signed:
        print(
            _("{path}: not trusted: {reason}").format(path=args.path, reason=pack.trust.reason),
            file=sys.stderr,
        )
        return 1
    print(
        _("{path}: OK, {id} {version}, {trust}").format(
            path=args.path, id=pack.id, version=pack.manifest.version, trust=pack.trust.describe()
        )
    )
    return 0


def _install(args: argparse.Namespace) -> int:
    with _unlocked(args, needed=args.accept_unsigned) as unlocked:
        if args.accept_unsigned and not unlocked:
            return 1
        try:
            pack = Registry().install(args.path, accept_unsigned=args.accept_unsigned)
        except PackError as error:
            return _refused(error)
        except OSError as error:
            message = _("{path}: could not be installed ({reason})")
            return _say(message.format(path=args.path, reason=error.strerror))
    print(_("Installed {id} {version}.").format(id=pack.id, version=pack.manifest.version))
    if pack.trust is not None and not pack.trust.signed:
        print(
            _("It is unsigned: its numbers are never printed on a client's sheet or card."),
            file=sys.stderr,
        )
    return 0


def _remove(args: argparse.Namespace) -> int:
    try:
        Registry().remove(args.pack_id)
    except PackError as error:
        return _refused(error)
    except OSError as error:
        message = _("{id}: could not be removed ({reason})")
        return _say(message.format(id=args.pack_id, reason=error.strerror))
    print(_("Removed {id}.").format(id=args.pack_id))
    return 0


def _keygen(args: argparse.Namespace) -> int:
    public = args.out.with_suffix(".pub.toml")
    if args.out.exists() or public.exists():
        return _say(_("{path} already exists; nothing was written").format(path=args.out))
    try:
        key = publish.make_key(args.out, args.name, public)
    except OSError as error:
        print(
            _("{path} could not be written ({reason})").format(
                path=args.out, reason=error.strerror
            ),
            file=sys.stderr,
        )
        return 1
    print(
        _(
            "Wrote the private key {private} (keep it secret, off shared drives) and the public "
            "key {public} (key {key_id}) for the offices that should trust your packs."
        ).format(private=args.out, public=public, key_id=key.key_id)
    )
    return 0


def _sign(args: argparse.Namespace) -> int:
    try:
        private = signing.read_private_key(args.key)
        written = publish.sign_pack(args.path, private)
    except (OSError, signing.SignatureError) as error:
        return _say(_("{path}: cannot be used ({reason})").format(path=args.key, reason=error))
    except PackError as error:
        return _refused(error)
    key_id = signing.public_key(private, "").key_id
    if written:
        print(_("Signed {path} with key {key_id}.").format(path=args.path, key_id=key_id))
    else:
        message = _("{path} is already signed with key {key_id}.")
        print(message.format(path=args.path, key_id=key_id))
    return 0


def _add_key(args: argparse.Namespace) -> int:
    try:
        key = signing.parse_public_key(args.path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, signing.SignatureError) as error:
        return _say(_("{path}: not a public key ({reason})").format(path=args.path, reason=error))
    with _unlocked(args, needed=True) as unlocked:
        if not unlocked:
            return 1
        office = trust.office_trust()
        assert isinstance(office, trust.VaultTrust)
        office.add_key(key)
    print(
        _("The vault now trusts packs signed by {name} (key {key_id}).").format(
            name=key.name, key_id=key.key_id
        )
    )
    return 0


def _remove_key(args: argparse.Namespace) -> int:
    with _unlocked(args, needed=True) as unlocked:
        if not unlocked:
            return 1
        office = trust.office_trust()
        assert isinstance(office, trust.VaultTrust)
        if args.key_id not in {key.key_id for key in office.keys()}:
            return _say(_("The vault holds no office key {key_id}.").format(key_id=args.key_id))
        office.remove_key(args.key_id)
    print(
        _("The vault no longer trusts packs signed with key {key_id}.").format(key_id=args.key_id)
    )
    return 0
