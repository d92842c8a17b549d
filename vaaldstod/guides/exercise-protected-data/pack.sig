# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "oZhiuCZbXtWHFqiAbhNyXRuL2HEN2Dy689SveBpqOtS5UpSpqP2E5P7oayYv3x5j2q757rfJRnndvwHxiO7EBA=="

[files]
"case.toml" = "ee5728be86040af5a8208196357887746774c6cf31ea1d73c7a703a58debded8"
"pack.toml" = "02f253f9cb1af7674775516b8abf3b547665fe5a0219bc09ec0fdfe5fae58b68"
