"""Pack signatures: a manifest with the SHA-256 of every file, signed with Ed25519.

A signed pack carries `pack.sig` beside its content: the hash of each of its other
files, the id of the key that signed, the day it was signed, and an Ed25519 signature over
those lines. The cryptography is `cryptography`'s Ed25519, never our own. Checking a pack
needs only the public key; signing needs the private key, which never ships with the app.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from vaaldstod import atomic
from vaaldstod.packs.pack_files import SIGNATURE

SIGNATURE_FORMAT = 1
# Signed bytes begin with this, so a pack signature can never pass for any other signed text.
_DOMAIN = b"vaaldstod-pack-signature-v1\n"
# Publisher-only ids: an office key may not sign a pack whose id starts with this (TUF's
# delegation: each key signs only the names it was given).
RESERVED_PREFIX = "vaaldstod."


class SignatureError(ValueError):
    """A key or a signature file that cannot be read; the message says why, in English."""


@dataclass(frozen=True)
class PublicKey:
    """A key that may sign packs: its id, who holds it, which pack ids it may sign, until when."""

    key_id: str
    name: str
    raw: bytes  # the 32 bytes of the Ed25519 public key
    scope: tuple[str, ...] = ("*",)  # pack id prefixes ("*": any id)
    expires: datetime.date | None = None

    def may_sign(self, pack_id: str) -> bool:
        """True if the key's scope covers `pack_id`."""
        return any(prefix == "*" or pack_id.startswith(prefix) for prefix in self.scope)

    def expired(self, today: datetime.date | None = None) -> bool:
        return self.expires is not None and self.expires < (today or datetime.date.today())

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_toml(self) -> str:
        """The key as a small TOML file an office can hand on (public half only)."""
        lines = [
            "# A Våldstöd pack-signing public key. Trust it only if it came from its owner.",
            f"id = {_quote(self.key_id)}",
            f"name = {_quote(self.name)}",
            f"public_key = {_quote(base64.b64encode(self.raw).decode('ascii'))}",
            "scope = [" + ", ".join(_quote(prefix) for prefix in self.scope) + "]",
        ]
        if self.expires:
            lines.append(f"expires = {self.expires.isoformat()}")
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Signature:
    """The contents of a pack's pack.sig."""

    key_id: str
    signed_on: datetime.date
    files: Mapping[str, str]  # file name -> SHA-256, hex
    signature: bytes

    def message(self) -> bytes:
        return signed_message(self.key_id, self.signed_on, self.files)


def key_id_of(raw: bytes) -> str:
    """A key's id: the first 16 hex digits of the SHA-256 of its 32 raw bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def file_hashes(files: Mapping[str, bytes]) -> dict[str, str]:
    """The SHA-256 of every file but the signature itself, by name."""
    return {
        name: hashlib.sha256(data).hexdigest()
        for name, data in sorted(files.items())
        if name != SIGNATURE
    }


def digest(files: Mapping[str, bytes]) -> str:
    """One SHA-256 over all of a pack's files (signature included): what an office accepted."""
    lines = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    )
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def signed_message(key_id: str, signed_on: datetime.date, files: Mapping[str, str]) -> bytes:
    """The exact bytes a signature covers: key, day, then one `hash  name` line per file."""
    lines = [f"key {key_id}", f"signed_on {signed_on.isoformat()}"]
    lines += [f"{files[name]}  {name}" for name in sorted(files)]
    return _DOMAIN + ("\n".join(lines) + "\n").encode("utf-8")


# --- keys -------------------------------------------------------------------------------------


def generate_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_key(
    private: Ed25519PrivateKey,
    name: str,
    scope: tuple[str, ...] = ("*",),
    expires: datetime.date | None = None,
) -> PublicKey:
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return PublicKey(key_id_of(raw), name, raw, scope, expires)


def write_private_key(private: Ed25519PrivateKey, path: Path) -> None:
    """Save a private key as PKCS#8 PEM, readable by its owner only (mode 0600)."""
    data = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def read_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except (ValueError, TypeError) as error:
        raise SignatureError(f"{path} is not an unencrypted PEM private key ({error})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureError(f"{path} is not an Ed25519 key")
    return key


def parse_public_key(text: str) -> PublicKey:
    """A public key from the TOML a key file holds; SignatureError if it is not one."""
    try:
        data = tomllib.loads(text)
        raw = base64.b64decode(data["public_key"], validate=True)
        name = data.get("name", "")
        scope = tuple(data.get("scope", ["*"]))
        expires = data.get("expires")
    except (tomllib.TOMLDecodeError, KeyError, binascii.Error, TypeError) as error:
        raise SignatureError(f"not a public key file ({error})") from None
    if len(raw) != 32 or not isinstance(name, str) or not all(isinstance(s, str) for s in scope):
        raise SignatureError("not an Ed25519 public key file")
    if expires is not None and not isinstance(expires, datetime.date):
        raise SignatureError("expires is not a date")
    key = PublicKey(key_id_of(raw), name, raw, scope or ("*",), expires)
    if data.get("id", key.key_id) != key.key_id:
        raise SignatureError("its id does not match its public key")
    return key


def load_keys(folder: Path) -> list[PublicKey]:
    """Every public key file (`*.toml`) in `folder`; a file that is not a key is skipped."""
    keys: list[PublicKey] = []
    try:
        names = sorted(Path(folder).glob("*.toml"))
    except OSError:
        return []
    for path in names:
        try:
            keys.append(parse_public_key(path.read_text("utf-8")))
        except (OSError, UnicodeDecodeError, SignatureError):
            continue
    return keys


# --- signatures -------------------------------------------------------------------------------


def sign_files(
    files: Mapping[str, bytes],
    private: Ed25519PrivateKey,
    signed_on: datetime.date | None = None,
) -> str:
    """The text of pack.sig for `files` (any signature among them is left out)."""
    key = public_key(private, "")
    signed_on = signed_on or datetime.date.today()
    hashes = file_hashes(files)
    signature = private.sign(signed_message(key.key_id, signed_on, hashes))
    lines = [
        "# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed",
        "# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.",
        f"format = {SIGNATURE_FORMAT}",
        f"key = {_quote(key.key_id)}",
        f"signed_on = {signed_on.isoformat()}",
        f"signature = {_quote(base64.b64encode(signature).decode('ascii'))}",
        "",
        "[files]",
    ]
    lines += [f"{_quote(name)} = {_quote(value)}" for name, value in hashes.items()]
    return "\n".join(lines) + "\n"


def parse_signature(data: bytes) -> Signature:
    """A signature file's contents; SignatureError if it is not one this version reads."""
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
        if parsed.get("format") != SIGNATURE_FORMAT:
            raise SignatureError(f"signature format {parsed.get('format')!r} is not known")
        files = parsed["files"]
        signed_on = parsed["signed_on"]
        key_id = parsed["key"]
        raw = base64.b64decode(parsed["signature"], validate=True)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, binascii.Error, TypeError):
        raise SignatureError("the signature file cannot be read") from None
    if (
        not isinstance(files, dict)
        or not all(isinstance(v, str) for v in files.values())
        or not isinstance(signed_on, datetime.date)
        or isinstance(signed_on, datetime.datetime)
        or not isinstance(key_id, str)
    ):
        raise SignatureError("the signature file cannot be read")
    return Signature(key_id, signed_on, dict(files), raw)


def signature_current(files: Mapping[str, bytes], key: PublicKey) -> bool:
    """True if `files` already carry a valid signature by `key` over exactly these files."""
    if SIGNATURE not in files:
        return False
    try:
        found = parse_signature(files[SIGNATURE])
    except SignatureError:
        return False
    return (
        found.key_id == key.key_id
        and dict(found.files) == file_hashes(files)
        and key.verify(found.signature, found.message())
    )


def sign_folder(folder: Path, private: Ed25519PrivateKey, files: Mapping[str, bytes]) -> bool:
    """Write `folder`/pack.sig unless a valid one for these files exists; True if written."""
    if signature_current(files, public_key(private, "")):
        return False
    atomic.write_bytes(Path(folder) / SIGNATURE, sign_files(files, private).encode("utf-8"))
    return True


def _quote(text: str) -> str:
    # A JSON string is a valid TOML basic string (control characters escaped as \\uXXXX).
    return json.dumps(text, ensure_ascii=False)
