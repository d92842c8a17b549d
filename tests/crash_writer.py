"""A writer that prints each note's marker only after `add_note` returned (committed).

Run as `python -m tests.crash_writer` from the checkout, so that it writes with the code under
test (a mutated checkout), not an installed copy; it names the package it imported.
"""

import sys

import vaaldstod
from vaaldstod.vault import Vault

path, passphrase, prefix = sys.argv[1:4]
vault = Vault.open(path, passphrase)
case = vault.cases()[0].id
print("ready", vaaldstod.__file__, flush=True)
for i in range(1_000_000):
    vault.add_note(case, f"{prefix}-{i} " + "text " * (i % 50))
    if i % 7 == 0:
        vault.update_note(vault.notes(case)[-1].id, f"{prefix}-{i} edited")
    print(f"{prefix}-{i}", flush=True)
