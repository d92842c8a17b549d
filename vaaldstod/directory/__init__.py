"""The referral directory: entries from packs and the office, search, import and export.

Qt-free; the UI and the referral sheets use what is imported here.
"""

from vaaldstod.directory.catalog import Directory
from vaaldstod.directory.categories import AREAS, CATEGORIES, category_label
from vaaldstod.directory.entry import Area, Entry
from vaaldstod.directory.errors import (
    DirectoryError,
    EntryRefused,
    ImportRefused,
    OfficeEntriesDamaged,
    OfficeProfileError,
    Problem,
)
from vaaldstod.directory.office import LocalNumber, OfficeProfile, load_profile, save_profile
from vaaldstod.directory.office_entries import OfficeEntries
from vaaldstod.directory.search import areas, find_area, search
from vaaldstod.directory.transfer import ImportPreview

__all__ = [
    "AREAS",
    "CATEGORIES",
    "Area",
    "Directory",
    "DirectoryError",
    "Entry",
    "EntryRefused",
    "ImportPreview",
    "ImportRefused",
    "LocalNumber",
    "OfficeEntries",
    "OfficeEntriesDamaged",
    "OfficeProfile",
    "OfficeProfileError",
    "Problem",
    "areas",
    "category_label",
    "find_area",
    "load_profile",
    "save_profile",
    "search",
]
