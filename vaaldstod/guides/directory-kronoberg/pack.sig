# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "62Q9QIahPIqGzWz7pq+VsRNxkhpPUbOXZUkUTY+5jEL5561D3js42a8sS/06Hl4zkJI96lSAhVW4PHPrSeP8Dg=="

[files]
"entries.toml" = "baccf3dd3246caa34b5cd656db15842c9a506da231e064d848cfd0947d19ccf2"
"pack.toml" = "b16dd0231a31f27552720d8efb569f7c941b80276fd9e35742ae424d509d2ded"
