"""SQLite `file:` URIs that work for every path a Windows desktop can hand us.

`Path.as_uri()` turns `\\\\server\\share\\vault.db` into `file://server/share/vault.db`, which
SQLite refuses ("invalid uri authority"). SQLite wants an empty authority and the path
after it: `file:////server/share/…` (a UNC path with forward slashes), `file:///H:/…`
for a drive letter, `file:///home/…` on POSIX. Everything outside a small safe set is
percent-encoded as UTF-8, so `C:\\Users\\Åsa` and a `?` or `#` in a folder name survive.
"""

from __future__ import annotations

from pathlib import PurePath, PureWindowsPath
from urllib.parse import quote, urlencode


def sqlite_uri(path: PurePath, **params: str) -> str:
    """The URI SQLite opens `path` by (an absolute path), with `params` as its query."""
    if not path.is_absolute():
        raise ValueError(f"not an absolute path: {path}")
    text = path.as_posix()  # UNC: //server/share/x; drive: H:/x; POSIX: /x
    if isinstance(path, PureWindowsPath) and not text.startswith("//"):
        text = "/" + text  # /H:/x, which SQLite's Windows VFS reads back as H:/x
    query = f"?{urlencode(params)}" if params else ""
    return "file://" + quote(text, safe="/:") + query
