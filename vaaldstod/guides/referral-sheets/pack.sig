# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "vnXyYqwmGkANtX96c3f+NXk1xekNqDUKhQS9rkaazPNKCxX7rMCkwcanWGGzVKutopuEtvk6XW0hv+Pfvfb5BA=="

[files]
"ar.toml" = "3748e3b112885d2aa8dba814da60226cd7e82a84da7226eedce4afa00a6334c1"
"en.toml" = "5127fd13aa0041d488955cf048b15026bfbb1940b6a48f7dcadcf69088710d7d"
"fa.toml" = "ba356cb9f77fd2cf9f511dd73850e4debcf1a5c97840216de7ed09842b6049d3"
"pack.toml" = "a270b748f9205a58779bc2ed0f852add5474f385bb4cd04661b9034e7fe8c543"
"so.toml" = "2ebc0ee86d6ac854689c059ece03a7fc045887038418b13a9ab88a35e5910a94"
"sv-easy.toml" = "6a7918470afcfa405227251399e3848ed66df7303962d30bd8907820fe859e27"
"sv.toml" = "6267d19d89a26a4e4f85b50bf5b4b8ed3ec4805e80f14bec820aa892b5730c8c"
