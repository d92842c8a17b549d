"""The exact rules of pack signatures, in memory and in milliseconds (issue 17).

What a pack's signature proves and what the office is told when it proves nothing: the bytes a
signature covers, the signature file read back (and refused when corrupt), each key's scope and
last valid day, and for every way a pack can fail its check the trust level and the reason the
office reads. `tests/test_packs_trust.py` plays the same rules through installs and sheets; these
tests pin them exactly and cheaply, so `make mutation` catches a changed rule at once.
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib

import pytest

from tests.test_packs_helpers import TEST_KEY
from vaaldstod.packs import signing, trust
from vaaldstod.packs.signing import SIGNATURE, PublicKey, Signature, SignatureError
from vaaldstod.packs.trust import Trust

TEST_KEY_ID = "79b777ad6b83b4c8"  # tests/fixtures/keys, trusted as a publisher key in tests
TEST_KEY_NAME = "Test key (tests only)"
SIGNED_ON = datetime.date(2026, 3, 2)
FILES = {
    "pack.toml": b'id = "test.rules"\nversion = "1.0.0"\n',
    "items.toml": b"items = []\n",
    "notes.toml": b"notes = []\n",
}


@functools.cache
def publisher() -> signing.Ed25519PrivateKey:
    return signing.read_private_key(TEST_KEY)


@functools.cache
def office_private() -> signing.Ed25519PrivateKey:
    return signing.generate_key()


def office_key(scope: tuple[str, ...] = ("*",), expires: datetime.date | None = None) -> PublicKey:
    return signing.public_key(office_private(), "Växjö kontor", scope, expires)


def signed(files=FILES, private=None, signed_on=SIGNED_ON) -> dict[str, bytes]:
    """`files` with a pack.sig by `private` (the test publisher key unless given)."""
    text = signing.sign_files(files, private or publisher(), signed_on)
    return {**files, SIGNATURE: text.encode("utf-8")}


def with_signature_line(files: dict[str, bytes], prefix: str, line: str) -> dict[str, bytes]:
    """`files` with the pack.sig line starting with `prefix` replaced by `line`."""
    lines = files[SIGNATURE].decode("utf-8").splitlines()
    lines = [line if old.startswith(prefix) else old for old in lines]
    return {**files, SIGNATURE: ("\n".join(lines) + "\n").encode("utf-8")}


class Office:
    """The unlocked vault's side of trust: its keys, and the exact packs it accepted."""

    def __init__(self, keys=(), accepted=()) -> None:
        self._keys = list(keys)
        self._accepted = set(accepted)

    def keys(self) -> list[PublicKey]:
        return list(self._keys)

    def accepted(self, pack_id: str, version: str, digest: str) -> bool:
        return (pack_id, version, digest) in self._accepted

    def accept(self, pack_id: str, version: str, digest: str) -> None:
        self._accepted.add((pack_id, version, digest))


def untrusted(files: dict[str, bytes], reason: str) -> Trust:
    return Trust("untrusted", reason=reason, digest=signing.digest(files))


def check(files, office=None, today=None) -> Trust:
    """The trust of `files` as the pack test.rules 1.0.0."""
    return trust.evaluate(files, "test.rules", "1.0.0", office, today)


# -- the bytes that are hashed and signed -----------------------------------------------------


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_file_hashes_cover_every_file_but_the_signature():
    files = {"b.toml": b"2", "a.toml": b"1", SIGNATURE: b"anything"}
    assert signing.file_hashes(files) == {"a.toml": sha(b"1"), "b.toml": sha(b"2")}
    assert list(signing.file_hashes(files)) == ["a.toml", "b.toml"]


def test_the_digest_an_office_accepts_covers_every_file_and_keeps_its_format():
    files = {**FILES, SIGNATURE: b"sig"}
    lines = "".join(f"{sha(files[name])}  {name}\n" for name in sorted(files))
    assert signing.digest(files) == sha(lines.encode("utf-8"))
    # Kept in the vault for each accepted pack: a new format would undo every acceptance.
    assert signing.digest(files) == (
        "8116ff2b149297d3f4acaa8fd1cacc916ce31c2515fcdd2b90d69f34ed113b45"
    )
    assert signing.digest({**files, "items.toml": b"items = [] \n"}) != signing.digest(files)
    assert signing.digest({**files, SIGNATURE: b"other"}) != signing.digest(files)


def test_the_signed_message_is_the_domain_key_day_and_sorted_hash_lines():
    message = signing.signed_message(
        "abcd", datetime.date(2026, 3, 2), {"b.toml": "22", "å.toml": "33", "a.toml": "11"}
    )
    assert message == (
        b"vaaldstod-pack-signature-v1\n"
        b"key abcd\n"
        b"signed_on 2026-03-02\n"
        b"11  a.toml\n"
        b"22  b.toml\n" + "33  å.toml\n".encode()
    )


# -- the signature file read back -------------------------------------------------------------


def test_a_signature_file_reads_back_as_what_was_signed():
    files = signed()
    found = signing.parse_signature(files[SIGNATURE])
    hashes = signing.file_hashes(FILES)
    stranger = signing.public_key(signing.generate_key(), "")
    message = signing.signed_message(TEST_KEY_ID, SIGNED_ON, hashes)
    assert found == Signature(TEST_KEY_ID, SIGNED_ON, hashes, publisher().sign(message))
    assert type(found.files) is dict
    assert found.message() == message
    assert signing.public_key(publisher(), "").verify(found.signature, message)
    assert not stranger.verify(found.signature, message)


def refusal(data: bytes) -> str:
    """Why `parse_signature` refuses `data` (it must refuse it)."""
    with pytest.raises(SignatureError) as caught:
        signing.parse_signature(data)
    return str(caught.value)


def test_a_signature_of_an_unknown_format_says_which():
    newer = with_signature_line(signed(), "format =", "format = 2")[SIGNATURE]
    assert refusal(newer) == "signature format 2 is not known"
    unnumbered = with_signature_line(signed(), "format =", "")[SIGNATURE]
    assert refusal(unnumbered) == "signature format None is not known"


UNREADABLE = {
    "not UTF-8": ("format =", "format = 1 # \N{REPLACEMENT CHARACTER}"),
    "not TOML": ("format =", "format = = 1"),
    "no files": ("[files]", "[others]"),
    "no day": ("signed_on =", ""),
    "no key": ("key =", ""),
    "no signature": ("signature =", ""),
    "signature not base64": ("signature =", 'signature = "not base64!"'),
    "signature not a string": ("signature =", "signature = 12"),
    "files not a table": ("[files]", 'files = "items.toml"\n[other]'),
    "a hash not a string": ('"items.toml" =', '"items.toml" = 12'),
    "day not a date": ("signed_on =", 'signed_on = "2026-03-02"'),
    "day with a time": ("signed_on =", "signed_on = 2026-03-02T10:00:00"),
    "key not a string": ("key =", "key = 79"),
}


@pytest.mark.parametrize("case", UNREADABLE, ids=list(UNREADABLE))
def test_a_corrupt_signature_file_cannot_be_read(case):
    prefix, line = UNREADABLE[case]
    text = with_signature_line(signed(), prefix, line)[SIGNATURE]
    if case == "not UTF-8":
        text = text.replace("\N{REPLACEMENT CHARACTER}".encode(), b"\xff")
    assert refusal(text) == "the signature file cannot be read"


def test_junk_inside_a_valid_signature_is_refused_not_skipped():
    files = signed()
    value = base64.b64encode(signing.parse_signature(files[SIGNATURE]).signature).decode()
    spoiled = with_signature_line(files, "signature =", f'signature = "{value[:8]}!{value[8:]}"')
    assert refusal(spoiled[SIGNATURE]) == "the signature file cannot be read"
    assert check(spoiled) == untrusted(spoiled, "its signature file cannot be read")


# -- keys: scope, last valid day, verifying, the file an office hands on ----------------------


def test_a_key_signs_only_the_ids_its_scope_names():
    anything = office_key()
    assert anything.may_sign("test.rules") and anything.may_sign("")
    scoped = office_key(("kontoret.umea.", "kontoret.norr."))
    assert scoped.may_sign("kontoret.umea.checklista")
    assert scoped.may_sign("kontoret.norr.kort")
    assert not scoped.may_sign("kontoret.umea")
    assert not scoped.may_sign("test.rules")
    assert not scoped.may_sign("*")
    assert not office_key(()).may_sign("test.rules")


def test_a_key_is_valid_through_its_last_day():
    last = datetime.date(2000, 1, 1)  # long past: a check that used the real day would differ
    key = office_key(expires=last)
    assert not key.expired(last)
    assert not key.expired(last - datetime.timedelta(days=1))
    assert key.expired(last + datetime.timedelta(days=1))
    assert key.expired()
    today = datetime.date.today()
    assert not office_key(expires=today).expired()
    assert office_key(expires=today - datetime.timedelta(days=1)).expired()
    assert not office_key().expired() and not office_key().expired(last)


def test_verify_answers_true_only_for_the_keys_own_signature_of_that_message():
    key = office_key()
    message = b"vaaldstod-pack-signature-v1\nkey x\n"
    good = office_private().sign(message)
    assert key.verify(good, message) is True
    assert key.verify(good, message + b"\n") is False
    assert key.verify(bytes(64), message) is False
    assert key.verify(good[:63], message) is False
    assert PublicKey(key.key_id, key.name, key.raw[:31]).verify(good, message) is False


def test_a_public_key_file_is_written_exactly():
    raw = bytes(range(32))
    key = PublicKey(
        signing.key_id_of(raw),
        'Kontoret i Umeå "Norr"',
        raw,
        ("kontoret.umea.", "kontoret.norr."),
        datetime.date(2027, 6, 30),
    )
    assert key.to_toml() == (
        "# A Våldstöd pack-signing public key. Trust it only if it came from its owner.\n"
        'id = "630dcd2966c43366"\n'
        'name = "Kontoret i Umeå \\"Norr\\""\n'
        'public_key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="\n'
        'scope = ["kontoret.umea.", "kontoret.norr."]\n'
        "expires = 2027-06-30\n"
    )
    plain = PublicKey(key.key_id, "K", raw).to_toml()
    assert plain.splitlines()[-1] == 'scope = ["*"]' and plain.endswith('"]\n')
    assert signing.parse_public_key(key.to_toml()) == key


# -- trust: what the office is told, for every way a pack can fail ----------------------------


def test_an_unsigned_pack_is_untrusted_because_it_is_not_signed():
    assert check(FILES) == untrusted(FILES, "it is not signed")
    assert check(FILES).describe() == ("untrusted: it is not signed")


def test_an_unreadable_signature_file_is_named():
    files = {**FILES, SIGNATURE: b"format = [\n"}
    assert check(files) == untrusted(files, "its signature file cannot be read")


def test_a_pack_signed_by_a_publisher_key_is_trusted_as_the_publishers():
    files = signed()
    expected = Trust(
        "publisher", TEST_KEY_NAME, TEST_KEY_ID, SIGNED_ON, digest=signing.digest(files)
    )
    assert check(files) == expected
    # An unlocked vault with keys of its own changes nothing for the publisher's packs,
    assert check(files, Office([office_key()])) == expected
    # and a publisher key may sign the publisher's own ids.
    assert trust.evaluate(files, "vaaldstod.directory.rules", "1.0.0") == expected


def test_a_pack_signed_by_an_office_key_is_trusted_as_the_offices_while_unlocked():
    files = signed(private=office_private())
    key = office_key()
    expected = Trust("office", "Växjö kontor", key.key_id, SIGNED_ON, digest=signing.digest(files))
    assert check(files, Office([key])) == expected
    with trust.use_office_trust(Office([key])):
        assert check(files) == expected
        # A vault passed in is the one asked, not the one unlocked.
        assert check(files, Office()) == untrusted(
            files, "it is signed by a key Våldstöd does not know"
        )
    assert check(files) == untrusted(files, "it is signed by a key Våldstöd does not know")


def test_a_signature_that_does_not_match_its_contents_is_not_valid():
    files = signed()
    other = signing.parse_signature(signed({"x.toml": b""})[SIGNATURE]).signature
    forged = with_signature_line(
        files, "signature =", f'signature = "{base64.b64encode(other).decode()}"'
    )
    assert check(forged) == untrusted(forged, "its signature is not valid")
    # The day is signed too: a signature cannot be moved to another day.
    moved = with_signature_line(files, "signed_on =", "signed_on = 2026-03-03")
    assert check(moved) == untrusted(moved, "its signature is not valid")
    # A changed file with its new hash written into pack.sig: the signature no longer fits.
    changed = {**files, "items.toml": b"items = [1]\n"}
    new_hash = sha(changed["items.toml"])
    rehashed = with_signature_line(changed, '"items.toml" =', f'"items.toml" = "{new_hash}"')
    assert check(rehashed) == untrusted(rehashed, "its signature is not valid")


def test_files_added_after_signing_are_named_in_order():
    files = {**signed(), "b-extra.toml": b"", "a-extra.toml": b""}
    assert check(files) == untrusted(files, "a-extra.toml, b-extra.toml was added after signing")
    # A file renamed is first of all a file added.
    renamed = {**signed(), "z.toml": FILES["items.toml"]}
    del renamed["items.toml"]
    assert trust.evaluate(renamed, "t", "1").reason == "z.toml was added after signing"


def test_files_removed_after_signing_are_named_in_order():
    files = signed()
    del files["notes.toml"], files["items.toml"]
    assert check(files) == untrusted(files, "items.toml, notes.toml was removed after signing")


def test_files_changed_after_signing_are_named_and_only_those():
    files = {**signed(), "notes.toml": b"notes = [1]\n", "items.toml": b"items = [1]\n"}
    assert check(files) == untrusted(files, "items.toml, notes.toml was changed after signing")
    one = {**signed(), "items.toml": b"items = [1]\n"}
    assert check(one) == untrusted(one, "items.toml was changed after signing")


def test_a_key_signing_outside_its_scope_is_refused_with_both_named():
    files = signed(private=office_private())
    umea = office_key(("kontoret.umea.",))
    assert check(files, Office([umea])) == untrusted(
        files, "the key Växjö kontor may not sign a pack with the id test.rules"
    )
    assert trust.evaluate(files, "kontoret.umea.rules", "1.0.0", Office([umea])).level == "office"


def test_an_office_key_never_signs_the_publishers_ids_whatever_its_scope():
    files = signed(private=office_private())
    office = Office([office_key()])
    assert trust.evaluate(files, "vaaldstod.directory.national", "1.0.0", office) == untrusted(
        files, "the key Växjö kontor may not sign a pack with the id vaaldstod.directory.national"
    )
    assert trust.evaluate(files, "vaaldstodx.rules", "1.0.0", office).level == "office"


def test_a_key_past_its_last_day_is_refused_with_the_day_named():
    files = signed(private=office_private())
    office = Office([office_key(expires=datetime.date(2000, 1, 1))])
    last, after = datetime.date(2000, 1, 1), datetime.date(2000, 1, 2)
    assert check(files, office, today=last).level == "office"
    assert check(files, office, today=after) == untrusted(
        files, "the key Växjö kontor expired on 2000-01-01"
    )
    assert check(files, office) == untrusted(files, "the key Växjö kontor expired on 2000-01-01")


# -- the office's acceptance of an unsigned pack -----------------------------------------------


def test_an_office_accepts_exactly_the_pack_version_and_files_it_saw():
    digest = signing.digest(FILES)
    office = Office(accepted=[("test.rules", "1.0.0", digest)])
    accepted = Trust("accepted", reason="it is not signed", digest=digest)
    assert check(FILES, office) == accepted
    assert check(FILES, office).describe() == ("unsigned, accepted by the office")
    with trust.use_office_trust(office):
        assert check(FILES) == accepted
    assert trust.evaluate(FILES, "test.rules", "1.0.1", office) == untrusted(
        FILES, "it is not signed"
    )
    assert trust.evaluate(FILES, "test.other", "1.0.0", office).level == "untrusted"
    changed = {**FILES, "notes.toml": b"notes = [1]\n"}
    assert check(changed, office).level == "untrusted"


def test_an_accepted_pack_keeps_the_reason_its_signature_failed():
    files = {**signed(), "items.toml": b"items = [1]\n"}
    office = Office(accepted=[("test.rules", "1.0.0", signing.digest(files))])
    assert check(files, office) == Trust(
        "accepted", reason="items.toml was changed after signing", digest=signing.digest(files)
    )
