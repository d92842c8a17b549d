"""`vaaldstod packs …`: validate and list content packs (placeholder until the engine lands)."""


def register(commands) -> None:
    """Add the `packs` subcommand to the top-level parser."""
