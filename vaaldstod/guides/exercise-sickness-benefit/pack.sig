# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "+K7CvHX/VBRjwahpjk+CXx/bOMuDm3jfUihIDtyYDEEO6SRfNZ7LnlbLV8CMnM7Diwjz+Rak/GXbEViDXLjEBQ=="

[files]
"case.toml" = "81f13cc8dc8f44738150ba87036920e68e79b1b467c5ee6ad82af88b69166af2"
"pack.toml" = "51941fd69e6332d8f095794e2a0cbe0630fb4c442668aba79c0b2de8ba5c8a19"
