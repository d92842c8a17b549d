# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "KhhiLI0iqTExanW4AHeE9/y7x7Vv0MwyM2Z2KEIXnxMPcMLY/wGkHI5fYsbTd2q6BjIGQWTm+ZQqD0tcU9NdBA=="

[files]
"case.toml" = "2085e6cf6df265cd99ebf5c2e164f52e6950a255fcb31a2a931125b3bab5d7d8"
"pack.toml" = "51941fd69e6332d8f095794e2a0cbe0630fb4c442668aba79c0b2de8ba5c8a19"
