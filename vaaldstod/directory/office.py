"""The office profile printed on referral sheets: name, logo, local numbers, hours, footer.

A plain JSON file in the config folder, with the logo copied beside it; it holds no client
data. A missing file gives an empty profile; a damaged one an OfficeProfileError that says
what is wrong, never a crash.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vaaldstod import atomic, paths
from vaaldstod.directory.errors import OfficeProfileError, Problem
from vaaldstod.i18n import _
from vaaldstod.packs.sensitive_text import has_address
from vaaldstod.packs.validation import schema_for

FILE_NAME = "office.json"
LOGO_STEM = "office-logo"
MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOCAL_NUMBERS = 8
MAX_PROFILE_BYTES = 256 * 1024
LIMITS = {"name": 120, "opening_hours": 300, "footer": 300, "label": 80, "area": 80}
# The same rule for a phone number as in a directory pack.
_PHONE = re.compile(schema_for("directory")["$defs"]["entry"]["properties"]["phone"]["pattern"])


@dataclass(frozen=True)
class LocalNumber:
    """A number the office gives its clients, e.g. the municipality's social services."""

    label: str
    phone: str


@dataclass(frozen=True)
class OfficeProfile:
    """What a sheet says about the office; `folder` is where the logo file is kept."""

    name: str = ""
    logo: str = ""  # file name of the logo in `folder`, or ""
    local_numbers: tuple[LocalNumber, ...] = ()
    opening_hours: str = ""
    footer: str = ""
    # The county or municipality the office serves: its services join the national ones in
    # the standard set of a sheet ("" = national services only).
    area: str = ""
    folder: Path | None = field(default=None, compare=False)

    @property
    def logo_path(self) -> Path | None:
        """The logo file, if the profile has one and it is still there."""
        if not self.logo or self.folder is None:
            return None
        path = self.folder / self.logo
        return path if path.is_file() else None


def profile_path() -> Path:
    return paths.config_dir() / FILE_NAME


def load_profile(path: Path | None = None, *, missing_ok: bool = True) -> OfficeProfile:
    """Read a profile; a missing file gives an empty one when `missing_ok`."""
    path = Path(path) if path else profile_path()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PROFILE_BYTES + 1)
    except FileNotFoundError:
        if missing_ok:
            return OfficeProfile(folder=path.parent)
        raise OfficeProfileError.about(_("{path} does not exist").format(path=path)) from None
    except OSError as error:
        raise OfficeProfileError.about(
            _("{path} could not be read ({reason})").format(
                path=path, reason=error.strerror or error
            )
        ) from None
    if len(data) > MAX_PROFILE_BYTES:
        raise OfficeProfileError.about(
            _("{path} is too large to be an office profile").format(path=path)
        )
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise OfficeProfileError.about(
            _("{path} is not an office profile (it is not readable JSON)").format(path=path)
        ) from None
    return profile_from_values(raw, path.parent)


def profile_from_values(raw: Any, folder: Path | None = None) -> OfficeProfile:
    """A profile from plain values (file or form); OfficeProfileError lists every problem."""
    if not isinstance(raw, dict):
        raise OfficeProfileError.about(_("should be an object with the office's fields"))
    problems: list[Problem] = []
    texts = {}
    for name in ("name", "logo", "opening_hours", "footer", "area"):
        value = raw.get(name, "")
        if not isinstance(value, str):
            problems.append(Problem(None, name, _("should be text in quotes")))
        elif name in LIMITS and len(value) > LIMITS[name]:
            message = _("is too long (at most {n} characters)").format(n=LIMITS[name])
            problems.append(Problem(None, name, message))
        elif has_address(value):
            problems.append(Problem(None, name, _address_message()))
        else:
            texts[name] = value.strip()
    logo = texts.get("logo", "")
    if logo and (Path(logo).name != logo or not logo.startswith(LOGO_STEM)):
        problems.append(
            Problem(None, "logo", _("should be the name of the logo file Våldstöd saved"))
        )
    numbers = _local_numbers(raw.get("local_numbers", []), problems)
    if problems:
        raise OfficeProfileError(problems)
    return OfficeProfile(local_numbers=numbers, folder=folder, **texts)


def save_profile(profile: OfficeProfile, path: Path | None = None) -> None:
    """Write the profile atomically (the logo file is saved by `save_logo`)."""
    path = Path(path) if path else profile_path()
    document = {
        "name": profile.name,
        "logo": profile.logo,
        "local_numbers": [{"label": n.label, "phone": n.phone} for n in profile.local_numbers],
        "opening_hours": profile.opening_hours,
        "footer": profile.footer,
        "area": profile.area,
    }
    profile_from_values(document)  # the same checks as on reading: never save what cannot load
    atomic.write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def save_logo(source: Path, folder: Path | None = None) -> str:
    """Copy a PNG or SVG logo into `folder` (the config folder); returns its file name."""
    folder = Path(folder) if folder else paths.config_dir()
    try:
        with Path(source).open("rb") as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except OSError as error:
        raise OfficeProfileError.about(
            _("{path} could not be read ({reason})").format(
                path=source, reason=error.strerror or error
            ),
            "logo",
        ) from None
    if len(data) > MAX_LOGO_BYTES:
        message = _("is larger than a logo may be ({limit} MB)").format(
            limit=MAX_LOGO_BYTES // (1024 * 1024)
        )
        raise OfficeProfileError.about(message, "logo")
    suffix = _logo_kind(data)
    if suffix is None:
        raise OfficeProfileError.about(_("should be a PNG or SVG picture"), "logo")
    name = f"{LOGO_STEM}{suffix}"
    atomic.write_bytes(folder / name, data)
    for other in (".png", ".svg"):
        if other != suffix:
            (folder / f"{LOGO_STEM}{other}").unlink(missing_ok=True)
    return name


def _address_message() -> str:
    return _(
        "looks like a street address: referral sheets never print an address, so that no one "
        "is led to a shelter; give names and phone numbers only"
    )


def _logo_kind(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in head:
        return ".svg"
    return None


def _local_numbers(raw: Any, problems: list[Problem]) -> tuple[LocalNumber, ...]:
    if not isinstance(raw, list):
        problems.append(Problem(None, "local_numbers", _("should be a list of numbers")))
        return ()
    if len(raw) > MAX_LOCAL_NUMBERS:
        message = _("holds more than {limit} numbers").format(limit=MAX_LOCAL_NUMBERS)
        problems.append(Problem(None, "local_numbers", message))
        return ()
    numbers = []
    for row, item in enumerate(raw, start=1):
        label = item.get("label") if isinstance(item, dict) else None
        phone = item.get("phone") if isinstance(item, dict) else None
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(row, "label", _("is missing: say whose number it is")))
        elif len(label) > LIMITS["label"]:
            message = _("is too long (at most {n} characters)").format(n=LIMITS["label"])
            problems.append(Problem(row, "label", message))
        elif has_address(label):
            problems.append(Problem(row, "label", _address_message()))
        if not isinstance(phone, str) or not phone.strip() or not _PHONE.fullmatch(phone.strip()):
            message = _("should be a phone number of digits, spaces and '-'")
            problems.append(Problem(row, "phone", message))
        if isinstance(label, str) and isinstance(phone, str):
            numbers.append(LocalNumber(label.strip(), phone.strip()))
    return tuple(numbers)
