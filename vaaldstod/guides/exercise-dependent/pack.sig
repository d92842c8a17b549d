# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "lG0sO5Z6CsLaJOFL+VwEYp+xPEOdOoBNvReyAFVuSEoJFr9bGvtgITMMRkySbTntFMvZ52hLSwMcZvisF+60BA=="

[files]
"case.toml" = "72e874eaea322a6b557fbc65f76a63c61acc029e046f42228d5d07facf760582"
"pack.toml" = "62238247cbd73e171b64e19bf2fa8cd22d152c2d717e6abc152ec868437e15fe"
