# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "TaA675C5FWOu3dInhSnkqIiZfUj7gOYduG8IM8UiUp6BHldLvJRUZCWoboeG+WwetjfiTRmj517FOLl8rftGAQ=="

[files]
"case.toml" = "530d4da416e6b59d1c86d2f83e3517c3574c50c16491d4b9a873dc586c13b3e5"
"pack.toml" = "7cf7e7ff8e06ee8dac67e08b79caadc7efed9e1ebc6af64e01291e2bb8c070ae"
