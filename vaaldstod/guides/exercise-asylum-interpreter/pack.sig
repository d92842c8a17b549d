# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "+cSqyPws3Ife2w0+Mu9uSvZ+Nf2dPFNBFRrsRjsdfcLH6wv77jlBqt8x1drayeI69KnOAz4loEKhT2P3/mFVAg=="

[files]
"case.toml" = "22784058246e85fb43d4ee1ce8e670bd7f0aad0c7fc14306ccf67e654afaad69"
"pack.toml" = "953bce08ecb4795d2c1149799eb8aa67896e8897f3307a4af66478cd188d78ec"
