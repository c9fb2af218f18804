"""Benchmark: `yusuan audit` work on all five seeds, best of 5 runs.

Target from the audit issue: auditing all five seeds takes under two seconds in total. Reports
read + recognise + audit (what `yusuan audit` does) and the audit step alone.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from yusuan.api import audit_file, parse_file
from yusuan.audit import audit

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("YUSUAN_CORPUS", REPO.parent / "shared" / "corpus")) / "seeds"


def best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        print(f"bench skipped: no seeds under {SEEDS}")
        return 0
    disclosures = [parse_file(path) for path in files]
    whole = best_of(5, lambda: [audit_file(path) for path in files])
    rules_only = best_of(5, lambda: [audit(d) for d in disclosures])
    print(f"audit {len(files)} seeds (read + recognise + audit): best of 5 = {whole * 1000:.0f} ms "
          f"({whole * 1000 / len(files):.0f} ms/file); rules alone {rules_only * 1000:.0f} ms; target < 2000 ms")
    return 0 if whole < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
