"""Benchmark: `yusuan parse` work (read + recognise) on all five seeds, best of 5 runs.

Target from the foundation issue: under one second for all five together.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from yusuan.api import parse_file

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("YUSUAN_CORPUS", REPO.parent / "shared" / "corpus")) / "seeds"


def main() -> int:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        print(f"bench skipped: no seeds under {SEEDS}")
        return 0
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for path in files:
            parse_file(path)
        best = min(best, time.perf_counter() - start)
    print(f"parse {len(files)} seeds: best of 5 = {best * 1000:.0f} ms ({best * 1000 / len(files):.0f} ms/file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
