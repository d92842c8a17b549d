"""The vault as a handler relies on it: notes kept, found, versioned, encrypted."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from tests.conftest import PASSPHRASE
from vaaldstod.vault import Vault, VaultDamaged, VaultError, VaultLocked, WrongPassphrase


def test_notes_survive_closing_and_reopening(vault):
    case = vault.create_case("Ärende 2026-001")
    first = vault.add_note(case, "Klienten berättar om kontroll över lönen.")
    vault.add_note(case, "Andra mötet.")
    path = vault.path
    vault.close()
    reopened = Vault.open(path, PASSPHRASE)
    notes = reopened.notes(case)
    assert [n.text for n in notes] == ["Klienten berättar om kontroll över lönen.", "Andra mötet."]
    assert notes[0].id == first
    assert notes[0].created.tzinfo is not None
    reopened.close()


def test_wrong_passphrase_is_refused_and_changes_nothing(vault):
    vault.add_note(vault.create_case("Ärende 2026-002"), "text")
    path = vault.path
    vault.close()
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    with pytest.raises(WrongPassphrase):
        Vault.open(path, "fel lösenfras")
    after = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    assert after == before


def test_open_a_file_that_is_not_a_vault_is_a_wrong_passphrase(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    with pytest.raises(WrongPassphrase):
        Vault.open(junk, PASSPHRASE)


@pytest.mark.parametrize("size", [0, 1, 4000])
def test_a_truncated_file_is_damaged_not_a_new_vault(tmp_path, size):
    short = tmp_path / "short.db"
    short.write_bytes(os.urandom(size))
    with pytest.raises(VaultDamaged):
        Vault.open(short, PASSPHRASE)
    assert short.stat().st_size == size


def test_missing_vault_and_existing_file_give_clear_errors(tmp_path, vault):
    with pytest.raises(VaultError, match="no vault"):
        Vault.open(tmp_path / "nothing.db", PASSPHRASE)
    with pytest.raises(VaultError, match="already a file"):
        Vault.create(vault.path, PASSPHRASE)


def test_the_file_is_encrypted(vault):
    vault.add_note(vault.create_case("Ärende 2026-003"), "MARKÖR-i-klartext")
    vault.close()
    data = vault.path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert "MARKÖR".encode() not in data


def test_locked_vault_refuses_use(vault):
    vault.close()
    with pytest.raises(VaultLocked):
        vault.cases()


def test_editing_keeps_history(vault, clock):
    case = vault.create_case("Ärende 2026-004")
    note = vault.add_note(case, "första versionen")
    clock.advance(1)
    vault.update_note(note, "andra versionen")
    clock.advance(1)
    vault.update_note(note, "tredje versionen")
    [current] = vault.notes(case)
    assert current.text == "tredje versionen"
    assert current.edited
    assert [v.text for v in vault.history(note)] == ["första versionen", "andra versionen"]


def test_edits_are_searchable_and_old_text_is_not(vault):
    case = vault.create_case("Ärende 2026-005")
    note = vault.add_note(case, "skuldsanering")
    vault.update_note(note, "anstånd")
    assert [h.note_id for h in vault.search("anstånd")] == [note]
    assert vault.search("skuldsanering") == []


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("har", ["Vi har pratat"]),
        ("hår", ["Hon klippte håret"]),
        ("HÅR", ["Hon klippte håret"]),
        ("ÄGER", ["Hon äger bilen"]),
        ("ager", []),
        ("bil", ["Hon äger bilen"]),
        ("vi pratat", ["Vi har pratat"]),
    ],
)
def test_search_treats_swedish_letters_as_letters(vault, query, found):
    case = vault.create_case("Ärende 2026-006")
    for text in ("Vi har pratat", "Hon klippte håret", "Hon äger bilen"):
        vault.add_note(case, text)
    assert sorted(h.text for h in vault.search(query)) == found


def test_search_results_carry_case_text_and_time(vault):
    case = vault.create_case("Ärende 2026-007")
    vault.add_note(case, "BankID används av partnern")
    [hit] = vault.search("bankid")
    assert (hit.case_id, hit.text, hit.pseudonym) == (
        case,
        "BankID används av partnern",
        "Ärende 2026-007",
    )
    assert hit.created.year == 2026


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "*", "a OR", "-", "(", "'; DROP", ""])
def test_search_never_breaks_on_typed_operators(vault, query):
    vault.add_note(vault.create_case("Ärende 2026-008"), "text")
    assert isinstance(vault.search(query), list)


def test_pseudonyms_unique_and_never_a_personal_number(vault):
    vault.create_case("Ärende 2026-009")
    with pytest.raises(VaultError, match="already a case"):
        vault.create_case("ärende 2026-009")
    digits = "19" + "85" + "0101"  # a made-up date, built here so no real-looking number is stored
    for name in (f"{digits}-0000", f"Klient {digits[2:]}0000", f"{digits[2:]}+0000"):
        with pytest.raises(VaultError, match="personal identity number"):
            vault.create_case(name)
    with pytest.raises(VaultError):
        vault.create_case("   ")


def test_a_refused_pseudonym_says_why_in_exact_words(vault):
    with pytest.raises(VaultError) as empty:
        vault.create_case(" \t ")
    assert str(empty.value) == "A case needs a pseudonym."
    digits = "19" + "85" + "0101" + "0000"  # made up, built here (see above)
    with pytest.raises(VaultError) as number:
        vault.create_case(f"Klient {digits}")
    assert str(number.value) == (
        "A pseudonym must not contain a personal identity number; "
        "choose a neutral one such as “Ärende 2026-014”."
    )
    assert vault.cases() == []


@pytest.mark.parametrize("passphrase", ["", "med\x00nul"])
def test_an_empty_passphrase_or_one_with_nul_is_refused_in_words(tmp_path, passphrase):
    path = tmp_path / "vault.db"
    with pytest.raises(VaultError) as refused:
        Vault.create(path, passphrase)
    assert str(refused.value) == "A passphrase must not be empty or contain NUL characters."
    assert not path.exists()


@pytest.mark.parametrize("passphrase", ["it's ours", "''", "a'b'c"])
def test_the_passphrase_is_the_sqlcipher_key_as_typed(tmp_path, passphrase):
    """Another SQLCipher tool (a recovery by IT) opens the vault with the passphrase exactly
    as the handler typed it, apostrophes and all: here through a bound parameter."""
    import sqlcipher3

    path = tmp_path / "vault.db"
    Vault.create(path, passphrase).close()
    other = sqlcipher3.connect(":memory:")
    try:
        other.execute("ATTACH DATABASE ? AS kept KEY ?", (str(path), passphrase))
        assert other.execute("SELECT count(*) FROM kept.cases").fetchone() == (0,)
    finally:
        other.close()
    Vault.open(path, passphrase).close()


def test_suggested_pseudonym_counts_up_within_the_year(vault):
    assert vault.suggest_pseudonym() == "Ärende 2026-001"
    vault.create_case("Ärende 2026-001")
    vault.create_case("Ärende 2026-007")
    assert vault.suggest_pseudonym() == "Ärende 2026-008"
    assert vault.suggest_pseudonym("Case") == "Case 2026-001"


def test_empty_notes_are_refused(vault):
    case = vault.create_case("Ärende 2026-010")
    with pytest.raises(VaultError):
        vault.add_note(case, "  \n ")


def test_drafts_are_kept_until_the_note_is_saved(vault):
    case = vault.create_case("Ärende 2026-011")
    vault.save_draft(case, "halvskriven")
    assert vault.draft(case) == "halvskriven"
    vault.add_note(case, "färdig")
    assert vault.draft(case) == ""


def test_retention_warns_then_deletes_inactive_cases(vault, clock):
    old = vault.create_case("Ärende 2026-012")
    vault.add_note(old, "gammal")
    clock.advance(80)
    active = vault.create_case("Ärende 2026-013")
    assert [c.id for c in vault.expiring(14)] == [old]
    clock.advance(11)
    assert vault.purge_expired() == 1
    assert [c.id for c in vault.cases()] == [active]
    assert vault.search("gammal") == []


def test_new_notes_and_extension_postpone_deletion(vault, clock):
    noted = vault.create_case("Ärende 2026-014")
    extended = vault.create_case("Ärende 2026-015")
    clock.advance(80)
    vault.add_note(noted, "ny aktivitet")
    until = vault.extend_case(extended)
    assert until == clock().date().fromordinal(clock().date().toordinal() + 90)
    clock.advance(30)
    assert vault.purge_expired() == 0
    assert len(vault.cases()) == 2


def test_retention_period_is_configurable(vault, clock):
    vault.set_retention_days(30)  # shorter: in force after the notice, day 14
    vault.create_case("Ärende 2026-016")
    clock.advance(31)
    assert vault.purge_expired() == 1


def test_change_passphrase(vault):
    vault.add_note(vault.create_case("Ärende 2026-017"), "kvar")
    vault.change_passphrase("en helt ny lösenfras")
    vault.add_note(vault.cases()[0].id, "efter bytet")
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.path, PASSPHRASE)
    with Vault.open(vault.path, "en helt ny lösenfras") as reopened:
        assert len(reopened.search("kvar")) == 1
        assert len(reopened.search("bytet")) == 1


def test_backup_has_its_own_passphrase_and_restores(tmp_path, vault):
    case = vault.create_case("Ärende 2026-018")
    vault.add_note(case, "säkerhetskopierad")
    backup = tmp_path / "backup.db"
    vault.backup(backup, "backupens egen fras")
    vault.add_note(case, "efter kopian")
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(backup, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.restore(backup, "fel", vault.path)
    restored = Vault.restore(backup, "backupens egen fras", vault.path, PASSPHRASE)
    assert [n.text for n in restored.notes(case)] == ["säkerhetskopierad"]
    assert len(restored.search("säkerhetskopierad")) == 1
    restored.close()
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1
    with Vault.open(kept[0], PASSPHRASE) as previous:
        assert len(previous.notes(case)) == 2


def test_backup_to_a_missing_folder_fails_cleanly(tmp_path, vault):
    with pytest.raises(VaultError):
        vault.backup(tmp_path / "missing" / "b.db", "backupens egen fras")
    assert vault.cases() == []


def test_delete_case_removes_notes_and_history(vault):
    case = vault.create_case("Ärende 2026-019")
    note = vault.add_note(case, "borttagen")
    vault.update_note(note, "ändrad borttagen")
    vault.delete_case(case)
    assert vault.search("borttagen") == []
    assert vault.history(note) == []


def test_referrals_and_walkthroughs_are_kept_in_the_case(vault, clock):
    from datetime import date

    case = vault.create_case("Ärende 2026-020")
    vault.add_referral(case, "womens_shelter", "given")
    vault.add_referral(case, "police", "not_sought_unsafe", date(2026, 3, 1))
    with pytest.raises(VaultError):
        vault.add_referral(case, "police", "maybe")
    assert [(r.category, r.consent) for r in vault.referrals(case)] == [
        ("police", "not_sought_unsafe"),
        ("womens_shelter", "given"),
    ]
    walk = vault.save_walkthrough(case, {"asked": "routine", "forms": ["economic"]})
    vault.save_walkthrough(case, {"asked": "routine", "forms": ["economic", "psychological"]}, walk)
    [saved] = vault.walkthroughs(case)
    assert saved.answers["forms"] == ["economic", "psychological"]
    vault.delete_case(case)
    assert vault.referrals(case) == [] and vault.walkthroughs(case) == []


def test_contact_records_are_kept_by_week_only(vault):
    vault.add_contact("2026-W09", {"asked": "routine", "disclosed": "yes", "gender": "woman"})
    vault.add_contact("2026-W12", {"asked": "not_asked", "gender": "man"})
    with pytest.raises(VaultError):
        vault.add_contact("2026-03-02", {})
    assert [c.week for c in vault.contacts("2026-W10", "2026-W52")] == ["2026-W12"]
    assert vault.contacts()[0].record["disclosed"] == "yes"
    assert vault.purge_contacts("2026-W10") == 1
    assert [c.week for c in vault.contacts()] == ["2026-W12"]


def test_exercise_sessions_are_logged_without_names(vault):
    from datetime import date

    vault.add_exercise_session(date(2026, 3, 2), "vaaldstod.exercise.garnishment", 7, "Fråga alla.")
    [session] = vault.exercise_sessions()
    assert (session.participants, session.takeaways) == (7, "Fråga alla.")
    with pytest.raises(VaultError):
        vault.add_exercise_session(date(2026, 3, 2), "x", -1, "")


def test_search_shows_newest_first_and_prefixes_from_two_letters(vault, clock):
    case = vault.create_case("Ärende 2026-021")
    first = vault.add_note(case, "skuld hos banken")
    clock.advance(1)
    second = vault.add_note(case, "skulder igen")
    assert [h.note_id for h in vault.search("sk")] == [second, first]
    assert vault.search("s") == []  # one letter: a word, not every word starting with it
    vault.add_note(case, "s")
    assert [h.text for h in vault.search("s")] == ["s"]


def test_a_shorter_period_deletes_nothing_before_the_day_it_takes_effect(vault, clock):
    vault.create_case("Ärende 2026-030")
    clock.advance(60)  # older than the new period, well within the old one
    takes_effect = vault.set_retention_days(30)
    assert takes_effect == clock().date() + timedelta(days=14)
    assert vault.cases()[0].expires_on == takes_effect  # the day the handler is told
    clock.advance(13)
    assert vault.purge_expired() == 0  # the last day of the notice: still there
    clock.advance(1)
    assert vault.purge_expired() == 1
