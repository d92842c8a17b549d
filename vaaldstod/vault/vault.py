"""The handler's encrypted vault: cases, working notes with history, drafts, search.

One SQLCipher 4 database per handler. SQLCipher's default key derivation is kept as it
is; weakening it would make a stolen laptop's vault quick to guess.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2

from vaaldstod import atomic
from vaaldstod.i18n import N_
from vaaldstod.vault import schema
from vaaldstod.vault.errors import (
    StorageFull,
    VaultDamaged,
    VaultError,
    VaultLocked,
    VaultTooNew,
    WrongPassphrase,
)
from vaaldstod.vault.query import fts_query
from vaaldstod.vault.records import (
    CONSENTS,
    Case,
    ContactRecord,
    ExerciseSession,
    Note,
    NoteVersion,
    Referral,
    SearchHit,
    Walkthrough,
)
from vaaldstod.vault.uri import sqlite_uri

DEFAULT_RETENTION_DAYS = 90
MIN_RETENTION_DAYS, MAX_RETENTION_DAYS = 7, 3650
# A shorter retention period deletes nothing until this many days after it was chosen.
RETENTION_NOTICE_DAYS = 14
# SQLCipher writes whole 4 KiB pages: anything shorter was never a vault (or lost its data).
MIN_VAULT_BYTES = 4096
SEARCH_LIMIT = 200

# A Swedish personal identity number or coordination number, with or without century
# and separator. Cases carry pseudonyms only (data minimisation).
_PERSONAL_NUMBER = re.compile(r"(?<!\d)(\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")

Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _days(value: str | None, default: int) -> int:
    try:
        days = int(value) if value is not None else default
    except ValueError:
        return default
    return days if MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS else default


def _key_literal(passphrase: str) -> str:
    if not passphrase or "\x00" in passphrase:
        raise VaultError(N_("A passphrase must not be empty or contain NUL characters."))
    return "'" + passphrase.replace("'", "''") + "'"


def _translate(error: Exception) -> VaultError:
    message = str(error).lower()
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return StorageFull()
    if "full" in message or "disk i/o" in message or "too big" in message:
        return StorageFull()
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return VaultDamaged()
    return VaultError(N_("The vault could not complete the change: {reason}"), reason=str(error))


def _remove_with_logs(path: Path) -> None:
    for name in (str(path), f"{path}-wal", f"{path}-shm", f"{path}-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


def _free_name(base: Path) -> Path:
    """`base`, or `base-2`, `base-3` … : the first name nothing (nor its log) uses yet."""
    candidate, number = base, 1
    while any(Path(f"{candidate}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def _log_files(path: Path) -> list[Path]:
    """The write-ahead log and its index beside `path`, where they exist."""
    return [log for log in (Path(f"{path}-wal"), Path(f"{path}-shm")) if log.exists()]


def _set_aside(logs: list[Path], moment: datetime) -> list[Path]:
    """Rename log files that do not belong to the vault beside it, never over anything."""
    stamp = moment.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    moved = []
    for log in logs:
        target = _free_name(log.with_name(f"{log.name}.foreign-{stamp}"))
        atomic.replace(log, target)
        moved.append(target)
    return moved


def _quiet_sqlcipher(connection: sqlcipher3.Connection) -> None:
    """No SQLCipher log lines ("hmac check failed" …) on a console or in a log file: a wrong
    key is an expected event, reported as WrongPassphrase."""
    connection.execute("PRAGMA cipher_log_level = NONE")


def _identify(connection: sqlcipher3.Connection, version: int) -> None:
    """Refuse anything but a Våldstöd vault (checked before any pragma writes to the file).

    Another program's SQLCipher database with the same passphrase, an empty one or a
    crafted one lacks the vault's tables: `VaultDamaged`, untouched. A schema that cannot
    be read past page 1 is damage (a truncated file), not a wrong passphrase.
    """
    try:
        names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    except dbapi2.DatabaseError as error:
        raise VaultDamaged() from error
    if version > schema.LATEST and schema.tables(schema.LATEST) <= names:
        raise VaultTooNew()
    if not 1 <= version <= schema.LATEST or not schema.tables(version) <= names:
        raise VaultDamaged()


def _reading(method: Callable) -> Callable:
    """A read that hits a damaged page raises VaultDamaged, like writes, never sqlcipher's own."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except dbapi2.Error as error:
            raise _translate(error) from error

    return wrapper


class Vault:
    """An open, unlocked vault. Use `create` or `open`; `close` locks it again."""

    def __init__(self, path: Path, connection: sqlcipher3.Connection, clock: Clock) -> None:
        self.path = Path(path)
        self._db: sqlcipher3.Connection | None = connection
        self.clock = clock
        # Log files found beside the vault that did not belong to it, renamed aside on
        # opening; the app says so once (nothing in the vault itself was changed).
        self.set_aside: list[Path] = []
        # Where `restore` kept the vault it replaced.
        self.replaced: Path | None = None

    # -- opening and closing -------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str, clock: Clock = _utcnow) -> Vault:
        """Create a new, empty vault at `path`; refuses to overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise VaultError(N_("There is already a file at {path}."), path=str(path))
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A log left beside a vault that is gone (deleted to start over, say) belongs to no
        # vault this one could be: set it aside before SQLite would fold it into the new one.
        set_aside = _set_aside(_log_files(path), clock())
        # Built beside the target and renamed into place: a failure (a full disk, say)
        # leaves no half-made vault that the next start would ask to unlock.
        staged = path.with_name(f".{path.name}.creating")
        _remove_with_logs(staged)
        try:
            vault = cls(staged, cls._connect(staged, passphrase, new=True), clock)
            try:
                vault._migrate()
            finally:
                vault.close()
            if path.exists():  # another process created one meanwhile: keep theirs
                raise VaultError(N_("There is already a file at {path}."), path=str(path))
            atomic.replace(staged, path)
        except BaseException as error:
            _remove_with_logs(staged)
            if isinstance(error, (dbapi2.Error, OSError)):
                raise _translate(error) from error
            raise
        vault = cls.open(path, passphrase, clock)
        vault.set_aside[:0] = set_aside
        return vault

    @classmethod
    def open(cls, path: Path | str, passphrase: str, clock: Clock = _utcnow) -> Vault:
        """Open and unlock an existing vault.

        A wrong passphrase raises `WrongPassphrase`, a damaged file or another program's
        database `VaultDamaged`; either way nothing on disk changes. A write-ahead log
        beside the vault is folded in only when it decrypts with this vault's key; one
        that does not is renamed aside (listed in `set_aside`), the vault left as it was.
        """
        path = Path(path)
        if not path.is_file():
            raise VaultError(N_("There is no vault at {path}."), path=str(path))
        if path.stat().st_size < MIN_VAULT_BYTES:
            raise VaultDamaged()
        set_aside: list[Path] = []
        logs = _log_files(path)
        if logs and any(log.stat().st_size for log in logs):
            # A crash left a log, or someone put one here. A read-write connection folds
            # it into the file when it closes, even one that then fails. Check the key
            # and the file on their own first (immutable: no log, no locks, no writes),
            # then whether the log belongs (read-only).
            cls._connect(path, passphrase, read_only="immutable").close()
            if not cls._log_belongs(path, passphrase):
                set_aside = _set_aside(logs, clock())
                # The index the check itself built for that log goes; nothing uses it.
                for built in set(_log_files(path)) - set(logs):
                    with contextlib.suppress(FileNotFoundError):
                        built.unlink()
        vault = cls(path, cls._connect(path, passphrase), clock)
        vault.set_aside = set_aside
        try:
            vault._migrate()
        except BaseException:
            vault.close()
            raise
        return vault

    @classmethod
    def check(cls, path: Path | str, passphrase: str) -> None:
        """Raise as `open` would if `path` is not a vault that `passphrase` opens; reads only."""
        path = Path(path)
        if not path.is_file():
            raise VaultError(N_("There is no vault at {path}."), path=str(path))
        if path.stat().st_size < MIN_VAULT_BYTES:
            raise VaultDamaged()
        cls._connect(path, passphrase, read_only="immutable").close()

    @classmethod
    def _log_belongs(cls, path: Path, passphrase: str) -> bool:
        """Whether the vault with its write-ahead log reads whole with this key.

        Read through SQLite's own locking (safe beside a running copy that writes) on a
        read-only connection, which never writes the file nor folds the log in (it may
        build the log's index, `-shm`). Where it does not read whole but the file alone
        does, the log is not this vault's; where neither does, the file itself is damaged.
        """
        if cls._reads_whole(path, passphrase, read_only=True):
            return True
        if cls._reads_whole(path, passphrase, read_only="immutable"):
            return False
        raise VaultDamaged()

    @classmethod
    def _reads_whole(cls, path: Path, passphrase: str, read_only: bool | str) -> bool:
        try:
            connection = cls._connect(path, passphrase, read_only=read_only)
        except (WrongPassphrase, VaultDamaged):
            return False
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except dbapi2.DatabaseError:
            return False
        finally:
            connection.close()

    @staticmethod
    def _connect(
        path: Path,
        passphrase: str,
        read_only: bool | str = False,
        new: bool = False,
    ) -> sqlcipher3.Connection:
        """Key a connection and make sure it is a Våldstöd vault before anything is written.

        `read_only` True opens it read-only, "immutable" touches nothing (not even a log);
        `new` is for a database being created (empty, not yet a vault).
        """
        key = _key_literal(passphrase)
        target, uri = str(path), False
        if read_only:
            params = {"mode": "ro"} | ({"immutable": "1"} if read_only == "immutable" else {})
            target, uri = sqlite_uri(path.resolve(), **params), True
        # check_same_thread off: the UI derives the key on a worker thread, then uses the
        # connection from the main thread only.
        connection = sqlcipher3.connect(
            target, isolation_level=None, check_same_thread=False, timeout=10, uri=uri
        )
        try:
            _quiet_sqlcipher(connection)
            connection.execute(f"PRAGMA key = {key}")
            # Reads page 1 only (no schema): a wrong key fails here, before anything is
            # written, and is told apart from damage further into the file.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except dbapi2.DatabaseError as error:
            connection.close()
            if "malformed" in str(error).lower():  # page 1 decrypted; the file is cut short
                raise VaultDamaged() from error
            raise WrongPassphrase() from error
        try:
            if not new:
                _identify(connection, version)
            if not read_only:
                for pragma in (
                    "PRAGMA foreign_keys = ON",
                    "PRAGMA secure_delete = ON",
                    "PRAGMA temp_store = MEMORY",
                    "PRAGMA journal_mode = WAL",
                    # FULL: a committed note survives a power cut, not only a killed process.
                    "PRAGMA synchronous = FULL",
                ):
                    connection.execute(pragma)
        except BaseException as error:
            connection.close()
            if isinstance(error, dbapi2.Error):
                raise _translate(error) from error
            raise
        return connection

    def _migrate(self) -> None:
        current = self.schema_version
        for version in range(current, schema.LATEST):
            # One transaction per step: a crash mid-migration leaves the earlier version.
            script = (
                f"BEGIN IMMEDIATE;\n{schema.MIGRATIONS[version]}\n"
                f"PRAGMA user_version = {version + 1};\nCOMMIT;"
            )
            try:
                self._conn.executescript(script)
            except dbapi2.Error as error:
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("ROLLBACK")
                raise _translate(error) from error

    @property
    @_reading
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def close(self) -> None:
        """Lock the vault: fold the write-ahead log back in and drop the key."""
        if self._db is None:
            return
        db, self._db = self._db, None
        with contextlib.suppress(dbapi2.Error):
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _conn(self) -> sqlcipher3.Connection:
        if self._db is None:
            raise VaultLocked()
        return self._db

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction: all of it is stored, or none of it."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except dbapi2.Error as error:
            raise _translate(error) from error
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as error:
            with contextlib.suppress(dbapi2.Error):
                conn.execute("ROLLBACK")
            if isinstance(error, dbapi2.Error):
                raise _translate(error) from error
            raise

    # -- cases -----------------------------------------------------------------------

    def create_case(self, pseudonym: str) -> int:
        """A new case under a pseudonym chosen by the handler; never a name or ID number."""
        pseudonym = self._check_pseudonym(pseudonym)
        now = _stamp(self.clock())
        with self._write():
            self._ensure_unique(pseudonym)
            cursor = self._conn.execute(
                "INSERT INTO cases (pseudonym, created, last_activity) VALUES (?, ?, ?)",
                (pseudonym, now, now),
            )
        return cursor.lastrowid

    def rename_case(self, case_id: int, pseudonym: str) -> None:
        pseudonym = self._check_pseudonym(pseudonym)
        with self._write():
            self._require_case(case_id)
            self._ensure_unique(pseudonym, case_id)
            self._conn.execute("UPDATE cases SET pseudonym = ? WHERE id = ?", (pseudonym, case_id))

    def _ensure_unique(self, pseudonym: str, case_id: int | None = None) -> None:
        """Pseudonyms differ in more than case; SQLite's NOCASE folds only A–Z, not ÅÄÖ."""
        wanted = pseudonym.casefold()
        for other_id, name in self._conn.execute("SELECT id, pseudonym FROM cases"):
            if name.casefold() == wanted and other_id != case_id:
                raise VaultError(N_("There is already a case called “{name}”."), name=name)

    @staticmethod
    def _check_pseudonym(pseudonym: str) -> str:
        pseudonym = " ".join(pseudonym.split())
        if not pseudonym:
            raise VaultError(N_("A case needs a pseudonym."))
        if _PERSONAL_NUMBER.search(pseudonym):
            raise VaultError(
                N_(
                    "A pseudonym must not contain a personal identity number; "
                    "choose a neutral one such as “Ärende 2026-014”."
                )
            )
        return pseudonym

    @_reading
    def suggest_pseudonym(self, prefix: str = "Ärende") -> str:
        """The next free pseudonym of the form “Ärende 2026-014” for this year."""
        year = self.clock().year
        pattern = re.compile(rf"^{re.escape(prefix)} {year}-(\d+)$", re.IGNORECASE)
        numbers = [
            int(m.group(1))
            for (name,) in self._conn.execute("SELECT pseudonym FROM cases")
            if (m := pattern.match(name))
        ]
        return f"{prefix} {year}-{max(numbers, default=0) + 1:03d}"

    @_reading
    def cases(self) -> list[Case]:
        rows = self._conn.execute(
            "SELECT c.id, c.pseudonym, c.created, c.last_activity, c.retain_until,"
            " (SELECT count(*) FROM notes n WHERE n.case_id = c.id)"
            " FROM cases c ORDER BY c.last_activity DESC"
        ).fetchall()
        rule = self._retention_rule()
        return [self._case(row, rule) for row in rows]

    @_reading
    def case(self, case_id: int) -> Case:
        row = self._conn.execute(
            "SELECT c.id, c.pseudonym, c.created, c.last_activity, c.retain_until,"
            " (SELECT count(*) FROM notes n WHERE n.case_id = c.id)"
            " FROM cases c WHERE c.id = ?",
            (case_id,),
        ).fetchone()
        if row is None:
            raise VaultError(N_("That case no longer exists."))
        return self._case(row, self._retention_rule())

    def _case(self, row: tuple, rule: tuple[int, int, date] | None) -> Case:
        case_id, pseudonym, created, last_activity, retain_until, count = row
        return Case(
            id=case_id,
            pseudonym=pseudonym,
            created=_parse(created),
            last_activity=_parse(last_activity),
            expires_on=self._expiry(last_activity, retain_until, rule),
            note_count=count,
        )

    @staticmethod
    def _expiry(last_activity: str, retain_until: str | None, rule: tuple[int, int, date]) -> date:
        """The day a case is deleted (`purge_expired` deletes on it). A shorter period
        decided but not yet in force deletes nothing before the day it takes effect; until
        then the cases it will delete are shown as expiring, which is the warning."""
        days, pending_days, effective = rule
        last = _parse(last_activity).date()
        expiry = last + timedelta(days=days)
        if pending_days < days:
            later = max(last + timedelta(days=pending_days), effective)
            expiry = min(expiry, later)
        if retain_until:
            expiry = max(expiry, date.fromisoformat(retain_until))
        return expiry

    def delete_case(self, case_id: int) -> None:
        with self._write():
            self._conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))

    def _require_case(self, case_id: int) -> None:
        if not self._conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone():
            raise VaultError(N_("That case no longer exists."))

    def _touch(self, case_id: int, stamp: str) -> None:
        self._conn.execute("UPDATE cases SET last_activity = ? WHERE id = ?", (stamp, case_id))

    # -- settings kept in the vault ------------------------------------------------------

    @_reading
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute(
            "SELECT value FROM vault_settings WHERE key = ?", (key,)
        ).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str | None) -> None:
        """Store (or, with None, remove) a setting inside the encrypted vault."""
        with self._write():
            self._store_setting(key, value)

    def _store_setting(self, key: str, value: str | None) -> None:
        if value is None:
            self._conn.execute("DELETE FROM vault_settings WHERE key = ?", (key,))
        else:
            self._conn.execute(
                "INSERT INTO vault_settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, str(value)),
            )

    # -- retention (gallring) -----------------------------------------------------------

    @_reading
    def _retention_rule(self) -> tuple[int, int, date]:
        """(period in force, period decided, the day the decided one takes effect)."""
        rows = dict(
            self._conn.execute(
                "SELECT key, value FROM vault_settings WHERE key IN"
                " ('retention_days', 'retention_pending_days', 'retention_pending_from')"
            ).fetchall()
        )
        days = _days(rows.get("retention_days"), DEFAULT_RETENTION_DAYS)
        pending = _days(rows.get("retention_pending_days"), days)
        try:
            effective = date.fromisoformat(rows["retention_pending_from"])
        except (KeyError, ValueError):
            pending, effective = days, date.min
        if pending < days and self.clock().date() >= effective:
            days = pending
        return days, pending, effective

    @property
    def retention_days(self) -> int:
        """The retention period in force today, in days without activity."""
        return self._retention_rule()[0]

    def pending_retention(self) -> tuple[int, date] | None:
        """A shorter period decided but not yet in force, and the day it takes effect."""
        days, pending, effective = self._retention_rule()
        return (pending, effective) if pending < days else None

    def set_retention_days(self, days: int) -> date | None:
        """Change the retention period. A longer one applies at once; a shorter one only
        after `RETENTION_NOTICE_DAYS`, while the cases it will delete show as expiring.
        Returns the day a shorter period takes effect, or None."""
        if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
            raise VaultError(
                N_("The retention period must be {low} to {high} days."),
                low=MIN_RETENTION_DAYS,
                high=MAX_RETENTION_DAYS,
            )
        current, pending, effective = self._retention_rule()
        with self._write():
            if days >= current:
                self._store_setting("retention_days", str(days))
                self._store_setting("retention_pending_days", None)
                self._store_setting("retention_pending_from", None)
                return None
            if pending < current and days >= pending:
                effective_from = effective  # shortening less than already decided: same day
            else:
                effective_from = self.clock().date() + timedelta(days=RETENTION_NOTICE_DAYS)
            self._store_setting("retention_days", str(current))
            self._store_setting("retention_pending_days", str(days))
            self._store_setting("retention_pending_from", effective_from.isoformat())
        return effective_from

    def adopt_retention(self, days: int) -> None:
        """Once per vault: take over the period an earlier version kept in the settings
        file (a shorter one with the usual notice); the file is not read for it again."""
        if self.setting("retention_days") is None:
            try:
                self.set_retention_days(days)
            except VaultError:
                self.set_retention_days(DEFAULT_RETENTION_DAYS)

    @_reading
    def expiring(self, within_days: int = 14, cases: list[Case] | None = None) -> list[Case]:
        """Cases whose notes will be deleted within `within_days` unless extended.

        `cases`: the list from `cases()` when the caller has it already.
        """
        limit = self.clock().date() + timedelta(days=within_days)
        return [
            case for case in (self.cases() if cases is None else cases) if case.expires_on <= limit
        ]

    def extend_case(self, case_id: int) -> date:
        """Keep a case for one more retention period from today; returns the new date."""
        until = self.clock().date() + timedelta(days=self.retention_days)
        with self._write():
            self._require_case(case_id)
            self._conn.execute(
                "UPDATE cases SET retain_until = ? WHERE id = ?", (until.isoformat(), case_id)
            )
        return self.case(case_id).expires_on

    @_reading
    def purge_expired(self) -> int:
        """Delete every case (with its notes and history) whose retention date has come.

        The UI tells the handler "deleted on {expires_on}": on that day it is gone, not a day
        later. It runs at every unlock, so it reads only what the date needs (`cases()`
        also counts every case's notes)."""
        today = self.clock().date()
        rule = self._retention_rule()
        rows = self._conn.execute("SELECT id, last_activity, retain_until FROM cases")
        expired = [
            case_id for case_id, last, kept in rows if self._expiry(last, kept, rule) <= today
        ]
        days, pending, _effective = rule
        if pending == days and self.setting("retention_pending_days") is not None:
            with self._write():  # the notice is over: the shorter period is the rule now
                self._store_setting("retention_days", str(days))
                self._store_setting("retention_pending_days", None)
                self._store_setting("retention_pending_from", None)
        if expired:
            with self._write():
                self._conn.executemany(
                    "DELETE FROM cases WHERE id = ?", [(case_id,) for case_id in expired]
                )
        return len(expired)

    # -- notes --------------------------------------------------------------------------

    def add_note(self, case_id: int, text: str) -> int:
        """Store a working note; once this returns, the note survives a crash."""
        if not text.strip():
            raise VaultError(N_("An empty note is not saved."))
        now = _stamp(self.clock())
        with self._write():
            self._require_case(case_id)
            cursor = self._conn.execute(
                "INSERT INTO notes (case_id, text, created, updated) VALUES (?, ?, ?, ?)",
                (case_id, text, now, now),
            )
            self._conn.execute("DELETE FROM drafts WHERE case_id = ?", (case_id,))
            self._touch(case_id, now)
        return cursor.lastrowid

    def update_note(self, note_id: int, text: str) -> None:
        """Change a note's text; the earlier text is kept in its history."""
        if not text.strip():
            raise VaultError(N_("An empty note is not saved."))
        now = _stamp(self.clock())
        with self._write():
            row = self._conn.execute(
                "SELECT case_id, text, updated FROM notes WHERE id = ?", (note_id,)
            ).fetchone()
            if row is None:
                raise VaultError(N_("That note no longer exists."))
            case_id, old_text, old_updated = row
            if old_text == text:
                return
            self._conn.execute(
                "INSERT INTO note_versions (note_id, text, saved) VALUES (?, ?, ?)",
                (note_id, old_text, old_updated),
            )
            self._conn.execute(
                "UPDATE notes SET text = ?, updated = ? WHERE id = ?", (text, now, note_id)
            )
            self._touch(case_id, now)

    def delete_note(self, note_id: int) -> None:
        with self._write():
            self._conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))

    @_reading
    def notes(self, case_id: int) -> list[Note]:
        """The case's notes, oldest first."""
        rows = self._conn.execute(
            "SELECT id, case_id, text, created, updated FROM notes"
            " WHERE case_id = ? ORDER BY created, id",
            (case_id,),
        ).fetchall()
        return [Note(i, c, t, _parse(cr), _parse(up)) for i, c, t, cr, up in rows]

    @_reading
    def history(self, note_id: int) -> list[NoteVersion]:
        """Earlier texts of a note, oldest first."""
        rows = self._conn.execute(
            "SELECT text, saved FROM note_versions WHERE note_id = ? ORDER BY saved, id",
            (note_id,),
        ).fetchall()
        return [NoteVersion(text, _parse(saved)) for text, saved in rows]

    # -- drafts: a half-written note survives a lock or a quick exit, encrypted ----------

    def save_draft(self, case_id: int, text: str) -> None:
        with self._write():
            if text.strip():
                self._conn.execute(
                    "INSERT INTO drafts (case_id, text, saved) VALUES (?, ?, ?)"
                    " ON CONFLICT(case_id) DO UPDATE SET text = excluded.text,"
                    " saved = excluded.saved",
                    (case_id, text, _stamp(self.clock())),
                )
            else:
                self._conn.execute("DELETE FROM drafts WHERE case_id = ?", (case_id,))

    @_reading
    def draft(self, case_id: int) -> str:
        row = self._conn.execute("SELECT text FROM drafts WHERE case_id = ?", (case_id,)).fetchone()
        return row[0] if row else ""

    def save_edit_draft(self, note_id: int, text: str) -> None:
        """An unsaved edit of an existing note, kept (encrypted) until saved or cancelled."""
        with self._write():
            self._conn.execute(
                "INSERT INTO edit_drafts (note_id, text, saved) VALUES (?, ?, ?)"
                " ON CONFLICT(note_id) DO UPDATE SET text = excluded.text,"
                " saved = excluded.saved",
                (note_id, text, _stamp(self.clock())),
            )

    def discard_edit_draft(self, note_id: int) -> None:
        with self._write():
            self._conn.execute("DELETE FROM edit_drafts WHERE note_id = ?", (note_id,))

    @_reading
    def edit_drafts(self) -> list[tuple[int, int, str]]:
        """(case id, note id, text) of every kept edit, newest first."""
        return self._conn.execute(
            "SELECT notes.case_id, edit_drafts.note_id, edit_drafts.text FROM edit_drafts"
            " JOIN notes ON notes.id = edit_drafts.note_id ORDER BY edit_drafts.saved DESC"
        ).fetchall()

    def save_journal_draft(self, case_id: int | None, text: str) -> None:
        """The handbook's unsaved journal text (one), with the case chosen for it if any."""
        with self._write():
            if text.strip():
                self._conn.execute(
                    "INSERT INTO journal_draft (id, case_id, text, saved) VALUES (1, ?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET case_id = excluded.case_id,"
                    " text = excluded.text, saved = excluded.saved",
                    (case_id, text, _stamp(self.clock())),
                )
            else:
                self._conn.execute("DELETE FROM journal_draft")

    @_reading
    def journal_draft(self) -> tuple[int | None, str]:
        row = self._conn.execute("SELECT case_id, text FROM journal_draft").fetchone()
        return (row[0], row[1]) if row else (None, "")

    # -- referrals and walk-throughs recorded in a case -----------------------------------

    def add_referral(
        self, case_id: int, category: str, consent: str, given_on: date | None = None
    ) -> int:
        """Record that the client was referred to a kind of service, and their consent."""
        if consent not in CONSENTS:
            raise VaultError(N_("Unknown consent value: {value}"), value=consent)
        now = self.clock()
        given_on = given_on or now.date()
        with self._write():
            self._require_case(case_id)
            cursor = self._conn.execute(
                "INSERT INTO referrals (case_id, category, consent, given_on, created)"
                " VALUES (?, ?, ?, ?, ?)",
                (case_id, category, consent, given_on.isoformat(), _stamp(now)),
            )
            self._touch(case_id, _stamp(now))
        return cursor.lastrowid

    @_reading
    def referrals(self, case_id: int) -> list[Referral]:
        rows = self._conn.execute(
            "SELECT id, case_id, category, consent, given_on FROM referrals"
            " WHERE case_id = ? ORDER BY given_on, id",
            (case_id,),
        ).fetchall()
        return [Referral(i, c, cat, con, date.fromisoformat(d)) for i, c, cat, con, d in rows]

    def save_walkthrough(
        self, case_id: int, answers: dict, walkthrough_id: int | None = None
    ) -> int:
        """Store (or update) a walk-through's answers in the case; returns its id."""
        now = _stamp(self.clock())
        encoded = json.dumps(answers, ensure_ascii=False, sort_keys=True)
        with self._write():
            self._require_case(case_id)
            if walkthrough_id is None:
                walkthrough_id = self._conn.execute(
                    "INSERT INTO walkthroughs (case_id, answers, created, updated)"
                    " VALUES (?, ?, ?, ?)",
                    (case_id, encoded, now, now),
                ).lastrowid
            else:
                self._conn.execute(
                    "UPDATE walkthroughs SET answers = ?, updated = ? WHERE id = ? AND case_id = ?",
                    (encoded, now, walkthrough_id, case_id),
                )
            self._touch(case_id, now)
        return walkthrough_id

    @_reading
    def walkthroughs(self, case_id: int) -> list[Walkthrough]:
        rows = self._conn.execute(
            "SELECT id, case_id, answers, created, updated FROM walkthroughs"
            " WHERE case_id = ? ORDER BY created, id",
            (case_id,),
        ).fetchall()
        return [
            Walkthrough(i, c, json.loads(a), _parse(cr), _parse(up)) for i, c, a, cr, up in rows
        ]

    # -- anonymous contact records (statistics) ------------------------------------------

    def add_contact(self, week: str, record: dict) -> int:
        """Store one anonymous contact record for an ISO week ("2026-W09")."""
        if not re.fullmatch(r"\d{4}-W\d{2}", week):
            raise VaultError(N_("A contact record needs an ISO week such as 2026-W09."))
        encoded = json.dumps(record, ensure_ascii=False, sort_keys=True)
        with self._write():
            cursor = self._conn.execute(
                "INSERT INTO contacts (week, record) VALUES (?, ?)", (week, encoded)
            )
        return cursor.lastrowid

    @_reading
    def contacts(
        self, first_week: str = "0000-W00", last_week: str = "9999-W99"
    ) -> list[ContactRecord]:
        """Contact records from `first_week` to `last_week`, both included."""
        rows = self._conn.execute(
            "SELECT id, week, record FROM contacts WHERE week BETWEEN ? AND ? ORDER BY week, id",
            (first_week, last_week),
        ).fetchall()
        return [ContactRecord(i, w, json.loads(r)) for i, w, r in rows]

    @_reading
    def oldest_contact_week(self) -> str | None:
        """The earliest week with a contact record (one index lookup, not a scan)."""
        return self._conn.execute("SELECT MIN(week) FROM contacts").fetchone()[0]

    def purge_contacts(self, before_week: str) -> int:
        """Delete contact records of weeks before `before_week`; returns how many."""
        with self._write():
            cursor = self._conn.execute("DELETE FROM contacts WHERE week < ?", (before_week,))
        return cursor.rowcount

    # -- statistics: publication ledger and roll-up keys ---------------------------------

    @_reading
    def statistics_publications(self, namespace: str, year: int) -> dict[str, dict]:
        """What was published of `year` and its quarters: period code → its record."""
        rows = self._conn.execute(
            "SELECT period, published, counts, hidden, contributors"
            " FROM statistics_publications WHERE namespace = ? AND (period = ? OR period GLOB ?)",
            (namespace, str(year), f"{year}-Q[1-4]"),
        ).fetchall()
        return {
            period: {
                "published": date.fromisoformat(published),
                "counts": json.loads(counts),
                "hidden": json.loads(hidden),
                "contributors": contributors,
            }
            for period, published, counts, hidden, contributors in rows
        }

    def add_statistics_publications(self, namespace: str, entries: dict[str, dict]) -> None:
        """Record newly fixed periods (same shape as `statistics_publications`), all at once."""
        with self._write():
            self._conn.executemany(
                "INSERT INTO statistics_publications"
                " (namespace, period, published, counts, hidden, contributors)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        namespace,
                        period,
                        entry["published"].isoformat(),
                        json.dumps(entry["counts"], sort_keys=True),
                        json.dumps(sorted(entry["hidden"])),
                        entry.get("contributors"),
                    )
                    for period, entry in entries.items()
                ],
            )

    def add_statistics_key(self, public_key: str, secret_key: str) -> None:
        """Keep a roll-up key pair (base64 text); the secret never leaves the vault."""
        with self._write():
            self._conn.execute(
                "INSERT INTO statistics_keys (public_key, secret_key, created) VALUES (?, ?, ?)",
                (public_key, secret_key, _stamp(_utcnow())),
            )

    @_reading
    def statistics_keys(self) -> list[tuple[str, str]]:
        """(public, secret) key pairs, newest first."""
        return self._conn.execute(
            "SELECT public_key, secret_key FROM statistics_keys ORDER BY id DESC"
        ).fetchall()

    # -- exercise sessions (fictional cases; never tied to a real case) -------------------

    def add_exercise_session(
        self, held_on: date, exercise_id: str, participants: int, takeaways: str
    ) -> int:
        if participants < 0:
            raise VaultError(N_("The number of participants cannot be negative."))
        with self._write():
            cursor = self._conn.execute(
                "INSERT INTO exercise_sessions (held_on, exercise_id, participants, takeaways)"
                " VALUES (?, ?, ?, ?)",
                (held_on.isoformat(), exercise_id, participants, takeaways),
            )
        return cursor.lastrowid

    @_reading
    def exercise_sessions(self) -> list[ExerciseSession]:
        rows = self._conn.execute(
            "SELECT id, held_on, exercise_id, participants, takeaways FROM exercise_sessions"
            " ORDER BY held_on DESC, id DESC"
        ).fetchall()
        return [ExerciseSession(i, date.fromisoformat(d), e, p, t) for i, d, e, p, t in rows]

    # -- office records (pack keys, accepted packs, office entries, confirmed numbers) -------

    @_reading
    def office_records(self, kind: str) -> dict[str, Any]:
        """Every record of `kind` by name, its JSON value decoded."""
        rows = self._conn.execute(
            "SELECT name, value FROM office_records WHERE kind = ? ORDER BY name", (kind,)
        ).fetchall()
        return {name: json.loads(value) for name, value in rows}

    def put_office_records(
        self, kind: str, records: dict[str, Any], *, replace_all: bool = False
    ) -> None:
        """Store `records` of `kind` in one transaction; `replace_all` drops the others first."""
        stamp = _stamp(self.clock())
        with self._write():
            if replace_all:
                self._conn.execute("DELETE FROM office_records WHERE kind = ?", (kind,))
            self._conn.executemany(
                "INSERT OR REPLACE INTO office_records (kind, name, value, updated)"
                " VALUES (?, ?, ?, ?)",
                [
                    (kind, name, json.dumps(value, ensure_ascii=False), stamp)
                    for name, value in records.items()
                ],
            )

    def delete_office_record(self, kind: str, name: str) -> None:
        with self._write():
            self._conn.execute(
                "DELETE FROM office_records WHERE kind = ? AND name = ?", (kind, name)
            )

    # -- search -------------------------------------------------------------------------

    @_reading
    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Notes containing every word of `query`, newest first.

        Newest first is what a handler looks for, and it lets FTS5 stop after `limit`
        matches instead of ranking them all (100 times faster at 100,000 notes).

        Case-insensitive, and å, ä, ö are letters of their own: “har” does not find “hår”.
        """
        match = fts_query(query)
        if match is None:
            return []
        rows = self._conn.execute(
            "SELECT n.id, n.case_id, c.pseudonym, n.text,"
            " snippet(notes_fts, 0, char(2), char(3), '…', 16), n.created"
            " FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid"
            " JOIN cases c ON c.id = n.case_id"
            " WHERE notes_fts MATCH ? ORDER BY notes_fts.rowid DESC LIMIT ?",
            (match, limit),
        ).fetchall()
        return [
            SearchHit(nid, cid, pseudonym, text, snippet, _parse(created))
            for nid, cid, pseudonym, text, snippet, created in rows
        ]

    # -- passphrase, backup, restore ------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the whole vault under a new passphrase."""
        key = _key_literal(new_passphrase)
        conn = self._conn
        # SQLCipher re-keys only a rollback-journal database.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        try:
            conn.execute(f"PRAGMA rekey = {key}")
        except dbapi2.Error as error:
            raise _translate(error) from error
        finally:
            conn.execute("PRAGMA journal_mode = WAL")

    def backup(self, dest_path: Path | str, passphrase: str) -> None:
        """Write an encrypted copy under its own passphrase; `dest_path` appears whole or not."""
        dest_path = Path(dest_path)
        own = {
            Path(f"{self.path.resolve()}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")
        }
        if dest_path.resolve() in own or (
            dest_path.exists() and os.path.samefile(dest_path, self.path)
        ):
            raise VaultError(
                N_("A backup cannot be saved over the vault itself. Choose another file.")
            )
        self._export(dest_path, passphrase)

    def _export(self, dest_path: Path, passphrase: str) -> None:
        key = _key_literal(passphrase)
        tmp = dest_path.with_name(f".{dest_path.name}.{os.getpid()}.part")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        conn = self._conn
        try:
            conn.execute(f"ATTACH DATABASE ? AS export KEY {key}", (str(tmp),))
            try:
                conn.execute("SELECT sqlcipher_export('export')").fetchone()
                conn.execute(f"PRAGMA export.user_version = {self.schema_version}")
            finally:
                conn.execute("DETACH DATABASE export")
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            atomic.replace(tmp, dest_path)
        except (dbapi2.Error, OSError) as error:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise _translate(error) from error

    @classmethod
    def restore(
        cls,
        backup_path: Path | str,
        backup_passphrase: str,
        dest_path: Path | str,
        passphrase: str | None = None,
        clock: Clock = _utcnow,
    ) -> Vault:
        """Restore a backup to `dest_path` and open it there.

        The backup's passphrase is checked first; a wrong one raises `WrongPassphrase` and
        changes nothing. The restored vault is locked with `passphrase` (default: the
        backup's). A vault already at `dest_path` is kept beside it, renamed, never lost.
        """
        backup_path, dest_path = Path(backup_path), Path(dest_path)
        passphrase = passphrase or backup_passphrase
        if not backup_path.is_file():
            raise VaultError(N_("There is no vault at {path}."), path=str(backup_path))
        if backup_path.stat().st_size < MIN_VAULT_BYTES:
            raise VaultDamaged()
        if dest_path.exists() and os.path.samefile(backup_path, dest_path):
            raise VaultError(N_("That file is the vault itself, not a backup of it."))
        # Read-only: the backup may sit on a write-protected drive, and stays as it was.
        source = cls(backup_path, cls._connect(backup_path, backup_passphrase, True), clock)
        staged = dest_path.with_name(f".{dest_path.name}.restoring")
        try:
            dest_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # a first restore
            _remove_with_logs(staged)
            source._export(staged, passphrase)
        finally:
            source.close()
        kept = None
        if dest_path.exists():
            kept = _free_name(
                dest_path.with_name(
                    f"{dest_path.name}.before-restore-{clock().strftime('%Y%m%d-%H%M%S')}"
                )
            )
            # The old vault's log goes with it: it may hold its last notes after a crash.
            for suffix in ("-wal", "-shm", ""):
                with contextlib.suppress(FileNotFoundError):
                    atomic.replace(f"{dest_path}{suffix}", f"{kept}{suffix}")
        atomic.replace(staged, dest_path)
        vault = cls.open(dest_path, passphrase, clock)
        vault.replaced = kept
        return vault

    @classmethod
    def replace_from_backup(
        cls,
        vault_path: Path | str,
        current_passphrase: str,
        backup_path: Path | str,
        backup_passphrase: str,
        clock: Clock = _utcnow,
    ) -> tuple[Vault | None, Path | None]:
        """Restore while locked (the lock screen): only with the current vault's passphrase.

        Returns the restored vault, open, and where the replaced vault was kept. Where the
        current vault is damaged (its passphrase proven on page 1, the rest unreadable), it
        is replaced all the same but the restored vault is returned closed (None): the app
        stays locked until the backup's passphrase unlocks it. A wrong current passphrase
        raises `WrongPassphrase` and changes nothing.
        """
        vault_path, backup_path = Path(vault_path), Path(backup_path)
        unlock = True
        if vault_path.exists():
            try:
                cls.check(vault_path, current_passphrase)
            except VaultDamaged:
                unlock = False
        try:
            cls.check(backup_path, backup_passphrase)
        except WrongPassphrase:
            raise VaultError(N_("The backup's passphrase does not open that backup.")) from None
        restored = cls.restore(backup_path, backup_passphrase, vault_path, clock=clock)
        if unlock:
            return restored, restored.replaced
        restored.close()
        return None, restored.replaced
