from vaaldstod.cli import entry

raise SystemExit(entry())
