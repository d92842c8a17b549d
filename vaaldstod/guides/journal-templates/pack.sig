# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "JZf81kWddKmyNDCIWMCBE7KHxlCaIN1L7toX/IbdV9mXOcVlGngnEKyhXPLTdl19HWUWQDN+7Q5Ia8mobddsBw=="

[files]
"customer-service-answer.toml" = "ca53641895eb21f7f08292e95b3bc5f8a85b91aa284284a4c60433249f2b8401"
"journal-walkthrough.toml" = "c0209e6176bc4247d69f49eabe040559827756e52715ffb5df1d3c95ce7f4468"
"pack.toml" = "19e9ae89eb267f9d49a2858adc994027cea7c49385bd54722985d8798e3c62b2"
