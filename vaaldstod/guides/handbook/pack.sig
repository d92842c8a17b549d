# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "KqMnRA2PmaW2nwbAR35ZpBBkJzaKicFL63FeISCytRfrcwkEkMTElgAnDloDMnbcN0IY1PAAfDg1Ux5jc4tnAQ=="

[files]
"10-identify.toml" = "d172e1dea15d7295e40a06c655717409bf95e75d7109eea822f20dd1928b5807"
"20-ask.toml" = "37dd155d7b6d21b5bc9aa47b6251691aa9067de0e92a1bbae0a2316b803865f3"
"30-act.toml" = "cfe6f020de493ff5e9ca22dec5cadc533dd2621d24e1bcbd7bef9c92d42e8651"
"40-document.toml" = "daf760f136e36f89093fe1c1d73c5b66cacd8b64bb9ebc6f704881e810f41175"
"50-refer.toml" = "1b3dbc7e99da4792abfde28bc94e978fa4ef708103b7376c07801dad9dd5588a"
"60-follow-up.toml" = "56ed254b48902002a79e61ea938a7a542871d36f39048300d0bf3b1f780a4111"
"pack.toml" = "dd5f44a97f8ecc935f0ea126e7fe9ed89f0f7ab46f06efc641db29d77c2b96e9"
