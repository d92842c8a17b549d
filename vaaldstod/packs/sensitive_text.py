"""Patterns for text a pack must never hold: shelter addresses, real-looking personal data."""

from __future__ import annotations

import re

# Swedish street addresses: a street name ending in a common suffix, then a house number with
# an optional letter ("Storgatan 12", "Kungsvägen 3B", "Lilla torget 4 A").
STREET_ADDRESS = re.compile(
    r"\b[\wÅÄÖåäöÉé-]*(?:gatan|gata|vägen|väg|gränd|gränden|stigen|allén|allé|torget|torg|"
    r"backe|backen|leden|kajen|stråket|esplanaden|promenaden|platsen)\s+\d{1,4}(?:\s?[A-Za-z])?\b",
    re.IGNORECASE,
)
# A postcode and town ("352 30 Växjö") places a building as surely as a street does.
POSTCODE = re.compile(r"(?<![\d-])\d{3} ?\d{2}(?![\d-]) +[A-ZÅÄÖ][a-zåäö]{2,}")
# Address-like field names; a directory has no address field at all.
ADDRESS_KEY = re.compile(
    r"address|adress|street|gata|gatu|postnummer|postort|postal|postcode|zip|besok|besök|"
    r"visiting|coordinat|latitude|longitude",
    re.IGNORECASE,
)
# Swedish phone numbers: 020-50 50 50, 0470-123 45, +46 8 123 456 78.
PHONE_NUMBER = re.compile(r"(?:\+46|(?<![\d-])0)\d{1,3}[- ]?\d{2,3}(?:[- ]?\d{2}){1,3}(?![\d-])")
# Personal identity numbers: YYMMDD-NNNN or YYYYMMDDNNNN.
PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)")


def has_address(text: str) -> bool:
    """True if `text` seems to hold a street address or a postcode with its town."""
    return bool(STREET_ADDRESS.search(text) or POSTCODE.search(text))


def has_personal_data(text: str) -> bool:
    """True if `text` holds something that looks like a phone or personal identity number."""
    return bool(PHONE_NUMBER.search(text) or PERSONAL_NUMBER.search(text))
