"""The pack rules for one directory entry, for entries that do not come from a pack file.

An office's own entries (typed in a form, imported from CSV or JSON) must pass the same
schema and safety checks as a shipped directory pack, so they are checked here rather than
by a second set of rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from vaaldstod.packs import checks, validation
from vaaldstod.packs.validation import Finding

_PREFIX = ("entries", 0)


def directory_entry_findings(
    entry: Mapping[str, Any], languages: Sequence[str], *, needs_sources: bool = True
) -> list[Finding]:
    """Everything wrong with `entry` (shaped as in a pack), with paths relative to the entry.

    Safety findings come first, as in a pack. With `needs_sources=False` an entry may go
    without a pack's `sources` citations: the office names its own source in its own words.
    """
    content = {"entries": [dict(entry)]}
    findings = checks.safety_findings("directory", content)
    schema_findings = [
        finding
        for finding in validation.validate(content, "directory", languages)
        if needs_sources or finding.path[2:3] != ("sources",)
    ]
    findings += schema_findings
    if not schema_findings:
        findings += checks.consistency_findings("directory", content, languages)[0]
    return [Finding(finding.path[len(_PREFIX) :], finding.message) for finding in findings]
