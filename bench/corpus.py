"""Swedish-looking working notes, and vaults filled with them fast, for the benchmarks.

The texts are made up: common Swedish words and the words handlers write about economic
violence, plus a long tail of invented words with å, ä and ö, drawn with Zipf-like
frequencies so a search meets both rare and very common terms, as it would in real notes.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlcipher3

from vaaldstod.vault import Vault

PASSPHRASE = "bänkprov med påhittade anteckningar"

# What the vault sets on its connection; the plain baseline copies the values from an open
# vault, so the two differ only in encryption.
MIRRORED_PRAGMAS = (
    "page_size",
    "cache_size",
    "foreign_keys",
    "secure_delete",
    "temp_store",
    "journal_mode",
    "synchronous",
)

COMMON = (
    "och att det som en på är av för med har inte till om hon han de den var ett men så "
    "sin sitt sina vid kan ska skulle efter också när då nu mycket eller under mot utan "
    "klienten sambon maken barnen mötet samtalet idag igen nästa vecka dag tid"
).split()

# What handlers at Kronofogden, Försäkringskassan and similar write about.
DOMAIN = (
    "ekonomi ekonomiskt ekonomisk kontroll kontrollerar våld våldet psykiskt fysiskt hot "
    "hotade rädd rädsla bankid lön lönen utmätning skuld skulder skuldsanering "
    "betalningsföreläggande anstånd ansökan beslut kvinnojour socialtjänsten polisanmälan "
    "polisen skyddat boende tolk samtycke uppföljning handläggare kronofogden "
    "försäkringskassan arbetsförmedlingen migrationsverket bostadsbidrag underhåll "
    "försörjningsstöd kontot lånet lån sms krediter kortet pengarna hyran räkningar "
    "vräkning flytta barnomsorg förskolan vårdnad umgänge advokat jurist stödsamtal "
    "brottsofferjouren läkare akuten blåmärken sömn ångest oro skam tystnad isolering "
    "vänner släkten mamma pappa bror syster arbete jobbet sjukskriven sjukpenning "
    "aktivitetsersättning återbetalning föreläggande delgivning överklagande frist"
).split()

_ONSETS = "b d f g h j k l m n p r s t v sk st sp tr br gr fr kr sl sn sv sj".split()
_VOWELS = "a e i o u y å ä ö".split()
_CODAS = "n r s t l k m ng ck rt st ll nn rd".split()


def _invented(rng: random.Random, count: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 2, 3, 3))
        words.add(
            "".join(
                rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                for _ in range(syllables)
            )
        )
    return sorted(words)


class NoteTexts:
    """An endless, reproducible supply of note texts (20 to 80 words, a sentence or four)."""

    def __init__(self, seed: int = 2026, tail: int = 20_000) -> None:
        self._rng = random.Random(seed)
        tail_words = _invented(self._rng, tail)
        self._rng.shuffle(tail_words)
        # Rank 1 is the most frequent; weight 1/rank gives Zipf's law.
        self.vocabulary = COMMON + DOMAIN + tail_words
        self._cum = list(
            itertools.accumulate(1 / rank for rank in range(1, len(self.vocabulary) + 1))
        )

    def __iter__(self) -> Iterator[str]:
        rng, vocabulary, cum = self._rng, self.vocabulary, self._cum
        while True:
            words = rng.choices(vocabulary, cum_weights=cum, k=rng.randint(20, 80))
            sentences, start = [], 0
            while start < len(words):
                end = start + rng.randint(6, 18)
                sentence = " ".join(words[start:end])
                sentences.append(sentence[0].upper() + sentence[1:] + ".")
                start = end
            yield " ".join(sentences)


def fill(vault: Vault, notes: int, cases: int, seed: int = 2026) -> None:
    """Add `cases` cases and `notes` notes spread over the last year, in one transaction.

    Goes through the vault's own connection (and so its triggers and FTS index), because
    100,000 separate `add_note` commits, each waiting for fsync, would take many minutes.
    """
    conn = vault._conn  # a bulk load is nothing the app offers, so no public method for it
    start = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    step = timedelta(days=365) / max(notes, 1)
    texts = iter(NoteTexts(seed))

    def stamp(moment: datetime) -> str:
        return moment.isoformat(timespec="microseconds")

    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO cases (id, pseudonym, created, last_activity, retain_until)"
        " VALUES (?, ?, ?, ?, ?)",
        # Kept until 2030 so the retention rule does not delete the corpus at unlock.
        (
            (i + 1, f"Ärende 2025-{i + 1:04d}", stamp(start), stamp(start), "2030-01-01")
            for i in range(cases)
        ),
    )
    conn.executemany(
        "INSERT INTO notes (case_id, text, created, updated) VALUES (?, ?, ?, ?)",
        (
            (i % cases + 1, next(texts), stamp(start + i * step), stamp(start + i * step))
            for i in range(notes)
        ),
    )
    conn.execute("COMMIT")


def create_encrypted(path: Path, notes: int, cases: int) -> None:
    """A real vault (SQLCipher, the app's key derivation) holding the corpus."""
    with Vault.create(path, PASSPHRASE) as vault:
        fill(vault, notes, cases)


def open_plain(path: Path, like: Vault) -> Vault:
    """The same `Vault` class, schema, queries and pragmas on an unencrypted SQLite file.

    The baseline is SQLCipher's SQLite used without a key, not the standard library's
    `sqlite3`: Python 3.11 here links SQLite 3.40, which refuses the vault's schema (its
    FTS5 'secure-delete' option needs 3.42). Without a key SQLCipher neither encrypts nor
    derives a key, so the two vaults run the same SQLite and differ only in encryption.
    """
    new = not path.exists()
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in MIRRORED_PRAGMAS:
        value = like._conn.execute(f"PRAGMA {pragma}").fetchone()[0]
        conn.execute(f"PRAGMA {pragma} = {value}")
    plain = Vault(path, conn, like.clock)
    if new:
        plain._migrate()  # the vault's own migrations: exactly the same schema
    return plain


def create_plain(path: Path, notes: int, cases: int, like: Vault) -> None:
    """The baseline file: the same corpus, unencrypted; checked to be plain SQLite."""
    with open_plain(path, like) as plain:
        fill(plain, notes, cases)
    if not path.read_bytes()[:16] == b"SQLite format 3\x00":
        raise RuntimeError(f"{path} should be an unencrypted SQLite file")
