"""The vault's schema as a list of forward migrations.

`MIGRATIONS[n]` takes a vault from schema version n to n + 1. Never edit a released
migration: append a new one, and the migration tests replay every earlier version.
"""

from __future__ import annotations

import re

V1 = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    pseudonym TEXT NOT NULL UNIQUE CHECK (length(trim(pseudonym)) > 0),
    created TEXT NOT NULL,
    last_activity TEXT NOT NULL,
    retain_until TEXT
);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX notes_case ON notes(case_id, created);
CREATE TABLE note_versions (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    saved TEXT NOT NULL
);
CREATE INDEX note_versions_note ON note_versions(note_id, saved);
CREATE TABLE drafts (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    saved TEXT NOT NULL
);
-- remove_diacritics 0: in Swedish å, ä and ö are letters of their own, so "har" must
-- not find "hår"; unicode61 still folds their case.
CREATE VIRTUAL TABLE notes_fts USING fts5(
    text, content='notes', content_rowid='id',
    tokenize="unicode61 remove_diacritics 0"
);
-- Deleted notes leave no tokens behind in the index.
INSERT INTO notes_fts(notes_fts, rank) VALUES ('secure-delete', 1);
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF text ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
END;
"""

# Version 2: what a handler records in a case besides notes: referrals given (with the
# client's consent) and the answers of a handbook walk-through (JSON, encrypted like the rest).
V2 = """
CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    consent TEXT NOT NULL CHECK (consent IN ('given', 'refused', 'not_sought_unsafe')),
    given_on TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX referrals_case ON referrals(case_id, given_on);
CREATE TABLE walkthroughs (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    answers TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX walkthroughs_case ON walkthroughs(case_id, created);
"""

# Version 3: anonymous follow-up records (no case, no exact date, no free text) and the
# team leader's log of exercise sessions (fictional cases only, never linked to a real case).
V3 = """
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    week TEXT NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
    record TEXT NOT NULL
);
CREATE INDEX contacts_week ON contacts(week);
CREATE TABLE exercise_sessions (
    id INTEGER PRIMARY KEY,
    held_on TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    participants INTEGER NOT NULL CHECK (participants >= 0),
    takeaways TEXT NOT NULL
);
"""

# Statistics (issue 20): the publication ledger, so that a later export of a period, or of
# its year, can never undo the protection of an earlier one (statistics/publication.py);
# and the team leader's key pairs for the office roll-up (statistics/rollup.py).
STATISTICS = """
CREATE TABLE statistics_publications (
    namespace TEXT NOT NULL CHECK (namespace IN ('own', 'office')),
    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]*'),
    published TEXT NOT NULL,
    counts TEXT NOT NULL,
    hidden TEXT NOT NULL,
    contributors INTEGER,
    PRIMARY KEY (namespace, period)
);
CREATE TABLE statistics_keys (
    id INTEGER PRIMARY KEY,
    public_key TEXT NOT NULL UNIQUE,
    secret_key TEXT NOT NULL,
    created TEXT NOT NULL
);
"""

# Office records (the pack-trust helper's step): what the office trusts and keeps about its
# referral content, held encrypted so that no one at the disk can change it: pack-signing
# keys it added, unsigned packs it accepted after a warning, its own directory entries and the
# numbers it confirmed for print. `value` is JSON. Independent of every other table, so this
# step may sit at any position in MIGRATIONS.
V_OFFICE_RECORDS = """
CREATE TABLE IF NOT EXISTS office_records (
    kind TEXT NOT NULL CHECK (kind IN
        ('pack_key', 'accepted_pack', 'directory_entry', 'confirmed_number', 'moved')),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (kind, name)
);
"""

# Settings that decide what happens to the notes (retention) live inside the vault, behind
# the passphrase, not in the plain settings file anyone can edit. Independent of every other
# table, so this step may sit at any position after V1 in MIGRATIONS.
V_SETTINGS = """
CREATE TABLE IF NOT EXISTS vault_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Unsaved words that survive a lock besides a new note's draft: the edit of an
# existing note (deleted with the note) and the handbook's journal text (with its case).
V_DRAFTS = """
CREATE TABLE edit_drafts (
    note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    saved TEXT NOT NULL
);
CREATE TABLE journal_draft (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    saved TEXT NOT NULL
);
"""

MIGRATIONS: list[str] = [V1, V2, V3, STATISTICS, V_OFFICE_RECORDS, V_SETTINGS, V_DRAFTS]

LATEST = len(MIGRATIONS)


def tables(version: int) -> set[str]:
    """The tables a vault of schema `version` has: how a Våldstöd vault is told from
    another program's database that happens to open with the same passphrase."""
    script = "\n".join(MIGRATIONS[:version])
    return set(re.findall(r"CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?(\w+)", script))
