# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "kHNdgw85F2TIDDRUOxX+2KYsTMfZe86OTOHoHiqgctEMRQ0yPJv8398hcPOhTm19HS4YD7qbJpcGffPw84NDCA=="

[files]
"10-identify.toml" = "75d65b27bb0ed33701a7fb5118c31af63800ba577ab2da43fc3f9a345f409fe9"
"20-ask.toml" = "a45caa21e8741c5e70d68f3de46730fd72192ecb719b6a5a78651e1ca3bbad10"
"30-act.toml" = "bc088b85475cd21d8fe571f569c2c6dc7e21b870825c034cf3653c0a2f454f80"
"40-document.toml" = "499bcf11f533860c04ff4fe719616f0b1504c05624b5e4ba4ec0353942cab61a"
"50-refer.toml" = "306a20aa54fc72921c7aef48fc8b6631fe12756640f8cf2c7868596fe0a7be3b"
"60-follow-up.toml" = "a32162028a95b46e7c48ff50663d29826a3956cf82ed308da219dca1e30554c6"
"pack.toml" = "dd5f44a97f8ecc935f0ea126e7fe9ed89f0f7ab46f06efc641db29d77c2b96e9"
