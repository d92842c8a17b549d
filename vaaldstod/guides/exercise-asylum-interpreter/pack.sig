# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "r/EHQKv8Fx7jutDZkeHPbTZSRuPe4qDGMvrQQk8j19Il/CLApgC8md9NTGIkBomWmi/EaDkSb286v4IuA8zaAQ=="

[files]
"case.toml" = "00e812cf93567ea3c750732a5cffadd74dda5f2d9d07a3d0036dc500f5f1d184"
"pack.toml" = "953bce08ecb4795d2c1149799eb8aa67896e8897f3307a4af66478cd188d78ec"
