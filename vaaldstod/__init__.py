"""Våldstöd: offline support for caseworkers who meet people subjected to violence."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vaaldstod")
except PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
