"""The office roll-up: handlers' exact counts, sealed to the team leader, merged, then protected.

Each handler's own exports are already protected, so adding them up gives "..", not totals.
Instead a handler sends a *contribution*: the exact counts of a closed period (no free text,
no case, no week), sealed with a libsodium sealed box (PyNaCl: X25519 and XSalsa20-Poly1305)
to the team leader's public key. Only the private key in the team leader's vault opens it,
and any change to the file makes opening fail. We chose sealed boxes over age (pyrage): one
well-kept, widely audited library with Python wheels for every platform, and an anonymous
sender is what a contribution is. The team leader merges the contributions of a period,
drops a file given twice, adds up, and only then protects the total (`publication`). A
merged total can itself be sealed to an agency's key: an office rolls up the same way.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from vaaldstod import atomic
from vaaldstod.i18n import _
from vaaldstod.statistics.aggregate import equations
from vaaldstod.statistics.model import StatisticsError
from vaaldstod.statistics.period import Period
from vaaldstod.statistics.publication import OFFICE, Published, publish

FORMAT = "vaaldstod-statistics-contribution"
VERSION = 1
SUFFIX = ".vsc"


class ContributionError(StatisticsError):
    """A contribution was refused; the message is a sentence naming the file. Nothing merged."""


@dataclass(frozen=True)
class Contribution:
    """What one opened file holds: exact counts by quarter, and the handlers behind them."""

    id: str
    ids: frozenset[str]  # the handlers' own contribution ids inside (itself, if a handler's)
    period: Period
    contributors: int
    quarters: dict[str, dict[str, int]]  # quarter code → exact counts
    source: str = ""  # the file it came from, for messages


# -- keys ---------------------------------------------------------------------------------


def new_key_pair() -> tuple[str, str]:
    """(public, secret) as base64 text; keep the secret in the vault only."""
    secret = PrivateKey.generate()
    return _b64(bytes(secret.public_key)), _b64(bytes(secret))


def parse_public_key(text: str) -> PublicKey:
    """A recipient key as `keygen` prints it, or a file holding it."""
    candidate = text.strip()
    path = Path(candidate)
    if len(candidate) != 44 and path.is_file():
        candidate = path.read_text(encoding="utf-8").strip()
    try:
        raw = base64.b64decode(candidate, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ContributionError(
            _("'{key}' is not a team leader's public key (44 characters of base64).").format(
                key=text[:60]
            )
        )
    return PublicKey(raw)


def fingerprint(public_key: str) -> str:
    """A short form of a public key to read aloud when comparing."""
    return public_key[:8]


# -- sealing -------------------------------------------------------------------------------


def seal(
    recipient: str | PublicKey,
    period: Period,
    quarters: Mapping[Period, Mapping[str, int]],
    *,
    contributors: int = 1,
    ids: Iterable[str] = (),
) -> bytes:
    """The contribution file's bytes: a readable envelope around the sealed counts."""
    key = recipient if isinstance(recipient, PublicKey) else parse_public_key(recipient)
    own_id = secrets.token_hex(16)
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "id": own_id,
        "ids": sorted(set(ids) or {own_id}),
        "period": period.code,
        "recipient": _b64(bytes(key)),
        "contributors": contributors,
        "quarters": {q.code: dict(counts) for q, counts in quarters.items()},
    }
    sealed = SealedBox(key).encrypt(json.dumps(payload, sort_keys=True).encode("utf-8"))
    envelope = {
        "format": FORMAT,
        "version": VERSION,
        "period": period.code,
        "recipient": _b64(bytes(key)),
        "sealed": _b64(sealed),
    }
    return (json.dumps(envelope, indent=1) + "\n").encode("utf-8")


def write(path: Path, data: bytes) -> None:
    atomic.write_bytes(Path(path), data)


def open_contribution(
    data: bytes, source: str, period: Period, keys: Sequence[tuple[str, str]]
) -> Contribution:
    """Open and check one file against the period and the team leader's key pairs."""
    try:
        envelope = json.loads(data.decode("utf-8"))
        if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
            raise ValueError
    except (UnicodeDecodeError, ValueError):
        raise _refuse(_("{file} is not a statistics contribution."), source) from None
    if envelope.get("version") != VERSION:
        raise _refuse(_("{file} is from a newer version of Våldstöd."), source)
    if envelope.get("period") != period.code:
        raise ContributionError(
            _("{file} is a contribution for {other}, not for {period}.").format(
                file=source, other=_plain(envelope.get("period")), period=period.code
            )
        )
    secret = dict(keys).get(envelope.get("recipient"))
    if secret is None:
        raise ContributionError(
            _(
                "{file} was sealed to another recipient's key ({key}), not to a key in this vault."
            ).format(file=source, key=fingerprint(_plain(envelope.get("recipient"))))
        )
    try:
        box = SealedBox(PrivateKey(base64.b64decode(secret)))
        payload = json.loads(box.decrypt(base64.b64decode(envelope["sealed"], validate=True)))
    except (CryptoError, binascii.Error, ValueError, TypeError, KeyError):
        raise _refuse(
            _("{file} could not be opened: it was changed or damaged after it was sealed."),
            source,
        ) from None
    # The sealed copy decides; the readable envelope must agree with it.
    if (
        not isinstance(payload, dict)
        or payload.get("period") != envelope["period"]
        or payload.get("recipient") != envelope["recipient"]
    ):
        raise _refuse(_("{file} does not match its own envelope; it was tampered with."), source)
    return _checked(payload, source, period)


def _checked(payload: dict, source: str, period: Period) -> Contribution:
    cells = {name for total, parts in equations() for name in (total, *parts)}
    quarters = payload.get("quarters")
    wanted = {q.code for q in period.quarters()}
    ok = (
        isinstance(payload.get("id"), str)
        and isinstance(payload.get("ids"), list)
        and all(isinstance(i, str) for i in payload["ids"])
        and isinstance(payload.get("contributors"), int)
        and payload["contributors"] >= 1
        and isinstance(quarters, dict)
        and set(quarters) == wanted
        and all(
            isinstance(counts, dict)
            and set(counts) == cells
            and all(type(v) is int and v >= 0 for v in counts.values())
            and all(counts[t] == sum(counts[p] for p in ps) for t, ps in equations())
            for counts in quarters.values()
        )
    )
    if not ok:
        raise _refuse(_("{file} holds figures that do not add up; it was not merged."), source)
    return Contribution(
        payload["id"],
        frozenset(payload["ids"]),
        period,
        payload["contributors"],
        {code: dict(counts) for code, counts in quarters.items()},
        source,
    )


# -- merging -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Merged:
    period: Period
    contributions: tuple[Contribution, ...]
    dropped: tuple[str, ...]  # sentences about files given twice
    quarters: dict[Period, dict[str, int]]

    @property
    def contributors(self) -> int:
        return sum(c.contributors for c in self.contributions)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset().union(*(c.ids for c in self.contributions))


def merge(opened: Sequence[Contribution], period: Period) -> Merged:
    """Add up; the same file twice is counted once, overlapping roll-ups are refused."""
    if not opened:
        raise ContributionError(_("No contributions to merge."))
    kept: list[Contribution] = []
    dropped: list[str] = []
    for contribution in opened:
        same = next((k for k in kept if k.id == contribution.id), None)
        if same is not None:
            dropped.append(
                _("{file} is the same contribution as {other} and was counted once.").format(
                    file=contribution.source, other=same.source
                )
            )
            continue
        overlap = next((k for k in kept if k.ids & contribution.ids), None)
        if overlap is not None:
            raise ContributionError(
                _(
                    "{file} and {other} both hold the same handler's figures (one is an "
                    "office total that already includes the other). Nothing was merged."
                ).format(file=contribution.source, other=overlap.source)
            )
        kept.append(contribution)
    quarters: dict[Period, dict[str, int]] = {}
    for quarter in period.quarters():
        total: dict[str, int] = {}
        for contribution in kept:
            for name, value in contribution.quarters[quarter.code].items():
                total[name] = total.get(name, 0) + value
        quarters[quarter] = total
    return Merged(period, tuple(kept), tuple(dropped), quarters)


def read_all(
    paths: Sequence[Path], period: Period, keys: Sequence[tuple[str, str]]
) -> list[Contribution]:
    """Open every file; the first bad one stops the merge with its sentence."""
    if not keys:
        raise ContributionError(
            _("This vault holds no key pair for the roll-up. Create one with 'stats keygen'.")
        )
    found = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise ContributionError(
                _("{file} could not be read: {reason}").format(
                    file=Path(path).name, reason=error.strerror or str(error)
                )
            ) from None
        found.append(open_contribution(data, Path(path).name, period, keys))
    return found


def publish_merged(ledger, merged: Merged, today: date) -> Published:
    """Protect the merged total, fixed in the team leader's ledger like a handler's own."""
    return publish(
        ledger,
        OFFICE,
        merged.period,
        lambda quarter: merged.quarters.get(quarter),
        today,
        contributors=merged.contributors,
        strict=True,
    )


def _refuse(template: str, source: str) -> ContributionError:
    return ContributionError(template.format(file=source))


def _plain(value: object) -> str:
    """An untrusted field for a message: short, printable."""
    return "".join(ch for ch in str(value)[:20] if ch.isprintable())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
