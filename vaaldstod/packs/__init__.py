"""Content packs: loading, validation, the registry of shipped and installed packs.

The UI needs only what is imported here; docs/packs.md describes the format.
"""

from vaaldstod.packs.errors import (
    PackError,
    PackNotFound,
    PackNotRemovable,
    PackTooNew,
    PackUntrusted,
    Problem,
)
from vaaldstod.packs.loader import PACK_FORMAT, load_pack
from vaaldstod.packs.model import Manifest, Pack
from vaaldstod.packs.registry import Registry

__all__ = [
    "PACK_FORMAT",
    "Manifest",
    "Pack",
    "PackError",
    "PackNotFound",
    "PackNotRemovable",
    "PackTooNew",
    "PackUntrusted",
    "Problem",
    "Registry",
    "load_pack",
]
