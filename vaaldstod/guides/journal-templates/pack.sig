# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "IRMLBaYIg5H93kR8a62rkx+Cr4sJh8TtxG6jByqgr+A2NmE0y8FUC1uGXcBwrZ0Wv6ZfAoHOtceExM7QMUVOCg=="

[files]
"customer-service-answer.toml" = "ca53641895eb21f7f08292e95b3bc5f8a85b91aa284284a4c60433249f2b8401"
"journal-walkthrough.toml" = "3af142dd29f607760ceea9a4ce4321520078b1845f324a6cbdfc2f58a824e993"
"pack.toml" = "19e9ae89eb267f9d49a2858adc994027cea7c49385bd54722985d8798e3c62b2"
