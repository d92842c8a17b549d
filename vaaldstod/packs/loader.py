"""Turn a pack's files into a validated Pack, or a PackError naming file, line and field."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from vaaldstod.i18n import _
from vaaldstod.packs import checks, validation
from vaaldstod.packs.errors import PackError, PackTooNew, Problem
from vaaldstod.packs.locate import key_lines, line_of
from vaaldstod.packs.model import Manifest, Origin, Pack
from vaaldstod.packs.pack_files import MANIFEST, SIGNATURE, PackFiles, read_pack_files
from vaaldstod.packs.validation import Finding

# The newest pack format this version of the app reads (the manifest's `schema`).
PACK_FORMAT = 1

KeyPath = tuple[str | int, ...]


def load_pack(path: Path, origin: Origin = "file") -> Pack:
    """Read and validate the pack at `path` (a folder or a .zip file)."""
    path = Path(path)
    return parse_pack(read_pack_files(path), origin, path if path.is_dir() else None)


def parse_pack(pack_files: PackFiles, origin: Origin = "file", folder: Path | None = None) -> Pack:
    """Validate a pack held in memory; raise PackError with every problem found."""
    try:
        manifest, content = _Parser(pack_files).parse()
    except RecursionError:
        raise PackError(
            [Problem(pack_files.root, None, None, _("is nested too deeply to be a pack"))]
        ) from None
    return Pack(manifest, content, origin, folder)


@dataclass
class _File:
    """One parsed TOML file of a pack."""

    name: str
    display: str
    text: str
    data: dict[str, Any]

    @cached_property
    def lines(self) -> dict[KeyPath, int]:
        return key_lines(self.text)

    def problem(self, path: KeyPath, message: str) -> Problem:
        line = line_of(self.lines, path)
        return Problem(self.display, line, _field_name(self.data, path) or None, message)


@dataclass
class _Parser:
    pack_files: PackFiles
    problems: list[Problem] = field(default_factory=list)
    # (top-level key, index) of a merged array element, or (top-level key,) of another
    # value -> the file it came from and its path there.
    origins: dict[KeyPath, tuple[_File, KeyPath]] = field(default_factory=dict)

    def parse(self) -> tuple[Manifest, dict[str, Any]]:
        if MANIFEST not in self.pack_files.files:
            raise PackError.about(
                self.pack_files.display(MANIFEST),
                _("is missing: a pack is a folder with a pack.toml manifest"),
            )
        # The signature is checked by the registry (packs/trust.py), never merged as content.
        files = [
            self._parse_file(name) for name in sorted(self.pack_files.files) if name != SIGNATURE
        ]
        self._raise_if_problems()
        manifest_file = next(file for file in files if file.name == MANIFEST)
        content_files = [file for file in files if file.name != MANIFEST]
        manifest = manifest_file.data
        _refuse_newer_format(manifest_file)
        languages = _languages(manifest)
        self.problems += [
            manifest_file.problem(finding.path, finding.message)
            for finding in validation.validate(manifest, "manifest", languages)
        ]
        kind = manifest.get("kind")
        if kind not in validation.KINDS or not languages:
            self._raise_if_problems()
        content = self._merge(kind, content_files)
        self._check_content(kind, content, languages, manifest_file)
        self._raise_if_problems()
        return _manifest(manifest), content

    def _parse_file(self, name: str) -> _File:
        display = self.pack_files.display(name)
        raw = self.pack_files.files[name]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            self.problems.append(
                Problem(display, line, None, _("is not UTF-8 text; save the file as UTF-8"))
            )
            return _File(name, display, "", {})
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            self.problems.append(
                Problem(
                    display,
                    _toml_error_line(error, text),
                    None,
                    _("is not valid TOML: {reason}").format(reason=str(error)),
                )
            )
            return _File(name, display, text, {})
        return _File(name, display, text, data)

    def _merge(self, kind: str, files: list[_File]) -> dict[str, Any]:
        """Concatenate the content files' top-level arrays; a sheet file is one sheet each."""
        merged: dict[str, Any] = {}
        given_in: dict[str, _File] = {}
        if kind == "sheet":
            merged["sheets"] = [file.data for file in files]
            for index, file in enumerate(files):
                self.origins[("sheets", index)] = (file, ())
            return merged
        for file in files:
            for key, value in file.data.items():
                if isinstance(value, list) and isinstance(merged.setdefault(key, []), list):
                    for index, item in enumerate(value):
                        self.origins[(key, len(merged[key]))] = (file, (key, index))
                        merged[key].append(item)
                elif key in given_in:
                    self.problems.append(
                        file.problem(
                            (key,),
                            _(
                                "is also given in {other}; only arrays of tables may continue in "
                                "another file"
                            ).format(other=given_in[key].name),
                        )
                    )
                    continue
                else:
                    merged[key] = value
                    self.origins[(key,)] = (file, (key,))
                given_in.setdefault(key, file)
        return merged

    def _check_content(
        self, kind: str, content: dict[str, Any], languages: list[str], manifest_file: _File
    ) -> None:
        findings = checks.safety_findings(kind, content)
        schema_findings = validation.validate(content, kind, languages)
        findings += schema_findings
        if not schema_findings and not self.problems:
            found, about_manifest = checks.consistency_findings(kind, content, languages)
            findings += found
            self.problems += [manifest_file.problem(f.path, f.message) for f in about_manifest]
        self.problems += [self._place(finding) for finding in findings]

    def _place(self, finding: Finding) -> Problem:
        """Put a finding on the merged content back in the file and line it came from."""
        path = finding.path
        if path[:2] in self.origins:
            file, prefix = self.origins[path[:2]]
            return file.problem(prefix + path[2:], finding.message)
        if path[:1] in self.origins:
            file, _prefix = self.origins[path[:1]]
            return file.problem(path, finding.message)
        # A top-level value no content file gives: the pack as a whole lacks it.
        return Problem(self.pack_files.root, None, _field_name({}, path) or None, finding.message)

    def _raise_if_problems(self) -> None:
        if not self.problems:
            return
        # One problem per file, line and field: the first found says the most (safety first).
        unique: dict[tuple, Problem] = {}
        for problem in self.problems:
            unique.setdefault((problem.file, problem.line, problem.field), problem)
        raise PackError(sorted(unique.values(), key=lambda p: (p.file, p.line or 0)))


def _refuse_newer_format(manifest_file: _File) -> None:
    schema = manifest_file.data.get("schema")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > PACK_FORMAT:
        message = _(
            "This pack needs a newer version of Våldstöd (pack format {needed}; "
            "this version reads up to {supported})."
        ).format(needed=schema, supported=PACK_FORMAT)
        raise PackTooNew([manifest_file.problem(("schema",), message)])


def _languages(manifest: dict[str, Any]) -> list[str]:
    languages = manifest.get("languages")
    if isinstance(languages, list) and all(isinstance(code, str) for code in languages):
        return list(dict.fromkeys(languages))
    return []


def _manifest(data: dict[str, Any]) -> Manifest:
    return Manifest(
        schema=data["schema"],
        id=data["id"],
        kind=data["kind"],
        version=data["version"],
        languages=tuple(data["languages"]),
        publisher=data["publisher"],
        review_by=data["review_by"],
        licence=data["licence"],
        title=dict(data["title"]),
    )


def _toml_error_line(error: tomllib.TOMLDecodeError, text: str) -> int:
    # Python 3.11's tomllib puts the position only in the message: "… (at line 3, column 5)".
    message = str(error)
    if "(at line " in message:
        return int(message.rsplit("(at line ", 1)[1].split(",", 1)[0])
    return text.count("\n") + 1  # "(at end of document)"


def _field_name(data: Any, path: KeyPath) -> str:
    """A readable name for `path`: `items[form-economic].title.en`, ids standing for indexes."""
    parts: list[str] = []
    node = data
    for key in path:
        if isinstance(key, int):
            element = node[key] if isinstance(node, list) and key < len(node) else None
            ident = element.get("id") if isinstance(element, dict) else None
            label = f"[{ident}]" if isinstance(ident, str) else f"[{key + 1}]"
            if parts:
                parts[-1] += label
            else:
                parts.append(label)
            node = element
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)
