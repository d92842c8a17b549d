# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "suiXBXPKdVfkNLwSUtebfXTSQCLIrp/1hNWH+SlEob0WTKFcG+SIQI/RKlxTEGytawDY6moeSMc+0D7APZFrCQ=="

[files]
"entries.toml" = "adbabfa12eb6cfc230c804b0ebb15ad87ba884901157ad0e1acdcc0cadb019b6"
"pack.toml" = "4c823a49df3af647c031d6e663d664b024fd07bd596912147449ff50e4a6c301"
