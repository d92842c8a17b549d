# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "OjVw90tOg7l8Vrz/fZ9lzdLRIF0Fwb1uwQKReL5OrwTNpUVEDrcEa9ERjMrZS9SoUoJ553Xy/gn546CSOGizCA=="

[files]
"case.toml" = "b8e3f3a334d89df841d9989c0ee7dd8407cbaec70bc6055298c5e51f531f5d93"
"pack.toml" = "35c9b68f86cb7d3f4c573b67935be43af1e8a34c12a8161061a97fefbb1b3b15"
