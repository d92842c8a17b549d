"""The options of every command that opens the vault (`packs`, `stats`): which vault, and
where its passphrase comes from. Light on purpose: building the parser must not load the vault."""

from __future__ import annotations

import argparse
from pathlib import Path

from vaaldstod.i18n import _


def add_vault_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", type=Path, help=_("the vault (default: your own)"))
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_("unlock the vault with the first line of standard input"),
    )
