# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "g1C81IhJS2sUSmHqkV23MOQ/XZFSfzdkLnHozSVCCxSid+GRHdjnoC9xeeK85/amaesw8AVbiIX+34Z7Tzk4CQ=="

[files]
"customer-service-answer.toml" = "804abfef72d2a4695cba1e15759bbcd56ba5aec2310e1e244e67d9c5550b2b64"
"journal-walkthrough.toml" = "5f0fca312f7cee23ec891fffd451c291e084e3a3e1ad1dafa4e467735306e2a4"
"pack.toml" = "19e9ae89eb267f9d49a2858adc994027cea7c49385bd54722985d8798e3c62b2"
