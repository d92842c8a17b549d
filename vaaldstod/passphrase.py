"""A rough strength estimate for a new passphrase, to guide the handler while typing."""

from __future__ import annotations

import math
import string
from enum import IntEnum

MIN_LENGTH = 10


class Strength(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def estimate_bits(passphrase: str) -> float:
    """Length times the bits of the character classes used; a generous upper bound."""
    pools = [
        (string.ascii_lowercase + "åäö", 29),
        (string.ascii_uppercase + "ÅÄÖ", 29),
        (string.digits, 10),
    ]
    size = sum(n for chars, n in pools if any(c in chars for c in passphrase))
    if any(not any(c in chars for chars, _ in pools) for c in passphrase):
        size += 33  # spaces, punctuation and other letters
    unique = len(set(passphrase))
    # Repeats ("aaaaaaaaaa") add little: count distinct characters more than length.
    effective = min(len(passphrase), unique * 2)
    return effective * math.log2(size) if size else 0.0


def strength(passphrase: str) -> Strength:
    if len(passphrase) < MIN_LENGTH:
        return Strength.TOO_SHORT
    bits = estimate_bits(passphrase)
    if bits < 50:
        return Strength.WEAK
    if bits < 70:
        return Strength.FAIR
    return Strength.STRONG
