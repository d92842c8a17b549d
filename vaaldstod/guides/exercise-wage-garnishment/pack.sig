# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "Kb9KNh9Ma3+NeMDWNV0bMWx4720szfVmACNn2eT+4XVTI53c2v/OYk3sB8YZf7hHfURv9wnJmfNvQtflMWh5Bg=="

[files]
"case.toml" = "75ea4dd44b0be98561b1db7865477d7740df5a964c1ed820c35d6f857ef0ab0f"
"pack.toml" = "35c9b68f86cb7d3f4c573b67935be43af1e8a34c12a8161061a97fefbb1b3b15"
