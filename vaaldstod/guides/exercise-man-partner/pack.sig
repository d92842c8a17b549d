# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "cXEmEZPfHS7rwtbP3pUbv2X83IIK9mDXyA1AXR8B5t/tuIo3RAfEa+JJGjEFEExk8LXL1LCmwmV+wRM4xvK9BA=="

[files]
"case.toml" = "77fe59521eb3cd49d33197e1d6fc8be4d518fe3ea143da9ccbe62e6a70ec021a"
"pack.toml" = "f49b226affdb53b5e12149669b2fa998fc48db411c1a43599b9acbd807e738ed"
