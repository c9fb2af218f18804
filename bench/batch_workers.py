"""Benchmark: `yusuan batch` over the shared corpus with one worker, then with two, in one run.

Target from the store-and-batch issue: two workers at least 1.7× faster than one. Each run uses
a fresh SQLite store, so nothing is skipped; the files are the same.

    .venv/bin/python bench/batch_workers.py [--min-speedup 1.7]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from yusuan.api import open_store
from yusuan.batch import run_batch

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("YUSUAN_CORPUS", REPO.parent / "shared" / "corpus"))


def timed(workers: int, folders: list[Path]) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        start = time.perf_counter()
        result = run_batch(folders, store, workers=workers)
        elapsed = time.perf_counter() - start
        store.close()
    return elapsed, result.tally.done, result.tally.pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-speedup", type=float, default=1.7)
    args = parser.parse_args()
    folders = [CORPUS / part for part in ("seeds", "pdf", "more") if (CORPUS / part).is_dir()]
    if not folders:
        print(f"bench skipped: no corpus under {CORPUS}")
        return 0
    one, files, pages = timed(1, folders)
    two, _, _ = timed(2, folders)
    speedup = one / two
    print(f"batch {files} files ({pages} PDF pages): 1 worker {one:.1f} s ({pages / one:.1f} pages/s), "
          f"2 workers {two:.1f} s ({pages / two:.1f} pages/s); speedup {speedup:.2f}× (target ≥ {args.min_speedup}×; "
          f"{os.cpu_count()} cores)")
    return 0 if speedup >= args.min_speedup else 1


if __name__ == "__main__":
    sys.exit(main())
