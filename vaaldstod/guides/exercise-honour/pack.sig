# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "qF8mXfy5ewmcFQ6+8x/VPD9nJb+i56+uFyMH995LIOxti6DcSSUR+tvPsNyDc+CvUdZnaVDFcR1HqR4CQVVPCQ=="

[files]
"case.toml" = "5518f04162a48cb1803d1edc75fd9fb7c4e0bd06bbfae307430c7854fb893d5f"
"pack.toml" = "6d73019192240cd029ae12ce737f00352ff543ab30e6fb8a6f98c6020143d7b0"
