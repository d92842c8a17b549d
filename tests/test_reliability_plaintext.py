"""The plaintext scan for the ways client data is stored that tests/test_plaintext.py does
not walk through: referrals and walk-through answers in a case, anonymous contact records,
exercise takeaways, note history, and the files that backup, restore and a passphrase change
write. Every file written meanwhile, beside the vault and in the temp folder, is scanned.
"""

from __future__ import annotations

import secrets
import tempfile
import time
from datetime import date
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.test_plaintext import _encodings, _files_written_since
from vaaldstod import paths
from vaaldstod.vault import Vault

# Made up at run time, so no other file (this source, a shell history) can hold it; ASCII
# and in every marker, so a marker is found even if it were stored escaped.
STEM = "ZQX" + secrets.token_hex(5).upper()
MARKERS = {
    kind: f"{STEM}ÖR{kind}"
    for kind in (
        "CASE",
        "NOTE",
        "EDIT",
        "DRAFT",
        "REFERRAL",
        "WALK",
        "WALKEDIT",
        "CONTACT",
        "EXERCISE",
        "DELETED",
    )
}


def _hits(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        needles = [STEM.encode(), STEM.encode("utf-16-le"), STEM.lower().encode()]
        needles += [e for marker in MARKERS.values() for e in _encodings(marker)]
        found += [f"{needle!r} in {path}" for needle in needles if needle in data]
    return found


def test_every_other_kind_of_client_data_is_encrypted_on_disk(tmp_path):
    start = time.time()
    usb = tmp_path / "usb"
    usb.mkdir()
    m = MARKERS
    with Vault.create(paths.vault_path(), PASSPHRASE) as vault:
        case = vault.create_case(f"Ärende {m['CASE']}")
        note = vault.add_note(case, f"Samtal {m['NOTE']}")
        vault.update_note(note, f"Ändrad {m['EDIT']}")  # the first text goes to the history
        vault.save_draft(case, f"Utkast {m['DRAFT']}")
        vault.add_referral(case, m["REFERRAL"], "given")
        walk = vault.save_walkthrough(case, {"svar": m["WALK"], "former": ["ekonomiskt"]})
        vault.save_walkthrough(case, {"svar": m["WALKEDIT"]}, walk)
        vault.add_contact("2026-W09", {"asked": "routine", "comment": m["CONTACT"]})
        vault.add_exercise_session(date(2026, 3, 2), "ovning", 4, m["EXERCISE"])
        gone = vault.create_case("Ärende 2026-999")
        vault.add_note(gone, f"Raderas {m['DELETED']}")
        vault.delete_case(gone)
        vault.change_passphrase(PASSPHRASE + " ny")
        vault.backup(usb / "kopia.db", "kopians egen fras")
    restored = Vault.restore(usb / "kopia.db", "kopians egen fras", paths.vault_path(), PASSPHRASE)
    with restored:  # the markers really were stored, so not finding them means something
        [walked] = restored.walkthroughs(case)
        assert walked.answers["svar"] == m["WALKEDIT"]
        assert restored.referrals(case)[0].category == m["REFERRAL"]
        assert restored.contacts()[0].record["comment"] == m["CONTACT"]
        assert restored.history(note)[0].text.endswith(m["NOTE"])

    written = _files_written_since(paths.home(), start) + _files_written_since(usb, start)
    names = {path.name for path in written}
    assert {"vault.db", "kopia.db"} <= names
    assert any(".before-restore-" in name for name in names)
    written += _files_written_since(Path(tempfile.gettempdir()), start)
    assert _hits(written) == []
