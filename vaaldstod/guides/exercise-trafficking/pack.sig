# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "kPeKI+2C01KO0pXIGkmbsN/RBVTAqFdAr48Q0jaRL83+642Qs0TSdTzXKZhlNN2jgN/TJleUS80rnopbvQp6Dw=="

[files]
"case.toml" = "8c678b2964241130b20fe4c5f9ab57a0ff0b6ac9eb476c987ea209ca00e8c8d1"
"pack.toml" = "ad42c972a834e0599bf6d8ff9d45bd2c559f3f99d1c9996e8f048a2506b1c447"
