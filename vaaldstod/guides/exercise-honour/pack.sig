# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "PdDEU0S9OizRHEP51q9PmmpfbDzTA+m9CgYGjbvGvPAd9yhzrJ1GDwUwRatHbY64JAuFTOZ6bqRWq5CPDWxbDw=="

[files]
"case.toml" = "dbfffad629d92a6bf8ece5a52af1ca86efe48412252fbe34efb48889ec0c98e8"
"pack.toml" = "6d73019192240cd029ae12ce737f00352ff543ab30e6fb8a6f98c6020143d7b0"
