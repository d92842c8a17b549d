"""The vault's schema as a list of forward migrations.

`MIGRATIONS[n]` takes a vault from schema version n to n + 1. Never edit a released
migration: append a new one, and the migration tests replay every earlier version.
"""

from __future__ import annotations

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

# Version 4: unsaved words that survive a lock besides a new note's draft: the edit of an
# existing note (deleted with the note) and the handbook's journal text (with its case).
V4 = """
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

MIGRATIONS: list[str] = [V1, V2, V3, V4]

LATEST = len(MIGRATIONS)
