# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "c4nXFbRoVOBHQo7ctLPqhb64dbp3EA11nBaSIyCmeU/vTHbPNU44ExBSplCNWddQT7D0ilHlzc2LKQeD0RK7BQ=="

[files]
"case.toml" = "6089eff792e4d5ee92eefcbf0f42bd9db8d3bc437ef8277bc8408fd8266a391c"
"pack.toml" = "d4ec8af8b92f9c08ecb7539276d5ef682388053a5606f5fc82b9bf4bfa8476a4"
