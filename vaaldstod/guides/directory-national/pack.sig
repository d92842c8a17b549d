# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "irTfopGU2DQR2e9Cy96p91yY+clM2vqs9dkluF9H6FyGvvilsspw7RFTcSKm11pl0uzghhCK2x70BAyk3H5WBA=="

[files]
"entries.toml" = "01547532e482c14472d97247e962a0dd9d5f4d9c278e223e8134eb2ec9f5e4e0"
"pack.toml" = "4c823a49df3af647c031d6e663d664b024fd07bd596912147449ff50e4a6c301"
