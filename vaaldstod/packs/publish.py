"""Publishing tools for the content team: make a key, sign a pack, sign every shipped pack.

`python -m vaaldstod.packs.publish --key KEY [--create-key --public-out DIR] FOLDER…` signs
each pack folder under each FOLDER (or FOLDER itself if it is a pack) whose signature is
missing or stale, validating it first; a pack whose signature already covers its files is
left untouched, so running it twice changes nothing (`make sign-packs`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vaaldstod.packs import signing
from vaaldstod.packs.errors import PackError
from vaaldstod.packs.loader import parse_pack
from vaaldstod.packs.pack_files import MANIFEST, read_pack_files


def make_key(path: Path, name: str, public_out: Path | None = None) -> signing.PublicKey:
    """Create a private key at `path` (mode 0600, refusing to overwrite) and its public file."""
    private = signing.generate_key()
    signing.write_private_key(private, path)
    key = signing.public_key(private, name)
    write_public(key, public_out or path.with_suffix(".pub.toml"))
    return key


def write_public(key: signing.PublicKey, target: Path) -> Path:
    """Write the public key file; `target` may be a folder (the file is named by the key's id)."""
    if target.is_dir():
        target = target / f"{key.key_id}.toml"
    if not target.exists() or target.read_text("utf-8") != key.to_toml():
        target.write_text(key.to_toml(), encoding="utf-8")
    return target


def pack_folders(roots: list[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        if (root / MANIFEST).is_file():
            found.append(root)
        else:
            found += sorted(p for p in root.iterdir() if (p / MANIFEST).is_file())
    return found


def sign_pack(folder: Path, private, *, validate: bool = True) -> bool:
    """Sign the pack in `folder` unless its signature is current; True if a signature was written.

    With `validate`, a pack that does not pass validation is refused (PackError), never signed.
    """
    pack_files = read_pack_files(folder)
    if validate:
        parse_pack(pack_files)
    return signing.sign_folder(folder, private, pack_files.files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vaaldstod.packs.publish")
    parser.add_argument("--key", type=Path, required=True, help="the private signing key")
    parser.add_argument("--create-key", action="store_true", help="create the key if missing")
    parser.add_argument("--name", default="Våldstöd-projektet", help="the key's owner")
    parser.add_argument("--public-out", type=Path, help="folder for the public key file")
    parser.add_argument("--no-validate", action="store_true", help="sign test fixtures as they are")
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if not args.key.exists():
        if not args.create_key:
            print(f"{args.key}: no such key (give --create-key to make one)", file=sys.stderr)
            return 1
        key = make_key(args.key, args.name, args.public_out)
        print(f"created {args.key} (key {key.key_id}); keep it out of the repository")
    try:
        private = signing.read_private_key(args.key)
    except (OSError, signing.SignatureError) as error:
        print(f"{args.key}: {error}", file=sys.stderr)
        return 1
    if args.public_out:
        write_public(signing.public_key(private, args.name), args.public_out)
    signed = unchanged = 0
    for folder in pack_folders(args.folders):
        try:
            if sign_pack(folder, private, validate=not args.no_validate):
                signed += 1
                print(f"signed {folder}")
            else:
                unchanged += 1
        except PackError as error:
            print(f"not signed: {error}", file=sys.stderr)
            return 1
    print(f"{signed} pack(s) signed, {unchanged} already current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
