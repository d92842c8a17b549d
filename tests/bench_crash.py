"""A probe that dies as the PySide6 6.12.0 unlock probe did (tests/test_bench_failures.py)."""

import os
import sys

print("Fatal Python error: none_dealloc: deallocating None", file=sys.stderr, flush=True)
os.abort()
