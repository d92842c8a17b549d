"""Benchmarks (`make bench`, `python -m bench`): each figure beside a baseline of the same run."""
