# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "49fOTLqICgUZpJoDCxH3FByn9l82HaEJsYCQGePeTqhe6uCuH5Y9BBWPcuWVYNuCYXi6tw3dajbP/YEvziYaCw=="

[files]
"case.toml" = "3a352212d08baf908fa35618b2078965fdc7971003c5c0b32e0c4cbb75d5b9fc"
"pack.toml" = "62238247cbd73e171b64e19bf2fa8cd22d152c2d717e6abc152ec868437e15fe"
