# Written by `vaaldstod packs sign`: the SHA-256 of every file of this pack, signed
# with Ed25519. Any change to a file, or a file added, makes the pack untrusted.
format = 1
key = "a4865ec52e859c41"
signed_on = 2026-12-07
signature = "NUvLWbLv0Xp49AGyu9E3irlA4d3zT0DdcbByJ3m6fMeVI+XbEDmoMtLsQQGwue76lcuAxS0akn6DodSpDcWQCw=="

[files]
"ar.toml" = "ed1c787ecaf76b9ef52a7f5100ffd257d68c5cfe1cc5ea3e41981fcd1a2f25c5"
"en.toml" = "ea4534b2ab323a3da19f100e633af37b46dab59d5ee5d8b2cd68ac3a1984e010"
"fa.toml" = "5aac70e0d9f64adcac939bc980697ebc1f79c9b07cb5388f3876a534b8aab97e"
"pack.toml" = "3eac9142f9a93bdaead46dd83b9c05053d0175f7106830e586a13461ec21b8ef"
"so.toml" = "6e6ddb3755cf70c61791965906ef85390cb03fcdaef034f6ca9ee5390a343a0c"
"sv-easy.toml" = "64ccfbc32bf7d9f3ccfb084d6782716f3baa84a4c242bc7d9a4b10277b06a143"
"sv.toml" = "2095d858ec011f566d6c5559783268e8d46df902b4f8fc3638ace86fc7ca9931"
"ti.toml" = "7fb41fba9263c00f5f772657efd4a9787c8f9ea8d9e037cd1f0e6a062ead6245"
