"""Turn what a handler types into a safe FTS5 query."""

from __future__ import annotations

import re

# Words as FTS5's unicode61 tokenizer sees them: letters and digits, anything else splits.
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Every word must occur; the last one may be a prefix, so results follow the typing.

    A prefix needs two letters: a one-letter prefix matches most of the vault, and the
    handler has not yet said anything to search for (it is searched as a word instead).

    Each word is quoted, so operators (AND, NEAR, quotes, stars) typed by the handler
    are searched for as text instead of breaking the query. Returns None for no words.
    """
    words = [w for w in _WORD.findall(text) if w.strip("_")]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if not text[-1:].isspace() and len(words[-1]) >= 2:
        quoted[-1] += "*"
    return " ".join(quoted)
