# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "PfuFXnp/4V35i1xy0xKApqwzJqiPEJqiM2Y5auz/HLCpJwGGeXgimxJquuHTEqZhJIaW50XR8auLvCCigqY9Cg=="

[files]
"case.toml" = "c9d77cfa9edc7fa3bdcc7a63cf119500c35f968a600d51427a1ece327dda8c0d"
"pack.toml" = "5acbfb8d95d3be3f658acd8fa7f6099ade013d8c79e06392fa8b8849d247b42f"
