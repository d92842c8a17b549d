"""A writer that prints each note's marker only after `add_note` returned (committed)."""

import sys

from vaaldstod.vault import Vault

path, passphrase, prefix = sys.argv[1:4]
vault = Vault.open(path, passphrase)
case = vault.cases()[0].id
print("ready", flush=True)
for i in range(1_000_000):
    vault.add_note(case, f"{prefix}-{i} " + "text " * (i % 50))
    if i % 7 == 0:
        vault.update_note(vault.notes(case)[-1].id, f"{prefix}-{i} edited")
    print(f"{prefix}-{i}", flush=True)
