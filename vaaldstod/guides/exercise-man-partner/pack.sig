# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "Gxr8YES6Jw8sjd3BGkqK+DixFs7B/EiUfPrTD8Mb+K8mrOtJSa+XG3YhntzDNH1U+p00xfKl+XC0SoKz3EuKCA=="

[files]
"case.toml" = "23680b2cae8e69dc04d3695b65767f49fb263828a1a050c5f308c322b89b3f71"
"pack.toml" = "f49b226affdb53b5e12149669b2fa998fc48db411c1a43599b9acbd807e738ed"
