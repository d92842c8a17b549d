# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "gLcmc1nS8pXvOPXiOTUi8y4qqxM/M2hd/n1SvhQGVTcobgtBQeomHVbxQ2haOkC4U1aK7FUfs4XAMLc0c9mjBw=="

[files]
"case.toml" = "fecb6d9de134cdb7cbd588a5c1fc61fa55146c06e1bacd05bdc2ea5383552648"
"pack.toml" = "5acbfb8d95d3be3f658acd8fa7f6099ade013d8c79e06392fa8b8849d247b42f"
