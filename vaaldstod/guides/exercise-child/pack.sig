# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "KoLgF0k4GZlvEqIhzoxS7h5pxaVWaKtm8HeaaZFs++sseTlmNnmtUF8tdhTajba7LEDPOvWnr3UeKvhFT/iSDw=="

[files]
"case.toml" = "3ce6c6fd383320c140ef0e70d30c4708c65028f9b778b2099fa4493b22c8632b"
"pack.toml" = "d4ec8af8b92f9c08ecb7539276d5ef682388053a5606f5fc82b9bf4bfa8476a4"
