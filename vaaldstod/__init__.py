"""Våldstöd: offline support for caseworkers who meet people subjected to violence."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on demand: importlib.metadata costs tens of milliseconds at start-up,
    # and the lock screen should appear as fast as an empty window.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("vaaldstod")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.1.0"
    raise AttributeError(name)
