# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "3fieu5BBroDX1C1GZ3aV+LxZ0HgPsRu3hzu6KxFqIVxihDdDM4csKOg0/opdbAwv4AzzrYeoBBBmEi/vDsFRAg=="

[files]
"case.toml" = "88c7ff3112d0f01369e3b0c7c9812d2baab990096f6806c5859290f57a79e301"
"pack.toml" = "5df4de14c8ba1b9f37c813591b2832d678c12d994e0100f7050b68eb51f95db5"
