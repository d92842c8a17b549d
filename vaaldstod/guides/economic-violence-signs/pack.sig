# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "nSXskEqcttjBMfNCa+Snp/EsssKVTbvvWsOndDFrY6vX7Nvo6L3VNt2D9jV4cbKflFCCCqXx1TQgD8DO0goFDw=="

[files]
"items.toml" = "80ff83e2ff773f3b7cf292ea6789f71b289ea41386518ba49d451feac9929040"
"pack.toml" = "ba8999e80fb2e1c7e710ec8bddc0349a7d4fba871238ae5c1ce19037ee5c0fa9"
