"""How far a pack is trusted, checked every time packs are read.

- `publisher`: signed by a key shipped with the app (`vaaldstod/packs/trusted_keys/`).
- `office`: signed by a key the office added while its vault was unlocked (kept in the vault).
- `accepted`: not validly signed, but the office accepted exactly these files while unlocked,
  after a warning. Shown as "unsigned"; its numbers never go on a client's sheet or card.
- `untrusted`: none of these. Such a pack is not used at all; the office sees why.

The office's keys and acceptances live in the vault, so they count only while it is
unlocked: the UI (or a command given the passphrase) sets them with `use_office_trust`.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from vaaldstod.i18n import _
from vaaldstod.packs import signing
from vaaldstod.packs.signing import SIGNATURE, PublicKey, SignatureError

TRUSTED_KEYS_DIR = Path(__file__).parent / "trusted_keys"
# Further folders of publisher keys; tests add a throwaway key here (never used in the app).
EXTRA_KEY_DIRS: tuple[Path, ...] = ()

RANKS = {"untrusted": 0, "accepted": 1, "office": 2, "publisher": 3}


@dataclass(frozen=True)
class Trust:
    """The outcome of checking a pack's signature: a level, the signer, and why if untrusted."""

    level: str
    signer: str = ""
    key_id: str = ""
    signed_on: datetime.date | None = None
    reason: str = ""
    digest: str = ""  # of all the files checked: what an office accepts, or expects to install

    @property
    def rank(self) -> int:
        return RANKS[self.level]

    @property
    def signed(self) -> bool:
        """True for a valid signature by a key the app or the office trusts."""
        return self.level in ("publisher", "office")

    @property
    def usable(self) -> bool:
        """True if the pack's content may be shown at all."""
        return self.level != "untrusted"

    def describe(self) -> str:
        """One short phrase for a list: who signed, or that it is unsigned."""
        if self.level == "publisher":
            return _("signed by {signer}").format(signer=self.signer)
        if self.level == "office":
            return _("signed by the office key {signer}").format(signer=self.signer)
        if self.level == "accepted":
            return _("unsigned, accepted by the office")
        return _("untrusted: {reason}").format(reason=self.reason)


class OfficeTrust(Protocol):
    """What the unlocked vault adds: the office's keys and the unsigned packs it accepted."""

    def keys(self) -> list[PublicKey]: ...

    def accepted(self, pack_id: str, version: str, digest: str) -> bool: ...

    def accept(self, pack_id: str, version: str, digest: str) -> None: ...


_office: OfficeTrust | None = None
_generation = 0


def set_office_trust(office: OfficeTrust | None) -> None:
    """Called at unlock (the vault's trust) and at lock (None); registries read packs again."""
    global _office, _generation
    _office = office
    _generation += 1


def generation() -> int:
    """Changes whenever the office's trust does: a registry's cached packs are then stale."""
    return _generation


def office_trust() -> OfficeTrust | None:
    return _office


@contextlib.contextmanager
def use_office_trust(office: OfficeTrust | None) -> Iterator[None]:
    """The office's trust for the length of a `with` block (the command line, tests)."""
    before = _office
    set_office_trust(office)
    try:
        yield
    finally:
        set_office_trust(before)


def publisher_keys() -> list[PublicKey]:
    keys = signing.load_keys(TRUSTED_KEYS_DIR)
    for folder in EXTRA_KEY_DIRS:
        keys += signing.load_keys(folder)
    return keys


def evaluate(
    files: Mapping[str, bytes],
    pack_id: str,
    version: str,
    office: OfficeTrust | None = None,
    today: datetime.date | None = None,
) -> Trust:
    """Check `files` (all of a pack's files) against the trusted keys and the office's choices."""
    office = office if office is not None else _office
    digest = signing.digest(files)
    found = replace(_check_signature(files, pack_id, office, today), digest=digest)
    if found.signed:
        return found
    if office is not None and office.accepted(pack_id, version, digest):
        return Trust("accepted", reason=found.reason, digest=digest)
    return found


def _check_signature(
    files: Mapping[str, bytes],
    pack_id: str,
    office: OfficeTrust | None,
    today: datetime.date | None,
) -> Trust:
    if SIGNATURE not in files:
        return Trust("untrusted", reason=_("it is not signed"))
    try:
        signature = signing.parse_signature(files[SIGNATURE])
    except SignatureError:
        return Trust("untrusted", reason=_("its signature file cannot be read"))
    candidates = [(key, "publisher") for key in publisher_keys()]
    if office is not None:
        candidates += [(key, "office") for key in office.keys()]
    match = next(((k, level) for k, level in candidates if k.key_id == signature.key_id), None)
    if match is None:
        return Trust("untrusted", reason=_("it is signed by a key Våldstöd does not know"))
    key, level = match
    if not key.verify(signature.signature, signature.message()):
        return Trust("untrusted", reason=_("its signature is not valid"))
    hashes = signing.file_hashes(files)
    added = sorted(set(hashes) - set(signature.files))
    if added:
        return Trust(
            "untrusted",
            reason=_("{names} was added after signing").format(names=", ".join(added)),
        )
    missing = sorted(set(signature.files) - set(hashes))
    if missing:
        return Trust(
            "untrusted",
            reason=_("{names} was removed after signing").format(names=", ".join(missing)),
        )
    changed = sorted(name for name in hashes if hashes[name] != signature.files[name])
    if changed:
        return Trust(
            "untrusted",
            reason=_("{names} was changed after signing").format(names=", ".join(changed)),
        )
    if not key.may_sign(pack_id) or (
        level == "office" and pack_id.startswith(signing.RESERVED_PREFIX)
    ):
        return Trust(
            "untrusted",
            reason=_("the key {signer} may not sign a pack with the id {id}").format(
                signer=key.name, id=pack_id
            ),
        )
    if key.expired(today):
        return Trust(
            "untrusted",
            reason=_("the key {signer} expired on {date}").format(
                signer=key.name, date=key.expires.isoformat() if key.expires else ""
            ),
        )
    return Trust(level, key.name, key.key_id, signature.signed_on)


class VaultTrust:
    """The office's keys and accepted packs, kept in an open vault's office records."""

    KEYS = "pack_key"
    ACCEPTED = "accepted_pack"

    def __init__(self, vault: Any) -> None:
        self.vault = vault
        self._keys: list[PublicKey] | None = None

    def keys(self) -> list[PublicKey]:
        if self._keys is None:
            found = []
            for text in self.vault.office_records(self.KEYS).values():
                with contextlib.suppress(SignatureError, TypeError):
                    found.append(signing.parse_public_key(text))
            self._keys = found
        return list(self._keys)

    def add_key(self, key: PublicKey) -> None:
        """Trust `key` for packs outside the publisher's ids (`vaaldstod.`); kept in the vault."""
        office_key = PublicKey(key.key_id, key.name, key.raw, _office_scope(key), key.expires)
        self.vault.put_office_records(self.KEYS, {key.key_id: office_key.to_toml()})
        self._keys = None

    def remove_key(self, key_id: str) -> None:
        self.vault.delete_office_record(self.KEYS, key_id)
        self._keys = None

    def accepted(self, pack_id: str, version: str, digest: str) -> bool:
        record = self.vault.office_records(self.ACCEPTED).get(f"{pack_id}@{version}")
        return isinstance(record, dict) and record.get("digest") == digest

    def accept(self, pack_id: str, version: str, digest: str) -> None:
        self.vault.put_office_records(
            self.ACCEPTED,
            {
                f"{pack_id}@{version}": {
                    "digest": digest,
                    "accepted_on": datetime.date.today().isoformat(),
                }
            },
        )


def _office_scope(key: PublicKey) -> tuple[str, ...]:
    # An office key never signs the publisher's ids, whatever its file says.
    return tuple(s for s in key.scope if not s.startswith(signing.RESERVED_PREFIX)) or ("*",)
