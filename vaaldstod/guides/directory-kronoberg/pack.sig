# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "1/xb580+97yWhuZfz0Wy4C5v6qpO0TUkXGTzhQwaPe0qDV0MAaleXwRQvFr42uvZeiUy5AUyaMRwBUOvjbrZBQ=="

[files]
"entries.toml" = "bc58a0cc75be910c68bb503d53ab10ad5f9c0d2ae02675631e00568c277ed65a"
"pack.toml" = "b16dd0231a31f27552720d8efb569f7c941b80276fd9e35742ae424d509d2ded"
