"""Everything that draws: Qt widgets, printing and PDF. Thin; the rules live in the core."""
