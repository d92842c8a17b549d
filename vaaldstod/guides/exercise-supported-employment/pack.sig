# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "z3aaEqXvnlin07HZOiDetrIyFlHlLywfPWSXQMELzjsaG4/wG1kU8nFl7B5GJvojuXNqGJW9bKfn3MFswu2XBw=="

[files]
"case.toml" = "5a5c2f2ce8c4250c6bac9e46c844a16781ef609199d32feda63cfe9b24f45f26"
"pack.toml" = "308f492a94d9f101c448d7df30bc3ac802e44f1a88794878b172f5026fe974dc"
